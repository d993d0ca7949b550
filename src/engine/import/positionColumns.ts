import { POSITION_ALIASES } from './canonicalAliases'
import { resolveColumns, type ColumnLayout, type ResolvedHeader } from './columnLayout'

export const POSITION_FIELDS = [
  'id',
  'account',
  'venue',
  'symbol',
  'contract',
  'side',
  'size',
  'entry_price',
  'margin_mode',
  'margin',
  'leverage',
  'mmr',
  'maintenance_amount',
  'wallet_balance',
  'mark_price'
] as const

export type PositionField = (typeof POSITION_FIELDS)[number]
export type PositionHeader = ResolvedHeader<PositionField>

const POSITION_LAYOUT: ColumnLayout<PositionField> = {
  fields: POSITION_FIELDS,
  required: ['id', 'symbol', 'side', 'size', 'entry_price'],
  aliases: POSITION_ALIASES
}

/** Reads the header row of a canonical positions file; throws ImportFileError when unusable. */
export function resolveHeader(header: readonly string[]): PositionHeader {
  return resolveColumns(header, POSITION_LAYOUT)
}
