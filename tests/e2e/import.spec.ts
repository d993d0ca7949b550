import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, screenshot, showView, test } from './fixtures'

const badRows = fileURLToPath(new URL('../fixtures/import/positions-bad-rows.csv', import.meta.url))

test('imports a CSV with bad rows and reports every rejected row, exportable', async ({
  cockpit
}) => {
  await showView(cockpit, 'Import')
  await cockpit.getByTestId('import-file-input').setInputFiles(badRows)

  const preview = cockpit.getByRole('region', { name: 'Import preview' })
  await expect(preview.getByRole('heading', { name: 'positions-bad-rows.csv' })).toBeVisible()
  await expect(preview.getByText('15 of 15 columns recognised')).toBeVisible()
  await expect(preview.locator('tbody tr').first()).toContainText('ok')
  await expect(preview.locator('tbody tr.rejected').first()).toContainText('id is required')
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
  expect(csv[0]).toBe('line,column,reason')
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
  await expect(preview.locator('tbody tr.rejected')).toContainText('side must be one of')
})
