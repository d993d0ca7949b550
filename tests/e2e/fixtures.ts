import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { startHarness, type Harness } from './harness/harnessServer'

export const SCREENSHOTS = join('test-results', 'screenshots')

interface CockpitFixtures {
  harness: Harness
  /** The app open on its first screen, populated; fails the test on any page or console error. */
  cockpit: Page
  /** Console errors a test expects (a refused request, say), so they do not fail it. */
  expectedErrors: RegExp[]
}

export const test = base.extend<CockpitFixtures>({
  // A fresh main process per test: every test starts on the untouched sample workspace.
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern.
  harness: async ({}, use) => {
    const harness = await startHarness()
    await use(harness)
    await harness.close()
  },
  expectedErrors: [[], { option: true }],
  cockpit: async ({ page, harness, expectedErrors }, use) => {
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      const text = message.text()
      if (!expectedErrors.some((pattern) => pattern.test(text))) problems.push(`console: ${text}`)
    })
    await page.goto(harness.url)
    await expect(page.getByTestId('workspace-name')).toHaveText('Sample book')
    await expect(page.locator('[data-stat="final-price"] .value')).toHaveText(/\d/)
    await use(page)
    expect(problems, 'the page logged errors').toEqual([])
  }
})

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) })
}

/** Opens a view from the navigation rail. */
export async function showView(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: label }).click()
  await expect(page.locator(`main[data-view="${label.toLowerCase()}"]`)).toBeVisible()
}

export { expect }
