/** Human-readable numbers for the table output (JSON and CSV carry full precision). */

export function money(value: number): string {
  const abs = Math.abs(value)
  const sign = value < 0 ? '-' : ''
  if (abs >= 1e9) return `${sign}$${(abs / 1e9).toFixed(2)}B`
  if (abs >= 1e6) return `${sign}$${(abs / 1e6).toFixed(2)}M`
  if (abs >= 1e3) return `${sign}$${(abs / 1e3).toFixed(1)}k`
  return `${sign}$${abs.toFixed(2)}`
}

export function price(value: number): string {
  if (!Number.isFinite(value)) return '-'
  const digits = value >= 1000 ? 2 : value >= 1 ? 4 : 6
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits
  })
}

export function percent(fraction: number, digits = 2): string {
  if (!Number.isFinite(fraction)) return '-'
  return `${fraction > 0 ? '+' : ''}${(fraction * 100).toFixed(digits)}%`
}

export const count = (value: number): string => value.toLocaleString('en-US')

/** Columns padded to their widest cell; numbers right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]?.length ?? 0)))
  const isNumeric = header.map(
    (_, c) =>
      rows.length > 0 && rows.every((row) => /^[-+$]?[\d,.]+[%kMBx]?$|^-$/.test(row[c] ?? ''))
  )
  const render = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (isNumeric[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd()
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...rows.map(render)]
}
