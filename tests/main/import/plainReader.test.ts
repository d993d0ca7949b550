import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { POSITION_FIELDS, resolveHeader } from '../../../src/engine/import/positionColumns'
import { mapPositionRecord } from '../../../src/engine/import/positionRecord'
import type { CsvRecord } from '../../../src/main/import/csvRecord'
import { fastCsvRecords, NeedsStrictParser } from '../../../src/main/import/fastCsvRecords'
import { NotPlainCsv } from '../../../src/main/import/notPlainCsv'
import { CHUNK_BYTES, PlainRecord, plainCsvRecords } from '../../../src/main/import/plainCsvRecords'
import { plainDecimalAt } from '../../../src/main/import/plainDecimal'
import { createPlainRowReader } from '../../../src/main/import/plainPositionReader'
import { ImportCancelledError } from '../../../src/main/import/importCancelledError'
import { importPositionsFile } from '../../../src/main/import/importFiles'
import { fixture, tempFiles } from './importTestFiles'
import { workerPositionRecords } from '../../../src/main/import/workerPositionRecords'

const files = tempFiles()

const bytesOf = (text: string): Buffer => Buffer.from(text, 'utf8')

/** Splits one line the way the plain reader does, into a record a sink can read. */
function plainLine(line: string, delimiter = ','): PlainRecord {
  const bytes = bytesOf(line)
  const record = new PlainRecord()
  record.split(bytes, 0, bytes.length, delimiter.charCodeAt(0))
  return record
}

async function plainRecords(path: string, delimiter = ','): Promise<[number, string[]][]> {
  const records: [number, string[]][] = []
  await plainCsvRecords(path, { delimiter }, (record: CsvRecord) => {
    records.push([record.line, [...record.fields()]])
  })
  return records
}

describe('plainDecimalAt', () => {
  it('reads every plain decimal exactly as Number() reads its text', () => {
    const plain = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => value.toFixed(8)),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(String),
      fc.stringMatching(/^-?\d{0,18}(\.\d{0,24})?$/)
    )
    fc.assert(
      fc.property(plain, (text) => {
        const value = plainDecimalAt(bytesOf(text), 0, text.length)
        // NaN only where it leaves the cell to the text reader, never a different number.
        if (!Number.isNaN(value)) expect(Object.is(value, Number(text))).toBe(true)
      }),
      { numRuns: 2000 }
    )
  })

  it('leaves other spellings to the text reader', () => {
    for (const text of ['', '-', '.', '+5', '1e3', '1,000', '1_000', '10x', '0.5%', ' 5', '1.2.3'])
      expect(plainDecimalAt(bytesOf(text), 0, text.length)).toBeNaN()
    expect(plainDecimalAt(bytesOf('60962.50'), 0, 8)).toBe(60962.5)
    expect(Object.is(plainDecimalAt(bytesOf('-0'), 0, 2), -0)).toBe(true)
    expect(plainDecimalAt(bytesOf('9007199254740993'), 0, 16)).toBeNaN()
  })
})

