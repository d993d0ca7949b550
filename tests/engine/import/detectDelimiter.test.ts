import { describe, expect, it } from 'vitest'
import { detectDelimiter } from '../../../src/engine/import/detectDelimiter'

describe('detectDelimiter', () => {
  it.each([
    ['id,symbol,side\n1;2;3;4;5\n', ','],
    ['id;symbol;side\n', ';'],
    ['id\tsymbol\tside\r\n', '\t'],
    ['id|symbol|side', '|']
  ])('reads the header line of %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter)
  })

  it('ignores delimiters inside quoted header names', () => {
    expect(detectDelimiter('"a,b,c";"d,e";f\n')).toBe(';')
  })

  it('skips leading blank lines, including lines of bare delimiters', () => {
    expect(detectDelimiter('\n   \n,,,\nid;symbol\n')).toBe(';')
  })

  it('reads a single-column header, or no header, as comma-separated', () => {
    expect(detectDelimiter('id\n1\n')).toBe(',')
    expect(detectDelimiter('')).toBe(',')
  })
})
