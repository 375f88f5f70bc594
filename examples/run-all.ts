/**
 * Runs every example in this folder (except the demo, which CI runs on its own)
 * and fails if one fails. CI runs it so the examples cannot rot.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const skip = new Set(['run-all.ts', 'demo.ts'])
let failed = 0
for (const file of readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !skip.has(f))
  .sort()) {
  process.stdout.write(`--- ${file}\n`)
  try {
    execFileSync(process.execPath, ['--import', 'tsx', join(here, file)], {
      stdio: 'inherit',
      timeout: 120_000,
    })
  } catch {
    failed++
    process.stdout.write(`FAILED: ${file}\n`)
  }
}
if (failed > 0) process.exit(1)
