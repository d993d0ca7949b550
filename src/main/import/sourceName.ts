import { basename, extname } from 'node:path'

/** A file's name without folder and extension: the account of a single-account export. */
export const sourceName = (path: string): string => basename(path, extname(path))
