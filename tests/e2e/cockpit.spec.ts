import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { API_METHODS } from '../../src/shared/channels'
import { RENDERER_DIR } from './harness/harnessServer'
import { expect, screenshot, test } from './fixtures'

const shippedCsp = (html: string): string | undefined =>
  /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]

test('opens on the sample workspace with every cockpit panel populated', async ({ cockpit }) => {
  const header = cockpit.getByRole('banner')
  await expect(header.locator('[data-price="BTC"]')).toHaveText('61,800')
  await expect(header.locator('[data-price="ETH"]')).toHaveText('2,680.00')

  for (const chart of ['Liquidation heatmap', 'Cascade waterfall', 'Amplification curve'])
    await expect(cockpit.locator(`[data-chart="${chart}"] canvas`).first()).toBeVisible()
  await expect(cockpit.locator('[data-stat="final-price"] .value')).toHaveText('56,197')
  await expect(cockpit.locator('[data-stat="amplification"] .value')).toHaveText('1.13×')
  await expect(cockpit.getByText(/critical shock −\d/)).toBeVisible()

  const heatmapPanel = cockpit.locator('section', { has: cockpit.getByText('Liquidation heatmap') })
  await heatmapPanel.first().getByLabel('Split').selectOption('venue')
  await expect(cockpit.getByText(/BTC · split by venue · per/).first()).toBeVisible()
  await screenshot(cockpit, 'cockpit-heatmap-by-venue')
  await heatmapPanel.first().getByLabel('Split').selectOption('leverage')
  await expect(cockpit.getByText(/BTC · split by leverage · per/).first()).toBeVisible()
  await screenshot(cockpit, 'cockpit-heatmap-by-leverage')
  await heatmapPanel.first().getByLabel('Split').selectOption('side')
  await expect(cockpit.getByText(/BTC · all venues · per/).first()).toBeVisible()

  const venues = cockpit.locator('table.data tbody tr td:first-child')
  await expect(venues.filter({ hasText: 'Binance' })).toHaveCount(1)
  await expect(venues.filter({ hasText: 'Lending' })).toHaveCount(1)
  await screenshot(cockpit, 'cockpit')

  const [png] = await Promise.all([
    cockpit.waitForEvent('download'),
    cockpit.getByRole('button', { name: 'PNG' }).click()
  ])
  expect(png.suggestedFilename()).toBe('BTC-liquidation-heatmap.png')

  await cockpit.keyboard.press('Control+Shift+L')
  await expect(cockpit.locator('html')).toHaveAttribute('data-theme', 'light')
  await cockpit.waitForTimeout(300)
  await screenshot(cockpit, 'cockpit-light')
})

test('serves the shipped CSP unchanged, exposes only contract calls, and guards the loopback', async ({
  cockpit,
  harness
}) => {
  const shipped = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8')
  const served = await (await fetch(harness.url)).text()
  expect(shippedCsp(served)).toBe(shippedCsp(shipped))
  expect(shippedCsp(served)).toContain("script-src 'self'")

  const exposed = await cockpit.evaluate(() =>
    Object.keys((window as unknown as { cockpit: object }).cockpit).sort()
  )
  expect(exposed).toEqual([...Object.keys(API_METHODS), 'on'].sort())
  const refused = await fetch(`${harness.origin}/__harness/invoke/app:info`, {
    method: 'POST',
    body: 'null'
  })
  expect(refused.status).toBe(403)

  // A page on another name that resolves to 127.0.0.1 (DNS rebinding) is turned away.
  const rebound = await new Promise<number>((resolve, reject) => {
    const call = request(`${harness.origin}/?token=${harness.token}`, {
      headers: { host: 'attacker.example' }
    })
    call.on('response', (response) => resolve(response.statusCode ?? 0)).on('error', reject)
    call.end()
  })
  expect(rebound).toBe(421)
})
