/**
 * How numbers are spelled in cells: plain decimals, commas or underscores as thousands separators,
 * a trailing `%` on fractions and an `x` on leverage. Each parser returns null when the text spells
 * no finite number, so callers can name the column in the reason.
 */

const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i
/** Commas only in groups of three: `1,5` is rejected rather than read as 15 (a decimal comma). */
const COMMA_GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/
const UNDERSCORE_GROUPED = /^[+-]?\d+(?:_\d+)*(?:\.\d+(?:_\d+)*)?$/
const EXPONENT = /e/i
const LEVERAGE_SUFFIX = /\s*x$/i

/** The text as a plain decimal JavaScript reads exactly, or null. */
function plainDecimal(text: string): string | null {
  if (text.includes(',')) return COMMA_GROUPED.test(text) ? text.replaceAll(',', '') : null
  if (text.includes('_')) return UNDERSCORE_GROUPED.test(text) ? text.replaceAll('_', '') : null
  return PLAIN.test(text) ? text : null
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null)

const DIGIT_0 = 48
const DIGIT_9 = 57
const DOT = 46
const MINUS = 45
const PLUS = 43
/** Lower-cased x, b, o: the radix prefixes JavaScript's Number() would accept after a 0. */
const RADIX_LETTERS = [120, 98, 111]

/**
 * Most cells are plain decimals, and Number() reads those exactly; this skips the regular
 * expressions for them (a third of the import's mapping time on a 1M-row file). Anything Number()
 * reads that the notation does not allow (hex, binary, octal, Infinity) is left to the slow path.
 */
function fastPlainNumber(text: string): number | null {
  const first = text.charCodeAt(0)
  const startsLikeDecimal =
    (first >= DIGIT_0 && first <= DIGIT_9) || first === DOT || first === MINUS || first === PLUS
  if (!startsLikeDecimal) return null
  if (first === DIGIT_0 && RADIX_LETTERS.includes(text.charCodeAt(1) | 32)) return null
  const value = Number(text)
  return Number.isFinite(value) ? value : null
}

/** `1234.5`, `-1e-3`, `1,234,567.89`, `1_000_000`; never NaN, Infinity, hex or empty. */
export function parseDecimal(text: string): number | null {
  const fast = fastPlainNumber(text)
  if (fast !== null) return fast
  const plain = plainDecimal(text)
  return plain === null ? null : finiteOrNull(Number(plain))
}

/**
 * A fraction written plainly (`0.005`) or as a percent (`0.5%`). The percent shifts the decimal
 * exponent instead of dividing by 100, so `0.07%` is exactly the double nearest 0.0007.
 */
export function parseFraction(text: string): number | null {
  if (!text.endsWith('%')) return parseDecimal(text)
  const plain = plainDecimal(text.slice(0, -1).trimEnd())
  if (plain === null) return null
  return finiteOrNull(EXPONENT.test(plain) ? Number(plain) / 100 : Number(`${plain}e-2`))
}

/** `10`, `10x` or `10X`. */
export function parseLeverage(text: string): number | null {
  return parseDecimal(text.replace(LEVERAGE_SUFFIX, ''))
}
