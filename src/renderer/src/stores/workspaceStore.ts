import { defineStore } from 'pinia'
import { computed, nextTick, ref, shallowRef, watch } from 'vue'
import type { BookChange } from '../../../shared/contract'
import { api, userMessage } from '../api'
import { appWorkspaceParts } from '../workspaces/appParts'
import { WorkspaceDb, type RevisionRecord, type WorkspaceRecord } from '../workspaces/db'
import { decodeWorkspaceFile, encodeWorkspaceFile, FILE_EXTENSION } from '../workspaces/exportFile'
import { WorkspaceParts } from '../workspaces/parts'
import {
  appendDelta,
  createWorkspace,
  deleteWorkspace,
  deltasOf,
  duplicateWorkspace,
  freeName,
  listWorkspaces,
  loadRevision,
  renameWorkspace,
  revisionsOf,
  saveWorkspace,
  type WorkspaceContent
} from '../workspaces/repository'
import { saveBytes } from '../workspaces/saveFile'
import { useAppStore } from './appStore'
import { useCascadeStore } from './cascadeStore'

/** Autosave waits for this long a pause in the edits, so a burst of them is one save. */
export const AUTOSAVE_DELAY_MS = 2_000
const CURRENT_KEY = 'current'
const SHELL_WAIT_MS = 10_000
const SAMPLE_NAME = 'Sample book'
const BOOK_EDITS: readonly BookChange['reason'][] = ['edit', 'add', 'delete', 'undo', 'redo']

export type SaveState = 'opening' | 'saved' | 'unsaved' | 'saving' | 'failed'

/**
 * Workspaces in IndexedDB: the list, the open one, saving (by hand and automatically), the
 * delta log that recovers unsaved edits after a crash, export and import of workspace files.
 * The book itself lives in main; this store moves it between main and the database.
 */