describe('the plain reader', () => {
  const cell = fc.stringMatching(/^[ -!#-~\té€\u00a0]{0,8}$/)
  const lineEnding = fc.constantFrom('\n', '\r\n')

  it('hands over the records PapaParse reads, on the same lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        lineEnding,
        fc.constantFrom(',', ';', '\t'),
        fc.boolean(),
        async (rows, newline, delimiter, byteOrderMark) => {
          const text = rows.map((row) => row.join(delimiter)).join(newline)
          const path = files.write('records.csv', (byteOrderMark ? '\ufeff' : '') + text)
          const expected: [number, string[]][] = []
          try {
            await fastCsvRecords(path, { delimiter }, (fields, line) => {
              expected.push([line, fields])
            })
          } catch (error) {
            // Files PapaParse hands on to csv-parse are not this comparison's business.
            fc.pre(!(error instanceof NeedsStrictParser))
            throw error
          }
          expect(await plainRecords(path, delimiter)).toEqual(expected)
        }
      ),
      { numRuns: 200 }
    )
  })

  it('hands a file with a quote or a lone carriage return on to PapaParse', async () => {
    for (const text of [
      'id,x\n1,"a"\n',
      'id,x\n1,a\r2,b\n',
      'id,x\n1,5" screen\n',
      'id,x\r\r\n1,a\n',
      'id,x\n1,a\r\r'
    ]) {
      const path = files.write('quoted.csv', text)
      await expect(plainRecords(path)).rejects.toBeInstanceOf(NotPlainCsv)
    }
  })

  it('reads CRLF lines whose return ends a read, and a last line ending in a return', async () => {
    // The return of one CRLF falls on the last byte of the first read.
    const lines = ['id,note']
    let length = 'id,note\r\n'.length
    const returnAt = CHUNK_BYTES - 1
    while (returnAt - length > 200) {
      lines.push(`${lines.length},${'x'.repeat(90)}`)
      length += lines.at(-1)!.length + 2
    }
    lines.push(`E,${'y'.repeat(returnAt - length - 2)}`, 'Z,end\r')
    const path = files.write('crlf.csv', lines.join('\r\n'))
    const expected = lines.map((line, k) => [k + 1, line.replace('\r', '').split(',')])
    expect(await plainRecords(path)).toEqual(expected)
  })

  it('reads a line that a read of the file cuts in two whole, and hands an overlong one on', async () => {
    const filler = 'x'.repeat(99)
    const long = 'y'.repeat(900 * 1024)
    // 4.5 MiB of short lines first, so the long line straddles the end of the first read.
    const short = Array.from({ length: 45_000 }, (_, i) => `${i},${filler}`)
    const path = files.write('straddle.csv', ['id,note', ...short, `L,${long}`, 'Z,end'].join('\n'))
    const records = await plainRecords(path)
    expect(records.length).toBe(45_003)
    expect(records.at(-2)).toEqual([45_002, ['L', long]])
    expect(records.at(-1)).toEqual([45_003, ['Z', 'end']])
    const overlong = files.write('overlong.csv', `id,note\n1,${'z'.repeat(6 * 1024 * 1024)}\n`)
    await expect(plainRecords(overlong)).rejects.toBeInstanceOf(NotPlainCsv)
  })
})

