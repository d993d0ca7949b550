/** The import was cancelled through its AbortSignal: nothing was imported. */
export class ImportCancelledError extends Error {
  override name = 'ImportCancelledError'

  constructor() {
    super('import cancelled')
  }
}
