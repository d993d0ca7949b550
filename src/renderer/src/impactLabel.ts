import { money, percent } from './format'

/** A run's impact model in a few words, from the parameters the engine reported. */
export function impactLabel(impact: Record<string, number | string>): string {
  switch (impact.kind) {
    case 'linear':
      return `linear depth, ${money(Number(impact.depthPerPercent))} per 1%`
    case 'sqrt':
      return `square-root law, Y=${impact.coefficient}, σ ${percent(Number(impact.dailyVolatility))}, volume ${money(Number(impact.dailyVolume))}/day`
    case 'amm':
      return `constant-product pool, reserve ${Number(impact.baseReserve).toLocaleString('en-US', { maximumFractionDigits: 0 })}`
    case 'book':
      return `order book, ${impact.bidLevels} bid / ${impact.askLevels} ask levels, power-law fit beyond`
    default:
      return String(impact.kind)
  }
}
