import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  app,
  BrowserWindow,
  dialog,
  session,
  type IpcMainInvokeEvent,
  type WebContents
} from 'electron'
import type { EventChannel } from '../shared/channels'
import type { EventPayloads } from '../shared/contract'
import { createHandlers } from './handlers'
import { registerIpc } from './ipc'
import { createServices, type Services } from './services/services'

const rendererUrl = process.env['ELECTRON_RENDERER_URL']
const rendererFile = join(__dirname, '../renderer/index.html')

const appPage = rendererUrl ?? pathToFileURL(rendererFile).href

/** The app's one page, whatever its fragment: every other URL is foreign. */
const isAppUrl = (url: string): boolean => url.split(/[?#]/)[0] === appPage.split(/[?#]/)[0]

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    backgroundColor: '#07090d',
    title: 'Cascade Cockpit',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click opens links in new windows; the app has no links to open.
      disableBlinkFeatures: 'Auxclick'
    }
  })
  window.once('ready-to-show', () => window.show())
  if (rendererUrl) void window.loadURL(rendererUrl)
  else void window.loadFile(rendererFile)
  return window
}

/** Every web contents, present or future: no new windows, no navigation away, no webviews. */
function lockDown(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  // Only the app's own top-level page: never a subframe, never a page navigated elsewhere.
  return frame !== null && frame.parent === null && isAppUrl(frame.url)
}

function emit<E extends EventChannel>(event: E, payload: EventPayloads[E]): void {
  for (const window of BrowserWindow.getAllWindows()) window.webContents.send(event, payload)
}

async function pickFile(): Promise<string | null> {
  const owner = BrowserWindow.getFocusedWindow()
  const options = {
    title: 'Import positions',
    properties: ['openFile' as const],
    filters: [
      { name: 'Positions CSV', extensions: ['csv', 'tsv', 'txt'] },
      { name: 'All files', extensions: ['*'] }
    ]
  }
  const result = owner
    ? await dialog.showOpenDialog(owner, options)
    : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

let services: Services | null = null

// Every renderer sandboxed, whatever its webPreferences say; must be called before ready.
app.enableSandbox()
app.on('web-contents-created', (_event, contents) => lockDown(contents))

void app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false)
  )
  session.defaultSession.setPermissionCheckHandler(() => false)
  services = await createServices({
    emit,
    pickFile,
    presetsDir: join(app.getPath('userData'), 'mapping-presets')
  })
  registerIpc(createHandlers(services, app.getVersion()), isTrustedSender)
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

app.on('will-quit', () => {
  void services?.dispose()
})
