import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { writeSyntheticPositionsCsv } from '../fixtures/import/syntheticPositions'
import { expect, screenshot, showView, test } from './fixtures'

const fixturePath = (path: string): string =>
  fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url))
const badRows = fixturePath('import/positions-bad-rows.csv')

test('imports a CSV with bad rows and reports every rejected row, exportable', async ({
  cockpit
}) => {
  await showView(cockpit, 'Import')
  await cockpit.getByTestId('import-file-input').setInputFiles(badRows)

  const preview = cockpit.getByRole('region', { name: 'Import preview' })
  await expect(preview.getByRole('heading', { name: 'positions-bad-rows.csv' })).toBeVisible()
  await expect(preview.getByTestId('detected-preset')).toHaveText(
    /^detected: canonical positions|^no preset/
  )
  const mapped = preview.getByRole('region', { name: 'Mapped preview' })
  await expect(mapped.locator('tbody tr').first()).toContainText('ok')
  await expect(mapped.locator('tbody tr.rejected').first()).toContainText('id is required')
  await screenshot(cockpit, 'import-preview')

  await cockpit.getByTestId('start-import').click()
  const report = cockpit.getByRole('region', { name: 'Import report' })
  await expect(report.locator('[data-count="read"]')).toHaveText('23')
  await expect(report.locator('[data-count="imported"]')).toHaveText('2')
  await expect(report.locator('[data-count="rejected"]')).toHaveText('21')
  const rejected = report.getByRole('table', { name: 'Rejected rows' })
  await expect(rejected.locator('tbody tr')).toHaveCount(21)
  await expect(rejected.locator('tbody tr').first()).toHaveText(
    ['3', 'id', 'id is required'].join('')
  )
  await expect(rejected).toContainText('side must be one of long, short')
  await screenshot(cockpit, 'import-report')

  const [download] = await Promise.all([
    cockpit.waitForEvent('download'),
    cockpit.getByTestId('export-rejected').click()
  ])
  expect(download.suggestedFilename()).toBe('positions-bad-rows-rejected-rows.csv')
  const csv = readFileSync((await download.path())!, 'utf8').split('\r\n')
  expect(csv[0]).toBe('file,line,column,reason')
  expect(csv.filter((line) => line !== '')).toHaveLength(22)

  await expect(cockpit.getByTestId('workspace-name')).toHaveText('positions-bad-rows')
  await showView(cockpit, 'Cockpit')
  await expect(cockpit.locator('[data-stat="final-price"] .value')).toHaveText(/\d/)
  await screenshot(cockpit, 'import-cockpit')
})

test('takes a file dropped anywhere on the window', async ({ cockpit }) => {
  const text =
    'id,symbol,side,size,entry_price,leverage\nd1,BTCUSDT,long,2,60000,20x\nd2,BTCUSDT,up,1,60000,10\n'
  await cockpit.evaluate((content) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([content], 'dropped.csv', { type: 'text/csv' }))
    document
      .querySelector('.shell')!
      .dispatchEvent(
        new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true })
      )
  }, text)
  const preview = cockpit.getByRole('region', { name: 'Import preview' })
  await expect(preview.getByRole('heading', { name: 'dropped.csv' })).toBeVisible()
  // d1 is fine but for its venue: a generic venue has no tier table, so it needs an mmr.
  await expect(preview.locator('tbody tr.rejected')).toHaveText([
    /no maintenance margin: no tier table for generic BTCUSDT/,
    /side must be one of/
  ])
})

