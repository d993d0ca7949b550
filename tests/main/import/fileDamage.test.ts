import { closeSync, openSync, ftruncateSync, writeSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { ImportFileError, importPositionsFile } from '../../../src/main/import/importFiles'
import { tempFiles } from './importTestFiles'

const files = tempFiles()
const HEADER = 'id,symbol,side,size,entry_price,leverage'

async function messageOf(path: string): Promise<string> {
  const error = await importPositionsFile(path).then(
    () => null,
    (thrown: unknown) => thrown
  )
  expect(error).toBeInstanceOf(ImportFileError)
  return (error as Error).message
}

describe('damaged files', () => {
  it('names a last line cut short and says the file may be truncated', async () => {
    const path = files.write('cut.csv', `${HEADER}\np1,BTCUSDT,long,1,60000,10\np2,BTCUSDT,sh`)
    const { summary } = await importPositionsFile(path)
    expect(summary.imported).toBe(1)
    expect(summary.errors).toEqual([
      {
        line: 3,
        column: null,
        reason:
          'the last line is cut short (3 of 6 fields, no line break at the end): was the file truncated?'
      }
    ])
    expect(summary.notes).toEqual(['the file ends in the middle of line 3: it may be truncated'])
  })

  it('says so when most rows split into another number of fields than the header', async () => {
    const path = files.write(
      'delimiter.csv',
      `${HEADER}\np1;BTCUSDT;long;1;60000;10\np2;BTCUSDT;long;1;60000;10\n`
    )
    const { summary } = await importPositionsFile(path)
    expect(summary.rejected).toBe(2)
    expect(summary.notes).toEqual([
      '2 of 2 rows have another number of fields than the header: is the delimiter right (read as ",")?'
    ])
  })

  it('hints at the delimiter when the header reads as one column', async () => {
    expect(await messageOf(files.write('colon.csv', 'id:symbol:side\np1:BTC:long\n'))).toMatch(
      /the header reads as a single column: is the file delimited by something other than comma/
    )
  })

  it('imports text in two encodings but warns that names may have merged', async () => {
    const latin1 = Buffer.from('p2,caf\xe9,long,1,60000,10\n', 'latin1')
    const path = files.write(
      'mixed.csv',
      Buffer.concat([Buffer.from(`${HEADER}\np1,BTCUSDT,long,1,60000,10\n`), latin1])
    )
    const { summary } = await importPositionsFile(path)
    expect(summary.imported).toBe(2)
    expect(summary.notes?.[0]).toMatch(
      /^1 rows hold bytes that are not UTF-8 \(first on line 3\), read as �/
    )
  })

  it('names compressed and office files renamed to .csv', async () => {
    expect(await messageOf(files.write('gz.csv', gzipSync(`${HEADER}\n`)))).toMatch(
      /is gzip-compressed: decompress it first/
    )
    expect(await messageOf(files.write('pdf.csv', Buffer.from('%PDF-1.7\n')))).toMatch(
      /is a PDF document/
    )
  })

  it('refuses a file larger than a book holds before reading it', async () => {
    const path = files.path('huge.csv')
    const fd = openSync(path, 'w')
    try {
      const rows = Array.from({ length: 4000 }, (_, i) => `p${i},BTCUSDT,long,1,60000,10\n`).join(
        ''
      )
      writeSync(fd, `${HEADER}\n${rows}`)
      // Sparse: 5 GiB on paper, a few kilobytes on disk.
      ftruncateSync(fd, 5 * 1024 ** 3)
    } finally {
      closeSync(fd)
    }
    expect(await messageOf(path)).toMatch(
      /huge.csv: is 5.0 GiB, about \d+ million rows: more than the 10 million rows a book holds/
    )
  })
})
