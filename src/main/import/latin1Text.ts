/** Buffer's own latin1 decoder: `toString('latin1', ...)` checks its arguments on every call. */
type Latin1Slicer = { latin1Slice?: (start: number, end: number) => string }

const hasLatin1Slice = typeof (Buffer.prototype as Latin1Slicer).latin1Slice === 'function'

/**
 * The ASCII (or latin1) bytes `[start, end)` as a string. A million-row import makes two of these
 * per row, so it calls the decoder directly where Node has it, and toString where it does not.
 */
export const latin1Text: (bytes: Buffer, start: number, end: number) => string = hasLatin1Slice
  ? (bytes, start, end) => (bytes as Latin1Slicer).latin1Slice!(start, end)
  : (bytes, start, end) => bytes.toString('latin1', start, end)
