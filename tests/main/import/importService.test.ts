import { readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeSyntheticPositionsCsv } from '../../fixtures/import/syntheticPositions'
import type { MappingSelection } from '../../../src/shared/importTypes'
import { assignColumn } from '../../../src/shared/mappingEdits'
import { ImportService } from '../../../src/main/services/importService'
import { bootMain, type Booted } from '../serviceFixture'
import { fixture, tempFiles } from './importTestFiles'

const exchange = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/exchanges/${name}`, import.meta.url)), 'utf8')
const deskFile = (day: string): string => readFileSync(fixture(`desk-export-${day}.csv`), 'utf8')

const AUTO: MappingSelection = { preset: 'auto', values: [] }
const files = tempFiles()

let main: Booted
beforeEach(async () => {
  main = await bootMain()
})
afterEach(() => main.services.dispose())

const stage = (name: string, text: string) => main.handlers['import:stage']({ name, text })
const preview = (fileId: string, selection: MappingSelection = AUTO) =>
  main.handlers['import:preview']({ fileId, selection })
const positions = async () => (await main.handlers['app:workspace'](undefined)).positions

/** The desk export mapped by hand, as a user does it in the dialog's editor. */
async function deskSelection(fileId: string): Promise<MappingSelection> {
  const shown = await preview(fileId, { preset: 'canonical', values: [] })
  let mapping = shown.mapping!
  const assign = [
    ['Ticket', 'id', 'as-is'],
    ['Trader', 'account', 'as-is'],
    ['Instrument', 'symbol', 'as-is'],
    ['Net Qty (contracts)', 'size', 'signed-contracts'],
    ['Avg Px', 'entry_price', 'as-is'],
    ['Lev', 'leverage', 'as-is'],
    ['Margin Type', 'margin_mode', 'as-is']
  ] as const
  for (const [column, field, transform] of assign)
    mapping = assignColumn(mapping, shown.header, shown.header.indexOf(column), field, transform)
  return {
    preset: 'canonical',
    mapping,
    values: [
      { field: 'venue', fallback: 'okx' },
      { field: 'wallet_balance', byKey: { key: 'account', values: { alice: '25000' } } },
      {
        field: 'contract_size',
        byKey: { key: 'symbol', values: { 'BTC-USDT-SWAP': '0.01', 'ETH-USDT-SWAP': '0.1' } }
      }
    ]
  }
}

describe('the import dialog’s main side', () => {
  it('detects a Bybit export, asks for the wallet balance it lacks, and appends it to the book', async () => {
    const file = await stage('bybit-position-list.csv', exchange('bybit-position-list.csv'))
    const detected = await preview(file.fileId)
    expect(detected.preset).toBe('bybit')
    expect(detected.detection?.explanation).toMatch(/^matched bybit/)
    expect(detected.detection?.candidates[0]).toMatchObject({ preset: 'bybit', problem: null })
    const cross = detected.rows.find((row) => row.cells.includes('ETHUSDT'))!
    expect(cross.error).toMatchObject({ column: 'wallet_balance' })
    expect(cross.error?.reason).toContain('fill it in under “Values the file lacks”')
    expect(detected.accounts).toContain('bybit-position-list')

    const values = [
      {
        field: 'wallet_balance' as const,
        byKey: { key: 'account' as const, values: { 'bybit-position-list': '40000' } }
      }
    ]
    const filled = await preview(file.fileId, { preset: 'bybit', values })
    expect(filled.rows.find((row) => row.cells.includes('ETHUSDT'))!.position).toMatchObject({
      side: 'short',
      marginMode: 'cross',
      walletBalance: 40_000
    })
    expect(filled.notes.join('\n')).not.toMatch(/wallet_balance: not in the file; cross rows/)

    const before = await positions()
    const report = await main.handlers['import:start']({
      files: [{ fileId: file.fileId, selection: { preset: 'bybit', values } }],
      merge: 'append'
    })
    expect(report.status).toBe('imported')
    if (report.status !== 'imported') return
    const [bybit] = report.files
    expect(bybit.read).toBe(bybit.imported + bybit.rejected)
    expect(bybit.imported).toBe(3)
    expect(bybit.errors).toEqual([expect.objectContaining({ line: 5 })])
    expect(report.positions).toBe(before + 3)
    expect(await positions()).toBe(before + 3)
    expect(report.notes[0]).toMatch(/^20,000 positions kept from the current book/)
    expect((await main.handlers['app:workspace'](undefined)).name).toBe('Sample book')
  })

  it('replaces only the current book’s positions on the venues the file has', async () => {
    const summary = await main.handlers['book:summary'](undefined)
    const bybitBefore = summary.byVenue.find((group) => group.key === 'bybit')!.positions
    expect(bybitBefore).toBeGreaterThan(0)
    const file = await stage('bybit.csv', exchange('bybit-position-list.csv'))
    const report = await main.handlers['import:start']({
      files: [{ fileId: file.fileId, selection: { preset: 'bybit', values: [] } }],
      merge: 'replace'
    })
    if (report.status !== 'imported') throw new Error(JSON.stringify(report))
    expect(report.notes).toContain(
      `venue bybit replaced: ${bybitBefore.toLocaleString('en-US')} positions of the current book dropped`
    )
    expect(report.positions).toBe(20_000 - bybitBefore + report.imported)
  })

  it('reads an unknown layout through the user’s mapping and values, several files at once, duplicates reported', async () => {
    const monday = await stage('desk-export-monday.csv', deskFile('monday'))
    const auto = await preview(monday.fileId)
    expect(auto.preset).toBe('canonical')
    expect(auto.detection?.explanation).toMatch(/^no preset matches this header/)
    expect(auto.problem).toMatch(/header names none of the mapped columns|missing required/)

    const selection = await deskSelection(monday.fileId)
    const mapped = await preview(monday.fileId, selection)
    expect(mapped.problem).toBeNull()
    expect(mapped.rows.map((row) => row.error?.reason ?? 'ok')).toEqual([
      'ok',
      'ok',
      'ok',
      'the size is 0: a flat position, nothing open (file column "Net Qty (contracts)")'
    ])
    expect(mapped.rows[1].position).toMatchObject({ side: 'short', size: 4, venue: 'okx' })
    expect(mapped.notes).toContain('venue: not in the file; "okx" for every row')
    expect(
      mapped.notes.some((note) => note.startsWith('mmr (maintenance margin): from the venue'))
    ).toBe(true)

    const tuesday = await stage('desk-export-tuesday.csv', deskFile('tuesday'))
    const report = await main.handlers['import:start']({
      files: [
        { fileId: monday.fileId, selection },
        { fileId: tuesday.fileId, selection: await deskSelection(tuesday.fileId) }
      ],
      merge: 'new'
    })
    if (report.status !== 'imported') throw new Error(JSON.stringify(report))
    expect(report.files.map((f) => [f.read, f.imported, f.rejected])).toEqual([
      [4, 3, 1],
      [2, 1, 1]
    ])
    expect(report.files[1].errors[0]).toEqual({
      line: 2,
      column: 'id',
      reason: 'duplicate id "T-2", first seen on line 3 of desk-export-monday.csv'
    })
    expect(await positions()).toBe(4)
    const csv = (await main.handlers['import:rejectedCsv'](undefined)).csv.trim().split('\r\n')
    expect(csv).toHaveLength(3)
    expect(csv[2]).toMatch(/^desk-export-tuesday\.csv,2,id,"duplicate id ""T-2""/)
  })

  it('saves a mapping as a preset that is detected by its header next time, and deletes it', async () => {
    const monday = await stage('desk-export-monday.csv', deskFile('monday'))
    const saved = await main.handlers['import:savePreset']({
      label: 'Desk export',
      fileId: monday.fileId,
      selection: await deskSelection(monday.fileId)
    })
    expect(saved).toMatchObject({ name: 'desk-export', builtIn: false })
    const { presets } = await main.handlers['import:presets'](undefined)
    expect(presets[0]).toMatchObject({ name: 'desk-export', label: 'Desk export' })
    expect(presets.some((preset) => preset.name === 'bybit' && preset.builtIn)).toBe(true)

    const tuesday = await stage('desk-export-tuesday.csv', deskFile('tuesday'))
    const detected = await preview(tuesday.fileId)
    expect(detected.preset).toBe('desk-export')
    expect(detected.rows.map((row) => row.error)).toEqual([null, null])
    expect(detected.rows[1].position).toMatchObject({ venue: 'okx', side: 'long' })
    expect(detected.rows[1].position?.size).toBeCloseTo(1.2, 12)

    await expect(
      main.handlers['import:savePreset']({ label: 'OKX', fileId: tuesday.fileId, selection: AUTO })
    ).rejects.toThrow('"okx" is the name of a built-in preset')
    await main.handlers['import:deletePreset']({ name: 'desk-export' })
    expect((await preview(tuesday.fileId)).preset).toBe('canonical')
  })

  it('tells what a damaged file is and leaves the book alone', async () => {
    const zip = await stage('positions.csv', 'PK\u0003\u0004 not really a zip')
    const shown = await preview(zip.fileId)
    expect(shown.problem).toBe(
      'positions.csv: is a zip archive or an Excel workbook, not CSV text: save or export it as CSV'
    )
    const report = await main.handlers['import:start']({
      files: [{ fileId: zip.fileId, selection: AUTO }],
      merge: 'new'
    })
    expect(report).toEqual({ status: 'failed', message: `positions.csv: ${shown.problem}` })
    expect(await positions()).toBe(20_000)
  })

  it('says a first line longer than the preview reads is no CSV header', async () => {
    const file = await stage('one-line.csv', `${'x'.repeat(100_000)}\nid\n`)
    expect((await preview(file.fileId)).problem).toMatch(
      /first line is longer than 64 KiB with no line break/
    )
  })

  it('refuses a file too big for a book from its size, before reading it', async () => {
    // A 3 GiB file of short lines, sparse on disk: only its head is ever read.
    const path = files.path('huge.csv')
    writeFileSync(path, `id,symbol,side,size,entry_price\n${'p,BTC,long,1,2\n'.repeat(5000)}`)
    truncateSync(path, 3 * 2 ** 30)
    const { registry, books, tasks } = main.services
    const imports = new ImportService({ registry, books, tasks, pickFile: async () => path })
    try {
      const { file } = await imports.pick()
      const shown = await imports.preview(file!.fileId, AUTO)
      expect(shown.problem).toMatch(
        /^huge\.csv: is 3\.0 GiB, about \d+ million rows: more than the 10 million a book holds/
      )
      expect(await imports.start([{ fileId: file!.fileId, selection: AUTO }], 'new')).toMatchObject(
        {
          status: 'failed',
          message: expect.stringContaining('more than the 10 million a book holds')
        }
      )
    } finally {
      await imports.dispose()
    }
  })

  it('cancels a large import with nothing written to the book', async () => {
    const path = files.path('large.csv')
    await writeSyntheticPositionsCsv(path, 200_000, 7)
    const file = await stage('large.csv', readFileSync(path, 'utf8'))
    const running = main.handlers['import:start']({
      files: [{ fileId: file.fileId, selection: { preset: 'canonical', values: [] } }],
      merge: 'append'
    })
    await expect
      .poll(() =>
        main.events.some(
          (e) => e.event === 'app:task' && (e.payload as { kind: string }).kind === 'import'
        )
      )
      .toBe(true)
    const task = main.events.findLast((e) => e.event === 'app:task')!.payload as { id: string }
    expect(await main.handlers['app:cancelTask']({ taskId: task.id })).toEqual({ cancelled: true })
    expect(await running).toEqual({ status: 'cancelled' })
    expect(await positions()).toBe(20_000)
  })

  it('keeps two files of the same name dropped at once apart', async () => {
    const header = 'id,account,venue,symbol,side,size,entry_price,leverage\n'
    await stage('earlier.csv', header)
    const [first, second] = await Promise.all([
      stage('book.csv', `${header}A-1,a,binance,BTCUSDT,long,1,60000,10\n`),
      stage('book.csv', `${header}B-1,b,binance,BTCUSDT,long,1,60000,10\n`)
    ])
    expect(first.fileId).not.toBe(second.fileId)
    expect((await preview(first.fileId)).rows[0].cells[0]).toBe('A-1')
    expect((await preview(second.fileId)).rows[0].cells[0]).toBe('B-1')
  })

  it('merges nothing when the book is edited while the files are read, and says so', async () => {
    const path = files.path('while-editing.csv')
    await writeSyntheticPositionsCsv(path, 100_000, 8)
    const file = await stage('while-editing.csv', readFileSync(path, 'utf8'))
    const before = await positions()
    const tasksBefore = main.events.length
    const running = main.handlers['import:start']({
      files: [{ fileId: file.fileId, selection: { preset: 'canonical', values: [] } }],
      merge: 'append'
    })
    await expect
      .poll(() => main.events.slice(tasksBefore).some((e) => e.event === 'app:task'))
      .toBe(true)
    const query = { sort: [], filters: [], search: '' }
    const [row] = (await main.handlers['book:page']({ query, offset: 0, limit: 1 })).rows
    const edited = await main.handlers['book:edit']({
      id: row.id,
      column: 'size',
      value: String(row.size * 2)
    })
    expect(edited.ok).toBe(true)
    const report = await running
    expect(report.status).toBe('failed')
    expect(report.status === 'failed' && report.message).toMatch(/book changed while the files/)
    expect(await positions()).toBe(before)
    const [after] = (await main.handlers['book:page']({ query, offset: 0, limit: 1 })).rows
    expect(after.size).toBe(row.size * 2)
  })
})

describe('saved presets on disk', () => {
  it('skips a damaged or shadowing file with a message and lists the rest', async () => {
    const dir = files.path('user-presets')
    const { SavedPresets } = await import('../../../src/main/services/savedPresets')
    const store = new SavedPresets(dir)
    expect(await store.list()).toEqual({ presets: [], problems: [] })
    const desk = await store.save(
      'Desk  Export!',
      { target: 'positions', fields: { id: { columns: ['Ticket'] } } },
      ['Ticket', ''],
      'monday.csv'
    )
    expect(desk).toMatchObject({ name: 'desk-export', layouts: [{ columns: ['Ticket'] }] })
    writeFileSync(`${dir}/broken.json`, '{ "name": ')
    writeFileSync(`${dir}/okx.json`, JSON.stringify({ ...desk, name: 'okx' }))
    const listed = await store.list()
    expect(listed.presets.map((preset) => preset.name)).toEqual(['desk-export'])
    expect(listed.problems).toEqual([
      expect.stringMatching(/^saved presets\/broken\.json: is not JSON/),
      'okx.json: "okx" is a built-in preset\'s name; it is ignored'
    ])
    await expect(store.save('!!!', desk.mapping, ['Ticket'], 'x.csv')).rejects.toThrow(
      'has no letters or digits'
    )
  })

  it('never lets one label replace another saved as the same file, nor lists a misnamed file', async () => {
    const dir = files.path('colliding-presets')
    const { SavedPresets } = await import('../../../src/main/services/savedPresets')
    const store = new SavedPresets(dir)
    const mapping = { target: 'positions' as const, fields: { id: { columns: ['Ticket'] } } }
    await store.save('Desk A', mapping, ['Ticket'], 'a.csv')
    await expect(store.save('desk-a!', mapping, ['Ticket'], 'b.csv')).rejects.toThrow(
      '"desk-a!" would replace the saved preset "Desk A"'
    )
    await store.save('Desk A', mapping, ['Ticket', 'Trader'], 'c.csv')
    writeFileSync(`${dir}/renamed.json`, readFileSync(`${dir}/desk-a.json`, 'utf8'))
    const listed = await store.list()
    expect(listed.presets.map((preset) => preset.layouts[0].name)).toEqual(['c.csv'])
    expect(listed.problems).toEqual(['renamed.json: holds a preset named "desk-a"; it is ignored'])
  })
})
