import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { ImportFileError } from '../../engine/import/importFileError'
import type { ColumnMapping, MappingPreset } from '../../engine/import/mapping/columnMapping'
import { BUILT_IN_PRESETS } from '../../engine/import/mapping/presets'
import { AUTO_PRESET, CANONICAL_PRESET } from '../../shared/importMapping'
import {
  deleteMappingPreset,
  loadMappingFile,
  saveMappingPreset
} from '../import/mappingPresetFiles'

/** `My Desk Export!` → `my-desk-export`: a preset's name is its file's name. */
function nameFor(label: string): string {
  return label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
}

const RESERVED = new Set([
  AUTO_PRESET,
  CANONICAL_PRESET,
  ...BUILT_IN_PRESETS.map((preset) => preset.name)
])

/**
 * The user's mapping presets, one JSON file each in a folder of the user's data: listed with the
 * built-in ones, detected by the header they were made for, reused next time.
 */
export class SavedPresets {
  constructor(private readonly dir: string) {}

  /** Every valid saved preset; a damaged file is skipped and named in `problems`. */
  async list(): Promise<{ presets: MappingPreset[]; problems: string[] }> {
    let names: string[]
    try {
      names = (await readdir(this.dir)).filter((name) => name.endsWith('.json')).sort()
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { presets: [], problems: [] }
      throw error
    }
    const presets: MappingPreset[] = []
    const problems: string[] = []
    for (const name of names) {
      try {
        const { preset } = await loadMappingFile(join(this.dir, name))
        if (!preset) problems.push(`${name}: a bare mapping, not a preset; it is ignored`)
        // The file's name is what a delete removes, so a preset must live under its own name.
        else if (`${preset.name}.json` !== name)
          problems.push(`${name}: holds a preset named "${preset.name}"; it is ignored`)
        else if (RESERVED.has(preset.name))
          problems.push(`${name}: "${preset.name}" is a built-in preset's name; it is ignored`)
        else presets.push(preset)
      } catch (error) {
        if (!(error instanceof ImportFileError)) throw error
        problems.push(error.message.split(this.dir).join('saved presets'))
      }
    }
    return { presets, problems }
  }

  /**
   * Saves a mapping under the user's label, detected later by `header`. A label that names a
   * built-in preset is refused (it would be shadowed); the same label again replaces the preset,
   * another label that comes to the same file name is refused rather than replacing it.
   */
  async save(
    label: string,
    mapping: ColumnMapping,
    header: readonly string[],
    fileName: string
  ): Promise<MappingPreset> {
    const name = nameFor(label)
    if (name === '')
      throw new ImportFileError(`"${label}" has no letters or digits to name the preset by`)
    if (RESERVED.has(name))
      throw new ImportFileError(`"${name}" is the name of a built-in preset: choose another`)
    const existing = (await this.list()).presets.find((saved) => saved.name === name)
    if (existing && existing.label !== label)
      throw new ImportFileError(
        `"${label}" would replace the saved preset "${existing.label}" (both are saved as ${name}): choose another name, or delete that preset first`
      )
    const preset: MappingPreset = {
      name,
      label,
      mapping,
      layouts: [{ name: fileName, columns: header.filter((column) => column.trim() !== '') }],
      notes: [],
      source: `saved from ${fileName} on ${new Date().toISOString().slice(0, 10)}`
    }
    await saveMappingPreset(this.dir, preset)
    return preset
  }

  async delete(name: string): Promise<void> {
    if (RESERVED.has(name)) throw new ImportFileError(`"${name}" is built in and cannot be deleted`)
    await deleteMappingPreset(this.dir, name)
  }
}
