/**
 * Seeded pseudo-random numbers (mulberry32 on a splitmix32-scrambled seed): the same seed gives
 * the same sequence on every platform, which is what makes sample books and paths reproducible.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  /** Standard normal (Box–Muller). */
  normal(): number
  /** Integer in [0, n). */
  int(n: number): number
  /** An index drawn with the given non-negative weights. */
  weighted(weights: readonly number[]): number
}

function splitmix32(seed: number): number {
  let z = (seed + 0x9e3779b9) | 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) >>> 0
}

export function createRandom(seed: number): Random {
  let state = splitmix32(Math.trunc(seed))
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  let spare: number | null = null
  return {
    next,
    normal() {
      if (spare !== null) {
        const value = spare
        spare = null
        return value
      }
      let u = 0
      while (u === 0) u = next()
      const v = next()
      const radius = Math.sqrt(-2 * Math.log(u))
      spare = radius * Math.sin(2 * Math.PI * v)
      return radius * Math.cos(2 * Math.PI * v)
    },
    int: (n) => Math.floor(next() * n),
    weighted(weights) {
      let total = 0
      for (const weight of weights) total += weight
      let pick = next() * total
      for (let i = 0; i < weights.length; i++) {
        pick -= weights[i]
        if (pick < 0) return i
      }
      return weights.length - 1
    }
  }
}
