/**
 * Runs every example in this folder (except the demo, which CI runs on its own)
 * and fails if one fails. CI runs it so the examples cannot rot. Examples run
 * two at a time (one per core of CI's machine); each one's output is printed
 * whole, in the folder's order, once it and those before it have ended.
 */
import { spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const skip = new Set(['run-all.ts', 'demo.ts'])
const TIMEOUT_MS = 120_000
const lanes = Math.max(2, availableParallelism() - 1)

interface Ran {
  readonly output: string
  readonly ok: boolean
  readonly ms: number
}

/** One example in a process of its own: its stdout and stderr, interleaved as written. */
function run(file: string): Promise<Ran> {
  return new Promise((resolve) => {
    const started = performance.now()
    const chunks: Buffer[] = []
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, file)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS)
    child.stdout.on('data', (c: Buffer) => chunks.push(c))
    child.stderr.on('data', (c: Buffer) => chunks.push(c))
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const why =
        signal === null ? '' : `killed by ${signal}${signal === 'SIGKILL' ? ` after ${TIMEOUT_MS} ms` : ''}\n`
      resolve({
        output: Buffer.concat(chunks).toString('utf8') + why,
        ok: code === 0,
        ms: performance.now() - started,
      })
    })
    child.on('error', (e) => {
      clearTimeout(timer)
      resolve({ output: `${String(e)}\n`, ok: false, ms: performance.now() - started })
    })
  })
}

const files = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !skip.has(f))
  .sort()
// At most `lanes` examples at once, started in the folder's order.
let active = 0
const waiting: (() => void)[] = []
const results = files.map(async (file) => {
  if (active >= lanes) await new Promise<void>((go) => waiting.push(go))
  active++
  try {
    return await run(file)
  } finally {
    active--
    waiting.shift()?.()
  }
})
let failed = 0
for (let i = 0; i < files.length; i++) {
  const r = await results[i]!
  process.stdout.write(`--- ${files[i]} (${(r.ms / 1000).toFixed(1)} s)\n${r.output}`)
  if (!r.ok) {
    failed++
    process.stdout.write(`FAILED: ${files[i]}\n`)
  }
}
if (failed > 0) process.exit(1)
