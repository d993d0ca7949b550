import type { z } from 'zod'

type Issue = z.core.$ZodRawIssue

const plural = (count: number | bigint, word: string): string =>
  `${count} ${word}${Number(count) === 1 ? '' : 's'}`

/** What a JSON value is, in a user's words: "text", "a list", "nothing". */
function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string')
    return `text "${value.length > 20 ? value.slice(0, 20) + '…' : value}"`
  if (typeof value === 'number') return String(value)
  if (typeof value === 'object') return 'an object'
  return typeof value
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  object: 'an object { … }',
  array: 'a list [ … ]',
  boolean: 'true or false'
}

function expectedMessage(issue: Extract<Issue, { code: 'invalid_type' }>): string {
  const expected = EXPECTED[issue.expected] ?? issue.expected
  if (issue.input === undefined) return `required: ${expected}`
  if (issue.expected === 'int' && typeof issue.input === 'number')
    return `must be a whole number, not ${issue.input}`
  return `must be ${expected}, not ${kindOf(issue.input)}`
}

function bound(
  issue: Extract<Issue, { code: 'too_small' | 'too_big' }>,
  limit: number | bigint
): string {
  const small = issue.code === 'too_small'
  if (issue.origin === 'string')
    return small
      ? Number(limit) <= 1
        ? 'must not be empty'
        : `needs at least ${plural(limit, 'character')}`
      : `at most ${plural(limit, 'character')}`
  if (issue.origin === 'array')
    return small ? `needs at least ${plural(limit, 'entry')}` : `at most ${plural(limit, 'entry')}`
  const value = Number(limit).toLocaleString('en-US', { maximumFractionDigits: 6 })
  if (small) return issue.inclusive ? `must be at least ${value}` : `must be above ${value}`
  return issue.inclusive ? `must be at most ${value}` : `must be below ${value}`
}

/**
 * Zod's default messages ("Too small: expected number to be >=1") in the words the scenario
 * editor and the CLI show beside a field. Messages a schema gives itself take precedence (zod
 * applies a schema's own `error` before this one), so only the generic ones are rewritten.
 */
export function scenarioMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return expectedMessage(issue)
    case 'too_small':
      return bound(issue, issue.minimum)
    case 'too_big':
      return bound(issue, issue.maximum)
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => `"${key}"`).join(', ')}: check the spelling (docs/scenarios.md lists every field)`
    case 'invalid_union': {
      const { options, discriminator } = issue as { options?: unknown[]; discriminator?: string }
      if (!options) return undefined
      // The issue carries the whole object; the user wrote the discriminator's value.
      const input = issue.input
      const given =
        discriminator && input !== null && typeof input === 'object'
          ? (input as Record<string, unknown>)[discriminator]
          : input
      const list = options.map(String).join(', ')
      return given === undefined
        ? `required: one of ${list}`
        : `must be one of ${list}, not ${kindOf(given)}`
    }
    case 'invalid_value':
      return `must be ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`
    default:
      return undefined
  }
}
