import type { ColumnMapping, FieldRule } from './columnMapping'

/**
 * A value the user gives for a field: for every row (`wallet_balance=25000`), or for the rows
 * whose key field has a given value (`contract_size[BTC-USD-SWAP]=100`, `liquidation_threshold[ETH]=0.825`).
 */
export interface FieldOverride {
  field: string
  key?: string
  value: string
}

/** The field a keyed override is looked up by, when the rule names none. */
const DEFAULT_KEY: Record<ColumnMapping['target'], string> = {
  positions: 'symbol',
  lending: 'asset'
}

function overridden(rule: FieldRule | undefined, override: FieldOverride, key: string): FieldRule {
  if (override.key === undefined) return { constant: override.value }
  const lookup = rule?.lookup ?? { key, values: {} }
  return {
    ...rule,
    lookup: { key: lookup.key, values: { ...lookup.values, [override.key]: override.value } }
  }
}

/** The mapping with the user's values in place: a plain value replaces the rule, a keyed one adds to its lookup. */
export function applyOverrides<M extends ColumnMapping>(
  mapping: M,
  overrides: readonly FieldOverride[]
): M {
  const fields: Record<string, FieldRule> = { ...mapping.fields }
  for (const override of overrides) {
    fields[override.field] = overridden(
      fields[override.field],
      override,
      DEFAULT_KEY[mapping.target]
    )
  }
  return { ...mapping, fields }
}
