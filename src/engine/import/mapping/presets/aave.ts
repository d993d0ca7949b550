import type { MappingPreset } from '../columnMapping'
import { column, constant, transformed } from './sharedRules'

const BASIS_POINTS = { op: 'scale', factor: 0.0001 } as const

export const AAVE: MappingPreset = {
  name: 'aave',
  label: 'Aave user reserves (aave-utilities formatUserSummary userReservesData)',
  source:
    'aave/aave-utilities packages/math-utils/src/formatters/user/format-user-reserve.ts (underlyingBalance, variableBorrows, totalBorrows in token units) and the formatted reserve fields formattedReserveLiquidationThreshold / formattedReserveLiquidationBonus (decimals, e.g. 0.825 and 0.05); raw reserveLiquidationThreshold/Bonus are basis points (8250, 10500)',
  mapping: {
    target: 'lending',
    fields: {
      account: {
        columns: ['user', 'userAddress', 'account'],
        otherwise: { generate: 'file-name' }
      },
      protocol: constant('aave'),
      asset: column('reserve.symbol', 'symbol'),
      liquidation_threshold: {
        columns: [
          'reserve.formattedReserveLiquidationThreshold',
          'formattedReserveLiquidationThreshold'
        ],
        otherwise: transformed(
          ['reserve.reserveLiquidationThreshold', 'reserveLiquidationThreshold'],
          [BASIS_POINTS]
        )
      },
      liquidation_bonus: {
        columns: ['reserve.formattedReserveLiquidationBonus', 'formattedReserveLiquidationBonus'],
        // 10500 basis points: the liquidator receives 105% of what it repays, a 5% bonus.
        otherwise: transformed(
          ['reserve.reserveLiquidationBonus', 'reserveLiquidationBonus'],
          [BASIS_POINTS, { op: 'offset', amount: -1 }]
        )
      }
    },
    legs: {
      collateral: column('underlyingBalance'),
      collateralEnabled: column('usageAsCollateralEnabledOnUser'),
      debt: column('totalBorrows', 'variableBorrows')
    }
  },
  layouts: [
    {
      name: 'userReservesData (formatted)',
      columns: [
        'underlyingAsset',
        'scaledATokenBalance',
        'usageAsCollateralEnabledOnUser',
        'scaledVariableDebt',
        'reserve.symbol',
        'reserve.formattedReserveLiquidationThreshold',
        'reserve.formattedReserveLiquidationBonus',
        'underlyingBalance',
        'underlyingBalanceUSD',
        'variableBorrows',
        'variableBorrowsUSD',
        'totalBorrows',
        'totalBorrowsUSD'
      ]
    }
  ],
  notes: [
    'one row per reserve: the supplied balance is a collateral leg (unless usageAsCollateralEnabledOnUser is false), the borrowed balance a debt leg',
    'without a user column every row belongs to one account named after the file'
  ]
}
