/**
 * JSON with the numbers it cannot write (NaN, ±Infinity, −0) kept as `{ "$number": "NaN" }`
 * tags: plain JSON turns them into null (or 0), and a Monte Carlo result is full of NaN.
 */
const NUMBER_TAG = '$number'

const needsTag = (value: unknown): value is number =>
  typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))

const isTag = (value: unknown): value is Record<typeof NUMBER_TAG, string> =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(value).length === 1 &&
  typeof (value as Record<string, unknown>)[NUMBER_TAG] === 'string'

/** JSON.stringify replacer: non-finite numbers and −0 as tags. */
export const encodeNumbers = (_key: string, value: unknown): unknown =>
  needsTag(value) ? { [NUMBER_TAG]: Object.is(value, -0) ? '-0' : String(value) } : value

/** JSON.parse reviver: tags back to numbers. */
export const decodeNumbers = (_key: string, value: unknown): unknown =>
  isTag(value) ? Number(value[NUMBER_TAG]) : value

/** A JSON-only copy of `value` that keeps every number, as tags where JSON cannot hold it. */
export const toTaggedJson = <T>(value: T): unknown =>
  value === null || value === undefined ? null : JSON.parse(JSON.stringify(value, encodeNumbers))

/** The value `toTaggedJson` made, numbers restored (untagged data passes through unchanged). */
export const fromTaggedJson = (value: unknown): unknown =>
  value === null || value === undefined ? null : JSON.parse(JSON.stringify(value), decodeNumbers)
