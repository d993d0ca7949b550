// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { BTC_MARKET, sampleResult } from './samples'

const fake = vi.hoisted(() => ({ api: null as unknown as import('./fakeApi').FakeApi }))
vi.mock('../../src/renderer/src/api', async () => {
  const { createFakeApi } = await import('./fakeApi')
  fake.api = createFakeApi()
  return { api: fake.api, userMessage: (error: unknown) => (error as Error).message }
})
const saved = vi.hoisted(() => [] as { text: string; name: string }[])
vi.mock('../../src/renderer/src/download', () => ({
  saveText: (text: string, name: string) => saved.push({ text, name }),
  saveDataUrl: () => {}
}))

const CascadeHeadline = (await import('../../src/renderer/src/components/CascadeHeadline.vue'))
  .default
const CascadeControls = (await import('../../src/renderer/src/components/CascadeControls.vue'))
  .default
const GroupTable = (await import('../../src/renderer/src/components/GroupTable.vue')).default
const StatusBar = (await import('../../src/renderer/src/components/StatusBar.vue')).default
const ImportView = (await import('../../src/renderer/src/views/ImportView.vue')).default
const { useCascadeStore } = await import('../../src/renderer/src/stores/cascadeStore')
const { useImportStore } = await import('../../src/renderer/src/stores/importStore')
const { useAppStore } = await import('../../src/renderer/src/stores/appStore')

beforeEach(() => {
  setActivePinia(createPinia())
  fake.api.forgetListeners()
  saved.length = 0
})

describe('CascadeHeadline', () => {
  it('shows the headline numbers of a run', () => {
    const wrapper = mount(CascadeHeadline, { props: { result: sampleResult() } })
    const stat = (name: string) => wrapper.get(`[data-stat="${name}"] .value`).text()
    expect(stat('final-price')).toBe('80.000')
    expect(stat('amplification')).toBe('2.00×')
    expect(stat('liquidated-long')).toBe('$7.00M')
    expect(stat('losses')).toBe('$12.0k · $0')
    expect(wrapper.get('[data-stat="final-price"] .value').classes()).toContain('long')
  })
})

describe('CascadeControls', () => {
  it('binds the shock slider and number to the store, in percent', async () => {
    const cascade = useCascadeStore()
    cascade.useMarket(BTC_MARKET)
    const wrapper = mount(CascadeControls)
    await wrapper.get('input[aria-label="Shock percent"]').setValue('-12.5')
    expect(cascade.shock).toBe(-0.125)
    expect(
      (wrapper.get('input[aria-label="Shock slider"]').element as HTMLInputElement).value
    ).toBe('-12.5')
  })

  it('shows the chosen model’s parameters in the units people think in', async () => {
    const cascade = useCascadeStore()
    cascade.useMarket({
      ...BTC_MARKET,
      impact: { ...BTC_MARKET.impact, book: null, kind: 'linear' }
    })
    const wrapper = mount(CascadeControls)
    const bookOption = wrapper.get('select[aria-label="Impact model"] option[value="book"]')
    expect(bookOption.attributes('disabled')).toBeDefined()
    const depth = wrapper.get('input[aria-label="Depth per 1% move"]')
    expect((depth.element as HTMLInputElement).value).toBe('30')
    await depth.setValue('12')
    expect(cascade.params.linear.depthPerPercent).toBe(12e6)
    await wrapper.get('select[aria-label="Impact model"]').setValue('sqrt')
    expect(wrapper.find('input[aria-label="Daily volatility"]').exists()).toBe(true)
  })
})

describe('GroupTable', () => {
  it('names venues properly and leaves leverage out when compact', () => {
    const groups = [
      {
        key: 'okx',
        positions: 3,
        longNotional: 2e6,
        shortNotional: 1e6,
        averageLeverage: 12,
        nearNotional: 5e5
      }
    ]
    const full = mount(GroupTable, { props: { groups, keyLabel: 'Venue' } })
    expect(full.get('tbody td').text()).toBe('OKX')
    expect(full.text()).toContain('12×')
    const compact = mount(GroupTable, { props: { groups, keyLabel: 'Venue', compact: true } })
    expect(compact.text()).not.toContain('12×')
  })
})

describe('StatusBar', () => {
  it('shows a running job with its progress and cancels it', async () => {
    const wrapper = mount(StatusBar)
    fake.api.emit('app:task', {
      id: 'task-3',
      kind: 'import',
      label: 'Import big.csv',
      state: 'running',
      progress: 0.42,
      detail: '120,000 rows read',
      elapsedMs: 900,
      message: null
    })
    await nextTick()
    expect(wrapper.get('[data-testid="task-status"]').text()).toContain('120,000 rows read')
    expect(wrapper.get('[role="progressbar"]').attributes('aria-valuenow')).toBe('42')
    fake.api.cancelTask.mockResolvedValue({ cancelled: true })
    await wrapper.get('[data-testid="cancel-task"]').trigger('click')
    expect(fake.api.cancelTask).toHaveBeenCalledWith({ taskId: 'task-3' })
  })
})

