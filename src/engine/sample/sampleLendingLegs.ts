import type { LendingLegRow } from '../lending/legRow'
import { createRandom, type Random } from '../math/random'
import { drawTruncatedLogNormal } from './drawTruncatedLogNormal'
import { SAMPLE_COLLATERAL, SAMPLE_PROTOCOLS, type CollateralAsset } from './lendingAssets'
import { roundToStep } from './roundToStep'
import { sampleAssetPrice } from './sampleAssetPrice'
import { lendingAccountId } from './sampleIds'

const COLLATERAL_USD = { median: 25_000, logSpread: 1.5, min: 500, max: 50e6 }
/** Most borrowers sit at 1.2–2; a few hug the edge of liquidation, a few barely borrow. */
const HEALTH_FACTOR = { median: 1.55, logSpread: 0.22, min: 1.025, max: 2.95 }
const TWO_COLLATERAL_SHARE = 0.12
const COLLATERAL_STEP = 1e-8
const DEBT_STEP = 1e-6

/** Aave/Compound-style borrowers: one or two crypto collaterals against one stablecoin debt. */
export function sampleLendingLegs(options: { positions: number; seed: number }): LendingLegRow[] {
  const { positions, seed } = options
  if (!Number.isInteger(positions) || positions < 0) {
    throw new RangeError(`positions must be a non-negative integer, got ${positions}`)
  }
  const random = createRandom(seed)
  const legs: LendingLegRow[] = []
  for (let number = 1; number <= positions; number++) {
    legs.push(...drawLendingPosition(random, lendingAccountId(number)))
  }
  return legs
}

function drawLendingPosition(random: Random, account: string): LendingLegRow[] {
  const protocol = SAMPLE_PROTOCOLS[random.weighted(SAMPLE_PROTOCOLS.map((p) => p.weight))]
  const collateralUsd = drawTruncatedLogNormal(random, COLLATERAL_USD)
  const shares = random.next() < TWO_COLLATERAL_SHARE ? twoWaySplit(random) : [1]
  const assets = pickCollateral(random, shares.length)
  const collateral = assets.map((asset, i): LendingLegRow => {
    const amount = (collateralUsd * shares[i]) / sampleAssetPrice(asset.asset)
    return {
      account,
      protocol: protocol.name,
      asset: asset.asset,
      role: 'collateral',
      amount: roundToStep(amount, COLLATERAL_STEP),
      liquidationThreshold: asset.liquidationThreshold,
      liquidationBonus: asset.liquidationBonus
    }
  })
  const thresholdValue = assets.reduce(
    (sum, asset, i) =>
      sum + collateral[i].amount * sampleAssetPrice(asset.asset) * asset.liquidationThreshold,
    0
  )
  const healthFactor = drawTruncatedLogNormal(random, HEALTH_FACTOR)
  const debtAsset = protocol.debtAssets[random.int(protocol.debtAssets.length)]
  const debtAmount = thresholdValue / healthFactor / sampleAssetPrice(debtAsset)
  const debt: LendingLegRow = {
    account,
    protocol: protocol.name,
    asset: debtAsset,
    role: 'debt',
    amount: roundToStep(debtAmount, DEBT_STEP),
    liquidationThreshold: null,
    liquidationBonus: null
  }
  return [...collateral, debt]
}

/** Neither asset below a fifth: a token second collateral would not change the picture. */
function twoWaySplit(random: Random): number[] {
  const first = 0.2 + 0.6 * random.next()
  return [first, 1 - first]
}

function pickCollateral(random: Random, count: number): CollateralAsset[] {
  const first = SAMPLE_COLLATERAL[random.weighted(SAMPLE_COLLATERAL.map((asset) => asset.weight))]
  if (count === 1) return [first]
  const others = SAMPLE_COLLATERAL.filter((asset) => asset !== first)
  return [first, others[random.weighted(others.map((asset) => asset.weight))]]
}
