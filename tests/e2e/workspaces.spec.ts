import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { openSampleWorkspace } from '../../src/main/services/openSampleWorkspace'
import type { CockpitApi } from '../../src/shared/contract'
import { writeSyntheticPositionsCsv } from '../fixtures/import/syntheticPositions'
import { expect, screenshot, showView, test } from './fixtures'
import type { Harness } from './harness/harnessServer'

const QUERY = { sort: [], filters: [], search: '' }

/** A position's stored size, read through the contract like the grid reads it. */
const sizeOf = (page: Page, id: string): Promise<number | undefined> =>
  page.evaluate(
    async ({ id, query }) => {
      const { cockpit } = window as unknown as { cockpit: CockpitApi }
      const { rows } = await cockpit.bookPage({
        query: { ...query, search: id },
        offset: 0,
        limit: 5
      })
      return rows.find((row) => row.id === id)?.size
    },
    { id, query: QUERY }
  )

const firstId = (page: Page): Promise<string> =>
  page.evaluate(async (query) => {
    const { cockpit } = window as unknown as { cockpit: CockpitApi }
    return (await cockpit.bookPage({ query, offset: 0, limit: 1 })).rows[0].id
  }, QUERY)

/** An edit through the same contract call the book grid makes. */
async function editSize(page: Page, id: string, value: string): Promise<void> {
  const result = await page.evaluate(
    ({ id, value }) =>
      (window as unknown as { cockpit: CockpitApi }).cockpit.bookEdit({
        id,
        column: 'size',
        value
      }),
    { id, value }
  )
  expect(result.ok).toBe(true)
}

/** Main restarts on the built-in sample, as the desktop app does: only IndexedDB remembers. */
async function restartMain(harness: Harness): Promise<void> {
  const { books, sample, registry } = harness.services
  books.replace(await openSampleWorkspace(sample, registry), 'open')
}

/** The whole app restarts: the page goes, main starts over, the page comes back. */
async function restartApp(page: Page, harness: Harness): Promise<void> {
  await page.goto('about:blank')
  await restartMain(harness)
  await page.goto(harness.url)
}

/** Picks the version whose label starts with `prefix` in one of the compare selectors. */
async function chooseVersion(page: Page, side: 'A' | 'B', prefix: string): Promise<void> {
  const select = page.getByLabel(`Compare ${side}`)
  const labels = await select.locator('option').allTextContents()
  const label = labels.find((text) => text.trim().startsWith(prefix))
  expect(label, `a version labelled "${prefix}…"`).toBeDefined()
  await select.selectOption({ label: label!.trim() })
}

/** Raw counts from the page's IndexedDB, independent of the app's own code. */
const storedCounts = (page: Page): Promise<Record<string, number>> =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('cascade-cockpit')
        request.onerror = () => reject(request.error)
        request.onsuccess = () => {
          const db = request.result
          const names = ['workspaces', 'revisions', 'books', 'chunks', 'deltas']
          const tx = db.transaction(names, 'readonly')
          const counts: Record<string, number> = {}
          for (const name of names) {
            const count = tx.objectStore(name).count()
            count.onsuccess = () => (counts[name] = count.result)
          }
          tx.oncomplete = () => {
            db.close()
            resolve(counts)
          }
        }
      })
  )

/** Main's whole book, every column and the extra ones, as comparable JSON. */
const bookState = (page: Page): Promise<string> =>
  page.evaluate(async () => {
    const { cockpit } = window as unknown as { cockpit: CockpitApi }
    const { book } = await cockpit.workspaceSnapshot()
    return JSON.stringify(book, (_key, value: unknown) =>
      ArrayBuffer.isView(value) ? Array.from(value as Float64Array) : value
    )
  })

/**
 * A workspace file with one position's size changed and its checksum written anew: intact by its
 * hash, wrong in content, as a hand-edited file would be.
 */
function withPositionSize(file: Buffer, position: number, size: number): Buffer {
  const bytes = Buffer.from(file)
  const headerAt = 'CASCADE-COCKPIT-WORKSPACE\n'.length
  const bodyAt = headerAt + 4 + bytes.readUInt32LE(headerAt)
  const body = bytes.subarray(bodyAt)
  const manifestLength = body.readUInt32LE(0)
  const manifest = JSON.parse(body.subarray(4, 4 + manifestLength).toString('utf8')) as {
    skeleton: { snapshot: { book: { size: { $column: number } } } }
    columns: { offset: number }[]
  }
  const column = manifest.columns[manifest.skeleton.snapshot.book.size.$column]
  const columnsAt = (4 + manifestLength + 7) & ~7
  body.writeDoubleLE(size, columnsAt + column.offset + 8 * position)
  const oldHash = /"contentHash":"(sha256:[0-9a-f]{64})"/.exec(bytes.toString('latin1'))![1]
  const newHash = `sha256:${createHash('sha256').update(body).digest('hex')}`
  bytes.write(newHash, bytes.indexOf(oldHash, 'latin1'), 'latin1')
  return bytes
}

