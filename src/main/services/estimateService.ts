import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { appendPosition, createBook } from '../../engine/book/book'
import { checkAssumptions } from '../../engine/estimate/estimateAssumptions'
import { estimateBook, type EstimatedBook } from '../../engine/estimate/estimateBook'
import { EstimateError } from '../../engine/estimate/estimateError'
import type { CandleSeries, OpenInterestSeries } from '../../engine/estimate/marketSeries'
import { ImportFileError } from '../../engine/import/importFileError'
import type { TierRegistry } from '../../engine/margin/tierRegistry'
import type {
  EstimateFile,
  EstimateFileRole,
  EstimatePreview,
  EstimateRequest,
  EstimateStartResult
} from '../../shared/estimateTypes'
import { estimateFieldProblems } from '../../shared/estimateFieldProblems'
import type { BookService } from './bookService'
import { CancelledError } from './cancelledError'
import type { EstimateInputs } from './estimateInputs'
import { readMarketFile, type StagedMarketFile } from './estimateFile'
import { describeAssumptions } from './estimateLabel'
import { LiveBook } from './liveBook'
import { marketPricesFor } from './marketPrices'
import type { TaskRunner } from './taskRunner'
import { yieldToEventLoop } from './yieldToEventLoop'

/** Inferring and building the book is quick; solving its liquidation prices takes the rest. */
const INFER_SHARE = 0.3

export interface EstimateServiceOptions {
  registry: TierRegistry
  books: BookService
  tasks: TaskRunner
  /** The platform's open-file dialog; absent where there is none (the browser harness). */
  pickFile?: () => Promise<string | null>
}

const fileStem = (name: string): string => name.replace(/\.[^.]+$/, '')

/**
 * Estimated books for users without position data: a candles file and an open interest file
 * are staged (a path from the native dialog, or text from the browser written to a temporary
 * file), read once, previewed under editable assumptions, and made the cockpit's book.
 */
export class EstimateService {
  private readonly staged = new Map<string, StagedMarketFile>()
  private nextFile = 1
  /** Created on the first staged text; a promise, so two drops at once share it. */
  private tempDir: Promise<string> | null = null

  constructor(private readonly options: EstimateServiceOptions) {}

  async pick(role: EstimateFileRole): Promise<{ file: EstimateFile | null }> {
    const path = this.options.pickFile ? await this.options.pickFile() : null
    if (path === null) return { file: null }
    const { size } = await stat(path)
    const fileId = `market-${this.nextFile++}`
    return {
      file: await this.stage({ fileId, role, name: basename(path), path, bytes: size }, false)
    }
  }

  async stageText(role: EstimateFileRole, name: string, text: string): Promise<EstimateFile> {
    // Numbered before any await, so two drops of one name never share a temporary copy.
    const fileId = `market-${this.nextFile++}`
    this.tempDir ??= mkdtemp(join(tmpdir(), 'cascade-cockpit-estimate-'))
    const path = join(await this.tempDir, `${fileId}-${basename(name).replace(/[^\w.-]/g, '_')}`)
    await writeFile(path, text, 'utf8')
    const { size } = await stat(path)
    return this.stage({ fileId, role, name: basename(name), path, bytes: size }, true)
  }

  /** What the inference makes of the files under the assumptions; nothing is replaced. */
  preview(request: EstimateRequest): EstimatePreview {
    const inferred = this.infer(request)
    if ('problem' in inferred) return inferred.problem
    const { rows, summary } = inferred.estimated
    let longNotional = 0
    let shortNotional = 0
    for (const row of rows) {
      if (row.side === 1) longNotional += row.size * row.entryPrice
      else shortNotional += row.size * row.entryPrice
    }
    const close = inferred.inputs.candles.close
    return {
      status: 'ok',
      summary,
      positions: rows.length,
      longNotional,
      shortNotional,
      markPrice: close[close.length - 1]
    }
  }

