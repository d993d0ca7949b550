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

/** The columns both positionRisk layouts start with; the newer one adds two before updateTime. */
const POSITION_RISK_HEAD = [
  'symbol',
  'positionAmt',
  'entryPrice',
  'breakEvenPrice',
  'markPrice',
  'unRealizedProfit',
  'liquidationPrice',
  'leverage',
  'maxQty',
  'marginType',
  'isolatedMargin',
  'isAutoAddMargin',
  'positionSide'
]

export const BINANCE_COINM: MappingPreset = {
  name: 'binance-coinm',
  label: 'Binance COIN-M futures positions (GET /dapi/v1/positionRisk)',
  source:
    'Binance API docs, COIN-M "Position Information" (developers.binance.com, derivatives/coin-margined-futures/trade/Position-Information), response example; contract sizes from the COIN-M contract specifications (100 USD for BTCUSD, 10 USD for the other coins)',
  mapping: {
    target: 'positions',
    fields: {
      id: ROW_ID,
      account: FILE_ACCOUNT,
      venue: constant('binance'),
      symbol: column('symbol'),
      contract: constant('inverse'),
      side: transformed(['positionAmt'], [SIDE_FROM_SIGN]),
      // Contracts × USD per contract: inverse sizes are the position's USD value.
      size: transformed(['positionAmt'], [ABS, { op: 'times-field', field: 'contract_size' }]),
      contract_size: {
        columns: ['contractSize'],
        otherwise: transformed(
          ['symbol'],
          [{ op: 'matches', pattern: '^BTCUSD_', then: '100', otherwise: '10' }]
        )
      },
      entry_price: column('entryPrice'),
      margin_mode: transformed(['marginType'], [MARGIN_MODE_WORDS]),
      margin: column('isolatedWallet', 'isolatedMargin'),
      leverage: column('leverage'),
      mark_price: column('markPrice')
    }
  },
  layouts: [
    { name: 'positionRisk (docs example)', columns: [...POSITION_RISK_HEAD, 'updateTime'] },
    {
      name: 'positionRisk with notionalValue',
      columns: [...POSITION_RISK_HEAD, 'notionalValue', 'isolatedWallet', 'updateTime']
    }
  ],
  notes: [
    'positionAmt counts contracts: the size is |positionAmt| × the contract size in USD (100 for BTCUSD, 10 for other coins; a contractSize column wins)',
    'the maintenance margin rate comes from the Binance COIN-M tier table of the symbol (the export has none; dated futures need their own table)',
    "cross positions need the account's coin wallet balance, which the export lacks"
  ]
}
