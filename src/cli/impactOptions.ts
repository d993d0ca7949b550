import { createImpactModel, type ImpactSpec } from '../engine/impact/createImpactModel'
import type { ImpactModel } from '../engine/impact/impactModel'
import { SAMPLE_MARKETS } from '../engine/sample/sampleMarkets'
import { loadDepthSnapshotFile } from '../main/marketData/depthFile'
import { stringOption, type OptionSpec, type ParsedArgs } from './args'
import { CliError } from './cliError'
import { parsePositive } from './quantities'

export const IMPACT_OPTIONS: OptionSpec = {
  impact: { type: 'string' },
  depth: { type: 'string' },
  volume: { type: 'string' },
  volatility: { type: 'string' },
  coefficient: { type: 'string' },
  reserve: { type: 'string' },
  'book-file': { type: 'string' }
}

export const IMPACT_HELP = `  --impact MODEL        linear | sqrt | amm | book (default: the sample workspace's model for
                        BTC/ETH/SOL/LTC; otherwise required)
  --depth D             linear: quote notional that moves the price 1%
  --volume V            sqrt: daily volume in quote; --volatility S daily volatility (0.03 or 3%);
  --coefficient Y       sqrt: the law's constant (default 0.7)
  --reserve X           amm: base-asset reserve of the x*y=k pool at the shocked price
  --book-file FILE      book: a side,price,size depth snapshot (default for BTC: the shipped
                        Binance BTCUSDT snapshot of 2024-08-08, extended by a fitted profile)`

const DEFAULT_SQRT_COEFFICIENT = 0.7

function fraction(option: string, text: string): number {
  const trimmed = text.trim()
  return trimmed.endsWith('%')
    ? parsePositive(option, trimmed.slice(0, -1)) / 100
    : parsePositive(option, trimmed)
}

/** The liquidity model for one market, from the options or the sample workspace's defaults. */
export function impactModelFor(
  args: ParsedArgs,
  defaults: ReadonlyMap<string, ImpactSpec>,
  underlying: string
): ImpactModel {
  return createImpactModel(impactSpecFor(args, defaults, underlying))
}

function impactSpecFor(
  args: ParsedArgs,
  defaults: ReadonlyMap<string, ImpactSpec>,
  underlying: string
): ImpactSpec {
  const kind = stringOption(args, 'impact')
  const market = SAMPLE_MARKETS.find((m) => m.underlying === underlying)
  const given = (name: string): string | undefined => stringOption(args, name)
  const need = (name: string, what: string): string => {
    const value = given(name)
    if (value === undefined)
      throw new CliError(`--impact ${kind}: give --${name} (${what}) for ${underlying}`)
    return value
  }
  switch (kind) {
    case undefined: {
      const fallback = defaults.get(underlying)
      if (!fallback) {
        throw new CliError(
          `no liquidity model for ${underlying}: give --impact linear --depth <quote per 1%> (or sqrt, amm, book)`
        )
      }
      return fallback
    }
    case 'linear':
      return {
        kind,
        depthPerPercent: parsePositive(
          'depth',
          need('depth', 'quote notional that moves the price 1%')
        )
      }
    case 'sqrt': {
      const volume =
        given('volume') ??
        (market ? String(market.dailyVolume) : need('volume', 'daily volume in quote'))
      const volatility =
        given('volatility') ??
        (market ? String(market.dailyVolatility) : need('volatility', 'daily volatility'))
      return {
        kind,
        dailyVolume: parsePositive('volume', volume),
        dailyVolatility: fraction('volatility', volatility),
        coefficient: parsePositive(
          'coefficient',
          given('coefficient') ?? String(DEFAULT_SQRT_COEFFICIENT)
        )
      }
    }
    case 'amm':
      return {
        kind,
        baseReserve: parsePositive('reserve', need('reserve', 'base reserve of the pool'))
      }
    case 'book': {
      const file = given('book-file')
      if (file) return { kind, snapshot: loadDepthSnapshotFile(file) }
      const shipped = defaults.get(underlying)
      if (shipped?.kind === 'book') return shipped
      throw new CliError(
        `--impact book: give --book-file FILE (a side,price,size depth snapshot) for ${underlying}`
      )
    }
    default:
      throw new CliError(`--impact: unknown model "${kind}"; use linear, sqrt, amm or book`)
  }
}
