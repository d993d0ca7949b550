import Dexie, { type EntityTable, type Table } from 'dexie'
import type { BookDelta } from '../../../shared/workspaceSnapshot'
import type { ChunkData } from './chunks'
import type { ColumnType } from './columns'
import type { StoredParts } from './parts'

/** One workspace in the list; its saved content is the revision `head` points to. */
export interface WorkspaceRecord {
  id: string
  name: string
  description: string
  source: string
  createdAt: number
  modifiedAt: number
  /** The current revision; every save adds one and moves this, in the same transaction. */
  head: string
  positions: number
  /** Stored bytes of every revision kept (schema 2; the upgrade computes it for older ones). */
  bytes: number
}

export interface StoredColumnInfo {
  type: ColumnType
  length: number
  chunks: number
  /**
   * The book whose chunk records hold each chunk, when some are another book's: a save leaves
   * the chunks that did not change where the previous version's book has them. Absent when the
   * book holds all its chunks itself (every book stored before this existed).
   */
  owners?: string[]
}

/** A stored book: the snapshot's skeleton, and its columns' layout in the chunks table. */
export interface BookRecord {
  id: string
  skeleton: unknown
  columns: StoredColumnInfo[]
  bytes: number
  /**
   * Its solved liquidation table came from a workspace file: kept, so the file exports again
   * exactly, but main is never handed it (its checksum proves no damage, not that it is right).
   */
  solvedFromFile?: boolean
}

/** A saved version of a workspace: a book (shared by versions that differ in parts only) and parts. */
export interface RevisionRecord {
  id: string
  workspaceId: string
  savedAt: number
  /**
   * 1, 2, 3, ... per workspace, in save order (the clock can repeat or step back). Not indexed,
   * so no schema change: revisions stored before it existed lack it and sort first.
   */
  sequence?: number
  bookId: string
  parts: StoredParts
  positions: number
  /** The book version main had when this was saved. */
  bookVersion: number
}

export interface ChunkRecord {
  bookId: string
  column: number
  index: number
  data: ChunkData
}

/** One entry of a workspace's delta log: edits made since its last save, in order. */
export interface DeltaRecord {
  seq?: number
  workspaceId: string
  /** The book version in main after these edits. */
  version: number
  at: number
  delta: BookDelta
  /** Set when the entry could not be replayed on the saved book: kept, but no longer replayed. */
  setAside?: { at: number; reason: string }
}

export interface SettingRecord {
  key: string
  value: string
}

export const DATABASE_NAME = 'cascade-cockpit'

/**
 * The renderer's store of workspaces. Versions are numbered and never edited once released: a
 * change of schema is a new version with its upgrade, tested from the version before.
 */
export class WorkspaceDb extends Dexie {
  workspaces!: EntityTable<WorkspaceRecord, 'id'>
  revisions!: EntityTable<RevisionRecord, 'id'>
  books!: EntityTable<BookRecord, 'id'>
  chunks!: Table<ChunkRecord, [string, number, number]>
  deltas!: EntityTable<DeltaRecord, 'seq'>
  settings!: EntityTable<SettingRecord, 'key'>

  constructor(name = DATABASE_NAME) {
    super(name)
    this.version(1).stores({
      workspaces: 'id, name',
      revisions: 'id, workspaceId, bookId',
      books: 'id',
      chunks: '[bookId+column+index]',
      deltas: '++seq, workspaceId',
      settings: 'key'
    })
    // 2: the list shows sizes and sorts by last change, so both live on the workspace record.
    this.version(2)
      .stores({ workspaces: 'id, name, modifiedAt' })
      .upgrade(async (tx) => {
        const books = new Map<string, number>()
        await tx.table<BookRecord>('books').each((book) => books.set(book.id, book.bytes))
        const revisions = await tx.table<RevisionRecord>('revisions').toArray()
        await tx
          .table<WorkspaceRecord>('workspaces')
          .toCollection()
          .modify((workspace) => {
            const mine = revisions.filter((revision) => revision.workspaceId === workspace.id)
            const bookIds = new Set(mine.map((revision) => revision.bookId))
            workspace.bytes = [...bookIds].reduce((sum, id) => sum + (books.get(id) ?? 0), 0)
            workspace.modifiedAt = Math.max(workspace.createdAt, ...mine.map((r) => r.savedAt))
          })
      })
  }
}
