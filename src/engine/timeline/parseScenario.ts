import { underlyingOf } from '../market/underlyingOf'
import { parsePriceSeries, PriceSeriesError } from './priceSeries'
import { ScenarioError } from './scenarioError'
import { scenarioSchema, type PathComponent, type Scenario } from './scenarioSchema'

interface Problem {
  path: readonly PropertyKey[]
  message: string
}

/** `markets[0].path[1].move`: the field as a reader of the JSON finds it. */
export function fieldName(path: readonly PropertyKey[]): string {
  let name = ''
  for (const key of path) {
    if (typeof key === 'number') name += `[${key}]`
    else name += name === '' ? String(key) : `.${String(key)}`
  }
  return name === '' ? '(the whole scenario)' : name
}

function describe(problems: readonly Problem[]): string {
  const [first] = problems
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''
  return `scenario ${fieldName(first.path)}: ${first.message}${more}`
}

/**
 * Validates a scenario (already parsed from JSON) and fills in its defaults; market names become
 * underlyings (BTCUSDT -> BTC). Throws a ScenarioError naming the first bad field.
 */
export function parseScenario(json: unknown): Scenario {
  const parsed = scenarioSchema.safeParse(json)
  if (!parsed.success) throw new ScenarioError(describe(parsed.error.issues))
  const scenario: Scenario = {
    ...parsed.data,
    driver: parsed.data.driver === undefined ? undefined : underlyingOf(parsed.data.driver),
    markets: parsed.data.markets.map((market) => ({
      ...market,
      underlying: underlyingOf(market.underlying)
    }))
  }
  const problems = crossFieldProblems(scenario)
  if (problems.length > 0) throw new ScenarioError(describe(problems))
  return scenario
}

/** What the schema cannot see field by field: references between fields and the step range. */
function crossFieldProblems(scenario: Scenario): Problem[] {
  const problems: Problem[] = []
  const { steps, driver, markets } = scenario
  const seen = new Set<string>()
  markets.forEach((market, m) => {
    const at = (...rest: PropertyKey[]): PropertyKey[] => ['markets', m, ...rest]
    if (seen.has(market.underlying))
      problems.push({ path: at('underlying'), message: `${market.underlying} is listed twice` })
    seen.add(market.underlying)
    if (market.beta !== undefined && driver === undefined)
      problems.push({ path: at('beta'), message: 'a beta needs a driver market (set "driver")' })
    if (market.beta !== undefined && market.underlying === driver)
      problems.push({ path: at('beta'), message: 'the driver itself takes no beta' })
    if (market.oracleLagSteps >= steps)
      problems.push({ path: at('oracleLagSteps'), message: `must be below steps (${steps})` })
    market.path.forEach((component, c) => {
      for (const problem of componentProblems(component, steps))
        problems.push({ path: at('path', c, ...problem.path), message: problem.message })
    })
    market.liquidity.forEach((event, e) => {
      if (event.atStep >= steps)
        problems.push({
          path: at('liquidity', e, 'atStep'),
          message: `must be below steps (${steps})`
        })
    })
  })
  if (driver !== undefined && !seen.has(driver))
    problems.push({ path: ['driver'], message: `${driver} is not one of the markets` })
  return problems
}

function componentProblems(component: PathComponent, steps: number): Problem[] {
  const below = (field: string, value: number): Problem[] =>
    value < steps ? [] : [{ path: [field], message: `must be below steps (${steps})` }]
  switch (component.kind) {
    case 'gap':
    case 'shock-recovery':
      return below('atStep', component.atStep)
    case 'ramp':
      if (component.toStep <= component.fromStep)
        return [{ path: ['toStep'], message: 'must be after fromStep' }]
      return component.toStep > steps
        ? [{ path: ['toStep'], message: `must be at most steps (${steps})` }]
        : []
    case 'replay':
      try {
        parsePriceSeries(component.csv, component.timestampUnit)
        return []
      } catch (error) {
        if (!(error instanceof PriceSeriesError)) throw error
        return [{ path: ['csv'], message: error.message }]
      }
    case 'gbm':
      return []
  }
}
