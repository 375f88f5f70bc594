/**
 * Times `eligibility(contextOf(scenario))`: every pair rule on every
 * (candidate, open post) pair. Issue 4 asks for 5,000 cadres × 3,000 open
 * posts in ≤ 1 s; `generateScenario({ seed: 2026, cadres: 5000 })` plans
 * 2,901 posts, so `openShare: 1` (a full re-staffing) opens them all: 2,901
 * open posts × 5,000 candidates. The sample county is timed too.
 * Run: `npx tsx bench/eligibility.bench.ts [runs]`. Each case is run once to
 * warm up the JIT, then `runs` times (default 3) on a fresh context each time
 * (contextOf included: nothing cached carries over); the median wall time is
 * reported, with the median CPU time of the process (GC threads included), which
 * a busy machine disturbs less.
 */
import { contextOf, eligibility } from '../src/rules/index.js'
import { generateScenario, sampleScenario } from '../src/sample/index.js'
import type { Scenario } from '../src/domain/types.js'

interface Case {
  readonly name: string
  readonly scenario: Scenario
}

const runs = Number(process.argv[2] ?? 3)
const cases: readonly Case[] = [
  { name: 'sample county', scenario: sampleScenario() },
  {
    name: 'seed 2026, 5,000 cadres, openShare 1',
    scenario: generateScenario({ seed: 2026, cadres: 5000, openShare: 1 }),
  },
]

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

for (const { name, scenario } of cases) {
  const once = () => {
    const t0 = performance.now()
    const cpu0 = process.cpuUsage()
    const ctx = contextOf(scenario)
    const elig = eligibility(ctx)
    const ms = performance.now() - t0
    const cpu = process.cpuUsage(cpu0)
    return {
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      pairs: scenario.openPosts.length * ctx.candidates.length,
      eligible: elig.size,
    }
  }
  once()
  const times: number[] = []
  const cpuTimes: number[] = []
  let last = once()
  times.push(last.ms)
  cpuTimes.push(last.cpuMs)
  for (let r = 1; r < runs; r++) {
    last = once()
    times.push(last.ms)
    cpuTimes.push(last.cpuMs)
  }
  const open = scenario.openPosts.length
  const candidates = last.pairs / Math.max(1, open)
  console.log(
    `${name}: ${open} open posts × ${candidates} candidates = ${last.pairs} pairs evaluated, ` +
      `${last.eligible} eligible pairs, ${median(times).toFixed(0)} ms (median of ${runs}: ${times.map((t) => t.toFixed(0)).join(', ')}; ` +
      `CPU, every thread of the process: ${median(cpuTimes).toFixed(0)} ms)`,
  )
}
