/**
 * The liquidation price of an isolated linear position opened at `entry` with leverage `L`, when
 * its margin is the initial margin and the maintenance margin is `m` of the notional: the
 * single-position formula of DESIGN §2 with no maintenance amount, long `entry(1-1/L)/(1-m)`,
 * short `entry(1+1/L)/(1+m)`.
 */
export function liquidationPriceAt(
  entry: number,
  leverage: number,
  side: 1 | -1,
  m: number
): number {
  return side === 1
    ? (entry * (1 - 1 / leverage)) / (1 - m)
    : (entry * (1 + 1 / leverage)) / (1 + m)
}
