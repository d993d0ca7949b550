import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ColumnMapping, MappingPreset } from '../../engine/import/mapping/columnMapping'
import {
  columnMappingSchema,
  mappingPresetSchema,
  presetNameSchema
} from '../../engine/import/mapping/mappingSchema'
import { fileError, readFailure } from './fileError'

async function readJson(path: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw readFailure(path, error)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw fileError(path, `is not JSON: ${(error as Error).message}`)
  }
}

function invalid(path: string, issues: readonly { path: PropertyKey[]; message: string }[]) {
  const first = issues[0]
  const where = first.path.length > 0 ? `${first.path.join('.')}: ` : ''
  return fileError(path, `is not a valid column mapping: ${where}${first.message}`)
}

/**
 * A saved mapping: a preset (name, label, mapping, layouts...) or a bare mapping, as the mapping
 * editor saves them. Validated: a hand-edited file gets a message naming the bad field.
 */
export async function loadMappingFile(
  path: string
): Promise<{ mapping: ColumnMapping; preset: MappingPreset | null }> {
  const json = await readJson(path)
  const asPreset = mappingPresetSchema.safeParse(json)
  if (asPreset.success) return { mapping: asPreset.data.mapping, preset: asPreset.data }
  const asMapping = columnMappingSchema.safeParse(json)
  if (asMapping.success) return { mapping: asMapping.data, preset: null }
  const looksLikePreset = typeof json === 'object' && json !== null && 'mapping' in json
  throw invalid(path, (looksLikePreset ? asPreset : asMapping).error.issues)
}

/** Every preset saved in a folder (`*.json`), for `--preset NAME` and detection. */
export async function loadMappingPresets(dir: string): Promise<MappingPreset[]> {
  let names: string[]
  try {
    names = (await readdir(dir)).filter((name) => name.toLowerCase().endsWith('.json')).sort()
  } catch (error) {
    throw readFailure(dir, error)
  }
  const presets: MappingPreset[] = []
  for (const name of names) {
    const path = join(dir, name)
    const { preset } = await loadMappingFile(path)
    if (preset === null)
      throw fileError(path, 'is a bare mapping, not a preset: it needs a name, label and layouts')
    presets.push(preset)
  }
  return presets
}

/**
 * Saves a preset as `<dir>/<name>.json`, validated first; written to a temporary file and renamed,
 * so a crash leaves the previous version, never half a file.
 */
export async function saveMappingPreset(dir: string, preset: MappingPreset): Promise<string> {
  const valid = mappingPresetSchema.parse(preset)
  await mkdir(dir, { recursive: true })
  const path = join(dir, `${valid.name}.json`)
  const temporary = `${path}.${process.pid}.tmp`
  await writeFile(temporary, `${JSON.stringify(valid, null, 2)}\n`, 'utf8')
  await rename(temporary, path)
  return path
}

/** Removes a saved preset's file; a preset already gone is not an error. */
export async function deleteMappingPreset(dir: string, name: string): Promise<void> {
  const valid = presetNameSchema.parse(name)
  await rm(join(dir, `${valid}.json`), { force: true })
}
