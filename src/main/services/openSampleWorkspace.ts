import { appendPosition, createBook } from '../../engine/book/book'
import { groupLendingLegs } from '../../engine/lending/lendingBook'
import type { TierRegistry } from '../../engine/margin/tierRegistry'
import { SAMPLE_MARKETS } from '../../engine/sample/sampleMarkets'
import { sampleLendingLegs } from '../../engine/sample/sampleLendingLegs'
import { samplePositions } from '../../engine/sample/samplePositions'
import type { SampleWorkspace } from '../sampleWorkspace'
import { CancelledError } from './cancelledError'
import { LiveBook } from './liveBook'
import type { Workspace } from './workspace'
import { yieldToEventLoop } from './yieldToEventLoop'

const ROWS_PER_CHUNK = 20_000
/** Drawing rows takes about twice as long as solving them. */
const GENERATION_SHARE = 0.65

export interface OpenOptions {
  /** Overrides the workspace's row count: the same seed, a bigger or smaller book. */
  rows?: number
  signal?: AbortSignal
  onProgress?: (fraction: number, detail: string) => void
}

/** The built-in sample workspace as a live book, built in chunks so a million rows stay cancellable. */
export async function openSampleWorkspace(
  sample: SampleWorkspace,
  registry: TierRegistry,
  options: OpenOptions = {}
): Promise<Workspace> {
  const rows = options.rows ?? sample.positions.rows
  const { signal, onProgress } = options
  const book = createBook(rows)
  for (const row of samplePositions({ rows, seed: sample.positions.seed })) {
    appendPosition(book, row)
    if (book.length % ROWS_PER_CHUNK !== 0) continue
    onProgress?.(
      (GENERATION_SHARE * book.length) / rows,
      `${book.length.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} positions drawn`
    )
    await yieldToEventLoop()
    if (signal?.aborted) throw new CancelledError()
  }
  const prices = new Map(SAMPLE_MARKETS.map((market) => [market.underlying, market.price]))
  const live = await LiveBook.open(book, registry, prices, {
    signal,
    onProgress: (fraction) =>
      onProgress?.(
        GENERATION_SHARE + (1 - GENERATION_SHARE) * fraction,
        'solving liquidation prices'
      )
  })
  return {
    name: sample.name,
    description: sample.description,
    source: `built-in sample, ${rows.toLocaleString('en-US')} positions (seed ${sample.positions.seed})`,
    live,
    lending: groupLendingLegs(sampleLendingLegs(sample.lending)),
    impact: sample.impact
  }
}
