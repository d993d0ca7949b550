import type { PositionRow } from '../../book/positionRow'
import type { LendingLegRow } from '../../lending/legRow'
import { readLeg } from '../lendingRecord'
import { readPosition } from '../positionRecord'
import type { RecordResult } from '../rowError'
import { readAccountLegs } from './lendingLegs'
import { readMappedRecord } from './mappedRecord'
import type { ResolvedMapping } from './resolvedMapping'

/** Maps one record of a mapped positions file to a PositionRow, or says why not. */
export const mapPositionThroughMapping = (
  fields: readonly string[],
  mapping: ResolvedMapping,
  line: number
): RecordResult<PositionRow> => readMappedRecord(fields, mapping, line, readPosition)

/**
 * Maps one record of a mapped lending file to its legs: one for a legs file, up to two (supplied
 * and borrowed) for an account export.
 */
export const mapLendingThroughMapping = (
  fields: readonly string[],
  mapping: ResolvedMapping,
  line: number,
  accountExport: boolean
): RecordResult<LendingLegRow[]> =>
  readMappedRecord(fields, mapping, line, (cells) =>
    accountExport ? readAccountLegs(cells) : [readLeg(cells)]
  )
