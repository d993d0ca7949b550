const SHOWN_CHARACTERS = 40

/** A cell value as a reason shows it: quoted, control characters escaped, long values cut. */
export function quoteValue(value: string): string {
  const shown = value.length > SHOWN_CHARACTERS ? `${value.slice(0, SHOWN_CHARACTERS)}…` : value
  return JSON.stringify(shown)
}
