import type { FieldOverride } from '../engine/import/mapping/fieldOverride'
import type { MergeMode } from '../engine/import/mergeBooks'
import { loadMappingFile, loadMappingPresets } from '../main/import/mappingPresetFiles'
import type { MappingOptions } from '../main/import/mappingOptions'
import { listOption, stringOption, type OptionSpec, type ParsedArgs } from './args'
import { CliError } from './cliError'

export const MAPPING_OPTIONS: OptionSpec = {
  preset: { type: 'string' },
  'lending-preset': { type: 'string' },
  set: { type: 'string', multiple: true },
  mapping: { type: 'string' },
  presets: { type: 'string', multiple: true },
  merge: { type: 'string' }
}

export const MAPPING_HELP = `  --preset NAME|auto    read the positions files as a venue's export: binance-usdm, binance-coinm,
                        bybit, okx, hyperliquid, dydx, or auto to detect it from the header
  --lending-preset NAME|auto  the same for --lending: aave, compound, auto
  --set FIELD=VALUE     a value for a field the file lacks (or overriding it), repeatable:
                        --set wallet_balance=25000, --set contract_size[ETH-USD-SWAP]=10
  --mapping FILE        a saved column mapping or preset (JSON) for the positions files
  --presets DIR         saved presets (*.json) to choose from and detect, besides the built-in ones
  --merge append|replace  several FILEs: append (default), or replace the earlier files'
                        positions on the venues a later file has`

/** Fields only lending legs have; `--set` values for them are not position fields. */
const LENDING_ONLY = new Set([
  'protocol',
  'asset',
  'role',
  'amount',
  'liquidation_threshold',
  'liquidation_bonus'
])

const OVERRIDE = /^([a-z][a-z0-9_]*)(?:\[([^\]]+)\])?=(.*)$/

/** `wallet_balance=25000` or `contract_size[BTC-USD-SWAP]=100`. */
export function parseOverride(text: string): FieldOverride {
  const match = OVERRIDE.exec(text.trim())
  if (!match || match[3].trim() === '') {
    throw new CliError(`--set: expected FIELD=VALUE or FIELD[KEY]=VALUE, got "${text}"`)
  }
  const [, field, key, value] = match
  return key === undefined
    ? { field, value: value.trim() }
    : { field, key: key.trim(), value: value.trim() }
}

/** How the CLI tells the user to supply a field a file lacks. */
export function cliMissingFieldHint(field: string): string {
  if (field === 'mmr') return 'pass --set mmr=RATE, or a tier table with --tiers'
  if (field === 'contract_size') return 'pass --set contract_size[SYMBOL]=SIZE'
  return `pass --set ${field}=VALUE`
}

export function mergeMode(args: ParsedArgs): MergeMode {
  const mode = stringOption(args, 'merge') ?? 'append'
  if (mode !== 'append' && mode !== 'replace')
    throw new CliError(`--merge: append or replace, got "${mode}"`)
  return mode
}

async function savedPresets(args: ParsedArgs) {
  const presets = []
  for (const dir of listOption(args, 'presets')) presets.push(...(await loadMappingPresets(dir)))
  return presets
}

/** The mapping options of the positions files and of the lending file. */
export async function mappingOptions(
  args: ParsedArgs
): Promise<{ positions: MappingOptions; lending: MappingOptions }> {
  const presets = await savedPresets(args)
  const overrides = listOption(args, 'set').map(parseOverride)
  const mappingFile = stringOption(args, 'mapping')
  const mapping = mappingFile ? (await loadMappingFile(mappingFile)).mapping : undefined
  const shared = { presets, missingFieldHint: cliMissingFieldHint }
  return {
    positions: {
      ...shared,
      preset: stringOption(args, 'preset'),
      mapping,
      overrides: overrides.filter(({ field }) => !LENDING_ONLY.has(field))
    },
    lending: {
      ...shared,
      preset: stringOption(args, 'lending-preset'),
      overrides: overrides.filter(({ field }) => LENDING_ONLY.has(field) || field === 'account')
    }
  }
}
