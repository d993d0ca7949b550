import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ScenarioError } from '../../../src/engine/timeline/scenarioError'
import { presetNames, resolveScenario } from '../../../src/main/simulation/scenarioFiles'

const dir = mkdtempSync(join(tmpdir(), 'cascade-scenarios-'))

function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

describe('resolveScenario', () => {
  it('finds a preset by name', () => {
    const { scenario, source } = resolveScenario('flash-crash')
    expect(source).toBe('preset flash-crash')
    expect(scenario.name).toBe('Flash crash')
  })

  it('reads a file by path, BOM and all', () => {
    const path = file(
      'mine.json',
      '\uFEFF{"version":1,"name":"mine","steps":5,"stepSeconds":1,"markets":[{"underlying":"BTC"}]}'
    )
    expect(resolveScenario(path)).toMatchObject({ source: path, scenario: { name: 'mine' } })
  })

  it('names the file and the field of a bad scenario, and the presets for an unknown name', () => {
    const bad = file('bad.json', '{"version":1,"name":"x","steps":5,"stepSeconds":1,"markets":[]}')
    expect(() => resolveScenario(bad)).toThrow(
      new RegExp(`^${bad.replace(/[.\\/]/g, '\\$&')}: scenario markets: `)
    )
    const broken = file('broken.json', '{"version":')
    expect(() => resolveScenario(broken)).toThrow(/broken\.json: not valid JSON/)
    expect(() => resolveScenario('flash-crush')).toThrow(ScenarioError)
    expect(() => resolveScenario('flash-crush')).toThrow(
      `no scenario file or preset "flash-crush"; the presets are ${presetNames().join(', ')}`
    )
  })
})
