/**
 * Workspaces at scale in Debian's Chromium, through the end-to-end harness (the real renderer,
 * its real IndexedDB, the real main-process code): save a 1M-position workspace, and reopen it
 * to its heatmap drawn. Each figure is printed as a ratio to its target, beside the same step on
 * the 20k sample measured in the same run.
 *
 *   npm run build && npx tsx tests/e2e/bench/workspaces.ts
 */
import { chromium, type Page } from 'playwright-core'
import type { CockpitApi } from '../../../src/shared/contract'
import { startHarness } from '../harness/harnessServer'

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]
const SAVE_TARGET_MS = 2_000
const REOPEN_TARGET_MS = 1_000
const ROUNDS = 3

const nextFrames = (page: Page): Promise<void> =>
  page.evaluate(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())))
  )

const saveState = (page: Page) => page.getByRole('banner').getByTestId('save-state')

async function waitSaved(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('header [data-testid="save-state"]')?.textContent?.trim() === 'Saved',
    null,
    { timeout: 300_000, polling: 'raf' }
  )
}

async function showView(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: label }).click()
  await page.locator(`main[data-view="${label.toLowerCase()}"]`).waitFor()
}

/** An edit (through the grid's contract call), then Ctrl+S until the badge says Saved again. */
async function editAndSave(page: Page): Promise<number> {
  const edited = await page.evaluate(async () => {
    const { cockpit } = window as unknown as { cockpit: CockpitApi }
    const query = { sort: [], filters: [], search: '' }
    const [row] = (await cockpit.bookPage({ query, offset: 0, limit: 1 })).rows
    return cockpit.bookEdit({ id: row.id, column: 'size', value: String(row.size * 1.01) })
  })
  if (!edited.ok) throw new Error(`the edit was refused: ${edited.message}`)
  await saveState(page).filter({ hasText: 'Unsaved' }).waitFor()
  const start = performance.now()
  await page.keyboard.press('Control+s')
  await page.waitForFunction(
    () =>
      document.querySelector('header [data-testid="save-state"]')?.textContent?.trim() !==
      'Unsaved',
    null,
    { polling: 'raf' }
  )
  await waitSaved(page)
  return performance.now() - start
}

const binsVersion = (page: Page): Promise<string | null> =>
  page.locator('[data-chart="Liquidation heatmap"]').first().getAttribute('data-bins-version')

/**
 * Open in the list, then the cockpit: the time until the heatmap on screen is the opened
 * workspace's (its saved bins, shown while main loads the book), and until main has the book
 * and its own heatmap of it is drawn.
 */
async function reopen(
  page: Page,
  name: string,
  positions: string
): Promise<{ preview: number; live: number }> {
  await showView(page, 'Cockpit')
  const shown = await binsVersion(page)
  await showView(page, 'Workspaces')
  const row = page.locator(`tr[data-workspace="${name}"]`)
  const start = performance.now()
  await row.getByRole('button', { name: 'Open' }).click()
  await showView(page, 'Cockpit')
  await page.waitForFunction(
    (before) =>
      document
        .querySelector('[data-chart="Liquidation heatmap"]')
        ?.getAttribute('data-bins-version') !== before,
    shown,
    { timeout: 120_000, polling: 'raf' }
  )
  await nextFrames(page)
  const preview = performance.now() - start
  await page.waitForFunction(
    (expected) => {
      const status = document.body.innerText
      const match = new RegExp(`${expected} positions · book v(\\d+)`).exec(status)
      const chart = document.querySelector('[data-chart="Liquidation heatmap"]')
      return match !== null && chart?.getAttribute('data-bins-version') === match[1]
    },
    positions,
    { timeout: 120_000, polling: 'raf' }
  )
  await nextFrames(page)
  const live = performance.now() - start
  await waitSaved(page)
  return { preview, live }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]

const harness = await startHarness()
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
  await page.goto(harness.url)
  await page.getByTestId('workspace-name').waitFor()
  await waitSaved(page)

  await page.getByRole('button', { name: 'Sample ▾' }).click()
  await page.getByRole('menuitem', { name: 'Sample book, 1,000,000 positions' }).click()
  await page.getByText(/1,000,000 positions · book v\d+/).waitFor({ timeout: 300_000 })
  await page
    .getByTestId('workspace-name')
    .filter({ hasText: 'Sample book (2)' })
    .waitFor({ timeout: 300_000 })
  await waitSaved(page)

  const small = { save: [] as number[], preview: [] as number[], live: [] as number[] }
  const large = { save: [] as number[], preview: [] as number[], live: [] as number[] }
  for (let round = 0; round < ROUNDS; round++) {
    large.save.push(await editAndSave(page))
    const smallOpen = await reopen(page, 'Sample book', '20,000')
    small.preview.push(smallOpen.preview)
    small.live.push(smallOpen.live)
    small.save.push(await editAndSave(page))
    const largeOpen = await reopen(page, 'Sample book (2)', '1,000,000')
    large.preview.push(largeOpen.preview)
    large.live.push(largeOpen.live)
  }
  const row = (label: string, target: number, ours: number[], base: number[]): void =>
    console.log(
      `${label.padEnd(52)} ${(median(ours) / target).toFixed(2)}x its ${target} ms target; ${(median(ours) / median(base)).toFixed(1)}x the 20k book (median ${median(ours).toFixed(0)} ms of ${ours.map((t) => t.toFixed(0)).join(', ')})`
    )
  console.log('Workspaces in Chromium (real IndexedDB), 1M-position sample book')
  row('save (Ctrl+S to Saved)', SAVE_TARGET_MS, large.save, small.save)
  row('reopen to the saved heatmap drawn', REOPEN_TARGET_MS, large.preview, small.preview)
  row('reopen to the book loaded and its heatmap drawn', REOPEN_TARGET_MS, large.live, small.live)
} finally {
  await browser.close()
  await harness.close()
}
