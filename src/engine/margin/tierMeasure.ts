/**
 * What a tier table's bounds count:
 * - `notional`: the position's value in the margin currency (quote for linear contracts, the coin
 *   for inverse ones); Binance brackets, Bybit risk limits, Hyperliquid bands. Floors are
 *   inclusive: a notional exactly at a floor is in the tier that starts there.
 * - `size`: the position's size in its own unit (base coin for linear contracts, the USD face value
 *   for inverse ones); OKX position tiers, which count contracts, once the contracts are multiplied
 *   by the contract value. A size tier covers sizes above its floor up to and including its cap,
 *   as OKX's "minSz"/"maxSz" do, and since the size does not move with the price, neither does the
 *   tier.
 */
export type TierMeasure = 'notional' | 'size'
