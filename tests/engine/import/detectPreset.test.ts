import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { detectPreset } from '../../../src/engine/import/mapping/detectPreset'
import { mappingPresetSchema } from '../../../src/engine/import/mapping/mappingSchema'
import { BUILT_IN_PRESETS } from '../../../src/engine/import/mapping/presets'

const headerOf = (name: string): string[] =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/exchanges/${name}`, import.meta.url)), 'utf8')
    .split('\n')[0]
    .split(',')

describe('detectPreset', () => {
  it.each([
    ['binance-usdm-positionrisk-v2.csv', 'binance-usdm'],
    ['binance-usdm-positionrisk-v3.csv', 'binance-usdm'],
    ['binance-coinm-positionrisk.csv', 'binance-coinm'],
    ['bybit-position-list.csv', 'bybit'],
    ['okx-account-positions.csv', 'okx'],
    ['hyperliquid-asset-positions.csv', 'hyperliquid'],
    ['dydx-perpetual-positions.csv', 'dydx'],
    ['aave-user-reserves.csv', 'aave'],
    ['compound-account-tokens.csv', 'compound']
  ])('recognises %s as %s and says why', (file, preset) => {
    const detection = detectPreset(headerOf(file), BUILT_IN_PRESETS)
    expect(detection.chosen?.preset).toBe(preset)
    expect(detection.explanation).toMatch(new RegExp(`^matched ${preset} .*shared columns`))
    expect(detection.ranking[0].preset).toBe(preset)
  })

  it('still recognises an export whose columns were reordered, renamed in case or trimmed', () => {
    const header = headerOf('bybit-position-list.csv')
      .slice(0, 12)
      .reverse()
      .map((name) => ` ${name.toUpperCase()} `)
    expect(detectPreset(header, BUILT_IN_PRESETS).chosen?.preset).toBe('bybit')
  })

  it('picks the canonical layout for a canonical file', () => {
    const header = ['id', 'symbol', 'side', 'size', 'entry_price', 'leverage']
    expect(detectPreset(header, BUILT_IN_PRESETS).chosen?.preset).toBe('canonical')
    const legs = ['account', 'protocol', 'asset', 'role', 'amount']
    expect(detectPreset(legs, BUILT_IN_PRESETS).chosen?.preset).toBe('canonical-lending')
  })

  it('refuses to guess between two venues that fit equally well', () => {
    const detection = detectPreset(
      ['symbol', 'positionAmt', 'entryPrice', 'markPrice', 'leverage', 'marginType'],
      BUILT_IN_PRESETS
    )
    expect(detection.chosen).toBeNull()
    expect(detection.explanation).toMatch(
      /^ambiguous header: binance-(usdm|coinm).* and binance-(usdm|coinm)/
    )
  })

  it('names the closest preset and what it lacks when none fits', () => {
    const detection = detectPreset(['coin', 'entryPx', 'marginUsed', 'note'], BUILT_IN_PRESETS)
    expect(detection.chosen).toBeNull()
    expect(detection.explanation).toMatch(/^no preset matches this header; closest: /)
  })

  it('ships presets that validate as saved presets, each with a layout, notes and a source', () => {
    for (const preset of BUILT_IN_PRESETS) {
      expect(mappingPresetSchema.parse(preset)).toEqual(preset)
      expect(preset.layouts.length).toBeGreaterThan(0)
      expect(preset.source.length).toBeGreaterThan(20)
    }
    expect(new Set(BUILT_IN_PRESETS.map((preset) => preset.name)).size).toBe(
      BUILT_IN_PRESETS.length
    )
  })
})
