import { describe, expect, it } from 'vitest'
import type { Scenario } from '../../src/domain/types.js'
import { generateScenario } from '../../src/sample/index.js'
import { get, inspectionOf } from './fixtures.js'
import {
  closeNotice,
  confirmProbation,
  openRound,
  recommenderRecord,
  recordDecision,
  recordInspection,
  recordObjection,
  recordRecommendations,
  resolveObjection,
  shortlistForInspection,
  startNotice,
  type Inspection,
  type SelectionRound,
} from '../../src/selection/index.js'

const scenario = generateScenario({ seed: 8, cadres: 50, teams: 5 })
const posts = scenario.teams.slice(0, 2).map((t) => t.posts[0]!.id)
const [a, b, c, d] = scenario.cadres.map((x) => x.id) as [string, string, string, string]
const inspection = (postId: string, cadreId: string, fit = true): Inspection =>
  inspectionOf(postId, cadreId, fit ? {} : { conclusion: 'unfit', findings: '群众公认度低' })

/** A round where 张华 put forward a (appointed, confirmed) and c (appointed, objection upheld), 李强 b and d. */
function round(): SelectionRound {
  let r = get(openRound(scenario, { posts, reason: '空缺', proposer: '组织部', date: '2026-09-01' }))
  r = get(
    recordRecommendations(scenario, r, [
      {
        postId: posts[0]!,
        cadreId: a,
        kind: 'real-name',
        recommender: '张华',
        votes: null,
        reason: '实绩突出',
        date: '2026-09-10',
      },
      {
        postId: posts[0]!,
        cadreId: b,
        kind: 'real-name',
        recommender: '李强',
        votes: null,
        reason: '',
        date: '2026-09-10',
      },
      {
        postId: posts[1]!,
        cadreId: c,
        kind: 'real-name',
        recommender: '张华',
        votes: null,
        reason: '',
        date: '2026-09-11',
      },
      {
        postId: posts[1]!,
        cadreId: d,
        kind: 'real-name',
        recommender: '李强',
        votes: null,
        reason: '',
        date: '2026-09-11',
      },
    ]),
  )
  r = get(
    shortlistForInspection(r, {
      by: '部务会',
      date: '2026-10-01',
      lists: [
        { postId: posts[0]!, cadreIds: [a, b] },
        { postId: posts[1]!, cadreIds: [c, d] },
      ],
    }),
  )
  for (const [p, x, fit] of [
    [posts[0]!, a, true],
    [posts[0]!, b, false],
    [posts[1]!, c, true],
    [posts[1]!, d, true],
  ] as const)
    r = get(recordInspection(r, inspection(p, x, fit)))
  r = get(
    recordDecision(r, {
      date: '2026-10-20',
      chair: '书记',
      members: 9,
      present: 8,
      appointments: [
        { postId: posts[0]!, cadreId: a, votesFor: 7 },
        { postId: posts[1]!, cadreId: c, votesFor: 6 },
      ],
    }),
  )
  r = get(startNotice(r, { by: '组织部', date: '2026-10-21' }))
  r = get(recordObjection(r, { cadreId: c, date: '2026-10-22', by: '来信', summary: '违规经商' }))
  r = get(
    resolveObjection(r, {
      objectionId: 'O1',
      date: '2026-10-26',
      by: '纪委',
      outcome: 'upheld',
      note: '属实',
    }),
  )
  r = get(closeNotice(r, { by: '组织部', date: '2026-10-30' }))
  return get(confirmProbation(r, { cadreId: a, date: '2027-10-30', by: '县委', outcome: 'confirmed' }))
}

