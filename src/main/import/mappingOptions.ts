import type { ColumnMapping, MappingPreset } from '../../engine/import/mapping/columnMapping'
import type { MissingFieldHint } from '../../engine/import/mapping/explainRowError'
import type { FieldOverride } from '../../engine/import/mapping/fieldOverride'

/** How a file's columns become canonical fields; absent fields mean the canonical layout. */
export interface MappingOptions {
  /** A preset name, or `auto` to detect one from the header row. */
  preset?: string
  /** A mapping of the user's own (the mapping editor, a saved file); wins over `preset`. */
  mapping?: ColumnMapping
  /** Saved presets besides the built-in ones, for `preset` and `auto`. */
  presets?: readonly MappingPreset[]
  /** Values for fields the file lacks, or replacing what it has. */
  overrides?: readonly FieldOverride[]
  /** How reasons and notes tell the user to supply a field the file lacks. */
  missingFieldHint?: MissingFieldHint
  /** The name generated ids and accounts start with; the file's name by default. */
  sourceName?: string
}
