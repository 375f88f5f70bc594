/**
 * Model-based property: random sequences of the procedure's steps, valid and
 * not, never throw, and whatever round they reach passes an audit written
 * here from the procedure's rules alone (no code of src/selection): no
 * appointment reaches the notice or probation having skipped a step.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateScenario } from '../../src/sample/index.js'
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
  shortlistForInspection,
  startNotice,
  type SelectionRound,
} from '../../src/selection/index.js'

const scenario = generateScenario({ seed: 4, cadres: 40, teams: 4 })
const posts = scenario.teams.slice(0, 2).map((t) => t.posts[0]!.id)
const cadres = scenario.cadres.slice(0, 4).map((c) => c.id)

/** Days as UTC day numbers, and working days Monday to Friday (the default calendar). */
const dayNo = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000
const weekday = (n: number) => new Date(n * 86_400_000).getUTCDay()
const dateOf = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10)
const START = dayNo('2026-09-01')

/** Everything the rules demand of a round, re-checked from the record. */
function audit(r: SelectionRound): string[] {
  const faults: string[] = []
  for (let i = 1; i < r.log.length; i++)
    if (dayNo(r.log[i]!.date) < dayNo(r.log[i - 1]!.date)) faults.push(`log goes back at ${i}`)
  for (const l of r.shortlist) {
    if (l.cadreIds.length < r.rules.candidatesPerPost) faults.push(`shortlist of ${l.postId} too short`)
    for (const c of l.cadreIds)
      if (!r.recommendations.some((x) => x.postId === l.postId && x.cadreId === c))
        faults.push(`${c} shortlisted for ${l.postId} without a recommendation`)
  }
  const d = r.decision
  if (d !== null) {
    if (!(d.present * 2 > d.members)) faults.push('decision without a quorum')
    for (const l of r.shortlist)
      for (const c of l.cadreIds)
        if (!r.inspections.some((i) => i.postId === l.postId && i.cadreId === c))
          faults.push(`decided before ${c} was inspected`)
    for (const a of d.appointments) {
      if (!(a.votesFor * 2 > d.members)) faults.push(`${a.cadreId} appointed without a majority`)
      const i = r.inspections.find((x) => x.postId === a.postId && x.cadreId === a.cadreId)
      if (i === undefined) faults.push(`${a.cadreId} appointed uninspected`)
      else {
        if (i.conclusion !== 'fit') faults.push(`${a.cadreId} appointed unfit`)
        if (!Object.values(i.fourMusts).every(Boolean))
          faults.push(`${a.cadreId} appointed without the four musts`)
        if (i.signatures.discipline === null || i.signatures.organization === null)
          faults.push(`${a.cadreId} appointed without both signatures`)
      }
    }
  }
  if (r.notice !== null) {
    if (d === null) faults.push('notice without a decision')
    // raised during the notice: within its working days from the start
    for (const o of r.objections) {
      let working = 0
      for (let n = dayNo(r.notice.start); n < dayNo(o.date); n++)
        if (weekday(n) !== 0 && weekday(n) !== 6) working++
      if (working >= r.rules.noticeWorkingDays) faults.push(`${o.id} raised after the notice`)
    }
    if (r.notice.closed !== null) {
      let working = 0
      for (let n = dayNo(r.notice.start); n < dayNo(r.notice.closed.date); n++)
        if (weekday(n) !== 0 && weekday(n) !== 6) working++
      if (working < r.rules.noticeWorkingDays) faults.push(`notice closed after ${working} working days`)
      const closedOn = dayNo(r.notice.closed.date)
      for (const o of r.objections)
        if (dayNo(o.date) <= closedOn && (o.resolution === null || dayNo(o.resolution.date) > closedOn))
          faults.push(`notice closed with ${o.id} open`)
      for (const o of r.objections)
        if (o.resolution?.outcome === 'upheld' && !r.notice.withdrawn.includes(o.cadreId))
          faults.push(`${o.cadreId} kept despite an upheld objection`)
    }
  }
  for (const p of r.probation) {
    if (r.notice?.closed == null) faults.push('probation ended before the notice closed')
    else {
      const closed = new Date(`${r.notice.closed.date}T00:00:00Z`)
      const due = new Date(
        Date.UTC(closed.getUTCFullYear(), closed.getUTCMonth() + r.rules.probationMonths, 1),
      )
      const last = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate()
      due.setUTCDate(Math.min(closed.getUTCDate(), last))
      if (new Date(`${p.date}T00:00:00Z`) < due) faults.push(`probation of ${p.cadreId} ended early`)
    }
    if (r.notice?.withdrawn.includes(p.cadreId)) faults.push(`${p.cadreId} on probation after withdrawal`)
  }
  // Every recommendation counts into a tally: a democratic one with its voters, at least its votes;
  // a rater group once per cadre and post, with one count of voters per post.
  const groups = new Map<string, number>()
  const counted = new Set<string>()
  for (const x of r.recommendations) {
    if (x.kind !== 'democratic') continue
    if (x.voters == null || x.votes === null || x.voters < x.votes)
      faults.push(`${x.recommender} without voters`)
    const g = `${x.recommender} ${x.postId}`
    if (groups.has(g) && groups.get(g) !== x.voters) faults.push(`${g}: two counts of voters`)
    groups.set(g, x.voters ?? -1)
    if (counted.has(`${g} ${x.cadreId}`)) faults.push(`${g} counted twice for ${x.cadreId}`)
    counted.add(`${g} ${x.cadreId}`)
  }
  const order = ['motion', 'recommendation', 'inspection', 'decision', 'notice', 'probation', 'closed']
  if (order.indexOf(r.stage) >= 2 && r.recommendations.length === 0)
    faults.push('inspection with no recommendation')
  return faults
}

