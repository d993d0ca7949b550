import { z } from 'zod'
import { workspaceSnapshotSchema, type WorkspaceSnapshot } from '../../../shared/workspaceSnapshot'
import { TYPED_COLUMNS, joinColumns, splitColumns, type Column, type ColumnType } from './columns'
import type { StoredParts } from './parts'
import { decodeNumbers, encodeNumbers } from './taggedNumbers'

/**
 * One workspace as one file:
 *
 *   "CASCADE-COCKPIT-WORKSPACE\n"       magic, so a foreign file is known at once
 *   u32 LE  header length, header JSON  format version, name, counts, SHA-256 of the body
 *   body:   u32 LE manifest length, manifest JSON (the skeleton, parts, column layout),
 *           then each column's bytes at an 8-byte-aligned offset: typed arrays raw
 *           (little-endian), string columns as UTF-8 JSON arrays.
 *
 * The body holds the content only (no export time, no name: an import may have to rename it), so
 * exporting the same workspace twice gives the same bytes and the same hash, which is how a
 * round trip is checked.
 */
const MAGIC = 'CASCADE-COCKPIT-WORKSPACE\n'
/**
 * 1: the first format. 2: the workspace may hold an estimate (the snapshot's `estimate`), a field
 * readers of format 1 refuse as unknown, so they are told to update instead. 3: a tier table may
 * count position size (`measure: 'size'`, OKX's tables), a field readers of formats 1 and 2 refuse
 * as unknown; read as notional, its floors would margin every position wrongly. A workspace
 * without either is still written as format 1, byte for byte as before, for those readers to open.
 */
export const EXPORT_FORMAT_VERSION = 3
const formatVersionOf = (snapshot: WorkspaceSnapshot): number =>
  snapshot.tiers.some((table) => table.measure !== undefined) ? 3 : snapshot.estimate ? 2 : 1
export const FILE_EXTENSION = '.cascadews'

export class WorkspaceFileError extends Error {
  override name = 'WorkspaceFileError'
}

export interface WorkspaceFileContent {
  name: string
  snapshot: WorkspaceSnapshot
  parts: StoredParts
}

const headerSchema = z.object({
  formatVersion: z.number().int().positive(),
  app: z.string(),
  name: z.string(),
  positions: z.number().int().nonnegative(),
  exportedAt: z.string(),
  bodyBytes: z.number().int().nonnegative(),
  contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/)
})

const columnTypes = ['strings', ...Object.keys(TYPED_COLUMNS)] as unknown as [
  ColumnType,
  ...ColumnType[]
]
const manifestSchema = z.object({
  skeleton: z.unknown(),
  columns: z.array(
    z.object({
      type: z.enum(columnTypes),
      length: z.number().int().nonnegative(),
      offset: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative()
    })
  )
})

const align8 = (offset: number): number => (offset + 7) & ~7

export async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)
  return `sha256:${Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')}`
}

function columnBody(column: Column): Uint8Array {
  if (column.type === 'strings') return new TextEncoder().encode(JSON.stringify(column.values))
  const { buffer, byteOffset, byteLength } = column.values
  return new Uint8Array(buffer, byteOffset, byteLength)
}

function encodeBody(content: WorkspaceFileContent): Uint8Array {
  const { skeleton, columns } = splitColumns({ snapshot: content.snapshot, parts: content.parts })
  const bodies = columns.map(columnBody)
  let offset = 0
  const layout = columns.map((column, k) => {
    offset = align8(offset)
    const entry = {
      type: column.type,
      length: column.values.length,
      offset,
      bytes: bodies[k].length
    }
    offset += bodies[k].length
    return entry
  })
  const manifest = new TextEncoder().encode(
    JSON.stringify({ skeleton, columns: layout }, encodeNumbers)
  )
  const start = align8(4 + manifest.length)
  const body = new Uint8Array(start + offset)
  new DataView(body.buffer).setUint32(0, manifest.length, true)
  body.set(manifest, 4)
  bodies.forEach((bytes, k) => body.set(bytes, start + layout[k].offset))
  return body
}

export async function encodeWorkspaceFile(
  content: WorkspaceFileContent,
  exportedAt = new Date()
): Promise<{ bytes: Uint8Array; contentHash: string }> {
  const body = encodeBody(content)
  const contentHash = await sha256(body)
  const header = new TextEncoder().encode(
    JSON.stringify({
      formatVersion: formatVersionOf(content.snapshot),
      app: 'Cascade Cockpit',
      name: content.name,
      positions: content.snapshot.book.length,
      exportedAt: exportedAt.toISOString(),
      bodyBytes: body.length,
      contentHash
    })
  )
  const magic = new TextEncoder().encode(MAGIC)
  const bytes = new Uint8Array(magic.length + 4 + header.length + body.length)
  bytes.set(magic, 0)
  new DataView(bytes.buffer).setUint32(magic.length, header.length, true)
  bytes.set(header, magic.length + 4)
  bytes.set(body, magic.length + 4 + header.length)
  return { bytes, contentHash }
}

