import type { FieldRule, MappingStep } from '../columnMapping'

/** Single-account exports carry no position id: `<file>:<line>` names each row. */
export const ROW_ID: FieldRule = { generate: 'row-id' }

/**
 * Single-account exports carry no account: the file is the account, one wallet per margin
 * currency (USDT for linear contracts, each coin for inverse ones).
 */
export const FILE_ACCOUNT: FieldRule = { generate: 'margin-account' }

export const constant = (value: string): FieldRule => ({ constant: value })

/** The first of `columns` the header has, as it is. */
export const column = (...columns: string[]): FieldRule => ({ columns })

/** The first of `columns` the header has, through `steps`. */
export const transformed = (columns: string[], steps: MappingStep[]): FieldRule => ({
  columns,
  steps
})

/** `isolated`, `cross`, `crossed`, `ISOLATED`, and booleans for an `isolated` flag. */
export const MARGIN_MODE_WORDS: MappingStep = {
  op: 'words',
  values: {
    isolated: 'isolated',
    cross: 'cross',
    crossed: 'cross',
    true: 'isolated',
    false: 'cross'
  }
}

/** Sign is the side, the magnitude the size. */
export const SIDE_FROM_SIGN: MappingStep = { op: 'side-from-sign' }
export const ABS: MappingStep = { op: 'abs' }
