/**
 * A column mapping: how the columns of someone else's export become the canonical fields of a
 * positions or lending legs file. Plain data (no functions, no classes) so a mapping editor can
 * build one, a preset can ship one, and either can be saved as JSON and sent over IPC.
 */

/** One transformation of a cell's text, applied in order to values read from the file. */
export type MappingStep =
  /** `-0.5` → `0.5`: a signed size, once the sign has become the side. */
  | { op: 'abs' }
  /** `-0.5` → `short`, `0.5` → `long`; 0 is a flat position and rejects the row. */
  | { op: 'side-from-sign' }
  /** Multiplies: 0.01 turns `82.5` (percent) into 0.825, 0.0001 turns basis points into a fraction. */
  | { op: 'scale'; factor: number }
  /** Adds: -1 turns Aave's bonus `1.05` into the canonical `0.05`. */
  | { op: 'offset'; amount: number }
  /** Multiplies by another field's value: contracts × contract size. */
  | { op: 'times-field'; field: string }
  /** Divides by another field's value: maintenance margin / position value = rate. */
  | { op: 'over-field'; field: string }
  /** Translates words, in any case (`crossed` → `cross`, `0` → `cross`); others pass unchanged. */
  | { op: 'words'; values: Readonly<Record<string, string>>; otherwise?: string }
  /** `then` when the text matches the regular expression, else `otherwise`. */
  | { op: 'matches'; pattern: string; then: string; otherwise: string }
  /** `cETH` → `ETH`. */
  | { op: 'drop-prefix'; prefix: string }

/**
 * Where one field's value comes from, tried in this order: the first of `columns` the header
 * has (its cell, when not blank, through `steps`), then `otherwise`, then `lookup` (a value per
 * key, such as a contract size per symbol), then `constant`, then `generate`. Lookups and
 * constants are written in canonical units: steps apply to the file's own values only.
 */
export interface FieldRule {
  /** Header names, matched ignoring case, blanks and punctuation (`entryPrice` = `Entry Price`). */
  columns?: readonly string[]
  steps?: readonly MappingStep[]
  /** Another rule to try when this one finds no column or a blank cell. */
  otherwise?: FieldRule
  /** A value per value of another field (`key`), e.g. a contract size per symbol. */
  lookup?: { key: string; values: Readonly<Record<string, string>> }
  constant?: string
  /**
   * `row-id`: `<file>:<line>`, for exports without position ids; `file-name`: the file's name;
   * `margin-account`: the file's name for linear contracts and `<file>/<coin>` for inverse ones,
   * whose margin is a wallet per coin.
   */
  generate?: Generated
}

export type Generated = 'row-id' | 'file-name' | 'margin-account'

/** Rows whose cell in the first present column is not one of `values` are rejected, by line. */
export interface RowFilter {
  columns: readonly string[]
  values: readonly string[]
}

/**
 * Fields are the canonical columns (`size`, `entry_price`, ...) plus any helper name a step or
 * lookup refers to (`contract_size`, `position_value`).
 */
export interface PositionMapping {
  target: 'positions'
  fields: Readonly<Record<string, FieldRule>>
  keepRows?: RowFilter
}

/**
 * A legs file has one leg per row (`role` and `amount` fields); an account export has a row per
 * asset with what was supplied and what was borrowed side by side (`legs`), so one row can give a
 * collateral leg and a debt leg.
 */
export interface LendingMapping {
  target: 'lending'
  fields: Readonly<Record<string, FieldRule>>
  legs?: {
    collateral?: FieldRule
    /** A false value (`false`, `no`, `0`) means the supplied asset is not used as collateral. */
    collateralEnabled?: FieldRule
    debt?: FieldRule
  }
  keepRows?: RowFilter
}

export type ColumnMapping = PositionMapping | LendingMapping

/** A column layout seen in the wild, for detection: the header of one version of an export. */
export interface PresetLayout {
  name: string
  columns: readonly string[]
}

/** A named, documented mapping for one venue's export. */
export interface MappingPreset {
  name: string
  label: string
  mapping: ColumnMapping
  layouts: readonly PresetLayout[]
  /** What the export lacks and where the import takes it from instead. */
  notes: readonly string[]
  /** Where the layout was found. */
  source: string
}
