import { describe, expect, it } from 'vitest'
import { generateScenario } from '../../src/sample/index.js'
import { get, inspectionOf, refusal } from './fixtures.js'
import {
  closeNotice,
  confirmProbation,
  decodeSelectionRound,
  DEFAULT_SELECTION_RULES,
  isWorkingDay,
  lastWorkingDay,
  addMonths,
  openRound,
  recordDecision,
  recordInspection,
  recordObjection,
  recordRecommendations,
  resolveObjection,
  shortlistForInspection,
  startNotice,
  withRecommendations,
  type Inspection,
  type SelectionRound,
} from '../../src/selection/index.js'

const scenario = generateScenario({ seed: 3, cadres: 60, teams: 6 })
const posts = scenario.teams.slice(0, 2).map((t) => t.posts[0]!.id)
const [a, b, c, d] = scenario.cadres.map((x) => x.id) as [string, string, string, string]

const opened = () =>
  get(openRound(scenario, { posts, reason: '换届空缺', proposer: '县委组织部', date: '2026-09-01' }))
const recommended = () =>
  get(
    recordRecommendations(scenario, opened(), [
      {
        postId: posts[0]!,
        cadreId: a,
        kind: 'democratic',
        recommender: '全委会',
        votes: 31,
        voters: 40,
        reason: '',
        date: '2026-09-20',
      },
      {
        postId: posts[0]!,
        cadreId: b,
        kind: 'real-name',
        recommender: '张华（县长）',
        votes: null,
        reason: '实绩突出',
        date: '2026-09-21',
      },
      {
        postId: posts[1]!,
        cadreId: c,
        kind: 'democratic',
        recommender: '全委会',
        votes: 27,
        voters: 40,
        reason: '',
        date: '2026-09-20',
      },
      {
        postId: posts[1]!,
        cadreId: d,
        kind: 'democratic',
        recommender: '全委会',
        votes: 22,
        voters: 40,
        reason: '',
        date: '2026-09-20',
      },
    ]),
  )
const shortlisted = () =>
  get(
    shortlistForInspection(recommended(), {
      by: '部务会',
      date: '2026-10-08',
      lists: [
        { postId: posts[0]!, cadreIds: [a, b] },
        { postId: posts[1]!, cadreIds: [c, d] },
      ],
    }),
  )
const inspected = () =>
  [
    inspectionOf(posts[0]!, a),
    inspectionOf(posts[0]!, b),
    inspectionOf(posts[1]!, c),
    inspectionOf(posts[1]!, d),
  ].reduce((r, i) => get(recordInspection(r, i)), shortlisted())
const decisionOf = (over = {}) => ({
  date: '2026-10-20',
  chair: '县委书记',
  members: 11,
  present: 9,
  appointments: [
    { postId: posts[0]!, cadreId: a, votesFor: 8 },
    { postId: posts[1]!, cadreId: c, votesFor: 7 },
  ],
  ...over,
})
const decided = () => get(recordDecision(inspected(), decisionOf()))

