import type { MappingPreset } from '../columnMapping'
import { AAVE } from './aave'
import { BINANCE_COINM } from './binanceCoinm'
import { BINANCE_USDM } from './binanceUsdm'
import { BYBIT } from './bybit'
import { COMPOUND } from './compound'
import { DYDX } from './dydx'
import { HYPERLIQUID } from './hyperliquid'
import { OKX } from './okx'

/** The presets that ship with the app, positions first. */
export const BUILT_IN_PRESETS: readonly MappingPreset[] = [
  BINANCE_USDM,
  BINANCE_COINM,
  BYBIT,
  OKX,
  HYPERLIQUID,
  DYDX,
  AAVE,
  COMPOUND
]
