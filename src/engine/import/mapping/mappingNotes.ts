import { quoteValue } from '../quoteValue'
import type { MissingFieldHint } from './explainRowError'
import type { MappingTarget } from './detectPreset'
import type { ResolvedMapping, ResolvedRule } from './resolvedMapping'

type Origin =
  | { kind: 'column' }
  | { kind: 'lookup'; key: string; count: number; constant: string | null }
  | { kind: 'constant'; value: string }
  | { kind: 'row-id' | 'file-name' | 'margin-account' }
  | { kind: 'none' }

function originOf(rule: ResolvedRule | undefined): Origin {
  for (let r = rule ?? null; r !== null; r = r.otherwise)
    if (r.index >= 0) return { kind: 'column' }
  for (let r = rule ?? null; r !== null; r = r.otherwise) {
    if (r.lookup)
      return {
        kind: 'lookup',
        key: r.lookup.key,
        count: r.lookup.values.size,
        constant: r.constant
      }
    if (r.constant !== null) return { kind: 'constant', value: r.constant }
    if (r.generate) return { kind: r.generate }
  }
  return { kind: 'none' }
}

/** What the import does for a field the file does not have, by field. */
function withoutColumn(
  field: string,
  hint: MissingFieldHint,
  target: MappingTarget
): string | null {
  if (target === 'lending') {
    if (field === 'liquidation_threshold' || field === 'liquidation_bonus')
      return `collateral legs are rejected without it (${hint(field)})`
    return null
  }
  switch (field) {
    case 'mmr':
      return `the maintenance margin comes from the venue's tier table for each symbol; rows with no table are rejected (${hint(field)})`
    case 'wallet_balance':
      return `cross rows are rejected without it (${hint(field)})`
    case 'mark_price':
      return 'market prices must be given separately'
    case 'venue':
      return 'rows count as venue "generic"'
    case 'contract':
      return 'rows are linear contracts'
    case 'margin_mode':
      return 'rows are isolated'
    default:
      return null
  }
}

function describe(
  field: string,
  origin: Origin,
  source: string,
  hint: MissingFieldHint,
  target: MappingTarget
) {
  switch (origin.kind) {
    case 'column':
      return null
    case 'row-id':
      return `${field}: not in the file; each row is named ${quoteValue(`${source}:<line>`)}`
    case 'file-name':
      return `${field}: not in the file; every row gets ${quoteValue(source)}, the file's name`
    case 'margin-account':
      return `${field}: not in the file; linear rows get ${quoteValue(source)}, inverse rows ${quoteValue(`${source}/<coin>`)} (a wallet per margin coin)`
    case 'constant':
      return `${field}: not in the file; ${quoteValue(origin.value)} for every row`
    case 'lookup':
      return `${field}: not in the file; looked up by ${origin.key} (${origin.count} known)${origin.constant !== null ? `, else ${quoteValue(origin.constant)}` : ''}`
    case 'none': {
      const consequence = withoutColumn(field, hint, target)
      return consequence === null ? null : `${field}: not in the file; ${consequence}`
    }
  }
}

/** Which fields the file lacks and where the import takes them from, one note per field. */
export function mappingNotes(
  mapping: ResolvedMapping,
  fields: readonly string[],
  target: MappingTarget,
  hint: MissingFieldHint
): string[] {
  const notes: string[] = []
  for (const field of fields) {
    const note = describe(field, originOf(mapping.rules.get(field)), mapping.source, hint, target)
    if (note !== null) notes.push(note)
  }
  const both = ['margin', 'leverage']
  if (
    target === 'positions' &&
    both.every((field) => originOf(mapping.rules.get(field)).kind === 'none')
  ) {
    notes.push(
      `margin, leverage: not in the file; isolated rows are rejected without one of them (${hint('leverage')})`
    )
  }
  return notes
}
