/**
 * Browser entry of the smoke test (`scripts/browser-smoke.ts` bundles it with
 * esbuild for the browser): staffs a generated county with the HiGHS backend
 * from the public API and leaves the outcome on `window.__result`, or the
 * failure on `window.__error`.
 */
import { configureHighs } from '../../src/index.js'
import { staffSmokeScenario, type SmokeResult } from './staff.js'

declare global {
  interface Window {
    __result?: SmokeResult
    __error?: string
  }
}

// highs.wasm is copied beside the bundle; say so explicitly, as a bundler user would.
configureHighs({ locateFile: (file) => new URL(file, import.meta.url).href })

staffSmokeScenario().then(
  (result) => {
    window.__result = result
  },
  (e: unknown) => {
    window.__error = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e)
  },
)
