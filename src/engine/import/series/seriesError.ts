import { ImportFileError } from '../importFileError'

export interface SeriesIssue {
  line: number
  reason: string
}

/**
 * A time series file that cannot be used, with the first offending lines. An ImportFileError, so
 * every caller that reports file errors to the user reports this one too.
 */
export class SeriesError extends ImportFileError {
  constructor(
    message: string,
    readonly issues: readonly SeriesIssue[] = []
  ) {
    super(message)
  }
}

const LISTED_ISSUES = 10

/** One error for all bad rows, listing the first few by line. */
export function badRowsError(what: string, issues: readonly SeriesIssue[]): SeriesError {
  const listed = issues.slice(0, LISTED_ISSUES)
  const details = listed.map((issue) => `line ${issue.line}: ${issue.reason}`).join('; ')
  const more = issues.length > listed.length ? `; and ${issues.length - listed.length} more` : ''
  const noun = issues.length === 1 ? 'row' : 'rows'
  return new SeriesError(`${what}: ${issues.length} bad ${noun}: ${details}${more}`, listed)
}
