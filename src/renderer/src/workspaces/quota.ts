/** Room the browser's storage has left, and what to tell the user when a save does not fit. */

/** Headroom beyond the bytes a save writes: IndexedDB keeps indexes and a journal besides. */
const OVERHEAD = 1.25

export class StorageFullError extends Error {
  override name = 'StorageFullError'
}

const megabytes = (bytes: number): string => `${Math.ceil(bytes / 1e6).toLocaleString('en-US')} MB`

function fullMessage(what: string, needed: number, available: number | null): string {
  const room = available === null ? '' : `, ${megabytes(available)} free`
  return (
    `Not enough storage to save ${what} (it needs about ${megabytes(needed)}${room}). ` +
    'Nothing was lost: the last saved version is intact and your edits stay in the recovery log. ' +
    'Free disk space, or delete workspaces you no longer need (or export them to files first), then save again.'
  )
}

/** Refuses, before writing anything, a save the browser's quota cannot hold. */
export async function checkQuota(what: string, bytes: number): Promise<void> {
  const estimate = await globalThis.navigator?.storage?.estimate?.()
  if (!estimate?.quota) return
  const available = estimate.quota - (estimate.usage ?? 0)
  const needed = bytes * OVERHEAD
  if (needed > available) throw new StorageFullError(fullMessage(what, needed, available))
}

/** The browser refused the write itself: the same advice, with no numbers to give. */
export function isQuotaExceeded(error: unknown): boolean {
  const names = [(error as Error)?.name, (error as { inner?: Error })?.inner?.name]
  return names.includes('QuotaExceededError')
}

export function storageFullError(what: string, bytes: number): StorageFullError {
  return new StorageFullError(fullMessage(what, bytes * OVERHEAD, null))
}
