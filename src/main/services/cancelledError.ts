/** A long job stopped because the user cancelled it; whatever it was building is dropped. */
export class CancelledError extends Error {
  override name = 'CancelledError'

  constructor() {
    super('cancelled')
  }
}
