import type { Page } from '@playwright/test'
import { expect, screenshot, test } from './fixtures'

/** Opens one of the scenario screens from the rail (their view names are not their labels). */
async function open(page: Page, label: string, view: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: label }).click()
  await expect(page.locator(`main[data-view="${view}"]`)).toBeVisible()
}

test('edits a scenario with field-level validation and runs its timeline over the heatmap', async ({
  cockpit
}) => {
  await open(cockpit, 'Scenario', 'scenario')
  // A first visit opens on the flash crash preset.
  await expect(cockpit.getByLabel('Name', { exact: true })).toHaveValue('Flash crash')
  await expect(cockpit.getByTestId('scenario-problems')).toContainText('Valid')

  // A bad value is named beside its field, and running is blocked until it is fixed.
  const steps = cockpit.locator('[data-field="steps"]')
  await steps.getByRole('spinbutton').fill('0')
  await expect(steps.getByRole('alert')).toHaveText('must be at least 1')
  const move = cockpit.locator('[data-field="markets[0].path[0].move"]')
  await move.getByRole('spinbutton').fill('-1.5')
  await expect(move.getByRole('alert')).toContainText('above -1')
  await expect(cockpit.getByTestId('scenario-problems')).toContainText('2 problems')
  await expect(cockpit.getByTestId('run-timeline')).toBeDisabled()
  await screenshot(cockpit, 'scenario-editor-invalid')
  await steps.getByRole('spinbutton').fill('240')
  await move.getByRole('spinbutton').fill('-0.09')
  await expect(cockpit.getByTestId('scenario-problems')).toContainText('Valid')
  await screenshot(cockpit, 'scenario-editor')
  await cockpit.locator('[data-section="mechanics"]').scrollIntoViewIfNeeded()
  await screenshot(cockpit, 'scenario-editor-mechanics')

  // The JSON view shows the same scenario and refuses text that is not JSON, saying why.
  await cockpit.getByRole('tab', { name: 'JSON' }).click()
  const json = cockpit.getByLabel('Scenario JSON')
  await expect(json).toHaveValue(/"name": "Flash crash"/)
  const original = await json.inputValue()
  await json.fill('{ "version": 1, ')
  await expect(cockpit.getByText(/not valid JSON/)).toBeVisible()
  // JSON the form cannot draw (a null market) keeps the JSON view, says why, and lists the problems.
  await json.fill(JSON.stringify({ ...JSON.parse(original), markets: [null] }, null, 2))
  await expect(cockpit.getByTestId('form-unavailable')).toContainText(
    'markets[0] must be an object'
  )
  await expect(cockpit.getByRole('tab', { name: 'Form' })).toBeDisabled()
  await expect(cockpit.getByTestId('scenario-problems')).toContainText('markets[0]')
  await json.fill(original)
  await expect(cockpit.getByTestId('form-unavailable')).toBeHidden()
  await expect(cockpit.getByTestId('scenario-problems')).toContainText('Valid')
  await cockpit.getByRole('tab', { name: 'Form' }).click()
  await expect(cockpit.getByLabel('Name', { exact: true })).toHaveValue('Flash crash')

  // Save writes the scenario as its file.
  const [saved] = await Promise.all([
    cockpit.waitForEvent('download'),
    cockpit.getByRole('button', { name: 'Save file…' }).click()
  ])
  expect(saved.suggestedFilename()).toBe('flash-crash.json')

  await cockpit.getByTestId('run-timeline').click()
  await expect(cockpit.locator('main[data-view="timeline"]')).toBeVisible()
  await expect(cockpit.locator('[data-chart="Scenario timeline"] canvas').first()).toBeVisible()
  await expect(cockpit.locator('[data-stat="accounting"]')).toHaveText('✓ nothing created or lost')
  await expect(cockpit.locator('[data-stat="liquidated-long"]')).toContainText('$')
  // The scrubber starts where most was liquidated: the gap at step 20.
  await expect(cockpit.getByTestId('timeline-step')).toHaveText(/^step 2\d ·/)
  const [csv] = await Promise.all([
    cockpit.waitForEvent('download'),
    cockpit.getByRole('button', { name: 'CSV' }).click()
  ])
  expect(csv.suggestedFilename()).toBe('BTC-timeline-run-1.csv')
  await cockpit.waitForTimeout(300)
  await screenshot(cockpit, 'timeline-heatmap')
  await cockpit.keyboard.press('Control+Shift+L')
  await expect(cockpit.locator('html')).toHaveAttribute('data-theme', 'light')
  await cockpit.waitForTimeout(300)
  await screenshot(cockpit, 'timeline-heatmap-light')
  await cockpit.keyboard.press('Control+Shift+L')
  await expect(cockpit.locator('html')).toHaveAttribute('data-theme', 'dark')

  // Scrubbing moves the step and the step's numbers with it.
  const before = await cockpit.locator('[data-stat="step-price"]').textContent()
  await cockpit.getByLabel('Timeline scrubber').fill('200')
  await expect(cockpit.getByTestId('timeline-step')).toHaveText(/^step 200 · 50:00$/)
  await expect(cockpit.locator('[data-stat="step-price"]')).not.toHaveText(before ?? '')
  // A click on a time strip scrubs there: a quarter of the way along the open-interest strip.
  const box = await cockpit.locator('[data-chart="Scenario timeline"]').boundingBox()
  if (!box) throw new Error('no timeline chart')
  const left = 70
  const right = 264
  await cockpit.mouse.click(
    box.x + left + (box.width - left - right) * 0.25,
    box.y + box.height * 0.79
  )
  await expect(cockpit.getByTestId('timeline-step')).toHaveText(/^step (5\d|6\d) ·/)
  const clicked = Number(
    /step (\d+)/.exec((await cockpit.getByTestId('timeline-step').textContent()) ?? '')?.[1]
  )
  await cockpit.keyboard.press('Shift+ArrowRight')
  await expect(cockpit.getByTestId('timeline-step')).toHaveText(
    new RegExp(`^step ${clicked + 10} ·`)
  )
  await cockpit.getByRole('button', { name: 'Longs' }).click()
  await cockpit.getByTestId('pin-run').click()
  await expect(cockpit.getByTestId('pin-run')).toHaveText('Pinned')

  // A second scenario, from a file, on the same book: compared with the first on one set of charts.
  await open(cockpit, 'Scenario', 'scenario')
  const file = {
    version: 1,
    name: 'Weekend drift',
    seed: 3,
    steps: 96,
    stepSeconds: 300,
    driver: 'BTCUSDT',
    markets: [
      {
        underlying: 'BTCUSDT',
        path: [
          { kind: 'ramp', fromStep: 10, toStep: 80, move: -0.07 },
          { kind: 'gbm', volatility: 0.04 }
        ]
      },
      { underlying: 'ETH', beta: 1.3 }
    ],
    mechanics: { throughputPerStep: 2000000, insuranceFund: 500000 }
  }
  await cockpit.getByLabel('Scenario file').setInputFiles({
    name: 'weekend.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file))
  })
  await expect(cockpit.getByLabel('Name', { exact: true })).toHaveValue('Weekend drift')
  await expect(cockpit.getByRole('list', { name: 'Scenario list' })).toContainText(
    'file weekend.json'
  )
  await expect(cockpit.getByTestId('scenario-problems')).toContainText('Valid')
  await cockpit.getByTestId('run-timeline').click()
  await expect(cockpit.locator('main[data-view="timeline"]')).toBeVisible()
  await expect(cockpit.locator('[data-stat="accounting"]')).toHaveText('✓ nothing created or lost')
  await cockpit.waitForTimeout(300)
  await screenshot(cockpit, 'timeline-file-scenario')
  await cockpit.getByTestId('pin-run').click()
  await cockpit.getByRole('tab', { name: /Compare/ }).click()
  await expect(cockpit.getByTestId('compare-row')).toHaveCount(2)
  await expect(cockpit.getByTestId('compare-row').nth(1)).toContainText('Weekend drift (seed 3)')
  await expect(cockpit.locator('[data-chart="Scenario comparison"] canvas').first()).toBeVisible()
  await cockpit.waitForTimeout(300)
  await screenshot(cockpit, 'timeline-compare')
})

