const DIGIT_BITS = 16
const DIGIT_VALUES = 1 << DIGIT_BITS
const SIGN_BIT = 0x80000000

/**
 * Indices 0..n-1 ordered by ascending key; equal keys keep index order (the sort is stable), so
 * the result is deterministic. -0 ties with 0, and NaN keys go last.
 *
 * A least-significant-digit radix sort over the keys' IEEE bits, 16 bits a pass: a million keys
 * sort in a few passes over typed arrays, where sorting an array of indices with a comparator made
 * some 250 MB of garbage and took several times as long.
 */
export function sortIndicesByKey(keys: Float64Array): Uint32Array {
  const n = keys.length
  // Each key as two 32-bit words (little-endian: low word first) that order as unsigned integers.
  const ordered = new Float64Array(n)
  const words = new Uint32Array(ordered.buffer)
  for (let i = 0; i < n; i++) {
    const key = keys[i]
    ordered[i] = key === 0 ? 0 : Number.isNaN(key) ? NaN : key
    const high = words[2 * i + 1]
    if (high & SIGN_BIT) {
      words[2 * i] = ~words[2 * i]
      words[2 * i + 1] = ~high
    } else words[2 * i + 1] = high | SIGN_BIT
  }
  let order = new Uint32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  let spare = new Uint32Array(n)
  const counts = new Uint32Array(DIGIT_VALUES)
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1
    const shift = (pass & 1) * DIGIT_BITS
    counts.fill(0)
    for (let i = 0; i < n; i++) counts[(words[2 * i + word] >>> shift) & (DIGIT_VALUES - 1)]++
    // A pass where every key has the same digit would copy the order unchanged: skip it.
    if (n === 0 || counts[(words[word] >>> shift) & (DIGIT_VALUES - 1)] === n) continue
    let start = 0
    for (let digit = 0; digit < DIGIT_VALUES; digit++) {
      const count = counts[digit]
      counts[digit] = start
      start += count
    }
    for (let k = 0; k < n; k++) {
      const index = order[k]
      spare[counts[(words[2 * index + word] >>> shift) & (DIGIT_VALUES - 1)]++] = index
    }
    ;[order, spare] = [spare, order]
  }
  return order
}
