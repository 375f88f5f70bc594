/**
 * One selection round of the sample county, from the motion to the end of
 * probation: banzi's shortlists name, for two open posts, the two candidates
 * whose placement costs the county least (the best proposal's choice first),
 * and the procedure records how they were put forward, inspected against other
 * candidates (差额考察), decided, noticed and confirmed — refusing a step
 * the rules forbid (here, a decision before every candidate was inspected,
 * and closing the notice early). The record is plain JSON.
 *
 *   npx tsx examples/selection.ts
 */
import {
  closeNotice,
  confirmProbation,
  decodeSelectionRound,
  openRound,
  recordDecision,
  recordInspection,
  recordObjection,
  recordRecommendations,
  resolveObjection,
  sampleScenario,
  shortlist,
  shortlistForInspection,
  solve,
  startNotice,
  type ProcedureError,
  type SelectionRound,
  withRecommendations,
} from '../src/index.js'
import type { Either } from 'fp-ts/lib/Either.js'

const county = sampleScenario()
const best = await solve(county)
if (best._tag === 'Left') throw new Error(best.left.message)

// Two posts the best proposal fills by promotion; for each, the two candidates whose placement
// there costs the county least (差额考察), each with that exact cost.
const posts = best.right.assignments
  .filter((a) => a.change === 'promotion')
  .slice(0, 2)
  .map((a) => a.postId)
const lists = await shortlist(county, { posts, perPost: 2 })
if (lists._tag === 'Left') throw new Error(lists.left.message)
const name = new Map(county.cadres.map((c) => [c.id, c.name]))
for (const p of lists.right.posts)
  console.log(
    `shortlist for ${p.team} ${p.title}: ${p.candidates.map((c) => `${c.name} (loss ${c.loss.toFixed(2)}${c.chain.displaced === null ? '' : `, displaces ${name.get(c.chain.displaced)}`})`).join('; ')}`,
  )
const field = lists.right.posts.map((p) => ({
  postId: p.postId,
  chosen: p.candidates[0]!.cadreId,
  second: p.candidates[1]!.cadreId,
}))

const step = (what: string, r: Either<ProcedureError, SelectionRound>): SelectionRound => {
  if (r._tag === 'Left') throw new Error(`${what}: ${r.left.message}`)
  console.log(`${what.padEnd(24)} → stage ${r.right.stage}`)
  return r.right
}
const refused = (what: string, r: Either<ProcedureError, SelectionRound>): void =>
  console.log(
    `${what.padEnd(24)} → refused (${r._tag === 'Left' ? `${r.left.rule}: ${r.left.message}` : 'not refused!'})`,
  )

let round = step(
  'motion (动议)',
  openRound(county, {
    posts: field.map((f) => f.postId),
    reason: '班子职数空缺，按配备方案动议',
    proposer: '县委组织部',
    date: '2026-09-07',
  }),
)
round = step(
  'recommendation (推荐)',
  recordRecommendations(
    county,
    round,
    field.flatMap((f) => [
      {
        postId: f.postId,
        cadreId: f.chosen,
        kind: 'democratic' as const,
        recommender: '全委会',
        votes: 28,
        voters: 33,
        reason: '',
        date: '2026-09-15',
      },
      {
        postId: f.postId,
        cadreId: f.second,
        kind: 'real-name' as const,
        recommender: '王明（县委副书记）',
        votes: null,
        reason: '基层经历丰富',
        date: '2026-09-16',
      },
    ]),
  ),
)
// The recommendations shape proposals: with the gate on, only recommended cadres are promoted.
const counted = withRecommendations(county, round.recommendations)
if (counted._tag === 'Left') throw new Error(counted.left.message)
const gate = { ...counted.right.policy.people.recommendation, enabled: true }
const gated = await solve({
  ...counted.right,
  policy: { ...counted.right.policy, people: { ...counted.right.policy.people, recommendation: gate } },
})
if (gated._tag === 'Left') throw new Error(gated.left.message)
const promoted = gated.right.assignments.filter((a) => a.change === 'promotion')
console.log(
  `  with the gate on (no promotion without recommendation): ${promoted.length} promotions, ${promoted.map((a) => name.get(a.cadreId!)).join('、')}; objective ${gated.right.objective.toFixed(1)} against ${best.right.objective.toFixed(1)}`,
)
round = step(
  'shortlist (差额考察)',
  shortlistForInspection(round, {
    by: '部务会',
    date: '2026-09-21',
    lists: field.map((f) => ({ postId: f.postId, cadreIds: [f.chosen, f.second] })),
  }),
)
const inspect = (postId: string, cadreId: string): void => {
  round = step(
    `inspection of ${name.get(cadreId)}`,
    recordInspection(round, {
      postId,
      cadreId,
      by: '考察组 李明',
      date: '2026-09-28',
      fourMusts: {
        fileAudited: true,
        personalMattersVerified: true,
        disciplineOpinionHeard: true,
        complaintsInvestigated: true,
      },
      signatures: { discipline: '县纪委书记 赵刚', organization: '组织部部长 孙丽' },
      conclusion: 'fit',
      findings: '政治过硬，实绩突出',
    }),
  )
}
for (const f of field) inspect(f.postId, f.chosen)
const decision = {
  date: '2026-10-09',
  chair: '县委书记',
  members: 11,
  present: 10,
  appointments: field.map((f) => ({ postId: f.postId, cadreId: f.chosen, votesFor: 9 })),
}
refused('decision, too early', recordDecision(round, decision))
for (const f of field) inspect(f.postId, f.second)
round = step('decision (讨论决定)', recordDecision(round, decision))
round = step('notice (任前公示)', startNotice(round, { by: '县委组织部', date: '2026-10-12' }))
console.log(
  `  the notice runs ${round.rules.noticeWorkingDays} working days: ${round.notice!.start} to ${round.notice!.end}`,
)
round = step(
  'objection',
  recordObjection(round, {
    cadreId: field[0]!.chosen,
    date: '2026-10-13',
    by: 'anonymous',
    summary: '反映其驾驶公车办私事',
  }),
)
refused('close, objection open', closeNotice(round, { by: '县委组织部', date: '2026-10-19' }))
round = step(
  'objection dismissed',
  resolveObjection(round, {
    objectionId: 'O1',
    date: '2026-10-15',
    by: '县纪委',
    outcome: 'dismissed',
    note: '经核查，系公务用车',
  }),
)
refused('close on its last day', closeNotice(round, { by: '县委组织部', date: round.notice!.end }))
round = step('notice closed', closeNotice(round, { by: '县委组织部', date: '2026-10-19' }))
for (const f of field)
  round = step(
    `probation of ${name.get(f.chosen)}`,
    confirmProbation(round, { cadreId: f.chosen, date: '2027-10-20', by: '县委', outcome: 'confirmed' }),
  )

const stored = JSON.stringify(round)
const back = decodeSelectionRound(JSON.parse(stored))
console.log(
  `record: ${round.log.length} steps, ${stored.length} bytes of JSON, reads back: ${back._tag === 'Right'}`,
)
for (const e of round.log) console.log(`  ${e.date}  ${e.step.padEnd(24)} ${e.by}`)
