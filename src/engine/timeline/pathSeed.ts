/**
 * The seed of path `index` of a run seeded `seed`: a hash of both, so path i draws the same
 * numbers whichever worker runs it and however the paths are split.
 */
export function pathSeed(seed: number, index: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13) ^ Math.imul(index, 0xc2b2ae35), 0x27d4eb2f)
  h = Math.imul(h ^ (h >>> 15), 0x165667b1)
  return (h ^ (h >>> 16)) >>> 0
}
