// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import type { EstimateFile, EstimatePreview } from '../../src/shared/estimateTypes'
import { sampleBins } from './samples'

const fake = vi.hoisted(() => ({ api: null as unknown as import('./fakeApi').FakeApi }))
vi.mock('../../src/renderer/src/api', async () => {
  const { createFakeApi } = await import('./fakeApi')
  fake.api = createFakeApi()
  return { api: fake.api, userMessage: (error: unknown) => (error as Error).message }
})

const { useEstimateStore } = await import('../../src/renderer/src/stores/estimateStore')
const { useHeatmapStore } = await import('../../src/renderer/src/stores/heatmapStore')
const EstimatePanel = (await import('../../src/renderer/src/components/estimate/EstimatePanel.vue'))
  .default
const ImportView = (await import('../../src/renderer/src/views/ImportView.vue')).default
const LeverageMixTable = (
  await import('../../src/renderer/src/components/estimate/LeverageMixTable.vue')
).default

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

const file = (role: EstimateFile['role'], changes: Partial<EstimateFile> = {}): EstimateFile => ({
  fileId: `market-${role}`,
  role,
  name: `${role}.csv`,
  bytes: 1200,
  rows: 24,
  from: Date.UTC(2024, 7, 8),
  to: Date.UTC(2024, 7, 8, 23),
  takerFlow: role === 'candles',
  unit: role === 'candles' ? null : 'base',
  symbol: role === 'candles' ? null : 'ETHUSDT',
  problem: null,
  ...changes
})

const OK: EstimatePreview = {
  status: 'ok',
  summary: {
    bars: 24,
    measuredBars: 24,
    opened: 1520.5,
    closed: 400,
    liquidated: 120,
    surviving: 1000.5,
    unplaced: 77941.4,
    longShare: 0.54
  },
  positions: 112,
  longNotional: 3.2e7,
  shortNotional: 2.8e7,
  markPrice: 61000
}

beforeEach(() => {
  setActivePinia(createPinia())
  for (const mock of Object.values(fake.api)) if (vi.isMockFunction(mock)) mock.mockReset()
  fake.api.stageEstimateText.mockImplementation(async ({ role }) => file(role))
  fake.api.previewEstimate.mockResolvedValue(OK)
})

async function stageBoth() {
  const estimate = useEstimateStore()
  await estimate.stageBrowserFile('candles', new File(['a'], 'candles.csv'))
  await estimate.stageBrowserFile('openInterest', new File(['b'], 'openInterest.csv'))
  await flush()
  return estimate
}

describe('estimate store', () => {
  it('sends file text to main and takes the market from the open interest file', async () => {
    const estimate = await stageBoth()
    expect(fake.api.stageEstimateText).toHaveBeenCalledWith({
      role: 'candles',
      name: 'candles.csv',
      text: 'a'
    })
    expect(estimate.assumptions.symbol).toBe('ETHUSDT')
    expect(fake.api.previewEstimate).toHaveBeenLastCalledWith({
      candles: 'market-candles',
      openInterest: 'market-openInterest',
      assumptions: expect.objectContaining({ symbol: 'ETHUSDT', maintenanceRate: 0.005 })
    })
    expect(estimate.preview).toEqual(OK)
    expect(estimate.ready).toBe(true)
  })

  it('starts from the engine defaults, with the mid mix as a preset to switch', async () => {
    const estimate = useEstimateStore()
    expect(estimate.mixPreset).toBe('mid')
    expect(estimate.assumptions.sideSplit).toEqual({ kind: 'taker-flow', fallbackLongShare: 0.5 })
    estimate.useMix('high')
    expect(estimate.assumptions.leverageMix.map((row) => row.leverage)).toEqual([10, 25, 50, 100])
    estimate.editLeverage(0, { share: 0.3 })
    expect(estimate.mixPreset).toBe('custom')
    expect(estimate.fieldProblems.mix).toBe('the shares add up to 110%, not 100%')
  })

  it('does not ask main while an assumption is wrong, and says which', async () => {
    const estimate = await stageBoth()
    fake.api.previewEstimate.mockClear()
    estimate.assumptions.maintenanceRate = 0.2
    estimate.editLeverage(0, { leverage: 5 })
    await flush()
    expect(estimate.fieldProblems.maintenanceRate).toBe('20% liquidates 5x positions at entry')
    expect(fake.api.previewEstimate).not.toHaveBeenCalled()
    expect(estimate.preview).toBeNull()
    expect(estimate.ready).toBe(false)
  })

  it('keeps a file that cannot be read out of the preview', async () => {
    fake.api.stageEstimateText.mockResolvedValueOnce(
      file('candles', { problem: 'candles c.csv: 1 bad row: line 3: low must be a number' })
    )
    const estimate = await stageBoth()
    expect(estimate.filesReady).toBe(false)
    expect(fake.api.previewEstimate).not.toHaveBeenCalled()
  })

  it('uses the estimate as the book and keeps main’s answer', async () => {
    const estimate = await stageBoth()
    fake.api.startEstimate.mockResolvedValue({
      status: 'done',
      positions: 112,
      workspaceName: 'candles + openInterest'
    })
    await estimate.start()
    expect(fake.api.startEstimate).toHaveBeenCalledWith(
      expect.objectContaining({ candles: 'market-candles', openInterest: 'market-openInterest' })
    )
    expect(estimate.result).toEqual({
      status: 'done',
      positions: 112,
      workspaceName: 'candles + openInterest'
    })
  })
})

