import { join } from 'node:path'
import { appendPosition, buildBook, createBook } from '../../../src/engine/book/book'
import type { PositionRow } from '../../../src/engine/book/positionRow'
import { groupLendingLegs, type LendingPosition } from '../../../src/engine/lending/lendingBook'
import { createTierRegistry } from '../../../src/engine/margin/tierRegistry'
import { SAMPLE_MARKETS } from '../../../src/engine/sample/sampleMarkets'
import { sampleLendingLegs } from '../../../src/engine/sample/sampleLendingLegs'
import { samplePositions } from '../../../src/engine/sample/samplePositions'
import { parseScenario } from '../../../src/engine/timeline/parseScenario'
import {
  prepareTimeline,
  type PreparedTimeline,
  type TimelineSource
} from '../../../src/engine/timeline/prepareTimeline'
import type { Scenario } from '../../../src/engine/timeline/scenarioSchema'
import { runTimeline, type TimelineRun } from '../../../src/engine/timeline/timelineRun'
import { loadTierRegistry } from '../../../src/main/marketData/tierFiles'
import { resourcesDir } from '../../../src/main/resourcesDir'
import { loadSampleWorkspace } from '../../../src/main/sampleWorkspace'
import { position } from '../margin/helpers'

export const START = 100

/**
 * A position on market XYZ (start price 100) with no maintenance margin, so it is liquidated at
 * `liquidationPrice` and bankrupt there too: every fill past it is a loss beyond bankruptcy.
 */
export function at(
  id: string,
  side: 1 | -1,
  liquidationPrice: number,
  size: number,
  more: Partial<PositionRow> = {}
): PositionRow {
  return position({
    id,
    account: id,
    venue: 'generic',
    symbol: 'XYZUSDT',
    side,
    size,
    entryPrice: START,
    margin: size * Math.abs(START - liquidationPrice),
    mmr: 0,
    ...more
  })
}

/** A one-market scenario on XYZ with a linear book of `depth` per 1%, overridden by `more`. */
export function xyzScenario(more: Record<string, unknown> = {}, depth = 1e6): Scenario {
  return parseScenario({
    version: 1,
    name: 'test',
    steps: 10,
    stepSeconds: 60,
    markets: [{ underlying: 'XYZ', impact: { kind: 'linear', depthPerPercent: depth } }],
    ...more
  })
}

export function handSource(rows: PositionRow[], lending: LendingPosition[] = []): TimelineSource {
  return {
    book: buildBook(rows),
    registry: createTierRegistry([]),
    lending,
    prices: new Map([['XYZ', START]]),
    defaultImpact: new Map()
  }
}

export function runHand(
  rows: PositionRow[],
  scenario: Scenario,
  lending: LendingPosition[] = []
): { prepared: PreparedTimeline; run: TimelineRun } {
  const prepared = prepareTimeline(scenario, handSource(rows, lending))
  return { prepared, run: runTimeline(prepared.plan, prepared.timelineBook, scenario.heatmap) }
}

const samples = new Map<number, TimelineSource>()

/** The sample workspace's book (first `rows` positions), lending borrowers and liquidity models. */
export function sampleSource(rows: number): TimelineSource {
  let source = samples.get(rows)
  if (!source) {
    const book = createBook(rows)
    for (const row of samplePositions({ rows, seed: 7 })) appendPosition(book, row)
    const workspace = loadSampleWorkspace()
    source = {
      book,
      registry: loadTierRegistry(join(resourcesDir(), 'tiers')),
      lending: groupLendingLegs(sampleLendingLegs({ positions: 200, seed: 7 })),
      prices: new Map(SAMPLE_MARKETS.map((market) => [market.underlying, market.price])),
      defaultImpact: workspace.impact
    }
    samples.set(rows, source)
  }
  return source
}

/** Sum of a series. */
export const total = (values: ArrayLike<number>): number => {
  let sum = 0
  for (let i = 0; i < values.length; i++) sum += values[i]
  return sum
}
