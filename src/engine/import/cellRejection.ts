/**
 * Thrown by the cell readers and caught by `mapRecord`, which turns it into a RowError: readers
 * stay straight-line code instead of threading a result through every field.
 */
export class CellRejection extends Error {
  override name = 'CellRejection'

  constructor(
    readonly column: string | null,
    readonly reason: string
  ) {
    super(reason)
  }
}
