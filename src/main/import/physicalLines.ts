/** Line breaks inside a record's fields (quoted newlines), CRLF counting as one. */
function lineBreaksIn(fields: readonly string[]): number {
  let breaks = 0
  for (const field of fields) {
    if (field.indexOf('\n') === -1 && field.indexOf('\r') === -1) continue
    for (let i = 0; i < field.length; i++) {
      const char = field[i]
      if (char === '\n' || (char === '\r' && field[i + 1] !== '\n')) breaks++
    }
  }
  return breaks
}

export interface LineCounter {
  /** The physical line the next record starts on. */
  readonly next: number
  /** Returns the line the record starts on and moves past it. */
  take(fields: readonly string[]): number
}

/**
 * Physical line numbers, counted from the records themselves: each record ends at one line break
 * and spans as many more as its quoted fields hold. The parser hands blank lines over as records,
 * so every line is counted. (csv-parse's own `info.lines` counts a CRLF inside quotes twice.)
 */
export function createLineCounter(): LineCounter {
  let next = 1
  return {
    get next() {
      return next
    },
    take(fields) {
      const line = next
      next += 1 + lineBreaksIn(fields)
      return line
    }
  }
}
