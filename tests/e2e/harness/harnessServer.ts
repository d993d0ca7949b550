import { randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { dispatch, isInvokeChannel } from '../../../src/main/dispatch'
import { createHandlers } from '../../../src/main/handlers'
import { createServices, type Services } from '../../../src/main/services/services'
import { API_METHODS, EVENT_CHANNELS } from '../../../src/shared/channels'
import type { ShimConfig } from './browserShim'
import { decodeFrame, encodeForWire, encodeFrame, FRAME_TYPE } from './wireFormat'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
export const RENDERER_DIR = join(repoRoot, 'out', 'renderer')

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}
const MAX_BODY_BYTES = 300 * 1024 * 1024

export interface Harness {
  /** The app's page, token included: open it in a browser. */
  url: string
  origin: string
  token: string
  services: Services
  close(): Promise<void>
}

/** The shim compiled once per process: TypeScript to a plain module, types erased. */
let shimSource: string | null = null
function shimModule(): string {
  if (shimSource === null) {
    const source = readFileSync(fileURLToPath(new URL('./browserShim.ts', import.meta.url)), 'utf8')
    const compiled = ts.transpileModule(source, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext }
    }).outputText
    const config: ShimConfig = { methods: API_METHODS, events: EVENT_CHANNELS }
    shimSource = `${compiled}\ninstallCockpitShim(${JSON.stringify(config)})\n`
  }
  return shimSource
}

/**
 * The shipped page plus two tags: the token, and the shim as a same-origin module script placed
 * before the app's. The page's own CSP (`script-src 'self'`, `connect-src 'self'`) already admits
 * both, so it is served exactly as shipped.
 */
function harnessPage(shipped: string, token: string): string {
  const firstScript = shipped.indexOf('<script')
  if (firstScript < 0) throw new Error('the built index.html has no script tag to precede')
  const tags = `<meta name="cockpit-harness-token" content="${token}" />\n    <script type="module" src="/__harness/shim.js"></script>\n    `
  return shipped.slice(0, firstScript) + tags + shipped.slice(firstScript)
}

function sameSecret(given: string | undefined | null, token: string): boolean {
  if (!given || given.length !== token.length) return false
  return timingSafeEqual(Buffer.from(given), Buffer.from(token))
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new Error('request body too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** A frame when the caller sent one (the browser shim does), JSON otherwise. */
async function readInvokeBody(request: IncomingMessage): Promise<{ request: unknown } | null> {
  const body = await readBody(request)
  if (request.headers['content-type'] === FRAME_TYPE)
    return decodeFrame(body) as { request: unknown } | null
  return JSON.parse(body.toString('utf8')) as { request: unknown } | null
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff'
  })
  response.end(body)
}

/**
 * The end-to-end harness: the main process's own services and handler table behind a loopback
 * HTTP server, and the built renderer served with a `window.cockpit` shim that calls it. The real
 * renderer in a real Chromium drives the real main-process code, with no Electron binary.
 *
 * Bound to 127.0.0.1 on a random port; every call and the event stream need the per-run token,
 * and a Host header naming this server (so a DNS-rebound page cannot reach it).
 */
export async function startHarness(rendererDir = RENDERER_DIR): Promise<Harness> {
  const indexFile = join(rendererDir, 'index.html')
  if (!existsSync(indexFile))
    throw new Error(`no built renderer at ${rendererDir}: run \`npm run build\` first`)
  const token = randomBytes(24).toString('hex')
  const streams = new Set<ServerResponse>()
  const services = await createServices({
    emit: (event, payload) => {
      const frame = `event: ${event}\ndata: ${encodeForWire(payload)}\n\n`
      for (const stream of streams) stream.write(frame)
    }
  })
  const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version
  const handlers = createHandlers(services, version)
  const root = resolve(rendererDir)
  let host = ''

  const server = createServer((request, response) => {
    void route(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain', String(error))
    })
  })

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.headers.host !== host) return send(response, 421, 'text/plain', 'wrong host')
    const url = new URL(request.url ?? '/', `http://${host}`)
    if (url.pathname.startsWith('/__harness/invoke/') && request.method === 'POST') {
      if (!sameSecret(request.headers['x-cockpit-token'] as string | undefined, token))
        return send(response, 403, 'application/json', '{"error":"bad token"}')
      const channel = decodeURIComponent(url.pathname.slice('/__harness/invoke/'.length))
      if (!isInvokeChannel(channel))
        return send(
          response,
          404,
          'application/json',
          encodeForWire({ error: `no channel ${channel}` })
        )
      const frames = request.headers.accept === FRAME_TYPE
      const reply = (status: number, value: unknown): void =>
        frames
          ? send(response, status, FRAME_TYPE, encodeFrame(value))
          : send(response, status, 'application/json', encodeForWire(value))
      try {
        const body = await readInvokeBody(request)
        const result = await dispatch(handlers, channel, body === null ? undefined : body.request)
        reply(200, { result })
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        reply(400, { error: message })
      }
      return
    }
    if (url.pathname === '/__harness/events') {
      if (!sameSecret(url.searchParams.get('token'), token))
        return send(response, 403, 'text/plain', 'bad token')
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive'
      })
      response.write(': connected\n\n')
      streams.add(response)
      request.on('close', () => streams.delete(response))
      return
    }
    if (url.pathname === '/__harness/shim.js')
      return send(response, 200, CONTENT_TYPES['.js'], shimModule())
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!sameSecret(url.searchParams.get('token'), token))
        return send(
          response,
          403,
          'text/plain',
          'open the URL the harness printed (it has the token)'
        )
      return send(
        response,
        200,
        CONTENT_TYPES['.html'],
        harnessPage(await readFile(indexFile, 'utf8'), token)
      )
    }
    const file = resolve(root, `.${decodeURIComponent(url.pathname)}`)
    if (!file.startsWith(root + sep) || !existsSync(file))
      return send(response, 404, 'text/plain', 'not found')
    send(
      response,
      200,
      CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      await readFile(file)
    )
  }

  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const { port } = server.address() as AddressInfo
  host = `127.0.0.1:${port}`
  const origin = `http://${host}`
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    services,
    async close() {
      for (const stream of streams) stream.end()
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
      await services.dispose()
    }
  }
}
