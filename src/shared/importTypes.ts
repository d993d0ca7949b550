import { z } from 'zod'
import { columnMappingSchema } from '../engine/import/mapping/mappingSchema'
import {
  AUTO_PRESET,
  FILLABLE_FIELDS,
  MAX_STAGED_TEXT_BYTES,
  MERGE_MODES,
  type ColumnMapping,
  type FillValue,
  type MergeChoice
} from './importMapping'

/** A file chosen for import, kept in main: the renderer holds only its id, never a path to read. */
export interface StagedFile {
  fileId: string
  name: string
  bytes: number
}

/** Text of a file dropped on or picked in the renderer: browsers give contents, not paths. */
export const stageTextSchema = z.strictObject({
  name: z.string().min(1).max(260),
  text: z.string().max(MAX_STAGED_TEXT_BYTES)
})

const fileId = z.string().min(1).max(64)

export const stagedFileSchema = z.strictObject({ fileId })

const cellText = z.string().max(200)
const fillableField = z.enum(FILLABLE_FIELDS.map(({ field }) => field) as [string, ...string[]])

const fillValueSchema: z.ZodType<FillValue> = z.strictObject({
  field: fillableField,
  fallback: cellText.optional(),
  byKey: z
    .strictObject({
      key: z.enum(['account', 'symbol']),
      values: z.record(cellText, cellText)
    })
    .optional()
})

/** How the user wants a file read: a preset (or auto), maybe edited, plus values it lacks. */
export const mappingSelectionSchema = z.strictObject({
  preset: z.string().min(1).max(60),
  /** The preset's mapping as the user edited it; wins over the preset's own. */
  mapping: columnMappingSchema.optional(),
  values: z.array(fillValueSchema).max(FILLABLE_FIELDS.length).default([])
})

export type MappingSelection = z.output<typeof mappingSelectionSchema>

export const importPreviewRequestSchema = z.strictObject({
  fileId,
  selection: mappingSelectionSchema.default({ preset: AUTO_PRESET, values: [] })
})

export const importStartRequestSchema = z.strictObject({
  files: z
    .array(z.strictObject({ fileId, selection: mappingSelectionSchema }))
    .min(1)
    .max(20),
  merge: z.enum(MERGE_MODES)
})

export const savePresetRequestSchema = z.strictObject({
  label: z.string().trim().min(1, 'give the preset a name').max(80),
  /** The file the mapping was made for: the preset is detected by this header. */
  fileId,
  selection: mappingSelectionSchema
})

export const presetNameSchema = z.strictObject({ name: z.string().min(1).max(60) })

export interface RowErrorDto {
  line: number
  column: string | null
  reason: string
}

/** A preset the dialog offers: shipped with the app or saved by the user. */
export interface PresetInfo {
  name: string
  label: string
  builtIn: boolean
  mapping: ColumnMapping
  notes: string[]
  source: string
}

/** How well a preset fits the header, for the dialog's explanation of what was detected. */
export interface PresetCandidate {
  preset: string
  label: string
  score: number
  problem: string | null
}

/** The canonical values a previewed row became, for the live preview. */
export interface PreviewPosition {
  id: string
  account: string
  venue: string
  symbol: string
  contract: string
  side: 'long' | 'short'
  size: number
  entryPrice: number
  marginMode: string
  leverage: number | null
  margin: number | null
  walletBalance: number | null
  mmr: number | null
}

/** How the header maps to the canonical fields, and what the first rows become. */
export interface ImportPreview {
  file: StagedFile
  delimiter: string
  /** Rows the file holds, estimated from the line length of its head. */
  estimatedRows: number
  header: string[]
  /** The preset that reads the file (resolved from `auto`), `canonical`, or `custom`. */
  preset: string
  presetLabel: string
  /** The mapping in force before the user's values: what the editor edits. */
  mapping: ColumnMapping | null
  /** Set when the preset was asked to be detected. */
  detection: { explanation: string; candidates: PresetCandidate[] } | null
  /** Why the file cannot be imported as it is (not CSV, a required field without a column...). */
  problem: string | null
  rows: {
    line: number
    cells: string[]
    position: PreviewPosition | null
    error: RowErrorDto | null
  }[]
  /** What the file lacks and where each value comes from instead. */
  notes: string[]
  /** Accounts of the previewed rows, for values given per account. */
  accounts: string[]
  /** Symbols of the previewed rows, for values given per symbol. */
  symbols: string[]
}

/** One file's part of an import. `read = imported + rejected`. */
export interface FileImportReport {
  file: string
  delimiter: string
  /** Which preset read it, as the user knows it. */
  mapping: string
  read: number
  imported: number
  rejected: number
  extraColumns: string[]
  notes: string[]
  /** The first rejected rows; all of them are in the CSV export. */
  errors: RowErrorDto[]
}

export type ImportReport =
  | {
      status: 'imported'
      merge: MergeChoice
      files: FileImportReport[]
      read: number
      imported: number
      rejected: number
      /** What the merge did: venues replaced, positions kept from the current book. */
      notes: string[]
      /** Positions in the book after the import. */
      positions: number
      elapsedMs: number
    }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string }

export interface RejectedRowsCsv {
  fileName: string
  csv: string
}
