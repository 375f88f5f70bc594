/**
 * 能上能下 (moveCandidates) on hand-made cadres of the validator's county
 * (reference month 2024-06): section deputies since 2018-01 (77 months ≥ the
 * 24 the ladder asks), integrity cleared unless said otherwise.
 */
import { describe, expect, it } from 'vitest'
import { combinedScores } from '../../src/assessment/index.js'
import type { Assessment } from '../../src/domain/types.js'
import { adjustmentCandidates, moveCandidates, yearlyGrades } from '../../src/rules/index.js'
import { cadre } from '../check/fixtures.js'
import { annual, county } from './fixtures.js'

const graded = (id: string, ...grades: [number, Assessment['grade']][]) =>
  cadre(id, { assessments: grades.map(([year, grade]) => ({ year, grade })) })

describe('moveCandidates', () => {
  const s = county(
    graded('UP', [2022, 'excellent'], [2023, 'excellent']),
    graded('GAP', [2021, 'excellent'], [2023, 'excellent']),
    graded('BASIC', [2022, 'basic'], [2023, 'basic']),
    graded('ONCE', [2022, 'competent'], [2023, 'basic']),
    graded('BAD', [2022, 'excellent'], [2023, 'incompetent']),
    cadre('NEW', {
      assessments: [
        { year: 2022, grade: 'excellent' },
        { year: 2023, grade: 'excellent' },
      ],
      rankSince: '2023-06',
    }),
    cadre('REC', {
      assessments: [],
      assessmentRecords: [
        { year: 2022, kind: 'annual', grade: 'excellent', score: 95 },
        { year: 2023, kind: 'annual', grade: 'excellent', score: 93 },
      ],
    }),
    graded('OLD', [2020, 'excellent'], [2021, 'excellent']),
  )

  it('moves up an excellent run that is ready, and adjusts down incompetent or basic runs', () => {
    const m = moveCandidates(s)
    expect(m.up.map((c) => c.cadreId)).toEqual(['UP', 'REC'])
    expect(m.down.map((c) => [c.cadreId, c.reason])).toEqual([
      ['BASIC', 'basic-run'],
      ['BAD', 'incompetent'],
    ])
  })

  it('gives the evidence', () => {
    const m = moveCandidates(s)
    expect(m.up[0]).toEqual({
      cadreId: 'UP',
      postId: null,
      direction: 'up',
      reason: 'excellent-run',
      grades: [
        { year: 2023, grade: 'excellent' },
        { year: 2022, grade: 'excellent' },
      ],
      scores: [],
      readiness: {
        monthsAtRank: 77,
        monthsRequired: 24,
        integrityCleared: true,
        reserveGroups: [],
        ready: true,
      },
    })
    expect(m.down[1]!.grades).toEqual([{ year: 2023, grade: 'incompetent' }])
  })

  it('is not ready when the integrity checks are stale or undated, as the integrity gate reads them', () => {
    const checked = (id: string, checkedOn: string | null) => {
      const c = graded(id, [2022, 'excellent'], [2023, 'excellent'])
      return { ...c, integrity: { ...c.integrity, checkedOn } }
    }
    // 2024-06 less 12 months (the default maxAgeMonths) passes; 13 months or no date does not.
    const t = county(checked('FRESH', '2023-06'), checked('STALE', '2023-05'), checked('UNDATED', null))
    const m = moveCandidates(t, { includeNotReady: true })
    const of = (id: string) => m.up.find((c) => c.cadreId === id)!.readiness
    expect(of('FRESH')).toMatchObject({ integrityCleared: true, ready: true })
    expect(of('STALE')).toMatchObject({ integrityCleared: false, ready: false })
    expect(of('UNDATED')).toMatchObject({ integrityCleared: false, ready: false })
    expect(moveCandidates(t).up.map((c) => c.cadreId)).toEqual(['FRESH'])
  })

  it('lists a cadre not ready only when asked, with the reason', () => {
    const m = moveCandidates(s, { includeNotReady: true })
    const nw = m.up.find((c) => c.cadreId === 'NEW')!
    expect(nw.readiness).toMatchObject({ monthsAtRank: 12, monthsRequired: 24, ready: false })
  })

  it('attaches combined scores as evidence, latest first', () => {
    const m = moveCandidates(s, { scores: combinedScores(s) })
    expect(m.up.find((c) => c.cadreId === 'REC')!.scores).toEqual([
      { year: 2023, score: 93 },
      { year: 2022, score: 95 },
    ])
  })

  it('takes its thresholds from the policy or the options', () => {
    expect(moveCandidates(s, { excellentRun: 1 }).up.map((c) => c.cadreId)).toEqual(['UP', 'GAP', 'REC'])
    expect(moveCandidates(s, { basicRun: 1 }).down.map((c) => c.cadreId)).toEqual(['BASIC', 'ONCE', 'BAD'])
  })

  it('counts a fractional years-at-rank requirement as the ladder rule does (2.04 years: 25 months)', () => {
    const ladder = s.policy.people.ladder
    const fractional = {
      ...s,
      cadres: s.cadres.map((c) => (c.id === 'UP' ? { ...c, rankSince: '2022-06' } : c)),
      policy: {
        ...s.policy,
        people: {
          ...s.policy.people,
          ladder: { ...ladder, minYearsAtRank: { ...ladder.minYearsAtRank, [s.cadres[0]!.rank]: 2.04 } },
        },
      },
    }
    const up = moveCandidates(fractional, { includeNotReady: true }).up.find((c) => c.cadreId === 'UP')!
    expect(up.readiness).toMatchObject({ monthsAtRank: 24, monthsRequired: 25, ready: false })
  })

  it('agrees with adjustmentCandidates when the policy looks further back', () => {
    const moves = s.policy.assessment.moves
    const far = {
      ...s,
      cadres: [...s.cadres, graded('LONG', [2021, 'incompetent'], [2022, 'competent'])],
      policy: { ...s.policy, assessment: { ...s.policy.assessment, moves: { ...moves, lookbackYears: 3 } } },
    }
    const down = moveCandidates(far).down.filter((c) => c.reason === 'incompetent')
    const adjusted = adjustmentCandidates(far)
    // 2021 is within three years of 2024, not within the default one.
    expect(adjusted.map((c) => c.cadreId)).toContain('LONG')
    expect(adjustmentCandidates(s).map((c) => c.cadreId)).not.toContain('LONG')
    expect(down.map((c) => ({ cadreId: c.cadreId, postId: c.postId, ...c.grades[0] }))).toEqual(adjusted)
    // The top rung needs no months (never −0).
    const top = moveCandidates(s, { includeNotReady: true }).up.map((c) => c.readiness!.monthsRequired)
    for (const m of top) expect(Object.is(m, -0)).toBe(false)
  })

  it('agrees with adjustmentCandidates on incompetent grades', () => {
    const down = moveCandidates(s).down.filter((c) => c.reason === 'incompetent')
    expect(down.map((c) => ({ cadreId: c.cadreId, postId: c.postId, ...c.grades[0] }))).toEqual(
      adjustmentCandidates(s),
    )
  })
})

describe('yearlyGrades', () => {
  it('completes the yearly results with the grades of annual records, latest first', () => {
    const c = cadre('R', {
      assessments: [{ year: 2023, grade: 'competent' }],
      assessmentRecords: [
        { ...annual(2023, 95), grade: 'excellent' },
        { ...annual(2022, 60), grade: 'basic' },
        { year: 2021, kind: 'special', grade: 'excellent' },
      ],
    })
    expect(yearlyGrades(c)).toEqual([
      { year: 2023, grade: 'competent' },
      { year: 2022, grade: 'basic' },
    ])
  })
})
