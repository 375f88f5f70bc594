/**
 * Times the structure analysis and the reserve review of a generated county
 * of 10,000 cadres (`generateScenario({ seed: 2026, cadres: 10000 })`): the
 * target is ≤ 500 ms for both together. Also times the sample county.
 * Run: `npm run bench:pool [runs]` (`npx tsx bench/pool.bench.ts [runs]`).
 * Each case is run once to warm up the JIT, then `runs` times (default 5) on
 * a fresh context each time; the median wall time is reported.
 */
import { contextOf } from '../src/rules/index.js'
import { analyseStructure, reserveHealth, reviewReserve } from '../src/pool/index.js'
import { generateScenario, sampleScenario } from '../src/sample/index.js'
import type { Scenario } from '../src/domain/types.js'

const TARGET_MS = 500
const runs = Number(process.argv[2] ?? 5)

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

interface Timing {
  readonly structure: number
  readonly review: number
  readonly health: number
  readonly gaps: number
  readonly moves: number
}

function once(scenario: Scenario): Timing {
  const t0 = performance.now()
  const ctx = contextOf(scenario)
  const { gaps } = analyseStructure(scenario, ctx)
  const t1 = performance.now()
  const review = reviewReserve(scenario, {}, ctx)
  if (review._tag === 'Left') throw new Error(review.left.message)
  const t2 = performance.now()
  reserveHealth(scenario, review.right, gaps)
  const t3 = performance.now()
  return {
    structure: t1 - t0,
    review: t2 - t1,
    health: t3 - t2,
    gaps: gaps.length,
    moves: review.right.entries.length + review.right.exits.length,
  }
}

const cases: readonly { name: string; scenario: Scenario }[] = [
  { name: 'sample county (1,200 cadres)', scenario: sampleScenario() },
  { name: 'seed 2026, 10,000 cadres', scenario: generateScenario({ seed: 2026, cadres: 10_000 }) },
]

const rows: string[][] = []
for (const { name, scenario } of cases) {
  once(scenario)
  const all: Timing[] = []
  for (let r = 0; r < runs; r++) all.push(once(scenario))
  const structure = median(all.map((t) => t.structure))
  const review = median(all.map((t) => t.review))
  const health = median(all.map((t) => t.health))
  const both = median(all.map((t) => t.structure + t.review))
  rows.push([
    name,
    String(scenario.teams.length),
    String(all[0]!.gaps),
    String(all[0]!.moves),
    structure.toFixed(0),
    review.toFixed(0),
    health.toFixed(0),
    both.toFixed(0),
    both <= TARGET_MS ? `yes (≤ ${TARGET_MS})` : `no (> ${TARGET_MS})`,
  ])
}

const header = [
  'case',
  'teams',
  'gaps',
  'reserve changes',
  'structure ms',
  'review ms',
  'health ms',
  'structure + review ms',
  'target met',
]
console.log(`median of ${runs} runs after one warm-up; structure includes contextOf`)
console.log(`| ${header.join(' | ')} |`)
console.log(`|${header.map(() => '---').join('|')}|`)
for (const r of rows) console.log(`| ${r.join(' | ')} |`)
