import { ImportFileError } from '../../engine/import/importFileError'

/** A file-level problem, worded as `<path>: <problem>` for the user. */
export function fileError(path: string, problem: string): ImportFileError {
  return new ImportFileError(`${path}: ${problem}`)
}

const PROBLEMS_BY_CODE: Record<string, string> = {
  ENOENT: 'file not found',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder, not a file'
}

/** Turns an error from the file system into one the user can act on. */
export function readFailure(path: string, error: unknown): ImportFileError {
  const code = (error as NodeJS.ErrnoException).code
  const problem = code === undefined ? undefined : PROBLEMS_BY_CODE[code]
  return fileError(path, problem ?? `cannot be read (${code ?? String(error)})`)
}
