import type { MappingPreset } from '../columnMapping'
import {
  ABS,
  FILE_ACCOUNT,
  MARGIN_MODE_WORDS,
  ROW_ID,
  SIDE_FROM_SIGN,
  column,
  constant,
  transformed
} from './sharedRules'

/** `isolatedWallet` is 0 on cross positions: the v3 endpoint's only margin-mode signal. */
const MODE_FROM_WALLET = transformed(
  ['isolatedWallet'],
  [{ op: 'matches', pattern: '^[+-]?0*\\.?0*$', then: 'cross', otherwise: 'isolated' }]
)

export const BINANCE_USDM: MappingPreset = {
  name: 'binance-usdm',
  label: 'Binance USDⓈ-M futures positions (GET /fapi/v2|v3/positionRisk)',
  source:
    'Binance API docs, USDⓈ-M "Position Information V2/V3" (developers.binance.com, derivatives/usds-margined-futures/trade); the same fields in contek-io/io.contek.invoker binancelinear _PositionRisk.java and nautilus_binance BinancePositionRisk',
  mapping: {
    target: 'positions',
    fields: {
      id: ROW_ID,
      account: FILE_ACCOUNT,
      venue: constant('binance'),
      symbol: column('symbol'),
      contract: constant('linear'),
      side: transformed(['positionAmt'], [SIDE_FROM_SIGN]),
      size: transformed(['positionAmt'], [ABS]),
      entry_price: column('entryPrice'),
      margin_mode: {
        columns: ['marginType', 'isolated'],
        steps: [MARGIN_MODE_WORDS],
        otherwise: MODE_FROM_WALLET
      },
      margin: column('isolatedWallet'),
      leverage: column('leverage'),
      mark_price: column('markPrice')
    }
  },
  layouts: [
    {
      name: 'positionRisk v2',
      columns: [
        'symbol',
        'positionAmt',
        'entryPrice',
        'breakEvenPrice',
        'markPrice',
        'unRealizedProfit',
        'liquidationPrice',
        'leverage',
        'maxNotionalValue',
        'marginType',
        'isolatedMargin',
        'isAutoAddMargin',
        'positionSide',
        'notional',
        'isolatedWallet',
        'updateTime'
      ]
    },
    {
      name: 'positionRisk v3',
      columns: [
        'symbol',
        'positionSide',
        'positionAmt',
        'entryPrice',
        'breakEvenPrice',
        'markPrice',
        'unRealizedProfit',
        'liquidationPrice',
        'isolatedMargin',
        'notional',
        'marginAsset',
        'isolatedWallet',
        'initialMargin',
        'maintMargin',
        'positionInitialMargin',
        'openOrderInitialMargin',
        'adl',
        'bidNotional',
        'askNotional',
        'updateTime'
      ]
    },
    {
      name: 'account positions (GET /fapi/v2/account)',
      columns: [
        'symbol',
        'initialMargin',
        'maintMargin',
        'unrealizedProfit',
        'positionInitialMargin',
        'openOrderInitialMargin',
        'leverage',
        'isolated',
        'entryPrice',
        'maxNotional',
        'positionSide',
        'positionAmt',
        'notional',
        'isolatedWallet',
        'updateTime'
      ]
    }
  ],
  notes: [
    'positionAmt is signed: its sign is the side, its magnitude the size in the base asset',
    'rows with positionAmt 0 (the endpoint lists every symbol) are rejected as flat positions',
    'the maintenance margin rate comes from the Binance tier table of the symbol (the export has none)',
    "cross positions need the account's cross wallet balance (totalCrossWalletBalance of GET /fapi/v2/account), which the export lacks",
    'the v3 endpoint has no marginType: isolatedWallet 0 reads as cross, anything else as isolated'
  ]
}
