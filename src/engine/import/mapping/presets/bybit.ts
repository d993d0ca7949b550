import type { MappingPreset } from '../columnMapping'
import { FILE_ACCOUNT, ROW_ID, column, constant, transformed } from './sharedRules'

export const BYBIT: MappingPreset = {
  name: 'bybit',
  label: 'Bybit v5 positions (GET /v5/position/list)',
  source:
    'Bybit v5 API "Get Position Info" (bybit-exchange.github.io/docs/v5/position); field list as typed in tiagosiebler/bybit-api types/response/v5-position.d.ts (PositionV5)',
  mapping: {
    target: 'positions',
    fields: {
      id: ROW_ID,
      account: FILE_ACCOUNT,
      venue: constant('bybit'),
      symbol: column('symbol'),
      contract: {
        columns: ['category'],
        steps: [{ op: 'words', values: { linear: 'linear', inverse: 'inverse' } }],
        // Inverse contracts are quoted in USD (BTCUSD, or BTCUSDH25 for a dated one).
        otherwise: transformed(
          ['symbol'],
          [
            {
              op: 'matches',
              pattern: 'USD([FGHJKMNQUVXZ]\\d{2})?$',
              then: 'inverse',
              otherwise: 'linear'
            }
          ]
        )
      },
      side: transformed(['side'], [{ op: 'words', values: { buy: 'long', sell: 'short' } }]),
      size: column('size'),
      entry_price: column('avgPrice', 'entryPrice'),
      margin_mode: transformed(
        ['tradeMode'],
        [{ op: 'words', values: { 0: 'cross', 1: 'isolated' } }]
      ),
      margin: column('positionBalance', 'positionIM'),
      leverage: column('leverage'),
      // The position's own maintenance rate: its maintenance margin over its (entry) value.
      mmr: transformed(['positionMM'], [{ op: 'over-field', field: 'position_value' }]),
      position_value: column('positionValue'),
      mark_price: column('markPrice')
    }
  },
  layouts: [
    {
      name: 'position/list (v5)',
      columns: [
        'positionIdx',
        'riskId',
        'riskLimitValue',
        'symbol',
        'side',
        'size',
        'avgPrice',
        'positionValue',
        'tradeMode',
        'autoAddMargin',
        'positionStatus',
        'leverage',
        'markPrice',
        'liqPrice',
        'bustPrice',
        'positionIM',
        'positionMM',
        'positionBalance',
        'tpslMode',
        'takeProfit',
        'stopLoss',
        'trailingStop',
        'sessionAvgPrice',
        'unrealisedPnl',
        'curRealisedPnl',
        'cumRealisedPnl',
        'adlRankIndicator',
        'isReduceOnly',
        'mmrSysUpdatedTime',
        'leverageSysUpdatedTime',
        'createdTime',
        'updatedTime',
        'seq'
      ]
    }
  ],
  notes: [
    'side Buy/Sell is long/short; a row with an empty side is a closed position and is rejected',
    'inverse or linear comes from a category column, else from the symbol (quoted in USD: inverse)',
    "mmr is positionMM / positionValue, the position's own maintenance rate; without those columns the Bybit tier table applies (the shipped Bybit tables are illustrative)",
    'tradeMode 0 is cross, 1 isolated; cross positions need the wallet balance, which the export lacks'
  ]
}
