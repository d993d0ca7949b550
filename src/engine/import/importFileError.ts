/**
 * The file as a whole cannot be imported, so nothing is: it is missing, empty, binary, has no
 * header row or lacks a required column. The message is written for the user, not for a log.
 */
export class ImportFileError extends Error {
  override name = 'ImportFileError'
}
