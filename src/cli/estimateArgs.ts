import {
  DEFAULT_ASSUMPTIONS,
  LEVERAGE_MIXES,
  type EstimateAssumptions,
  type LeverageShare
} from '../engine/estimate/estimateAssumptions'
import { flag, stringOption, type ParsedArgs } from './args'
import { CliError } from './cliError'
import { parseMove, parsePositive } from './quantities'

const MIX_NAMES = Object.keys(LEVERAGE_MIXES) as (keyof typeof LEVERAGE_MIXES)[]

/** `mid`, or `5x:0.3,10x:0.4,25x:0.3` (shares may be percentages: `10x:40%`). */
export function parseLeverageMix(text: string): LeverageShare[] {
  const named = LEVERAGE_MIXES[text.trim().toLowerCase() as keyof typeof LEVERAGE_MIXES]
  if (named) return named
  return text.split(',').map((part) => {
    const match = /^\s*(\d+(?:\.\d+)?)x?\s*:\s*([\d.]+%?)\s*$/i.exec(part)
    if (!match) {
      throw new CliError(
        `--mix: write ${MIX_NAMES.join(', ')} or LEVERAGEx:SHARE,... such as 5x:0.3,10x:0.4,25x:0.3; got "${part.trim()}"`
      )
    }
    const share = match[2].endsWith('%') ? Number(match[2].slice(0, -1)) / 100 : Number(match[2])
    return { leverage: Number(match[1]), share }
  })
}

function sideSplit(text: string | undefined): EstimateAssumptions['sideSplit'] {
  if (text === undefined || text === 'taker') return DEFAULT_ASSUMPTIONS.sideSplit
  return {
    kind: 'fixed',
    longShare: text.trim().endsWith('%') ? parseMove('long-share', text) : Number(text)
  }
}

function entryRule(text: string | undefined): EstimateAssumptions['entryPrice'] {
  if (text === undefined) return DEFAULT_ASSUMPTIONS.entryPrice
  if (text === 'typical' || text === 'open' || text === 'close') return text
  throw new CliError(`--entry: typical, open or close, got "${text}"`)
}

/** The estimate's assumptions from the command line, the defaults where an option is absent. */
export function assumptionsFromArgs(
  args: ParsedArgs,
  symbolInFile: string | null
): EstimateAssumptions {
  const symbol = stringOption(args, 'symbol') ?? symbolInFile
  if (!symbol) throw new CliError('estimate: the open interest file names no symbol; give --symbol')
  const mmr = stringOption(args, 'mmr')
  return {
    ...DEFAULT_ASSUMPTIONS,
    symbol,
    venue: stringOption(args, 'venue') ?? DEFAULT_ASSUMPTIONS.venue,
    leverageMix: parseLeverageMix(stringOption(args, 'mix') ?? 'mid'),
    sideSplit: sideSplit(stringOption(args, 'long-share')),
    entryPrice: entryRule(stringOption(args, 'entry')),
    maintenanceRate:
      mmr === undefined ? DEFAULT_ASSUMPTIONS.maintenanceRate : parseMove('mmr', mmr),
    dropLiquidated: !flag(args, 'keep-liquidated')
  }
}

/** `--bins N` equal bins over the candles' range. */
export function binCount(args: ParsedArgs): number {
  const text = stringOption(args, 'bins')
  const count = text === undefined ? 50 : parsePositive('bins', text)
  if (!Number.isInteger(count) || count > 10_000)
    throw new CliError(`--bins: a whole number up to 10000, got "${text}"`)
  return count
}