function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes), decodeNumbers)
  } catch {
    throw new WorkspaceFileError(`the file is damaged: its ${what} cannot be read`)
  }
}

function decodeColumn(
  body: Uint8Array,
  start: number,
  entry: z.infer<typeof manifestSchema>['columns'][number]
): Column {
  const from = start + entry.offset
  if (from + entry.bytes > body.length)
    throw new WorkspaceFileError('the file is damaged: a column reaches past its end')
  const bytes = body.slice(from, from + entry.bytes)
  if (entry.type === 'strings') {
    const values = parseJson(bytes, 'text column')
    if (!Array.isArray(values) || values.length !== entry.length)
      throw new WorkspaceFileError('the file is damaged: a text column has the wrong length')
    return { type: 'strings', values: values as string[] }
  }
  const Type = TYPED_COLUMNS[entry.type]
  if (entry.bytes !== entry.length * Type.BYTES_PER_ELEMENT)
    throw new WorkspaceFileError('the file is damaged: a column has the wrong size')
  return { type: entry.type, values: new Type(bytes.buffer) } as Column
}

/**
 * Reads a workspace file back, refusing with a reason anything that is not one, was damaged
 * on the way (its content no longer matches its hash), or does not hold a valid workspace.
 */
export async function decodeWorkspaceFile(
  file: Uint8Array
): Promise<WorkspaceFileContent & { contentHash: string }> {
  const magic = new TextEncoder().encode(MAGIC)
  const foreign =
    'this is not a Cascade Cockpit workspace file (export one from the Workspaces view)'
  if (file.length < magic.length + 4 || magic.some((byte, i) => file[i] !== byte))
    throw new WorkspaceFileError(foreign)
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength)
  const headerLength = view.getUint32(magic.length, true)
  const headerEnd = magic.length + 4 + headerLength
  if (headerEnd > file.length) throw new WorkspaceFileError('the file is damaged: it ends early')
  const header = headerSchema.safeParse(
    parseJson(file.subarray(magic.length + 4, headerEnd), 'header')
  )
  if (!header.success) throw new WorkspaceFileError('the file is damaged: its header is not valid')
  if (header.data.formatVersion > EXPORT_FORMAT_VERSION)
    throw new WorkspaceFileError(
      `the file was written by a newer version of Cascade Cockpit (format ${header.data.formatVersion}); update the app to open it`
    )
  const body = file.subarray(headerEnd)
  if (body.length !== header.data.bodyBytes)
    throw new WorkspaceFileError(
      `the file is damaged: it holds ${body.length.toLocaleString('en-US')} bytes of content where ${header.data.bodyBytes.toLocaleString('en-US')} were written`
    )
  if ((await sha256(body)) !== header.data.contentHash)
    throw new WorkspaceFileError(
      'the file is damaged: its content does not match the checksum it was written with'
    )
  const manifestLength = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(
    0,
    true
  )
  if (4 + manifestLength > body.length)
    throw new WorkspaceFileError('the file is damaged: it ends early')
  const manifest = manifestSchema.safeParse(
    parseJson(body.subarray(4, 4 + manifestLength), 'manifest')
  )
  if (!manifest.success)
    throw new WorkspaceFileError('the file is damaged: its manifest is not valid')
  const start = align8(4 + manifestLength)
  const columns = manifest.data.columns.map((entry) => decodeColumn(body, start, entry))
  const joined = joinColumns(manifest.data.skeleton, columns) as {
    snapshot: unknown
    parts: unknown
  }
  const snapshot = workspaceSnapshotSchema.safeParse(joined.snapshot)
  if (!snapshot.success) {
    const [issue] = snapshot.error.issues
    throw new WorkspaceFileError(
      `the file does not hold a valid workspace: ${issue.path.join('.')}: ${issue.message}`
    )
  }
  const seen = new Set<string>()
  for (const id of snapshot.data.book.ids) {
    if (seen.has(id))
      throw new WorkspaceFileError(
        `the file does not hold a valid workspace: position id "${id}" appears twice`
      )
    seen.add(id)
  }
  const parts = z
    .record(z.string(), z.object({ version: z.number(), value: z.unknown() }))
    .safeParse(joined.parts)
  if (!parts.success) throw new WorkspaceFileError('the file does not hold valid workspace parts')
  return {
    name: header.data.name.trim() || snapshot.data.name,
    snapshot: snapshot.data,
    parts: parts.data as StoredParts,
    contentHash: header.data.contentHash
  }
}
