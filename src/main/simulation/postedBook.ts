import { deserialize, serialize } from 'node:v8'
import { POSITION_COLUMNS, type Book } from '../../engine/book/columns'
import { StringIndex } from '../../engine/book/stringIndex'
import type { TimelineSource } from '../../engine/timeline/prepareTimeline'

/**
 * A book as it crosses to a worker thread: the live rows of each column in a buffer of its own,
 * the position ids serialized in chunks, all moved rather than cloned, and the string tables as
 * their names (a StringIndex's lookup slots are rebuilt on the other side). Unknown import
 * columns stay behind: no calculation reads them.
 */
export interface PostedBook {
  book: Omit<Book, 'ids' | 'accounts' | 'venues' | 'symbols' | 'extra'>
  ids: Uint8Array[]
  accounts: string[]
  venues: string[]
  symbols: string[]
}

/** A timeline source as it crosses to a worker: the book posted, the rest cloned. */
export type PostedSource = Omit<TimelineSource, 'book'> & { book: PostedBook }

/** Ids per chunk: cloning a million ids at once holds main for ~90 ms, a chunk for ~10 ms. */
const IDS_PER_CHUNK = 100_000

/**
 * `source` ready to post, with the buffers to move along. It is taken at once, as it is now (the
 * columns' live rows copied, ~40 ms for a million positions; the rest shallow copies), so an edit
 * made meanwhile changes nothing; then the ids are serialized a chunk at a time, awaiting
 * `yieldNow()` between chunks so main's event loop turns. Throws `signal`'s reason once aborted.
 */
export async function postSource(
  source: TimelineSource,
  yieldNow: () => Promise<void>,
  signal?: AbortSignal
): Promise<{ posted: PostedSource; transfer: ArrayBuffer[] }> {
  const { book } = source
  const columns = Object.fromEntries(
    POSITION_COLUMNS.map((column) => [column, book[column].slice(0, book.length)])
  ) as Pick<Book, (typeof POSITION_COLUMNS)[number]>
  const walletBalance = book.walletBalance.slice()
  const idList = book.ids.slice(0, book.length)
  const taken: Omit<PostedSource, 'book'> & { book: Omit<PostedBook, 'ids'> } = {
    registry: source.registry,
    lending: [...source.lending],
    prices: new Map(source.prices),
    defaultImpact: new Map(source.defaultImpact),
    book: {
      book: { length: book.length, ...columns, walletBalance },
      accounts: [...book.accounts.names],
      venues: [...book.venues.names],
      symbols: [...book.symbols.names]
    }
  }
  const ids: Uint8Array[] = []
  for (let from = 0; from < idList.length; from += IDS_PER_CHUNK) {
    await yieldNow()
    signal?.throwIfAborted()
    ids.push(ownBuffer(serialize(idList.slice(from, from + IDS_PER_CHUNK))))
  }
  const transfer = [...Object.values(columns), walletBalance, ...ids].map(
    (array) => array.buffer as ArrayBuffer
  )
  return { posted: { ...taken, book: { ...taken.book, ids } }, transfer }
}

/** `bytes` in a buffer of their own, which can be moved without taking other bytes along. */
const ownBuffer = (bytes: Uint8Array): Uint8Array =>
  bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes
    : new Uint8Array(bytes)

/** The source a worker received. */
export function receiveSource(posted: PostedSource): TimelineSource {
  const { book } = posted
  return {
    ...posted,
    book: {
      ...book.book,
      ids: book.ids.flatMap((chunk) => deserialize(chunk) as string[]),
      accounts: indexOf(book.accounts),
      venues: indexOf(book.venues),
      symbols: indexOf(book.symbols),
      extra: new Map()
    }
  }
}

function indexOf(names: readonly string[]): StringIndex {
  const index = new StringIndex()
  for (const name of names) index.intern(name)
  return index
}
