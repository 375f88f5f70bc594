/**
 * Times the assessment analytics on a generated county of 10,000 cadres with
 * five years of detailed records (`generateScenario({ recordYears: 5 })`,
 * seeded): combined scores with peer ranks, then the feedback lists of every
 * cadre. Run: `npm run bench:assessment` (or `npx tsx bench/assessment.bench.ts [seed]`).
 * Each step runs once to warm up the JIT, then three times; the median is
 * reported. Generating the county is not timed. Target: ≤ 1 s for both.
 */
import { combinedScores } from '../src/assessment/combined.js'
import { feedbackLists } from '../src/assessment/feedback.js'
import { generateScenario } from '../src/sample/generate.js'

const seed = Number(process.argv[2] ?? 1)
const TARGET_MS = 1000

const g0 = performance.now()
const scenario = generateScenario({ seed, cadres: 10_000, recordYears: 5 })
const generateMs = performance.now() - g0
const records = scenario.cadres.reduce((s, c) => s + (c.assessmentRecords?.length ?? 0), 0)

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
function time<T>(f: () => T): { ms: number; value: T } {
  let value = f()
  const runs: number[] = []
  for (let i = 0; i < 3; i++) {
    const t = performance.now()
    value = f()
    runs.push(performance.now() - t)
  }
  return { ms: median(runs), value }
}

const scores = time(() => combinedScores(scenario))
const feedback = time(() => feedbackLists(scenario, scores.value))
const scoredYears = scores.value.cadres.reduce((s, c) => s + c.years.length, 0)
const renormalised = scores.value.cadres.reduce((s, c) => s + c.years.filter((y) => y.renormalised).length, 0)
const weak = feedback.value.filter((l) => l.weaknesses.length > 0).length
const warned = feedback.value.filter((l) => l.warnings.length > 0).length
const total = scores.ms + feedback.ms

const fmt = (n: number, d = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })
console.log(
  `county: ${fmt(scenario.cadres.length)} cadres, ${fmt(records)} detailed records over ${scores.value.years.join(', ')} (seed ${seed}; generated in ${fmt(generateMs)} ms, not timed)\n`,
)
console.log('| step | output | median ms |')
console.log('|---|---|---:|')
console.log(
  `| combined scores + peer ranks | ${fmt(scoredYears)} cadre-years (${fmt(renormalised)} renormalised) | ${fmt(scores.ms, 1)} |`,
)
console.log(
  `| feedback lists | ${fmt(feedback.value.length)} lists (${fmt(weak)} with a weakness, ${fmt(warned)} with a trend warning) | ${fmt(feedback.ms, 1)} |`,
)
console.log(
  `| **total** | target ≤ ${fmt(TARGET_MS)} ms: **${total <= TARGET_MS ? 'met' : 'not met'}** | **${fmt(total, 1)}** |`,
)
