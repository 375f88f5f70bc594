/**
 * Starting a worker thread for a backend: `startModuleWorker` starts a
 * module of this package by URL (HiGHS's, `highs-thread`); `startWorker` an
 * ES module from a `data:` URL given its source, which receives the file URL
 * of the package it solves with as `workerData.moduleUrl`
 * (javascript-lp-solver's). Node built-ins are imported on use, so a browser
 * bundle of the HiGHS path never loads them. `whenAborted` watches the
 * caller's abort signal for both backends.
 *
 * @module
 */
import type { Worker, ResourceLimits } from 'node:worker_threads'

/** The callbacks of the solves in flight on one signal, and the one listener that runs them. */
interface Watch {
  readonly runs: Set<() => void>
  readonly listener: () => void
}

const watches = new WeakMap<AbortSignal, Watch>()

/**
 * Runs `run` once `signal` aborts — at once when it already has — and returns
 * the function that stops watching (call it when the solve ends, aborted or
 * not). However many solves share one signal (`Promise.all` of sixteen
 * solves, a batch), the signal carries a single listener of banzi's, added
 * with the first watch and removed with the last: Node warns
 * (`MaxListenersExceededWarning`) past ten listeners on one `EventTarget`,
 * and raising its limit would change the caller's signal.
 * @internal
 */
export function whenAborted(signal: AbortSignal | undefined, run: () => void): () => void {
  if (signal === undefined) return () => {}
  // Checked here, not only by the caller before it awaited anything: an abort in between
  // dispatched no event to a listener not yet added.
  if (signal.aborted) {
    run()
    return () => {}
  }
  let watch = watches.get(signal)
  if (watch === undefined) {
    const runs = new Set<() => void>()
    const listener = () => {
      watches.delete(signal)
      signal.removeEventListener('abort', listener)
      for (const r of [...runs])
        try {
          r()
        } catch (e) {
          // One solve's failure must not keep the abort from the others; it is reported as a
          // listener's own would be.
          queueMicrotask(() => {
            throw e
          })
        }
      runs.clear()
    }
    watch = { runs, listener }
    watches.set(signal, watch)
    signal.addEventListener('abort', listener)
  }
  const { runs, listener } = watch
  runs.add(run)
  return () => {
    if (!runs.delete(run) || runs.size > 0 || watches.get(signal)?.listener !== listener) return
    watches.delete(signal)
    signal.removeEventListener('abort', listener)
  }
}

/**
 * Starts `source` in a worker, with `workerData = { ...data, moduleUrl }`
 * where `moduleUrl` is the resolved file URL of package `pkg`, within
 * `resourceLimits` when given.
 * @internal
 */
export async function startWorker(
  source: string,
  pkg: string,
  data: Record<string, unknown> = {},
  resourceLimits?: ResourceLimits,
): Promise<Worker> {
  const [{ Worker }, { createRequire }, { pathToFileURL }] = await Promise.all([
    import('node:worker_threads'),
    import('node:module'),
    import('node:url'),
  ])
  const moduleUrl = pathToFileURL(createRequire(import.meta.url).resolve(pkg)).href
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`), {
    workerData: { ...data, moduleUrl },
    ...(resourceLimits === undefined ? {} : { resourceLimits }),
  })
}

/**
 * Starts the worker module `name` of this package: `name.js` (or `.cjs`)
 * beside the module at `base` (its `import.meta.url`; the file itself where
 * CommonJS or a bundler's shim defines `__filename`), else the installed
 * package's own (`banzi/name`, for an app that bundled banzi into a file of
 * its own). Beside a TypeScript source (tests, examples run from the
 * sources) it is `name.ts`, read through tsx's loader (a development
 * dependency) when there is one, else by the runtime itself. Returns `null`
 * when no such module is found — the caller then solves in its own thread.
 * @internal
 */
export async function startModuleWorker(name: string, base: string): Promise<Worker | null> {
  const [{ Worker }, { createRequire }, { pathToFileURL, fileURLToPath }, { existsSync }] = await Promise.all(
    [import('node:worker_threads'), import('node:module'), import('node:url'), import('node:fs')],
  )
  // `__filename` where defined: a CommonJS bundle's own path (its import.meta.url shim mangles
  // paths holding `#` or `%`), else the ES module's URL.
  const here = typeof __filename === 'string' ? pathToFileURL(__filename).href : base
  const ext = /\.(c?js|ts)$/.exec(new URL(here).pathname)?.[1] ?? 'js'
  const url = new URL(`./${name}.${ext}`, here)
  const require = createRequire(here)
  if (ext === 'ts') {
    let tsx: string | null = null
    try {
      tsx = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
    } catch {
      // No tsx: a runtime that reads TypeScript itself.
    }
    if (tsx === null) return new Worker(url)
    const boot = `import { register } from ${JSON.stringify(tsx)}\nregister()\nawait import(${JSON.stringify(url.href)})\n`
    return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`))
  }
  if (existsSync(fileURLToPath(url))) return new Worker(url)
  try {
    return new Worker(require.resolve(`banzi/${name}`))
  } catch {
    return null
  }
}
