import { beforeAll, describe, expect, it } from 'vitest'
import {
  ImportCancelledError,
  importLendingFile,
  importPositionsFile,
  type ImportProgress
} from '../../../src/main/import/importFiles'
import { writeSyntheticPositionsCsv } from '../../fixtures/import/syntheticPositions'
import { tempFiles } from './importTestFiles'

const files = tempFiles()
const ROWS = 40_000
let path = ''
let totalBytes = 0

beforeAll(async () => {
  path = files.path('positions.csv')
  totalBytes = await writeSyntheticPositionsCsv(path, ROWS)
})

describe('import progress', () => {
  it('reports about every 64 KiB, in order, and once at the end with the totals', async () => {
    const reports: ImportProgress[] = []
    const { summary } = await importPositionsFile(path, { onProgress: (p) => reports.push(p) })
    expect(summary.imported).toBe(ROWS)
    const last = reports.at(-1)
    expect(last).toEqual({ bytesRead: totalBytes, totalBytes, rowsRead: ROWS })
    expect(reports.length).toBeGreaterThan(totalBytes / (128 * 1024))
    expect(reports.length).toBeLessThanOrEqual(Math.ceil(totalBytes / (64 * 1024)) + 1)
    for (let i = 1; i < reports.length; i++) {
      expect(reports[i].bytesRead).toBeGreaterThanOrEqual(reports[i - 1].bytesRead)
      expect(reports[i].rowsRead).toBeGreaterThan(reports[i - 1].rowsRead)
    }
  })
})

describe('import cancellation', () => {
  it('rejects with ImportCancelledError when aborted mid-file', async () => {
    const controller = new AbortController()
    let lastRows = 0
    const outcome = importPositionsFile(path, {
      signal: controller.signal,
      onProgress: ({ rowsRead }) => {
        lastRows = rowsRead
        if (rowsRead > 2000) controller.abort()
      }
    })
    await expect(outcome).rejects.toBeInstanceOf(ImportCancelledError)
    expect(lastRows).toBeLessThan(ROWS)
  })

  it('rejects when aborted from outside while the file streams', async () => {
    const controller = new AbortController()
    const outcome = importPositionsFile(path, { signal: controller.signal })
    setImmediate(() => controller.abort())
    await expect(outcome).rejects.toBeInstanceOf(ImportCancelledError)
  })

  it('rejects at once when the signal is already aborted', async () => {
    const signal = AbortSignal.abort()
    await expect(importPositionsFile(path, { signal })).rejects.toBeInstanceOf(ImportCancelledError)
    await expect(importLendingFile(path, { signal })).rejects.toBeInstanceOf(ImportCancelledError)
  })

  it('returns nothing partial when aborted during the final report', async () => {
    const controller = new AbortController()
    const outcome = importPositionsFile(path, {
      signal: controller.signal,
      onProgress: ({ rowsRead }) => {
        if (rowsRead === ROWS) controller.abort()
      }
    })
    await expect(outcome).rejects.toBeInstanceOf(ImportCancelledError)
  })
})
