// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ImportPreview } from '../../src/shared/importTypes'

const fake = vi.hoisted(() => ({ api: null as unknown as import('./fakeApi').FakeApi }))
vi.mock('../../src/renderer/src/api', async () => {
  const { createFakeApi } = await import('./fakeApi')
  fake.api = createFakeApi()
  return { api: fake.api, userMessage: (error: unknown) => (error as Error).message }
})

const ImportView = (await import('../../src/renderer/src/views/ImportView.vue')).default

const HEADER = ['Ticket', 'Trader', 'Instrument', 'Qty', 'Px', 'Mode']

/** Main's answer for a desk file read by a custom mapping: one cross row lacking its balance. */
function deskPreview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    file: { fileId: 'f1', name: 'desk.csv', bytes: 120 },
    delimiter: ',',
    estimatedRows: 2,
    header: HEADER,
    preset: 'canonical',
    presetLabel: 'canonical columns and header aliases',
    mapping: {
      target: 'positions',
      fields: {
        id: { columns: ['Ticket'] },
        account: { columns: ['Trader'] },
        symbol: { columns: ['Instrument'] },
        size: { columns: ['Qty'], steps: [{ op: 'abs' }] },
        side: { columns: ['Qty'], steps: [{ op: 'side-from-sign' }] },
        entry_price: { columns: ['Px'] },
        margin_mode: { columns: ['Mode'] }
      }
    },
    detection: { explanation: 'no preset matches this header', candidates: [] },
    problem: null,
    rows: [
      {
        line: 2,
        cells: ['T-1', 'alice', 'BTCUSDT', '-2', '60000', 'cross'],
        position: null,
        error: {
          line: 2,
          column: 'wallet_balance',
          reason: 'cross rows need wallet_balance: the file has no wallet_balance column'
        }
      }
    ],
    notes: ['wallet_balance: not in the file; cross rows are rejected without it'],
    accounts: ['alice'],
    symbols: ['BTCUSDT'],
    ...overrides
  }
}

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
  fake.api.mappingPresets.mockResolvedValue({ presets: [], problems: [] })
  fake.api.stageImportText.mockResolvedValue({ fileId: 'f1', name: 'desk.csv', bytes: 120 })
  fake.api.previewImport.mockResolvedValue(deskPreview())
})

async function mountWithFile() {
  const wrapper = mount(ImportView)
  const input = wrapper.get('[data-testid="import-file-input"]')
  Object.defineProperty(input.element, 'files', { value: [new File(['x'], 'desk.csv')] })
  await input.trigger('change')
  await vi.waitFor(() => expect(wrapper.find('[aria-label="Column mapping"]').exists()).toBe(true))
  return wrapper
}

const lastSelection = () => fake.api.previewImport.mock.lastCall![0].selection

