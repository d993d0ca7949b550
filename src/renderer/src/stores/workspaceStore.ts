import { defineStore } from 'pinia'
import { computed, nextTick, ref, shallowRef, watch } from 'vue'
import type { BookChange } from '../../../shared/contract'
import { api, userMessage } from '../api'
import { appWorkspaceParts } from '../workspaces/appParts'
import {
  WorkspaceDb,
  type DeltaRecord,
  type RevisionRecord,
  type WorkspaceRecord
} from '../workspaces/db'
import { decodeWorkspaceFile, encodeWorkspaceFile, FILE_EXTENSION } from '../workspaces/exportFile'
import { WorkspaceParts, type StoredParts } from '../workspaces/parts'
import {
  appendDelta,
  createWorkspace,
  deleteWorkspace,
  deltasOf,
  duplicateWorkspace,
  freeName,
  lastDeltaSeq,
  listWorkspaces,
  loadRevision,
  renameWorkspace,
  revisionsOf,
  saveWorkspace,
  setDeltasAside,
  type WorkspaceContent
} from '../workspaces/repository'
import { saveBytes } from '../download'
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
  let openRequestsInFlight = 0
  /** Main's book being stored as a new workspace, while currentId is null. */
  let adopting: Promise<boolean> | null = null
  const adoptingBook = ref(false)
  /** Counts books main took on its own (a sample, an import): an older adoption gives way. */
  let foreignBooks = 0
  /** Delta log appends, in order: a save waits for them so it never drops one it has not seen. */
  let logging: Promise<void> = Promise.resolve()

  const current = computed(() => list.value.find((entry) => entry.id === currentId.value) ?? null)
  const state = computed<SaveState>(() => {
    if (!ready.value || opening.value) return 'opening'
    if (saving.value || adoptingBook.value) return 'saving'
    // No workspace holds main's book: nothing of it is saved, whatever the flags say.
    if (failed.value || !currentId.value) return 'failed'
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
   * With no workspace open (opening the last one failed), main's book becomes a new one.
   */
  function save(): Promise<boolean> {
    if (!currentId.value && ready.value && !opening.value)
      return adoptMainBook(app.workspace?.name ?? SAMPLE_NAME)
    const next = queuedSave.then(saveNow)
    queuedSave = next
    return next
  }

  function cancelAutosave(): void {
    if (autosaveTimer) clearTimeout(autosaveTimer)
    autosaveTimer = null
  }

  async function saveNow(): Promise<boolean> {
    const id = currentId.value
    if (!id) return false
    cancelAutosave()
    if (!bookDirty.value && !partsDirty.value && !failed.value) return true
    saving.value = true
    const withBook = bookDirty.value
    // Taken now: should main switch to another book during the save, these are still ours.
    const captured = parts.capture()
    bookDirty.value = false
    partsDirty.value = false
    try {
      await logging
      const foldedSeq = withBook ? await lastDeltaSeq(db, id) : null
      const taken = withBook ? await api.workspaceSnapshot() : null
      // Main took another book meanwhile: the snapshot is that book, not this workspace's. Its
      // own edits stay in its delta log; only its parts are saved.
      const snapshot = currentId.value === id ? taken : null
      const head = revisions.value.get(id)?.[0]
      const bookVersion = snapshot?.version ?? head?.bookVersion ?? 0
      await saveWorkspace(db, id, { snapshot, parts: captured, bookVersion, foldedSeq })
      if (snapshot) {
        await api.markWorkspaceSaved({ version: snapshot.version })
        // Edits made while the save ran are not in it: log them against the new version.
        if (app.workspace && app.workspace.version > snapshot.version) recordBookChanges()
      }
      if (currentId.value === id) failed.value = null
      await refreshList()
      return true
    } catch (cause) {
      if (currentId.value !== id) return false
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
    if (!id) {
      // Opening a workspace replaces main's book anyway.
      if (opening.value) return
      // No workspace holds main's book: the edit is kept by storing the whole book as one.
      const running = adopting !== null
      void adoptMainBook(app.workspace?.name ?? SAMPLE_NAME).then((adopted) => {
        // A running adoption may have taken its snapshot before this edit: log it after.
        if (adopted && running) recordBookChanges()
      })
      return
    }
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

  /**
   * Main took a book of its own (a sample, an import): from now on it is not the open
   * workspace's, so nothing of main's may be saved into that one. Its book edits are already in
   * its delta log; its parts, if changed, are taken now, before the new book changes them.
   */
  function detachFromMainBook(): { id: string; parts: StoredParts } | null {
    cancelAutosave()
    foreignBooks++
    const id = currentId.value
    const leftBehind = id && partsDirty.value ? { id, parts: parts.capture() } : null
    currentId.value = null
    bookDirty.value = false
    partsDirty.value = false
    failed.value = null
    return leftBehind
  }

  /** A parts-only version of a workspace main no longer holds the book of. */
  async function saveLeftBehindParts(leftBehind: {
    id: string
    parts: StoredParts
  }): Promise<void> {
    const head = revisions.value.get(leftBehind.id)?.[0]
    try {
      await saveWorkspace(db, leftBehind.id, {
        snapshot: null,
        parts: leftBehind.parts,
        bookVersion: head?.bookVersion ?? 0,
        foldedSeq: null
      })
    } catch (cause) {
      notice.value = `The run and view settings of the previous workspace could not be saved: ${userMessage(cause)}`
    }
  }

  /**
   * Stores main's book as a new workspace and makes it the open one; false (with why, as the
   * save state) when that failed, which leaves no workspace open: the next edit or save retries.
   */
  function adoptMainBook(
    name: string,
    leftBehind: { id: string; parts: StoredParts } | null = null
  ): Promise<boolean> {
    const generation = foreignBooks
    const previous = adopting ?? Promise.resolve(true)
    adoptingBook.value = true
    const adoption = previous.then(async () => {
      try {
        // A save of the previous workspace that is running finishes first.
        await queuedSave
        if (leftBehind) await saveLeftBehindParts(leftBehind)
        if (currentId.value) return true
        const snapshot = await api.workspaceSnapshot()
        // Main took yet another book meanwhile: the adoption asked for with that one stores it.
        if (generation !== foreignBooks) return false
        const created = await createWorkspace(db, { snapshot, parts: parts.capture() }, name)
        await refreshList()
        if (generation !== foreignBooks) return false
        await api.markWorkspaceSaved({ version: snapshot.version })
        bookDirty.value = false
        partsDirty.value = false
        failed.value = null
        await rememberCurrent(created.id)
        return true
      } catch (cause) {
        failed.value = `this book is in no workspace, so it is not saved (edit it or press Ctrl+S to try again): ${userMessage(cause)}`
        await refreshList().catch(() => undefined)
        return false
      } finally {
        if (adopting === adoption) {
          adopting = null
          adoptingBook.value = false
        }
      }
    })
    adopting = adoption
    return adoption
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

  /** Asks main to open a stored book; its 'open' event, arriving meanwhile, is known as ours. */
  async function requestOpen(
    snapshot: WorkspaceContent['snapshot'],
    deltas: readonly DeltaRecord[]
  ): Promise<number> {
    openRequestsInFlight++
    const request = api.openWorkspace({ snapshot, deltas: deltas.map((entry) => entry.delta) })
    openRequest = request.catch(() => undefined)
    try {
      const { version } = await request
      ownOpens.add(version)
      return version
    } finally {
      openRequestsInFlight--
    }
  }

  const changes = (count: number): string =>
    `${count.toLocaleString('en-US')} unsaved change${count === 1 ? '' : 's'}`

  /**
   * Opens a stored workspace with any edits its delta log kept from an interrupted session. A log
   * that no longer replays on the saved book must not lock the workspace: the saved version
   * opens, and the log is set aside (kept, not replayed) with a notice saying so.
   */
  async function open(id: string): Promise<void> {
    opening.value = true
    // From here until the parts are back, changes to them are the open's, not the user's.
    restoringParts = true
    await guarded(async () => {
      try {
        if (id !== currentId.value && (bookDirty.value || partsDirty.value)) await save()
        const workspace = await db.workspaces.get(id)
        if (!workspace) throw new Error('that workspace no longer exists')
        const deltas = await deltasOf(db, id)
        const head = await db.revisions.get(workspace.head)
        if (head && deltas.length === 0) {
          parts.preview(head.parts)
        }
        const content = await loadRevision(db, workspace.head)
        const snapshot = {
          ...content.snapshot,
          name: workspace.name,
          solved: content.solvedFromFile ? null : content.snapshot.solved
        }
        let version: number
        let unreplayable: string | null = null
        try {
          version = await requestOpen(snapshot, deltas)
        } catch (cause) {
          if (deltas.length === 0) throw cause
          version = await requestOpen(snapshot, [])
          unreplayable = userMessage(cause)
          await setDeltasAside(db, deltas, unreplayable)
        }
        await rememberCurrent(id)
        bookDirty.value = deltas.length > 0 && unreplayable === null
        partsDirty.value = false
        failed.value = null
        if (unreplayable !== null)
          notice.value = `${changes(deltas.length)} from the last session could not be applied to the saved version of "${workspace.name}" (${unreplayable}). The saved version is open; those changes are kept aside in its recovery log, not applied.`
        else if (deltas.length > 0)
          notice.value = `Recovered ${changes(deltas.length)} from the last session: save to keep them in a new version.`
        else notice.value = null
        await restoreParts(content, version)
        if (bookDirty.value) scheduleAutosave()
      } catch (cause) {
        if (!currentId.value)
          failed.value = `the workspace could not be opened, so the book on screen is in no workspace (edit it or press Ctrl+S to keep it as a new one): ${userMessage(cause)}`
        throw cause
      }
    })
    restoringParts = false
    opening.value = false
  }

  /** On first start the sample book main opened becomes the first workspace; later, the last one opened comes back. */
  async function start(): Promise<void> {
    await guarded(async () => {
      await refreshList()
      if (list.value.length === 0) {
        await adoptMainBook(app.workspace?.name ?? SAMPLE_NAME)
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
    if (change.reason === 'merge') {
      if (!currentId.value) return recordBookChanges()
      bookDirty.value = true
      scheduleAutosave()
      return
    }
    if (change.reason === 'open' && ownOpens.delete(change.version)) return
    // An open that may answer our own request in flight is decided once the request is answered.
    if (change.reason === 'open' && openRequestsInFlight > 0) {
      void openRequest.then(() => {
        if (ownOpens.delete(change.version)) return
        void adoptMainBook(change.workspaceName, detachFromMainBook())
      })
      return
    }
    // Any other book (a sample, an import) is a new workspace; the open one keeps its own book.
    void adoptMainBook(change.workspaceName, detachFromMainBook())
  })

  watch(
    () => parts.all.map((part) => part.track()),
    () => {
      // With no workspace open the state already says nothing is saved.
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

  /**
   * Stores a workspace file as a new workspace; a damaged or foreign file, or one main would
   * refuse to open, changes nothing.
   */
  async function importFile(file: File): Promise<void> {
    await guarded(async () => {
      let decoded: Awaited<ReturnType<typeof decodeWorkspaceFile>>
      try {
        decoded = await decodeWorkspaceFile(new Uint8Array(await file.arrayBuffer()))
      } catch (cause) {
        throw new Error(`${file.name}: ${userMessage(cause)}`)
      }
      // Its hash proves the file was not damaged, not that its positions make sense: main checks
      // them as it would on opening, so a file it would refuse is never stored. Main never sees
      // a file's solved table, so it is not sent.
      const { problem } = await api.checkWorkspace({
        snapshot: { ...decoded.snapshot, solved: null }
      })
      if (problem !== null)
        throw new Error(`${file.name}: the file does not hold a valid workspace: ${problem}`)
      // A file's solved table is not trusted: main solves the book again when it is opened.
      const created = await createWorkspace(
        db,
        { snapshot: decoded.snapshot, parts: decoded.parts, solvedFromFile: true },
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
