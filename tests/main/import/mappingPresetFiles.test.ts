import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_PRESETS } from '../../../src/engine/import/mapping/presets'
import {
  loadMappingFile,
  loadMappingPresets,
  saveMappingPreset
} from '../../../src/main/import/mappingPresetFiles'
import { importPositionsFile } from '../../../src/main/import/importFiles'
import { tempFiles } from './importTestFiles'

const files = tempFiles()

describe('saved mapping presets', () => {
  it('round-trips a preset through a JSON file, whole', async () => {
    const dir = files.path('presets')
    const preset = { ...BUILT_IN_PRESETS[0], name: 'my-binance', label: 'my Binance export' }
    const path = await saveMappingPreset(dir, preset)
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(preset)
    expect(await loadMappingPresets(dir)).toEqual([preset])
  })

  it('detects a saved preset from its layouts and reads the file with it', async () => {
    const dir = files.path('own-presets')
    await saveMappingPreset(dir, {
      name: 'desk',
      label: 'our desk export',
      source: 'the risk desk',
      notes: [],
      layouts: [
        { name: 'v1', columns: ['Ticket', 'Instrument', 'Dir', 'Lots', 'Open Price', 'Lev'] }
      ],
      mapping: {
        target: 'positions',
        fields: {
          id: { columns: ['Ticket'] },
          symbol: { columns: ['Instrument'] },
          side: { columns: ['Dir'], steps: [{ op: 'words', values: { B: 'long', S: 'short' } }] },
          size: { columns: ['Lots'], steps: [{ op: 'scale', factor: 0.1 }] },
          entry_price: { columns: ['Open Price'] },
          leverage: { columns: ['Lev'] }
        }
      }
    })
    const path = files.write(
      'desk.csv',
      'Ticket,Instrument,Dir,Lots,Open Price,Lev\nT1,BTCUSDT,S,5,61000,20\n'
    )
    const { book, summary } = await importPositionsFile(path, {
      preset: 'auto',
      presets: await loadMappingPresets(dir)
    })
    expect(summary.mapping?.preset).toBe('desk')
    expect(book.size[0]).toBe(0.5)
    expect(book.side[0]).toBe(-1)
  })

  it('says which field of a hand-edited mapping is wrong', async () => {
    const path = files.write(
      'bad.json',
      JSON.stringify({
        target: 'positions',
        fields: { size: { columns: ['qty'], steps: [{ op: 'double' }] } }
      })
    )
    await expect(loadMappingFile(path)).rejects.toThrow(
      /bad.json: is not a valid column mapping: fields.size.steps.0/
    )
    await expect(loadMappingFile(files.write('text.json', 'size=qty'))).rejects.toThrow(
      /text.json: is not JSON/
    )
  })
})
