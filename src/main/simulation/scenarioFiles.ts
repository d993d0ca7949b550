import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parseScenario } from '../../engine/timeline/parseScenario'
import { ScenarioError } from '../../engine/timeline/scenarioError'
import type { Scenario } from '../../engine/timeline/scenarioSchema'
import { resourcesDir } from '../resourcesDir'

const presetsDir = (): string => join(resourcesDir(), 'scenarios')

/** The shipped presets by name (the file name without `.json`), sorted. */
export function presetNames(): string[] {
  return readdirSync(presetsDir())
    .filter((file) => file.endsWith('.json'))
    .map((file) => basename(file, '.json'))
    .sort()
}

/** Reads and validates a scenario file; errors name the file and the field. */
export function readScenarioFile(path: string): Scenario {
  const text = readFileSync(path, 'utf8')
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new ScenarioError(`${path}: not valid JSON (${(error as Error).message})`)
  }
  try {
    return parseScenario(json)
  } catch (error) {
    if (error instanceof ScenarioError) throw new ScenarioError(`${path}: ${error.message}`)
    throw error
  }
}

/**
 * A scenario named by the user: a preset's name (`flash-crash`), else a file path. A name that is
 * neither is reported with the list of presets rather than as a missing file.
 */
export function resolveScenario(nameOrPath: string): { scenario: Scenario; source: string } {
  const presets = presetNames()
  if (presets.includes(nameOrPath)) {
    return {
      scenario: readScenarioFile(join(presetsDir(), `${nameOrPath}.json`)),
      source: `preset ${nameOrPath}`
    }
  }
  if (!existsSync(nameOrPath)) {
    throw new ScenarioError(
      `no scenario file or preset "${nameOrPath}"; the presets are ${presets.join(', ')}`
    )
  }
  return { scenario: readScenarioFile(nameOrPath), source: nameOrPath }
}
