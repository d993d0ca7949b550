import type { BookDelta, WorkspaceSnapshot } from '../../../shared/workspaceSnapshot'
import { assembleColumn, CHUNK_ELEMENTS, chunkOf, sameChunk, type ChunkData } from './chunks'
import { columnBytes, joinColumns, splitColumns, type Column } from './columns'
import type {
  BookRecord,
  ChunkRecord,
  DeltaRecord,
  RevisionRecord,
  WorkspaceDb,
  WorkspaceRecord
} from './db'
import type { StoredParts } from './parts'
import { checkQuota, isQuotaExceeded, storageFullError } from './quota'

/** Saved versions kept per workspace: the current one and two before it, to compare or go back to. */
export const KEPT_REVISIONS = 3
/** Chunks written per bulkAdd inside a save. */
const CHUNK_BATCH = 24
const NAME_LIMIT = 120

export interface WorkspaceContent {
  snapshot: WorkspaceSnapshot
  parts: StoredParts
  /** The book's solved table came from a workspace file: main solves the book instead. */
  solvedFromFile?: boolean
}

export interface SaveHooks {
  /** Runs inside the save's transaction after each batch of chunks: a throw aborts the save. */
  afterBatch?: (written: number, total: number) => void
}

export class WorkspaceError extends Error {
  override name = 'WorkspaceError'
}

const newId = (): string => crypto.randomUUID()

/** Every chunk of one book: column and index are numbers, so ±Infinity bound them. */
const chunkRange = (bookId: string) =>
  [
    [bookId, -Infinity, -Infinity],
    [bookId, Infinity, Infinity]
  ] as const

/** A stored book's columns as this page last wrote or read them, to save only what changed since. */
interface BookInMemory {
  bookId: string
  columns: readonly Column[]
}

/**
 * One book per database: the last one written or read. Its arrays are never changed (snapshots
 * from main and books read back are this page's own), so they equal the stored chunks.
 */
const lastBook = new WeakMap<WorkspaceDb, BookInMemory>()

interface PreparedBook {
  book: BookRecord
  chunks: ChunkRecord[]
  columns: Column[]
  /** Per column, the chunks equal to the base book's (not in `chunks`: not written again). */
  unchanged: Set<number>[]
}

/**
 * A snapshot as a book record and its chunks, ready to write (all the work done outside a
 * transaction). With a base, chunks equal to the base's are left out: the book will refer to
 * the base's records for them (see `borrowChunks`).
 */
export function prepareBook(
  snapshot: WorkspaceSnapshot,
  solvedFromFile = false,
  base?: BookInMemory
): PreparedBook {
  const { skeleton, columns } = splitColumns(snapshot)
  const id = newId()
  const chunks: ChunkRecord[] = []
  const unchanged = columns.map(() => new Set<number>())
  const info = columns.map((column, k) => {
    const count = Math.ceil(column.values.length / CHUNK_ELEMENTS)
    const previous = base?.columns[k]
    for (let index = 0; index < count; index++) {
      if (previous && sameChunk(column, previous, index)) unchanged[k].add(index)
      else chunks.push({ bookId: id, column: k, index, data: chunkOf(column, index) })
    }
    return { type: column.type, length: column.values.length, chunks: count }
  })
  const bytes = columns.reduce((sum, column) => sum + columnBytes(column), 0)
  const book: BookRecord = { id, skeleton, columns: info, bytes }
  if (solvedFromFile) book.solvedFromFile = true
  return { book, chunks, columns, unchanged }
}

/**
 * Points the prepared book's unchanged chunks at the records the base book reads them from
 * (its own, or those it borrowed in turn). Runs in the save's transaction, with the base's record.
 */
function borrowChunks(prepared: PreparedBook, base: BookRecord): void {
  prepared.book.columns.forEach((info, k) => {
    const unchanged = prepared.unchanged[k]
    if (unchanged.size === 0) return
    const from = base.columns[k]
    info.owners = Array.from({ length: info.chunks }, (_, index) =>
      unchanged.has(index) ? (from.owners?.[index] ?? base.id) : prepared.book.id
    )
  })
}

