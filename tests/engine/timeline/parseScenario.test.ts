import { describe, expect, it } from 'vitest'
import { fieldName, parseScenario } from '../../../src/engine/timeline/parseScenario'
import { ScenarioError } from '../../../src/engine/timeline/scenarioError'

const minimal = {
  version: 1,
  name: 'minimal',
  steps: 10,
  stepSeconds: 60,
  markets: [{ underlying: 'BTCUSDT' }]
}

const problem = (json: unknown): string => {
  try {
    parseScenario(json)
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError)
    return (error as Error).message
  }
  throw new Error('expected a ScenarioError')
}

const withMarket = (market: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
  ...minimal,
  ...more,
  markets: [{ underlying: 'BTC', ...market }]
})

describe('parseScenario', () => {
  it('fills in every default and names markets by their underlying', () => {
    const scenario = parseScenario(minimal)
    expect(scenario.seed).toBe(1)
    expect(scenario.description).toBe('')
    expect(scenario.markets[0]).toMatchObject({
      underlying: 'BTC',
      path: [],
      liquidity: [],
      oracleLagSteps: 0
    })
    expect(scenario.mechanics).toMatchObject({
      liquidationFee: 0.005,
      throughputPerStep: null,
      insuranceFund: 0,
      insuranceFundShare: null,
      sliceAbove: null,
      sliceFraction: 0.2,
      impactHalfLifeSeconds: 600,
      venues: {}
    })
    expect(scenario.heatmap).toEqual({ bins: 120, range: 0.3 })
    expect(scenario.monteCarlo.levels).toEqual([0.95, 0.99])
  })

  it('survives a JSON round trip unchanged', () => {
    const scenario = parseScenario(
      withMarket({ path: [{ kind: 'gbm', volatility: 0.03, jumpsPerDay: 2 }] })
    )
    expect(parseScenario(JSON.parse(JSON.stringify(scenario)))).toEqual(scenario)
  })

  it('names the field of a bad value', () => {
    expect(problem(withMarket({ path: [{ kind: 'gap', atStep: 2, move: -1.5 }] }))).toMatch(
      /^scenario markets\[0\]\.path\[0\]\.move: a move is a signed fraction above -1/
    )
    expect(problem({ ...minimal, steps: 0 })).toMatch(/^scenario steps: /)
    expect(problem({ ...minimal, version: 2 })).toMatch(/^scenario version: version must be 1/)
    expect(problem(withMarket({ path: [{ kind: 'wave' }] }))).toMatch(
      /^scenario markets\[0\]\.path\[0\]\.kind: /
    )
    expect(problem(withMarket({ colour: 'red' }))).toMatch(/^scenario markets\[0\]: .*colour/)
    expect(problem({ ...minimal, mechanics: { throughputPerStep: -5 } })).toMatch(
      /^scenario mechanics\.throughputPerStep: throughput is quote notional per step/
    )
  })

  it('says how many more problems there are', () => {
    expect(problem({ ...minimal, steps: -1, stepSeconds: -1 })).toMatch(/\(and 1 more\)$/)
  })

  it('checks references between fields and the step range', () => {
    expect(problem(withMarket({}, { driver: 'ETH' }))).toMatch(
      /^scenario driver: ETH is not one of the markets/
    )
    expect(problem(withMarket({ beta: 1.2 }))).toMatch(/markets\[0\]\.beta: a beta needs a driver/)
    expect(problem(withMarket({ beta: 1.2 }, { driver: 'BTC' }))).toMatch(
      /markets\[0\]\.beta: the driver itself takes no beta/
    )
    expect(problem(withMarket({ path: [{ kind: 'gap', atStep: 10, move: 0.1 }] }))).toMatch(
      /markets\[0\]\.path\[0\]\.atStep: must be below steps \(10\)/
    )
    expect(
      problem(withMarket({ path: [{ kind: 'ramp', fromStep: 5, toStep: 5, move: 0.1 }] }))
    ).toMatch(/markets\[0\]\.path\[0\]\.toStep: must be after fromStep/)
    expect(problem(withMarket({ oracleLagSteps: 10 }))).toMatch(/oracleLagSteps: must be below/)
    expect(
      problem({ ...minimal, markets: [{ underlying: 'BTC' }, { underlying: 'BTCUSDT' }] })
    ).toMatch(/markets\[1\]\.underlying: BTC is listed twice/)
  })

  it('reports a bad replayed series by its line', () => {
    const csv = 'timestamp,price\n0,100\n60,-3\n'
    expect(problem(withMarket({ path: [{ kind: 'replay', csv }] }))).toMatch(
      /markets\[0\]\.path\[0\]\.csv: line 3: the price must be positive/
    )
  })

  it('writes paths as a reader finds the field', () => {
    expect(fieldName(['markets', 2, 'path', 0, 'move'])).toBe('markets[2].path[0].move')
    expect(fieldName([])).toBe('(the whole scenario)')
  })
})
