// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ScenarioInput } from '../../src/shared/scenarioSchema'

const fake = vi.hoisted(() => ({ api: null as unknown as import('./fakeApi').FakeApi }))
vi.mock('../../src/renderer/src/api', async () => {
  const { createFakeApi } = await import('./fakeApi')
  fake.api = createFakeApi()
  return { api: fake.api, userMessage: (error: unknown) => (error as Error).message }
})

const ScenarioView = (await import('../../src/renderer/src/views/ScenarioView.vue')).default
const ScenarioMarketCard = (
  await import('../../src/renderer/src/components/scenario/ScenarioMarketCard.vue')
).default
const { useScenarioStore } = await import('../../src/renderer/src/stores/scenarioStore')

const good: ScenarioInput = {
  version: 1,
  name: 'Gap',
  steps: 10,
  stepSeconds: 60,
  markets: [{ underlying: 'BTC', startPrice: 100, path: [{ kind: 'gap', atStep: 2, move: -0.1 }] }]
}

/** Errors Vue caught while rendering: a crash of the form lands here instead of on screen. */
let renderErrors: unknown[]

function mountView(): VueWrapper {
  return mount(ScenarioView, {
    global: {
      config: {
        errorHandler: (error) => {
          renderErrors.push(error)
        }
      }
    }
  })
}

const jsonText = (view: VueWrapper): string =>
  (view.get('textarea[aria-label="Scenario JSON"]').element as HTMLTextAreaElement).value

const formTab = (view: VueWrapper) => view.findAll('[role="tab"]')[0]

beforeEach(() => {
  setActivePinia(createPinia())
  renderErrors = []
  fake.api.forgetListeners()
  for (const mock of Object.values(fake.api)) if (vi.isMockFunction(mock)) mock.mockReset()
  fake.api.scenarioPresets.mockResolvedValue({ presets: [] })
  fake.api.validateScenario.mockResolvedValue({
    ok: false,
    problems: [{ path: ['markets'], field: 'markets', message: 'must be a list of markets' }]
  })
})

describe('the scenario editor on a draft the form cannot show', () => {
  it('opens a file without markets in the JSON view, saying why, with main’s problems', async () => {
    const scenarios = useScenarioStore()
    const { markets: _left, ...withoutMarkets } = good
    expect(scenarios.openText(JSON.stringify(withoutMarkets), 'odd.json')).toBeNull()
    const view = mountView()
    await scenarios.validate()
    await flushPromises()
    expect(renderErrors).toEqual([])
    expect(JSON.parse(jsonText(view))).toEqual(withoutMarkets)
    expect(view.get('[data-testid="form-unavailable"]').text()).toContain(
      'markets must be a list [ … ]'
    )
    expect(formTab(view).attributes('disabled')).toBeDefined()
    expect(view.get('[data-testid="scenario-problems"]').text()).toContain(
      'must be a list of markets'
    )
    expect(view.find('[data-section="markets"]').exists()).toBe(false)
  })

  it('restores a snapshot whose market is null into the JSON view', async () => {
    const scenarios = useScenarioStore()
    scenarios.addBlank(good)
    const saved = scenarios.snapshot()
    saved.scenarios[0].scenario = { ...good, markets: [null] }
    expect(scenarios.restore(saved)).toBeNull()
    const view = mountView()
    await flushPromises()
    expect(renderErrors).toEqual([])
    expect(view.get('[data-testid="form-unavailable"]').text()).toContain(
      'markets[0] must be an object { … }'
    )
    expect(JSON.parse(jsonText(view)).markets).toEqual([null])
  })

  it('moves to the JSON view when a JSON edit breaks the shape, and back to the form once fixed', async () => {
    fake.api.validateScenario.mockResolvedValue({ ok: true })
    const scenarios = useScenarioStore()
    scenarios.addBlank(good)
    const view = mountView()
    await flushPromises()
    expect(view.find('[data-market="BTC"]').exists()).toBe(true)
    scenarios.replaceDraft({
      ...good,
      markets: [{ underlying: 'BTC', path: 'gap' }, 7],
      monteCarlo: { levels: 0.99 }
    } as unknown as ScenarioInput)
    await flushPromises()
    expect(renderErrors).toEqual([])
    expect(view.find('[data-market="BTC"]').exists()).toBe(false)
    expect(view.findAll('[data-testid="form-unavailable"] li').map((item) => item.text())).toEqual([
      'markets[0].path must be a list [ … ]',
      'markets[1] must be an object { … }',
      'monteCarlo.levels must be a list [ … ]'
    ])
    // Fixed in the JSON, it stays in the JSON view (the text being typed does not vanish)...
    scenarios.replaceDraft(structuredClone(good))
    await flushPromises()
    expect(view.find('[data-testid="form-unavailable"]').exists()).toBe(false)
    expect(view.find('textarea[aria-label="Scenario JSON"]').exists()).toBe(true)
    // ...and the form is one click away again.
    expect(formTab(view).attributes('disabled')).toBeUndefined()
    await formTab(view).trigger('click')
    expect(view.find('[data-market="BTC"]').exists()).toBe(true)
    expect(renderErrors).toEqual([])
  })
})

describe('a market card on a malformed draft', () => {
  it('draws nothing for a market that is not an object, and an empty underlying for a missing one', () => {
    const scenarios = useScenarioStore()
    scenarios.addBlank(good)
    const draft = { ...good, markets: [null, {}] } as unknown as ScenarioInput
    const nullCard = mount(ScenarioMarketCard, { props: { draft, index: 0 } })
    expect(nullCard.html()).toBe('<!--v-if-->')
    const bare = mount(ScenarioMarketCard, { props: { draft, index: 1 } })
    expect(bare.get('.market-card').attributes('data-market')).toBe('')
    expect(bare.find('button[aria-label="Remove market "]').exists()).toBe(true)
  })
})
