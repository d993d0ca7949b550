/**
 * One thing wrong with a scenario, where the editor can show it: `path` is the field's place in
 * the JSON (`['markets', 0, 'path', 1, 'move']`), `field` the same as a reader writes it
 * (`markets[0].path[1].move`).
 */
export interface ScenarioProblem {
  path: (string | number)[]
  field: string
  message: string
}

/** `markets[0].path[1].move`: the field as a reader of the JSON finds it. */
export function fieldName(path: readonly PropertyKey[]): string {
  let name = ''
  for (const key of path) {
    if (typeof key === 'number') name += `[${key}]`
    else name += name === '' ? String(key) : `.${String(key)}`
  }
  return name === '' ? '(the whole scenario)' : name
}
