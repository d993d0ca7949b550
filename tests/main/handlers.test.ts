import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/dispatch'
import { EMPTY_QUERY } from '../../src/shared/bookQuery'
import { API_METHODS } from '../../src/shared/channels'
import { invokeRequestSchemas } from '../../src/shared/contract'
import { fixture } from './import/importTestFiles'
import { bootMain, type Booted } from './serviceFixture'

let main: Booted

beforeAll(async () => {
  main = await bootMain()
})
afterAll(() => main.services.dispose())

const btcFall = { kind: 'book' } as const

describe('main-process handler table', () => {
  it('answers app:info with the app and engine versions', async () => {
    const info = await main.handlers['app:info'](undefined)
    expect(info).toEqual({
      name: 'Cascade Cockpit',
      version: '9.9.9',
      engineVersion: expect.any(String),
      nativeFileDialog: false
    })
  })

  it('has one handler, one schema and one preload name per channel', () => {
    const channels = Object.keys(invokeRequestSchemas).sort()
    expect(Object.keys(main.handlers).sort()).toEqual(channels)
    expect(Object.values(API_METHODS).sort()).toEqual(channels)
    for (const channel of channels) expect(channel).toMatch(/^(app|book|import|sim|heatmap):/)
  })

  it('refuses payloads that do not match the schema, naming the field', async () => {
    await expect(dispatch(main.handlers, 'app:info', { sneaky: true })).rejects.toThrow(
      'app:info: invalid request'
    )
    await expect(
      dispatch(main.handlers, 'book:page', { query: EMPTY_QUERY, offset: -1, limit: 10 })
    ).rejects.toThrow(/offset/)
    await expect(
      dispatch(main.handlers, 'sim:run', { underlying: 'BTC', shock: -2, impact: btcFall })
    ).rejects.toThrow(/shock/)
  })

  it('opens on the built-in sample workspace with its markets priced', async () => {
    const workspace = await main.handlers['app:workspace'](undefined)
    expect(workspace.positions).toBe(20_000)
    expect(workspace.lendingPositions).toBeGreaterThan(0)
    expect(workspace.markets[0]).toMatchObject({ underlying: 'BTC', price: 61_800 })
    expect(workspace.markets[0].impact.kind).toBe('book')
    expect(workspace.markets.map((m) => m.underlying).sort()).toEqual(['BTC', 'ETH', 'LTC', 'SOL'])
  })

  it('pages the book with computed columns, sorted and filtered in main', async () => {
    const page = await main.handlers['book:page']({
      query: {
        sort: [{ column: 'liquidationPrice', direction: 'desc' }],
        filters: [
          {
            column: 'venue',
            join: 'and',
            conditions: [{ type: 'text', op: 'equals', value: 'binance' }]
          }
        ],
        search: 'btc'
      },
      offset: 0,
      limit: 50
    })
    expect(page.total).toBeGreaterThan(1000)
    expect(page.total).toBeLessThan(20_000)
    expect(page.rows).toHaveLength(50)
    for (const row of page.rows) {
      expect(row.venue).toBe('binance')
      expect(row.symbol).toMatch(/BTC/)
    }
    const prices = page.rows.map((row) => row.liquidationPrice ?? -Infinity)
    expect(prices).toEqual([...prices].sort((a, b) => b - a))
    const last = await main.handlers['book:page']({
      query: EMPTY_QUERY,
      offset: 19_990,
      limit: 100
    })
    expect(last.rows).toHaveLength(10)
  })

  it('summarises the book by venue, symbol and side', async () => {
    const summary = await main.handlers['book:summary'](undefined)
    expect(summary.positions).toBe(20_000)
    expect(summary.byVenue.map((v) => v.key)).toContain('hyperliquid')
    const bySide = summary.bySide.reduce((sum, side) => sum + side.positions, 0)
    expect(bySide).toBe(20_000)
    expect(summary.longNotional).toBeGreaterThan(summary.shortNotional)
    expect(summary.distance.long.reduce((a, b) => a + b, 0)).toBeGreaterThan(0)
    expect(summary.lending.debtValue).toBeGreaterThan(0)
  })

  it('bins liquidations in typed arrays that account for every BTC position', async () => {
    const bins = await main.handlers['heatmap:bins']({
      underlying: 'BTC',
      binCount: 120,
      span: 0.5,
      breakdown: 'side'
    })
    expect(bins.edges).toBeInstanceOf(Float64Array)
    expect(bins.longCount).toBeInstanceOf(Uint32Array)
    expect(bins.edges).toHaveLength(121)
    const counted =
      bins.longCount.reduce((a, b) => a + b, 0) +
      bins.shortCount.reduce((a, b) => a + b, 0) +
      bins.below.count +
      bins.above.count
    expect(counted).toBeGreaterThan(5_000)
  })

  it('runs the same cascade as the CLI, with rounds, headline numbers and lending', async () => {
    const result = await main.handlers['sim:run']({
      underlying: 'BTC',
      shock: -0.08,
      impact: btcFall
    })
    expect(result.summary.finalPrice).toBeCloseTo(56_197.46, 1)
    expect(result.summary.amplification).toBeCloseTo(1.133, 3)
    expect(result.rounds.length).toBe(result.summary.roundCount)
    expect(result.long.count).toBe(3_542)
    expect(result.short.count).toBe(0)
    expect(result.shortfall).toBeGreaterThan(0)
    expect(result.lending.liquidatedCount).toBe(3)
  })

  it('explains a model the workspace cannot run', async () => {
    await expect(
      main.handlers['sim:run']({ underlying: 'ETH', shock: -0.05, impact: { kind: 'book' } })
    ).rejects.toThrow('no order-book snapshot for ETH')
  })

  it('sweeps shocks into an amplification curve with a critical shock', async () => {
    const sweep = await main.handlers['sim:sweep']({
      underlying: 'BTC',
      impact: { kind: 'linear', depthPerPercent: 5e6 },
      direction: 'fall',
      reach: 0.3,
      step: 0.01,
      threshold: { kind: 'endogenous-move', value: 0.02 }
    })
    expect(sweep.points).toHaveLength(31)
    expect(sweep.points[10].shock).toBeCloseTo(-0.1)
    expect(sweep.critical).not.toBeNull()
    expect(sweep.critical!.shock).toBeLessThan(0)
    const gain = await main.handlers['sim:gain']({
      underlying: 'BTC',
      impact: { kind: 'linear', depthPerPercent: 5e6 },
      span: 0.3,
      step: 0.005
    })
    expect(gain.fall.gains).toHaveLength(60)
    expect(gain.fall.runawayZones.length).toBeGreaterThan(0)
  })
})

