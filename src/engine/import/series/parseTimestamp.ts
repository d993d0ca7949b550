const EPOCH_NUMBER = /^\d+(\.\d+)?$/
/** `2024-08-08 23:54:00` and `2024-08-08T23:54:00` with no zone: exchanges mean UTC. */
const ZONELESS_DATE_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * Epoch numbers scale with their unit: seconds have 10 digits today, milliseconds 13,
 * microseconds 16 (Binance's newer spot archives), nanoseconds 19.
 */
function epochMilliseconds(value: number): number {
  if (value < 1e11) return value * 1000
  if (value < 1e14) return value
  if (value < 1e17) return value / 1000
  return value / 1e6
}

/**
 * Milliseconds since the Unix epoch for a timestamp as exports write them: epoch seconds,
 * milliseconds, microseconds or nanoseconds, or an ISO 8601 date and time (UTC when no zone is
 * given). Null when the text is none of these.
 */
export function parseTimestamp(text: string): number | null {
  const trimmed = text.trim()
  if (EPOCH_NUMBER.test(trimmed)) return epochMilliseconds(Number(trimmed))
  let iso = trimmed
  if (ZONELESS_DATE_TIME.test(trimmed)) iso = `${trimmed.replace(' ', 'T')}Z`
  else if (DATE_ONLY.test(trimmed)) iso = `${trimmed}T00:00:00Z`
  else if (!/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) return null
  const time = Date.parse(iso)
  return Number.isFinite(time) ? time : null
}
