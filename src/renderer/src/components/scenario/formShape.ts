/**
 * Why the form cannot show a draft, or an empty list when it can. The form walks the draft's
 * lists and sections (markets, each market's path and withdrawals, mechanics, heatmap, Monte Carlo
 * settings); a file, a JSON edit or a stored snapshot can hold anything there, and a `null` market
 * would crash the form. Values inside those (a step count of "ten") are the validator's business:
 * the form shows them with its messages.
 */
export function formShapeProblems(draft: unknown): string[] {
  if (!isRecord(draft)) return ['the scenario is not a JSON object']
  const problems: string[] = []
  const optionalRecord = (owner: Record<string, unknown>, key: string, field: string): void => {
    if (owner[key] !== undefined && !isRecord(owner[key]))
      problems.push(`${field} must be an object { … }`)
  }
  /** Each object of the list in order, to `each`; whatever is not an object is a problem. */
  const listOfRecords = (
    value: unknown,
    field: string,
    required: boolean,
    each: (item: Record<string, unknown>, itemField: string) => void = () => {}
  ): void => {
    if (value === undefined && !required) return
    if (!Array.isArray(value)) {
      problems.push(`${field} must be a list [ … ]`)
      return
    }
    value.forEach((item: unknown, i) => {
      if (isRecord(item)) each(item, `${field}[${i}]`)
      else problems.push(`${field}[${i}] must be an object { … }`)
    })
  }

  listOfRecords(draft.markets, 'markets', true, (market, field) => {
    if (market.underlying !== undefined && typeof market.underlying !== 'string')
      problems.push(`${field}.underlying must be text`)
    optionalRecord(market, 'impact', `${field}.impact`)
    listOfRecords(market.path, `${field}.path`, false)
    listOfRecords(market.liquidity, `${field}.liquidity`, false)
  })
  for (const section of ['mechanics', 'heatmap', 'monteCarlo'])
    optionalRecord(draft, section, section)
  if (isRecord(draft.mechanics)) {
    optionalRecord(draft.mechanics, 'venues', 'mechanics.venues')
    const venues = draft.mechanics.venues
    if (isRecord(venues))
      for (const [name, rules] of Object.entries(venues))
        if (!isRecord(rules)) problems.push(`mechanics.venues.${name} must be an object { … }`)
  }
  if (isRecord(draft.monteCarlo))
    for (const list of ['levels', 'percentiles'])
      if (draft.monteCarlo[list] !== undefined && !Array.isArray(draft.monteCarlo[list]))
        problems.push(`monteCarlo.${list} must be a list [ … ]`)
  return problems
}

/** A JSON object: not null, not a list. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
