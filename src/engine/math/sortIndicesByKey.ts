/**
 * Indices 0..n-1 ordered by ascending key; equal keys keep index order (the sort is stable), so
 * the result is deterministic. A plain array is sorted rather than a typed one because V8's
 * typed-array sort with a comparator is about four times slower for a million keys.
 */
export function sortIndicesByKey(keys: Float64Array): Uint32Array {
  const order = Array.from({ length: keys.length }, (_, i) => i)
  order.sort((a, b) => keys[a] - keys[b])
  return Uint32Array.from(order)
}
