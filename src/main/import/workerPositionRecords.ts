import { stat } from 'node:fs/promises'
import { siblingScript, startWorker } from '../simulation/startWorker'
import type { CsvRecord, CsvRecordReader, ReadPosition } from './csvRecord'
import { ImportCancelledError } from './importCancelledError'
import { NotPlainCsv } from './notPlainCsv'
import { PositionBatchReader, type PositionBatch } from './positionBatch'
import { NOT_PLAIN, type BatchJob, type FromBatchWorker } from './positionBatchMessages'
import type { CsvStreamOptions } from './streamCsvRecords'

/** Below this a worker's start costs more than it saves: such files are read on main. */
const WORKER_FROM_BYTES = 8 * 1024 * 1024
/** The worker's script, compiled (.js) in the app and the bundled CLI, TypeScript from source. */
const WORKER_SCRIPT = siblingScript(import.meta.url, 'positionBatchWorker')
/**
 * From source (tests, `tsx`), a worker compiles its own TypeScript as it starts, which costs more
 * than it saves: such runs read on main unless told otherwise.
 */
export const DEFAULT_WORKER_FROM_BYTES = WORKER_SCRIPT.pathname.endsWith('.ts')
  ? Infinity
  : WORKER_FROM_BYTES
/** Records per batch: a few tens of milliseconds of main's work, so its event loop keeps turning. */
const BATCH_ROWS = 32_768

/** A read record's fields: one shared empty list, not a new one for each of a million records. */
const NO_FIELDS: readonly string[] = []

/** One record of a batch, handed to the import loop. */
class BatchRecord implements CsvRecord {
  line = 0
  bytesRead = 0
  mayHoldInvalidText = false
  readonly plain = null
  read: ReadPosition | null = null
  private text: readonly string[] = []

  constructor(private readonly position: ReadPosition) {}

  fields(): readonly string[] {
    if (this.read !== null) throw new Error('a record the worker read as a position has no fields')
    return this.text
  }

  /** A record the worker read as position `index` of the reader's batch. */
  setRead(line: number, bytesRead: number, index: number): void {
    this.set(line, bytesRead, this.position, NO_FIELDS)
    this.position.index = index
  }

  /** A record the worker left unread: its text. */
  setUnread(line: number, bytesRead: number, text: readonly string[]): void {
    this.set(line, bytesRead, null, text)
  }

  private set(
    line: number,
    bytesRead: number,
    read: ReadPosition | null,
    text: readonly string[]
  ): void {
    this.line = line
    this.bytesRead = bytesRead
    this.read = read
    this.text = text
    // Records the worker left unread may be anything, so the damage check reads them.
    this.mayHoldInvalidText = read === null
  }
}

/**
 * Reads a canonical positions file on a worker thread (positionBatchWorker) and hands its records
 * to the import loop as positions already read: the records' text never crosses to main. Only a
 * sink that takes read positions can use it (`RecordSink.takeRead`); a file smaller than `fromBytes`, or one
 * the worker hands back, rejects with NotPlainCsv so the import reads it on main instead.
 */
export function workerPositionRecords(
  fromBytes = DEFAULT_WORKER_FROM_BYTES
): (path: string, options: CsvStreamOptions, onRecord: CsvRecordReader) => Promise<number> {
  return async (path, { delimiter, signal }, onRecord) => {
    if (signal?.aborted) throw new ImportCancelledError()
    const { size } = await stat(path)
    if (size < fromBytes) throw new NotPlainCsv()
    const worker = startWorker(WORKER_SCRIPT)
    const reader = new PositionBatchReader()
    const record = new BatchRecord({ positions: reader, index: 0 })
    const deliver = (batch: PositionBatch): void => {
      reader.begin(batch)
      for (let k = 0; k < batch.count; k++) {
        const unread = reader.unreadFields(k)
        if (unread) record.setUnread(batch.lines[k], batch.bytesRead, unread)
        else record.setRead(batch.lines[k], batch.bytesRead, k)
        onRecord(record)
      }
    }
    try {
      return await new Promise<number>((resolve, reject) => {
        let settled = false
        const settle = (outcome: () => void): void => {
          if (settled) return
          settled = true
          signal?.removeEventListener('abort', onAbort)
          outcome()
        }
        const fail = (error: unknown): void => settle(() => reject(error))
        const onAbort = (): void => fail(new ImportCancelledError())
        signal?.addEventListener('abort', onAbort)
        // An abort while the file's size was read came before the listener.
        if (signal?.aborted) onAbort()
        /** The worker could not do its job: main reads the file, and says why it had to. */
        const handBack = (reason: string): void => {
          if (!settled) console.warn(`import of ${path}: read on the main thread (${reason})`)
          fail(new NotPlainCsv())
        }
        worker.on('error', (error) => handBack(`the import worker failed: ${error.message}`))
        worker.on('exit', (code) => handBack(`the import worker stopped with code ${code}`))
        worker.on('message', (message: FromBatchWorker) => {
          // Batches already on their way when the import stopped are dropped.
          if (settled) return
          try {
            if (message.kind === 'header') {
              record.setUnread(message.line, 0, message.fields)
              onRecord(record)
            } else if (message.kind === 'batch') deliver(message.batch)
            else if (message.kind === 'done') settle(() => resolve(message.bytesRead))
            else if (message.reason === NOT_PLAIN) fail(new NotPlainCsv())
            else handBack(message.reason)
          } catch (error) {
            fail(error)
          }
        })
        worker.postMessage({ path, delimiter, batchRows: BATCH_ROWS } satisfies BatchJob)
      })
    } finally {
      await worker.terminate()
    }
  }
}
