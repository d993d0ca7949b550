import type { MappingPreset } from '../columnMapping'
import { ABS, FILE_ACCOUNT, ROW_ID, column, constant, transformed } from './sharedRules'

export const DYDX: MappingPreset = {
  name: 'dydx',
  label: 'dYdX v4 perpetual positions (indexer /v4/addresses/…/perpetualPositions)',
  source:
    'dYdX v4 indexer API, PerpetualPositionResponseObject (docs.dydx.xyz/types/perpetual_position_response_object); nautilus_dydx PerpetualPosition ("size: negative for short")',
  mapping: {
    target: 'positions',
    fields: {
      id: ROW_ID,
      account: FILE_ACCOUNT,
      venue: constant('dydx'),
      symbol: column('market'),
      contract: constant('linear'),
      side: transformed(['side'], [{ op: 'words', values: { long: 'long', short: 'short' } }]),
      size: transformed(['size'], [ABS]),
      entry_price: column('entryPrice'),
      // A subaccount margins all its positions together.
      margin_mode: constant('cross')
    },
    keepRows: { columns: ['status'], values: ['OPEN'] }
  },
  layouts: [
    {
      name: 'perpetualPositions',
      columns: [
        'market',
        'status',
        'side',
        'size',
        'maxSize',
        'entryPrice',
        'exitPrice',
        'realizedPnl',
        'createdAt',
        'createdAtHeight',
        'sumOpen',
        'sumClose',
        'netFunding',
        'unrealizedPnl',
        'closedAt',
        'subaccountNumber'
      ]
    }
  ],
  notes: [
    'only OPEN positions are imported; CLOSED and LIQUIDATED rows are rejected by line',
    'a subaccount is cross-margined: every row needs the subaccount equity (wallet_balance), which the export lacks',
    'the maintenance margin fraction is a market parameter (maintenanceMarginFraction of /v4/perpetualMarkets), not in the export, and no dYdX tier table ships: give mmr',
    'the export has no mark price: give market prices'
  ]
}
