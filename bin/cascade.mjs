#!/usr/bin/env node
// The `cascade` command. It runs the bundled CLI (out/cli, built on install and by `npm run build`)
// when the bundle is newer than every source file, and the TypeScript source through tsx
// otherwise: a fresh clone or a fresh edit never runs stale code, and no build step stands
// between either and the tool.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const bundle = join(root, 'out', 'cli', 'main.js')

function newestChange(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs)
  }
  return newest
}

async function loadCli() {
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestChange(join(root, 'src'))) {
    return import(new URL('../out/cli/main.js', import.meta.url).href)
  }
  const { register } = await import('tsx/esm/api')
  register()
  return import('../src/cli/main.ts')
}

const { runCli, exitQuietlyOnClosedPipe } = await loadCli()
exitQuietlyOnClosedPipe()
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr
})
