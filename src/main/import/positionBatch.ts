import { READ_NUMBERS, type ReadPositions } from '../../engine/book/readPositions'
import type { PlainFields } from './csvRecord'
import { latin1Text } from './latin1Text'
import type { PlainPosition } from './plainPositionReader'

/**
 * Records of a canonical positions file as the import worker read them, column-wise so they cross
 * to the main thread as a few transferred buffers: the positions it read from their bytes, and the
 * text of the records it left to readPosition. `venues` and `symbols` are the names first used in
 * this batch; codes count across the batches of one file.
 */
export interface PositionBatch {
  count: number
  lines: Int32Array
  /** 1 when the worker read the record as a position, 0 when it holds the record's text. */
  read: Uint8Array
  side: Int8Array
  inverse: Uint8Array
  cross: Uint8Array
  /** Codes into the names so far; 32-bit, so a file past the book's 65,536 names still reads right. */
  venue: Uint32Array
  symbol: Uint32Array
  /** READ_NUMBERS per record, laid out as ReadPositions says; unspecified for unread records. */
  numbers: Float64Array
  /** Each read record's id then account, as ASCII bytes; `textEnds` has both ends per record. */
  text: Uint8Array
  textEnds: Int32Array
  venues: string[]
  symbols: string[]
  /** The fields of the records left to readPosition, in record order. */
  unread: string[][]
  bytesRead: number
}

/** The buffers a batch hands over when it is posted. */
export const transferablesOf = (batch: PositionBatch): ArrayBuffer[] =>
  [
    batch.lines,
    batch.read,
    batch.side,
    batch.inverse,
    batch.cross,
    batch.venue,
    batch.symbol,
    batch.numbers,
    batch.text,
    batch.textEnds
  ].map((array) => array.buffer as ArrayBuffer)

/** Fills batches record by record, in the worker. */
export class PositionBatchBuilder {
  private batch: PositionBatch
  private textLength = 0
  private readonly venueCodes = new Map<string, number>()
  private readonly symbolCodes = new Map<string, number>()

  constructor(private readonly capacity: number) {
    this.batch = this.empty()
  }

  get count(): number {
    return this.batch.count
  }

  /** Where the plain reader writes the next record's numbers: `numbers[numbersAt + READ_SIZE ...]`. */
  get numbers(): Float64Array {
    return this.batch.numbers
  }

  get numbersAt(): number {
    return this.batch.count * READ_NUMBERS
  }

  /**
   * A position the plain reader read from `record`, its numbers already written where `numbers`
   * says; its id and account are copied as bytes.
   */
  addRead(position: PlainPosition, line: number, record: PlainFields, names: Int32Array): void {
    const b = this.batch
    const k = b.count++
    b.lines[k] = line
    b.read[k] = 1
    b.side[k] = position.side
    b.inverse[k] = position.inverse ? 1 : 0
    b.cross[k] = position.cross ? 1 : 0
    b.venue[k] = this.code(position.venue, this.venueCodes, b.venues)
    b.symbol[k] = this.code(position.symbol, this.symbolCodes, b.symbols)
    this.writeBytes(record.bytes, names[0], names[1], k * 2)
    this.writeBytes(record.bytes, names[2], names[3], k * 2 + 1)
  }

  addUnread(fields: readonly string[], line: number): void {
    const b = this.batch
    const k = b.count++
    b.lines[k] = line
    b.read[k] = 0
    b.textEnds[k * 2] = b.textEnds[k * 2 + 1] = this.textLength
    b.unread.push([...fields])
  }

  /** The batch so far, and a fresh one for the records after it. */
  take(bytesRead: number): PositionBatch {
    const taken = this.batch
    taken.bytesRead = bytesRead
    taken.text = taken.text.slice(0, this.textLength)
    this.batch = this.empty()
    this.textLength = 0
    return taken
  }

