import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The shipped `resources/` folder: next to `src/` when run from source (CLI, tests), next to
 * `out/` when bundled (the Electron main process, the built CLI).
 */
export function resourcesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let depth = 0; depth < 5; depth++) {
    const candidate = join(dir, 'resources')
    if (existsSync(join(candidate, 'tiers'))) return candidate
    dir = resolve(dir, '..')
  }
  throw new Error(
    'cannot find the resources folder (tiers, market data, sample workspace) next to the app'
  )
}
