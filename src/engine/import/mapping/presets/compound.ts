import type { MappingPreset } from '../columnMapping'
import { column, constant } from './sharedRules'

export const COMPOUND: MappingPreset = {
  name: 'compound',
  label: 'Compound v2 account tokens (api.compound.finance /api/v2/account)',
  source:
    'Compound v2 API AccountService (accounts[].tokens[]: address, symbol, supply_balance_underlying.value, borrow_balance_underlying.value, lifetime_*_interest_accrued.value); trustwallet/blockatlas platform/ethereum/compound/model.go and liquidation bots reading token.borrow_balance_underlying.value',
  mapping: {
    target: 'lending',
    fields: {
      account: {
        columns: ['account', 'account.address', 'account_address'],
        otherwise: { generate: 'file-name' }
      },
      protocol: constant('compound'),
      // cTokens name the underlying: cETH is ETH, cUSDC is USDC.
      asset: { columns: ['symbol'], steps: [{ op: 'drop-prefix', prefix: 'c' }] },
      liquidation_threshold: column('collateral_factor.value', 'collateral_factor')
    },
    legs: {
      collateral: column('supply_balance_underlying.value', 'supply_balance_underlying'),
      debt: column('borrow_balance_underlying.value', 'borrow_balance_underlying')
    }
  },
  layouts: [
    {
      name: 'account tokens',
      columns: [
        'address',
        'symbol',
        'supply_balance_underlying.value',
        'borrow_balance_underlying.value',
        'lifetime_supply_interest_accrued.value',
        'lifetime_borrow_interest_accrued.value',
        'safe_withdraw_amount_underlying.value'
      ]
    }
  ],
  notes: [
    'one row per cToken: the supplied balance is a collateral leg, the borrowed balance a debt leg; the asset is the cToken symbol without its c',
    "the account API has no collateral factor and no liquidation incentive: collateral legs need liquidation_threshold (the market's collateral factor, per asset) and liquidation_bonus (the Comptroller's liquidation incentive minus 1)"
  ]
}
