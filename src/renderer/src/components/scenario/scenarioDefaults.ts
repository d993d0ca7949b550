import type { ScenarioInput } from '../../../../shared/scenarioSchema'

type MarketInput = ScenarioInput['markets'][number]
export type PathInput = NonNullable<MarketInput['path']>[number]
export type PathKind = PathInput['kind']

export const PATH_KINDS: { kind: PathKind; label: string }[] = [
  { kind: 'gap', label: 'Gap' },
  { kind: 'ramp', label: 'Ramp' },
  { kind: 'shock-recovery', label: 'Shock and recovery' },
  { kind: 'gbm', label: 'Random walk (GBM + jumps)' },
  { kind: 'replay', label: 'Replayed price CSV' }
]

/** A new path component of a kind, placed at a quarter of the run: a start the user edits. */
export function newPathComponent(kind: PathKind, steps: number): PathInput {
  const at = Math.max(0, Math.floor(steps / 4))
  switch (kind) {
    case 'gap':
      return { kind, atStep: at, move: -0.05 }
    case 'ramp':
      return { kind, fromStep: at, toStep: Math.max(at + 1, Math.floor(steps / 2)), move: -0.05 }
    case 'shock-recovery':
      return { kind, atStep: at, move: -0.08, recovered: 0.5, halfLifeSeconds: 600 }
    case 'gbm':
      return { kind, drift: 0, volatility: 0.03, jumpsPerDay: 0, jumpMean: 0, jumpVolatility: 0 }
    case 'replay':
      return { kind, csv: 'timestamp,price\n0,100\n60,95\n', timestampUnit: 's', mode: 'relative' }
  }
}

export function newMarket(underlying: string): MarketInput {
  return { underlying, path: [], liquidity: [], oracleLagSteps: 0 }
}

/** A scenario from scratch: one market, a 5% gap, an hour of 15-second steps. */
export function blankScenario(underlying: string): ScenarioInput {
  return {
    version: 1,
    name: 'New scenario',
    description: '',
    seed: 1,
    steps: 240,
    stepSeconds: 15,
    driver: underlying,
    markets: [{ ...newMarket(underlying), path: [{ kind: 'gap', atStep: 20, move: -0.05 }] }]
  }
}

export const IMPACT_KINDS = [
  { kind: 'workspace', label: 'Workspace model' },
  { kind: 'linear', label: 'Linear depth' },
  { kind: 'sqrt', label: 'Square-root law' },
  { kind: 'amm', label: 'AMM x·y=k' }
] as const

export type ImpactKindChoice = (typeof IMPACT_KINDS)[number]['kind']

export function newImpact(kind: Exclude<ImpactKindChoice, 'workspace'>): MarketInput['impact'] {
  if (kind === 'linear') return { kind, depthPerPercent: 5_000_000 }
  if (kind === 'sqrt') return { kind, dailyVolume: 1e9, dailyVolatility: 0.03, coefficient: 0.7 }
  return { kind, baseReserve: 1_000 }
}

/** "1 h", "4 min", "2 d": a duration as it reads best. */
export function durationWords(seconds: number): string {
  if (!(seconds > 0)) return ''
  if (seconds < 120) return `${+seconds.toFixed(1)} s`
  if (seconds < 7200) return `${+(seconds / 60).toFixed(1)} min`
  if (seconds < 172_800) return `${+(seconds / 3600).toFixed(1)} h`
  return `${+(seconds / 86_400).toFixed(1)} d`
}
