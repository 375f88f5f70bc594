/**
 * The demo: staff the bundled sample county and print a readable summary.
 *
 *   npm run demo
 */
import {
  RULE_LABELS,
  ageAt,
  formulate,
  sampleScenario,
  sizeOf,
  solveModel,
  validateProposal,
  type Proposal,
  type Scenario,
} from '../src/index.js'

const CHANGE_ZH: Record<string, string> = {
  stays: '留任',
  promotion: '提拔',
  lateral: '交流',
  demotion: '降任',
  'first-post': '新任',
  vacant: '空缺',
}

const n = (v: number) => v.toLocaleString('en-US')

function printTeam(scenario: Scenario, proposal: Proposal, teamId: string): void {
  const team = scenario.teams.find((t) => t.id === teamId)!
  const byId = new Map(scenario.cadres.map((c) => [c.id, c]))
  const assigned = new Map(proposal.assignments.map((a) => [a.postId, a]))
  console.log(`\n  ${team.name} (${team.id}, ${team.posts.length} posts)`)
  for (const post of team.posts) {
    const a = assigned.get(post.id)
    const holderId = a
      ? a.cadreId
      : (scenario.cadres.find((c) => c.currentPost?.postId === post.id)?.id ?? null)
    const c = holderId === null ? undefined : byId.get(holderId)
    const who =
      c === undefined
        ? '—'
        : `${c.name} ${c.gender === 'female' ? '女' : '男'} ${ageAt(c.birth, scenario.asOf)}岁 ${c.ethnicity}${c.party === 'cpc' ? '' : ' 党外'}`
    const what =
      a === undefined
        ? '未调整'
        : `${CHANGE_ZH[a.change]}${a.cadreId === null ? '' : ` fit ${a.fit.toFixed(1)}`}`
    console.log(`    ${post.title.padEnd(14, '　')} ${who.padEnd(24)} ${what}`)
  }
}

async function main(): Promise<void> {
  const t0 = performance.now()
  const scenario = sampleScenario()
  const posts = scenario.teams.reduce((s, t) => s + t.posts.length, 0)
  console.log(`banzi 班子 — ${scenario.county}, as of ${scenario.asOf}`)
  console.log(
    `cadres ${n(scenario.cadres.length)} · teams ${n(scenario.teams.length)} · posts ${n(posts)} · open this round ${n(scenario.openPosts.length)}`,
  )
  const model = formulate(scenario)
  const size = sizeOf(model.milp)
  console.log(`model: ${n(size.columns)} variables, ${n(size.rows)} rows, ${n(size.nonzeros)} nonzeros`)
  const result = await solveModel(model, { timeLimitMs: 50_000 })
  const seconds = ((performance.now() - t0) / 1000).toFixed(1)
  if (result._tag === 'Left') {
    console.error(`no proposal: ${result.left._tag}: ${result.left.message}`)
    process.exitCode = 1
    return
  }
  const p = result.right
  const violations = validateProposal(scenario, p)
  const touched = new Set(p.assignments.map((a) => a.teamId))
  const count = (change: string) => p.assignments.filter((a) => a.change === change).length
  console.log(
    `\n配备方案 proposal — ${p.status} (backend ${p.backend}, gap ${p.gap.toExponential(1)}) in ${seconds} s`,
  )
  console.log(
    `  teams staffed 调整班子: ${touched.size} · posts filled: ${p.assignments.length - count('vacant')}/${p.assignments.length} · vacancies left 空缺: ${count('vacant')}`,
  )
  console.log(
    `  提拔 promotions ${count('promotion')} · 交流 lateral ${count('lateral')} · 留任 stays ${count('stays')} · 新任 first posts ${count('first-post')} · 降任 ${count('demotion')}`,
  )
  console.log(
    `  objective ${p.objective.toFixed(2)} = fit ${p.parts.fit.toFixed(2)} − vacancies ${p.parts.vacancies} − penalties ${p.parts.penalties.toFixed(2)}`,
  )
  const perRule = new Map<string, number>()
  for (const pen of p.penalties)
    if (pen.code !== 'establishment.vacancy') perRule.set(pen.code, (perRule.get(pen.code) ?? 0) + pen.amount)
  for (const [code, amount] of perRule)
    console.log(
      `    soft rule ${RULE_LABELS[code as keyof typeof RULE_LABELS].zh} (${code}): −${amount.toFixed(1)}`,
    )
  console.log(
    `\n独立校验 independent validator: ${violations.length === 0 ? 'every hard rule holds — 0 violations' : `${violations.length} violations`}`,
  )
  for (const v of violations.slice(0, 10)) console.log(`  ✗ ${v.message}`)
  const shown = [...touched].slice(0, 3)
  console.log('\nA few teams in detail 班子示例:')
  for (const id of shown) printTeam(scenario, p, id)
  if (violations.length > 0) process.exitCode = 1
}

void main()