describe('book edits', () => {
  let edits: Booted
  beforeAll(async () => {
    edits = await bootMain()
  })
  afterAll(() => edits.services.dispose())

  const firstRow = async () =>
    (await edits.handlers['book:page']({ query: EMPTY_QUERY, offset: 0, limit: 1 })).rows[0]

  it('moves the liquidation price with the entry price, and undoes and redoes it', async () => {
    const before = await firstRow()
    const raised = before.entryPrice * 1.1
    const result = await edits.handlers['book:edit']({
      id: before.id,
      column: 'entryPrice',
      value: String(raised)
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.row.entryPrice).toBe(raised)
    expect(result.row.liquidationPrice).not.toBe(before.liquidationPrice)
    const change = edits.events.findLast((e) => e.event === 'book:changed')
    expect(change?.payload).toMatchObject({ reason: 'edit', history: { canUndo: true } })

    expect((await edits.handlers['book:undo'](undefined)).applied).toMatch(/entryPrice/)
    expect(await firstRow()).toEqual(before)
    await edits.handlers['book:redo'](undefined)
    expect((await firstRow()).entryPrice).toBe(raised)
  })

  it('refuses a bad cell with the importer’s message and leaves the book alone', async () => {
    const before = await firstRow()
    const bad = await edits.handlers['book:edit']({ id: before.id, column: 'size', value: '-3' })
    expect(bad).toEqual({
      ok: false,
      column: 'size',
      message: 'size must be greater than 0, got "-3"'
    })
    const word = await edits.handlers['book:edit']({ id: before.id, column: 'side', value: 'up' })
    expect(word.ok || word.message).toMatch(/side must be one of long, short/)
    expect(await firstRow()).toEqual(before)
  })

  it('re-derives an isolated margin from a new leverage', async () => {
    const before = await firstRow()
    const result = await edits.handlers['book:edit']({
      id: before.id,
      column: 'leverage',
      value: '50x'
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.row.leverage).toBe(50)
    expect(result.row.margin).toBeCloseTo((before.size * before.entryPrice) / 50)
  })

  it('adds and deletes positions, undoably', async () => {
    const { row } = await edits.handlers['book:add'](undefined)
    expect(row.liquidationPrice).toBeGreaterThan(0)
    const located = await edits.handlers['book:locate']({ query: EMPTY_QUERY, id: row.id })
    expect(located.index).toBe(20_000)
    expect((await edits.handlers['book:delete']({ ids: [row.id] })).deleted).toBe(1)
    expect((await edits.handlers['book:locate']({ query: EMPTY_QUERY, id: row.id })).index).toBe(
      null
    )
    await edits.handlers['book:undo'](undefined)
    expect(
      (await edits.handlers['book:locate']({ query: EMPTY_QUERY, id: row.id })).index
    ).not.toBe(null)
  })

  it('undoes a deletion with every row back in its place', async () => {
    const first = await edits.handlers['book:page']({ query: EMPTY_QUERY, offset: 0, limit: 50 })
    const ids = first.rows.map((row) => row.id)
    await edits.handlers['book:delete']({ ids: [ids[3], ids[0], ids[41]] })
    const after = await edits.handlers['book:page']({ query: EMPTY_QUERY, offset: 0, limit: 47 })
    expect(after.rows[0].id).toBe(ids[1])
    await edits.handlers['book:undo'](undefined)
    const restored = await edits.handlers['book:page']({ query: EMPTY_QUERY, offset: 0, limit: 50 })
    expect(restored.rows).toEqual(first.rows)
  })
})

describe('import service', () => {
  let session: Booted
  beforeAll(async () => {
    session = await bootMain()
  })
  afterAll(() => session.services.dispose())

  it('previews, imports a file with bad rows, and exports the rejected rows as safe CSV', async () => {
    const text = readFileSync(fixture('positions-bad-rows.csv'), 'utf8')
    const file = await session.handlers['import:stage']({ name: 'bad rows.csv', text })
    const selection = { preset: 'auto', values: [] }
    const preview = await session.handlers['import:preview']({ fileId: file.fileId, selection })
    expect(preview.problem).toBeNull()
    expect(preview.preset).toBe('canonical')
    expect(preview.rows[0].error).toBeNull()
    expect(preview.rows[1].error?.column).toBe('id')

    const report = await session.handlers['import:start']({
      files: [{ fileId: file.fileId, selection: { preset: preview.preset, values: [] } }],
      merge: 'new'
    })
    expect(report).toMatchObject({ status: 'imported', read: 23, imported: 2, rejected: 21 })
    const workspace = await session.handlers['app:workspace'](undefined)
    expect(workspace).toMatchObject({ name: 'bad rows', positions: 2, lendingPositions: 0 })
    expect(workspace.markets[0]).toMatchObject({ underlying: 'BTC', price: 61_800 })
    const tasks = session.events.filter((e) => e.event === 'app:task').map((e) => e.payload)
    expect(tasks.at(-1)).toMatchObject({ kind: 'import', state: 'done' })

    const { csv, fileName } = await session.handlers['import:rejectedCsv'](undefined)
    expect(fileName).toBe('bad rows-rejected-rows.csv')
    const lines = csv.trim().split('\r\n')
    expect(lines[0]).toBe('file,line,column,reason')
    expect(lines).toHaveLength(22)
    expect(lines[1]).toMatch(/^bad rows\.csv,3,id,id is required$/)
  })

  it('reports a file-level problem in the preview, named as the user knows the file', async () => {
    const file = await session.handlers['import:stage']({
      name: 'notes.csv',
      text: 'hello,world\n1,2\n'
    })
    const preview = await session.handlers['import:preview']({
      fileId: file.fileId,
      selection: { preset: 'auto', values: [] }
    })
    expect(preview.problem).toMatch(/the header names none of the mapped columns/)
    expect(preview.detection?.explanation).toMatch(/^no preset matches this header/)
    expect(preview.problem).not.toContain('cascade-cockpit-import')
  })

  it('cancels a long sample load and keeps the book it had', async () => {
    const before = await session.handlers['app:workspace'](undefined)
    const loading = session.handlers['book:openSample']({ rows: 400_000 })
    const running = session.events.findLast((e) => e.event === 'app:task')!.payload
    expect(running).toMatchObject({ kind: 'sample', state: 'running' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(
      await session.handlers['app:cancelTask']({ taskId: (running as { id: string }).id })
    ).toEqual({
      cancelled: true
    })
    expect(await loading).toEqual({ status: 'cancelled' })
    expect((await session.handlers['app:workspace'](undefined)).positions).toBe(before.positions)
  })
})
