export interface DepthRowIssue {
  line: number
  reason: string
}

/** A depth snapshot that cannot be used; `issues` holds the first offending lines. */
export class DepthSnapshotError extends Error {
  override name = 'DepthSnapshotError'

  constructor(
    message: string,
    readonly issues: readonly DepthRowIssue[] = []
  ) {
    super(message)
  }
}
