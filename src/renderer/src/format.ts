/** Numbers as a trading desk reads them: compact money, prices to the tick that matters. */

const MINUS = '\u2212'
/**
 * One formatter per number of decimals, made once: `toLocaleString` with options builds a new
 * formatter at every call, which shows when the book grid formats a screen of cells.
 */
const groupFormats = new Map<number, Intl.NumberFormat>()
function group(value: number, digits: number): string {
  let format = groupFormats.get(digits)
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits
    })
    groupFormats.set(digits, format)
  }
  return format.format(value)
}
const signed = (text: string): string => (text.startsWith('-') ? MINUS + text.slice(1) : text)

/** $1.23B, $94.8M, $12.4k, $512; "—" when there is no value. */
export function money(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  const size = Math.abs(value)
  const sign = value < 0 ? MINUS : ''
  if (size >= 1e9) return `${sign}$${(size / 1e9).toFixed(size >= 1e10 ? 1 : 2)}B`
  if (size >= 1e6) return `${sign}$${(size / 1e6).toFixed(size >= 1e8 ? 0 : size >= 1e7 ? 1 : 2)}M`
  if (size >= 1e3) return `${sign}$${(size / 1e3).toFixed(size >= 1e5 ? 0 : 1)}k`
  return `${sign}$${size.toFixed(0)}`
}

/** 61,800 · 2,680.50 · 155.23 · 0.0412 */
export function price(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  const size = Math.abs(value)
  const digits = size >= 10_000 || size === 0 ? 0 : size >= 100 ? 2 : size >= 1 ? 3 : 5
  return signed(group(value, digits))
}

/** A signed fraction as a percentage: −9.07%, +1.20%. */
export function signedPercent(fraction: number | null | undefined, digits = 2): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—'
  const text = (fraction * 100).toFixed(digits)
  return fraction > 0 ? `+${text}%` : `${signed(text)}%`
}

export function percent(fraction: number | null | undefined, digits = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—'
  return `${signed((fraction * 100).toFixed(digits))}%`
}

export function count(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  return signed(group(value, 0))
}

/** 1.13× */
export function multiple(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  return `${signed(value.toFixed(digits))}×`
}

export function duration(ms: number): string {
  if (ms < 1) return '<1 ms'
  if (ms < 1000) return `${ms.toFixed(0)} ms`
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
}

const VENUE_NAMES: Record<string, string> = {
  binance: 'Binance',
  bybit: 'Bybit',
  okx: 'OKX',
  hyperliquid: 'Hyperliquid',
  generic: 'Generic',
  'aave-v3': 'Aave v3',
  'compound-v3': 'Compound v3'
}

/** A venue as people write it; unknown venues keep the spelling they were imported with. */
export const venueLabel = (venue: string): string => VENUE_NAMES[venue] ?? venue

/** 10×, 12.5×: leverage is mostly a whole number, and its decimals only where it has them. */
export const leverage = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value)
    ? '—'
    : multiple(value, Number.isInteger(value) ? 0 : 1)
