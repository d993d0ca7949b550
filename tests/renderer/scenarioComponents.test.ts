// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'

const fake = vi.hoisted(() => ({ api: null as unknown as import('./fakeApi').FakeApi }))
vi.mock('../../src/renderer/src/api', async () => {
  const { createFakeApi } = await import('./fakeApi')
  fake.api = createFakeApi()
  return { api: fake.api, userMessage: (error: unknown) => (error as Error).message }
})

const ScenarioNumber = (
  await import('../../src/renderer/src/components/scenario/ScenarioNumber.vue')
).default
const ScenarioSettings = (
  await import('../../src/renderer/src/components/scenario/ScenarioSettings.vue')
).default
const { useScenarioStore } = await import('../../src/renderer/src/stores/scenarioStore')

function storeWithDraft() {
  const scenarios = useScenarioStore()
  scenarios.addBlank({
    version: 1,
    name: 'T',
    steps: 10,
    stepSeconds: 60,
    markets: [{ underlying: 'BTC', startPrice: 100 }],
    mechanics: { throughputPerStep: 5e6 }
  })
  return scenarios
}

beforeEach(() => {
  setActivePinia(createPinia())
  fake.api.validateScenario.mockResolvedValue({ ok: true })
})

describe('scenario form fields', () => {
  it('writes numbers through the store; emptied, an optional field goes and a nullable one is null', async () => {
    const scenarios = storeWithDraft()
    const draft = () => scenarios.selected!.draft
    const price = mount(ScenarioNumber, {
      props: { owner: draft().markets[0], name: 'startPrice', path: ['markets', 0], label: 'Start' }
    })
    await price.get('input').setValue('250.5')
    expect(draft().markets[0].startPrice).toBe(250.5)
    await price.get('input').setValue('')
    expect('startPrice' in draft().markets[0]).toBe(false)

    const throughput = mount(ScenarioNumber, {
      props: {
        owner: draft().mechanics!,
        name: 'throughputPerStep',
        path: ['mechanics'],
        label: 'Throughput',
        nullable: true
      }
    })
    await throughput.get('input').setValue('')
    expect(draft().mechanics!.throughputPerStep).toBeNull()
  })

  it('shows main’s message for its field beneath it', async () => {
    const scenarios = storeWithDraft()
    fake.api.validateScenario.mockResolvedValue({
      ok: false,
      problems: [{ path: ['steps'], field: 'steps', message: 'must be at least 1' }]
    })
    await scenarios.validate()
    const steps = mount(ScenarioNumber, {
      props: {
        owner: scenarios.selected!.draft,
        name: 'steps',
        path: [],
        label: 'Steps',
        hint: 'a hint'
      }
    })
    expect(steps.get('[role="alert"]').text()).toBe('must be at least 1')
    expect(steps.find('.hint').exists()).toBe(false)
    expect(steps.get('[data-field="steps"]').classes()).toContain('invalid')
  })

  it('creates a section the draft leaves out on its first edit, and reads lists as numbers', async () => {
    const scenarios = storeWithDraft()
    const settings = mount(ScenarioSettings, { props: { draft: scenarios.selected!.draft } })
    await settings.get('input[aria-label="VaR levels"]').setValue('0.9, 0.975 abc')
    await nextTick()
    expect(scenarios.selected!.draft.monteCarlo).toEqual({ levels: [0.9, 0.975, 'abc'] })
    scenarios.setField(['mechanics', 'venues', 'okx', 'insuranceFund'], 1e6)
    expect(scenarios.selected!.draft.mechanics).toEqual({
      throughputPerStep: 5e6,
      venues: { okx: { insuranceFund: 1e6 } }
    })
    scenarios.addItem(['markets', 0, 'path'], { kind: 'gap', atStep: 1, move: -0.1 })
    scenarios.removeItem(['markets'], 0)
    expect(scenarios.selected!.draft.markets).toEqual([])
  })
})
