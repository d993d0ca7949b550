import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { ImpactSpec } from '../engine/impact/createImpactModel'
import { loadDepthSnapshotFile } from './marketData/depthFile'
import { resourcesDir } from './resourcesDir'

const impactSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('linear'), depthPerPercent: z.number().positive() }),
  z.object({
    kind: z.literal('sqrt'),
    dailyVolume: z.number().positive(),
    dailyVolatility: z.number().positive(),
    coefficient: z.number().positive()
  }),
  z.object({ kind: z.literal('amm'), baseReserve: z.number().positive() }),
  z.object({ kind: z.literal('book'), depthFile: z.string().min(1) })
])

const workspaceSchema = z.object({
  name: z.string(),
  description: z.string(),
  positions: z.object({ rows: z.number().int().positive(), seed: z.number().int() }),
  lending: z.object({ positions: z.number().int().nonnegative(), seed: z.number().int() }),
  impact: z.record(z.string(), impactSchema)
})

export interface SampleWorkspace {
  name: string
  description: string
  positions: { rows: number; seed: number }
  lending: { positions: number; seed: number }
  /** Liquidity model per underlying, depth snapshots loaded. */
  impact: Map<string, ImpactSpec>
}

/** The built-in sample workspace, described by `resources/sample/workspace.json`. */
export function loadSampleWorkspace(): SampleWorkspace {
  const dir = resourcesDir()
  const parsed = workspaceSchema.parse(
    JSON.parse(readFileSync(join(dir, 'sample', 'workspace.json'), 'utf8'))
  )
  const impact = new Map<string, ImpactSpec>()
  for (const [underlying, spec] of Object.entries(parsed.impact)) {
    impact.set(
      underlying,
      spec.kind === 'book'
        ? { kind: 'book', snapshot: loadDepthSnapshotFile(join(dir, spec.depthFile)) }
        : spec
    )
  }
  return { ...parsed, impact }
}
