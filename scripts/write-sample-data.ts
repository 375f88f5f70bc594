/**
 * Writes the bundled sample county as the files a newcomer can open:
 * `examples/data/sample-county.json` (the scenario), `sample-county.xlsx`
 * (its roster workbook, as `banzi/roster` writes it) and
 * `sample-county.round.json` (what a roster does not carry: month, county,
 * policy, locks, forbidden pairs). `npx tsx scripts/write-sample-data.ts`;
 * a test keeps the files in step with `sampleScenario()`.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { encodeScenario, sampleScenario } from '../src/index.js'
import { writeRoster } from '../src/roster.js'

const dir = fileURLToPath(new URL('../examples/data/', import.meta.url))
const s = sampleScenario()
const e = encodeScenario(s) as Record<string, unknown>
writeFileSync(`${dir}sample-county.json`, `${JSON.stringify(e)}\n`)
const round = { asOf: e.asOf, county: e.county, policy: e.policy, locks: e.locks, forbidden: e.forbidden }
writeFileSync(`${dir}sample-county.round.json`, `${JSON.stringify(round, null, 2)}\n`)
writeFileSync(`${dir}sample-county.xlsx`, await writeRoster(s))
console.log(`wrote ${dir}sample-county.{json,round.json,xlsx}`)
