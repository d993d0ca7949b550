import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LENDING_FIELDS } from '../../../src/engine/import/lendingColumns'
import { POSITION_FIELDS } from '../../../src/engine/import/positionColumns'
import {
  ImportFileError,
  importLendingFile,
  importPositionsFile,
  type ImportSummary
} from '../../../src/main/import/importFiles'
import { tempFiles } from './importTestFiles'

const files = tempFiles()

const DELIMITERS = [',', ';', '\t', '|']
const NEWLINES = ['\n', '\r\n', '\r']

/** Text full of CSV's special characters, numbers of every shape, and near misses. */
const garbage = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'x',
    '1,5',
    'NaN',
    'Infinity',
    '-0',
    '1e400',
    '0',
    '-1',
    '1001x',
    '120%'
  ),
  fc.double().map(String),
  fc.stringMatching(/^[ -~"\n\r\t,;|é€\u00a0]{0,12}$/)
)

const positive = fc.oneof(
  fc.double({ min: 1e-6, max: 1e9, noNaN: true }).map(String),
  fc.constantFrom('1,234.5', '1_000', '0.5')
)
const nonNegative = fc.oneof(positive, fc.constant('0'), fc.constant(''))

/** Mostly plausible values per column, so that rows get past the first cell and some import. */
const PLAUSIBLE: Record<string, fc.Arbitrary<string>> = {
  id: fc.stringMatching(/^p[0-9]{1,2}$/),
  account: fc.constantFrom('', 'a', 'b'),
  venue: fc.constantFrom('', 'Binance', 'okx'),
  symbol: fc.constantFrom('BTCUSDT', 'BTCUSD'),
  contract: fc.constantFrom('', 'linear', 'INVERSE'),
  side: fc.constantFrom('long', 'S', '-1', 'buy'),
  size: positive,
  entry_price: positive,
  margin_mode: fc.constantFrom('', 'cross', 'Isolated Margin'),
  margin: nonNegative,
  leverage: fc.constantFrom('', '10x', '5', '1000'),
  mmr: fc.constantFrom('', '0.5%', '0.004'),
  maintenance_amount: nonNegative,
  wallet_balance: fc.constantFrom('', '0', '1000', '1,000', '999'),
  mark_price: fc.oneof(positive, fc.constant('')),
  protocol: fc.constantFrom('aave', 'Compound'),
  asset: fc.constantFrom('WETH', 'USDC'),
  role: fc.constantFrom('collateral', 'DEBT'),
  amount: positive,
  liquidation_threshold: fc.constantFrom('', '80%', '0.825', '1'),
  liquidation_bonus: fc.constantFrom('', '5%', '0.1')
}

// Own keys only: a random extra column may be called "constructor" or "toString".
const cellFor = (column: string): fc.Arbitrary<string> =>
  Object.hasOwn(PLAUSIBLE, column)
    ? fc.oneof({ weight: 12, arbitrary: PLAUSIBLE[column] }, { weight: 1, arbitrary: garbage })
    : garbage

const extraName = fc.oneof(
  fc.constantFrom('note', 'Entry Price', 'SIDE', ' id '),
  fc.stringMatching(/^[ -~]{0,8}$/)
)

/** The required columns, some optional ones and some unknown ones, shuffled. */
function headerOf(fields: readonly string[], required: readonly string[]): fc.Arbitrary<string[]> {
  const optional = fields.filter((field) => !required.includes(field))
  return fc
    .tuple(fc.subarray(optional), fc.array(extraName, { maxLength: 2 }))
    .chain(([chosen, extra]) => {
      const names = [...required, ...chosen, ...extra]
      return fc.shuffledSubarray(names, { minLength: names.length })
    })
}

/** Mostly usable headers, so records get mapped; random names now and then. */
const header = fc.oneof(
  {
    weight: 4,
    arbitrary: headerOf(POSITION_FIELDS, ['id', 'symbol', 'side', 'size', 'entry_price'])
  },
  {
    weight: 2,
    arbitrary: headerOf(LENDING_FIELDS, ['account', 'protocol', 'asset', 'role', 'amount'])
  },
  { weight: 1, arbitrary: fc.array(extraName, { maxLength: 8 }) }
)

/** Records mostly as wide as the header, some a field short or long. */
const rowsFor = (names: string[]): fc.Arbitrary<string[][]> =>
  fc.array(
    fc.oneof(
      { weight: 6, arbitrary: fc.tuple(...names.map(cellFor)) },
      { weight: 1, arbitrary: fc.array(garbage, { maxLength: names.length + 2 }) }
    ),
    { maxLength: 15 }
  )

type Quoting = 'minimal' | 'always' | 'raw'

/** Writes a cell the way some exporter might: correctly, over-quoted, or with no escaping at all. */
function render(value: string, delimiter: string, quoting: Quoting): string {
  if (quoting === 'raw') return value
  const needsQuotes = /["\r\n]/.test(value) || value.includes(delimiter)
  return quoting === 'always' || needsQuotes ? `"${value.replaceAll('"', '""')}"` : value
}

const csvText = fc
  .record({
    bom: fc.boolean(),
    delimiter: fc.constantFrom(...DELIMITERS),
    newline: fc.constantFrom(...NEWLINES),
    quoting: fc.constantFrom<Quoting>('minimal', 'minimal', 'always', 'raw'),
    table: header.chain((names) => rowsFor(names).map((rows) => [names, ...rows])),
    blankLines: fc.array(fc.nat(16), { maxLength: 3 }),
    trailingNewline: fc.boolean()
  })
  .map(({ bom, delimiter, newline, quoting, table, blankLines, trailingNewline }) => {
    const lines = table.map((cells) =>
      cells.map((value) => render(value, delimiter, quoting)).join(delimiter)
    )
    for (const at of blankLines) lines.splice(Math.min(at, lines.length), 0, '')
    return `${bom ? '\ufeff' : ''}${lines.join(newline)}${trailingNewline ? newline : ''}`
  })

function expectConsistent(summary: ImportSummary, kept: number): void {
  expect(summary.read).toBe(summary.imported + summary.rejected)
  expect(summary.errors).toHaveLength(summary.rejected)
  expect(kept).toBe(summary.imported)
  const lines = summary.errors.map((error) => error.line)
  expect(lines.every((line, i) => line >= 2 && (i === 0 || line > lines[i - 1]))).toBe(true)
}

/** Runs an import that may only fail with ImportFileError. */
async function settle(run: () => Promise<void>): Promise<void> {
  try {
    await run()
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error
  }
}

describe('importing random CSV text', () => {
  it('throws nothing but ImportFileError, and otherwise read = imported + rejected', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, async (text) => {
        const path = files.write('fuzz.csv', text)
        await settle(async () => {
          const { book, summary } = await importPositionsFile(path)
          expectConsistent(summary, book.length)
        })
        await settle(async () => {
          const { legs, summary } = await importLendingFile(path)
          expectConsistent(summary, legs.length)
        })
      }),
      { numRuns: 250 }
    )
  })

  it('reports each rejected record on the physical line it starts on', async () => {
    // Parts are never empty: a CR part-break followed by an LF one would be a single CRLF break.
    const note = fc.array(fc.stringMatching(/^[a-z ,"]{1,6}$/), { minLength: 1, maxLength: 4 })
    const row = fc.record({
      note,
      breaks: fc.array(fc.constantFrom(...NEWLINES), { maxLength: 3 }),
      blanks: fc.nat(2)
    })
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(...NEWLINES),
        async (rows, newline) => {
          let text = `id,symbol,side,size,entry_price,leverage,note${newline}`
          let line = 2
          const expected: number[] = []
          rows.forEach(({ note, breaks, blanks }, i) => {
            const parts = note.map(
              (part, k) =>
                part + (k < note.length - 1 ? (breaks[k % Math.max(1, breaks.length)] ?? '\n') : '')
            )
            const value = parts.join('')
            text += newline.repeat(blanks)
            line += blanks
            expected.push(line)
            text += `p${i},BTCUSDT,long,bad,1,1,"${value.replaceAll('"', '""')}"${newline}`
            line += 1 + note.length - 1
          })
          const { summary } = await importPositionsFile(files.write('lines.csv', text))
          expect(summary.errors.map((error) => error.line)).toEqual(expected)
        }
      ),
      { numRuns: 150 }
    )
  })
})
