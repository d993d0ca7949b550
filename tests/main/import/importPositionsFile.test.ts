import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { positionAt } from '../../../src/engine/book/book'
import {
  ImportFileError,
  importPositionsFile,
  type ImportSummary
} from '../../../src/main/import/importFiles'
import { fixture, tempFiles } from './importTestFiles'

const files = tempFiles()

async function fileErrorOf(path: string): Promise<ImportFileError> {
  const error = await importPositionsFile(path).then(
    () => null,
    (thrown: unknown) => thrown
  )
  expect(error).toBeInstanceOf(ImportFileError)
  return error as ImportFileError
}

function expectConsistent(summary: ImportSummary): void {
  expect(summary.read).toBe(summary.imported + summary.rejected)
  expect(summary.errors).toHaveLength(summary.rejected)
}

describe('importPositionsFile', () => {
  it('imports a good book with every notation the canonical layout allows', async () => {
    const path = fixture('positions-good.csv')
    const { book, summary } = await importPositionsFile(path)
    expect(summary).toEqual({
      file: path,
      delimiter: ',',
      read: 6,
      imported: 6,
      rejected: 0,
      errors: [],
      extraColumns: ['note']
    })
    expect(book.ids.slice(0, book.length)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6'])
    expect(positionAt(book, 0)).toMatchObject({
      venue: 'binance',
      leverage: 20,
      mmr: 0.004,
      extra: { note: 'hedge' }
    })
    expect(positionAt(book, 1)).toMatchObject({ account: 'p2', side: -1, margin: 3000 })
    expect(positionAt(book, 2)).toMatchObject({
      size: 1000,
      marginMode: 'cross',
      maintenanceAmount: 1250.5,
      walletBalance: 100000,
      extra: { note: 'quoted, with comma' }
    })
    expect(positionAt(book, 3)).toMatchObject({
      side: -1,
      marginMode: 'cross',
      walletBalance: 100000
    })
    expect(positionAt(book, 4)).toMatchObject({
      venue: 'generic',
      contract: 'inverse',
      marginMode: 'isolated'
    })
    expect(positionAt(book, 4).margin).toBeCloseTo(0.04, 12)
    expect(positionAt(book, 5)).toMatchObject({ side: -1, size: 1000, margin: 1500 })
  })

  it('rejects every kind of bad row with its physical line and keeps the good ones', async () => {
    const { book, summary } = await importPositionsFile(fixture('positions-bad-rows.csv'))
    expectConsistent(summary)
    expect(summary).toMatchObject({ read: 23, imported: 2, rejected: 21 })
    expect(book.ids.slice(0, book.length)).toEqual(['ok1', 'ok2'])
    const errors = summary.errors.map(({ line, column }) => `${line} ${column}`)
    expect(errors).toEqual([
      '3 id',
      '4 symbol',
      '5 side',
      '6 size',
      '7 entry_price',
      '8 entry_price',
      '9 contract',
      '10 margin_mode',
      '11 margin',
      '12 leverage',
      '13 leverage',
      '14 margin',
      '15 mmr',
      '16 maintenance_amount',
      '17 account',
      '18 wallet_balance',
      '19 mark_price',
      '20 null',
      '21 size',
      '22 size',
      '23 null'
    ])
    expect(summary.errors[17].reason).toBe('expected 15 fields, found 8')
    expect(summary.errors[18].reason).toBe('size is not a number: "1,5"')
    expect(summary.errors[19].reason).toMatch(/^size is not a number: "abcdefghij.{30}…"$/)
    expect(summary.errors[20].reason).toBe('expected 15 fields, found 16')
  })

  it('reads a BOM and CRLF line endings', async () => {
    const good = readFileSync(fixture('positions-good.csv'), 'utf8')
    const path = files.write('bom-crlf.csv', `\ufeff${good.replaceAll('\n', '\r\n')}`)
    const { book, summary } = await importPositionsFile(path)
    expect(summary).toMatchObject({ read: 6, imported: 6, extraColumns: ['note'] })
    expect(book.ids[0]).toBe('p1')
  })

  it.each([
    ['positions-semicolon.csv', ';', 2, 0],
    ['positions-tab.tsv', '\t', 2, 1],
    ['positions-pipe.csv', '|', 2, 0]
  ])('detects the delimiter of %s', async (name, delimiter, imported, rejected) => {
    const { book, summary } = await importPositionsFile(fixture(name))
    expect(summary).toMatchObject({ delimiter, imported, rejected })
    expect(book.size[0]).toBe(name.includes('semicolon') ? 1234.5 : 1)
  })

  it('keeps a delimiter inside quotes as text', async () => {
    const { book } = await importPositionsFile(fixture('positions-pipe.csv'))
    expect(positionAt(book, 1).symbol).toBe('ETH|USDT')
  })

  it('counts physical lines across quoted multi-line fields, with LF or CRLF', async () => {
    const text = readFileSync(fixture('positions-multiline.csv'), 'utf8')
    for (const content of [text, text.replaceAll('\n', '\r\n')]) {
      const { book, summary } = await importPositionsFile(files.write('multiline.csv', content))
      expect(summary.errors.map((error) => error.line)).toEqual([4, 8])
      expect(book.ids.slice(0, book.length)).toEqual(['p1', 'p3'])
      const newline = content.includes('\r\n') ? '\r\n' : '\n'
      expect(positionAt(book, 1).extra?.note).toBe(
        `a "quoted" word, with comma${newline}and${newline}three lines`
      )
    }
  })

  it('counts blank lines and lone CR line endings as physical lines', async () => {
    const content =
      'id,symbol,side,size,entry_price,leverage\r\r\np1,X,long,0,1,1\rp2,X,long,1,1,1\n\n,,,,,\np3,X,long,-1,1,1\n'
    const { summary } = await importPositionsFile(files.write('blank-lines.csv', content))
    expect(summary).toMatchObject({ read: 3, imported: 1, rejected: 2 })
    expect(summary.errors.map((error) => error.line)).toEqual([3, 7])
  })

  it('keeps line numbers right across many read chunks', async () => {
    const header = 'id,symbol,side,size,entry_price,leverage,note\n'
    const rows: string[] = []
    const expected: number[] = []
    let line = 2
    for (let i = 0; i < 4000; i++) {
      const breaks = i % 4
      const note = `"${Array.from({ length: breaks + 1 }, (_, k) => `part ${k} of a note`).join(i % 3 ? '\r\n' : '\n')}"`
      rows.push(`p${i},BTCUSDT,long,bad,60000,10,${note}${i % 5 ? '\n' : '\r\n\n'}`)
      expected.push(line)
      line += 1 + breaks + (i % 5 ? 0 : 1)
    }
    const path = files.write('chunks.csv', header + rows.join(''))
    const { summary } = await importPositionsFile(path)
    expect(summary.rejected).toBe(4000)
    expect(summary.errors.map((error) => error.line)).toEqual(expected)
  })

  it('rejects the rows only the whole book can catch', async () => {
    const duplicates = await importPositionsFile(fixture('duplicate-ids.csv'))
    expect(duplicates.summary.errors).toEqual([
      { line: 4, column: 'id', reason: 'duplicate id "p1", first seen on line 2' },
      { line: 6, column: 'id', reason: 'duplicate id "p2", first seen on line 3' }
    ])
    const wallets = await importPositionsFile(fixture('wallet-inconsistent.csv'))
    expect(wallets.summary.errors).toEqual([
      {
        line: 4,
        column: 'wallet_balance',
        reason: 'account acct: wallet_balance 9999 differs from 10000 given on another row (line 2)'
      }
    ])
    expect(wallets.book.length).toBe(3)
    const mixed = await importPositionsFile(fixture('mixed-contracts.csv'))
    expect(mixed.summary.errors).toEqual([
      {
        line: 3,
        column: 'contract',
        reason: 'account "acct" mixes contracts: inverse here, linear on line 2'
      }
    ])
  })

  it('asks whether a tier table resolves rows that give no mmr', async () => {
    const { summary } = await importPositionsFile(fixture('positions-good.csv'), {
      canResolveMaintenance: (venue, symbol) => venue === 'bybit' && symbol === 'ETHUSDT'
    })
    expect(summary.errors).toEqual([
      {
        line: 5,
        column: 'mmr',
        reason: 'no maintenance margin: no tier table for okx ETHUSDT and no mmr given'
      },
      {
        line: 7,
        column: 'mmr',
        reason: 'no maintenance margin: no tier table for hyperliquid SOLUSDT and no mmr given'
      }
    ])
  })

  it('reads a header-only file as an empty book', async () => {
    const path = files.write('header-only.csv', 'id,symbol,side,size,entry_price\n\n')
    const { book, summary } = await importPositionsFile(path)
    expect(book.length).toBe(0)
    expect(summary).toMatchObject({ read: 0, imported: 0, rejected: 0 })
  })
})

describe('importPositionsFile file-level errors', () => {
  it.each([
    ['empty.csv', 'the file is empty'],
    [
      'headerless.csv',
      'no header row: the first line should name columns such as id,symbol,side,size,entry_price'
    ],
    [
      'missing-column.csv',
      'missing required columns: side, entry_price (the header has: id, symbol, qty, price, leverage)'
    ]
  ])('%s', async (name, problem) => {
    const path = fixture(name)
    expect((await fileErrorOf(path)).message).toBe(`${path}: ${problem}`)
  })

  it('refuses a missing file, a folder and a blank file', async () => {
    const missing = files.path('nowhere.csv')
    expect((await fileErrorOf(missing)).message).toBe(`${missing}: file not found`)
    const folder = files.path('')
    expect((await fileErrorOf(folder)).message).toBe(`${folder}: is not a regular file`)
    const blank = files.write('blank.csv', '\n  \r\n\t\n')
    expect((await fileErrorOf(blank)).message).toBe(`${blank}: the file is empty`)
  })

  it('refuses binary files: NUL bytes, random bytes, UTF-16', async () => {
    const nul = files.write('nul.csv', new Uint8Array([0x69, 0x64, 0x2c, 0x00, 0x0a]))
    expect((await fileErrorOf(nul)).message).toMatch(/is a binary file, not CSV text/)
    const zipLike = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251 || 1)
    zipLike.set([0x50, 0x4b, 0x03, 0x04])
    const zip = files.write('workbook.xlsx', zipLike)
    expect((await fileErrorOf(zip)).message).toMatch(/is a zip archive or an Excel workbook/)
    const utf16 = files.write(
      'utf16.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,symbol\n', 'utf16le')])
    )
    expect((await fileErrorOf(utf16)).message).toBe(
      `${utf16}: is UTF-16 text; save it as UTF-8 CSV`
    )
  })

  it('accepts text in a legacy 8-bit encoding', async () => {
    const latin1 = Buffer.from(
      'id,symbol,side,size,entry_price,leverage,note\np1,BTCUSDT,long,1,1,1,caf\xe9 cr\xe8me\n',
      'latin1'
    )
    const { summary } = await importPositionsFile(files.write('latin1.csv', latin1))
    expect(summary.imported).toBe(1)
  })

  it('refuses a quote that is never closed, naming the line it opens on', async () => {
    const path = files.write(
      'open-quote.csv',
      'id,symbol,side,size,entry_price,leverage\np1,X,long,1,1,1\n\np2,"X,long,1,1,1\np3,X,long,1,1,1\n'
    )
    expect((await fileErrorOf(path)).message).toBe(
      `${path}: the record on line 4 opens a quote that is never closed`
    )
  })

  it('refuses a record longer than 1 MiB as an open quote', async () => {
    const path = files.write(
      'runaway.csv',
      `id,symbol,side,size,entry_price\np1,"${'x,\n'.repeat(400_000)}`
    )
    expect((await fileErrorOf(path)).message).toBe(
      `${path}: the record on line 2 is longer than 1 MiB: is a quote left open?`
    )
  })

  it('treats a stray quote inside a field as text, damaging no other row', async () => {
    const path = files.write(
      'stray-quote.csv',
      'id,symbol,side,size,entry_price,leverage,note\np1,X,long,1,1,1,5" screen\np2,X,long,1,1,1,"ab"c\np3,X,long,1,1,1,ok\n'
    )
    const { book, summary } = await importPositionsFile(path)
    expect(summary).toMatchObject({ read: 3, imported: 3 })
    expect(book.extra.get('note')).toEqual(
      new Map([
        [0, '5" screen'],
        [1, '"ab"c'],
        [2, 'ok']
      ])
    )
  })
})
