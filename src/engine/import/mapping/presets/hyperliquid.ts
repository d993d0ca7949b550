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

export const HYPERLIQUID: MappingPreset = {
  name: 'hyperliquid',
  label: 'Hyperliquid perpetual positions (info clearinghouseState assetPositions)',
  source:
    'Hyperliquid API docs, info endpoint "Retrieve a user\'s perpetuals account summary" (hyperliquid.gitbook.io, for-developers/api/info-endpoint/perpetuals); position fields as typed in raltunel/perps-app app/utils/position/PositionIFs.ts and @nktkas/hyperliquid clearinghouseState',
  mapping: {
    target: 'positions',
    fields: {
      id: ROW_ID,
      account: FILE_ACCOUNT,
      venue: constant('hyperliquid'),
      symbol: column('coin', 'position.coin'),
      contract: constant('linear'),
      side: transformed(['szi', 'position.szi'], [SIDE_FROM_SIGN]),
      size: transformed(['szi', 'position.szi'], [ABS]),
      entry_price: column('entryPx', 'position.entryPx'),
      margin_mode: transformed(
        ['leverage.type', 'position.leverage.type', 'leverageType'],
        [MARGIN_MODE_WORDS]
      ),
      margin: column('marginUsed', 'position.marginUsed'),
      leverage: column('leverage.value', 'position.leverage.value', 'leverageValue'),
      // positionValue is size × mark, and the position itself has no mark price field.
      mark_price: transformed(
        ['positionValue', 'position.positionValue'],
        [{ op: 'over-field', field: 'size' }]
      )
    }
  },
  layouts: [
    {
      name: 'assetPositions[].position',
      columns: [
        'coin',
        'szi',
        'entryPx',
        'positionValue',
        'unrealizedPnl',
        'returnOnEquity',
        'liquidationPx',
        'marginUsed',
        'maxLeverage',
        'leverage.type',
        'leverage.value',
        'leverage.rawUsd',
        'cumFunding.allTime',
        'cumFunding.sinceOpen',
        'cumFunding.sinceChange'
      ]
    },
    {
      name: 'assetPositions[] flattened',
      columns: [
        'type',
        'position.coin',
        'position.szi',
        'position.entryPx',
        'position.positionValue',
        'position.unrealizedPnl',
        'position.returnOnEquity',
        'position.liquidationPx',
        'position.marginUsed',
        'position.maxLeverage',
        'position.leverage.type',
        'position.leverage.value',
        'position.leverage.rawUsd',
        'position.cumFunding.allTime',
        'position.cumFunding.sinceOpen',
        'position.cumFunding.sinceChange'
      ]
    }
  ],
  notes: [
    'szi is signed: its sign is the side, its magnitude the size in coins',
    'the mark price is positionValue / |szi|',
    'maintenance margin comes from the Hyperliquid tier table (half the initial margin at max leverage); coins without a shipped table need one',
    'cross positions need the account value (marginSummary.accountValue), which the positions lack'
  ]
}
