#!/usr/bin/env node
// The `cascade` command. It runs the bundled CLI (out/cli, built on install and by `npm run build`)
// when the bundle is newer than every source file, and the TypeScript source through tsx
// otherwise: a fresh clone or a fresh edit never runs stale code, and no build step stands
// between either and the tool.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const bundles = ['main.js', 'monteCarloWorker.js', 'positionBatchWorker.js'].map((name) =>
  join(root, 'out', 'cli', name)
)
/** The Vue app is no part of the CLI: editing it leaves the bundle current. */
const notInCli = join(root, 'src', 'renderer')

function newestChange(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (path === notInCli) continue
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs)
  }
  return newest
}

async function loadCli() {
  const built = bundles.every((bundle) => existsSync(bundle))
  const oldestBundle = built ? Math.min(...bundles.map((bundle) => statSync(bundle).mtimeMs)) : 0
  if (built && oldestBundle >= newestChange(join(root, 'src'))) {
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