describe('reading positions from bytes', () => {
  /** Cells near every edge readPosition draws: the plain path must take none of them wrongly. */
  const CELLS: Record<string, readonly string[]> = {
    id: ['P1', 'P2', '', ' P3', 'P 4', 'é5'],
    account: ['A1', '', 'A2 ', 'acc'],
    venue: ['binance', 'OKX', '', 'Bybit ', 'hyperliquid'],
    symbol: ['BTCUSDT', 'ETH-USDT-SWAP', '', ' SOL'],
    contract: ['linear', 'inverse', 'Inverse', '', 'spot', ' linear'],
    side: ['long', 'short', 'LONG', 'buy', 'sell', '+1', '-1', '1', 'l', 's', '', 'up', ' long'],
    size: ['0.017', '5', '-1', '0', '1e3', '1,000', '+2', '', ' 3', '0.1000000000000000055511'],
    entry_price: ['60962.5', '2512.60', '0', '-5', '', 'abc', '1_000.5'],
    margin_mode: ['isolated', 'cross', 'Cross', 'cross margin', '', 'portfolio'],
    margin: ['51.82', '0', '-1', '', 'x', '-0'],
    leverage: ['20', '10x', '10X', '0.5', '1000', '1001', '', '25 x'],
    mmr: ['0.005', '0.5%', '1', '-0.1', '', '%'],
    maintenance_amount: ['0', '12.5', '-3', ''],
    wallet_balance: ['4379.81', '0', '-1', '', 'n/a'],
    mark_price: ['61800', '0', '', '-1', '1e2']
  }
  const REQUIRED = ['id', 'symbol', 'side', 'size', 'entry_price']
  const header = fc
    .subarray([...POSITION_FIELDS.filter((field) => !REQUIRED.includes(field)), 'note'])
    .chain((fields) =>
      fc.shuffledSubarray([...REQUIRED, ...fields], { minLength: 5 + fields.length })
    )
  /** Mostly the first two cells of each list (valid), so the plain path is taken often. */
  const cellOf = (field: string) => {
    const cells = field === 'note' ? ['', 'kept', '  ', ' padded '] : CELLS[field]
    return fc.oneof(
      { arbitrary: fc.constantFrom(...cells.slice(0, 2)), weight: 6 },
      { arbitrary: fc.constantFrom(...cells), weight: 1 }
    )
  }
  const rowFor = (fields: readonly string[]) => fc.tuple(...fields.map(cellOf))

  it('gives the row readPosition gives, or leaves the record to it', () => {
    let readPlainly = 0
    fc.assert(
      fc.property(
        header.chain((fields) => fc.tuple(fc.constant(fields), rowFor(fields))),
        ([fields, cells]) => {
          const resolved = resolveHeader(fields)
          const read = createPlainRowReader(resolved)
          const plain = read(plainLine(cells.join(',')))
          if (plain === null) return
          readPlainly++
          const slow = mapPositionRecord(cells, resolved, 2)
          expect(slow.ok).toBe(true)
          if (slow.ok) expect({ ...plain }).toEqual({ ...slow.row, extra: slow.row.extra })
        }
      ),
      { numRuns: 3000 }
    )
    // The comparison means little unless the plain path took a fair share of the rows.
    expect(readPlainly).toBeGreaterThan(100)
  })

  it('takes a canonical row plainly and leaves a padded one to readPosition', () => {
    const resolved = resolveHeader(['id', 'symbol', 'side', 'size', 'entry_price', 'leverage'])
    const read = createPlainRowReader(resolved)
    expect(read(plainLine('P1,BTCUSDT,long,0.5,60000,10'))).toMatchObject({
      id: 'P1',
      account: 'P1',
      venue: 'generic',
      margin: 3000
    })
    expect(read(plainLine('P1,BTCUSDT,long, 0.5,60000,10'))).toBeNull()
  })

  it('keeps a row identical through a plain file and a quoted one', async () => {
    const rows = [
      'id,account,venue,symbol,side,size,entry_price,margin_mode,leverage,wallet_balance,note',
      'P1,A1,Binance,BTCUSDT,long,0.5,60000,isolated,10x,,first',
      'P2,A2,okx,ETH-USDT-SWAP,SHORT,3,2500.5,cross,20,1000,',
      'P3,A2,okx,ETH-USDT-SWAP,buy,bad,2500,cross,20,1000,',
      'P4,,bybit,BTCUSDT,sell,0.1,61000,isolated,,,'
    ]
    const plain = await importPositionsFile(files.write('plain.csv', rows.join('\n')))
    // A quoted cell sends the same rows through PapaParse.
    const quoted = await importPositionsFile(
      files.write('quoted.csv', [...rows.slice(0, 4), rows[4].replace('P4', '"P4"')].join('\n'))
    )
    expect(plain.summary).toEqual({ ...quoted.summary, file: plain.summary.file })
    expect(plain.book).toEqual(quoted.book)
    expect(plain.summary.rejected).toBe(2)
  })
})