describe('a selection round, motion to probation', () => {
  it('runs every step, stamped, to a closed round that reads back from JSON', () => {
    let r = get(startNotice(decided(), { by: '县委组织部', date: '2026-10-22' })) // a Thursday
    expect(r.notice!.end).toBe('2026-10-28') // Thu, Fri, Mon, Tue, Wed
    r = get(
      recordObjection(r, { cadreId: c, date: '2026-10-23', by: 'anonymous', summary: '反映其违规兼职' }),
    )
    r = get(
      resolveObjection(r, {
        objectionId: 'O1',
        date: '2026-10-27',
        by: '县纪委',
        outcome: 'dismissed',
        note: '查无实据',
      }),
    )
    r = get(closeNotice(r, { by: '县委组织部', date: '2026-10-29' }))
    expect(r.stage).toBe('probation')
    r = get(confirmProbation(r, { cadreId: a, date: '2027-10-29', by: '县委', outcome: 'confirmed' }))
    expect(r.stage).toBe('probation')
    r = get(confirmProbation(r, { cadreId: c, date: '2027-11-02', by: '县委', outcome: 'confirmed' }))
    expect(r.stage).toBe('closed')
    expect(r.log.map((e) => e.step)).toEqual([
      'open-round',
      'record-recommendations',
      'shortlist-for-inspection',
      'record-inspection',
      'record-inspection',
      'record-inspection',
      'record-inspection',
      'record-decision',
      'start-notice',
      'record-objection',
      'resolve-objection',
      'close-notice',
      'confirm-probation',
      'confirm-probation',
    ])
    expect(r.posts[0]).toMatchObject({ postId: posts[0], team: scenario.teams[0]!.name })
    const back = decodeSelectionRound(JSON.parse(JSON.stringify(r)))
    expect(back).toEqual({ _tag: 'Right', right: r })
  })

  it('refuses steps out of order', () => {
    expect(refusal(shortlistForInspection(opened(), { by: 'x', date: '2026-10-01', lists: [] })).rule).toBe(
      'order',
    )
    expect(refusal(recordInspection(recommended(), inspectionOf(posts[0]!, a))).rule).toBe('order')
    expect(refusal(recordDecision(recommended(), decisionOf())).rule).toBe('order')
    expect(refusal(startNotice(inspected(), { by: 'x', date: '2026-10-22' })).rule).toBe('order')
    expect(
      refusal(confirmProbation(decided(), { cadreId: a, date: '2030-01-01', by: 'x', outcome: 'confirmed' }))
        .rule,
    ).toBe('order')
    expect(refusal(recordRecommendations(scenario, decided(), [])).rule).toBe('order')
  })

  it('refuses a back-dated step', () => {
    const e = refusal(shortlistForInspection(recommended(), { by: 'x', date: '2026-09-02', lists: [] }))
    expect(e.rule).toBe('date')
    expect(e.message).toContain('before the last step')
  })

  it('差额考察: too few candidates, or a candidate nobody recommended', () => {
    const few = refusal(
      shortlistForInspection(recommended(), {
        by: 'x',
        date: '2026-10-08',
        lists: [
          { postId: posts[0]!, cadreIds: [a] },
          { postId: posts[1]!, cadreIds: [c, d] },
        ],
      }),
    )
    expect(few.rule).toBe('too-few-candidates')
    const stranger = refusal(
      shortlistForInspection(recommended(), {
        by: 'x',
        date: '2026-10-08',
        lists: [{ postId: posts[0]!, cadreIds: [a, c] }],
      }),
    )
    expect(stranger).toMatchObject({ rule: 'not-recommended', path: 'lists[0].cadreIds[1]' })
  })

  it('names the exact place and the value of a list it cannot read', () => {
    const refused = (lists: unknown) =>
      refusal(shortlistForInspection(recommended(), { by: 'x', date: '2026-10-08', lists: lists as never }))
    expect(refused([{ postId: posts[0]!, cadreIds: [a, 42] }])).toMatchObject({
      rule: 'input',
      path: 'lists[0].cadreIds[1]',
      message: 'lists[0].cadreIds[1]: expected a cadre id, got 42',
    })
    expect(
      refused([
        { postId: posts[0]!, cadreIds: [a, b] },
        { postId: 7, cadreIds: [c] },
      ]),
    ).toMatchObject({
      path: 'lists[1].postId',
      message: 'lists[1].postId: expected a post id, got 7',
    })
    expect(refused([{ postId: posts[0]!, cadreIds: a }]).message).toBe(
      `lists[0].cadreIds: expected an array of cadre ids, got "${a}"`,
    )
    expect(refused([null]).message).toBe('lists[0]: expected { postId, cadreIds }, got null')
    expect(refused('all').message).toBe('lists: expected an array of { postId, cadreIds }, got "all"')
  })

  it('names a candidate nobody recommended at its place in the list given, a repeated one counted once', () => {
    const e = refusal(
      shortlistForInspection(recommended(), {
        by: 'x',
        date: '2026-10-08',
        lists: [{ postId: posts[0]!, cadreIds: [a, a, c] }],
      }),
    )
    expect(e).toMatchObject({ rule: 'not-recommended', path: 'lists[0].cadreIds[2]' })
  })

  it('refuses a decision without every inspection, the four musts, both signatures, a quorum or a majority', () => {
    const partly = get(recordInspection(shortlisted(), inspectionOf(posts[0]!, a)))
    expect(refusal(recordDecision(partly, decisionOf())).rule).toBe('not-inspected')
    const base = [inspectionOf(posts[0]!, b), inspectionOf(posts[1]!, c), inspectionOf(posts[1]!, d)]
    const withA = (i: Inspection) => [i, ...base].reduce((r, x) => get(recordInspection(r, x)), shortlisted())
    const noFile = withA(
      inspectionOf(posts[0]!, a, {
        fourMusts: {
          fileAudited: false,
          personalMattersVerified: true,
          disciplineOpinionHeard: true,
          complaintsInvestigated: true,
        },
      }),
    )
    expect(refusal(recordDecision(noFile, decisionOf()))).toMatchObject({ rule: 'four-musts' })
    const oneSignature = withA(
      inspectionOf(posts[0]!, a, { signatures: { discipline: '王刚', organization: null } }),
    )
    expect(refusal(recordDecision(oneSignature, decisionOf())).rule).toBe('signatures')
    const unfit = withA(inspectionOf(posts[0]!, a, { conclusion: 'unfit' }))
    expect(refusal(recordDecision(unfit, decisionOf())).rule).toBe('unfit')
    expect(refusal(recordDecision(inspected(), decisionOf({ present: 5 }))).rule).toBe('quorum')
    expect(
      refusal(
        recordDecision(
          inspected(),
          decisionOf({ appointments: [{ postId: posts[0]!, cadreId: a, votesFor: 5 }] }),
        ),
      ).rule,
    ).toBe('majority')
    expect(
      refusal(
        recordDecision(
          inspected(),
          decisionOf({ appointments: [{ postId: posts[0]!, cadreId: c, votesFor: 9 }] }),
        ),
      ).rule,
    ).toBe('not-inspected')
  })

  it('the notice: not closed before its working days have run, nor with an objection open; an upheld one withdraws', () => {
    let r = get(startNotice(decided(), { by: 'x', date: '2026-10-22' }))
    expect(refusal(closeNotice(r, { by: 'x', date: '2026-10-28' })).rule).toBe('notice-too-short')
    // raised during the notice (through its last day, 2026-10-28), not after it, closed or not
    expect(
      refusal(recordObjection(r, { cadreId: a, date: '2026-10-29', by: 'x', summary: '...' })),
    ).toMatchObject({
      rule: 'after-notice',
      path: 'date',
      message:
        "date: 2026-10-29 is after the notice's last day, 2026-10-28 (5 working days from 2026-10-22): objections are raised during the notice",
    })
    expect(
      get(recordObjection(r, { cadreId: a, date: '2026-10-28', by: 'x', summary: '...' })).objections,
    ).toHaveLength(1)
    r = get(recordObjection(r, { cadreId: a, date: '2026-10-23', by: '群众来信', summary: '...' }))
    expect(refusal(closeNotice(r, { by: 'x', date: '2026-10-30' })).rule).toBe('open-objection')
    expect(
      refusal(recordObjection(r, { cadreId: b, date: '2026-10-23', by: 'x', summary: '...' })).rule,
    ).toBe('not-appointed')
    r = get(
      resolveObjection(r, {
        objectionId: 'O1',
        date: '2026-10-27',
        by: '县纪委',
        outcome: 'upheld',
        note: '属实',
      }),
    )
    expect(
      refusal(resolveObjection(r, { objectionId: 'O1', date: '2026-10-27', by: 'x', outcome: 'dismissed' }))
        .rule,
    ).toBe('duplicate')
    r = get(closeNotice(r, { by: 'x', date: '2026-10-30' }))
    expect(r.notice!.withdrawn).toEqual([a])
    expect(
      refusal(confirmProbation(r, { cadreId: a, date: '2028-01-01', by: 'x', outcome: 'confirmed' })).rule,
    ).toBe('not-appointed')
    expect(
      refusal(confirmProbation(r, { cadreId: c, date: '2027-10-29', by: 'x', outcome: 'confirmed' })).rule,
    ).toBe('probation-too-short')
    r = get(
      confirmProbation(r, {
        cadreId: c,
        date: '2027-10-30',
        by: 'x',
        outcome: 'not-confirmed',
        note: '不胜任',
      }),
    )
    expect(r.stage).toBe('closed')
  })

  it('records only recommendations its tally counts: a round never holds what withRecommendations refuses', () => {
    const rec = (cadreId: string, votes: number, voters: number | null) => ({
      postId: posts[0]!,
      cadreId,
      kind: 'democratic' as const,
      recommender: '班子成员',
      votes,
      voters,
      reason: '',
      date: '2026-09-08',
    })
    // One rater group on one post with 9 voters, then 11, then none: refused, naming the place.
    expect(refusal(recordRecommendations(scenario, opened(), [rec(a, 7, 9), rec(b, 5, 11)]))).toMatchObject({
      rule: 'tally',
      path: '[1].voters',
      message: "[1].voters: expected the group's voters as [0] gives them (9), got 11",
    })
    expect(refusal(recordRecommendations(scenario, opened(), [rec(a, 3, null)]))).toMatchObject({
      rule: 'tally',
      path: '[0].voters',
    })
    // The same group counted twice for one cadre and post.
    expect(refusal(recordRecommendations(scenario, opened(), [rec(a, 7, 9), rec(a, 6, 9)])).path).toBe(
      '[1].recommender',
    )
    // Against what the round holds already, named as the round's.
    const held = get(recordRecommendations(scenario, opened(), [rec(a, 7, 9)]))
    expect(refusal(recordRecommendations(scenario, held, [rec(b, 5, 11)])).message).toBe(
      "[0].voters: expected the group's voters as round.recommendations[0] gives them (9), got 11",
    )
    const r = get(recordRecommendations(scenario, held, [rec(b, 5, 9)]))
    expect(withRecommendations(scenario, r.recommendations)._tag).toBe('Right')
    expect(withRecommendations(scenario, recommended().recommendations)._tag).toBe('Right')
  })

  it('bad input is named, never thrown', () => {
    expect(
      refusal(openRound(scenario, { posts: ['nope'], reason: 'r', proposer: 'p', date: '2026-09-01' })),
    ).toMatchObject({
      rule: 'unknown-post',
      path: 'posts[0]',
    })
    expect(
      refusal(openRound(scenario, { posts, reason: 'r', proposer: 'p', date: '2026-02-30' })),
    ).toMatchObject({
      rule: 'input',
      path: 'date',
    })
    expect(
      refusal(
        openRound(scenario, {
          posts,
          reason: 'r',
          proposer: 'p',
          date: '2026-09-01',
          rules: { noticeWorkingDays: 0 },
        }),
      ).path,
    ).toBe('rules.noticeWorkingDays')
    expect(
      refusal(openRound(null as never, { posts, reason: 'r', proposer: 'p', date: '2026-09-01' })).path,
    ).toBe('scenario')
    expect(refusal(recordInspection({} as SelectionRound, inspectionOf(posts[0]!, a))).path).toBe('round')
    expect(
      refusal(recordInspection(shortlisted(), { ...inspectionOf(posts[0]!, a), date: 'soon' })).message,
    ).toContain('date: expected YYYY-MM-DD, got "soon"')
    const e = decodeSelectionRound({ ...decided(), stage: 'done' })
    expect(e._tag === 'Left' && e.left.issues[0]!.message).toMatch(/^stage: expected one of/)
  })
})

