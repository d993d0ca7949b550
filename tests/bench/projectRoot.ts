import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The checkout's root, found upward from this module: it runs from tests/bench or out/bench. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let depth = 0; depth < 4; depth++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bin', 'cascade.mjs')))
      return dir
    dir = resolve(dir, '..')
  }
  throw new Error('cannot find the checkout (package.json and bin/cascade.mjs) above the bench')
}
