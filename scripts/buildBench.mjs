// Bundles the engine and import benchmarks with their worker threads into out/bench, so they time
// the code as it ships: the app and the bundled CLI run compiled workers, and a worker started from
// TypeScript source compiles itself first, so from source the import reads on one thread only.
import { build } from 'esbuild'

await build({
  entryPoints: {
    run: 'tests/bench/run.ts',
    monteCarlo: 'tests/bench/monteCarlo.ts',
    monteCarloWorker: 'src/main/simulation/monteCarloWorker.ts',
    positionBatchWorker: 'src/main/import/positionBatchWorker.ts'
  },
  outdir: 'out/bench',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // The bench's own packages (fast-csv, csv-parse, ...) stay out: they resolve from node_modules.
  packages: 'external',
  logLevel: 'warning'
})
