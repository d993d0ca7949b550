import type { Locator, Page } from '@playwright/test'
import { expect, screenshot, showView, test } from './fixtures'

const heatmap = (page: Page): Locator => page.locator('[data-chart="Liquidation heatmap"]')
const cell = (page: Page, row: number, column: string): Locator =>
  page.locator(`.ag-row[row-index="${row}"] [col-id="${column}"]`).first()

async function typeIntoCell(page: Page, target: Locator, value: string): Promise<void> {
  await target.dblclick()
  const editor = page.locator('.ag-cell-editor input, .ag-cell-inline-editing input').first()
  await expect(editor).toBeVisible()
  await editor.fill(value)
  await editor.press('Enter')
}

test('an entry price edit moves the liquidation price and the heatmap; bad cells are refused', async ({
  cockpit
}) => {
  await expect(heatmap(cockpit)).toHaveAttribute('data-bins-version', '1')
  const heatmapBefore = await heatmap(cockpit).screenshot()

  await showView(cockpit, 'Book')
  await cockpit.getByLabel('Search the book').fill('BTCUSDT')
  const notionalHeader = cockpit.locator('.ag-header-cell[col-id="notional"]')
  await notionalHeader.click()
  await notionalHeader.click()
  await expect(notionalHeader).toHaveAttribute('aria-sort', 'descending')
  await expect(cell(cockpit, 0, 'symbol')).toContainText('BTC')

  const id = (await cell(cockpit, 0, 'id').innerText()).trim()
  const entry = Number((await cell(cockpit, 0, 'entryPrice').innerText()).replace(/,/g, ''))
  const liquidation = await cell(cockpit, 0, 'liquidationPrice').innerText()
  const side = (await cell(cockpit, 0, 'side').innerText()).trim()
  // Worse entry for the side: the liquidation price moves towards the mark.
  const edited = Math.round(side === 'long' ? entry * 1.06 : entry * 0.94)
  await typeIntoCell(cockpit, cell(cockpit, 0, 'entryPrice'), String(edited))

  await expect(cell(cockpit, 0, 'entryPrice')).toHaveText(edited.toLocaleString('en-US'))
  await expect(cell(cockpit, 0, 'liquidationPrice')).not.toHaveText(liquidation)
  await expect(cell(cockpit, 0, 'id')).toHaveText(id)
  await screenshot(cockpit, 'edit-book')

  await typeIntoCell(cockpit, cell(cockpit, 0, 'size'), '-3')
  const refusal = cockpit.getByRole('alert').filter({ hasText: id })
  await expect(refusal).toContainText('size must be greater than 0, got "-3"')
  await expect(cell(cockpit, 0, 'size')).toHaveClass(/cell-error/)
  await screenshot(cockpit, 'edit-refused')

  await showView(cockpit, 'Cockpit')
  await expect(heatmap(cockpit)).toHaveAttribute('data-bins-version', '2')
  await cockpit.waitForTimeout(200)
  expect((await heatmap(cockpit).screenshot()).equals(heatmapBefore)).toBe(false)
  await screenshot(cockpit, 'edit-cockpit')

  await cockpit.keyboard.press('Control+z')
  await expect(heatmap(cockpit)).toHaveAttribute('data-bins-version', '3')
  await showView(cockpit, 'Book')
  await expect(cell(cockpit, 0, 'liquidationPrice')).toHaveText(liquidation)
})

test('adds a position, deletes it, and undoes the delete', async ({ cockpit }) => {
  await showView(cockpit, 'Book')
  await cockpit.getByRole('button', { name: '+ Add' }).click()
  await expect(cockpit.getByText(/Added NEW-1/)).toBeVisible()
  const added = cockpit.locator('.ag-row', { hasText: 'NEW-1' }).first()
  await expect(added).toBeVisible()
  await expect(cockpit.getByText('20,001 positions · book v2')).toBeVisible()

  await added.locator('.ag-selection-checkbox input, input[type="checkbox"]').first().check()
  await cockpit.getByRole('button', { name: 'Delete 1' }).click()
  await expect(cockpit.getByText('Deleted 1 position (Ctrl+Z to undo).')).toBeVisible()
  await expect(cockpit.getByText('20,000 positions · book v3')).toBeVisible()

  await cockpit.getByRole('button', { name: '↶ Undo' }).click()
  await expect(cockpit.getByText('20,001 positions · book v4')).toBeVisible()
  await expect(cockpit.getByText('Undid delete NEW-1.')).toBeVisible()
  await screenshot(cockpit, 'book-add-delete-undo')
})
