const DIGIT_0 = 0x30
const DIGIT_9 = 0x39
const DOT = 0x2e
const MINUS = 0x2d
/** Integers below this are exact doubles, so a mantissa under it loses nothing. */
const EXACT_MANTISSA = 2 ** 53
/** 10^k is an exact double up to k = 22. */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k)

/**
 * The number a cell spells as a plain decimal (`17`, `-0.5`, `60962.50`, `.5`, `5.`), read from
 * its ASCII bytes; NaN for any other spelling (a `+`, an exponent, separators, a suffix) or when
 * the digits do not fit a double exactly, which the caller then reads from the text. Where it
 * answers, it answers what Number() gives for the text: an exact mantissa divided by an exact
 * power of ten is rounded once, correctly (Clinger's fast path).
 */
export function plainDecimalAt(bytes: Uint8Array, start: number, end: number): number {
  let i = start
  const negative = i < end && bytes[i] === MINUS
  if (negative) i++
  let mantissa = 0
  let digits = 0
  let decimals = 0
  let afterDot = false
  for (; i < end; i++) {
    const byte = bytes[i]
    if (byte >= DIGIT_0 && byte <= DIGIT_9) {
      mantissa = mantissa * 10 + (byte - DIGIT_0)
      digits++
      if (afterDot) decimals++
    } else if (byte === DOT && !afterDot) afterDot = true
    else return NaN
  }
  if (digits === 0 || mantissa >= EXACT_MANTISSA || decimals >= EXACT_POWERS_OF_TEN.length)
    return NaN
  const magnitude = decimals === 0 ? mantissa : mantissa / EXACT_POWERS_OF_TEN[decimals]
  return negative ? -magnitude : magnitude
}