describe('estimate panel', () => {
  it('shows each file as read, the preview, and enables "Use as the book"', async () => {
    await stageBoth()
    const wrapper = mount(EstimatePanel)
    await nextTick()
    expect(wrapper.get('[data-testid="estimate-candles-read"]').text()).toBe(
      '24 bars · 2024-08-08 00:00 → 2024-08-08 23:00 UTC · taker buy volume'
    )
    expect(wrapper.get('[data-stat="opened"] .value').text()).toBe('1,520.5 ETH')
    expect(wrapper.get('[data-stat="positions"] .value').text()).toBe('112')
    expect(wrapper.get('[data-testid="start-estimate"]').attributes('disabled')).toBeUndefined()
  })

  it('says what is wrong next to the field and the file, and blocks the start', async () => {
    fake.api.stageEstimateText.mockImplementation(async ({ role }) =>
      role === 'openInterest'
        ? file(role, { problem: 'open interest oi.csv: needs at least two rows, got 1' })
        : file(role)
    )
    const estimate = await stageBoth()
    estimate.assumptions.symbol = ' '
    const wrapper = mount(EstimatePanel)
    await nextTick()
    expect(wrapper.get('[data-testid="estimate-openInterest-problem"]').text()).toBe(
      'open interest oi.csv: needs at least two rows, got 1'
    )
    expect(wrapper.text()).toContain('give the market symbol, such as BTCUSDT')
    expect(wrapper.get('[data-testid="start-estimate"]').attributes('disabled')).toBeDefined()
  })

  it('reports main’s problem with the files together', async () => {
    fake.api.previewEstimate.mockResolvedValue({
      status: 'problem',
      field: 'overlap',
      message: 'the open interest series does not cover the candles'
    })
    await stageBoth()
    const wrapper = mount(EstimatePanel)
    await nextTick()
    expect(wrapper.get('[data-testid="estimate-problem"]').text()).toBe(
      'The two files together: the open interest series does not cover the candles'
    )
  })
})

describe('import view modes', () => {
  it('switches to estimating a book and back, the position import as it was', async () => {
    const wrapper = mount(ImportView)
    expect(wrapper.find('[data-testid="import-file-input"]').exists()).toBe(true)
    await wrapper.get('[data-mode="estimate"]').trigger('click')
    expect(wrapper.find('[data-testid="import-file-input"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="estimate-candles-input"]').exists()).toBe(true)
    expect(wrapper.get('[data-mode="estimate"]').attributes('aria-pressed')).toBe('true')
    await wrapper.get('[data-mode="positions"]').trigger('click')
    expect(wrapper.find('[data-testid="import-file-input"]').exists()).toBe(true)
  })
})

describe('leverage mix table', () => {
  it('edits shares as percentages and offers the presets', async () => {
    const wrapper = mount(LeverageMixTable, {
      props: {
        mix: [
          { leverage: 10, share: 0.4 },
          { leverage: 25, share: 0.6 }
        ],
        total: 1,
        preset: 'custom',
        problems: {}
      }
    })
    const share = wrapper.get('input[aria-label="Share of 10x"]')
    expect((share.element as HTMLInputElement).value).toBe('40')
    await share.setValue('35')
    expect(wrapper.emitted('edit')).toEqual([[0, { share: 0.35 }]])
    await wrapper.get('[data-mix="low"]').trigger('click')
    expect(wrapper.emitted('preset')).toEqual([['low']])
    expect(wrapper.get('[data-testid="mix-total"]').text()).toBe('100.0% in all')
  })
})

describe('heatmap band choice', () => {
  it('asks main for the band and offers it only where main says the book is an estimate', async () => {
    const heatmap = useHeatmapStore()
    fake.api.heatmapBins.mockResolvedValue(sampleBins())
    heatmap.show('BTC')
    await flush()
    expect(heatmap.bandOffered).toBe(false)
    fake.api.heatmapBins.mockResolvedValue({ ...sampleBins(), estimate: { mixes: ['low'] } })
    heatmap.setBand(true)
    await flush()
    expect(fake.api.heatmapBins).toHaveBeenLastCalledWith(expect.objectContaining({ band: true }))
    expect(heatmap.bandOffered).toBe(true)
  })
})
