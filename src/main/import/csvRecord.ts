/**
 * A record split by the plain reader: its fields are `bytes[starts[k], ends[k])`, not yet
 * decoded. `ascii` says no byte is above 0x7f, so each byte is one character.
 */
export interface PlainFields {
  readonly bytes: Buffer
  readonly starts: Int32Array
  readonly ends: Int32Array
  readonly count: number
  readonly ascii: boolean
  /** The fields decoded as text. */
  fields(): readonly string[]
}

import type { ReadPositions } from '../../engine/book/readPositions'

/** One non-blank record as a CSV reader hands it to the import loop. */
export interface CsvRecord {
  /** The physical line the record starts on. */
  readonly line: number
  /** Bytes of the file read so far, for progress. */
  readonly bytesRead: number
  /** False when the record's text decoded as valid UTF-8, so it holds no replacement characters. */
  readonly mayHoldInvalidText: boolean
  /** The record's fields as text (decoded on demand for a plain record). */
  fields(): readonly string[]
  /** Set when the plain reader split the record, so a sink may read its cells from the bytes. */
  readonly plain: PlainFields | null
  /** Set when the reader already read the record as a position (the import worker does). */
  readonly read?: ReadPosition | null
}

/** Which of the reader's positions a record is. */
export interface ReadPosition {
  positions: ReadPositions
  index: number
}

export type CsvRecordReader = (record: CsvRecord) => void
