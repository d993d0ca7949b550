import { describe, expect, it } from 'vitest'
import { checkScenario, parseScenario } from '../../../src/engine/timeline/parseScenario'
import { ScenarioError } from '../../../src/engine/timeline/scenarioError'

const base = {
  version: 1,
  name: 'test',
  steps: 10,
  stepSeconds: 60,
  markets: [{ underlying: 'BTC' }]
}

const problemsOf = (json: unknown) => {
  const check = checkScenario(json)
  if (check.ok) throw new Error('expected problems')
  return check.problems.map(({ field, message }) => `${field}: ${message}`)
}

describe('checkScenario', () => {
  it('lists every bad field with its path, in the words the editor shows', () => {
    expect(
      problemsOf({
        ...base,
        name: '',
        steps: 2.5,
        stepSeconds: 'fast',
        colour: 'red',
        markets: [
          {
            underlying: 'BTC',
            path: [
              { kind: 'gapp', atStep: 1 },
              { kind: 'gap', move: -0.1 }
            ],
            liquidity: [{ atStep: 1, withdraw: 1 }]
          }
        ],
        mechanics: { liquidationFee: 0.5 },
        monteCarlo: { levels: [0.95, 1] }
      })
    ).toEqual([
      'name: must not be empty',
      'steps: must be a whole number, not 2.5',
      'stepSeconds: must be a number, not text "fast"',
      'markets[0].path[0].kind: must be one of gap, ramp, shock-recovery, gbm, replay, not text "gapp"',
      'markets[0].path[1].atStep: required: a number',
      'markets[0].liquidity[0].withdraw: at most 0.99 of the depth can be withdrawn',
      'mechanics.liquidationFee: must be at most 0.2',
      'monteCarlo.levels[1]: must be below 1',
      '(the whole scenario): unknown field "colour": check the spelling (docs/scenarios.md lists every field)'
    ])
  })

  it('checks references between fields once each field is valid', () => {
    expect(
      problemsOf({
        ...base,
        markets: [
          { underlying: 'BTC', beta: 1, oracleLagSteps: 10 },
          { underlying: 'BTCUSDT', path: [{ kind: 'ramp', fromStep: 5, toStep: 5, move: 0.1 }] }
        ]
      })
    ).toEqual([
      'markets[0].beta: a beta needs a driver market (set "driver")',
      'markets[0].oracleLagSteps: must be below steps (10)',
      'markets[1].underlying: BTC is listed twice',
      'markets[1].path[0].toStep: must be after fromStep'
    ])
  })

  it('fills in defaults for a valid scenario, and parseScenario names the first problem of many', () => {
    const check = checkScenario(base)
    expect(check.ok && check.scenario.mechanics.liquidationFee).toBe(0.005)
    expect(() => parseScenario({ ...base, steps: 0, seed: -1 })).toThrow(
      new ScenarioError('scenario seed: must be at least 0 (and 1 more)')
    )
  })
})
