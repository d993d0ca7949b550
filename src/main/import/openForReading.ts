import { open, type FileHandle } from 'node:fs/promises'
import { readFailure } from './fileError'

/** Opens a file to read, or throws the reason the user can act on (not found, no permission). */
export async function openForReading(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r')
  } catch (error) {
    throw readFailure(path, error)
  }
}
