import type { MappingPreset } from '../columnMapping'
import {
  ABS,
  FILE_ACCOUNT,
  MARGIN_MODE_WORDS,
  SIDE_FROM_SIGN,
  column,
  constant,
  transformed
} from './sharedRules'

export const OKX: MappingPreset = {
  name: 'okx',
  label: 'OKX v5 positions (GET /api/v5/account/positions)',
  source:
    'OKX API v5 "Get positions" (www.okx.com/docs-v5, account/positions); field list as in nautilus_okx OKXPosition ("a single open position from GET /api/v5/account/positions"); contract values (ctVal) of GET /api/v5/public/instruments',
  mapping: {
    target: 'positions',
    fields: {
      id: { columns: ['posId'], otherwise: { generate: 'row-id' } },
      account: FILE_ACCOUNT,
      venue: constant('okx'),
      symbol: column('instId'),
      contract: transformed(
        ['instId'],
        [{ op: 'matches', pattern: '^[A-Z0-9]+-USD-', then: 'inverse', otherwise: 'linear' }]
      ),
      // long/short mode names the side; net mode signs the size instead.
      side: {
        columns: ['posSide'],
        steps: [{ op: 'words', values: { long: 'long', short: 'short', net: '' } }],
        otherwise: transformed(['pos'], [SIDE_FROM_SIGN])
      },
      size: transformed(['pos'], [ABS, { op: 'times-field', field: 'contract_size' }]),
      contract_size: {
        columns: ['ctVal'],
        lookup: {
          key: 'symbol',
          values: {
            'BTC-USDT-SWAP': '0.01',
            'ETH-USDT-SWAP': '0.1',
            'SOL-USDT-SWAP': '1',
            'BTC-USD-SWAP': '100'
          }
        }
      },
      entry_price: column('avgPx'),
      margin_mode: transformed(['mgnMode'], [MARGIN_MODE_WORDS]),
      margin: column('margin'),
      leverage: column('lever'),
      mark_price: column('markPx')
    }
  },
  layouts: [
    {
      name: 'account/positions (v5)',
      columns: [
        'instId',
        'instType',
        'mgnMode',
        'posId',
        'posSide',
        'pos',
        'baseBal',
        'ccy',
        'fee',
        'lever',
        'last',
        'markPx',
        'liqPx',
        'mmr',
        'imr',
        'interest',
        'tradeId',
        'notionalUsd',
        'avgPx',
        'upl',
        'uplRatio',
        'uTime',
        'margin',
        'mgnRatio',
        'adl',
        'cTime',
        'realizedPnl',
        'uplLastPx',
        'uplRatioLastPx',
        'availPos',
        'bePx',
        'fundingFee',
        'idxPx',
        'liqPenalty',
        'optVal',
        'pendingCloseOrdLiabVal',
        'pnl',
        'posCcy',
        'quoteBal',
        'quoteBorrowed',
        'quoteInterest',
        'spotInUseAmt',
        'spotInUseCcy',
        'usdPx'
      ]
    }
  ],
  notes: [
    'pos counts contracts: the size is |pos| × the contract value (ctVal: BTC-USDT-SWAP 0.01 BTC, ETH-USDT-SWAP 0.1 ETH, SOL-USDT-SWAP 1 SOL, BTC-USD-SWAP 100 USD); other instruments need their contract_size',
    "OKX's mmr column is a maintenance margin amount, not a rate: it is kept as an extra column and the rate comes from the OKX tier table (the shipped OKX tables are illustrative)",
    'cross positions need the account equity in the margin currency, which the export lacks'
  ]
}