describe('recommenderRecord (实名制推荐 responsibility)', () => {
  it('lists whom a recommender put forward, what became of them and what was found later', () => {
    // Later on the roster: a was graded basic in 2027.
    const later: Scenario = {
      ...scenario,
      cadres: scenario.cadres.map((x) =>
        x.id === a ? { ...x, assessments: [...x.assessments, { year: 2027, grade: 'basic' as const }] } : x,
      ),
    }
    const zhang = get(recommenderRecord(later, [round()], '张华'))
    expect(zhang.putForward.map((x) => [x.cadreId, x.outcome])).toEqual([
      [a, 'confirmed'],
      [c, 'withdrawn'],
    ])
    expect(zhang.putForward[0]!.findings).toEqual([
      { kind: 'low-grade', when: '2027', detail: '2027: basic' },
    ])
    expect(zhang.putForward[1]!.findings.map((f) => f.kind)).toEqual(['upheld-objection'])
    expect(zhang).toMatchObject({ appointed: 1, confirmed: 1, withFindings: 2 })
    const li = get(recommenderRecord(later, round(), ' 李强 '))
    expect(li.putForward.map((x) => [x.cadreId, x.outcome, x.findings.map((f) => f.kind)])).toEqual([
      [b, 'not-appointed', ['unfit-inspection']],
      [d, 'not-appointed', []],
    ])
  })

  it('counts as later only what began after the cadre was put forward', () => {
    // a and c were put forward in 2026-09. On a roster of 2027-06 a period until 2026-12 was running
    // already (the shortest lasts 6 months); one until 2027-03 or later can have begun after.
    const withDiscipline = (ids: Record<string, string>, asOf: string): Scenario => ({
      ...scenario,
      asOf,
      cadres: scenario.cadres.map((x) =>
        x.id in ids ? { ...x, integrity: { ...x.integrity, disciplinaryUntil: ids[x.id]! } } : x,
      ),
    })
    const kinds = (s: Scenario, who: string) =>
      get(recommenderRecord(s, [round()], who)).putForward.map((x) => [
        x.cadreId,
        x.findings.filter((f) => f.kind === 'discipline').map((f) => f.when),
      ])
    expect(kinds(withDiscipline({ [a]: '2026-12', [c]: '2026-12' }, '2027-06'), '张华')).toEqual([
      [a, []],
      [c, []],
    ])
    expect(kinds(withDiscipline({ [a]: '2027-08', [c]: '2027-03' }, '2027-06'), '张华')).toEqual([
      [a, ['2027-08']],
      [c, ['2027-03']],
    ])
    // A roster of the recommendation's month shows what was there already: nothing later.
    expect(kinds(withDiscipline({ [a]: '2027-08' }, '2026-09'), '张华')).toEqual([
      [a, []],
      [c, []],
    ])
    const investigated = (asOf: string): Scenario => ({
      ...scenario,
      asOf,
      cadres: scenario.cadres.map((x) =>
        x.id === b ? { ...x, integrity: { ...x.integrity, underInvestigation: true } } : x,
      ),
    })
    const b0 = (s: Scenario) => get(recommenderRecord(s, [round()], '李强')).putForward[0]!.findings
    expect(b0(investigated('2026-09')).map((f) => f.kind)).toEqual(['unfit-inspection'])
    expect(b0(investigated('2027-06')).map((f) => f.kind)).toEqual(['unfit-inspection', 'investigation'])
  })

  it('counts each round once: the same round given twice is refused', () => {
    const r = round()
    expect(recommenderRecord(scenario, [r, r], '张华')).toMatchObject({
      _tag: 'Left',
      left: {
        path: 'rounds[1].id',
        message: `rounds[1].id: round "${r.id}" is given twice (as rounds[0]); give each round once`,
      },
    })
    const other = { ...r, id: `${r.id}-2` }
    expect(get(recommenderRecord(scenario, [r, other], '张华'))).toMatchObject({ appointed: 2, confirmed: 2 })
    expect(get(recommenderRecord(scenario, [r], '张华'))).toMatchObject({ appointed: 1, confirmed: 1 })
  })

  it('includes reserve recommendations, and names a bad argument', () => {
    const rec = {
      cadreId: d,
      recommender: '张华',
      recommenderPost: '县长',
      date: '2025-03',
      reason: '基层经验',
      groups: [],
      frontline: [],
      responsibility: '对推荐负责',
    }
    const r = get(recommenderRecord(scenario, [], '张华', { recommendations: [rec] }))
    expect(r.putForward).toMatchObject([{ cadreId: d, outcome: 'reserve', roundId: null }])
    expect(recommenderRecord(scenario, [], '')).toMatchObject({ _tag: 'Left', left: { path: 'recommender' } })
    expect(recommenderRecord(scenario, [{}] as never, '张华')).toMatchObject({
      _tag: 'Left',
      left: { path: 'rounds[0]' },
    })
    expect(recommenderRecord(null as never, [], '张华')).toMatchObject({
      _tag: 'Left',
      left: { path: 'scenario' },
    })
  })
})
