/**
 * Starting a worker thread for a backend. The worker is an ES module from a
 * `data:` URL — so it runs the same from the TypeScript sources and from the
 * ESM and CJS bundles — and receives the file URL of the package it solves
 * with as `workerData.moduleUrl`. Node built-ins are imported on use, so a
 * browser bundle of the HiGHS path never loads them.
 *
 * @module
 */
import type { Worker } from 'node:worker_threads'

/**
 * Starts `source` in a worker, with `workerData = { ...data, moduleUrl }`
 * where `moduleUrl` is the resolved file URL of package `pkg`.
 * @internal
 */
export async function startWorker(
  source: string,
  pkg: string,
  data: Record<string, unknown> = {},
): Promise<Worker> {
  const [{ Worker }, { createRequire }, { pathToFileURL }] = await Promise.all([
    import('node:worker_threads'),
    import('node:module'),
    import('node:url'),
  ])
  const moduleUrl = pathToFileURL(createRequire(import.meta.url).resolve(pkg)).href
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`), {
    workerData: { ...data, moduleUrl },
  })
}

/**
 * Starts the worker module `name` that lies beside the module at `base` (its
 * `import.meta.url`): `name.js` beside an ES bundle, `name.cjs` beside a
 * CommonJS one, and `name.ts` beside a TypeScript source — run from the
 * sources (tests, examples), the worker first registers tsx's loader, a
 * development dependency, so that it reads TypeScript too.
 * @internal
 */
export async function startModuleWorker(name: string, base: string): Promise<Worker> {
  const [{ Worker }, { createRequire }, { pathToFileURL }] = await Promise.all([
    import('node:worker_threads'),
    import('node:module'),
    import('node:url'),
  ])
  const ext = /\.(c?js|ts)$/.exec(new URL(base).pathname)?.[1] ?? 'js'
  const url = new URL(`./${name}.${ext}`, base)
  if (ext !== 'ts') return new Worker(url)
  const tsx = pathToFileURL(
    createRequire(base)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href
  const boot = `import { register } from ${JSON.stringify(tsx)}\nregister()\nawait import(${JSON.stringify(url.href)})\n`
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`))
}
