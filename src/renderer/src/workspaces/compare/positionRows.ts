import type { BookColumns } from '../../../../shared/workspaceSnapshot'

/** The fields a position is compared on, in the order a diff lists them. */
export const COMPARED_FIELDS = [
  'account',
  'venue',
  'symbol',
  'contract',
  'side',
  'marginMode',
  'size',
  'entryPrice',
  'margin',
  'leverage',
  'mmr',
  'maintenanceAmount',
  'walletBalance',
  'markPrice'
] as const

export type ComparedField = (typeof COMPARED_FIELDS)[number] | `extra:${string}`
export type FieldValue = string | number | null

/** Reads positions out of stored columns, as the book grid would show them. */
export function positionReader(book: BookColumns) {
  const extra = book.extra.map((column) => ({
    name: column.name,
    values: new Map(Array.from(column.positions, (index, k) => [index, column.values[k]]))
  }))
  const optional = (value: number): number | null => (Number.isNaN(value) ? null : value)
  return {
    extraNames: extra.map((column) => column.name),
    value(index: number, field: ComparedField): FieldValue {
      switch (field) {
        case 'account':
          return book.accounts[book.account[index]]
        case 'venue':
          return book.venues[book.venue[index]]
        case 'symbol':
          return book.symbols[book.symbol[index]]
        case 'contract':
          return book.contract[index] === 1 ? 'inverse' : 'linear'
        case 'side':
          return book.side[index] >= 0 ? 'long' : 'short'
        case 'marginMode':
          return book.marginMode[index] === 1 ? 'cross' : 'isolated'
        case 'walletBalance':
          return book.marginMode[index] === 1
            ? optional(book.walletBalance[book.account[index]])
            : null
        case 'size':
        case 'entryPrice':
        case 'margin':
        case 'leverage':
        case 'mmr':
        case 'maintenanceAmount':
        case 'markPrice':
          return optional(book[field][index])
        default:
          return extra.find((column) => `extra:${column.name}` === field)?.values.get(index) ?? null
      }
    }
  }
}
