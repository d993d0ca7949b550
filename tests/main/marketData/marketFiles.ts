import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll } from 'vitest'

export const marketFixture = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/market/${name}`, import.meta.url))

/** A temp folder for generated market data files, removed after the test file. */
export function marketTemp(): (name: string, content: string) => string {
  const dir = mkdtempSync(join(tmpdir(), 'cockpit-market-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return (name, content) => {
    const path = join(dir, name)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, content)
    return path
  }
}
