import { createWriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import type { Writable } from 'node:stream'
import {
  formatLendingLegCsvLine,
  formatPositionCsvLine,
  lendingLegCsvHeader,
  positionCsvHeader
} from '../../engine/sample/formatCanonicalCsv'
import { sampleLendingLegs } from '../../engine/sample/sampleLendingLegs'
import { samplePositions } from '../../engine/sample/samplePositions'
import { loadSampleWorkspace } from '../../main/sampleWorkspace'
import { stringOption } from '../args'
import { CliError } from '../cliError'
import type { Command } from '../command'
import { Output } from '../output'
import { parsePositiveInteger } from '../quantities'

const MAX_ROWS = 50_000_000

async function writeTo(
  path: string | undefined,
  stdout: Writable,
  write: (out: Output) => Promise<void>
): Promise<void> {
  const stream = path ? createWriteStream(path) : stdout
  const failed = new Promise<never>((_, reject) => stream.once('error', reject))
  const out = new Output(stream)
  await Promise.race([write(out).then(() => out.flush()), failed])
  if (path) {
    stream.end()
    await finished(stream)
  }
}

export const sampleCommand: Command = {
  name: 'sample',
  summary: 'write a realistic synthetic book (deterministic per seed) as canonical CSV',
  usage: `cascade sample [--rows N] [--seed S] [--out FILE] [--lending-out FILE] [--lending-positions N]

  --rows N              positions to generate (default: the built-in sample's 20000)
  --seed S              any integer; the same seed gives the same book, byte for byte (default 7)
  --out FILE            where to write the positions CSV (default: standard output)
  --lending-out FILE    also write Aave/Compound-style lending legs there
  --lending-positions N lending positions to generate (default: rows / 50)`,
  options: {
    rows: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
    'lending-out': { type: 'string' },
    'lending-positions': { type: 'string' }
  },
  async run(args, io) {
    const workspace = loadSampleWorkspace()
    const rowsText = stringOption(args, 'rows')
    const rows = rowsText
      ? parsePositiveInteger('rows', rowsText, MAX_ROWS)
      : workspace.positions.rows
    const seedText = stringOption(args, 'seed')
    const seed = seedText === undefined ? workspace.positions.seed : Number(seedText)
    if (!Number.isSafeInteger(seed))
      throw new CliError(`--seed: needs an integer, got "${seedText}"`)
    await writeTo(stringOption(args, 'out'), io.stdout, async (out) => {
      await out.line(positionCsvHeader())
      for (const row of samplePositions({ rows, seed })) await out.line(formatPositionCsvLine(row))
    })
    const lendingOut = stringOption(args, 'lending-out')
    if (lendingOut) {
      const countText = stringOption(args, 'lending-positions')
      const positions = countText
        ? parsePositiveInteger('lending-positions', countText, MAX_ROWS)
        : Math.max(1, Math.round(rows / 50))
      await writeTo(lendingOut, io.stdout, async (out) => {
        await out.line(lendingLegCsvHeader())
        for (const leg of sampleLendingLegs({ positions, seed }))
          await out.line(formatLendingLegCsvLine(leg))
      })
    }
    return 0
  }
}
