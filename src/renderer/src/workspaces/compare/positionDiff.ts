import type { BookColumns } from '../../../../shared/workspaceSnapshot'
import {
  COMPARED_FIELDS,
  positionReader,
  type ComparedField,
  type FieldValue
} from './positionRows'

export interface FieldChange {
  field: ComparedField
  before: FieldValue
  after: FieldValue
}

export interface PositionBrief {
  id: string
  account: string
  symbol: string
  side: 'long' | 'short'
  /** As stored: base quantity for linear contracts, contract value for inverse ones. */
  size: number
  entryPrice: number
}

export interface PositionDiff {
  counts: { added: number; removed: number; changed: number; unchanged: number }
  /** The first `limit` of each kind, in book order; `counts` has them all. */
  added: PositionBrief[]
  removed: PositionBrief[]
  changed: { id: string; changes: FieldChange[] }[]
  /** How many positions changed in each field. */
  byField: { field: ComparedField; positions: number }[]
}

export const DIFF_LIST_LIMIT = 2000

function brief(book: BookColumns, index: number): PositionBrief {
  return {
    id: book.ids[index],
    account: book.accounts[book.account[index]],
    symbol: book.symbols[book.symbol[index]],
    side: book.side[index] >= 0 ? 'long' : 'short',
    size: book.size[index],
    entryPrice: book.entryPrice[index]
  }
}

/**
 * Positions of book B against book A, matched by id: added (only in B), removed (only in A) and
 * changed, with every field that differs. A million positions against a million take well under
 * a second: positions at the same index with the same id (the usual case) need no lookup.
 */
export function diffPositions(
  a: BookColumns,
  b: BookColumns,
  limit = DIFF_LIST_LIMIT
): PositionDiff {
  const readA = positionReader(a)
  const readB = positionReader(b)
  const fields: ComparedField[] = [
    ...COMPARED_FIELDS,
    ...[...new Set([...readA.extraNames, ...readB.extraNames])].map(
      (name) => `extra:${name}` as const
    )
  ]
  const fieldCounts = new Map<ComparedField, number>()
  const diff: PositionDiff = {
    counts: { added: 0, removed: 0, changed: 0, unchanged: 0 },
    added: [],
    removed: [],
    changed: [],
    byField: []
  }
  let indexOfA: Map<string, number> | null = null
  const seenInA = new Uint8Array(a.length)
  for (let j = 0; j < b.length; j++) {
    const id = b.ids[j]
    let i = j < a.length && a.ids[j] === id ? j : -1
    if (i < 0) {
      indexOfA ??= new Map(a.ids.map((key, k) => [key, k]))
      i = indexOfA.get(id) ?? -1
    }
    if (i < 0) {
      if (diff.counts.added++ < limit) diff.added.push(brief(b, j))
      continue
    }
    seenInA[i] = 1
    const changes: FieldChange[] = []
    for (const field of fields) {
      const before = readA.value(i, field)
      const after = readB.value(j, field)
      if (Object.is(before, after)) continue
      changes.push({ field, before, after })
      fieldCounts.set(field, (fieldCounts.get(field) ?? 0) + 1)
    }
    if (changes.length === 0) diff.counts.unchanged++
    else if (diff.counts.changed++ < limit) diff.changed.push({ id, changes })
  }
  for (let i = 0; i < a.length; i++)
    if (!seenInA[i] && diff.counts.removed++ < limit) diff.removed.push(brief(a, i))
  diff.byField = fields
    .filter((field) => fieldCounts.has(field))
    .map((field) => ({ field, positions: fieldCounts.get(field)! }))
  return diff
}
