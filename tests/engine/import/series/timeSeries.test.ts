import { describe, expect, it } from 'vitest'
import { SeriesError } from '../../../../src/engine/import/series/seriesError'
import { timeSeriesOf } from '../../../../src/engine/import/series/timeSeries'

const record = (line: number, time: string, value: string) => ({ line, time, value })

describe('timeSeriesOf', () => {
  it('keeps epoch times and seconds from the start', () => {
    const series = timeSeriesOf(
      [record(2, '1723161240', '61800'), record(3, '1723161300', '61750.5')],
      'path',
      'price'
    )
    expect(Array.from(series.seconds)).toEqual([0, 60])
    expect(Array.from(series.values)).toEqual([61800, 61750.5])
  })

  it('reports every bad row by line, not just the first', () => {
    try {
      timeSeriesOf(
        [
          record(2, '1723161240', '61800'),
          record(3, 'soon', '61700'),
          record(4, '1723161300', '-1'),
          record(5, '1723161000', '61000'),
          record(6, '1723161360', '61600')
        ],
        'path p.csv',
        'price'
      )
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(SeriesError)
      const issues = (error as SeriesError).issues
      expect(issues.map((issue) => issue.line)).toEqual([3, 4, 5])
      expect((error as Error).message).toMatch(/^path p.csv: 3 bad rows: line 3: timestamp is not/)
      expect(issues[2].reason).toBe('timestamps must ascend: 1723161000 is not after line 2')
    }
  })

  it('needs two rows', () => {
    expect(() => timeSeriesOf([record(2, '1723161240', '1')], 'path', 'price')).toThrow(
      /at least two rows/
    )
  })
})
