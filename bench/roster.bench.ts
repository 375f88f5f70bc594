/**
 * Roster import speed and memory: the sample county (1,200 cadres) and a
 * generated city (`generateScenario({ seed: 2026, cadres: 10000 })`) written
 * as XLSX by `writeRoster`, then read back by `readRoster`. Targets: the
 * sample read in ≤ 3 s, the 10,000-cadre workbook in ≤ 20 s holding ≤ 1 GB.
 * Run: `npm run bench:roster [runs]` (median of `runs`, default 3, after one
 * warm-up). Each read runs in a fresh process that only reads the file, so
 * that its peak resident set size (sampled every 20 ms) is the read's own.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { encodeScenario } from '../src/io/encode.js'
import { readRoster, writeRoster } from '../src/roster.js'
import { generateScenario, sampleScenario } from '../src/sample/index.js'
import type { Scenario } from '../src/domain/types.js'

const runs = process.argv[2] === '--read' ? 0 : Number(process.argv[2] ?? 3)
const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

/** In a child: read the workbook and options named on the command line; print seconds and peak MB. */
async function child(file: string, optionsFile: string): Promise<void> {
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  const data = readFileSync(file)
  const t0 = performance.now()
  const r = await readRoster(
    { workbook: { name: 'w.xlsx', data } },
    JSON.parse(readFileSync(optionsFile, 'utf8')),
  )
  const seconds = (performance.now() - t0) / 1000
  peak = Math.max(peak, process.memoryUsage().rss)
  clearInterval(sampler)
  if (r._tag === 'Left') throw new Error(r.left.issues[0]?.message)
  console.log(JSON.stringify({ seconds, mb: peak / 2 ** 20 }))
}

async function measure(name: string, s: Scenario, targetS: number) {
  const e = encodeScenario(s) as Record<string, unknown>
  const options = { asOf: s.asOf, county: s.county, policy: e.policy, locks: e.locks, forbidden: e.forbidden }
  const w0 = performance.now()
  const data = await writeRoster(s)
  const write = (performance.now() - w0) / 1000
  const dir = mkdtempSync(join(tmpdir(), 'banzi-roster-'))
  writeFileSync(join(dir, 'w.xlsx'), data)
  writeFileSync(join(dir, 'o.json'), JSON.stringify(options))
  const self = fileURLToPath(import.meta.url)
  const times: number[] = []
  const peaks: number[] = []
  for (let i = 0; i <= runs; i++) {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', self, '--read', join(dir, 'w.xlsx'), join(dir, 'o.json')],
      {
        encoding: 'utf8',
        maxBuffer: 2 ** 20,
      },
    )
    const { seconds, mb } = JSON.parse(out.trim().split('\n').pop() as string) as {
      seconds: number
      mb: number
    }
    if (i > 0) {
      times.push(seconds)
      peaks.push(mb)
    }
  }
  const read = median(times)
  const mb = Math.round(Math.max(...peaks))
  console.log(
    `| ${name} | ${s.cadres.length} | ${(data.length / 2 ** 20).toFixed(1)} MB | ${write.toFixed(2)} s | ${read.toFixed(2)} s | ${mb} MB | ≤ ${targetS} s | ${read <= targetS ? 'met' : 'NOT met'} |`,
  )
}

if (process.argv[2] === '--read') await child(process.argv[3] as string, process.argv[4] as string)
else {
  console.log('| workbook | cadres | size | write | read (median) | peak RSS of the read | target | |')
  console.log('|---|---|---|---|---|---|---|---|')
  await measure('sample', sampleScenario(), 3)
  await measure('city-10000', generateScenario({ seed: 2026, cadres: 10000 }), 20)
}
