import { writtenName } from '../columnLayout'
import { ImportFileError } from '../importFileError'
import { LENDING_FIELDS, resolveLendingHeader } from '../lendingColumns'
import { POSITION_FIELDS, resolveHeader } from '../positionColumns'
import type { MappingPreset } from './columnMapping'
import { headerKey } from './headerKey'
import { resolveColumnMapping } from './resolveColumnMapping'

export type MappingTarget = 'positions' | 'lending'

/** The canonical layouts, which are read without a mapping. */
export const CANONICAL_PRESET: Record<MappingTarget, string> = {
  positions: 'canonical',
  lending: 'canonical-lending'
}

/** How well one preset fits a header row. */
export interface PresetMatch {
  preset: string
  label: string
  target: MappingTarget
  /** The preset's layout that fits best. */
  layout: string
  /** 0..1: shared columns over all columns of the header and the layout (Jaccard). */
  score: number
  /** Header columns the layout knows, as the header writes them. */
  matched: string[]
  /** Why the preset cannot read this file (a required column missing), or null. */
  problem: string | null
}

export interface PresetDetection {
  chosen: PresetMatch | null
  /** Every candidate, usable ones first, best first. */
  ranking: PresetMatch[]
  /** One sentence: which preset matched and why, or why none did. */
  explanation: string
}

/** Below this a header shares too little with any layout to call it that venue's export. */
const MIN_SCORE = 0.3
const MIN_MATCHED = 3
/** Two usable presets closer than this are a tie the user must settle. */
const TIE = 0.02
const SHOWN_COLUMNS = 6

function problemOf(read: () => unknown): string | null {
  try {
    read()
    return null
  } catch (error) {
    if (error instanceof ImportFileError) return error.message
    throw error
  }
}

/**
 * A canonical file names the canonical columns, some of them optional, so it is scored by the
 * share of its header the layout explains rather than by Jaccard.
 */
function canonicalMatch(header: readonly string[], target: MappingTarget): PresetMatch {
  const fields: readonly string[] = target === 'positions' ? POSITION_FIELDS : LENDING_FIELDS
  const resolve = target === 'positions' ? resolveHeader : resolveLendingHeader
  const written = header.map(writtenName).filter((name) => name !== '')
  let matched: string[] = []
  const problem = problemOf(() => {
    const resolved = resolve(header)
    matched = Object.values(resolved.columns).map((index) => writtenName(header[index as number]))
  })
  if (problem !== null) {
    const keys = new Set(fields.map(headerKey))
    matched = written.filter((name) => keys.has(headerKey(name)))
  }
  return {
    preset: CANONICAL_PRESET[target],
    label: target === 'positions' ? 'canonical positions' : 'canonical lending legs',
    target,
    layout: 'canonical columns',
    score: written.length === 0 ? 0 : matched.length / written.length,
    matched,
    problem
  }
}

function presetMatch(header: readonly string[], preset: MappingPreset): PresetMatch {
  const keys = new Map<string, string>()
  for (const name of header.map(writtenName)) if (name !== '') keys.set(headerKey(name), name)
  let best = { layout: '', score: -1, matched: [] as string[] }
  for (const layout of preset.layouts) {
    const layoutKeys = new Set(layout.columns.map(headerKey))
    const matched = [...keys].filter(([key]) => layoutKeys.has(key)).map(([, name]) => name)
    const score = matched.length / (keys.size + layoutKeys.size - matched.length)
    if (score > best.score) best = { layout: layout.name, score, matched }
  }
  return {
    preset: preset.name,
    label: preset.label,
    target: preset.mapping.target,
    ...best,
    problem: problemOf(() => resolveColumnMapping(header, preset.mapping, 'detect'))
  }
}

/** Two presets matching the very same columns cannot be told apart by the header, whatever their scores. */
const sameColumns = (a: PresetMatch, b: PresetMatch): boolean =>
  a.matched.length === b.matched.length && a.matched.every((name) => b.matched.includes(name))

const byFit = (a: PresetMatch, b: PresetMatch): number =>
  Number(a.problem !== null) - Number(b.problem !== null) || b.score - a.score

const shown = (names: readonly string[]): string =>
  names.length > SHOWN_COLUMNS ? `${names.slice(0, SHOWN_COLUMNS).join(', ')}, …` : names.join(', ')

function describe(match: PresetMatch): string {
  return `${match.preset} (${match.label}): ${match.matched.length} shared columns, ${match.layout}, score ${match.score.toFixed(2)} (${shown(match.matched)})`
}

/**
 * Scores every preset (and the canonical layouts) against a header row and picks the one it is
 * an export of. Picks nothing when no usable preset shares enough columns, or when two fit
 * equally well: a wrong venue would misread sizes and sides, so guessing is worse than asking.
 */
export function detectPreset(
  header: readonly string[],
  presets: readonly MappingPreset[]
): PresetDetection {
  const ranking = [
    canonicalMatch(header, 'positions'),
    canonicalMatch(header, 'lending'),
    ...presets.map((preset) => presetMatch(header, preset))
  ].sort(byFit)
  const [best, next] = ranking
  const usable = best !== undefined && best.problem === null
  if (!usable || best.score < MIN_SCORE || best.matched.length < MIN_MATCHED) {
    const closest = best
      ? `; closest: ${describe(best)}${best.problem ? ` — ${best.problem}` : ''}`
      : ''
    return { chosen: null, ranking, explanation: `no preset matches this header${closest}` }
  }
  if (
    next !== undefined &&
    next.problem === null &&
    (best.score - next.score < TIE || sameColumns(best, next))
  ) {
    return {
      chosen: null,
      ranking,
      explanation: `ambiguous header: ${describe(best)} and ${describe(next)} fit alike; choose a preset`
    }
  }
  const runnerUp = next ? `; next best ${next.preset} at ${next.score.toFixed(2)}` : ''
  return { chosen: best, ranking, explanation: `matched ${describe(best)}${runnerUp}` }
}