  private code(name: string, codes: Map<string, number>, added: string[]): number {
    // Strings from the reader's word tables: the same spelling is the same string object.
    let code = codes.get(name)
    if (code === undefined) {
      codes.set(name, (code = codes.size))
      added.push(name)
    }
    return code
  }

  private writeBytes(bytes: Uint8Array, start: number, end: number, endSlot: number): void {
    const b = this.batch
    const length = end - start
    if (this.textLength + length > b.text.length) {
      const grown = new Uint8Array(Math.max(b.text.length * 2, this.textLength + length))
      grown.set(b.text.subarray(0, this.textLength))
      b.text = grown
    }
    for (let i = start; i < end; i++) b.text[this.textLength++] = bytes[i]
    b.textEnds[endSlot] = this.textLength
  }

  private empty(): PositionBatch {
    const n = this.capacity
    return {
      count: 0,
      lines: new Int32Array(n),
      read: new Uint8Array(n),
      side: new Int8Array(n),
      inverse: new Uint8Array(n),
      cross: new Uint8Array(n),
      venue: new Uint32Array(n),
      symbol: new Uint32Array(n),
      numbers: new Float64Array(n * READ_NUMBERS),
      text: new Uint8Array(n * 24),
      textEnds: new Int32Array(n * 2),
      venues: [],
      symbols: [],
      unread: [],
      bytesRead: 0
    }
  }
}

/**
 * Reads posted batches back on the main thread, as positions the book assembler takes column-wise
 * (ReadPositions): venue and symbol codes count across the file's batches, and names are made
 * into strings only for ids and accounts.
 */
export class PositionBatchReader implements ReadPositions {
  side: Int8Array = new Int8Array(0)
  inverse: Uint8Array = new Uint8Array(0)
  cross: Uint8Array = new Uint8Array(0)
  venue: Uint32Array = new Uint32Array(0)
  symbol: Uint32Array = new Uint32Array(0)
  numbers: Float64Array = new Float64Array(0)
  private readonly venues: string[] = []
  private readonly symbols: string[] = []
  private batch: PositionBatch | null = null
  private text: Buffer = Buffer.alloc(0)
  private unreadTaken = 0
  // Consecutive rows often share an account: its string is made once for the run.
  private lastAccountStart = 0
  private lastAccountEnd = 0
  private lastAccount = ''

  /** Starts on the next batch of the file. */
  begin(batch: PositionBatch): void {
    this.batch = batch
    this.side = batch.side
    this.inverse = batch.inverse
    this.cross = batch.cross
    this.venue = batch.venue
    this.symbol = batch.symbol
    this.numbers = batch.numbers
    this.text = Buffer.from(batch.text.buffer, batch.text.byteOffset, batch.text.byteLength)
    this.venues.push(...batch.venues)
    this.symbols.push(...batch.symbols)
    this.unreadTaken = 0
    this.lastAccountEnd = this.lastAccountStart = 0
    this.lastAccount = ''
  }

  /** The fields of record `k`, when the worker left it unread. */
  unreadFields(k: number): string[] | null {
    if (this.batch!.read[k] === 1) return null
    return this.batch!.unread[this.unreadTaken++]
  }

  venueName(code: number): string {
    return this.venues[code]
  }

  symbolName(code: number): string {
    return this.symbols[code]
  }

  /** Record `k`'s id; only for records the worker read. */
  id(k: number): string {
    const ends = this.batch!.textEnds
    return latin1Text(this.text, k === 0 ? 0 : ends[k * 2 - 1], ends[k * 2])
  }

  account(k: number): string {
    const ends = this.batch!.textEnds
    const start = ends[k * 2]
    const end = ends[k * 2 + 1]
    const text = this.text
    const last = this.lastAccountStart
    let same = end - start === this.lastAccountEnd - last
    for (let i = 0; same && i < end - start; i++) same = text[start + i] === text[last + i]
    if (!same) this.lastAccount = latin1Text(text, start, end)
    this.lastAccountStart = start
    this.lastAccountEnd = end
    return this.lastAccount
  }
}