test('maps an unknown export column by column, fills what it lacks, saves the preset and reuses it', async ({
  cockpit
}) => {
  await showView(cockpit, 'Import')
  await cockpit
    .getByTestId('import-file-input')
    .setInputFiles(fixturePath('import/desk-export-monday.csv'))
  const preview = cockpit.getByRole('region', { name: 'Import preview' })
  await expect(preview.getByTestId('detected-preset')).toHaveText(
    'no preset: canonical columns and header aliases'
  )
  await expect(preview.getByTestId('preview-problem')).toBeVisible()

  const editor = preview.getByRole('region', { name: 'Column mapping' })
  const mapTo = async (column: string, field: string, values?: string) => {
    await editor.getByLabel(`Field for ${column}`).selectOption(field)
    if (values) await editor.getByLabel(`Values of ${column}`).selectOption(values)
  }
  await mapTo('Ticket', 'id')
  await mapTo('Trader', 'account')
  await mapTo('Instrument', 'symbol')
  await mapTo('Net Qty (contracts)', 'size', 'signed-contracts')
  await mapTo('Avg Px', 'entry_price')
  await mapTo('Lev', 'leverage')
  await mapTo('Margin Type', 'margin_mode')
  await expect(preview.getByTestId('preview-problem')).toHaveCount(0)
  await expect(editor.getByLabel('Field for Net Qty (contracts)')).toHaveValue('size')
  await expect(editor.locator('tr[data-column="Net Qty (contracts)"]')).toContainText('also side')
  const mapped = preview.getByRole('region', { name: 'Mapped preview' })
  await expect(mapped.locator('tbody tr').first()).toContainText('contract_size')
  await screenshot(cockpit, 'import-mapping-editor')

  const values = preview.getByRole('region', { name: 'Values the file lacks' })
  await values.getByLabel('venue for every row').fill('okx')
  await values.getByLabel('contract_size for BTC-USDT-SWAP').fill('0.01')
  await values.getByLabel('contract_size for every row').fill('abc')
  await expect(values.getByRole('alert')).toHaveText('contract_size must be a number, not "abc"')
  await values.getByLabel('contract_size for every row').fill('0.1')
  await expect(
    values.locator('[data-field="wallet_balance"] input[aria-label="wallet_balance for alice"]')
  ).toBeVisible()
  await values.getByLabel('wallet_balance for alice').fill('25000')
  await expect(values.locator('[data-field="venue"]')).toContainText(
    'venue: not in the file; "okx" for every row'
  )
  await expect(mapped.locator('tbody tr')).toHaveText([/ok$/, /ok$/, /ok$/, /the size is 0/])
  await expect(mapped.locator('tbody tr').nth(1)).toContainText('short')
  await expect(preview.getByRole('list', { name: 'Mapping notes' })).toContainText(
    "mmr (maintenance margin): from the venue's tier table for okx BTC-USDT-SWAP"
  )
  await screenshot(cockpit, 'import-missing-values')

  await preview.getByTestId('preset-name').fill('Desk export')
  await preview.getByTestId('save-preset').click()
  await expect(preview.getByTestId('preset-select')).toHaveValue('desk-export')

  // Next time, the saved preset is detected from the header, with its values.
  await cockpit
    .getByTestId('import-file-input')
    .setInputFiles(fixturePath('import/desk-export-tuesday.csv'))
  await expect(preview.getByRole('heading', { name: 'desk-export-tuesday.csv' })).toBeVisible()
  await expect(preview.getByTestId('detected-preset')).toHaveText('detected: Desk export')
  await expect(mapped.locator('tbody tr')).toHaveText([/ok$/, /ok$/])

  await cockpit.locator('input[data-merge="append"]').check()
  await cockpit.getByTestId('start-import').click()
  const report = cockpit.getByRole('region', { name: 'Import report' })
  await expect(report.locator('[data-count="read"]')).toHaveText('6')
  await expect(report.locator('[data-count="imported"]')).toHaveText('4')
  await expect(report.locator('[data-count="rejected"]')).toHaveText('2')
  await expect(report.locator('[data-count="positions"]')).toHaveText('20,004')
  await expect(report.getByRole('table', { name: 'Rejected rows' })).toContainText(
    'duplicate id "T-2", first seen on line 3 of desk-export-monday.csv'
  )
  await expect(report.getByRole('table', { name: 'Imported files' })).toContainText('Desk export')
  await screenshot(cockpit, 'import-summary')
  await expect(cockpit.getByTestId('workspace-name')).toHaveText('Sample book')
})

test('detects exchange exports, names a damaged file and imports the rest', async ({ cockpit }) => {
  await showView(cockpit, 'Import')
  await cockpit.getByTestId('import-file-input').setInputFiles([
    {
      name: 'okx-account-positions.csv',
      mimeType: 'text/csv',
      buffer: readFileSync(fixturePath('exchanges/okx-account-positions.csv'))
    },
    {
      name: 'positions.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('PK\u0003\u0004 zip bytes')
    }
  ])
  const preview = cockpit.getByRole('region', { name: 'Import preview' })
  await expect(preview.getByTestId('preview-problem')).toHaveText(
    'positions.csv: is a zip archive or an Excel workbook, not CSV text: save or export it as CSV'
  )
  await expect(cockpit.getByTestId('start-import')).toBeDisabled()
  const files = cockpit.getByRole('tablist', { name: 'Files to import' })
  await files.getByLabel('Remove positions.csv').click()
  await expect(files.getByRole('tab')).toHaveCount(1)
  await expect(preview.getByTestId('detected-preset')).toHaveText(/^detected: OKX v5 positions/)
  await cockpit.getByTestId('start-import').click()
  const report = cockpit.getByRole('region', { name: 'Import report' })
  await expect(report.getByRole('table', { name: 'Imported files' })).toContainText('OKX v5')
  await expect(report.locator('[data-count="read"]')).not.toHaveText('0')
})

test('a large import shows its progress and cancels with the book unchanged', async ({
  cockpit
}, testInfo) => {
  const path = testInfo.outputPath('large-positions.csv')
  await writeSyntheticPositionsCsv(path, 500_000, 3)
  await showView(cockpit, 'Import')
  await cockpit.getByTestId('import-file-input').setInputFiles(path)
  const preview = cockpit.getByRole('region', { name: 'Import preview' })
  await expect(
    preview.getByRole('region', { name: 'Mapped preview' }).locator('tbody tr').first()
  ).toContainText('ok')
  await cockpit.getByTestId('start-import').click()
  await expect(cockpit.getByRole('progressbar', { name: 'Import progress' })).toBeVisible()
  await screenshot(cockpit, 'import-progress')
  await cockpit.getByTestId('cancel-import').click()
  await expect(cockpit.getByTestId('import-cancelled')).toHaveText(
    'Import cancelled: the book is unchanged.'
  )
  await expect(cockpit.getByTestId('workspace-name')).toHaveText('Sample book')
  await expect(cockpit.getByRole('tablist', { name: 'Files to import' })).toContainText(
    'large-positions.csv'
  )
})
