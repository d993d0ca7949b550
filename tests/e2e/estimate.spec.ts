import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { openSampleWorkspace } from '../../src/main/services/openSampleWorkspace'
import { expect, screenshot, SCREENSHOTS, showView, test } from './fixtures'

const market = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/market/${name}`, import.meta.url))

test('estimates a book from candles and open interest, then shows the heatmap with the band', async ({
  cockpit
}) => {
  await showView(cockpit, 'Import')
  await cockpit.getByRole('button', { name: 'Estimate a book' }).click()
  await cockpit
    .getByTestId('estimate-candles-input')
    .setInputFiles(market('binance-um-btcusdt-1h-klines.csv'))
  await expect(cockpit.getByTestId('estimate-candles-read')).toContainText('24 bars')
  await cockpit
    .getByTestId('estimate-openInterest-input')
    .setInputFiles(market('binance-um-btcusdt-metrics-5m.csv'))
  await expect(cockpit.getByTestId('estimate-openInterest-read')).toContainText('BTCUSDT')
  await expect(cockpit.getByLabel('Market symbol')).toHaveValue('BTCUSDT')

  const preview = cockpit.getByRole('region', { name: 'Estimate preview' })
  await expect(preview.locator('[data-stat="bars"] .value')).toHaveText('24')
  await expect(preview.locator('[data-stat="positions"] .value')).toHaveText(/^\d+$/)
  await screenshot(cockpit, 'estimate-preview')

  // A mix that does not add up is refused by the field, and nothing is sent until it does.
  await cockpit.getByLabel('Share of 10x').fill('50')
  await expect(cockpit.getByTestId('mix-problem')).toHaveText('the shares add up to 115%, not 100%')
  await expect(cockpit.getByTestId('start-estimate')).toBeDisabled()
  await screenshot(cockpit, 'estimate-field-error')
  await cockpit.locator('[data-mix="mid"]').click()
  await expect(cockpit.getByTestId('mix-problem')).toHaveCount(0)
  await expect(cockpit.getByTestId('start-estimate')).toBeEnabled()

  await cockpit.getByTestId('start-estimate').click()
  await expect(cockpit.getByTestId('estimate-done')).toContainText(
    'binance-um-btcusdt-1h-klines + binance-um-btcusdt-metrics-5m'
  )
  await expect(cockpit.getByTestId('workspace-name')).toHaveText(
    'binance-um-btcusdt-1h-klines + binance-um-btcusdt-metrics-5m'
  )

  await showView(cockpit, 'Cockpit')
  const band = cockpit.getByTestId('heatmap-band')
  await expect(band).toBeVisible()
  await band.check()
  await expect(cockpit.getByTestId('band-note')).toContainText(
    'Band across leverage mixes (low–high)'
  )
  await expect(cockpit.locator('[data-chart="Liquidation heatmap"] canvas').first()).toBeVisible()
  await screenshot(cockpit, 'estimate-heatmap-band')
  // The panel alone at 60 bins, where each bin's band can be told apart.
  const panel = cockpit
    .locator('section', { has: cockpit.getByText('Liquidation heatmap') })
    .first()
  await panel.getByLabel('Bins').selectOption('60')
  await expect(cockpit.getByText(/BTC · all venues · band across/).first()).toBeAttached()
  await panel.screenshot({ path: join(SCREENSHOTS, 'estimate-heatmap-band-panel.png') })
})

test('names the file that cannot be read, by its bad lines', async ({ cockpit }) => {
  await showView(cockpit, 'Import')
  await cockpit.getByRole('button', { name: 'Estimate a book' }).click()
  await cockpit.getByTestId('estimate-candles-input').setInputFiles({
    name: 'broken-candles.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('open_time,open,high,low,close\n1723075200000,61000,60000,60900,61100\n')
  })
  await expect(cockpit.getByTestId('estimate-candles-problem')).toContainText(
    'candles broken-candles.csv: 1 bad row: line 2: high 60000'
  )
  await screenshot(cockpit, 'estimate-file-error')
})

const ESTIMATE_NAME = 'binance-um-btcusdt-1h-klines + binance-um-btcusdt-metrics-5m'

async function estimateWithDefaults(cockpit: Page): Promise<void> {
  await showView(cockpit, 'Import')
  await cockpit.getByRole('button', { name: 'Estimate a book' }).click()
  await cockpit
    .getByTestId('estimate-candles-input')
    .setInputFiles(market('binance-um-btcusdt-1h-klines.csv'))
  await cockpit
    .getByTestId('estimate-openInterest-input')
    .setInputFiles(market('binance-um-btcusdt-metrics-5m.csv'))
  await expect(cockpit.getByTestId('start-estimate')).toBeEnabled()
  await cockpit.getByTestId('start-estimate').click()
  await expect(cockpit.getByTestId('workspace-name')).toHaveText(ESTIMATE_NAME)
}

test('an estimated workspace reopens as an estimate: after a restart the band is back and draws', async ({
  cockpit,
  harness
}) => {
  await estimateWithDefaults(cockpit)
  await showView(cockpit, 'Workspaces')
  await expect(cockpit.locator(`tr[data-workspace="${ESTIMATE_NAME}"]`)).toBeVisible()
  await expect(cockpit.getByRole('banner').getByTestId('save-state')).toHaveText('Saved')

  // The page goes and main starts over on the plain sample: only IndexedDB has the estimate.
  await cockpit.goto('about:blank')
  const { books, sample, registry } = harness.services
  books.replace(await openSampleWorkspace(sample, registry), 'open')
  await cockpit.goto(harness.url)

  await expect(cockpit.getByTestId('workspace-name')).toHaveText(ESTIMATE_NAME)
  await showView(cockpit, 'Cockpit')
  const band = cockpit.getByTestId('heatmap-band')
  await expect(band).toBeVisible()
  await band.check()
  await expect(cockpit.getByTestId('band-note')).toContainText(
    'Band across leverage mixes (low–high)'
  )
  await expect(cockpit.getByText(/BTC · .* · band across low\/mid\/high/).first()).toBeAttached()
  await expect(cockpit.locator('[data-chart="Liquidation heatmap"] canvas').first()).toBeVisible()
})
