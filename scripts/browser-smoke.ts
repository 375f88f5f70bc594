/**
 * Browser smoke test of the solver path, with no network: bundles
 * `test/browser/entry.ts` for the browser with esbuild, serves the bundle and
 * `highs.wasm` on a random localhost port, opens it in headless Debian Chromium
 * (through `playwright-core`), and checks that the HiGHS backend staffs the
 * generated county to optimality with no violation and the same objective as
 * the same solve in Node.
 *
 * Run: `npx tsx scripts/browser-smoke.ts` (needs `/usr/bin/chromium`, e.g.
 * `apt-get install -y chromium`). Exits 0 only when every check holds.
 *
 * The javascript-lp-solver backend is Node-only (it solves in a
 * `node:worker_threads` worker) and is not exercised here; its dynamic
 * `import('node:…')` stays external and only runs when that backend is used.
 */
import { existsSync } from 'node:fs'
import { copyFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Browser } from 'playwright-core'
import { CHROMIUM, launchChromium } from './chromium.js'
import { SMOKE_SCENARIO, staffSmokeScenario, type SmokeResult } from '../test/browser/staff.js'

const TIMEOUT_MS = 60_000
const TOLERANCE = 1e-6

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const started = performance.now()
const seconds = () => ((performance.now() - started) / 1000).toFixed(1)

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
}

/** Serves the files of `dir` (and nothing outside it) on a random localhost port. */
async function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
    const file = normalize(join(dir, path === '/' ? 'index.html' : path))
    const type = MIME[extname(file)]
    if (!file.startsWith(dir + sep) || type === undefined) {
      res.writeHead(404).end()
      return
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body),
      () => res.writeHead(404).end(),
    )
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

/** Bundles the browser entry into `dir` beside `index.html` and `highs.wasm`; returns their sizes. */
async function bundle(dir: string): Promise<{ js: number; wasm: number }> {
  await build({
    entryPoints: [join(root, 'test/browser/entry.ts')],
    outdir: dir,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    // Node built-ins are only imported on use by the Node-only paths; never fetched in the browser.
    external: ['node:*'],
    sourcemap: true,
    logLevel: 'warning',
  })
  await copyFile(join(root, 'test/browser/index.html'), join(dir, 'index.html'))
  await copyFile(join(root, 'node_modules/highs/build/highs.wasm'), join(dir, 'highs.wasm'))
  return { js: (await stat(join(dir, 'entry.js'))).size, wasm: (await stat(join(dir, 'highs.wasm'))).size }
}

/** Opens the page and waits for the entry's result; returns it, or throws the page's error. */
async function runInBrowser(
  browser: Browser,
  origin: string,
): Promise<{ result: SmokeResult; blocked: string[] }> {
  const context = await browser.newContext()
  const blocked: string[] = []
  // No network: anything not served by our localhost server is refused.
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(origin + '/')) return route.continue()
    blocked.push(url)
    return route.abort()
  })
  const page = await context.newPage()
  const logs: string[] = []
  page.on('console', (m) => logs.push(`console.${m.type()}: ${m.text()}`))
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`))
  page.on('requestfailed', (r) => logs.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`))
  try {
    await page.goto(`${origin}/index.html`)
    await page.waitForFunction(() => window.__result !== undefined || window.__error !== undefined, null, {
      timeout: TIMEOUT_MS,
      polling: 100,
    })
    const outcome = await page.evaluate(() => ({ result: window.__result, error: window.__error }))
    if (outcome.error !== undefined || outcome.result === undefined)
      throw new Error(`the page reported: ${outcome.error ?? 'no result'}`)
    return { result: outcome.result, blocked }
  } catch (e) {
    if (logs.length > 0) console.error(logs.join('\n'))
    throw e
  } finally {
    await context.close()
  }
}

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM)) {
    console.error(
      `browser smoke: ${CHROMIUM} not found; install Debian Chromium (apt-get install -y chromium) and rerun.`,
    )
    return 1
  }
  const dir = await mkdtemp(join(tmpdir(), 'banzi-browser-smoke-'))
  let server: Server | null = null
  let browser: Browser | null = null
  try {
    const sizes = await bundle(dir)
    const served = await serve(dir)
    server = served.server
    browser = await launchChromium()
    const version = browser.version()
    const { result: web, blocked } = await runInBrowser(browser, served.origin)
    const node = await staffSmokeScenario()

    const delta = Math.abs(web.objective - node.objective)
    const failures: string[] = []
    if (web.status !== 'optimal') failures.push(`browser status ${web.status}, expected optimal`)
    if (web.violations !== 0) failures.push(`browser proposal has ${web.violations} violations`)
    if (web.backend !== 'highs') failures.push(`browser solved with ${web.backend}, expected highs`)
    if (node.status !== 'optimal') failures.push(`Node status ${node.status}, expected optimal`)
    if (!(delta <= TOLERANCE))
      failures.push(`objectives differ by ${delta}: browser ${web.objective}, Node ${node.objective}`)
    if (!(Math.abs(web.coreObjective - web.objective) <= TOLERANCE))
      failures.push(`browser priced core ${web.coreObjective} differs from the direct solve ${web.objective}`)
    if (blocked.length > 0) failures.push(`the page tried the network: ${blocked.join(', ')}`)

    const mb = (n: number) => (n / 1e6).toFixed(2)
    const summary =
      `seed ${SMOKE_SCENARIO.seed}, ${SMOKE_SCENARIO.cadres} cadres in Chromium ${version}: ` +
      `${web.status}, objective ${web.objective} (Node ${node.objective}, |Δ| ${delta.toExponential(1)}), ` +
      `priced core ${web.coreObjective} (${web.coreColumns} columns), ` +
      `${web.violations} violations, ${web.ms.toFixed(0)} ms in page / ${node.ms.toFixed(0)} ms in Node; ` +
      `bundle ${mb(sizes.js)} MB + wasm ${mb(sizes.wasm)} MB; ${seconds()} s`
    if (failures.length > 0) {
      console.error(`browser smoke: FAILED — ${failures.join('; ')}\n  ${summary}`)
      return 1
    }
    console.log(`browser smoke: ok — ${summary}`)
    return 0
  } catch (e) {
    console.error(
      `browser smoke: FAILED after ${seconds()} s — ${e instanceof Error ? e.message : String(e)}`,
    )
    return 1
  } finally {
    await browser?.close()
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
    await rm(dir, { recursive: true, force: true })
  }
}

process.exitCode = await main()
