import type { ImportSummary } from '../main/import/importSummary'
import type { LoadedBook } from './bookSource'
import { count, table } from './format'
import type { CliIo, Output } from './output'

const REJECTS_SHOWN = 50

function describe(summary: ImportSummary): string {
  return `${count(summary.read)} rows read, ${count(summary.imported)} imported, ${count(summary.rejected)} rejected`
}

export async function printImportSummary(out: Output, loaded: LoadedBook): Promise<void> {
  const { positions, lending } = loaded.imports
  await out.line(
    `Book: ${loaded.source}${positions ? ` (${describe(positions)})` : `, ${count(loaded.book.length)} positions`}`
  )
  if (lending) await out.line(`Lending: ${lending.file} (${describe(lending)})`)
  for (const summary of [positions, lending]) {
    for (const note of summary?.notes ?? []) await out.line(`note: ${note}`)
  }
  for (const summary of [positions, lending]) {
    if (!summary || summary.errors.length === 0) continue
    await out.line()
    await out.line(`Rejected rows of ${summary.file}:`)
    const rows = summary.errors
      .slice(0, REJECTS_SHOWN)
      .map((e) => [String(e.line), e.column ?? '', e.reason])
    for (const text of table(['line', 'column', 'reason'], rows)) await out.line(text)
    if (summary.errors.length > REJECTS_SHOWN)
      await out.line(`... ${summary.errors.length - REJECTS_SHOWN} more (--json has them all)`)
  }
  await out.line()
}

/** Results for the good rows are printed either way; rejected rows make the exit code 1. */
export function rejectedExitCode(loaded: LoadedBook, io: CliIo): number {
  const rejected = [loaded.imports.positions, loaded.imports.lending].filter(
    (s): s is ImportSummary => s !== null && s.rejected > 0
  )
  if (rejected.length === 0) return 0
  const text = rejected
    .map(
      (s) =>
        `${s.file}: ${count(s.rejected)} of ${count(s.read)} rows rejected (first at line ${s.errors[0]?.line})`
    )
    .join('; ')
  io.stderr.write(`${text}; the results cover the imported rows\n`)
  return 1
}
