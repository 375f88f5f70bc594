/**
 * Talent pool and team structure on the sample county: the ten most severe
 * team gaps, a staffing plan for one township, a talent-pool query, and the
 * health of the four reserve pools after a review.
 *
 *   npx tsx examples/pool.ts
 */
import {
  analyseStructure,
  contextOf,
  decodeRecommendations,
  queryPool,
  reserveHealth,
  reviewReserve,
  RESERVE_EXIT_LABELS,
  sampleScenario,
  staffingPlan,
  VALUE_LABELS,
} from '../src/index.js'

const scenario = sampleScenario()
const ctx = contextOf(scenario)
const { county, gaps } = analyseStructure(scenario, ctx)

console.log(
  `${scenario.county}: ${county.teams} teams, ${county.members} members in ${county.posts} posts, ` +
    `average age ${county.averageAge}; gaps ${county.gaps.high} high, ${county.gaps.medium} medium, ${county.gaps.low} low`,
)
console.log('\nThe ten most severe team gaps:')
for (const g of gaps.slice(0, 10)) console.log(`  [${g.severity}] ${g.zh} — ${g.en}`)

// The township with an open post and the most severe gaps.
const townships = new Set(scenario.teams.filter((t) => t.kind === 'township').map((t) => t.id))
const open = new Set(scenario.openPosts.map((p) => ctx.postLocation.get(p)!.team))
const town = gaps.find((g) => townships.has(g.teamId) && open.has(ctx.teamIndex.get(g.teamId)!))!.teamId
const [plan] = staffingPlan(scenario, { teams: [town], limit: 3 }, ctx)
console.log(`\nStaffing plan of ${plan!.teamName} (${plan!.teamId}):`)
for (const g of plan!.gaps) console.log(`  lacks: ${g.en}`)
for (const { profile, eligible, matching, candidates } of plan!.posts) {
  const wants = [
    VALUE_LABELS.rank[profile.rank].en,
    profile.woman ? 'a woman' : null,
    profile.age === null
      ? null
      : profile.age.maxAge >= 150
        ? `aged ≥ ${profile.age.minAge}`
        : `aged ${profile.age.minAge}–${profile.age.maxAge}`,
    profile.minority ? 'minority' : null,
    profile.ethnicity === null ? null : profile.ethnicity,
    profile.nonParty ? 'non-party' : null,
    profile.specialties.length > 0 ? profile.specialties.join(' or ') : null,
  ].filter((x) => x !== null)
  console.log(
    `  ${profile.title} (${profile.postId}): ${wants.join(', ')}; ${eligible} eligible, ${matching} meet every need`,
  )
  for (const c of candidates)
    console.log(
      `    ${c.cadreId} ${c.name} fit ${c.fit.toFixed(1)}${c.misses.length > 0 ? `, misses ${c.misses.length} need(s)` : ''}`,
    )
}

// The talent pool: women under 40 with a finance background, by fit to a deputy post in finance.
const query = queryPool(
  scenario,
  {
    specialties: ['economy/finance'],
    genders: ['female'],
    maxAge: 40,
    sortBy: { kind: 'deputy', rank: 'section-deputy', specialties: ['economy/finance'] },
    limit: 3,
  },
  ctx,
)
if (query._tag === 'Left') throw new Error(query.left.message)
const categories = query.right.facets.category.map(
  (f) => `${VALUE_LABELS.category[f.value as 'enterprise'].zh} ${f.count}`,
)
console.log(`\nTalent pool: ${query.right.total} women ≤ 40 in economy/finance (${categories.join(', ')})`)
for (const c of query.right.cadres)
  console.log(`  ${c.cadreId} ${c.name}, ${c.age}, fit ${c.fit?.toFixed(1)}`)

// Real-name recommendations (实名制推荐), as a county app would send them, decoded against the roster.
const young = query.right.cadres.filter((c) => c.age <= 35).map((c) => c.cadreId)
const recommendations = decodeRecommendations(
  young.map((cadreId) => ({
    cadreId,
    recommender: '王明',
    recommenderPost: '旗委组织部部长',
    date: '2027-06',
    reason: '脱贫攻坚一线实绩突出',
    groups: ['young', 'women'],
    frontline: ['poverty', 'grassroots'],
    responsibility: '对推荐人选的德才表现和廉洁情况负责',
  })),
  { ...scenario, asOf: '2027-09' },
)
if (recommendations._tag === 'Left') throw new Error(recommendations.left.issues[0]!.message)

// Reserve pools: a review one year on, and the pools' health.
const review = reviewReserve(scenario, { asOf: '2027-09', recommendations: recommendations.right })
if (review._tag === 'Left') throw new Error(review.left.message)
const reasons = new Map<string, number>()
for (const e of review.right.exits)
  for (const r of e.reasons)
    reasons.set(RESERVE_EXIT_LABELS[r].en, (reasons.get(RESERVE_EXIT_LABELS[r].en) ?? 0) + 1)
console.log(
  `\nReserve review at ${review.right.asOf}: ${review.right.entries.length} entries, ${review.right.exits.length} exits ` +
    `(${[...reasons].map(([r, n]) => `${r} ${n}`).join(', ')})`,
)
const health = reserveHealth(scenario, review.right, gaps)
console.log(`Reserve pool health (${health.posts} posts):`)
for (const g of health.groups)
  console.log(
    `  ${VALUE_LABELS.reserveGroup[g.group].zh.padEnd(6, '　')} ${String(g.size).padStart(4)} members ` +
      `(+${g.entries} −${g.exits}), ${g.perPost} per post, ${g.teamsInNeed} teams in need` +
      `${g.perTeamNeed === null ? '' : ` (${g.perTeamNeed} per team)`}, ${g.recommended} recommended; ` +
      g.pipeline.map((p) => `${VALUE_LABELS.rank[p.value as 'section-chief'].zh} ${p.count}`).join(' · '),
  )