describe('reading a positions file on a worker thread', () => {
  const FIXTURES = [
    'positions-good.csv',
    'positions-bad-rows.csv',
    'duplicate-ids.csv',
    'mixed-contracts.csv',
    'wallet-inconsistent.csv',
    'positions-semicolon.csv',
    'positions-tab.tsv',
    'positions-multiline.csv'
  ]

  it('gives the book and summary the main thread gives, file by file', async () => {
    for (const name of FIXTURES) {
      const path = fixture(name)
      const onMain = await importPositionsFile(path, { workerFromBytes: Infinity })
      const onWorker = await importPositionsFile(path, { workerFromBytes: 0 })
      expect(onWorker.summary, name).toEqual(onMain.summary)
      expect(onWorker.book, name).toEqual(onMain.book)
      expect(onWorker.lines, name).toEqual(onMain.lines)
    }
  })

  it('carries a file of many batches, with rows it leaves to readPosition among them', async () => {
    const rows = [
      'id,account,venue,symbol,side,size,entry_price,margin_mode,leverage,wallet_balance'
    ]
    for (let i = 0; i < 70_000; i++) {
      const account = `A${Math.floor(i / 3)}`
      if (i % 9_999 === 0)
        rows.push(`P${i},${account},okx,BTC-USDT-SWAP,long, 0.5,60000,isolated,10x,`)
      else if (i % 7 === 0)
        rows.push(
          `P${i},${account},Bybit,ETHUSDT,SHORT,2,2500,cross,20,${1000 + Math.floor(i / 3)}`
        )
      else
        rows.push(
          `P${i},${account},binance,BTCUSDT,long,0.${(i % 90) + 10},6${i % 10}000.5,isolated,${(i % 50) + 1},`
        )
    }
    rows.push(
      'P5,A9,binance,BTCUSDT,long,1,60000,isolated,10,',
      'P70001,é,binance,BTCUSDT,long,1,60000,isolated,10,'
    )
    const path = files.write('batches.csv', rows.join('\r\n'))
    const onMain = await importPositionsFile(path, { workerFromBytes: Infinity })
    const onWorker = await importPositionsFile(path, { workerFromBytes: 0 })
    expect(onWorker.summary).toEqual(onMain.summary)
    expect(onWorker.book).toEqual(onMain.book)
    expect(onMain.summary.rejected).toBeGreaterThan(0)
    expect(onMain.book.length).toBeGreaterThan(69_000)
    // Rows without mmr on a market no tier table covers are refused the same way on both.
    const coveredOnly = { canResolveMaintenance: (venue: string) => venue !== 'bybit' }
    const tieredOnMain = await importPositionsFile(path, {
      ...coveredOnly,
      workerFromBytes: Infinity
    })
    const tieredOnWorker = await importPositionsFile(path, { ...coveredOnly, workerFromBytes: 0 })
    expect(tieredOnWorker.summary).toEqual(tieredOnMain.summary)
    expect(tieredOnMain.summary.rejected).toBeGreaterThan(onMain.summary.rejected + 9_000)
  })

  it('hands over the rows it read as positions, and the text of the rest', async () => {
    const path = files.write(
      'worker.csv',
      'id,symbol,side,size,entry_price,leverage\nP1,BTCUSDT,long,1,60000,10\nP2,BTCUSDT,up,1,60000,10\n'
    )
    const records: [number, string | null, readonly string[] | null][] = []
    await workerPositionRecords(0)(path, { delimiter: ',' }, (record) => {
      const { read } = record
      records.push([
        record.line,
        read ? read.positions.id(read.index) : null,
        read ? null : record.fields()
      ])
    })
    expect(records).toEqual([
      [1, null, ['id', 'symbol', 'side', 'size', 'entry_price', 'leverage']],
      [2, 'P1', null],
      [3, null, ['P2', 'BTCUSDT', 'up', '1', '60000', '10']]
    ])
    await expect(
      workerPositionRecords()(path, { delimiter: ',' }, () => {})
    ).rejects.toBeInstanceOf(NotPlainCsv)
  })

  it('refuses the symbols past the 65,536 a book holds, as the main thread does', async () => {
    const rows = ['id,symbol,side,size,entry_price,leverage']
    for (let i = 0; i < 65_600; i++) rows.push(`P${i},S${i},long,1,100,10`)
    const path = files.write('symbols.csv', rows.join('\n'))
    const onMain = await importPositionsFile(path, { workerFromBytes: Infinity })
    const onWorker = await importPositionsFile(path, { workerFromBytes: 0 })
    expect(onMain.summary.rejected).toBe(64)
    expect(onWorker.summary).toEqual(onMain.summary)
    expect(onWorker.book.symbols.names).toEqual(onMain.book.symbols.names)
  })

  it('stops reading when the import is cancelled', async () => {
    const rows = ['id,symbol,side,size,entry_price,leverage']
    for (let i = 0; i < 200_000; i++) rows.push(`P${i},BTCUSDT,long,1,60000,10`)
    const path = files.write('cancelled.csv', rows.join('\n'))
    const controller = new AbortController()
    const imported = importPositionsFile(path, {
      workerFromBytes: 0,
      signal: controller.signal,
      onProgress: ({ rowsRead }) => {
        if (rowsRead > 0) controller.abort()
      }
    })
    await expect(imported).rejects.toBeInstanceOf(ImportCancelledError)
  })
})
