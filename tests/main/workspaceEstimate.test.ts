import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/dispatch'
import { openSampleWorkspace } from '../../src/main/services/openSampleWorkspace'
import { DEFAULT_ASSUMPTIONS } from '../../src/shared/estimateTypes'
import type { HeatmapBins } from '../../src/shared/heatmapTypes'
import type { WorkspaceSnapshot } from '../../src/shared/workspaceSnapshot'
import { bootMain, type Booted } from './serviceFixture'

const market = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../fixtures/market/${name}`, import.meta.url)), 'utf8')

const KLINES = 'binance-um-btcusdt-1h-klines.csv'
const METRICS = 'binance-um-btcusdt-metrics-5m.csv'
const BAND_REQUEST = {
  underlying: 'BTC',
  binCount: 60,
  span: 0.35,
  breakdown: 'side' as const,
  band: true
}

let main: Booted
beforeEach(async () => {
  main = await bootMain()
})
afterEach(() => main.services.dispose())

async function estimateTheBook(): Promise<void> {
  const stage = (role: 'candles' | 'openInterest', name: string) =>
    main.handlers['import:estimateStage']({ role, name, text: market(name) })
  const result = await main.handlers['import:estimateStart']({
    candles: (await stage('candles', KLINES)).fileId,
    openInterest: (await stage('openInterest', METRICS)).fileId,
    assumptions: DEFAULT_ASSUMPTIONS
  })
  expect(result.status).toBe('done')
}

/** Main takes a plain book, so the band can only come back from the workspace opened after. */
async function openPlainBook(): Promise<void> {
  const { sample, registry, books } = main.services
  books.replace(await openSampleWorkspace(sample, registry, { rows: 500 }), 'open')
  expect((await main.handlers['heatmap:bins'](BAND_REQUEST)).band).toBeUndefined()
}

const snapshotNow = () =>
  dispatch(main.handlers, 'app:workspaceSnapshot', undefined) as Promise<WorkspaceSnapshot>
const openInMain = (snapshot: unknown) =>
  dispatch(main.handlers, 'app:openWorkspace', { snapshot, deltas: [] })
const heatmap = () => dispatch(main.handlers, 'heatmap:bins', BAND_REQUEST) as Promise<HeatmapBins>

describe('an estimated workspace saved and reopened', () => {
  it('keeps its estimate in the snapshot main hands out, and offers the band again when opened', async () => {
    await estimateTheBook()
    const bandBefore = (await heatmap()).band
    expect(bandBefore).toBeDefined()
    const snapshot = await snapshotNow()
    expect(snapshot.estimate).toMatchObject({
      version: 1,
      assumptions: DEFAULT_ASSUMPTIONS,
      candlesName: KLINES,
      openInterestName: METRICS
    })
    expect(snapshot.estimate!.candles.times).toHaveLength(24)
    expect(snapshot.estimate!.openInterest.unit).toBe('base')

    await openPlainBook()
    // Structured clone, as Electron and IndexedDB carry it.
    await openInMain(structuredClone(snapshot))
    const reopened = await heatmap()
    expect(reopened.estimate).toEqual({ mixes: ['low', 'mid', 'high'] })
    expect(reopened.band).toEqual(bandBefore)
    // Saved again, the reopened workspace carries the same estimate.
    expect((await snapshotNow()).estimate).toEqual(snapshot.estimate)
  })

  it('opens a workspace stored before estimates were kept: a plain book, no band', async () => {
    const plain = await snapshotNow()
    expect(plain).not.toHaveProperty('estimate')
    await estimateTheBook()
    await openInMain(structuredClone(plain))
    expect(main.services.books.current.name).toBe(plain.name)
    expect(main.services.books.current.estimate).toBeUndefined()
    const bins = await heatmap()
    expect(bins.estimate).toBeUndefined()
    expect(bins.band).toBeUndefined()
  })

  it('refuses a stored estimate that cannot be right, saying what, and keeps the book', async () => {
    await estimateTheBook()
    const snapshot = await snapshotNow()
    await openPlainBook()
    const before = main.services.books.current
    const broken = (change: (estimate: NonNullable<WorkspaceSnapshot['estimate']>) => void) => {
      const copy = structuredClone(snapshot)
      change(copy.estimate!)
      return openInMain(copy)
    }
    await expect(broken((estimate) => (estimate.candles.high[3] = 0))).rejects.toThrow(
      /^candle 3: high 0 and low [\d.]+ must be finite, above 0 and enclose open/
    )
    await expect(broken((estimate) => (estimate.candles.volume[5] = -2))).rejects.toThrow(
      'candle 5: volume -2 and taker buy volume'
    )
    await expect(
      broken((estimate) => (estimate.candles.close = estimate.candles.close.subarray(1).slice()))
    ).rejects.toThrow('candle: close has 23 entries where 24 are needed')
    await expect(
      broken((estimate) => (estimate.openInterest.times[7] = estimate.openInterest.times[6]))
    ).rejects.toThrow(
      /^open interest sample 7: time [\d.e+]+ must be finite and after the one before/
    )
    await expect(
      broken((estimate) => (estimate.openInterest.openInterest[2] = NaN))
    ).rejects.toThrow('open interest sample 2: NaN must be a finite number of 0 or more')
    await expect(
      broken((estimate) => (estimate.assumptions.leverageMix[0].share = 0.5))
    ).rejects.toThrow('estimate assumptions: the shares add up to 130%, not 100%')
    await expect(
      broken((estimate) =>
        estimate.openInterest.times.forEach((_, i, times) => (times[i] = 4e12 + i))
      )
    ).rejects.toThrow('estimate: the open interest series does not cover the candles')
    expect(main.services.books.current).toBe(before)
    // Checked before a file is stored, the same estimate gets the same answer.
    const beforeCheck = structuredClone(snapshot)
    beforeCheck.estimate!.candles.high[3] = 0
    expect(await dispatch(main.handlers, 'app:checkWorkspace', { snapshot: beforeCheck })).toEqual({
      problem: expect.stringMatching(/^candle 3: high 0 and low/)
    })
  })

  it('validates the estimate on entry: its shape, its version, typed arrays', async () => {
    await estimateTheBook()
    const snapshot = await snapshotNow()
    const estimate = snapshot.estimate!
    await expect(
      openInMain({
        ...snapshot,
        estimate: {
          ...estimate,
          candles: { ...estimate.candles, times: [...estimate.candles.times] }
        }
      })
    ).rejects.toThrow(/app:openWorkspace: invalid request[\s\S]*estimate\.candles\.times/)
    await expect(
      openInMain({ ...snapshot, estimate: { ...estimate, version: 2 } })
    ).rejects.toThrow(/app:openWorkspace: invalid request[\s\S]*estimate\.version/)
    await expect(
      openInMain({
        ...snapshot,
        estimate: { ...estimate, assumptions: { ...estimate.assumptions, entryPrice: 'vwap' } }
      })
    ).rejects.toThrow(/app:openWorkspace: invalid request[\s\S]*estimate\.assumptions\.entryPrice/)
  })
})