describe('the working-day calendar', () => {
  const cal = DEFAULT_SELECTION_RULES.calendar
  it('counts working days past weekends, holidays and worked weekend days', () => {
    expect(isWorkingDay(cal, '2026-12-05')).toBe(false) // a Saturday
    expect(isWorkingDay(cal, '2026-12-07')).toBe(true)
    expect(lastWorkingDay(cal, '2026-12-05', 5)).toBe('2026-12-11')
    const golden = {
      ...cal,
      holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
      workdays: ['2026-10-10'],
    }
    // 国庆: from Wednesday 30 September, five working days are 30 Sep, 8, 9, 10 (a Saturday worked) and 12 October
    expect(lastWorkingDay(golden, '2026-09-30', 5)).toBe('2026-10-12')
  })
  it('off every day of the week: the listed workdays alone, or the documented RangeError — never a walk to year 10000', () => {
    const allOff = { weekend: [0, 1, 2, 3, 4, 5, 6], holidays: [], workdays: ['2026-09-05', '2026-09-20'] }
    expect(lastWorkingDay(allOff, '2026-09-05', 1)).toBe('2026-09-05')
    expect(lastWorkingDay(allOff, '2026-09-11', 1)).toBe('2026-09-20')
    expect(lastWorkingDay(allOff, '2026-09-01', 2)).toBe('2026-09-20')
    const t0 = Date.now()
    expect(() => lastWorkingDay(allOff, '2026-09-21', 1)).toThrow(RangeError)
    expect(() => lastWorkingDay(allOff, '2026-09-11', 2)).toThrow(RangeError)
    expect(() => lastWorkingDay({ ...allOff, workdays: [] }, '2026-09-11', 1)).toThrow(RangeError)
    expect(Date.now() - t0).toBeLessThan(1000)
    // A period that would end past 9999-12-31 is refused too (no "+010000-01-0x").
    expect(() => lastWorkingDay(cal, '9999-12-30', 5)).toThrow(RangeError)
  })
  it('openRound refuses a calendar off all seven days, even with a listed workday; startNotice refuses a stored one', () => {
    const rules = { calendar: { weekend: [0, 1, 2, 3, 4, 5, 6], workdays: ['2026-09-05'] } }
    expect(
      refusal(openRound(scenario, { posts, reason: 'r', proposer: 'p', date: '2026-09-01', rules })),
    ).toMatchObject({
      _tag: 'ProcedureError',
      step: 'open-round',
      rule: 'input',
      path: 'rules.calendar.weekend',
    })
    // A round stored with such a calendar (decodeSelectionRound reads the record's shape) is refused at the notice.
    const d = decided()
    const back = decodeSelectionRound(
      JSON.parse(
        JSON.stringify({ ...d, rules: { ...d.rules, calendar: { ...rules.calendar, holidays: [] } } }),
      ),
    )
    if (back._tag === 'Left') throw new Error(back.left.issues[0]!.message)
    const stored = back.right
    const t0 = Date.now()
    expect(refusal(startNotice(stored, { by: '组织部', date: '2026-10-21' }))).toMatchObject({
      step: 'start-notice',
      rule: 'input',
      path: 'round.rules.calendar.weekend',
    })
    expect(Date.now() - t0).toBeLessThan(1000)
    // Nor does a notice without a real last day close at once.
    const noticed = get(startNotice(d, { by: '组织部', date: '2026-10-21' }))
    const broken = { ...noticed, notice: { ...noticed.notice!, end: '+010000-01' } }
    expect(refusal(closeNotice(broken, { by: '组织部', date: '2026-10-22' }))).toMatchObject({
      rule: 'input',
      path: 'round.notice.end',
    })
  })
  it('adds months, keeping to the month’s end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2026-10-29', 12)).toBe('2027-10-29')
  })
})
