import { expect, screenshot, showView, test } from './fixtures'

test('runs a shock with a chosen impact model and shows the waterfall round by round', async ({
  cockpit
}) => {
  await showView(cockpit, 'Cascade')
  const finalPrice = cockpit.locator('[data-stat="final-price"] .value')
  await expect(finalPrice).toHaveText('56,197')

  await cockpit.getByLabel('Shock percent').fill('-12')
  await cockpit.getByLabel('Impact model').selectOption('linear')
  await cockpit.getByLabel('Depth per 1% move').fill('4')
  await expect(cockpit.getByText('Inputs changed since the last run')).toBeVisible()
  await cockpit.keyboard.press('Control+Enter')

  await expect(finalPrice).not.toHaveText('56,197')
  await expect(cockpit.getByText('linear depth, $4.00M per 1%')).toBeVisible()
  const rounds = cockpit.locator('table.rounds tbody tr')
  expect(await rounds.count()).toBeGreaterThan(2)
  await expect(rounds.first()).toContainText('R1')
  await expect(cockpit.locator('[data-stat="amplification"] .value')).not.toHaveText('1.00×')
  await expect(cockpit.locator('[data-chart="Cascade waterfall"] canvas').first()).toBeVisible()
  await expect(cockpit.getByText(/last run|critical shock/).first()).toBeVisible()
  await screenshot(cockpit, 'cascade')
})
