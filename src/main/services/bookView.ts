import { isTextColumn } from '../../shared/bookRow'
import type {
  BookQuery,
  ColumnFilter,
  NumberCondition,
  SortKey,
  TextCondition
} from '../../shared/bookQuery'
import { numberReader, textReader } from './bookColumns'
import type { LiveBook } from './liveBook'

type Predicate = (i: number) => boolean
type Comparator = (a: number, b: number) => number

function textTest(condition: TextCondition): (text: string) => boolean {
  const wanted = condition.value.trim().toLowerCase()
  switch (condition.op) {
    case 'contains':
      return (text) => text.toLowerCase().includes(wanted)
    case 'notContains':
      return (text) => !text.toLowerCase().includes(wanted)
    case 'equals':
      return (text) => text.toLowerCase() === wanted
    case 'notEqual':
      return (text) => text.toLowerCase() !== wanted
    case 'startsWith':
      return (text) => text.toLowerCase().startsWith(wanted)
    case 'endsWith':
      return (text) => text.toLowerCase().endsWith(wanted)
    case 'blank':
      return (text) => text.trim() === ''
    case 'notBlank':
      return (text) => text.trim() !== ''
  }
}

function numberTest({ op, value, valueTo }: NumberCondition): (x: number) => boolean {
  const blank = (x: number): boolean => Number.isNaN(x)
  if (op === 'blank') return blank
  if (op === 'notBlank') return (x) => !blank(x)
  // A condition still being typed filters nothing out, as the grid's own filters behave.
  if (value === null) return () => true
  switch (op) {
    case 'equals':
      return (x) => x === value
    case 'notEqual':
      return (x) => x !== value
    case 'lessThan':
      return (x) => x < value
    case 'lessThanOrEqual':
      return (x) => x <= value
    case 'greaterThan':
      return (x) => x > value
    case 'greaterThanOrEqual':
      return (x) => x >= value
    case 'inRange':
      return valueTo === null ? (x) => x >= value : (x) => x >= value && x <= valueTo
  }
}

function filterPredicate(live: LiveBook, filter: ColumnFilter): Predicate {
  const tests = filter.conditions.map((condition): Predicate => {
    if (isTextColumn(filter.column)) {
      const read = textReader(live, filter.column)
      const test = condition.type === 'text' ? textTest(condition) : () => true
      return (i) => test(read(i))
    }
    const read = numberReader(live, filter.column)
    const test = condition.type === 'number' ? numberTest(condition) : () => true
    return (i) => test(read(i))
  })
  if (tests.length === 1) return tests[0]
  return filter.join === 'and'
    ? (i) => tests.every((test) => test(i))
    : (i) => tests.some((test) => test(i))
}

function searchPredicate(live: LiveBook, search: string): Predicate | null {
  const wanted = search.trim().toLowerCase()
  if (wanted === '') return null
  const readers = (['id', 'account', 'venue', 'symbol'] as const).map((c) => textReader(live, c))
  return (i) => readers.some((read) => read(i).toLowerCase().includes(wanted))
}

/** Missing values go last whichever way the column is sorted. */
function numberComparator(keys: Float64Array, direction: 1 | -1): Comparator {
  return (a, b) => {
    const x = keys[a]
    const y = keys[b]
    if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1
    if (Number.isNaN(y)) return -1
    return direction * (x - y)
  }
}

function comparatorFor(live: LiveBook, key: SortKey): Comparator {
  const direction = key.direction === 'asc' ? 1 : -1
  const n = live.length
  if (key.column === 'id') {
    const ids = live.book.ids
    return (a, b) => direction * (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0)
  }
  const keys = new Float64Array(n)
  if (isTextColumn(key.column)) {
    // Few distinct names (venues, symbols, accounts): rank them once, sort by rank.
    const read = textReader(live, key.column)
    const names = new Set<string>()
    for (let i = 0; i < n; i++) names.add(read(i))
    const rank = new Map([...names].sort().map((name, r) => [name, r]))
    for (let i = 0; i < n; i++) keys[i] = rank.get(read(i))!
  } else {
    const read = numberReader(live, key.column)
    for (let i = 0; i < n; i++) keys[i] = read(i)
  }
  return numberComparator(keys, direction)
}

function orderOf(live: LiveBook, query: BookQuery): Uint32Array | null {
  const predicates = query.filters.map((filter) => filterPredicate(live, filter))
  const search = searchPredicate(live, query.search)
  if (search) predicates.push(search)
  if (predicates.length === 0 && query.sort.length === 0) return null
  const kept: number[] = []
  for (let i = 0; i < live.length; i++) if (predicates.every((keep) => keep(i))) kept.push(i)
  if (query.sort.length > 0) {
    const comparators = query.sort.map((key) => comparatorFor(live, key))
    kept.sort((a, b) => {
      for (const compare of comparators) {
        const c = compare(a, b)
        if (c !== 0) return c
      }
      return a - b
    })
  }
  return Uint32Array.from(kept)
}

/**
 * The book's rows in query order. The grid asks for one page at a time, so the last query's
 * order is kept until the query or the book changes: scrolling never re-sorts.
 */
export class BookViews {
  private last: { key: string; version: number; order: Uint32Array | null } | null = null

  /** Row indices in view order; null when the view is the whole book in book order. */
  order(live: LiveBook, query: BookQuery, version: number): Uint32Array | null {
    const key = JSON.stringify(query)
    if (this.last && this.last.key === key && this.last.version === version) return this.last.order
    const order = orderOf(live, query)
    this.last = { key, version, order }
    return order
  }
}