test('runs Monte Carlo on the workers with progress, and keeps the finished paths when cancelled', async ({
  cockpit
}) => {
  await open(cockpit, 'Scenario', 'scenario')
  await expect(cockpit.getByTestId('scenario-problems')).toContainText('Valid')
  await cockpit.locator('[data-field="steps"]').getByRole('spinbutton').fill('120')
  // A thin linear book on BTC: the book turns self-reinforcing within reach (runaway zones).
  await cockpit.getByLabel('Liquidity model').first().selectOption('linear')
  await expect(cockpit.getByLabel('Depth per 1% move')).toHaveValue('5000000')
  await expect(cockpit.getByTestId('scenario-problems')).toContainText('Valid')

  await open(cockpit, 'Monte Carlo', 'montecarlo')
  await cockpit.getByLabel('Monte Carlo paths').fill('200')
  await cockpit.getByTestId('start-monte-carlo').click()
  await expect(cockpit.locator('[data-stat="paths"] .value')).toHaveText('200', { timeout: 60_000 })
  await expect(cockpit.locator('[data-stat="paths"]')).toContainText('all finished')
  await expect(cockpit.locator('[data-chart="Monte Carlo fan chart"] canvas').first()).toBeVisible()
  const liquidated = cockpit.locator(
    '[data-testid="distribution-table"] tr[data-metric="liquidatedNotional"]'
  )
  await expect(liquidated.locator('td.var').first()).toContainText('$')
  const zones = cockpit.getByTestId('zone-table').locator('tbody tr')
  await expect(zones.first()).toContainText('↓')
  await expect(zones.first().locator('td').nth(2)).toHaveText(/%$/)

  // The same paths on one worker: the throughput table shows the speed-up of the pool.
  await cockpit.getByLabel('Worker threads').fill('1')
  await cockpit.getByTestId('start-monte-carlo').click()
  await expect(cockpit.getByTestId('timings').locator('tbody tr')).toHaveCount(2, {
    timeout: 60_000
  })
  const newest = cockpit.getByTestId('timings').locator('tbody tr').first().locator('td')
  await expect(newest.nth(1)).toHaveText('1')
  await expect(newest.nth(2)).toHaveText('200')
  await cockpit.getByLabel('Worker threads').fill('')
  await cockpit.waitForTimeout(300)
  await screenshot(cockpit, 'monte-carlo')

  await cockpit.getByLabel('Monte Carlo paths').fill('200000')
  await cockpit.getByTestId('start-monte-carlo').click()
  await expect(cockpit.getByRole('progressbar', { name: 'Monte Carlo progress' })).toBeVisible()
  await expect(cockpit.getByRole('main').getByText(/ of 200,000 paths/)).toBeVisible({
    timeout: 30_000
  })
  // The paths so far are summarised while it runs.
  await expect(cockpit.locator('[data-stat="paths"]')).toContainText(
    /running: [\d,]+ of 200,000 so far/
  )
  await screenshot(cockpit, 'monte-carlo-running')
  await cockpit.getByTestId('cancel-monte-carlo').click()
  await expect(cockpit.locator('[data-stat="paths"]')).toContainText(
    /cancelled: [\d,]+ of 200,000 kept/
  )
})