const post = fc.constantFrom(...posts, 'no-such-post')
const cadre = fc.constantFrom(...cadres)
const musts = fc.record({
  fileAudited: fc.boolean(),
  personalMattersVerified: fc.boolean(),
  disciplineOpinionHeard: fc.boolean(),
  complaintsInvestigated: fc.boolean(),
})
/**
 * A step: a day offset from the previous step's date (sometimes backwards),
 * whether it is guided (the step the round's stage calls for, built from the
 * round, each of its facts flawed one time in ten: a missing check or
 * signature, a thin quorum, too few candidates…) or random, and the random one.
 */
const step = fc.tuple(
  fc.integer({ min: -3, max: 30 }),
  fc.integer({ min: 0, max: 9 }),
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }),
  fc.oneof(
    fc.record({
      op: fc.constant('recommend' as const),
      recs: fc.array(
        fc.record({ postId: post, cadreId: cadre, votes: fc.option(fc.nat(40)), voters: fc.boolean() }),
        {
          minLength: 1,
          maxLength: 4,
        },
      ),
    }),
    fc.record({
      op: fc.constant('shortlist' as const),
      lists: fc.array(fc.record({ postId: post, cadreIds: fc.subarray(cadres) }), { maxLength: 3 }),
    }),
    fc.record({
      op: fc.constant('inspect' as const),
      postId: post,
      cadreId: cadre,
      musts,
      discipline: fc.option(fc.constant('王刚')),
      organization: fc.option(fc.constant('赵敏')),
      fit: fc.boolean(),
    }),
    fc.record({
      op: fc.constant('decide' as const),
      members: fc.integer({ min: 1, max: 13 }),
      present: fc.nat(13),
      appointments: fc.array(fc.record({ postId: post, cadreId: cadre, votesFor: fc.nat(13) }), {
        maxLength: 3,
      }),
    }),
    fc.record({ op: fc.constant('notice' as const) }),
    fc.record({ op: fc.constant('object' as const), cadreId: cadre }),
    fc.record({
      op: fc.constant('resolve' as const),
      id: fc.constantFrom<string>('O1', 'O2', 'O3'),
      upheld: fc.boolean(),
    }),
    fc.record({ op: fc.constant('close' as const) }),
    fc.record({ op: fc.constant('probation' as const), cadreId: cadre, confirmed: fc.boolean() }),
  ),
)

type Op = typeof step extends fc.Arbitrary<[number, number, number[], infer O]> ? O : never

