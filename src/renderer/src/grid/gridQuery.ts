import type { FilterModel, SortModelItem } from 'ag-grid-community'
import type { BookColumn } from '../../../shared/bookRow'
import { BOOK_COLUMNS } from '../../../shared/bookRow'
import {
  NUMBER_OPERATORS,
  TEXT_OPERATORS,
  type BookQuery,
  type ColumnFilter,
  type NumberCondition,
  type SortKey,
  type TextCondition
} from '../../../shared/bookQuery'
import { COLUMN_SPECS } from './bookColumns'

/** One condition as AG Grid's text and number filters describe it. */
interface GridCondition {
  filterType?: string
  type?: string | null
  filter?: string | number | null
  filterTo?: number | null
}

interface GridCombined {
  filterType?: string
  operator: 'AND' | 'OR'
  conditions: GridCondition[]
}

const isColumn = (name: string): name is BookColumn =>
  (BOOK_COLUMNS as readonly string[]).includes(name)

const percentColumns = new Set(COLUMN_SPECS.filter((spec) => spec.percent).map((s) => s.column))

export function sortFromGrid(sortModel: readonly SortModelItem[]): SortKey[] {
  return sortModel
    .filter((item) => isColumn(item.colId))
    .slice(0, 3)
    .map((item) => ({ column: item.colId as BookColumn, direction: item.sort }))
}

function conditionFromGrid(
  column: BookColumn,
  condition: GridCondition
): TextCondition | NumberCondition | null {
  const type = condition.type ?? ''
  if (condition.filterType === 'number') {
    if (!(NUMBER_OPERATORS as readonly string[]).includes(type)) return null
    // Percent columns are shown, and so filtered, in percent; main holds fractions.
    const scale = percentColumns.has(column) ? 0.01 : 1
    const scaled = (value: number | null | undefined): number | null =>
      typeof value === 'number' && Number.isFinite(value) ? value * scale : null
    return {
      type: 'number',
      op: type as NumberCondition['op'],
      value: scaled(condition.filter as number | null),
      valueTo: scaled(condition.filterTo)
    }
  }
  if (!(TEXT_OPERATORS as readonly string[]).includes(type)) return null
  return {
    type: 'text',
    op: type as TextCondition['op'],
    value: String(condition.filter ?? '').slice(0, 200)
  }
}

/** AG Grid's filter model as the contract's column filters; what main cannot apply is dropped. */
export function filtersFromGrid(filterModel: FilterModel | null | undefined): ColumnFilter[] {
  const filters: ColumnFilter[] = []
  for (const [name, model] of Object.entries(filterModel ?? {})) {
    if (!isColumn(name) || !model) continue
    const combined = 'conditions' in model ? (model as GridCombined) : null
    const parts = combined ? combined.conditions : [model as GridCondition]
    const conditions = parts
      .map((part) => conditionFromGrid(name, { filterType: model.filterType, ...part }))
      .filter((condition) => condition !== null)
      .slice(0, 2)
    if (conditions.length === 0) continue
    filters.push({
      column: name,
      join: combined?.operator === 'OR' ? 'or' : 'and',
      conditions
    })
  }
  return filters
}

export function queryFromGrid(
  sortModel: readonly SortModelItem[],
  filterModel: FilterModel | null | undefined,
  search: string
): BookQuery {
  return { sort: sortFromGrid(sortModel), filters: filtersFromGrid(filterModel), search }
}
