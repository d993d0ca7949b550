import { CellRejection } from '../cellRejection'
import { ImportFileError } from '../importFileError'
import { parseDecimal } from '../numberNotation'
import { quoteValue } from '../quoteValue'
import type { MappingStep } from './columnMapping'
import { decimalProduct } from './decimalProduct'

/** A step ready to run: `valueOf` reads another field of the same record. */
export type CompiledStep = (
  text: string,
  field: string,
  valueOf: (field: string) => string
) => string

function numberIn(text: string, field: string): number {
  const value = parseDecimal(text)
  if (value === null)
    throw new CellRejection(field, `${field} is not a number: ${quoteValue(text)}`)
  return value
}

function otherNumber(valueOf: (field: string) => string, other: string, field: string): number {
  const text = valueOf(other)
  if (text === '') throw new CellRejection(field, `${field} needs ${other}, which is missing`)
  const value = parseDecimal(text)
  if (value === null)
    throw new CellRejection(field, `${other} is not a number: ${quoteValue(text)}`)
  return value
}

/**
 * A power of ten shifts the decimal exponent instead of multiplying, so `8250` basis points are
 * exactly 0.825 and `82.5` percent exactly 0.825, not the doubles next to them.
 */
function scaled(value: number, factor: number): number {
  const exponent = Math.log10(factor)
  return Number.isInteger(exponent) ? Number(`${value}e${exponent}`) : value * factor
}

const lowerCaseKeys = (values: Readonly<Record<string, string>>): Map<string, string> =>
  new Map(Object.entries(values).map(([word, value]) => [word.trim().toLowerCase(), value]))

function compilePattern(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'i')
  } catch {
    throw new ImportFileError(`mapping: ${quoteValue(pattern)} is not a valid regular expression`)
  }
}

/** Turns a step into a function; throws ImportFileError for a step that cannot run. */
export function compileStep(step: MappingStep): CompiledStep {
  switch (step.op) {
    case 'abs':
      return (text, field) => String(Math.abs(numberIn(text, field)))
    case 'side-from-sign':
      return (text, field) => {
        const value = numberIn(text, field)
        if (value === 0)
          throw new CellRejection(field, 'the size is 0: a flat position, nothing open')
        return value > 0 ? 'long' : 'short'
      }
    case 'scale':
      return (text, field) => String(scaled(numberIn(text, field), step.factor))
    case 'offset':
      return (text, field) => String(numberIn(text, field) + step.amount)
    case 'times-field':
      return (text, field, valueOf) =>
        String(decimalProduct(numberIn(text, field), otherNumber(valueOf, step.field, field)))
    case 'over-field':
      return (text, field, valueOf) => {
        const divisor = otherNumber(valueOf, step.field, field)
        if (divisor === 0)
          throw new CellRejection(field, `${field} needs ${step.field}, which is 0`)
        return String(numberIn(text, field) / divisor)
      }
    case 'words': {
      const words = lowerCaseKeys(step.values)
      return (text) => words.get(text.toLowerCase()) ?? step.otherwise ?? text
    }
    case 'matches': {
      const pattern = compilePattern(step.pattern)
      return (text) => (pattern.test(text) ? step.then : step.otherwise)
    }
    case 'drop-prefix':
      return (text) => (text.startsWith(step.prefix) ? text.slice(step.prefix.length) : text)
  }
}

/** The fields a step reads besides its own. */
export const stepDependencies = (step: MappingStep): string[] =>
  step.op === 'times-field' || step.op === 'over-field' ? [step.field] : []