  /** Replaces the cockpit's book with the estimate, as a task the user can follow and cancel. */
  async start(request: EstimateRequest): Promise<EstimateStartResult> {
    const inferred = this.infer(request)
    if ('problem' in inferred) return { status: 'failed', message: inferred.problem.message }
    const { inputs, estimated } = inferred
    const { books, tasks, registry } = this.options
    const name = `${fileStem(inputs.candlesName)} + ${fileStem(inputs.openInterestName)}`
    const result = await tasks.run('import', `Estimate a book from ${name}`, async (task) => {
      const { signal, report } = task
      const book = createBook(estimated.rows.length)
      for (const row of estimated.rows) appendPosition(book, row)
      report(INFER_SHARE, `${estimated.rows.length.toLocaleString('en-US')} positions inferred`)
      await yieldToEventLoop()
      if (signal.aborted) throw new CancelledError()
      const current = books.current
      const live = await LiveBook.open(book, registry, marketPricesFor(book, current.live.prices), {
        signal,
        onProgress: (fraction) =>
          report(INFER_SHARE + (1 - INFER_SHARE) * fraction, 'solving liquidation prices')
      })
      books.replace(
        {
          name,
          description: `estimated from price candles and open interest: ${describeAssumptions(inputs.assumptions)}`,
          source: `${inputs.candlesName}, ${inputs.openInterestName}`,
          live,
          lending: [],
          impact: current.impact,
          estimate: inputs
        },
        'import'
      )
      return book.length
    })
    if (result.status !== 'done') return result
    return { status: 'done', positions: result.value, workspaceName: name }
  }

  async dispose(): Promise<void> {
    this.staged.clear()
    if (this.tempDir) await rm(await this.tempDir, { recursive: true, force: true })
    this.tempDir = null
  }

  private async stage(
    file: Parameters<typeof readMarketFile>[0],
    temporary: boolean
  ): Promise<EstimateFile> {
    // One file per role: a newly chosen candles file replaces the one before.
    for (const [id, earlier] of this.staged)
      if (earlier.info.role === file.role) {
        this.staged.delete(id)
        if (earlier.temporary) await rm(earlier.path, { force: true })
      }
    const staged = readMarketFile(file, temporary)
    this.staged.set(file.fileId, staged)
    return staged.info
  }

  private series<T extends CandleSeries | OpenInterestSeries>(
    fileId: string,
    role: EstimateFileRole
  ): { series: T; name: string } {
    const file = this.staged.get(fileId)
    const what = role === 'candles' ? 'candles' : 'open interest'
    if (!file || file.info.role !== role)
      throw new ImportFileError(`the ${what} file is no longer staged: choose it again`)
    if (!file.series) throw new ImportFileError(`${file.info.name}: ${file.info.problem}`)
    return { series: file.series as T, name: file.info.name }
  }

  private infer(
    request: EstimateRequest
  ):
    | { inputs: EstimateInputs; estimated: EstimatedBook }
    | { problem: Extract<EstimatePreview, { status: 'problem' }> } {
    const problem = (
      field: 'candles' | 'openInterest' | 'assumptions' | 'overlap',
      message: string
    ) => ({
      problem: { status: 'problem' as const, field, message }
    })
    let candles: { series: CandleSeries; name: string }
    let openInterest: { series: OpenInterestSeries; name: string }
    try {
      candles = this.series<CandleSeries>(request.candles, 'candles')
    } catch (error) {
      if (error instanceof ImportFileError) return problem('candles', error.message)
      throw error
    }
    try {
      openInterest = this.series<OpenInterestSeries>(request.openInterest, 'openInterest')
    } catch (error) {
      if (error instanceof ImportFileError) return problem('openInterest', error.message)
      throw error
    }
    try {
      checkAssumptions(request.assumptions)
    } catch (error) {
      if (error instanceof EstimateError) return problem('assumptions', error.message)
      throw error
    }
    // What the engine allows but the book cannot hold, such as one leverage twice (one id twice).
    const [left] = Object.values(estimateFieldProblems(request.assumptions))
    if (left !== undefined) return problem('assumptions', left)
    const inputs: EstimateInputs = {
      candles: candles.series,
      openInterest: openInterest.series,
      assumptions: request.assumptions,
      candlesName: candles.name,
      openInterestName: openInterest.name
    }
    try {
      return {
        inputs,
        estimated: estimateBook(inputs.candles, inputs.openInterest, inputs.assumptions)
      }
    } catch (error) {
      if (error instanceof EstimateError) return problem('overlap', error.message)
      throw error
    }
  }
}
