import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

/**
 * Starts a worker thread on `script`. Compiled code (.js) starts as it is. TypeScript source (the
 * CLI and the tests run through tsx) starts through a small bootstrap that registers tsx first:
 * Node 20 does not pass `--import tsx` in a worker's execArgv on to its ESM loader.
 */
export function startWorker(script: URL): Worker {
  if (!script.pathname.endsWith('.ts')) return new Worker(script)
  const bootstrap = `import(${JSON.stringify(tsxRegisterUrl())}).then(({ register }) => {
    register()
    return import(${JSON.stringify(script.href)})
  })`
  return new Worker(bootstrap, { eval: true })
}

/**
 * tsx's ESM registration API, found through its package manifest: a worker started from code has
 * no module of its own to resolve the bare name from, and the API's CommonJS entry cannot be imported.
 */
function tsxRegisterUrl(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json')
  const exports = JSON.parse(readFileSync(manifest, 'utf8')).exports as Record<
    string,
    { import: { default: string } }
  >
  return new URL(exports['./esm/api'].import.default, pathToFileURL(manifest)).href
}

/** The worker script next to `module` (an import.meta.url), in the same form: .ts from source, .js built. */
export function siblingScript(module: string, name: string): URL {
  return new URL(`./${name}${module.endsWith('.ts') ? '.ts' : '.js'}`, module)
}
