import { LENDING_ALIASES, POSITION_ALIASES } from '../canonicalAliases'
import { LENDING_FIELDS } from '../lendingColumns'
import { POSITION_FIELDS } from '../positionColumns'
import type { ColumnMapping, FieldRule } from './columnMapping'
import type { MappingTarget } from './detectPreset'

function identityFields(
  fields: readonly string[],
  aliases: Readonly<Record<string, string>>
): Record<string, FieldRule> {
  const rules: Record<string, FieldRule> = {}
  for (const field of fields) {
    const others = Object.keys(aliases).filter((alias) => aliases[alias] === field)
    rules[field] = { columns: [field, ...others] }
  }
  return rules
}

/**
 * The canonical layout as a mapping: each field read from its own column or an alias. The
 * canonical file is read without it; it is the starting point when the user adds values or
 * edits the mapping of a canonical-looking file.
 */
export function canonicalMapping(target: MappingTarget): ColumnMapping {
  return target === 'positions'
    ? { target, fields: identityFields(POSITION_FIELDS, POSITION_ALIASES) }
    : { target, fields: identityFields(LENDING_FIELDS, LENDING_ALIASES) }
}
