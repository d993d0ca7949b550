/** A snapshot that passed its schema but does not hang together; the message says where. */
export class SnapshotError extends Error {
  override name = 'SnapshotError'
}
