/**
 * The demo: staff the bundled sample county and print a readable summary.
 *
 *   npm run demo
 */
import {
  RULE_LABELS,
  adjustmentCandidates,
  ageAt,
  blockSummary,
  eligibilityOf,
  diagnose,
  explainProposal,
  forcePair,
  formulate,
  rankModel,
  resolvePolicy,
  sampleScenario,
  sizeOf,
  validateProposal,
  type Proposal,
  type RankedProposal,
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
  // Before any solve: how many (candidate, open post) pairs each rule keeps out (a pair blocked by two rules counts twice).
  console.log('blocked pairs per rule 各规则阻断的人岗组合:')
  for (const [code, count] of blockSummary(eligibilityOf(scenario, model.ctx)))
    console.log(`    ${RULE_LABELS[code].zh} (${code}): ${n(count)}`)
  console.log(`candidates for adjustment 不称职调整对象: ${adjustmentCandidates(scenario).length}`)

  // Three genuinely different proposals: each moves someone out of the teams of every earlier one.
  const result = await rankModel(model, { k: 3, differ: 'teams', timeLimitMs: 40_000 })
  const seconds = ((performance.now() - t0) / 1000).toFixed(1)
  if (result._tag === 'Left') {
    console.error(`no proposal: ${result.left._tag}: ${result.left.message}`)
    process.exitCode = 1
    return
  }
  const ranked = result.right
  const p = ranked[0]!.proposal
  const violations = ranked.flatMap((r) => validateProposal(scenario, r.proposal))
  const touched = new Set(p.assignments.map((a) => a.teamId))
  const count = (change: string) => p.assignments.filter((a) => a.change === change).length
  console.log(
    `\n配备方案 best proposal — ${p.status} (backend ${p.backend}, gap ${p.gap === null ? 'unknown' : p.gap.toExponential(1)}); 3 ranked proposals in ${seconds} s`,
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
    `\n独立校验 independent validator, all 3 proposals: ${violations.length === 0 ? 'every hard rule holds — 0 violations' : `${violations.length} violations`}`,
  )
  for (const v of violations.slice(0, 10)) console.log(`  ✗ ${v.message}`)

  console.log('\n前三方案 top 3 proposals:')
  for (const r of ranked)
    console.log(
      `  #${r.rank} objective ${r.proposal.objective.toFixed(2)} (−${r.gapToBest.toFixed(2)}), ${r.diff.length} posts differ from #1`,
    )
  const township = ranked[1]?.diff
    .map((d) => d.teamId)
    .find((id) => scenario.teams.find((t) => t.id === id)?.kind === 'township')
  if (township !== undefined) {
    console.log('\n班子示例 one township team under proposal #1:')
    printTeam(scenario, p, township)
    printAlternatives(scenario, ranked, township)
  }

  await explainOnePost(scenario, p, township ?? p.assignments[0]!.teamId)
  await diagnoseStrictVariant(scenario)
  if (violations.length > 0) process.exitCode = 1
}

/** One team under each ranked proposal, side by side. */
function printAlternatives(scenario: Scenario, ranked: readonly RankedProposal[], teamId: string): void {
  const team = scenario.teams.find((t) => t.id === teamId)!
  const name = new Map(scenario.cadres.map((c) => [c.id, c.name]))
  console.log(`\n  ${team.name} (${team.id}) under each proposal:`)
  for (const post of team.posts) {
    const cells = ranked.map((r) => {
      const a = r.proposal.assignments.find((x) => x.postId === post.id)
      const id =
        a === undefined ? scenario.cadres.find((c) => c.currentPost?.postId === post.id)?.id : a.cadreId
      return (id === undefined || id === null ? '—' : name.get(id)!).padEnd(8, '　')
    })
    console.log(`    ${post.title.padEnd(10, '　')} ${cells.join('  ')}`)
  }
}

/** Why this person and not the runners-up, for one post of the team. */
async function explainOnePost(scenario: Scenario, p: Proposal, teamId: string): Promise<void> {
  const e = await explainProposal(scenario, p, { costs: 'none', runnersUp: 3 })
  if (e._tag === 'Left') return
  const post = e.right.posts.find((x) => x.teamId === teamId && x.cadreId !== null && x.runnersUp.length > 0)
  if (post === undefined) return
  const name = (id: string) => scenario.cadres.find((c) => c.id === id)?.name ?? id
  const c = post.components!
  console.log(`\n为何是此人 why ${name(post.cadreId!)} for ${post.postId}: fit ${post.fit.toFixed(1)}`)
  console.log(
    `  specialty ${c.specialty.toFixed(2)} · assessment ${c.assessment.toFixed(2)} · experience ${c.experience.toFixed(2)} · age ${c.age.toFixed(2)}`,
  )
  for (const r of post.runnersUp) {
    const o = r.outcome
    const why =
      o._tag === 'PlacedElsewhere'
        ? `placed in ${o.postId} instead`
        : o._tag === 'LowerFit'
          ? `lower fit by ${o.by.toFixed(1)}`
          : 'higher fit, but the team rules make the whole better without them'
    console.log(`  · ${name(r.cadreId)} (fit ${r.fit.toFixed(1)}): ${why}`)
  }
  for (const r of post.blocked.slice(0, 2))
    if (r.outcome._tag === 'Blocked')
      console.log(`  · ${name(r.cadreId)} (fit ${r.fit.toFixed(1)}): blocked — ${r.outcome.messages[0]}`)
  const challenger = post.runnersUp.find((r) => r.outcome._tag !== 'PlacedElsewhere')
  if (challenger === undefined) return
  const forced = await forcePair(scenario, p, challenger.cadreId, post.postId, { timeLimitMs: 20_000 })
  if (forced._tag === 'Right' && forced.right._tag === 'Cost')
    console.log(
      `  whyNot(${name(challenger.cadreId)}): forcing them in costs ${forced.right.cost.toFixed(2)} of objective`,
    )
}

/** The sample county with a quota it cannot meet: every team of 3+ posts needs two women. */
async function diagnoseStrictVariant(scenario: Scenario): Promise<void> {
  const women = { ...scenario.policy.structure.women, min: 2 }
  const strict = {
    ...scenario,
    policy: resolvePolicy({ ...scenario.policy, structure: { ...scenario.policy.structure, women } }),
  }
  const d = await diagnose(strict, { timeLimitMs: 30_000 })
  console.log('\n过度约束诊断 diagnosis of a variant needing two women in every team:')
  if (d._tag === 'Left') {
    console.log(`  ${d.left._tag}: ${d.left.message}`)
    return
  }
  const r = d.right
  console.log(`  feasible: ${r.feasible}; ${r.supply.length} supply findings, e.g.`)
  for (const f of r.supply.slice(0, 2)) console.log(`    ${f.message}`)
  console.log(`  conflict (irreducible): ${r.conflict.map((m) => m.label).join('; ')}`)
  console.log(
    `  cheapest relaxation: soften ${r.relaxations.length} rule instance(s), cost ${r.relaxationCost}`,
  )
}

void main()
