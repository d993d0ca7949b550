import { describe, expect, it } from 'vitest'
import { WorkspaceParts, type WorkspacePart } from '../../src/renderer/src/workspaces/parts'

function part(key: string, version: number, state: { value: unknown }): WorkspacePart {
  return {
    key,
    version,
    capture: () => state.value,
    restore: (value, from) => {
      if (from < version && typeof value !== 'object') return `cannot read version ${from}`
      state.value = value
      return null
    },
    track: () => state.value
  }
}

describe('workspace parts', () => {
  it('captures every part with its version and puts each back', () => {
    const scenarios = { value: { scenarios: ['flash-crash'] } }
    const view = { value: 'book' }
    const parts = new WorkspaceParts()
    parts.register(part('scenarios', 2, scenarios))
    parts.register(part('view', 1, view))
    const stored = parts.capture()
    expect(stored).toEqual({
      scenarios: { version: 2, value: { scenarios: ['flash-crash'] } },
      view: { version: 1, value: 'book' }
    })
    scenarios.value = { scenarios: [] }
    view.value = 'cockpit'
    expect(parts.restore(stored)).toEqual([])
    expect(scenarios.value).toEqual({ scenarios: ['flash-crash'] })
    expect(view.value).toBe('book')
  })

  it('says which parts it could not restore, and leaves unknown ones alone', () => {
    const scenarios = { value: null as unknown }
    const parts = new WorkspaceParts()
    parts.register(part('scenarios', 2, scenarios))
    expect(
      parts.restore({
        scenarios: { version: 1, value: 'old text format' },
        monteCarlo: { version: 1, value: {} }
      })
    ).toEqual(['scenarios: cannot read version 1'])
    expect(parts.restore({ scenarios: { version: 3, value: {} } })).toEqual([
      'scenarios: saved by a newer version of the app (3)'
    ])
    expect(scenarios.value).toBeNull()
    expect(() => parts.register(part('scenarios', 1, scenarios))).toThrow(
      'workspace part scenarios registered twice'
    )
  })
})
