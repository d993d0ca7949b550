import { createAmmImpact } from '../../../src/engine/impact/ammImpact'
import { createLinearImpact } from '../../../src/engine/impact/linearImpact'
import { createOrderBookImpact } from '../../../src/engine/impact/orderBookImpact'
import { createSqrtImpact } from '../../../src/engine/impact/sqrtImpact'
import { loadDepthSnapshotFile } from '../../../src/main/marketData/depthFile'
import { testImpactContract } from './impactContract'
import { ONE_LEVEL_SNAPSHOT, REAL_DEPTH_FILE, SQUARE_LAW_SNAPSHOT } from './snapshots'

const realSnapshot = loadDepthSnapshotFile(REAL_DEPTH_FILE)

testImpactContract('linear depth', () => createLinearImpact({ depthPerPercent: 2e7 }))
testImpactContract('square-root law', () =>
  createSqrtImpact({ dailyVolume: 1.5e10, dailyVolatility: 0.035, coefficient: 0.7 })
)
testImpactContract('constant-product AMM', () => createAmmImpact({ baseReserve: 250 }))
testImpactContract('order book, real Binance BTCUSDT snapshot', () =>
  createOrderBookImpact({ snapshot: realSnapshot })
)
testImpactContract('order book, hand-made square-law snapshot', () =>
  createOrderBookImpact({ snapshot: SQUARE_LAW_SNAPSHOT })
)
testImpactContract('order book, one level a side (linear fallback)', () =>
  createOrderBookImpact({ snapshot: ONE_LEVEL_SNAPSHOT })
)
