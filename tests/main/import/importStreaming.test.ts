import { describe, expect, it } from 'vitest'
import { importPositionsFile } from '../../../src/main/import/importFiles'
import { writeSyntheticPositionsCsv } from '../../fixtures/import/syntheticPositions'
import { tempFiles } from './importTestFiles'

const files = tempFiles()
/** About 60 MB of CSV: big enough that holding it as one string would show. */
const ROWS = 650_000

describe('streaming a large file', () => {
  it('imports ~60 MB row by row into the book', async () => {
    const path = files.path('large.csv')
    const bytes = await writeSyntheticPositionsCsv(path, ROWS, 7)
    expect(bytes).toBeGreaterThan(55e6)
    const { book, summary } = await importPositionsFile(path)
    expect(summary).toMatchObject({ read: ROWS, imported: ROWS, rejected: 0, errors: [] })
    expect(book.length).toBe(ROWS)
    expect(book.ids[ROWS - 1]).toBe(`p${ROWS}`)
  }, 30_000)
})