const saveState = (page: Page) => page.getByRole('banner').getByTestId('save-state')

test('edits survive a reload and a restart of main: the delta log brings them back', async ({
  cockpit,
  harness
}) => {
  await expect(saveState(cockpit)).toHaveText('Saved')
  const id = await firstId(cockpit)
  await editSize(cockpit, id, '0.123')
  await expect(saveState(cockpit)).toHaveText('Unsaved')
  await expect.poll(async () => (await storedCounts(cockpit)).deltas).toBe(1)

  await restartApp(cockpit, harness)
  await expect(cockpit.getByTestId('workspace-name')).toHaveText('Sample book')
  await expect.poll(() => sizeOf(cockpit, id)).toBe(0.123)
  await showView(cockpit, 'Workspaces')
  await expect(
    cockpit.getByRole('status').filter({ hasText: 'Recovered 1 unsaved change' })
  ).toBeVisible()

  // Autosave folds the log into a new version; after the next restart it is simply there.
  await expect(saveState(cockpit)).toHaveText('Saved', { timeout: 20_000 })
  await expect.poll(async () => (await storedCounts(cockpit)).deltas).toBe(0)
  await restartApp(cockpit, harness)
  await expect.poll(() => sizeOf(cockpit, id)).toBe(0.123)
  await showView(cockpit, 'Workspaces')
  await expect(cockpit.locator('tr[data-workspace="Sample book"] td').nth(3)).toHaveText('2')
  await screenshot(cockpit, 'workspaces-list')
})

test('a sample opened before the autosave is a workspace of its own; the open one keeps its edit', async ({
  cockpit
}) => {
  await expect(saveState(cockpit)).toHaveText('Saved')
  const id = await firstId(cockpit)
  const saved = await sizeOf(cockpit, id)
  await editSize(cockpit, id, '0.123')
  await expect(saveState(cockpit)).toHaveText('Unsaved')
  await showView(cockpit, 'Workspaces')
  await cockpit.getByRole('button', { name: 'New from sample' }).click()
  await expect(cockpit.getByTestId('workspace-name')).toHaveText('Sample book (2)')
  await expect(saveState(cockpit)).toHaveText('Saved')
  expect(await sizeOf(cockpit, id)).toBe(saved)

  // Nothing of the new book went into the first workspace: one version, its edit in its log.
  const first = cockpit.locator('tr[data-workspace="Sample book"]')
  await expect(first.locator('td').nth(3)).toHaveText('1')
  expect((await storedCounts(cockpit)).deltas).toBe(1)
  await first.getByRole('button', { name: 'Open' }).click()
  await expect(cockpit.getByTestId('workspace-name')).toHaveText('Sample book')
  await expect.poll(() => sizeOf(cockpit, id)).toBe(0.123)
})

test('a save killed half-way leaves the previous version intact', async ({
  cockpit,
  harness,
  context
}) => {
  await expect(saveState(cockpit)).toHaveText('Saved')
  const before = await storedCounts(cockpit)
  const id = await firstId(cockpit)
  const original = await sizeOf(cockpit, id)
  await editSize(cockpit, id, '7.5')
  await expect.poll(async () => (await storedCounts(cockpit)).deltas).toBe(1)

  // The renderer freezes inside the save's transaction, after its first chunks are written,
  // and is then killed: IndexedDB must drop the whole transaction.
  await cockpit.evaluate(() => {
    const add = IDBObjectStore.prototype.add
    IDBObjectStore.prototype.add = function (...args: Parameters<typeof add>) {
      const request = add.apply(this, args)
      if (this.name === 'chunks') {
        console.info('frozen mid-save')
        const until = Date.now() + 60_000
        while (Date.now() < until);
      }
      return request
    }
  })
  const frozen = cockpit.waitForEvent('console', (message) => message.text() === 'frozen mid-save')
  // Started from inside the page: a key press from the test would wait on the frozen renderer.
  await cockpit.evaluate(() =>
    setTimeout(() =>
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true }))
    )
  )
  await frozen
  await cockpit.close({ runBeforeUnload: false })

  await restartMain(harness)
  const page = await context.newPage()
  await page.goto(harness.url)
  await expect(page.getByTestId('workspace-name')).toHaveText('Sample book')
  const after = await storedCounts(page)
  expect(after).toEqual({ ...before, deltas: 1 })
  // The previous version plus the logged edit: nothing lost, nothing half-written.
  await expect.poll(() => sizeOf(page, id)).toBe(7.5)
  expect(original).not.toBe(7.5)
})

