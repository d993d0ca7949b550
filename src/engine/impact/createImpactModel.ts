import { createAmmImpact, type AmmImpactParams } from './ammImpact'
import type { ImpactModel } from './impactModel'
import { ImpactModelError } from './impactModelError'
import { createLinearImpact, type LinearImpactParams } from './linearImpact'
import { createOrderBookImpact, type OrderBookImpactParams } from './orderBookImpact'
import { createSqrtImpact, type SqrtImpactParams } from './sqrtImpact'

export type ImpactSpec =
  | ({ kind: 'linear' } & LinearImpactParams)
  | ({ kind: 'sqrt' } & SqrtImpactParams)
  | ({ kind: 'amm' } & AmmImpactParams)
  | ({ kind: 'book' } & OrderBookImpactParams)

export function createImpactModel(spec: ImpactSpec): ImpactModel {
  switch (spec.kind) {
    case 'linear':
      return createLinearImpact(spec)
    case 'sqrt':
      return createSqrtImpact(spec)
    case 'amm':
      return createAmmImpact(spec)
    case 'book':
      return createOrderBookImpact(spec)
    default: {
      // Specs also arrive from scenario files, where the kind is whatever the file says.
      const unknownSpec: never = spec
      const kind = JSON.stringify((unknownSpec as { kind: unknown }).kind)
      throw new ImpactModelError(`unknown impact model kind ${kind}`)
    }
  }
}
