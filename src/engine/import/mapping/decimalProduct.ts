const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/

/** A finite number as the integer digits and power of ten of its shortest decimal form. */
function digitsOf(value: number): { digits: bigint; exponent: number } {
  const match = DECIMAL.exec(String(value))
  if (!match) throw new RangeError(`not a finite number: ${value}`)
  const [, sign, whole, fraction = '', exponent = '0'] = match
  return {
    digits: BigInt(`${sign}${whole}${fraction}`),
    exponent: Number(exponent) - fraction.length
  }
}

/**
 * The product of two numbers as they are written: 12 contracts of 0.1 are 1.2, not the
 * 1.2000000000000002 a binary multiply gives. The decimals are multiplied exactly and the result
 * rounded to a double once.
 */
export function decimalProduct(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a * b
  const x = digitsOf(a)
  const y = digitsOf(b)
  return Number(`${x.digits * y.digits}e${x.exponent + y.exponent}`)
}