test('export and import round-trip exactly; a damaged, foreign or impossible file is refused', async ({
  cockpit
}, testInfo) => {
  await expect(saveState(cockpit)).toHaveText('Saved')
  await showView(cockpit, 'Workspaces')
  const row = cockpit.locator('tr[data-workspace="Sample book"]')
  const [download] = await Promise.all([
    cockpit.waitForEvent('download'),
    row.getByRole('button', { name: 'Export' }).click()
  ])
  expect(download.suggestedFilename()).toBe('Sample book.cascadews')
  const exported = readFileSync(await download.path())
  const hashOf = (bytes: Buffer) =>
    /"contentHash":"(sha256:[0-9a-f]{64})"/.exec(bytes.toString('latin1'))![1]

  const damaged = Buffer.from(exported)
  damaged[damaged.length - 1000] ^= 0xff
  const damagedPath = testInfo.outputPath('damaged.cascadews')
  writeFileSync(damagedPath, damaged)
  const input = cockpit.getByLabel('Workspace file to import')
  await input.setInputFiles(damagedPath)
  await expect(cockpit.getByRole('alert')).toContainText(
    'damaged.cascadews: the file is damaged: its content does not match the checksum'
  )
  const foreignPath = testInfo.outputPath('positions.cascadews')
  writeFileSync(foreignPath, 'id,symbol,side,size\nP1,BTCUSDT,long,1\n')
  await input.setInputFiles(foreignPath)
  await expect(cockpit.getByRole('alert')).toContainText('not a Cascade Cockpit workspace file')
  await expect(cockpit.locator('tbody tr')).toHaveCount(1)

  // Intact by its recomputed hash, impossible in content: main refuses it before it is stored.
  const storedBefore = await storedCounts(cockpit)
  const tamperedPath = testInfo.outputPath('tampered.cascadews')
  writeFileSync(tamperedPath, withPositionSize(exported, 4, -1))
  await input.setInputFiles(tamperedPath)
  await expect(cockpit.getByRole('alert')).toContainText(
    /tampered\.cascadews: the file does not hold a valid workspace: position 4 \("[^"]+"\): size -1 must be a finite number greater than 0/
  )
  await expect(cockpit.locator('tbody tr')).toHaveCount(1)
  expect(await storedCounts(cockpit)).toEqual(storedBefore)

  const goodPath = testInfo.outputPath('good.cascadews')
  writeFileSync(goodPath, exported)
  await input.setInputFiles(goodPath)
  const imported = cockpit.locator('tr[data-workspace="Sample book (2)"]')
  await expect(imported).toBeVisible()
  await expect(cockpit.getByRole('status').filter({ hasText: 'verified' })).toContainText(
    hashOf(exported).slice(0, 19)
  )
  const [again] = await Promise.all([
    cockpit.waitForEvent('download'),
    imported.getByRole('button', { name: 'Export' }).click()
  ])
  const reexported = readFileSync(await again.path())
  expect(hashOf(reexported)).toBe(hashOf(exported))

  await imported.getByRole('button', { name: 'Open' }).click()
  await expect(cockpit.getByTestId('workspace-name')).toHaveText('Sample book (2)')
  await cockpit.getByRole('tab', { name: 'Compare' }).click()
  await chooseVersion(cockpit, 'A', 'Sample book — latest')
  await chooseVersion(cockpit, 'B', 'Sample book (2) — latest')
  await cockpit.getByRole('button', { name: 'Compare', exact: true }).click()
  await expect(cockpit.getByTestId('position-counts')).toHaveText(
    /0 added\s*0 removed\s*0 changed\s*20,000 unchanged/
  )
})

