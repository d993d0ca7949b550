import type { ColumnMapping, FieldRule } from './columnMapping'

/** A value the user gives where the file's columns give none: for every row and/or per key. */
export interface FillValue {
  field: string
  fallback?: string
  byKey?: { key: string; values: Readonly<Record<string, string>> }
}

/** The rule's column-reading links, in order, with their steps; everything else dropped. */
function columnLinks(rule: FieldRule | undefined): FieldRule[] {
  const links: FieldRule[] = []
  for (let r = rule; r; r = r.otherwise)
    if ((r.columns ?? []).length > 0) links.push({ columns: r.columns, steps: r.steps })
  return links
}

/** The rule's first lookup, constant and generator, which the user's values come before or after. */
function firstOf(rule: FieldRule | undefined) {
  let lookup: FieldRule['lookup']
  let constant: string | undefined
  let generate: FieldRule['generate']
  for (let r = rule; r; r = r.otherwise) {
    lookup ??= r.lookup
    constant ??= r.constant
    generate ??= r.generate
  }
  return { lookup, constant, generate }
}

function filledRule(rule: FieldRule | undefined, fill: FillValue): FieldRule {
  const own = firstOf(rule)
  // Values keyed like the rule's own lookup add to it (a contract size for one more symbol);
  // keyed by another field they replace it, as the user's word wins.
  const lookup = fill.byKey
    ? {
        key: fill.byKey.key,
        values: {
          ...(own.lookup?.key === fill.byKey.key ? own.lookup.values : {}),
          ...fill.byKey.values
        }
      }
    : own.lookup
  const fallback: FieldRule = {
    ...(lookup && Object.keys(lookup.values).length > 0 ? { lookup } : {}),
    ...(fill.fallback !== undefined && fill.fallback.trim() !== ''
      ? { constant: fill.fallback.trim() }
      : own.constant !== undefined
        ? { constant: own.constant }
        : {}),
    ...(own.generate ? { generate: own.generate } : {})
  }
  const links = columnLinks(rule)
  return links.reduceRight<FieldRule>((next, link) => ({ ...link, otherwise: next }), fallback)
}

/**
 * The mapping with the user's values in place where the file gives none: each field keeps the
 * columns (and steps) it reads, and its fallback becomes the user's value per key, else the
 * user's value for every row, else the rule's own. Unlike a CLI `--set`, a column the file has
 * still wins: these fill what the file lacks.
 */
export function fillValues<M extends ColumnMapping>(mapping: M, values: readonly FillValue[]): M {
  const fields: Record<string, FieldRule> = { ...mapping.fields }
  for (const fill of values) {
    const hasValue =
      (fill.fallback !== undefined && fill.fallback.trim() !== '') ||
      Object.keys(fill.byKey?.values ?? {}).length > 0
    if (hasValue) fields[fill.field] = filledRule(fields[fill.field], fill)
  }
  return { ...mapping, fields }
}
