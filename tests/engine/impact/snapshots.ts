import { fileURLToPath } from 'node:url'
import type { DepthSnapshot } from '../../../src/engine/impact/depthSnapshot'

export const REAL_DEPTH_FILE = fileURLToPath(
  new URL('../../../resources/market/binance-usdm-btcusdt-depth-2024-08-08.csv', import.meta.url)
)

function side(prices: number[], sizes: number[]): DepthSnapshot['bids'] {
  return { prices: Float64Array.from(prices), sizes: Float64Array.from(sizes) }
}

/**
 * Mid 100, levels 1%, 2% and 4% away holding 1, 3 and 12: cumulative depth 1, 4, 16 is exactly
 * cum(d) = 10,000 * d^2, so the fitted exponent is 2 and the extension is known in closed form.
 */
export const SQUARE_LAW_SNAPSHOT: DepthSnapshot = {
  bids: side([99, 98, 96], [1, 3, 12]),
  asks: side([101, 102, 104], [1, 3, 12]),
  mid: 100
}

/** One level a side (1% from a mid of 100, 5 each): too little to fit a profile. */
export const ONE_LEVEL_SNAPSHOT: DepthSnapshot = {
  bids: side([99], [5]),
  asks: side([101], [5]),
  mid: 100
}
