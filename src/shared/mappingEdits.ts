import { headerKey } from '../engine/import/mapping/headerKey'
import {
  AS_IS,
  FIELD_TRANSFORMS,
  transformOf,
  type ColumnMapping,
  type FieldRule,
  type MappableField,
  type MappingStep,
  type Transform
} from './importMapping'

/** What one header column feeds, as the mapping editor shows it. */
export interface ColumnAssignment {
  field: string
  /** The offered transform the rule's steps are, or null for a preset's own steps. */
  transform: Transform | null
  steps: readonly MappingStep[]
}

const namesColumn = (rule: FieldRule, key: string): boolean =>
  (rule.columns ?? []).some((name) => headerKey(name) === key)

/**
 * For each header column, the fields whose rules read it, the way the engine resolves them: each
 * rule of a field's chain reads the first of its columns the header has.
 */
export function columnAssignments(
  mapping: ColumnMapping,
  header: readonly string[]
): ColumnAssignment[][] {
  const positions = new Map<string, number>()
  header.forEach((name, at) => {
    const key = headerKey(name)
    if (key !== '' && !positions.has(key)) positions.set(key, at)
  })
  const assignments = header.map((): ColumnAssignment[] => [])
  for (const [field, rule] of Object.entries(mapping.fields)) {
    for (let r: FieldRule | undefined = rule; r; r = r.otherwise) {
      const at = (r.columns ?? [])
        .map((name) => positions.get(headerKey(name)))
        .find((index) => index !== undefined)
      if (at === undefined) continue
      const steps = r.steps ?? []
      assignments[at].push({ field, transform: transformOf(field, steps), steps })
    }
  }
  // A signed size's column is the size's: the side it also gives is shown as a by-product.
  const derivedSide = (a: ColumnAssignment): number =>
    Number(a.field === 'side' && a.transform?.id === 'sign')
  for (const list of assignments) list.sort((a, b) => derivedSide(a) - derivedSide(b))
  return assignments
}

/** The rule without any column named `key`; null when nothing is left of it. */
function withoutColumn(rule: FieldRule | undefined, key: string): FieldRule | null {
  if (!rule) return null
  const otherwise = withoutColumn(rule.otherwise, key)
  const { columns, steps, otherwise: _replaced, ...fallbacks } = rule
  const rest = namesColumn(rule, key)
    ? (columns ?? []).filter((name) => headerKey(name) !== key)
    : (columns ?? [])
  const own: FieldRule = {
    ...fallbacks,
    ...(rest.length > 0 ? { columns: rest, ...(steps ? { steps } : {}) } : {})
  }
  // A link left with nothing of its own hands over to its fallback.
  if (Object.keys(own).length === 0) return otherwise
  return otherwise ? { ...own, otherwise } : own
}

/** What is left of a rule once its columns are dropped: its lookup, constant or generator. */
function fallbacksOf(rule: FieldRule | undefined): FieldRule | null {
  if (!rule) return null
  const otherwise = fallbacksOf(rule.otherwise)
  const { columns: _columns, steps: _steps, otherwise: _next, ...fallbacks } = rule
  if (Object.keys(fallbacks).length === 0) return otherwise
  return otherwise ? { ...fallbacks, otherwise } : fallbacks
}

const hasColumnIn = (rule: FieldRule | undefined, keys: ReadonlySet<string>): boolean => {
  for (let r = rule; r; r = r.otherwise)
    if ((r.columns ?? []).some((name) => keys.has(headerKey(name)))) return true
  return false
}

/**
 * The mapping with one header column assigned: it stops feeding any field it fed, and, unless
 * `field` is null (kept as an extra column), becomes the field's only column, read through the
 * transform. The field's lookups, constants and generators stay as fallbacks. A signed size also
 * gives the side, when no other column of the header does.
 */
export function assignColumn<M extends ColumnMapping>(
  mapping: M,
  header: readonly string[],
  column: number,
  field: MappableField | null,
  transformId: string = AS_IS
): M {
  const key = headerKey(header[column])
  const fields: Record<string, FieldRule> = {}
  for (const [name, rule] of Object.entries(mapping.fields)) {
    const kept = withoutColumn(rule, key)
    if (kept) fields[name] = kept
  }
  if (field !== null) {
    const transform =
      FIELD_TRANSFORMS[field].find((offered) => offered.id === transformId) ??
      FIELD_TRANSFORMS[field][0]
    const fallbacks = fallbacksOf(mapping.fields[field])
    fields[field] = {
      columns: [header[column]],
      ...(transform.steps.length > 0 ? { steps: [...transform.steps] } : {}),
      ...(fallbacks ? { otherwise: fallbacks } : {})
    }
    const headerKeys = new Set(header.map(headerKey))
    if (transform.sideFromSign && !hasColumnIn(fields.side, headerKeys)) {
      const sideFallbacks = fallbacksOf(mapping.fields.side)
      fields.side = {
        columns: [header[column]],
        steps: [{ op: 'side-from-sign' }],
        ...(sideFallbacks ? { otherwise: sideFallbacks } : {})
      }
    }
  }
  return { ...mapping, fields }
}
