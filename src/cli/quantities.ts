import { CliError } from './cliError'

/**
 * A move written as a percentage (`-8%`, `0.5%`) or as a fraction (`-0.08`). A bare number of
 * magnitude 1 or more is refused: `-8` could mean either, and guessing moves a price by 800%.
 */
export function parseMove(option: string, text: string): number {
  const trimmed = text.trim()
  const percent = trimmed.endsWith('%')
  const number = Number(percent ? trimmed.slice(0, -1) : trimmed)
  if (trimmed === '' || trimmed === '%' || !Number.isFinite(number)) {
    throw new CliError(`--${option}: "${text}" is not a number; write it like -8% or -0.08`)
  }
  if (!percent && Math.abs(number) >= 1) {
    throw new CliError(
      `--${option}: "${text}" is ambiguous; write ${number}% for a percentage or ${number / 100} as a fraction`
    )
  }
  return percent ? number / 100 : number
}

export function parsePositive(option: string, text: string): number {
  const number = Number(text.trim().replace(/_/g, ''))
  if (!(Number.isFinite(number) && number > 0))
    throw new CliError(`--${option}: needs a positive number, got "${text}"`)
  return number
}

export function parsePositiveInteger(option: string, text: string, max: number): number {
  const number = parsePositive(option, text)
  if (!Number.isInteger(number) || number > max) {
    throw new CliError(`--${option}: needs a whole number from 1 to ${max}, got "${text}"`)
  }
  return number
}

/** `--price BTC=61800` (or a symbol, `BTCUSDT=61800`): the market price of an underlying. */
export function parsePriceAssignment(text: string): { market: string; price: number } {
  const match = /^([^=]+)=(.+)$/.exec(text.trim())
  if (!match)
    throw new CliError(`--price: write it as SYMBOL=PRICE (e.g. BTC=61800), got "${text}"`)
  const price = Number(match[2].replace(/[_,]/g, ''))
  if (!(Number.isFinite(price) && price > 0))
    throw new CliError(`--price ${match[1]}: needs a positive price, got "${match[2]}"`)
  return { market: match[1].trim(), price }
}
