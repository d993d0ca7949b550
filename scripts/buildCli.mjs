// Bundles the `cascade` CLI and its worker threads (Monte Carlo, import) into out/cli, so the
// command starts as plain JavaScript: TypeScript compiled on every start cost a fifth of a second
// before any work. Packages are bundled too: resolving zod's many modules one by one cost 50 ms.
import { build } from 'esbuild'

await build({
  entryPoints: {
    main: 'src/cli/main.ts',
    monteCarloWorker: 'src/main/simulation/monteCarloWorker.ts',
    positionBatchWorker: 'src/main/import/positionBatchWorker.ts'
  },
  outdir: 'out/cli',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning'
})
