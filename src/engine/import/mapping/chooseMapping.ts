import { ImportFileError } from '../importFileError'
import { canonicalMapping } from './canonicalMapping'
import type { ColumnMapping, MappingPreset } from './columnMapping'
import {
  CANONICAL_PRESET,
  detectPreset,
  type MappingTarget,
  type PresetDetection
} from './detectPreset'
import { applyOverrides, type FieldOverride } from './fieldOverride'
import { BUILT_IN_PRESETS } from './presets'

/** What the user asked for: a preset by name, `auto`, or a mapping of their own. */
export interface MappingRequest {
  /** A preset name, `auto` to detect one from the header, or absent for the canonical layout. */
  preset?: string
  /** A mapping from the mapping editor or a saved file; wins over `preset`. */
  mapping?: ColumnMapping
  /** Presets besides the built-in ones (saved by the user), searched first. */
  presets?: readonly MappingPreset[]
  overrides?: readonly FieldOverride[]
}

export interface MappingChoice {
  /** null: the canonical layout, read without a mapping (the fast path). */
  mapping: ColumnMapping | null
  preset: string
  label: string
  detection: PresetDetection | null
  notes: readonly string[]
}

export const AUTO_PRESET = 'auto'
const CUSTOM = 'custom'

const canonicalChoice = (
  target: MappingTarget,
  detection: PresetDetection | null
): MappingChoice => ({
  mapping: null,
  preset: CANONICAL_PRESET[target],
  label: target === 'positions' ? 'canonical positions' : 'canonical lending legs',
  detection,
  notes: []
})

const presetChoice = (preset: MappingPreset, detection: PresetDetection | null): MappingChoice => ({
  mapping: preset.mapping,
  preset: preset.name,
  label: preset.label,
  detection,
  notes: preset.notes
})

function namedPreset(name: string, presets: readonly MappingPreset[], target: MappingTarget) {
  if (name === CANONICAL_PRESET[target]) return null
  const preset = presets.find((candidate) => candidate.name.toLowerCase() === name)
  if (!preset) {
    const names = [
      AUTO_PRESET,
      CANONICAL_PRESET[target],
      ...presets.filter((p) => p.mapping.target === target).map((p) => p.name)
    ]
    throw new ImportFileError(
      `unknown preset "${name}"; the presets for ${target} are ${names.join(', ')}`
    )
  }
  return preset
}

function refuseOtherTarget(target: MappingTarget, otherTarget: MappingTarget, label: string): void {
  if (otherTarget === target) return
  throw new ImportFileError(
    `this is not a ${target} file: its header is that of ${label}, a ${otherTarget} export; import it as ${otherTarget}`
  )
}

function chooseWithoutOverrides(
  header: readonly string[],
  target: MappingTarget,
  request: MappingRequest,
  presets: readonly MappingPreset[]
): MappingChoice {
  if (request.mapping) {
    refuseOtherTarget(target, request.mapping.target, 'a custom mapping')
    return {
      mapping: request.mapping,
      preset: CUSTOM,
      label: 'custom mapping',
      detection: null,
      notes: []
    }
  }
  const name = request.preset?.trim().toLowerCase()
  if (name === undefined || name === '') return canonicalChoice(target, null)
  if (name !== AUTO_PRESET) {
    const preset = namedPreset(name, presets, target)
    if (preset === null) return canonicalChoice(target, null)
    refuseOtherTarget(target, preset.mapping.target, preset.label)
    return presetChoice(preset, null)
  }
  const detection = detectPreset(header, presets)
  const chosen = detection.chosen
  if (chosen === null) throw new ImportFileError(detection.explanation)
  refuseOtherTarget(target, chosen.target, chosen.label)
  const preset = presets.find((candidate) => candidate.name === chosen.preset)
  return preset ? presetChoice(preset, detection) : canonicalChoice(target, detection)
}

/**
 * Picks the mapping for a file from its header row and the user's request; throws
 * ImportFileError when the named preset is unknown or of the other kind of file, or when `auto`
 * finds no preset. The user's values apply on top; with values, even a canonical file is read
 * through a mapping.
 */
export function chooseMapping(
  header: readonly string[],
  target: MappingTarget,
  request: MappingRequest
): MappingChoice {
  const presets = [...(request.presets ?? []), ...BUILT_IN_PRESETS]
  const choice = chooseWithoutOverrides(header, target, request, presets)
  const overrides = request.overrides ?? []
  if (overrides.length === 0) return choice
  return {
    ...choice,
    mapping: applyOverrides(choice.mapping ?? canonicalMapping(target), overrides)
  }
}
