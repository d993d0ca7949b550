// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeApi } from './fakeApi'
import { BTC_MARKET, sampleBins, sampleResult, sampleSweep } from './samples'

const fake = vi.hoisted(() => ({ api: null as unknown as ReturnType<typeof createFakeApi> }))
vi.mock('../../src/renderer/src/api', async () => {
  const { createFakeApi } = await import('./fakeApi')
  fake.api = createFakeApi()
  return { api: fake.api, userMessage: (error: unknown) => (error as Error).message }
})

const { useCascadeStore } = await import('../../src/renderer/src/stores/cascadeStore')
const { useBookStore } = await import('../../src/renderer/src/stores/bookStore')
const { useHeatmapStore } = await import('../../src/renderer/src/stores/heatmapStore')
const { useTaskStore } = await import('../../src/renderer/src/stores/taskStore')
const { followBookChanges } = await import('../../src/renderer/src/stores/followBookChanges')

const history = { canUndo: true, canRedo: false, undoLabel: 'edit size of P1', redoLabel: null }
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => {
  setActivePinia(createPinia())
  fake.api.forgetListeners()
  for (const mock of Object.values(fake.api)) if (vi.isMockFunction(mock)) mock.mockReset()
  fake.api.runCascade.mockResolvedValue(sampleResult())
  fake.api.sweepShocks.mockResolvedValue(sampleSweep())
  fake.api.gainProfile.mockResolvedValue({
    underlying: 'BTC',
    version: 1,
    fall: sampleSweep().gain,
    rise: sampleSweep().gain
  })
  fake.api.bookSummary.mockResolvedValue({ version: 2, positions: 9 })
  fake.api.workspace.mockResolvedValue({ name: 'w', markets: [] })
  followBookChanges()
})

describe('cascade store', () => {
  it('runs the shock, the sweep and the gain profile with the chosen model', async () => {
    const cascade = useCascadeStore()
    cascade.useMarket(BTC_MARKET)
    expect(cascade.kind).toBe('book')
    cascade.kind = 'linear'
    cascade.setShock(-0.123456)
    expect(cascade.shock).toBe(-0.1235)
    await cascade.run()
    expect(fake.api.runCascade).toHaveBeenCalledWith({
      underlying: 'BTC',
      shock: -0.1235,
      impact: { kind: 'linear', depthPerPercent: 30e6 }
    })
    expect(fake.api.sweepShocks.mock.calls[0][0]).toMatchObject({ direction: 'fall', reach: 0.3 })
    expect(cascade.result?.summary.finalPrice).toBe(80)
    expect(cascade.stale).toBe(false)
    cascade.params.linear.depthPerPercent = 1e6
    expect(cascade.stale).toBe(true)
  })

  it('re-runs after an edit to the book, but waits for the shell on a new book', async () => {
    const cascade = useCascadeStore()
    cascade.useMarket(BTC_MARKET)
    await cascade.run()
    fake.api.emit('book:changed', {
      version: 2,
      positions: 9,
      workspaceName: 'w',
      reason: 'edit',
      history
    })
    await flush()
    expect(fake.api.runCascade).toHaveBeenCalledTimes(2)
    fake.api.emit('book:changed', {
      version: 3,
      positions: 9,
      workspaceName: 'w',
      reason: 'import',
      history
    })
    await flush()
    expect(fake.api.runCascade).toHaveBeenCalledTimes(2)
  })

  it('shows why a run failed', async () => {
    const cascade = useCascadeStore()
    cascade.useMarket(BTC_MARKET)
    fake.api.runCascade.mockRejectedValue(new Error('no order-book snapshot for BTC'))
    await cascade.run()
    expect(cascade.error).toBe('no order-book snapshot for BTC')
    expect(cascade.running).toBe(false)
  })
})

describe('book store', () => {
  it('keeps a refused cell with its message, and clears it on the next good edit', async () => {
    const book = useBookStore()
    fake.api.bookEdit.mockResolvedValueOnce({
      ok: false,
      column: 'size',
      message: 'size must be greater than 0, got "-3"'
    })
    expect(await book.edit('P1', 'size', '-3')).toBeNull()
    expect(book.cellError).toEqual({
      id: 'P1',
      column: 'size',
      value: '-3',
      message: 'size must be greater than 0, got "-3"'
    })
    fake.api.bookEdit.mockResolvedValueOnce({ ok: true, row: { id: 'P1' } })
    expect(await book.edit('P1', 'size', '3')).toEqual({ id: 'P1' })
    expect(book.cellError).toBeNull()
  })

  it('follows main’s change events: version, history and a fresh summary', async () => {
    const book = useBookStore()
    fake.api.emit('book:changed', {
      version: 2,
      positions: 9,
      workspaceName: 'w',
      reason: 'delete',
      history
    })
    await flush()
    expect(book.version).toBe(2)
    expect(book.history.undoLabel).toBe('edit size of P1')
    expect(fake.api.bookSummary).toHaveBeenCalled()
    expect(book.positions).toBe(9)
  })
})

describe('following book changes', () => {
  it('asks for the heatmap first and the cascade re-run last, after an edit', async () => {
    const order: string[] = []
    for (const name of ['heatmapBins', 'bookSummary', 'workspace', 'runCascade'] as const)
      fake.api[name].mockImplementation(async () => {
        order.push(name)
        return name === 'runCascade' ? sampleResult() : { ...sampleBins(), version: 2 }
      })
    const cascade = useCascadeStore()
    cascade.useMarket(BTC_MARKET)
    await cascade.run()
    useHeatmapStore().show('BTC')
    await flush()
    order.length = 0
    fake.api.emit('book:changed', {
      version: 2,
      positions: 9,
      workspaceName: 'w',
      reason: 'edit',
      history
    })
    await flush()
    expect(order).toEqual(['heatmapBins', 'bookSummary', 'workspace', 'runCascade'])
  })
})

describe('heatmap store', () => {
  it('shows only the latest answer when requests overlap', async () => {
    const heatmap = useHeatmapStore()
    let answerFirst: (value: unknown) => void = () => {}
    fake.api.heatmapBins
      .mockReturnValueOnce(new Promise((resolve) => (answerFirst = resolve)))
      .mockResolvedValueOnce({ ...sampleBins(), version: 9 })
    heatmap.show('BTC')
    await heatmap.refresh()
    answerFirst({ ...sampleBins(), version: 1 })
    await flush()
    expect(heatmap.bins?.version).toBe(9)
    expect(fake.api.heatmapBins).toHaveBeenCalledWith({
      underlying: 'BTC',
      binCount: 120,
      span: 0.35,
      breakdown: 'side'
    })
  })
})

describe('task store', () => {
  it('tracks the running job and cancels it by id', async () => {
    const tasks = useTaskStore()
    const running = {
      id: 'task-7',
      kind: 'sample',
      label: 'Open sample',
      state: 'running',
      progress: 0.4,
      detail: '',
      elapsedMs: 10,
      message: null
    } as const
    fake.api.emit('app:task', running)
    expect(tasks.running?.id).toBe('task-7')
    fake.api.cancelTask.mockResolvedValue({ cancelled: true })
    expect(await tasks.cancel()).toBe(true)
    expect(fake.api.cancelTask).toHaveBeenCalledWith({ taskId: 'task-7' })
    fake.api.emit('app:task', { ...running, state: 'cancelled' })
    expect(tasks.running).toBeNull()
    expect(await tasks.cancel()).toBe(false)
  })
})
