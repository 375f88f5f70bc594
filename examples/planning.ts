/**
 * Planning over years on the sample county: the three-year rotation plan
 * (交流预判) as a table, what the plan does to the county's structure against
 * doing nothing (what-if), the record audit before appointment (档案必审), and
 * a training plan to the gaps (缺什么补什么).
 *
 *   npx tsx examples/planning.ts
 */
import { auditRecords, planRotation, planTraining, sampleScenario, simulate } from '../src/index.js'

const county = sampleScenario()

// The three-year rotation plan, one round a year: exact over the whole horizon where its model
// fits, else round by round (the sample county is too large for the exact plan).
const plan = await planRotation(county, { years: 3 })
if (plan._tag === 'Left') throw new Error(plan.left.message)
console.log(`method: ${plan.right.method}${plan.right.fallback === null ? '' : ` (${plan.right.fallback})`}`)
console.log('round    | open | must move | should move | retired | changes | structure rules')
for (const r of plan.right.rounds)
  console.log(
    `${r.at}  | ${String(r.openPosts.length).padStart(4)} | ${String(r.mustMove.length).padStart(9)} | ${String(r.shouldMove.length).padStart(11)} | ${String(r.retired.length).padStart(7)} | ${String(r.proposal.assignments.filter((a) => a.change !== 'stays').length).padStart(7)} | ${r.relaxed.length === 0 ? 'kept' : `soft this round (${r.relaxed.length} conflicts)`}`,
  )
console.log(`must-moves not made: ${plan.right.unmet.length}; value of the plan: ${plan.right.value}`)

// What the plan does, against doing nothing.
const rounds = plan.right.rounds.map((r) => ({ at: r.at, proposal: r.proposal }))
const withPlan = simulate(county, { years: 3, rounds })
const without = simulate(county, { years: 3 })
if (withPlan._tag === 'Left' || without._tag === 'Left') throw new Error('simulate')
console.log('\nyear     | members (plan / none) | vacant | young | women')
withPlan.right.years.forEach((y, i) => {
  const n = without.right.years[i]!
  console.log(
    `${y.asOf}  | ${y.members} / ${n.members} | ${y.vacant} / ${n.vacant} | ${y.young} / ${n.young} | ${y.women} / ${n.women}`,
  )
})

// The record audit of the first round's appointees.
const appointed = plan.right.rounds[0]!.proposal.assignments.flatMap((a) =>
  a.change === 'promotion' && a.cadreId !== null ? [a.cadreId] : [],
)
const audit = auditRecords(county, { cadreIds: appointed })
if (audit._tag === 'Left') throw new Error(audit.left.message)
console.log(
  `\nrecord audit of ${appointed.length} promotions: ${audit.right.inconsistent} with a conflict, ${audit.right.incomplete} incomplete`,
)

// Training to the gaps: four courses of the assessment's training topics.
const topics = county.policy.assessment.indicators.map((i) => i.training).slice(0, 4)
const courses = topics.map((topic, i) => ({
  id: `K${i + 1}`,
  topic,
  seats: 30,
  hours: 40,
  start: `2027-0${i + 3}`,
  end: `2027-0${i + 3}`,
}))
const training = await planTraining(county, { courses, hoursPerCadre: 80 })
if (training._tag === 'Left') throw new Error(training.left.message)
console.log(
  `training plan: ${training.right.status}, need covered ${training.right.covered} of ${training.right.totalNeed}, ${training.right.cadres.length} cadres in ${courses.length} courses`,
)
