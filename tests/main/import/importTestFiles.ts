import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll } from 'vitest'

/** The path of a checked-in fixture under tests/fixtures/import. */
export const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url))

/**
 * A temp folder for files whose exact bytes matter (BOM, CRLF, NUL) or that are generated, so a
 * checkout's line-ending conversion cannot change them. Removed after the test file.
 */
export function tempFiles(): {
  path(name: string): string
  write(name: string, content: string | Uint8Array): string
} {
  const dir = mkdtempSync(join(tmpdir(), 'cockpit-import-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return {
    path: (name) => join(dir, name),
    write(name, content) {
      const path = join(dir, name)
      writeFileSync(path, content)
      return path
    }
  }
}
