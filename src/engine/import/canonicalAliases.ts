import type { LendingField } from './lendingColumns'
import { headerKey } from './mapping/headerKey'
import type { PositionField } from './positionColumns'

/** Aliases by header key, so `avgPrice`, `AVG_PRICE` and `avg price` are one alias. */
const byKey = <F extends string>(
  groups: Readonly<Partial<Record<F, readonly string[]>>>
): Readonly<Record<string, F>> => {
  const aliases: Record<string, F> = {}
  for (const [field, names] of Object.entries(groups) as [F, readonly string[]][])
    for (const name of names) aliases[headerKey(name)] = field
  return aliases
}

/**
 * Other names hand-made and exported position files give the canonical columns. Only names that
 * mean the same thing in every export we know of: `positionAmt` (signed) or `pos` (contracts) need
 * a preset's transform, not an alias.
 */
export const POSITION_ALIASES = byKey<PositionField>({
  id: ['position_id', 'pos_id', 'positionid'],
  account: ['account_id', 'subaccount', 'owner', 'user'],
  venue: ['exchange', 'platform'],
  symbol: ['market', 'instrument', 'inst_id', 'pair', 'ticker'],
  contract: ['contract_type', 'contract_kind'],
  side: ['direction', 'position_direction'],
  size: ['qty', 'quantity', 'position_size', 'base_size'],
  entry_price: ['entry', 'avg_price', 'average_price', 'avg_entry_price', 'open_price', 'entry_px'],
  margin_mode: ['margin_type', 'mgn_mode'],
  margin: ['isolated_margin', 'position_margin', 'collateral'],
  leverage: ['lev', 'lever'],
  mmr: ['maintenance_margin_rate', 'maint_margin_ratio', 'maint_margin_rate', 'mm_rate'],
  maintenance_amount: ['cum', 'maint_amount', 'maintenance_deduction'],
  wallet_balance: ['balance', 'cross_wallet_balance', 'wallet'],
  mark_price: ['mark', 'mark_px']
})

export const LENDING_ALIASES = byKey<LendingField>({
  account: ['user', 'address', 'account_address', 'borrower'],
  protocol: ['platform', 'market'],
  asset: ['symbol', 'token', 'reserve'],
  role: ['leg', 'kind'],
  amount: ['balance', 'quantity', 'qty'],
  liquidation_threshold: ['lt', 'liq_threshold'],
  liquidation_bonus: ['lb', 'liq_bonus', 'liquidation_penalty', 'liquidation_incentive']
})
