import { z } from 'zod'
import { BOOK_COLUMNS } from './bookRow'

/** Sorting, filtering and searching the book happen in main: the renderer only sees pages. */

export const TEXT_OPERATORS = [
  'contains',
  'notContains',
  'equals',
  'notEqual',
  'startsWith',
  'endsWith',
  'blank',
  'notBlank'
] as const

export const NUMBER_OPERATORS = [
  'equals',
  'notEqual',
  'lessThan',
  'lessThanOrEqual',
  'greaterThan',
  'greaterThanOrEqual',
  'inRange',
  'blank',
  'notBlank'
] as const

const textCondition = z.strictObject({
  type: z.literal('text'),
  op: z.enum(TEXT_OPERATORS),
  value: z.string().max(200)
})

const numberCondition = z.strictObject({
  type: z.literal('number'),
  op: z.enum(NUMBER_OPERATORS),
  value: z.number().nullable(),
  valueTo: z.number().nullable()
})

export const columnFilterSchema = z.strictObject({
  column: z.enum(BOOK_COLUMNS),
  join: z.enum(['and', 'or']),
  conditions: z
    .array(z.discriminatedUnion('type', [textCondition, numberCondition]))
    .min(1)
    .max(2)
})

export const sortKeySchema = z.strictObject({
  column: z.enum(BOOK_COLUMNS),
  direction: z.enum(['asc', 'desc'])
})

export const bookQuerySchema = z.strictObject({
  sort: z.array(sortKeySchema).max(3),
  filters: z.array(columnFilterSchema).max(BOOK_COLUMNS.length),
  /** Matches id, account, venue or symbol, case-insensitively. */
  search: z.string().max(200)
})

export const bookPageSchema = z.strictObject({
  query: bookQuerySchema,
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(2000)
})

export const bookLocateSchema = z.strictObject({
  query: bookQuerySchema,
  id: z.string().min(1).max(200)
})

export type TextCondition = z.infer<typeof textCondition>
export type NumberCondition = z.infer<typeof numberCondition>
export type ColumnFilter = z.infer<typeof columnFilterSchema>
export type SortKey = z.infer<typeof sortKeySchema>
export type BookQuery = z.infer<typeof bookQuerySchema>

export const EMPTY_QUERY: BookQuery = { sort: [], filters: [], search: '' }
