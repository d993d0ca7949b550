import { ImportFileError } from '../importFileError'
import type { ColumnMapping } from './columnMapping'
import { LEG_FIELDS } from './lendingLegs'
import { mappingFields, requiredFields } from './mappingFields'
import { hasSource, resolveMapping, type ResolvedMapping } from './resolvedMapping'

/**
 * Matches a positions or lending mapping to a header row; throws ImportFileError when it cannot
 * read this file (see resolveMapping), or when an account export has neither a supplied nor a
 * borrowed amount column.
 */
export function resolveColumnMapping(
  header: readonly string[],
  mapping: ColumnMapping,
  source: string
): ResolvedMapping {
  const resolved = resolveMapping(header, mappingFields(mapping), {
    required: requiredFields(mapping),
    source,
    keepRows: mapping.keepRows
  })
  if (mapping.target === 'lending' && mapping.legs) {
    const amounts = [LEG_FIELDS.collateral, LEG_FIELDS.debt]
    if (!amounts.some((field) => hasSource(resolved.rules.get(field)))) {
      const looked = [mapping.legs.collateral, mapping.legs.debt].flatMap(
        (rule) => rule?.columns ?? []
      )
      throw new ImportFileError(
        `missing amount columns: the file names neither a supplied nor a borrowed amount (looked for ${looked.join(', ')})`
      )
    }
  }
  return resolved
}
