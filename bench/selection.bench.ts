/**
 * Shortlists for inspection on the sample county (1,200 cadres, 208 open
 * posts): `shortlist(sampleScenario(), { perPost: 3, posts })` for the first
 * `n` open posts (all by default), timed end to end (the best proposal
 * included), and the machine's load average before and after (the figure
 * is wall time: other jobs on the machine slow it). Target (issue
 * "Selection procedure"): 3 per post for all 208 posts in ≤ 10 s.
 *
 *   npx tsx bench/selection.bench.ts [posts=208] [perPost=3]
 */
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { sampleScenario, shortlist } from '../src/index.js'

const scenario = sampleScenario()
const n = Math.min(Number(process.argv[2] ?? scenario.openPosts.length), scenario.openPosts.length)
const perPost = Number(process.argv[3] ?? 3)
const posts = scenario.openPosts.slice(0, n)
const loadBefore = loadavg()[0]!
const t0 = performance.now()
const r = await shortlist(scenario, { perPost, posts })
const seconds = (performance.now() - t0) / 1000
if (r._tag === 'Left') {
  console.error(`shortlist failed: ${r.left._tag}: ${r.left.message}`)
  process.exit(1)
}
const listed = r.right.posts.reduce((s, p) => s + p.candidates.length, 0)
const short = r.right.posts.filter((p) => p.short).length
const exact = r.right.posts.every((p) => p.candidates.every((c) => c.exact))
console.log(
  `sample county, ${scenario.cadres.length} cadres, node ${process.version}, load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`,
)
console.log(
  '| posts | per post | candidates listed | posts short | all exact | seconds | per post (s) | target |',
)
console.log('|---:|---:|---:|---:|---|---:|---:|---|')
console.log(
  `| ${n} | ${perPost} | ${listed} | ${short} | ${exact ? 'yes' : 'NO'} | ${seconds.toFixed(1)} | ${(seconds / n).toFixed(2)} | ${n === scenario.openPosts.length && perPost === 3 ? (seconds <= 10 ? '≤ 10 s: met' : '≤ 10 s: NOT met') : 'not the goal instance'} |`,
)
