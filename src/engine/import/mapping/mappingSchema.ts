import { z } from 'zod'
import type { ColumnMapping, FieldRule, MappingPreset } from './columnMapping'

const text = z.string().max(200)
const name = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/, 'a field name: lower case, digits and _')
const words = z.record(text, text)

const step = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('abs') }),
  z.strictObject({ op: z.literal('side-from-sign') }),
  z.strictObject({ op: z.literal('scale'), factor: z.number().finite() }),
  z.strictObject({ op: z.literal('offset'), amount: z.number().finite() }),
  z.strictObject({ op: z.literal('times-field'), field: name }),
  z.strictObject({ op: z.literal('over-field'), field: name }),
  z.strictObject({ op: z.literal('words'), values: words, otherwise: text.optional() }),
  z.strictObject({ op: z.literal('matches'), pattern: text, then: text, otherwise: text }),
  z.strictObject({ op: z.literal('drop-prefix'), prefix: text })
])

const fieldRule: z.ZodType<FieldRule> = z.lazy(() =>
  z.strictObject({
    columns: z.array(text).max(20).optional(),
    steps: z.array(step).max(10).optional(),
    otherwise: fieldRule.optional(),
    lookup: z.strictObject({ key: name, values: words }).optional(),
    constant: text.optional(),
    generate: z.enum(['row-id', 'file-name', 'margin-account']).optional()
  })
)

const fields = z.record(name, fieldRule)
const rowFilter = z.strictObject({ columns: z.array(text).min(1), values: z.array(text).min(1) })

export const columnMappingSchema: z.ZodType<ColumnMapping> = z.discriminatedUnion('target', [
  z.strictObject({ target: z.literal('positions'), fields, keepRows: rowFilter.optional() }),
  z.strictObject({
    target: z.literal('lending'),
    fields,
    legs: z
      .strictObject({
        collateral: fieldRule.optional(),
        collateralEnabled: fieldRule.optional(),
        debt: fieldRule.optional()
      })
      .optional(),
    keepRows: rowFilter.optional()
  })
])

/** A preset's name, which is also its file's name: no path separators, nothing hidden. */
export const presetNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,40}$/, 'a preset name: lower case, digits, . _ -')

/** A saved preset: what the mapping editor writes and the import reads back, validated. */
export const mappingPresetSchema: z.ZodType<MappingPreset> = z.strictObject({
  name: presetNameSchema,
  label: z.string().min(1).max(200),
  mapping: columnMappingSchema,
  layouts: z.array(z.strictObject({ name: text, columns: z.array(text).min(1).max(200) })),
  notes: z.array(z.string().max(500)),
  source: z.string().max(500)
})
