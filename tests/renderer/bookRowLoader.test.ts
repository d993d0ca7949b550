import type { IGetRowsParams } from 'ag-grid-community'
import { describe, expect, it, vi } from 'vitest'
import { EMPTY_QUERY, type BookQuery } from '../../src/shared/bookQuery'
import type { BookRow } from '../../src/shared/bookRow'
import type { BookPage } from '../../src/shared/contract'
import { BookRowLoader, type RowSpan } from '../../src/renderer/src/grid/bookRowLoader'

const TOTAL = 20_000

/** Stand-in rows: only the id matters here, and it tells the row's place in the book. */
const rowsFrom = (offset: number, limit: number): BookRow[] =>
  Array.from(
    { length: Math.min(limit, TOTAL - offset) },
    (_, k) => ({ id: `P${offset + k}` }) as BookRow
  )

interface Asked {
  params: IGetRowsParams<BookRow>
  answers: string[]
}

/** A block request as the grid makes it, recording the order it is answered in. */
function block(startRow: number, endRow: number, order: string[], query = EMPTY_QUERY): Asked {
  const asked: Asked = {
    answers: [],
    params: {
      startRow,
      endRow,
      sortModel: [],
      filterModel: { query },
      successCallback: (rows: BookRow[], total?: number) => {
        order.push(`${startRow}`)
        asked.answers.push(`${rows[0]?.id}..${rows.at(-1)?.id} of ${total}`)
      },
      failCallback: () => {
        order.push(`${startRow} failed`)
        asked.answers.push('failed')
      }
    } as unknown as IGetRowsParams<BookRow>
  }
  return asked
}

function loaderWith(shown: RowSpan | null, fail: (offset: number) => boolean = () => false) {
  const pages: { offset: number; limit: number }[] = []
  const onAnswered = vi.fn()
  const onError = vi.fn()
  const loader = new BookRowLoader({
    fetchPage: async (_query: BookQuery, offset: number, limit: number): Promise<BookPage> => {
      pages.push({ offset, limit })
      if (fail(offset)) throw new Error(`page at ${offset} lost`)
      return { rows: rowsFrom(offset, limit), total: TOTAL, version: 1 }
    },
    queryOf: (params) => (params.filterModel as { query: BookQuery }).query,
    displayedRows: () => shown,
    onAnswered,
    onError
  })
  return { loader, pages, onAnswered, onError }
}

const answered = (): Promise<void> => new Promise((done) => setTimeout(done, 5))

describe('BookRowLoader', () => {
  it('reads blocks asked for together in one page, the block most on screen answered first', async () => {
    const { loader, pages, onAnswered } = loaderWith({ first: 9996, last: 10034 })
    const order: string[] = []
    const above = block(9800, 10000, order)
    const below = block(10000, 10200, order)
    loader.datasource.getRows(above.params)
    loader.datasource.getRows(below.params)
    await answered()
    expect(pages).toEqual([{ offset: 9800, limit: 400 }])
    expect(order).toEqual(['10000', '9800'])
    expect(above.answers).toEqual(['P9800..P9999 of 20000'])
    expect(below.answers).toEqual(['P10000..P10199 of 20000'])
    expect(onAnswered).toHaveBeenCalledTimes(1)
  })

  it('reads blocks apart, under other queries, or past the page limit in pages of their own', async () => {
    const { loader, pages } = loaderWith(null)
    const order: string[] = []
    const sorted: BookQuery = { ...EMPTY_QUERY, sort: [{ column: 'size', direction: 'desc' }] }
    for (let start = 0; start < 2200; start += 200)
      loader.datasource.getRows(block(start, start + 200, order).params)
    loader.datasource.getRows(block(5000, 5200, order).params)
    loader.datasource.getRows(block(5200, 5400, order, sorted).params)
    await answered()
    expect(pages).toEqual([
      { offset: 0, limit: 2000 },
      { offset: 2000, limit: 200 },
      { offset: 5000, limit: 200 },
      { offset: 5200, limit: 200 }
    ])
    expect(order).toHaveLength(13)
  })

  it('fails only the blocks of a lost page, and says so once', async () => {
    const { loader, onError, onAnswered } = loaderWith(null, (offset) => offset === 4000)
    const order: string[] = []
    const kept = block(0, 200, order)
    const lost = [block(4000, 4200, order), block(4200, 4400, order)]
    for (const asked of [kept, ...lost]) loader.datasource.getRows(asked.params)
    await answered()
    expect(kept.answers).toEqual(['P0..P199 of 20000'])
    expect(lost.map((asked) => asked.answers)).toEqual([['failed'], ['failed']])
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0][0]).toEqual(new Error('page at 4000 lost'))
    expect(onAnswered).toHaveBeenCalledTimes(1)
  })

  it('answers blocks asked for later on their own', async () => {
    const { loader, pages } = loaderWith(null)
    const order: string[] = []
    loader.datasource.getRows(block(0, 200, order).params)
    await answered()
    loader.datasource.getRows(block(200, 400, order).params)
    await answered()
    expect(pages).toEqual([
      { offset: 0, limit: 200 },
      { offset: 200, limit: 200 }
    ])
    expect(order).toEqual(['0', '200'])
  })
})

describe('BookRowLoader prefetching', () => {
  it("answers the grid's request from a page read before it asked, without reading it again", async () => {
    const { loader, pages } = loaderWith({ first: 10000, last: 10040 })
    const order: string[] = []
    loader.prefetch(EMPTY_QUERY, 10000, 200)
    expect(pages).toEqual([{ offset: 10000, limit: 200 }])
    const asked = block(10000, 10200, order)
    loader.datasource.getRows(asked.params)
    await answered()
    expect(pages).toEqual([{ offset: 10000, limit: 200 }])
    expect(asked.answers).toEqual(['P10000..P10199 of 20000'])
  })

  it('reads again when the grid asks for another page or under another query', async () => {
    const { loader, pages } = loaderWith(null)
    const order: string[] = []
    loader.prefetch(EMPTY_QUERY, 10000, 200)
    const other = { ...EMPTY_QUERY, search: 'BTC' }
    loader.datasource.getRows(block(10000, 10200, order, other).params)
    await answered()
    expect(pages).toEqual([
      { offset: 10000, limit: 200 },
      { offset: 10000, limit: 200 }
    ])
    // The unused read is dropped: a later request reads afresh.
    loader.datasource.getRows(block(10000, 10200, order).params)
    await answered()
    expect(pages).toHaveLength(3)
  })
})