describe('the import dialog', () => {
  it('shows each column’s field and transform, and re-previews with the column moved', async () => {
    const wrapper = await mountWithFile()
    const qty = wrapper.get('tr[data-column="Qty"]')
    expect((qty.get('select[aria-label="Field for Qty"]').element as HTMLSelectElement).value).toBe(
      'size'
    )
    expect(qty.text()).toContain('also side (sign is the side)')
    expect((qty.get('select[aria-label="Values of Qty"]').element as HTMLSelectElement).value).toBe(
      'signed'
    )

    await qty.get('select[aria-label="Values of Qty"]').setValue('signed-contracts')
    await vi.waitFor(() => expect(fake.api.previewImport).toHaveBeenCalledTimes(2))
    expect(lastSelection().mapping.fields.size).toEqual({
      columns: ['Qty'],
      steps: [{ op: 'abs' }, { op: 'times-field', field: 'contract_size' }]
    })

    await wrapper.get('select[aria-label="Field for Mode"]').setValue('')
    await vi.waitFor(() => expect(fake.api.previewImport).toHaveBeenCalledTimes(3))
    expect(lastSelection().mapping.fields.margin_mode).toBeUndefined()
    expect(lastSelection().preset).toBe('canonical')
  })

  it('ignores a column edit made while a newly chosen preset is still previewing', async () => {
    await mountWithFile()
    const { useImportStore } = await import('../../src/renderer/src/stores/importStore')
    const imports = useImportStore()
    let answer: (preview: ImportPreview) => void = () => {}
    fake.api.previewImport.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)))
    const choosing = imports.choosePreset('okx')
    await imports.assign(3, null)
    expect(fake.api.previewImport).toHaveBeenCalledTimes(2)
    expect(imports.active?.selection).toEqual({ preset: 'okx', values: [] })
    answer(deskPreview({ preset: 'okx' }))
    await choosing
    await imports.assign(3, null)
    expect(lastSelection()).toMatchObject({ preset: 'okx' })
    expect(lastSelection().mapping.fields.size).toBeUndefined()
  })

  it('marks the failing cell of a rejected row with its reason', async () => {
    const wrapper = await mountWithFile()
    const row = wrapper.get('[aria-label="Mapped preview"] tbody tr')
    expect(row.classes()).toContain('rejected')
    expect(row.get('td[data-field="symbol"]').text()).toBe('BTCUSDT')
    const wallet = row.get('td[data-field="wallet_balance"]')
    expect(wallet.classes()).toContain('bad')
    expect(wallet.attributes('title')).toContain('cross rows need wallet_balance')
  })

  it('asks for a wallet balance per account, refusing what is not a number, and says where it comes from', async () => {
    vi.useFakeTimers()
    try {
      const wrapper = await mountWithFile()
      const values = wrapper.get('[aria-label="Values the file lacks"]')
      const wallet = values.get('[data-field="wallet_balance"]')
      expect(wallet.text()).toContain('wallet_balance: not in the file; cross rows are rejected')
      await wallet.get('input[aria-label="wallet_balance for alice"]').setValue('lots')
      expect(wallet.get('[role="alert"]').text()).toBe(
        'wallet_balance must be a number, not "lots"'
      )
      await vi.advanceTimersByTimeAsync(500)
      expect(fake.api.previewImport).toHaveBeenCalledTimes(1)

      await wallet.get('input[aria-label="wallet_balance for alice"]').setValue('25,000')
      expect(wallet.find('[role="alert"]').exists()).toBe(false)
      await vi.advanceTimersByTimeAsync(500)
      expect(fake.api.previewImport).toHaveBeenCalledTimes(2)
      expect(lastSelection().values).toEqual([
        { field: 'wallet_balance', byKey: { key: 'account', values: { alice: '25,000' } } }
      ])
      // Fields a column feeds are not asked for; contract sizes only when the mapping uses them.
      expect(values.find('[data-field="margin_mode"]').exists()).toBe(false)
      expect(values.find('[data-field="contract_size"]').exists()).toBe(false)
    } finally {
      vi.useRealTimers()
    }
  })

  it('imports every staged file with the preset each resolved to and the chosen merge', async () => {
    fake.api.previewImport.mockResolvedValue(
      deskPreview({ preset: 'bybit', presetLabel: 'Bybit v5', rows: [], notes: [] })
    )
    const wrapper = await mountWithFile()
    expect(wrapper.get('[data-testid="detected-preset"]').text()).toBe('detected: Bybit v5')
    await wrapper.get('input[data-merge="replace"]').setValue(true)
    fake.api.startImport.mockResolvedValue({ status: 'cancelled' })
    await wrapper.get('[data-testid="start-import"]').trigger('click')
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="import-cancelled"]').exists()).toBe(true)
    )
    expect(fake.api.startImport).toHaveBeenCalledWith({
      files: [{ fileId: 'f1', selection: { preset: 'bybit', values: [] } }],
      merge: 'replace'
    })
    // A cancelled import keeps the files staged, to try again.
    expect(wrapper.find('[role="tablist"]').text()).toContain('desk.csv')
  })
})
