import type { IDatasource, IGetRowsParams } from 'ag-grid-community'
import type { BookQuery } from '../../../shared/bookQuery'
import type { BookRow } from '../../../shared/bookRow'
import type { BookPage } from '../../../shared/contract'

/** The most rows main hands out in one page (the contract's limit). */
const MAX_PAGE_ROWS = 2000

const pageKey = (queryKey: string, offset: number, limit: number): string =>
  `${offset}+${limit} ${queryKey}`

/** Row indices from `first` to `last`, both included. */
export interface RowSpan {
  first: number
  last: number
}

export interface BookRowLoaderOptions {
  fetchPage: (query: BookQuery, offset: number, limit: number) => Promise<BookPage>
  queryOf: (params: IGetRowsParams<BookRow>) => BookQuery
  /** The rows on screen, so the block covering most of them is handed to the grid first. */
  displayedRows: () => RowSpan | null
  /** Called once the grid has been handed the blocks it asked for together. */
  onAnswered: () => void
  onError: (error: unknown) => void
}

interface Run {
  query: BookQuery
  key: string
  blocks: IGetRowsParams<BookRow>[]
}

const overlap = (params: IGetRowsParams<BookRow>, span: RowSpan | null): number =>
  span === null
    ? 0
    : Math.max(
        0,
        Math.min(params.endRow - 1, span.last) - Math.max(params.startRow, span.first) + 1
      )

/**
 * The grid's datasource. AG Grid's infinite row model asks for each block of rows on its own,
 * and draws every row of a block still loading again whenever any other block arrives: where
 * two blocks meet on screen, it drew those rows three times and asked main twice. Here the
 * blocks the grid asks for together are read in one page and handed back in one task, the
 * block with most rows on screen first, so the others are drawn once.
 */
export class BookRowLoader {
  readonly datasource: IDatasource = { getRows: (params) => this.request(params) }
  private waiting: IGetRowsParams<BookRow>[] = []
  /** Pages read before the grid asked for them, by query, offset and size. */
  private prefetched = new Map<string, Promise<BookPage>>()

  constructor(private readonly options: BookRowLoaderOptions) {}

  /**
   * Starts reading a page the grid is about to ask for: a held scroll waits on it, and the grid
   * asks only once its own timers have run. The grid's request for that page then takes this read.
   */
  prefetch(query: BookQuery, offset: number, limit: number): void {
    const key = pageKey(JSON.stringify(query), offset, limit)
    if (this.prefetched.has(key)) return
    const page = this.options.fetchPage(query, offset, limit)
    // A read the grid never asks for is dropped; its failure is nobody's to report.
    page.catch(() => undefined)
    this.prefetched.set(key, page)
  }

  private request(params: IGetRowsParams<BookRow>): void {
    // The grid asks for each block in a timer of its own, set one after the other: answer
    // once the last of them has asked.
    if (this.waiting.length === 0) setTimeout(() => void this.answerWaiting(), 0)
    this.waiting.push(params)
  }

  private async answerWaiting(): Promise<void> {
    const asked = this.waiting
    this.waiting = []
    const prefetched = this.prefetched
    this.prefetched = new Map()
    const answers = await Promise.all(
      this.runsOf(asked).map(async ({ query, key, blocks }) => {
        const offset = blocks[0].startRow
        const end = blocks[blocks.length - 1].endRow
        try {
          const page = await (prefetched.get(pageKey(key, offset, end - offset)) ??
            this.options.fetchPage(query, offset, end - offset))
          return blocks.map((params) => ({ params, offset, page, error: null }))
        } catch (error) {
          return blocks.map((params) => ({ params, offset, page: null, error }))
        }
      })
    )
    const shown = this.options.displayedRows()
    const byRowsShown = answers
      .flat()
      .sort((a, b) => overlap(b.params, shown) - overlap(a.params, shown))
    let failure: unknown = null
    for (const { params, offset, page, error } of byRowsShown) {
      if (page === null) {
        failure = error
        params.failCallback()
        continue
      }
      const from = params.startRow - offset
      params.successCallback(
        page.rows.slice(from, from + params.endRow - params.startRow),
        page.total
      )
    }
    if (failure !== null) this.options.onError(failure)
    this.options.onAnswered()
  }

  /** The blocks asked for, as runs of adjacent blocks under one query: one page each. */
  private runsOf(asked: IGetRowsParams<BookRow>[]): Run[] {
    const runs: Run[] = []
    for (const params of [...asked].sort((a, b) => a.startRow - b.startRow)) {
      const query = this.options.queryOf(params)
      const key = JSON.stringify(query)
      const run = runs.at(-1)
      const joins =
        run !== undefined &&
        run.key === key &&
        run.blocks[run.blocks.length - 1].endRow === params.startRow &&
        params.endRow - run.blocks[0].startRow <= MAX_PAGE_ROWS
      if (joins) run.blocks.push(params)
      else runs.push({ query, key, blocks: [params] })
    }
    return runs
  }
}
