import { describe, expect, it } from 'vitest'
import { filtersFromGrid, queryFromGrid, sortFromGrid } from '../../src/renderer/src/grid/gridQuery'

describe('AG Grid models to the book query main runs', () => {
  it('keeps known columns, at most three sort keys', () => {
    expect(
      sortFromGrid([
        { colId: 'distance', sort: 'asc' },
        { colId: 'ag-Grid-SelectionColumn', sort: 'desc' },
        { colId: 'venue', sort: 'desc' }
      ])
    ).toEqual([
      { column: 'distance', direction: 'asc' },
      { column: 'venue', direction: 'desc' }
    ])
  })

  it('reads text and number filters, and percent columns in percent', () => {
    const filters = filtersFromGrid({
      venue: { filterType: 'text', type: 'equals', filter: 'binance' },
      distance: { filterType: 'number', type: 'lessThan', filter: 5 },
      size: {
        filterType: 'number',
        operator: 'OR',
        conditions: [
          { filterType: 'number', type: 'inRange', filter: 1, filterTo: 2 },
          { filterType: 'number', type: 'blank' }
        ]
      }
    })
    expect(filters).toEqual([
      {
        column: 'venue',
        join: 'and',
        conditions: [{ type: 'text', op: 'equals', value: 'binance' }]
      },
      {
        column: 'distance',
        join: 'and',
        conditions: [{ type: 'number', op: 'lessThan', value: 0.05, valueTo: null }]
      },
      {
        column: 'size',
        join: 'or',
        conditions: [
          { type: 'number', op: 'inRange', value: 1, valueTo: 2 },
          { type: 'number', op: 'blank', value: null, valueTo: null }
        ]
      }
    ])
  })

  it('drops what main cannot apply instead of sending it', () => {
    expect(
      filtersFromGrid({
        nonsense: { filterType: 'text', type: 'contains', filter: 'x' },
        venue: { filterType: 'text', type: 'regex', filter: '.*' }
      })
    ).toEqual([])
    expect(queryFromGrid([], null, 'eth')).toEqual({ sort: [], filters: [], search: 'eth' })
  })
})
