/**
 * Which CSV library should stream the imports? Each candidate parses the same file from disk into
 * records of strings, with no mapping, so only the parser is measured.
 *
 *   npx tsx tests/bench/csvLibraries.ts [rows]      (default 1,000,000 rows)
 *
 * The command line runs every library in fresh child processes, so each peak RSS is that library's
 * alone and none inherits another's heap or JIT state. `benchmarkCsvLibraries` runs them in-process
 * for the main bench, which only wants times.
 */
import { parse as fastCsvParse } from '@fast-csv/parse'
import { fork } from 'node:child_process'
import { once } from 'node:events'
import { createReadStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { finished } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { parse as csvParse } from 'csv-parse'
import csvParser from 'csv-parser'
import Papa from 'papaparse'
import { csvParserOptions } from '../../src/main/import/csvParserOptions'
import { writeSyntheticPositionsCsv } from '../fixtures/import/syntheticPositions'

export interface LibraryTiming {
  library: string
  seconds: number
  /** Data records parsed (the header excluded): the same for every library, or one is wrong. */
  rows: number
}

/** Parses the file and resolves with the number of records, header included. */
type RecordCounter = (path: string) => Promise<number>

async function countRecords(parser: NodeJS.ReadableStream): Promise<number> {
  let records = 0
  parser.on('data', () => records++)
  await finished(parser)
  return records
}

const COUNTERS: Record<string, RecordCounter> = {
  'csv-parse': (path) =>
    countRecords(createReadStream(path).pipe(csvParse({ relax_column_count: true }))),
  // What the importer runs: lenient quotes, any line ending, blank lines kept for line counting.
  'csv-parse (importer options)': (path) =>
    countRecords(createReadStream(path).pipe(csvParse(csvParserOptions(',')))),
  // The parser's own line numbers: a record-plus-info object per record.
  'csv-parse (info: true)': (path) =>
    countRecords(createReadStream(path).pipe(csvParse({ relax_column_count: true, info: true }))),
  papaparse: (path) =>
    countRecords(
      createReadStream(path, 'utf8').pipe(
        Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: true })
      )
    ),
  'csv-parser': (path) => countRecords(createReadStream(path).pipe(csvParser({ headers: false }))),
  '@fast-csv/parse': (path) =>
    countRecords(createReadStream(path).pipe(fastCsvParse({ headers: false, ignoreEmpty: true })))
}

export const CSV_LIBRARIES = Object.keys(COUNTERS)

export async function timeCsvLibrary(library: string, path: string): Promise<LibraryTiming> {
  const started = performance.now()
  const records = await COUNTERS[library](path)
  return { library, seconds: (performance.now() - started) / 1000, rows: records - 1 }
}

export async function benchmarkCsvLibraries(path: string): Promise<LibraryTiming[]> {
  const timings: LibraryTiming[] = []
  for (const library of CSV_LIBRARIES) timings.push(await timeCsvLibrary(library, path))
  return timings
}

interface ChildMeasure {
  timing: LibraryTiming
  peakRssMiB: number
}

const CHILD_FLAG = '--measure-one'
const RUNS_PER_LIBRARY = 3

async function measureInChild(library: string, path: string): Promise<ChildMeasure> {
  const child = fork(fileURLToPath(import.meta.url), [CHILD_FLAG, library, path])
  const [message] = (await once(child, 'message')) as [ChildMeasure]
  await once(child, 'exit')
  return message
}

async function measureOneAndReport(library: string, path: string): Promise<void> {
  const timing = await timeCsvLibrary(library, path)
  const peakRssMiB = process.resourceUsage().maxRSS / 1024
  process.send?.({ timing, peakRssMiB } satisfies ChildMeasure)
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Median time and peak RSS over fresh processes, to damp noise from a shared machine. */
async function measureLibrary(library: string, path: string): Promise<ChildMeasure> {
  const runs: ChildMeasure[] = []
  for (let run = 0; run < RUNS_PER_LIBRARY; run++) runs.push(await measureInChild(library, path))
  const rows = new Set(runs.map((run) => run.timing.rows))
  if (rows.size !== 1) throw new Error(`${library} parsed different row counts: ${[...rows]}`)
  return {
    timing: { library, seconds: median(runs.map((r) => r.timing.seconds)), rows: [...rows][0] },
    peakRssMiB: median(runs.map((r) => r.peakRssMiB))
  }
}

function printTable(results: ChildMeasure[]): void {
  const fastest = Math.min(...results.map((r) => r.timing.seconds))
  const leanest = Math.min(...results.map((r) => r.peakRssMiB))
  const sorted = [...results].sort((a, b) => a.timing.seconds - b.timing.seconds)
  console.log(`${'library'.padEnd(30)}${'time (x fastest)'.padEnd(20)}peak RSS (x lowest)`)
  for (const { timing, peakRssMiB } of sorted) {
    const time = `${(timing.seconds / fastest).toFixed(2)}x (${timing.seconds.toFixed(2)} s)`
    const rss = `${(peakRssMiB / leanest).toFixed(2)}x (${peakRssMiB.toFixed(0)} MiB)`
    console.log(`${timing.library.padEnd(30)}${time.padEnd(20)}${rss}`)
  }
}

async function main(rows: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'csv-bench-'))
  try {
    const path = join(dir, 'positions.csv')
    const bytes = await writeSyntheticPositionsCsv(path, rows)
    console.log(`${rows} rows, ${(bytes / 2 ** 20).toFixed(1)} MiB, ${RUNS_PER_LIBRARY} runs each`)
    const results: ChildMeasure[] = []
    for (const library of CSV_LIBRARIES) results.push(await measureLibrary(library, path))
    const counts = new Set(results.map((r) => r.timing.rows))
    if (counts.size !== 1) console.warn(`libraries disagree on the row count: ${[...counts]}`)
    printTable(results)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const invokedDirectly = process.argv[1] === fileURLToPath(import.meta.url)
if (invokedDirectly && process.argv[2] === CHILD_FLAG) {
  await measureOneAndReport(process.argv[3], process.argv[4])
} else if (invokedDirectly) {
  await main(Number(process.argv[2] ?? 1_000_000))
}
