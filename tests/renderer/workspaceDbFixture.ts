import 'fake-indexeddb/auto'
import { afterEach, beforeEach } from 'vitest'
import { WorkspaceDb } from '../../src/renderer/src/workspaces/db'

/** A fresh IndexedDB database for each test of the file, deleted after it; read it inside tests. */
export function freshWorkspaceDb(name: string): () => WorkspaceDb {
  let db: WorkspaceDb
  let count = 0
  beforeEach(async () => {
    db = new WorkspaceDb(`${name}-${++count}`)
    await db.open()
  })
  afterEach(() => db.delete())
  return () => db
}

/** The format version written at the head of an exported workspace file. */
export const formatVersionOf = (bytes: Uint8Array): number =>
  Number(/"formatVersion":(\d+)/.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 400)))![1])
