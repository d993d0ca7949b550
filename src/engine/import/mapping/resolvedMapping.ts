import { uniqueName, writtenName } from '../columnLayout'
import { ImportFileError } from '../importFileError'
import type { FieldRule, Generated, RowFilter } from './columnMapping'
import { headerKey } from './headerKey'
import { compileStep, stepDependencies, type CompiledStep } from './mappingSteps'

/** A field rule tied to one header row: the column it reads, its steps compiled. */
export interface ResolvedRule {
  field: string
  /** Index of the column read, or -1 when the header has none of the rule's columns. */
  index: number
  /** That column's name as the header writes it. */
  column: string | null
  steps: readonly CompiledStep[]
  otherwise: ResolvedRule | null
  lookup: { key: string; values: ReadonlyMap<string, string> } | null
  constant: string | null
  generate: Generated | null
}

export interface ResolvedFilter {
  index: number
  column: string
  /** Lower case. */
  values: ReadonlySet<string>
  /** As the mapping writes them, for reasons. */
  listed: string
}

/** A mapping matched to a header row, ready to read records. */
export interface ResolvedMapping {
  rules: ReadonlyMap<string, ResolvedRule>
  /** Fields in the header row: every record must have exactly this many. */
  width: number
  /** Columns no rule reads, as the header spells them (trimmed, made unique). */
  extra: string[]
  extraIndices: number[]
  keepRows: ResolvedFilter | null
  /** The file's name without folder or extension, for generated ids and accounts. */
  source: string
}

type HeaderIndex = ReadonlyMap<string, number>

function indexHeader(header: readonly string[]): HeaderIndex {
  const index = new Map<string, number>()
  header.forEach((name, at) => {
    const key = headerKey(writtenName(name))
    if (key !== '' && !index.has(key)) index.set(key, at)
  })
  return index
}

function findColumn(columns: readonly string[] | undefined, header: HeaderIndex): number {
  for (const column of columns ?? []) {
    const at = header.get(headerKey(column))
    if (at !== undefined) return at
  }
  return -1
}

function resolveRule(
  field: string,
  rule: FieldRule,
  header: readonly string[],
  index: HeaderIndex
): ResolvedRule {
  const at = findColumn(rule.columns, index)
  return {
    field,
    index: at,
    column: at >= 0 ? writtenName(header[at]) : null,
    steps: (rule.steps ?? []).map(compileStep),
    otherwise: rule.otherwise ? resolveRule(field, rule.otherwise, header, index) : null,
    lookup: rule.lookup
      ? { key: rule.lookup.key, values: new Map(Object.entries(rule.lookup.values)) }
      : null,
    constant: rule.constant === undefined || rule.constant.trim() === '' ? null : rule.constant,
    generate: rule.generate ?? null
  }
}

/** The columns a rule (and its fallbacks) reads. */
function readIndices(rule: ResolvedRule | null, into: Set<number>): Set<number> {
  for (let r = rule; r !== null; r = r.otherwise) if (r.index >= 0) into.add(r.index)
  return into
}

/** Whether the rule can give a value at all: a column the header has, or a fallback. */
export function hasSource(rule: ResolvedRule | undefined): boolean {
  for (let r = rule ?? null; r !== null; r = r.otherwise)
    if (r.index >= 0 || r.lookup || r.constant !== null || r.generate) return true
  return false
}

/** The first column of the header a rule reads, or null. */
export function sourceColumn(rule: ResolvedRule | undefined): string | null {
  for (let r = rule ?? null; r !== null; r = r.otherwise) if (r.column !== null) return r.column
  return null
}

function dependencies(rule: FieldRule): string[] {
  const own = (rule.steps ?? []).flatMap(stepDependencies)
  if (rule.lookup) own.push(rule.lookup.key)
  if (rule.generate === 'margin-account') own.push('contract', 'symbol')
  return rule.otherwise ? own.concat(dependencies(rule.otherwise)) : own
}

/** A step or lookup that reads a field which reads it back would never finish. */
function refuseCycles(fields: Readonly<Record<string, FieldRule>>): void {
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (field: string, path: string[]): void => {
    if (state.get(field) === 'done' || !Object.hasOwn(fields, field)) return
    if (state.get(field) === 'visiting') {
      throw new ImportFileError(`mapping: ${[...path, field].join(' → ')} reads itself`)
    }
    state.set(field, 'visiting')
    for (const next of dependencies(fields[field])) visit(next, [...path, field])
    state.set(field, 'done')
  }
  for (const field of Object.keys(fields)) visit(field, [])
}

function resolveFilter(
  filter: RowFilter | undefined,
  header: readonly string[],
  index: HeaderIndex
) {
  if (!filter) return null
  const at = findColumn(filter.columns, index)
  if (at < 0) return null
  const values = new Set(filter.values.map((value) => value.trim().toLowerCase()))
  return { index: at, column: writtenName(header[at]), values, listed: filter.values.join(' or ') }
}

function listedRule(rule: FieldRule | undefined): string {
  const names: string[] = []
  for (let r = rule; r; r = r.otherwise) names.push(...(r.columns ?? []))
  return names.length > 0 ? ` (looked for ${names.join(', ')})` : ''
}

/**
 * Matches a mapping to a header row. Throws ImportFileError when the mapping cannot work on this
 * file: none of its columns are in the header, a required field has no column and no fallback, or
 * a rule reads itself through other fields.
 */
export function resolveMapping(
  header: readonly string[],
  fields: Readonly<Record<string, FieldRule>>,
  {
    required,
    source,
    keepRows
  }: { required: readonly string[]; source: string; keepRows?: RowFilter }
): ResolvedMapping {
  refuseCycles(fields)
  const index = indexHeader(header)
  const rules = new Map<string, ResolvedRule>()
  for (const [field, rule] of Object.entries(fields))
    rules.set(field, resolveRule(field, rule, header, index))
  const read = new Set<number>()
  for (const rule of rules.values()) readIndices(rule, read)
  if (read.size === 0) {
    throw new ImportFileError(
      `the header names none of the mapped columns: the first line should name columns such as ${required.flatMap((field) => fields[field]?.columns?.[0] ?? []).join(', ')}`
    )
  }
  const missing = required.filter((field) => !hasSource(rules.get(field)))
  if (missing.length > 0) {
    const noun = missing.length === 1 ? 'column' : 'columns'
    const which = missing.map((field) => `${field}${listedRule(fields[field])}`).join('; ')
    throw new ImportFileError(`missing required ${noun}: ${which}`)
  }
  const extra: string[] = []
  const extraIndices: number[] = []
  const taken = new Set<string>()
  header.forEach((name, at) => {
    if (read.has(at) || writtenName(name) === '') return
    const unique = uniqueName(writtenName(name), taken)
    taken.add(unique)
    extra.push(unique)
    extraIndices.push(at)
  })
  return {
    rules,
    width: header.length,
    extra,
    extraIndices,
    keepRows: resolveFilter(keepRows, header, index),
    source
  }
}