export const useWorkspaceStore = defineStore('workspaces', () => {
  const app = useAppStore()
  const db = new WorkspaceDb()
  const parts = new WorkspaceParts()
  for (const part of appWorkspaceParts()) parts.register(part)

  const list = ref<WorkspaceRecord[]>([])
  const currentId = ref<string | null>(null)
  const saving = ref(false)
  const failed = ref<string | null>(null)
  /** Main's book differs from the saved one (edits in the delta log, or a new book entirely). */
  const bookDirty = ref(false)
  const partsDirty = ref(false)
  const notice = ref<string | null>(null)
  const error = ref<string | null>(null)
  const ready = ref(false)
  const opening = ref(false)
  const revisions = shallowRef<Map<string, RevisionRecord[]>>(new Map())
  let autosaveTimer: ReturnType<typeof setTimeout> | null = null
  let queuedSave: Promise<boolean> = Promise.resolve(true)
  let restoringParts = false
  /** Book versions main reached by opening a stored workspace: their 'open' events are ours. */
  const ownOpens = new Set<number>()
  let openRequest: Promise<unknown> = Promise.resolve()
  /** The name main gives the open workspace's book: an import that keeps it merged into it. */
  /** Delta log appends, in order: a save waits for them so it never drops one it has not seen. */
  let logging: Promise<void> = Promise.resolve()

  const current = computed(() => list.value.find((entry) => entry.id === currentId.value) ?? null)
  const state = computed<SaveState>(() => {
    if (!ready.value || opening.value) return 'opening'
    if (saving.value) return 'saving'
    if (failed.value) return 'failed'
    return bookDirty.value || partsDirty.value ? 'unsaved' : 'saved'
  })

  async function refreshList(): Promise<void> {
    list.value = await listWorkspaces(db)
    const versions = new Map<string, RevisionRecord[]>()
    for (const workspace of list.value)
      versions.set(workspace.id, await revisionsOf(db, workspace.id))
    revisions.value = versions
  }

  async function guarded<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      error.value = null
      return await work()
    } catch (cause) {
      error.value = userMessage(cause)
      return undefined
    }
  }

  function scheduleAutosave(): void {
    if (autosaveTimer) clearTimeout(autosaveTimer)
    autosaveTimer = setTimeout(() => {
      autosaveTimer = null
      void save()
    }, AUTOSAVE_DELAY_MS)
  }

  /**
   * Saves the open workspace as a new version, in one transaction; false if it failed. Saves
   * run one after another: one asked for while another runs follows it, with what changed since.
   */
  function save(): Promise<boolean> {
    const next = queuedSave.then(saveNow)
    queuedSave = next
    return next
  }

  async function saveNow(): Promise<boolean> {
    const id = currentId.value
    if (!id) return false
    if (autosaveTimer) clearTimeout(autosaveTimer)
    autosaveTimer = null
    if (!bookDirty.value && !partsDirty.value && !failed.value) return true
    saving.value = true
    const withBook = bookDirty.value
    bookDirty.value = false
    partsDirty.value = false
    try {
      await logging
      const snapshot = withBook ? await api.workspaceSnapshot() : null
      const head = revisions.value.get(id)?.[0]
      const bookVersion = snapshot?.version ?? head?.bookVersion ?? 0
      await saveWorkspace(db, id, { snapshot, parts: parts.capture(), bookVersion })
      if (snapshot) {
        await api.markWorkspaceSaved({ version: snapshot.version })
        // Edits made while the save ran are not in it: log them against the new version.
        if (app.workspace && app.workspace.version > snapshot.version) recordBookChanges()
      }
      failed.value = null
      await refreshList()
      return true
    } catch (cause) {
      if (withBook) bookDirty.value = true
      partsDirty.value = true
      failed.value = userMessage(cause)
      return false
    } finally {
      saving.value = false
    }
  }

  /** Logs main's edits since the last entry, so a crash before the next save loses none. */
  function recordBookChanges(): void {
    const id = currentId.value
    if (!id) return
    bookDirty.value = true
    logging = logging.then(async () => {
      try {
        const { version, delta } = await api.workspaceChanges()
        if (delta && (delta.upserts.length > 0 || delta.removals.length > 0))
          await appendDelta(db, id, version, delta)
      } catch (cause) {
        failed.value = `unsaved edits could not be logged: ${userMessage(cause)}`
      }
    })
    scheduleAutosave()
  }

  async function rememberCurrent(id: string): Promise<void> {
    currentId.value = id
    await db.settings.put({ key: CURRENT_KEY, value: id })
  }

  /** The book main just opened or imported on its own becomes a workspace of its own. */
  async function adoptNewBook(name: string): Promise<void> {
    if (currentId.value && (bookDirty.value || partsDirty.value)) await save()
    const snapshot = await api.workspaceSnapshot()
    const created = await createWorkspace(db, { snapshot, parts: parts.capture() }, name)
    await api.markWorkspaceSaved({ version: snapshot.version })
    bookDirty.value = false
    partsDirty.value = false
    await rememberCurrent(created.id)
    await refreshList()
  }

  /** Waits until the shell has taken in main's new book, then puts the workspace's parts back. */
  async function restoreParts(content: WorkspaceContent, version: number): Promise<void> {
    if ((app.workspace?.version ?? 0) < version)
      await new Promise<void>((resolve) => {
        // Should the shell's refresh fail, the parts still come back rather than never.
        const timer = setTimeout(done, SHELL_WAIT_MS)
        const stop = watch(
          () => app.workspace?.version ?? 0,
          (seen) => {
            if (seen >= version) done()
          }
        )
        function done(): void {
          clearTimeout(timer)
          stop()
          resolve()
        }
      })
    // The shell's own reaction to a new book (pick its busiest market, run) comes first.
    await nextTick()
    const problems = parts.restore(content.parts)
    await nextTick()
    partsDirty.value = false
    if (problems.length > 0)
      notice.value = `Some saved state could not be restored: ${problems.join('; ')}`
    void useCascadeStore().run()
  }

  /** Opens a stored workspace with any edits its delta log kept from an interrupted session. */
  async function open(id: string): Promise<void> {
    opening.value = true
    // From here until the parts are back, changes to them are the open's, not the user's.
    restoringParts = true
    await guarded(async () => {
      if (id !== currentId.value && (bookDirty.value || partsDirty.value)) await save()
      const workspace = await db.workspaces.get(id)
      if (!workspace) throw new Error('that workspace no longer exists')
      const deltas = await deltasOf(db, id)
      const head = await db.revisions.get(workspace.head)
      if (head && deltas.length === 0) {
        parts.preview(head.parts)
      }
      const content = await loadRevision(db, workspace.head)
      const request = api.openWorkspace({
        snapshot: { ...content.snapshot, name: workspace.name },
        deltas: deltas.map((entry) => entry.delta)
      })
      openRequest = request.catch(() => undefined)
      const { version } = await request
      ownOpens.add(version)
      await rememberCurrent(id)
      bookDirty.value = deltas.length > 0
      partsDirty.value = false
      failed.value = null
      notice.value =
        deltas.length > 0
          ? `Recovered ${deltas.length.toLocaleString('en-US')} unsaved change${deltas.length === 1 ? '' : 's'} from the last session: save to keep them in a new version.`
          : null
      await restoreParts(content, version)
      if (bookDirty.value) scheduleAutosave()
    })
    restoringParts = false
    opening.value = false
  }

  /** On first start the sample book main opened becomes the first workspace; later, the last one opened comes back. */
  async function start(): Promise<void> {
    await guarded(async () => {
      await refreshList()
      if (list.value.length === 0) {
        await adoptNewBook(app.workspace?.name ?? SAMPLE_NAME)
      } else {
        const remembered = (await db.settings.get(CURRENT_KEY))?.value
        const id = list.value.some((entry) => entry.id === remembered)
          ? remembered!
          : list.value[0].id
        await open(id)
      }
    })
    ready.value = true
  }

  api.on('book:changed', (change) => {
    if (!ready.value) return
    if (BOOK_EDITS.includes(change.reason)) {
      recordBookChanges()
      return
    }
    // Positions imported into the open workspace (appended, or some venues replaced) stay in it.
    if (change.reason === 'merge' && currentId.value) {
      bookDirty.value = true
      scheduleAutosave()
      return
    }
    // An open is ours when it answers one of our requests; others (a sample, an import) are new books.
    void openRequest.then(() => {
      if (ownOpens.delete(change.version)) return
      void guarded(() => adoptNewBook(change.workspaceName))
    })
  })

  watch(
    () => parts.all.map((part) => part.track()),
    () => {
      if (restoringParts || !ready.value || !currentId.value) return
      partsDirty.value = true
      scheduleAutosave()
    }
  )

  async function rename(id: string, name: string): Promise<boolean> {
    const done = await guarded(async () => {
      await renameWorkspace(db, id, name)
      await refreshList()
      return true
    })
    return done === true
  }

  async function duplicate(id: string): Promise<void> {
    await guarded(async () => {
      if (id === currentId.value && (bookDirty.value || partsDirty.value)) await save()
      const original = list.value.find((entry) => entry.id === id)
      await duplicateWorkspace(db, id, await freeName(db, `${original?.name ?? 'Workspace'} copy`))
      await refreshList()
    })
  }

  async function remove(id: string): Promise<void> {
    await guarded(async () => {
      if (id === currentId.value)
        throw new Error('this workspace is open: open another one before deleting it')
      await deleteWorkspace(db, id)
      await refreshList()
    })
  }

  async function exportWorkspace(id: string): Promise<void> {
    await guarded(async () => {
      if (id === currentId.value && (bookDirty.value || partsDirty.value) && !(await save()))
        throw new Error(`the workspace could not be saved before export: ${failed.value}`)
      const workspace = await db.workspaces.get(id)
      if (!workspace) throw new Error('that workspace no longer exists')
      const content = await loadRevision(db, workspace.head)
      const { bytes, contentHash } = await encodeWorkspaceFile({ name: workspace.name, ...content })
      saveBytes(bytes, `${workspace.name.replace(/[^\w .()-]+/g, '_')}${FILE_EXTENSION}`)
      notice.value = `Exported "${workspace.name}" (content ${contentHash.slice(0, 19)}…)`
    })
  }

  /** Stores a workspace file as a new workspace; a damaged or foreign file changes nothing. */
  async function importFile(file: File): Promise<void> {
    await guarded(async () => {
      let decoded: Awaited<ReturnType<typeof decodeWorkspaceFile>>
      try {
        decoded = await decodeWorkspaceFile(new Uint8Array(await file.arrayBuffer()))
      } catch (cause) {
        throw new Error(`${file.name}: ${userMessage(cause)}`)
      }
      const created = await createWorkspace(
        db,
        { snapshot: decoded.snapshot, parts: decoded.parts },
        decoded.name
      )
      await refreshList()
      notice.value = `Imported "${created.name}" from ${file.name}: ${created.positions.toLocaleString('en-US')} positions, content ${decoded.contentHash.slice(0, 19)}… verified`
    })
  }

  /** A saved version's content, for comparing. */
  const loadVersion = (revisionId: string): Promise<WorkspaceContent> =>
    loadRevision(db, revisionId)

  function dismissNotice(): void {
    notice.value = null
  }

  return {
    list,
    revisions,
    currentId,
    current,
    state,
    failed,
    notice,
    error,
    ready,
    start,
    save,
    open,
    rename,
    duplicate,
    remove,
    exportWorkspace,
    importFile,
    loadVersion,
    dismissNotice
  }
})