/** The step the round's stage calls for, with the flaws the knobs pick. */
function guided(r: SelectionRound, knobs: readonly number[]): Op {
  const flaw = (k: number) => knobs[k] === 0
  const pick = <A>(xs: readonly A[], k: number): A => xs[(knobs[k] ?? 0) % xs.length]!
  switch (r.stage) {
    case 'motion':
    case 'recommendation': {
      const recommended = (p: string) => r.recommendations.filter((x) => x.postId === p).map((x) => x.cadreId)
      if (r.stage === 'recommendation' && posts.every((p) => new Set(recommended(p)).size >= 2) && !flaw(0))
        return {
          op: 'shortlist',
          lists: posts.map((p) => ({
            postId: p,
            cadreIds: [...new Set(recommended(p))].slice(0, flaw(1) ? 1 : 3),
          })),
        }
      return {
        op: 'recommend',
        recs: [
          { postId: pick(posts, 2), cadreId: pick(cadres, 3), votes: 20, voters: !flaw(7) },
          { postId: pick(posts, 4), cadreId: pick(cadres, 5), votes: flaw(6) ? null : 12, voters: true },
        ],
      }
    }
    case 'inspection': {
      const todo = r.shortlist.flatMap((l) =>
        l.cadreIds
          .filter((c) => !r.inspections.some((i) => i.postId === l.postId && i.cadreId === c))
          .map((c) => [l.postId, c] as const),
      )
      if (todo.length > 0 && !flaw(0)) {
        const [postId, cadreId] = todo[0]!
        return {
          op: 'inspect',
          postId,
          cadreId,
          musts: {
            fileAudited: !flaw(1),
            personalMattersVerified: !flaw(2),
            disciplineOpinionHeard: !flaw(3),
            complaintsInvestigated: !flaw(4),
          },
          discipline: flaw(5) ? null : '王刚',
          organization: flaw(6) ? null : '赵敏',
          fit: !flaw(7),
        }
      }
      return {
        op: 'decide',
        members: 11,
        present: flaw(1) ? 5 : 9,
        appointments: r.shortlist.map((l, i) => ({
          postId: l.postId,
          cadreId: pick(l.cadreIds, 2 + i),
          votesFor: flaw(3) ? 4 : 8,
        })),
      }
    }
    case 'decision':
      return { op: 'notice' }
    case 'notice': {
      const open = r.objections.find((o) => o.resolution === null)
      if (open !== undefined && !flaw(0)) return { op: 'resolve', id: open.id, upheld: flaw(1) }
      if (knobs[2]! < 2 && r.decision !== null)
        return { op: 'object', cadreId: pick(r.decision.appointments, 3).cadreId }
      return { op: 'close' }
    }
    default:
      return {
        op: 'probation',
        cadreId: r.decision === null ? pick(cadres, 0) : pick(r.decision.appointments, 0).cadreId,
        confirmed: !flaw(1),
      }
  }
}

describe('the selection procedure, model-based', () => {
  it('no sequence of steps throws or reaches a round that skips a required step', () => {
    let reached = 0
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 60 }), (steps) => {
        const r = openRound(scenario, { posts, reason: '动议', proposer: '组织部', date: '2026-09-01' })
        if (r._tag === 'Left') throw new Error(r.left.message)
        let round = r.right
        let today = START
        let meeting = 0
        for (const [shift, guide, knobs, random] of steps) {
          meeting++
          const flaw = (k: number) => knobs[k] === 0
          const s = guide < 8 ? guided(round, knobs) : random
          today = Math.max(START, today + (s.op === 'probation' && !flaw(7) ? 366 : shift))
          const date = dateOf(today)
          const next = (() => {
            switch (s.op) {
              case 'recommend':
                return recordRecommendations(
                  scenario,
                  round,
                  s.recs.map((x) => ({
                    ...x,
                    kind: x.votes === null ? ('real-name' as const) : ('democratic' as const),
                    // each step's meeting a group of its own, of 40 voters (or none, a flaw)
                    recommender: x.votes === null ? '张华' : `全委会${meeting}`,
                    voters: x.votes === null ? null : x.voters ? 40 : null,
                    reason: '',
                    date,
                  })),
                )
              case 'shortlist':
                return shortlistForInspection(round, { by: '部务会', date, lists: s.lists })
              case 'inspect':
                return recordInspection(round, {
                  postId: s.postId,
                  cadreId: s.cadreId,
                  by: '考察组',
                  date,
                  fourMusts: s.musts,
                  signatures: { discipline: s.discipline, organization: s.organization },
                  conclusion: s.fit ? 'fit' : 'unfit',
                  findings: '',
                })
              case 'decide':
                return recordDecision(round, {
                  date,
                  chair: '书记',
                  members: s.members,
                  present: s.present,
                  appointments: s.appointments,
                })
              case 'notice':
                return startNotice(round, { by: '组织部', date })
              case 'object':
                return recordObjection(round, {
                  cadreId: s.cadreId,
                  date,
                  by: 'anonymous',
                  summary: '反映问题',
                })
              case 'resolve':
                return resolveObjection(round, {
                  objectionId: s.id,
                  date,
                  by: '纪委',
                  outcome: s.upheld ? 'upheld' : 'dismissed',
                })
              case 'close':
                return closeNotice(round, { by: '组织部', date })
              case 'probation':
                return confirmProbation(round, {
                  cadreId: s.cadreId,
                  date,
                  by: '县委',
                  outcome: s.confirmed ? 'confirmed' : 'not-confirmed',
                })
            }
          })()
          if (next._tag === 'Right') {
            round = next.right
            expect(audit(round)).toEqual([])
          } else {
            expect(next.left.message.length).toBeGreaterThan(0)
          }
        }
        if (round.stage === 'probation' || round.stage === 'closed') reached++
        expect(decodeSelectionRound(JSON.parse(JSON.stringify(round)))).toEqual({
          _tag: 'Right',
          right: round,
        })
      }),
      { numRuns: 400 },
    )
    // The property means something only if many rounds get far.
    expect(reached).toBeGreaterThan(40)
  })
})
