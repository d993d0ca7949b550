import { tierIndexAt, type TierTable } from './tierTable'

/**
 * Index of the size tier a position of `size` falls in: the first tier whose cap (the next tier's
 * floor) is at or above it. Caps are inclusive because OKX's are: a position of exactly maxSz
 * contracts is still in that tier, and whole-contract positions land on caps all the time.
 */
export function sizeTierIndex(table: TierTable, size: number): number {
  const floors = table.floors
  let lo = 0
  let hi = floors.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (floors[mid] < size) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * The tier a position is in: by its size for size tables (whatever the price), else by the
 * notional the venue margins (at the current price, or at entry for entry-valued venues).
 */
export const positionTier = (table: TierTable, notional: number, size: number): number =>
  table.measure === 'size' ? sizeTierIndex(table, size) : tierIndexAt(table, notional)
