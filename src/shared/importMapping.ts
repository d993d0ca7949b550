/**
 * The column mapping as the import dialog edits it: the engine's plain-data mapping types (sent
 * over IPC as they are), and the transforms the dialog offers per field, each a list of the
 * engine's mapping steps.
 */
import type { MappingStep } from '../engine/import/mapping/columnMapping'

export type {
  ColumnMapping,
  FieldRule,
  MappingStep,
  PositionMapping
} from '../engine/import/mapping/columnMapping'
export type { FillValue } from '../engine/import/mapping/filledValues'

/** `auto` detects a preset from the header; `canonical` reads the canonical columns and aliases. */
export const AUTO_PRESET = 'auto'
export const CANONICAL_PRESET = 'canonical'

/**
 * `new`: the files become the book; `append`: their positions join the current book;
 * `replace`: they replace the current book's positions on the venues they have.
 */
export const MERGE_MODES = ['new', 'append', 'replace'] as const
export type MergeChoice = (typeof MERGE_MODES)[number]

/**
 * The largest file a browser may hand over as text (a file input or a drop in the browser
 * harness): bigger exports are opened with the native dialog, which streams them from disk.
 */
export const MAX_STAGED_TEXT_BYTES = 256 * 1024 * 1024

/** Fields a positions mapping can fill: the canonical columns, then helpers steps read. */
export const MAPPABLE_FIELDS = [
  'id',
  'account',
  'venue',
  'symbol',
  'contract',
  'side',
  'size',
  'entry_price',
  'margin_mode',
  'margin',
  'leverage',
  'mmr',
  'maintenance_amount',
  'wallet_balance',
  'mark_price',
  'contract_size'
] as const

export type MappableField = (typeof MAPPABLE_FIELDS)[number]

/** What a column's value is, as the user picks it: how the cell becomes the field's value. */
export interface Transform {
  id: string
  label: string
  steps: readonly MappingStep[]
  /** Also read the side from this column's sign, when no other column gives the side. */
  sideFromSign?: boolean
}

export const AS_IS = 'as-is'
const SIGN: MappingStep = { op: 'side-from-sign' }
const ABS: MappingStep = { op: 'abs' }
const TIMES_CONTRACT_SIZE: MappingStep = { op: 'times-field', field: 'contract_size' }

const asIs = (label: string): Transform => ({ id: AS_IS, label, steps: [] })

const NUMBER_TRANSFORMS: readonly Transform[] = [
  asIs('as written'),
  { id: 'abs', label: 'absolute value', steps: [ABS] }
]

/** Per field, the transforms offered; the first is the default. */
export const FIELD_TRANSFORMS: Readonly<Record<MappableField, readonly Transform[]>> = {
  id: [asIs('as written')],
  account: [asIs('as written')],
  venue: [asIs('binance, bybit, okx, hyperliquid…')],
  symbol: [asIs('as written')],
  contract: [asIs('linear / inverse')],
  side: [
    asIs('long/short, buy/sell, +1/-1'),
    { id: 'sign', label: 'sign of a number (+ long, − short)', steps: [SIGN] }
  ],
  size: [
    asIs('base units (linear) or USD (inverse)'),
    { id: 'signed', label: 'signed size: the sign is the side', steps: [ABS], sideFromSign: true },
    { id: 'contracts', label: 'contracts × contract size', steps: [TIMES_CONTRACT_SIZE] },
    {
      id: 'signed-contracts',
      label: 'signed contracts × contract size',
      steps: [ABS, TIMES_CONTRACT_SIZE],
      sideFromSign: true
    }
  ],
  entry_price: NUMBER_TRANSFORMS,
  margin_mode: [asIs('isolated / cross')],
  margin: NUMBER_TRANSFORMS,
  leverage: [asIs('10 or 10x')],
  mmr: [
    asIs('a rate: 0.005 or 0.5%'),
    {
      id: 'percent',
      label: 'a percentage number: 0.5 means 0.5%',
      steps: [{ op: 'scale', factor: 0.01 }]
    },
    {
      id: 'basis-points',
      label: 'basis points: 50 means 0.5%',
      steps: [{ op: 'scale', factor: 0.0001 }]
    }
  ],
  maintenance_amount: NUMBER_TRANSFORMS,
  wallet_balance: NUMBER_TRANSFORMS,
  mark_price: NUMBER_TRANSFORMS,
  contract_size: [asIs('base units per contract')]
}

/** The transform whose steps a rule has, or null when a preset's rule does something else. */
export function transformOf(field: string, steps: readonly MappingStep[] = []): Transform | null {
  const offered = FIELD_TRANSFORMS[field as MappableField] ?? [asIs('as written')]
  const same = (a: readonly MappingStep[]): boolean => JSON.stringify(a) === JSON.stringify(steps)
  return offered.find((transform) => same(transform.steps)) ?? null
}

/** Words a preset's own steps are described by, when no offered transform matches them. */
export function describeSteps(steps: readonly MappingStep[]): string {
  return steps
    .map((step) => {
      switch (step.op) {
        case 'words':
          return `translates ${Object.keys(step.values).join('/')}`
        case 'matches':
          return `${step.then} when it matches ${step.pattern}`
        case 'scale':
          return `× ${step.factor}`
        case 'offset':
          return `+ ${step.amount}`
        case 'times-field':
          return `× ${step.field}`
        case 'over-field':
          return `÷ ${step.field}`
        case 'drop-prefix':
          return `drops "${step.prefix}"`
        case 'abs':
          return 'absolute value'
        case 'side-from-sign':
          return 'sign is the side'
      }
    })
    .join(', ')
}

/** The fields the dialog asks for when the file lacks them, and what a value looks like. */
export const FILLABLE_FIELDS: readonly {
  field: MappableField
  kind: 'number' | 'venue' | 'margin_mode' | 'contract'
  key?: 'account' | 'symbol'
  why: string
}[] = [
  {
    field: 'wallet_balance',
    kind: 'number',
    key: 'account',
    why: 'cross positions are margined by their account’s balance'
  },
  { field: 'venue', kind: 'venue', why: 'picks the margin rules and the tier table' },
  { field: 'margin_mode', kind: 'margin_mode', why: 'isolated or cross margin' },
  { field: 'contract', kind: 'contract', why: 'linear (base units) or inverse (USD contracts)' },
  { field: 'leverage', kind: 'number', why: 'isolated rows need a margin or a leverage' },
  {
    field: 'mmr',
    kind: 'number',
    why: 'maintenance margin rate, where no tier table covers the symbol'
  },
  {
    field: 'contract_size',
    kind: 'number',
    key: 'symbol',
    why: 'base units per contract, for sizes given in contracts'
  }
]
