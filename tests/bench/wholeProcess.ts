import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { projectRoot } from './projectRoot'

const CLI = join(projectRoot(), 'bin', 'cascade.mjs')
const PANDAS_SCRIPT = join(projectRoot(), 'tests', 'bench', 'reference', 'pandas_cascade.py')
/** Debian's python3 carries pandas (apt-get install python3-pandas); a pyenv one may not. */
const PYTHONS = ['python3', '/usr/bin/python3']

const elapsed = (command: string, args: string[]): number => {
  const start = performance.now()
  const run = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] })
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr.toString()}`)
  return (performance.now() - start) / 1000
}

/**
 * `cascade shock` on the book against the pandas + numpy baseline, each timed as a whole process
 * (start, import, solve, cascade, output) the way a user runs it, interleaved, best of three.
 * Null when no python3 with pandas and numpy is installed.
 */
export function shockAgainstPandas(file: string): { ours: number; pandas: number } | null {
  const python = PYTHONS.find(
    (candidate) => spawnSync(candidate, ['-c', 'import pandas, numpy']).status === 0
  )
  if (!python) return null
  let ours = Infinity
  let pandas = Infinity
  for (let run = 0; run < 3; run++) {
    ours = Math.min(
      ours,
      elapsed('node', [CLI, 'shock', file, '--price', 'BTC=61800', '--shock', '-8%'])
    )
    pandas = Math.min(pandas, elapsed(python, [PANDAS_SCRIPT, file, '-0.08']))
  }
  return { ours, pandas }
}
