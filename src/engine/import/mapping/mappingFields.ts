import type { ColumnMapping, FieldRule } from './columnMapping'
import { lendingRuleFields } from './lendingLegs'

/** Every rule the mapping resolves, legs of an account export included. */
export const mappingFields = (mapping: ColumnMapping): Readonly<Record<string, FieldRule>> =>
  mapping.target === 'positions' ? mapping.fields : lendingRuleFields(mapping)

/** The fields without which no record of the target can be read. */
export function requiredFields(mapping: ColumnMapping): readonly string[] {
  if (mapping.target === 'positions') return ['id', 'symbol', 'side', 'size', 'entry_price']
  return mapping.legs
    ? ['account', 'protocol', 'asset']
    : ['account', 'protocol', 'asset', 'role', 'amount']
}
