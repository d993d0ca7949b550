import { underlyingOf } from '../market/underlyingOf'
import { fieldName, type ScenarioProblem } from '../../shared/scenarioProblem'
import { parsePriceSeries, PriceSeriesError } from './priceSeries'
import { ScenarioError } from './scenarioError'
import { scenarioMessage } from './scenarioMessages'
import { scenarioSchema, type PathComponent, type Scenario } from './scenarioSchema'

export { fieldName }

interface Problem {
  path: readonly (string | number)[]
  message: string
}

export type ScenarioCheck =
  { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] }

const toProblem = ({ path, message }: Problem): ScenarioProblem => ({
  path: [...path],
  field: fieldName(path),
  message
})

/**
 * Validates a scenario (already parsed from JSON), fills in its defaults and turns market names
 * into underlyings (BTCUSDT -> BTC); or lists every problem, each with its field, so an editor
 * can show each message beside its field. Cross-field checks run once every field is valid.
 */
export function checkScenario(json: unknown): ScenarioCheck {
  const parsed = scenarioSchema.safeParse(json, { error: scenarioMessage })
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      toProblem({
        path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
        message: issue.message
      })
    )
    return { ok: false, problems }
  }
  const scenario: Scenario = {
    ...parsed.data,
    driver: parsed.data.driver === undefined ? undefined : underlyingOf(parsed.data.driver),
    markets: parsed.data.markets.map((market) => ({
      ...market,
      underlying: underlyingOf(market.underlying)
    }))
  }
  const problems = crossFieldProblems(scenario)
  return problems.length > 0
    ? { ok: false, problems: problems.map(toProblem) }
    : { ok: true, scenario }
}

/** As checkScenario, but throws a ScenarioError naming the first bad field (and how many more). */
export function parseScenario(json: unknown): Scenario {
  const check = checkScenario(json)
  if (check.ok) return check.scenario
  const [first] = check.problems
  const more = check.problems.length > 1 ? ` (and ${check.problems.length - 1} more)` : ''
  throw new ScenarioError(`scenario ${first.field}: ${first.message}${more}`)
}

/** What the schema cannot see field by field: references between fields and the step range. */
function crossFieldProblems(scenario: Scenario): Problem[] {
  const problems: Problem[] = []
  const { steps, driver, markets } = scenario
  const seen = new Set<string>()
  markets.forEach((market, m) => {
    const at = (...rest: (string | number)[]): (string | number)[] => ['markets', m, ...rest]
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
