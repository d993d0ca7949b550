export const DELIMITERS = [',', ';', '\t', '|'] as const
export type Delimiter = (typeof DELIMITERS)[number]

/** A line holding nothing but blanks, delimiters and quotes is no header. */
const HAS_CONTENT = /[^\s,;|"]/

function countOutsideQuotes(line: string, delimiter: Delimiter): number {
  let count = 0
  let quoted = false
  for (const char of line) {
    if (char === '"') quoted = !quoted
    else if (char === delimiter && !quoted) count++
  }
  return count
}

/**
 * The delimiter of a CSV text, judged on its first line with content (the header): the candidate
 * it holds most often outside quotes. Ties go to the earlier candidate, and a line holding none
 * (a one-column file) reads as comma-separated.
 */
export function detectDelimiter(text: string): Delimiter {
  const header = text.split(/\r\n|\n|\r/).find((line) => HAS_CONTENT.test(line)) ?? ''
  let best: Delimiter = DELIMITERS[0]
  let bestCount = 0
  for (const delimiter of DELIMITERS) {
    const count = countOutsideQuotes(header, delimiter)
    if (count > bestCount) [best, bestCount] = [delimiter, count]
  }
  return best
}
