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