/** Keys of the chunk records a book reads: its own, and any it borrowed. */
function chunkKeys(book: BookRecord): [string, number, number][] {
  return book.columns.flatMap((info, k) =>
    Array.from({ length: info.chunks }, (_, index): [string, number, number] => [
      info.owners?.[index] ?? book.id,
      k,
      index
    ])
  )
}

export function validName(name: string): string {
  const trimmed = name.trim()
  if (!trimmed) throw new WorkspaceError('a workspace needs a name')
  if (trimmed.length > NAME_LIMIT)
    throw new WorkspaceError(`a workspace name has at most ${NAME_LIMIT} characters`)
  return trimmed
}

async function requireUniqueName(db: WorkspaceDb, name: string, except?: string): Promise<void> {
  const clash = await db.workspaces.where('name').equals(name).first()
  if (clash && clash.id !== except)
    throw new WorkspaceError(`there is already a workspace named "${name}"`)
}

/**
 * "Name", or "Name (2)", "Name (3)", ... : the first name no workspace has. Names come from
 * outside (a file name, an imported workspace's header), so a long one is shortened to fit
 * rather than refused: refusing would leave the new book in no workspace.
 */
export async function freeName(db: WorkspaceDb, wanted: string): Promise<string> {
  const base = validName(wanted.trim().slice(0, NAME_LIMIT))
  const taken = new Set((await db.workspaces.toArray()).map((workspace) => workspace.name))
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`
    const candidate = `${base.slice(0, NAME_LIMIT - suffix.length).trimEnd()}${suffix}`
    if (!taken.has(candidate)) return candidate
  }
}

/**
 * Revisions oldest first, by the counter each save gives them. `savedAt` is the wall clock: two
 * saves in one millisecond, or a clock set back, would order them wrongly. Revisions stored
 * before the counter existed count as 0 and keep their time order among themselves.
 */
function inSaveOrder(revisions: RevisionRecord[]): RevisionRecord[] {
  return revisions.sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0) || a.savedAt - b.savedAt)
}

async function nextSequence(db: WorkspaceDb, workspaceId: string): Promise<number> {
  const revisions = await db.revisions.where('workspaceId').equals(workspaceId).toArray()
  return revisions.reduce((highest, revision) => Math.max(highest, revision.sequence ?? 0), 0) + 1
}

async function bytesOf(db: WorkspaceDb, workspaceId: string): Promise<number> {
  const revisions = await db.revisions.where('workspaceId').equals(workspaceId).toArray()
  const books = await db.books.bulkGet([...new Set(revisions.map((r) => r.bookId))])
  return books.reduce((sum, book) => sum + (book?.bytes ?? 0), 0)
}

/**
 * Deletes a book once no revision of any workspace refers to it, and the chunk records it read
 * that no other book reads (a later version may have borrowed its unchanged chunks).
 */
async function dropBookIfUnused(db: WorkspaceDb, bookId: string): Promise<void> {
  if ((await db.revisions.where('bookId').equals(bookId).count()) > 0) return
  const book = await db.books.get(bookId)
  await db.books.delete(bookId)
  const others = await db.books.toArray()
  const borrowing = others.some((other) =>
    other.columns.some((info) => info.owners?.some((owner) => owner !== other.id))
  )
  if (!book?.columns.some((info) => info.owners) && !borrowing) {
    // The usual case: no book shares chunks, so this one's are its own and no one else's.
    await db.chunks
      .where('[bookId+column+index]')
      .between(...chunkRange(bookId), true, true)
      .delete()
    return
  }
  const read = new Set(others.flatMap(chunkKeys).map((key) => key.join('\u0000')))
  const own = await db.chunks
    .where('[bookId+column+index]')
    .between(...chunkRange(bookId), true, true)
    .primaryKeys()
  const candidates = [...own, ...(book ? chunkKeys(book) : [])]
  await db.chunks.bulkDelete(candidates.filter((key) => !read.has(key.join('\u0000'))))
}

async function writeBook(db: WorkspaceDb, prepared: PreparedBook, hooks: SaveHooks): Promise<void> {
  await db.books.add(prepared.book)
  const { chunks } = prepared
  for (let start = 0; start < chunks.length; start += CHUNK_BATCH) {
    await db.chunks.bulkAdd(chunks.slice(start, start + CHUNK_BATCH))
    hooks.afterBatch?.(Math.min(chunks.length, start + CHUNK_BATCH), chunks.length)
  }
}

/** Runs a write, turning the browser's quota refusal into advice; the transaction rolled back. */
async function guardQuota<T>(what: string, bytes: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (isQuotaExceeded(error)) throw storageFullError(what, bytes)
    throw error
  }
}

const STORE_TABLES = (db: WorkspaceDb) => [
  db.workspaces,
  db.revisions,
  db.books,
  db.chunks,
  db.deltas
]

export async function createWorkspace(
  db: WorkspaceDb,
  content: WorkspaceContent,
  name: string
): Promise<WorkspaceRecord> {
  const prepared = prepareBook(content.snapshot, content.solvedFromFile)
  const unique = await freeName(db, name)
  await checkQuota(`"${unique}"`, prepared.book.bytes)
  const now = Date.now()
  const workspace: WorkspaceRecord = {
    id: newId(),
    name: unique,
    description: content.snapshot.description,
    source: content.snapshot.source,
    createdAt: now,
    modifiedAt: now,
    head: newId(),
    positions: content.snapshot.book.length,
    bytes: prepared.book.bytes
  }
  const revision: RevisionRecord = {
    id: workspace.head,
    workspaceId: workspace.id,
    savedAt: now,
    sequence: 1,
    bookId: prepared.book.id,
    parts: content.parts,
    positions: workspace.positions,
    bookVersion: content.snapshot.version
  }
  await guardQuota(`"${unique}"`, prepared.book.bytes, () =>
    db.transaction('rw', STORE_TABLES(db), async () => {
      await writeBook(db, prepared, {})
      await db.revisions.add(revision)
      await db.workspaces.add(workspace)
    })
  )
  lastBook.set(db, { bookId: prepared.book.id, columns: prepared.columns })
  return workspace
}

/** What a save stores: main's book (null when only parts changed) and the parts. */
export interface SaveContent {
  snapshot: WorkspaceSnapshot | null
  parts: StoredParts
  /** The book version main had; shown with the revision, never used to prune the log. */
  bookVersion: number
  /**
   * The last delta log entry (its seq) written before the snapshot was taken: it and every
   * earlier entry are in the snapshot's book. Main's versions cannot say that: they restart at 1
   * every launch, so entries from a crashed session can carry higher versions than new saves.
   */
  foldedSeq: number | null
}

/**
 * Saves a new version of a workspace in one transaction: its book (or, when only parts changed,
 * the current version's book again), the revision, the head moved to it, versions beyond the
 * kept ones pruned, and the delta log entries it now contains dropped. If anything fails, or the
 * page dies half-way, IndexedDB rolls all of it back: the previous version stays as it was.
 */
export async function saveWorkspace(
  db: WorkspaceDb,
  workspaceId: string,
  content: SaveContent,
  hooks: SaveHooks = {}
): Promise<RevisionRecord> {
  const current = await db.workspaces.get(workspaceId)
  if (!current) throw new WorkspaceError('that workspace no longer exists')
  const base = lastBook.get(db)
  let prepared = content.snapshot ? prepareBook(content.snapshot, false, base) : null
  const bytes = prepared?.book.bytes ?? 0
  await checkQuota(`"${current.name}"`, bytes)
  const revision: RevisionRecord = {
    id: newId(),
    workspaceId,
    savedAt: Date.now(),
    sequence: 0,
    bookId: prepared?.book.id ?? '',
    parts: content.parts,
    positions: content.snapshot?.book.length ?? current.positions,
    bookVersion: content.bookVersion
  }
  const { foldedSeq } = content
  return guardQuota(`"${current.name}"`, bytes, () =>
    db.transaction('rw', STORE_TABLES(db), async () => {
      const workspace = await db.workspaces.get(workspaceId)
      if (!workspace) throw new WorkspaceError('that workspace was deleted while saving')
      const headBookId = (await db.revisions.get(workspace.head))!.bookId
      if (prepared && prepared.unchanged.some((chunks) => chunks.size > 0)) {
        // Only chunks of the version this one follows are left where they are; a base that is
        // not it (another workspace's book, or gone) means writing every chunk.
        const baseBook = base?.bookId === headBookId ? await db.books.get(headBookId) : undefined
        if (baseBook) borrowChunks(prepared, baseBook)
        else prepared = prepareBook(content.snapshot!)
        revision.bookId = prepared.book.id
      }
      if (prepared) await writeBook(db, prepared, hooks)
      else revision.bookId = headBookId
      revision.sequence = await nextSequence(db, workspaceId)
      await db.revisions.add(revision)
      const older = inSaveOrder(
        await db.revisions
          .where('workspaceId')
          .equals(workspaceId)
          .filter((stored) => stored.id !== revision.id)
          .toArray()
      )
      for (const old of older.slice(0, Math.max(0, older.length + 1 - KEPT_REVISIONS))) {
        await db.revisions.delete(old.id)
        await dropBookIfUnused(db, old.bookId)
      }
      if (prepared && foldedSeq !== null)
        await db.deltas
          .where('workspaceId')
          .equals(workspaceId)
          .filter((entry) => entry.seq! <= foldedSeq && !entry.setAside)
          .delete()
      await db.workspaces.update(workspaceId, {
        head: revision.id,
        modifiedAt: revision.savedAt,
        positions: revision.positions,
        bytes: await bytesOf(db, workspaceId)
      })
      return revision
    })
  ).then((revision) => {
    if (prepared) lastBook.set(db, { bookId: prepared.book.id, columns: prepared.columns })
    return revision
  })
}

/** A stored version as a snapshot main can open, and its parts. */
export async function loadRevision(db: WorkspaceDb, revisionId: string): Promise<WorkspaceContent> {
  return db.transaction('r', [db.revisions, db.books, db.chunks], async () => {
    const revision = await db.revisions.get(revisionId)
    if (!revision) throw new WorkspaceError('that saved version no longer exists')
    const book = await db.books.get(revision.bookId)
    if (!book) throw new WorkspaceError('the saved book of that version is missing')
    // Range reads, one per book holding some of its chunks (one, unless a save left unchanged
    // chunks where the version before had them); a book's chunks it no longer reads are skipped.
    const owners = new Set(book.columns.flatMap((info) => info.owners ?? [book.id]))
    const byColumn = book.columns.map((info) => new Array<ChunkData | undefined>(info.chunks))
    for (const owner of owners) {
      const chunks = await db.chunks
        .where('[bookId+column+index]')
        .between(...chunkRange(owner), true, true)
        .toArray()
      for (const { column, index, data } of chunks) {
        const info = book.columns[column]
        if (info && (info.owners?.[index] ?? book.id) === owner) byColumn[column][index] = data
      }
    }
    const columns = book.columns.map((info, k) =>
      assembleColumn(
        info.type,
        info.length,
        byColumn[k].filter((data) => data !== undefined)
      )
    )
    lastBook.set(db, { bookId: book.id, columns })
    const snapshot = joinColumns(book.skeleton, columns) as WorkspaceSnapshot
    return { snapshot, parts: revision.parts, solvedFromFile: book.solvedFromFile === true }
  })
}

export const listWorkspaces = (db: WorkspaceDb): Promise<WorkspaceRecord[]> =>
  db.workspaces.orderBy('modifiedAt').reverse().toArray()

export const revisionsOf = async (
  db: WorkspaceDb,
  workspaceId: string
): Promise<RevisionRecord[]> =>
  inSaveOrder(await db.revisions.where('workspaceId').equals(workspaceId).toArray()).reverse()

export async function renameWorkspace(db: WorkspaceDb, id: string, name: string): Promise<void> {
  const wanted = validName(name)
  await db.transaction('rw', db.workspaces, async () => {
    await requireUniqueName(db, wanted, id)
    if ((await db.workspaces.update(id, { name: wanted, modifiedAt: Date.now() })) === 0)
      throw new WorkspaceError('that workspace no longer exists')
  })
}

/**
 * A copy of a workspace's current version under a new name. Stored books never change, so the
 * copy shares the book with the original: duplicating a million positions writes no chunks.
 */
export async function duplicateWorkspace(
  db: WorkspaceDb,
  id: string,
  name: string
): Promise<WorkspaceRecord> {
  const wanted = validName(name)
  return db.transaction('rw', [db.workspaces, db.revisions, db.books], async () => {
    await requireUniqueName(db, wanted)
    const original = await db.workspaces.get(id)
    if (!original) throw new WorkspaceError('that workspace no longer exists')
    const head = (await db.revisions.get(original.head))!
    const now = Date.now()
    const copy: WorkspaceRecord = {
      ...original,
      id: newId(),
      name: wanted,
      createdAt: now,
      modifiedAt: now,
      head: newId(),
      bytes: (await db.books.get(head.bookId))?.bytes ?? 0
    }
    await db.revisions.add({
      ...head,
      id: copy.head,
      workspaceId: copy.id,
      savedAt: now,
      sequence: 1
    })
    await db.workspaces.add(copy)
    return copy
  })
}

export async function deleteWorkspace(db: WorkspaceDb, id: string): Promise<void> {
  await db.transaction('rw', STORE_TABLES(db), async () => {
    const revisions = await db.revisions.where('workspaceId').equals(id).toArray()
    await db.revisions.bulkDelete(revisions.map((revision) => revision.id))
    for (const bookId of new Set(revisions.map((revision) => revision.bookId)))
      await dropBookIfUnused(db, bookId)
    await db.deltas.where('workspaceId').equals(id).delete()
    await db.workspaces.delete(id)
  })
}

export async function appendDelta(
  db: WorkspaceDb,
  workspaceId: string,
  version: number,
  delta: BookDelta
): Promise<void> {
  await db.deltas.add({ workspaceId, version, at: Date.now(), delta })
}

/** The entries to replay when the workspace opens, in order; entries set aside are not. */
export async function deltasOf(db: WorkspaceDb, workspaceId: string): Promise<DeltaRecord[]> {
  const entries = await db.deltas.where('workspaceId').equals(workspaceId).sortBy('seq')
  return entries.filter((entry) => !entry.setAside)
}

/** The seq of the workspace's newest log entry, or 0 when its log is empty. */
export async function lastDeltaSeq(db: WorkspaceDb, workspaceId: string): Promise<number> {
  const seqs = await db.deltas.where('workspaceId').equals(workspaceId).primaryKeys()
  return seqs.reduce<number>((highest, seq) => Math.max(highest, seq ?? 0), 0)
}

/**
 * Keeps log entries that no longer replay on the saved book out of the way: they are not
 * replayed or folded into saves any more, but stay stored (until the workspace is deleted) so
 * the edits they hold are not lost without the user knowing.
 */
export async function setDeltasAside(
  db: WorkspaceDb,
  entries: readonly DeltaRecord[],
  reason: string
): Promise<void> {
  const setAside = { at: Date.now(), reason }
  await db.transaction('rw', db.deltas, async () => {
    for (const entry of entries) await db.deltas.update(entry.seq!, { setAside })
  })
}
