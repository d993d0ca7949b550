import { DepthSnapshotError, type DepthRowIssue } from './depthSnapshotError'

/** One side of a book: parallel arrays, best level first. */
export interface DepthLevels {
  readonly prices: Float64Array
  readonly sizes: Float64Array
}

/** Bids by price descending, asks ascending, sizes in base units; mid between the best two. */
export interface DepthSnapshot {
  readonly bids: DepthLevels
  readonly asks: DepthLevels
  readonly mid: number
}

/** A row as read from a file, fields still text; `line` is its physical line number. */
export interface DepthRecord {
  line: number
  side: string
  price: string
  size: string
}

type Side = 'bid' | 'ask'

interface Level {
  side: Side
  price: number
  size: number
  line: number
}

const LISTED_ISSUES = 10
// Plain decimals only: Number() would also accept '0x1f', '' and ' ' as prices.
const DECIMAL = /^\+?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

export function parseDepthSnapshot(records: readonly DepthRecord[]): DepthSnapshot {
  const levels: Level[] = []
  const issues: DepthRowIssue[] = []
  for (const record of records) {
    const level = readLevel(record)
    if (typeof level === 'string') issues.push({ line: record.line, reason: level })
    else levels.push(level)
  }
  if (issues.length > 0) throw badRowsError(issues)

  const bids = mergeSide(levels, 'bid')
  const asks = mergeSide(levels, 'ask')
  if (bids.length === 0 || asks.length === 0) {
    throw new DepthSnapshotError(
      `depth snapshot: needs at least one bid and one ask level, got ${bids.length} bid and ${asks.length} ask levels`
    )
  }
  const bestBid = bids[0]
  const bestAsk = asks[0]
  if (bestBid.price >= bestAsk.price) {
    throw new DepthSnapshotError(
      `depth snapshot: crossed book, best bid ${bestBid.price} (line ${bestBid.line}) is not below best ask ${bestAsk.price} (line ${bestAsk.line})`,
      [
        { line: bestBid.line, reason: 'best bid at or above the best ask' },
        { line: bestAsk.line, reason: 'best ask at or below the best bid' }
      ]
    )
  }
  return { bids: toLevels(bids), asks: toLevels(asks), mid: (bestBid.price + bestAsk.price) / 2 }
}

/** The level a record describes, or why it cannot be one. */
function readLevel(record: DepthRecord): Level | string {
  const side = record.side.trim().toLowerCase()
  if (side !== 'bid' && side !== 'ask') return `side must be "bid" or "ask", got "${record.side}"`
  const price = readPositive(record.price)
  if (price === null) return `price must be a positive finite number, got "${record.price}"`
  const size = readPositive(record.size)
  if (size === null) return `size must be a positive finite number, got "${record.size}"`
  return { side, price, size, line: record.line }
}

function readPositive(text: string): number | null {
  const trimmed = text.trim()
  if (!DECIMAL.test(trimmed)) return null
  const value = Number(trimmed)
  return Number.isFinite(value) && value > 0 ? value : null
}

function badRowsError(issues: readonly DepthRowIssue[]): DepthSnapshotError {
  const listed = issues.slice(0, LISTED_ISSUES)
  const more = issues.length - listed.length
  const details = listed.map((issue) => `line ${issue.line}: ${issue.reason}`).join('; ')
  const plural = issues.length === 1 ? 'row' : 'rows'
  return new DepthSnapshotError(
    `depth snapshot: ${issues.length} bad ${plural}: ${details}${more > 0 ? `; and ${more} more` : ''}`,
    listed
  )
}

/** One side's levels, best first, with repeated prices merged into one level (sizes summed). */
function mergeSide(levels: readonly Level[], side: Side): Level[] {
  const byPrice = new Map<number, Level>()
  for (const level of levels) {
    if (level.side !== side) continue
    const known = byPrice.get(level.price)
    if (known) known.size += level.size
    else byPrice.set(level.price, { ...level })
  }
  const bestFirst = side === 'bid' ? -1 : 1
  return [...byPrice.values()].sort((a, b) => bestFirst * (a.price - b.price))
}

function toLevels(levels: readonly Level[]): DepthLevels {
  return {
    prices: Float64Array.from(levels, (level) => level.price),
    sizes: Float64Array.from(levels, (level) => level.size)
  }
}
