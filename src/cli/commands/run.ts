import { availableParallelism } from 'node:os'
import { findRunawayZones } from '../../engine/montecarlo/runawayZones'
import { summarizeMonteCarlo } from '../../engine/montecarlo/summarizeMonteCarlo'
import { PriceSeriesError } from '../../engine/timeline/priceSeries'
import { prepareTimeline, type PreparedTimeline } from '../../engine/timeline/prepareTimeline'
import { ScenarioError } from '../../engine/timeline/scenarioError'
import type { Scenario } from '../../engine/timeline/scenarioSchema'
import { runTimeline } from '../../engine/timeline/timelineRun'
import { underlyingOf } from '../../engine/market/underlyingOf'
import { runMonteCarlo } from '../../main/simulation/runMonteCarlo'
import { presetNames, resolveScenario } from '../../main/simulation/scenarioFiles'
import { flag, stringOption, type ParsedArgs } from '../args'
import { BOOK_OPTIONS, loadBookSource } from '../bookSource'
import { CliError } from '../cliError'
import type { Command } from '../command'
import { rejectedExitCode } from '../importReport'
import { Output, type CliIo } from '../output'
import { parsePositiveInteger } from '../quantities'
import { runJson } from '../runJson'
import { printRun } from '../runText'

const MAX_PATHS = 1_000_000
const MAX_WORKERS = 64
const MAX_STEPS = 100_000

export const runCommand: Command = {
  name: 'run',
  summary:
    'run a scenario over time on a book: one detailed path, and with --paths a Monte Carlo summary',
  usage: `cascade run SCENARIO (--book FILE | --sample) [options]

  SCENARIO              a scenario JSON file (docs/scenarios.md), or a preset: ${presetNames().join(', ')}
  --book FILE           positions CSV (canonical columns, see README), or
  --sample              the built-in sample book
  --lending FILE        lending legs CSV (account,protocol,asset,role,amount,liquidation_threshold,liquidation_bonus)
  --price MARKET=P      market price, repeatable (BTC=61800); default: the file's mark_price
  --tiers DIR           extra tier tables (<venue>/<SYMBOL>.csv), overriding the shipped ones
  --seed S              overrides the scenario's seed (a whole number)
  --paths N             also run N seeded paths and summarise them (VaR/ES, runaway zones, fan chart)
  --workers N           worker threads for --paths (default: one per core, here ${availableParallelism()})
  --market M            the market whose timeline is printed (default: the driver, else the first)
  --every N             one table row per N steps (flows summed, levels at the row's last step)
  --json                the full result as JSON (documented in docs/scenarios.md)

Ctrl-C during --paths stops the workers and summarises the paths finished so far.`,
  options: {
    ...BOOK_OPTIONS,
    book: { type: 'string' },
    seed: { type: 'string' },
    paths: { type: 'string' },
    workers: { type: 'string' },
    market: { type: 'string' },
    every: { type: 'string' },
    json: { type: 'boolean' }
  },
  async run(args, io) {
    try {
      return await runScenario(args, io)
    } catch (error) {
      // Scenario mistakes are the user's: one line, like every other bad input.
      if (error instanceof ScenarioError || error instanceof PriceSeriesError)
        throw new CliError(error.message)
      throw error
    }
  }
}

function scenarioArgument(args: ParsedArgs): string {
  const [scenario, ...rest] = args.positionals
  if (scenario === undefined)
    throw new CliError(`run: give a SCENARIO file or preset (${presetNames().join(', ')})`)
  if (rest.length > 0)
    throw new CliError(
      `run: one SCENARIO only, got ${args.positionals.join(' ')}; the book goes with --book FILE`
    )
  return scenario
}

function withSeed(scenario: Scenario, args: ParsedArgs): Scenario {
  const text = stringOption(args, 'seed')
  if (text === undefined) return scenario
  const seed = Number(text)
  if (!Number.isInteger(seed) || seed < 0 || seed > 4_294_967_295)
    throw new CliError(`--seed: needs a whole number from 0 to 4294967295, got "${text}"`)
  return { ...scenario, seed }
}

function focusMarket(scenario: Scenario, args: ParsedArgs): number {
  const asked = stringOption(args, 'market')
  const wanted = asked === undefined ? scenario.driver : underlyingOf(asked)
  if (wanted === undefined) return 0
  const m = scenario.markets.findIndex((market) => market.underlying === wanted)
  if (m < 0) {
    const known = scenario.markets.map((market) => market.underlying).join(', ')
    throw new CliError(`--market ${asked}: not a market of this run (${known})`)
  }
  return m
}

async function runScenario(args: ParsedArgs, io: CliIo): Promise<number> {
  const named = scenarioArgument(args)
  const bookFile = stringOption(args, 'book')
  if (flag(args, 'sample') === (bookFile !== undefined))
    throw new CliError('run: give --book FILE or --sample (not both); see cascade run --help')
  const paths = optionalCount(args, 'paths', MAX_PATHS)
  const workers = optionalCount(args, 'workers', MAX_WORKERS)
  const every = optionalCount(args, 'every', MAX_STEPS) ?? 1
  const { scenario: given, source } = resolveScenario(named)
  const loaded = await loadBookSource('run', {
    values: args.values,
    positionals: bookFile === undefined ? [] : [bookFile]
  })
  const prepared = prepareTimeline(withSeed(given, args), {
    book: loaded.book,
    registry: loaded.registry,
    lending: loaded.lending,
    prices: loaded.prices,
    defaultImpact: loaded.defaultImpact
  })
  const { scenario, plan } = prepared
  const focus = focusMarket(scenario, args)
  const run = runTimeline(plan, prepared.timelineBook, scenario.heatmap)
  const monteCarlo = paths === undefined ? null : await monteCarloRun(prepared, paths, workers)
  const out = new Output(io.stdout)
  const report = { loaded, prepared, run, source, monteCarlo, focus, every }
  if (flag(args, 'json')) await out.line(JSON.stringify(runJson(report)))
  else await printRun(out, report)
  await out.flush()
  return rejectedExitCode(loaded, io)
}

function optionalCount(args: ParsedArgs, name: string, max: number): number | undefined {
  const text = stringOption(args, name)
  return text === undefined ? undefined : parsePositiveInteger(name, text, max)
}

/** Monte Carlo on the worker pool; Ctrl-C stops it and keeps the paths that finished. */
async function monteCarloRun(
  prepared: PreparedTimeline,
  paths: number,
  workers: number | undefined
) {
  const { scenario, plan, ladders, timelineBook, inputs } = prepared
  const controller = new AbortController()
  const stop = (): void => controller.abort()
  process.once('SIGINT', stop)
  try {
    const run = await runMonteCarlo(
      { book: timelineBook, inputs, paths },
      { workers, signal: controller.signal }
    )
    const { zoneReach, zoneStep, levels, percentiles } = scenario.monteCarlo
    const zones = findRunawayZones(ladders, plan, zoneReach, zoneStep)
    return {
      summary: summarizeMonteCarlo(run.results, zones, { levels, percentiles }),
      workers: run.workers,
      seconds: run.elapsedMs / 1000
    }
  } finally {
    process.off('SIGINT', stop)
  }
}
