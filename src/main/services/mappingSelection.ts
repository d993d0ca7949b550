import { canonicalMapping } from '../../engine/import/mapping/canonicalMapping'
import type { ColumnMapping, MappingPreset } from '../../engine/import/mapping/columnMapping'
import { detectPreset, type PresetDetection } from '../../engine/import/mapping/detectPreset'
import { fillValues } from '../../engine/import/mapping/filledValues'
import { ImportFileError } from '../../engine/import/importFileError'
import { BUILT_IN_PRESETS } from '../../engine/import/mapping/presets'
import { AUTO_PRESET, CANONICAL_PRESET } from '../../shared/importMapping'
import type { MappingSelection } from '../../shared/importTypes'

/** What reads a file: the preset resolved from the user's choice, and the mapping to read it by. */
export interface ResolvedSelection {
  /** The preset's name (detected when the user asked for `auto`), or `canonical`. */
  preset: string
  label: string
  /** The preset's or the user's mapping, before the user's values. */
  base: ColumnMapping
  /** What the import reads by: `base` with the user's values; null for the canonical fast path. */
  mapping: ColumnMapping | null
  /** What the preset says the export lacks. */
  notes: readonly string[]
  detection: PresetDetection | null
}

const CANONICAL_LABEL = 'canonical columns and header aliases'

/** Saved presets first: a user's preset of the same layout wins, as the CLI's `--presets` does. */
export const allPresets = (saved: readonly MappingPreset[]): MappingPreset[] => [
  ...saved,
  ...BUILT_IN_PRESETS.filter((preset) => preset.mapping.target === 'positions')
]

function presetNamed(name: string, presets: readonly MappingPreset[]): MappingPreset | null {
  if (name === CANONICAL_PRESET) return null
  const preset = presets.find((candidate) => candidate.name === name)
  if (!preset) throw new ImportFileError(`unknown preset "${name}": choose one from the list`)
  if (preset.mapping.target !== 'positions')
    throw new ImportFileError(`${preset.label} is a lending export, not positions`)
  return preset
}

/**
 * Resolves the dialog's choice for one file's header. `auto` takes the detected preset; when
 * none fits, the canonical columns and aliases, with the detection saying why, so the user sees
 * the closest candidates and can pick or edit. A detected lending export is refused by name.
 */
export function resolveSelection(
  header: readonly string[],
  selection: MappingSelection,
  saved: readonly MappingPreset[]
): ResolvedSelection {
  const presets = allPresets(saved)
  let detection: PresetDetection | null = null
  let name = selection.preset
  if (name === AUTO_PRESET) {
    detection = detectPreset(header, [...saved, ...BUILT_IN_PRESETS])
    const chosen = detection.chosen
    if (chosen?.target === 'lending')
      throw new ImportFileError(
        `this is ${chosen.label}, a lending export: the dialog imports positions`
      )
    name = chosen === null || chosen.preset === 'canonical' ? CANONICAL_PRESET : chosen.preset
  }
  const preset = presetNamed(name, presets)
  const base = selection.mapping ?? preset?.mapping ?? canonicalMapping('positions')
  const values = selection.values ?? []
  const edited = selection.mapping !== undefined
  const label = `${preset?.label ?? CANONICAL_LABEL}${edited ? ', edited' : ''}`
  const untouched = preset === null && !edited && values.length === 0
  return {
    preset: name,
    label,
    base,
    mapping: untouched ? null : fillValues(base, values),
    notes: preset?.notes ?? [],
    detection
  }
}
