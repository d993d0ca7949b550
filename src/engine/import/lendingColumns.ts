import { LENDING_ALIASES } from './canonicalAliases'
import { resolveColumns, type ColumnLayout, type ResolvedHeader } from './columnLayout'

export const LENDING_FIELDS = [
  'account',
  'protocol',
  'asset',
  'role',
  'amount',
  'liquidation_threshold',
  'liquidation_bonus'
] as const

export type LendingField = (typeof LENDING_FIELDS)[number]
export type LendingHeader = ResolvedHeader<LendingField>

/** The thresholds are optional columns: a file of debt legs alone needs neither. */
const LENDING_LAYOUT: ColumnLayout<LendingField> = {
  fields: LENDING_FIELDS,
  required: ['account', 'protocol', 'asset', 'role', 'amount'],
  aliases: LENDING_ALIASES
}

/** Reads the header row of a lending legs file; throws ImportFileError when unusable. */
export function resolveLendingHeader(header: readonly string[]): LendingHeader {
  return resolveColumns(header, LENDING_LAYOUT)
}
