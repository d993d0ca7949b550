import { parentPort } from 'node:worker_threads'
import { resolveHeader, type PositionHeader } from '../../engine/import/positionColumns'
import { NotPlainCsv } from './notPlainCsv'
import { plainCsvRecords } from './plainCsvRecords'
import { PositionBatchBuilder, transferablesOf } from './positionBatch'
import { NOT_PLAIN, type BatchJob, type FromBatchWorker } from './positionBatchMessages'
import {
  createPlainPositionReader,
  positionNameBytes,
  type PlainPositionReader
} from './plainPositionReader'

/**
 * Reads a canonical positions file on a worker thread, by the plain reader, and posts its records
 * to the main thread in batches while it reads on: main assembles the book from one batch while
 * the next is read, so a large import uses both cores and main's event loop stays free. A file
 * the plain reader cannot read, or whose header has columns the batches do not carry, is handed
 * back (`notPlain`) for main to read itself.
 */
const port = parentPort
if (!port) throw new Error('positionBatchWorker runs as a worker thread')

const post = (message: FromBatchWorker, transfer: ArrayBuffer[] = []): void =>
  port.postMessage(message, transfer)

async function read({ path, delimiter, batchRows }: BatchJob): Promise<void> {
  const builder = new PositionBatchBuilder(batchRows)
  let readPosition: PlainPositionReader | null = null
  let resolved: PositionHeader | null = null
  const names = new Int32Array(4)
  const bytesRead = await plainCsvRecords(path, { delimiter }, (record) => {
    if (readPosition === null) {
      const header = resolveHeader(record.fields())
      if (header.extra.length > 0) throw new NotPlainCsv()
      readPosition = createPlainPositionReader(header)
      resolved = header
      post({ kind: 'header', fields: [...record.fields()], line: record.line })
      return
    }
    const position = readPosition(record.plain!, builder.numbers, builder.numbersAt)
    if (position)
      builder.addRead(
        position,
        record.line,
        record.plain!,
        positionNameBytes(record.plain!, resolved!, names)
      )
    else builder.addUnread(record.fields(), record.line)
    if (builder.count === batchRows) {
      const batch = builder.take(record.bytesRead)
      post({ kind: 'batch', batch }, transferablesOf(batch))
    }
  })
  const batch = builder.take(bytesRead)
  post({ kind: 'batch', batch }, transferablesOf(batch))
  post({ kind: 'done', bytesRead })
}

port.once('message', (job: BatchJob) => {
  read(job).catch((error: unknown) => {
    // Whatever stops the worker, main reads the file itself and meets the same trouble there,
    // where its error is reported the one way every import reports errors.
    post({ kind: 'handBack', reason: error instanceof NotPlainCsv ? NOT_PLAIN : String(error) })
  })
})
