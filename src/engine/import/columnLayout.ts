import { ImportFileError } from './importFileError'
import { headerKey } from './mapping/headerKey'

/** The canonical columns of one kind of file. */
export interface ColumnLayout<F extends string> {
  fields: readonly F[]
  required: readonly F[]
  /** Other names exporters give the fields (`qty`, `avgPrice`), by header key. */
  aliases?: Readonly<Record<string, F>>
}

/** Where each canonical column sits in the file, and which columns are unknown. */
export interface ResolvedHeader<F extends string> {
  columns: Partial<Record<F, number>>
  /** Unknown column names, as the header spells them (trimmed, made unique). */
  extra: string[]
  /** `extraIndices[k]` is the field index of `extra[k]`. */
  extraIndices: number[]
  /** Fields in the header row: every record must have exactly this many. */
  width: number
}

const MAX_LISTED_CHARACTERS = 120

/** A header cell as the user wrote it, less surrounding blanks and a byte-order mark. */
export const writtenName = (name: string): string => name.replace(/^\ufeff/, '').trim()

/** `Entry Price`, ` entry-price ` and `ENTRY_PRICE` all name `entry_price`. */
const canonicalName = (name: string): string =>
  writtenName(name)
    .toLowerCase()
    .replace(/[\s-]+/g, '_')

export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  let unique = name
  for (let n = 2; taken.has(unique); n++) unique = `${name} (${n})`
  return unique
}

function listed(names: readonly string[]): string {
  const list = names.join(', ')
  return list.length > MAX_LISTED_CHARACTERS ? `${list.slice(0, MAX_LISTED_CHARACTERS)}…` : list
}

/**
 * The field an unknown name stands for: one of the layout's aliases, or a field written another
 * way (`entryPrice`, `EntryPrice`). Only fields the header does not name exactly are filled.
 */
function aliasedField<F extends string>(
  name: string,
  layout: ColumnLayout<F>,
  columns: Partial<Record<F, number>>
): F | null {
  const key = headerKey(name)
  const field = layout.aliases?.[key] ?? layout.fields.find((known) => headerKey(known) === key)
  return field !== undefined && columns[field] === undefined ? field : null
}

/**
 * Matches the header row to the layout: names are case-insensitive and trimmed, order is free,
 * aliases fill fields the header does not name exactly, unknown columns are kept as extra. Throws
 * ImportFileError when the row names no known column (it is data, not a header), names one
 * twice, or lacks a required column.
 */
export function resolveColumns<F extends string>(
  header: readonly string[],
  layout: ColumnLayout<F>
): ResolvedHeader<F> {
  const known = new Set<string>(layout.fields)
  const resolved: ResolvedHeader<F> = {
    columns: {},
    extra: [],
    extraIndices: [],
    width: header.length
  }
  const unknown: number[] = []
  header.forEach((name, index) => {
    const canonical = canonicalName(name)
    if (known.has(canonical)) {
      const field = canonical as F
      if (resolved.columns[field] !== undefined) {
        throw new ImportFileError(`the header names column ${field} twice`)
      }
      resolved.columns[field] = index
    } else if (canonical !== '') unknown.push(index)
  })
  const taken = new Set<string>()
  for (const index of unknown) {
    const field = aliasedField(header[index], layout, resolved.columns)
    if (field !== null) {
      resolved.columns[field] = index
      continue
    }
    const unique = uniqueName(writtenName(header[index]), taken)
    taken.add(unique)
    resolved.extra.push(unique)
    resolved.extraIndices.push(index)
  }
  if (Object.keys(resolved.columns).length === 0) {
    throw new ImportFileError(
      `no header row: the first line should name columns such as ${layout.required.join(',')}`
    )
  }
  const missing = layout.required.filter((field) => resolved.columns[field] === undefined)
  if (missing.length > 0) {
    const noun = missing.length === 1 ? 'column' : 'columns'
    throw new ImportFileError(
      `missing required ${noun}: ${missing.join(', ')} (the header has: ${listed(header.map(writtenName))})`
    )
  }
  return resolved
}
