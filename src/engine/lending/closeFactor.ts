/** Aave v3 liquidation rules, as data so other protocols can differ. */
export interface CloseFactorRules {
  /** Share of the debt one liquidation may repay. */
  closeFactor: number
  /** Below this health factor the whole debt may be repaid. */
  fullCloseBelowHealth: number
  /** A position whose debt or collateral is worth less than this (USD) may be closed whole. */
  smallPositionValue: number
}

export const AAVE_V3_RULES: CloseFactorRules = {
  closeFactor: 0.5,
  fullCloseBelowHealth: 0.95,
  smallPositionValue: 2000
}

export function closeFactorFor(
  rules: CloseFactorRules,
  health: number,
  debt: number,
  collateral: number
): number {
  const small = debt < rules.smallPositionValue || collateral < rules.smallPositionValue
  return health < rules.fullCloseBelowHealth || small ? 1 : rules.closeFactor
}
