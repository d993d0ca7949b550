import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_PRESETS } from '../../../src/engine/import/mapping/presets'
import {
  ImportFileError,
  importLendingFile,
  importPositionsFile,
  type ImportSummary
} from '../../../src/main/import/importFiles'
import { tempFiles } from './importTestFiles'

const files = tempFiles()

const FIXTURES = [
  'binance-usdm-positionrisk-v2.csv',
  'binance-coinm-positionrisk.csv',
  'bybit-position-list.csv',
  'okx-account-positions.csv',
  'hyperliquid-asset-positions.csv',
  'dydx-perpetual-positions.csv',
  'aave-user-reserves.csv',
  'compound-account-tokens.csv'
].map((name) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/exchanges/${name}`, import.meta.url)), 'utf8')
)

/** Cells exports hold: signed numbers, words of every venue's vocabulary, blanks, junk. */
const cell = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(String) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      '0',
      '-0',
      '1',
      'Buy',
      'Sell',
      'long',
      'short',
      'net',
      'cross',
      'isolated',
      'crossed',
      'true',
      'false',
      'OPEN',
      'CLOSED',
      'BTCUSDT',
      'BTCUSD_PERP',
      'BTC-USD-SWAP',
      'ETH-USDT-SWAP',
      'BTC',
      'cETH',
      '1e400',
      'NaN',
      '1,5',
      '10x',
      '82.5%'
    )
  },
  { weight: 1, arbitrary: fc.stringMatching(/^[ -~"\n,;é]{0,10}$/) }
)

const render = (value: string): string =>
  /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value

/** A header from a preset's layout (shuffled, some columns dropped, some unknown ones added) and rows. */
const presetCsv = fc
  .record({
    preset: fc.constantFrom(...BUILT_IN_PRESETS),
    keep: fc.double({ min: 0.4, max: 1, noNaN: true }),
    extra: fc.array(fc.constantFrom('note', 'id', 'side', 'size'), { maxLength: 2 }),
    seed: fc.integer()
  })
  .chain(({ preset, keep, extra, seed }) => {
    const layout = preset.layouts[Math.abs(seed) % preset.layouts.length].columns
    const columns = [
      ...layout.filter((_, i) => ((seed >>> (i % 31)) & 1) === 1 || i / layout.length < keep),
      ...extra
    ]
    return fc
      .tuple(
        fc.shuffledSubarray(columns, { minLength: columns.length }),
        fc.array(fc.array(cell, { minLength: columns.length - 1, maxLength: columns.length + 1 }), {
          maxLength: 12
        })
      )
      .map(([header, rows]) => [header, ...rows].map((row) => row.map(render).join(',')).join('\n'))
  })

/** A fixture with random bytes replaced, removed or duplicated. */
const mutatedFixture = fc
  .tuple(
    fc.constantFrom(...FIXTURES),
    fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ maxLength: 3 })), { maxLength: 6 })
  )
  .map(([text, edits]) =>
    edits.reduce((acc, [at, cut, insert]) => {
      const i = at % Math.max(1, acc.length)
      return acc.slice(0, i) + insert + acc.slice(i + cut)
    }, text)
  )

function expectConsistent(summary: ImportSummary, kept: number): void {
  expect(summary.read).toBe(summary.imported + summary.rejected)
  expect(summary.errors).toHaveLength(summary.rejected)
  expect(kept).toBeGreaterThanOrEqual(0)
  const lines = summary.errors.map((error) => error.line)
  expect(lines.every((line, i) => line >= 2 && (i === 0 || line > lines[i - 1]))).toBe(true)
}

async function settle(run: () => Promise<void>): Promise<void> {
  try {
    await run()
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error
  }
}

async function importEveryWay(text: string): Promise<void> {
  const path = files.write('fuzz.csv', text)
  for (const preset of ['auto', ...BUILT_IN_PRESETS.map((p) => p.name)]) {
    await settle(async () => {
      const { book, summary } = await importPositionsFile(path, { preset })
      expectConsistent(summary, book.length)
      expect(book.length).toBe(summary.imported)
    })
    await settle(async () => {
      const { legs, summary } = await importLendingFile(path, { preset })
      expectConsistent(summary, legs.length)
      expect(legs.length).toBeGreaterThanOrEqual(summary.imported)
    })
  }
}

describe('importing venue-shaped files through presets', () => {
  it('throws nothing but ImportFileError, and otherwise read = imported + rejected', async () => {
    await fc.assert(fc.asyncProperty(presetCsv, importEveryWay), { numRuns: 60 })
  })

  it('holds the same for fixtures with random damage', async () => {
    await fc.assert(fc.asyncProperty(mutatedFixture, importEveryWay), { numRuns: 60 })
  })
})