test('compares two versions: the changed position with its fields, and the runs', async ({
  cockpit
}) => {
  await expect(saveState(cockpit)).toHaveText('Saved')
  const id = await firstId(cockpit)
  const before = await sizeOf(cockpit, id)
  await editSize(cockpit, id, String((before ?? 1) * 3))
  await cockpit.keyboard.press('Control+Enter')
  await cockpit.keyboard.press('Control+s')
  await expect(saveState(cockpit)).toHaveText('Saved')
  await showView(cockpit, 'Workspaces')
  await cockpit.getByRole('tab', { name: 'Compare' }).click()
  await cockpit.getByRole('button', { name: 'Compare', exact: true }).click()
  await expect(cockpit.getByTestId('position-counts')).toHaveText(
    /0 added\s*0 removed\s*1 changed\s*19,999 unchanged/
  )
  const changed = cockpit.getByTestId('changed-positions').locator('tbody tr').first()
  await expect(changed.locator('td').nth(0)).toHaveText(id)
  await expect(changed.locator('td').nth(1)).toHaveText('size')
  await expect(cockpit.locator('[data-metric="Final price"] td').nth(1)).toHaveText(/\d/)
  await expect(cockpit.locator('[data-metric="Final price"] td').nth(2)).toHaveText(/\d/)
  await expect(cockpit.locator('[data-chart="Compared heatmap 1"] canvas').first()).toBeVisible()
  await screenshot(cockpit, 'workspaces-compare')
  await cockpit.getByRole('button', { name: 'Side by side' }).click()
  await expect(cockpit.locator('[data-chart="Compared heatmap 2"] canvas').first()).toBeVisible()
  await screenshot(cockpit, 'workspaces-compare-side')
})

test('an imported book comes back exactly after a restart, edits and extra columns included', async ({
  cockpit,
  harness
}, testInfo) => {
  await expect(saveState(cockpit)).toHaveText('Saved')
  // A book this app has not seen: synthetic positions plus a column the importer does not know.
  const path = testInfo.outputPath('desk-positions.csv')
  await writeSyntheticPositionsCsv(path, 5_000, 11)
  const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split(/\r?\n/)
  const withDesk = lines.map((line, k) => `${line},${k % 7 === 0 ? `desk ${k % 3}` : ''}`)
  writeFileSync(path, [`${header},desk`, ...withDesk].join('\n'))
  await showView(cockpit, 'Import')
  await cockpit.getByTestId('import-file-input').setInputFiles(path)
  await cockpit.getByTestId('start-import').click()
  await expect(cockpit.getByTestId('workspace-name')).toHaveText('desk-positions')
  await expect(saveState(cockpit)).toHaveText('Saved')
  const id = await firstId(cockpit)
  await editSize(cockpit, id, '3.25')
  const before = await bookState(cockpit)
  expect(before.includes('"name":"desk"'), 'the extra column is in the book').toBe(true)
  expect(before.includes('3.25'), 'the edit is in the book').toBe(true)
  const fingerprint = (state: string) => createHash('sha256').update(state).digest('hex')

  await restartApp(cockpit, harness)
  await expect(cockpit.getByTestId('workspace-name')).toHaveText('desk-positions')
  await expect.poll(async () => fingerprint(await bookState(cockpit))).toBe(fingerprint(before))
  await showView(cockpit, 'Workspaces')
  await expect(cockpit.locator('tbody tr')).toHaveCount(2)
})

test('a save the storage cannot hold is refused with what to do, and nothing is lost', async ({
  cockpit,
  harness
}) => {
  await expect(saveState(cockpit)).toHaveText('Saved')
  const before = await storedCounts(cockpit)
  await cockpit.evaluate(() => {
    navigator.storage.estimate = async () => ({ quota: 5_000_000, usage: 4_900_000 })
  })
  const id = await firstId(cockpit)
  await editSize(cockpit, id, '4.5')
  await cockpit.keyboard.press('Control+s')
  await expect(saveState(cockpit)).toHaveText('Not saved')
  await saveState(cockpit).click()
  await expect(cockpit.locator('main[data-view="workspaces"]')).toBeVisible()
  await expect(cockpit.getByRole('alert')).toContainText(
    'Not enough storage to save "Sample book" (it needs about'
  )
  await expect(cockpit.getByRole('alert')).toContainText('Nothing was lost')
  await screenshot(cockpit, 'workspaces-storage-full')
  expect(await storedCounts(cockpit)).toEqual({ ...before, deltas: 1 })

  await restartApp(cockpit, harness)
  await expect.poll(() => sizeOf(cockpit, id)).toBe(4.5)
})