describe('ImportView', () => {
  it('lists every rejected row by file and exports them through main', async () => {
    useAppStore().info = { name: 'x', version: '1', engineVersion: '1', nativeFileDialog: false }
    const imports = useImportStore()
    const errors = [
      { line: 3, column: 'side', reason: 'side must be one of long, short; got "up"' },
      { line: 4, column: null, reason: 'expected 5 fields, found 3' }
    ]
    imports.report = {
      status: 'imported',
      merge: 'append',
      files: [
        {
          file: 'bad.csv',
          delimiter: ',',
          mapping: 'canonical columns and header aliases',
          read: 3,
          imported: 1,
          rejected: 2,
          extraColumns: [],
          notes: [],
          errors
        },
        {
          file: 'more.csv',
          delimiter: ',',
          mapping: 'Bybit',
          read: 1,
          imported: 0,
          rejected: 1,
          extraColumns: [],
          notes: ['wallet_balance: not in the file; "100" for every row'],
          errors: [
            { line: 2, column: 'id', reason: 'duplicate id "a", first seen on line 2 of bad.csv' }
          ]
        }
      ],
      read: 4,
      imported: 1,
      rejected: 3,
      notes: ['20,000 positions kept from the current book (Sample book)'],
      positions: 20_001,
      elapsedMs: 5
    }
    const wrapper = mount(ImportView)
    await nextTick()
    expect(wrapper.get('[data-count="rejected"]').text()).toBe('3')
    expect(wrapper.get('[data-count="positions"]').text()).toBe('20,001')
    expect(wrapper.text()).toContain('added to the current book')
    const rows = wrapper.findAll('table[aria-label="Rejected rows"] tbody tr')
    expect(rows.map((row) => row.text())).toEqual([
      'bad.csv3sideside must be one of long, short; got "up"',
      'bad.csv4(whole row)expected 5 fields, found 3',
      'more.csv2idduplicate id "a", first seen on line 2 of bad.csv'
    ])
    expect(wrapper.get('[aria-label="Import notes"]').text()).toContain(
      'more.csv: wallet_balance: not in the file'
    )
    fake.api.rejectedRowsCsv.mockResolvedValue({
      fileName: 'bad-rejected-rows.csv',
      csv: 'file,line,column,reason\r\n'
    })
    await wrapper.get('[data-testid="export-rejected"]').trigger('click')
    await vi.waitFor(() =>
      expect(saved).toEqual([
        { text: 'file,line,column,reason\r\n', name: 'bad-rejected-rows.csv' }
      ])
    )
  })

  it('sends picked browser files to main as text and shows why one cannot be imported', async () => {
    fake.api.mappingPresets.mockResolvedValue({ presets: [], problems: [] })
    fake.api.stageImportText.mockResolvedValue({ fileId: 'f1', name: 'p.csv', bytes: 30 })
    fake.api.previewImport.mockResolvedValue({
      file: { fileId: 'f1', name: 'p.csv', bytes: 30 },
      delimiter: ';',
      estimatedRows: 1,
      header: ['ID', 'note'],
      preset: 'canonical',
      presetLabel: 'canonical columns and header aliases',
      mapping: { target: 'positions', fields: { id: { columns: ['id'] } } },
      detection: { explanation: 'no preset matches this header', candidates: [] },
      problem: 'missing required columns: symbol, side, size, entry_price',
      rows: [],
      notes: [],
      accounts: [],
      symbols: []
    })
    const wrapper = mount(ImportView)
    const input = wrapper.get('[data-testid="import-file-input"]')
    Object.defineProperty(input.element, 'files', {
      value: [new File(['ID;note\n1;x\n'], 'p.csv')]
    })
    await input.trigger('change')
    await vi.waitFor(() => expect(wrapper.text()).toContain('semicolon-separated'))
    expect(fake.api.stageImportText).toHaveBeenCalledWith({ name: 'p.csv', text: 'ID;note\n1;x\n' })
    expect(fake.api.previewImport).toHaveBeenCalledWith({
      fileId: 'f1',
      selection: { preset: 'auto', values: [] }
    })
    expect(wrapper.get('[data-testid="detected-preset"]').text()).toBe(
      'no preset: canonical columns and header aliases'
    )
    expect(wrapper.get('[data-testid="preview-problem"]').text()).toContain(
      'missing required columns'
    )
    expect(wrapper.get('[data-testid="unmapped-fields"]').text()).toBe(
      'needs a column for symbol, side, size, entry_price'
    )
    expect(wrapper.get('[data-testid="start-import"]').attributes('disabled')).toBeDefined()
  })
})
