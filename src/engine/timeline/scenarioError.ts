/** A scenario that cannot be run; the message names the field, e.g. `markets[0].path[1].move`. */
export class ScenarioError extends Error {
  override name = 'ScenarioError'
}
