import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { _electron as electron } from '@playwright/test'
import { expect, test } from '@playwright/test'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

/**
 * The Electron binary `npm install` downloaded, or why there is none. Read from the package's
 * path.txt rather than `require('electron')`, which tries to download a missing binary.
 */
function electronBinary(): { path: string } | { missing: string } {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile))
    return {
      missing:
        'the Electron binary is not installed (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1): node_modules/electron/path.txt is absent'
    }
  const path = join(
    process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? join(packageDir, 'dist'),
    readFileSync(pathFile, 'utf8').trim()
  )
  return existsSync(path) ? { path } : { missing: `no Electron binary at ${path}` }
}

const binary = electronBinary()

test('the packaged app opens its window on the populated sample cockpit', async () => {
  if ('missing' in binary) {
    // The list reporter shows "skipped" without the annotation: say why where people look.
    console.log(`Electron smoke test skipped: ${binary.missing}`)
    test.skip(true, binary.missing)
    return
  }
  const app = await electron.launch({ executablePath: binary.path, args: [repoRoot] })
  try {
    const window = await app.firstWindow()
    await expect(window).toHaveTitle('Cascade Cockpit')
    await expect(window.getByTestId('workspace-name')).toHaveText('Sample book')
    await expect(window.locator('[data-stat="final-price"] .value')).toHaveText(/\d/)
    const isolated = await window.evaluate(
      () => typeof (globalThis as { require?: unknown }).require
    )
    expect(isolated).toBe('undefined')
  } finally {
    await app.close()
  }
})
