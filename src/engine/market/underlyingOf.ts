const QUOTE_SUFFIXES = ['USDT', 'USDC', 'USD', 'BUSD', 'FDUSD']
const WRAPPED: Record<string, string> = {
  WBTC: 'BTC',
  CBBTC: 'BTC',
  WETH: 'ETH',
  STETH: 'ETH',
  WSTETH: 'ETH',
  WSOL: 'SOL'
}

/**
 * The underlying asset a symbol trades, which is the market its forced flow hits: BTCUSDT,
 * BTCUSD_PERP, BTC-USDT-SWAP, BTC-PERP, BTC and WBTC all move with BTC, so a BTC shock
 * reaches every venue's BTC positions and the BTC collateral of lending positions.
 */
export function underlyingOf(symbol: string): string {
  let name = symbol.trim().toUpperCase()
  name = name.split(/[-_/:]/)[0]
  for (const suffix of QUOTE_SUFFIXES) {
    if (name.length > suffix.length && name.endsWith(suffix)) {
      name = name.slice(0, -suffix.length)
      break
    }
  }
  return WRAPPED[name] ?? name
}
