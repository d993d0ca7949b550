import { describe, expect, it } from 'vitest'
import { CellRejection } from '../../../src/engine/import/cellRejection'
import { ImportFileError } from '../../../src/engine/import/importFileError'
import type { MappingStep } from '../../../src/engine/import/mapping/columnMapping'
import { compileStep } from '../../../src/engine/import/mapping/mappingSteps'

const values: Record<string, string> = { contract_size: '0.01', zero: '0', word: 'x' }
const run = (step: MappingStep, text: string): string =>
  compileStep(step)(text, 'size', (field) => values[field] ?? '')

describe('mapping steps', () => {
  it('turns a signed size into a side and a magnitude', () => {
    expect(run({ op: 'side-from-sign' }, '-0.5')).toBe('short')
    expect(run({ op: 'side-from-sign' }, '1,250.5')).toBe('long')
    expect(run({ op: 'abs' }, '-0.5')).toBe('0.5')
  })

  it('rejects a flat position rather than calling it long or short', () => {
    expect(() => run({ op: 'side-from-sign' }, '0')).toThrow(CellRejection)
    expect(() => run({ op: 'side-from-sign' }, '-0.000')).toThrow(/flat position/)
  })

  it('scales percentages and basis points and offsets bonuses', () => {
    expect(run({ op: 'scale', factor: 0.01 }, '82.5')).toBe('0.825')
    expect(run({ op: 'scale', factor: 0.0001 }, '8250')).toBe('0.825')
    expect(run({ op: 'scale', factor: 2.5 }, '4')).toBe('10')
    expect(Number(run({ op: 'offset', amount: -1 }, '1.05'))).toBeCloseTo(0.05, 12)
  })

  it('multiplies contracts by the contract size and divides by another field', () => {
    expect(run({ op: 'times-field', field: 'contract_size' }, '25')).toBe('0.25')
    expect(run({ op: 'over-field', field: 'contract_size' }, '1')).toBe('100')
    expect(() => run({ op: 'times-field', field: 'missing' }, '25')).toThrow(/needs missing/)
    expect(() => run({ op: 'over-field', field: 'zero' }, '25')).toThrow(/which is 0/)
    expect(() => run({ op: 'times-field', field: 'word' }, '25')).toThrow(/word is not a number/)
  })

  it('names the field when a cell is not a number', () => {
    try {
      run({ op: 'abs' }, 'ten')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(CellRejection)
      expect((error as CellRejection).column).toBe('size')
      expect((error as CellRejection).reason).toBe('size is not a number: "ten"')
    }
  })

  it('translates words in any case and passes unknown ones on', () => {
    const step: MappingStep = { op: 'words', values: { Buy: 'long', SELL: 'short' } }
    expect(run(step, 'buy')).toBe('long')
    expect(run(step, 'Sell')).toBe('short')
    expect(run(step, 'hold')).toBe('hold')
    expect(run({ ...step, otherwise: '' }, 'hold')).toBe('')
  })

  it('classifies by a pattern and drops prefixes', () => {
    const inverse: MappingStep = {
      op: 'matches',
      pattern: '-USD-',
      then: 'inverse',
      otherwise: 'linear'
    }
    expect(run(inverse, 'BTC-USD-SWAP')).toBe('inverse')
    expect(run(inverse, 'BTC-USDT-SWAP')).toBe('linear')
    expect(run({ op: 'drop-prefix', prefix: 'c' }, 'cUSDC')).toBe('USDC')
    expect(run({ op: 'drop-prefix', prefix: 'c' }, 'WETH')).toBe('WETH')
  })

  it('refuses a pattern that is not a regular expression when the mapping is compiled', () => {
    expect(() => compileStep({ op: 'matches', pattern: '(', then: 'a', otherwise: 'b' })).toThrow(
      ImportFileError
    )
  })
})
