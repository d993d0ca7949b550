import { describe, expect, it } from 'vitest'
import { parseTimestamp } from '../../../../src/engine/import/series/parseTimestamp'

const AT = Date.UTC(2024, 7, 8, 23, 54, 0)

describe('parseTimestamp', () => {
  it('reads epoch seconds, milliseconds, microseconds and nanoseconds', () => {
    expect(parseTimestamp(String(AT / 1000))).toBe(AT)
    expect(parseTimestamp(String(AT))).toBe(AT)
    expect(parseTimestamp(`${AT}000`)).toBe(AT)
    expect(parseTimestamp(`${AT}000000`)).toBe(AT)
  })

  it('reads ISO dates, as UTC when they carry no zone', () => {
    expect(parseTimestamp('2024-08-08 23:54:00')).toBe(AT)
    expect(parseTimestamp('2024-08-08T23:54:00Z')).toBe(AT)
    expect(parseTimestamp('2024-08-09T01:54:00+02:00')).toBe(AT)
    expect(parseTimestamp('2024-08-08')).toBe(Date.UTC(2024, 7, 8))
  })

  it('refuses what is no time', () => {
    for (const text of ['', 'yesterday', '08/08/2024', '2024-13-45 99:00:00', '-5'])
      expect(parseTimestamp(text)).toBeNull()
  })
})
