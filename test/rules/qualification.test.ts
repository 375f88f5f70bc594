/**
 * Years to retirement, education facts and candidates for adjustment, on the
 * validator's hand-made county (test/check/fixtures.ts, reference month 2024-06).
 */
import { describe, expect, it } from 'vitest'
import { validateProposal } from '../../src/check/index.js'
import type { Cadre, Scenario } from '../../src/domain/types.js'
import { adjustmentCandidates, contextOf, pairVerdicts } from '../../src/rules/index.js'
import { cloneOf, scenario, swapClone, where, withCadres, withPolicy } from '../check/fixtures.js'

function verdicts(s: Scenario, cadre: Cadre, postId: string) {
  const s2 = withCadres(s, cadre)
  const ctx = contextOf(s2)
  return pairVerdicts(ctx, ctx.cadreIndex.get(cadre.id)!, postId)
}
const codes = (s: Scenario, cadre: Cadre, postId: string) =>
  verdicts(s, cadre, postId).map((v) => (v._tag === 'ok' ? 'ok' : `${v._tag}:${v.code}`))

// P16 is a section-chief post: for C5 (a section deputy since 2018) it is a promotion.
const woman = (birth: string) => cloneOf('C5', 'X1', { gender: 'female', birth })

describe('age.years-to-retirement', () => {
  it('allows a promotion with exactly two years left: born in the reference month, 53 today', () => {
    expect(codes(scenario(), woman('1971-06'), 'P16')).toEqual([])
  })

  it('blocks it one month short', () => {
    expect(codes(scenario(), woman('1971-05'), 'P16')).toEqual(['blocked:age.years-to-retirement'])
  })

  it('reads the retirement age of the gender', () => {
    // The same birth month leaves a man (60) seven years.
    expect(codes(scenario(), cloneOf('C5', 'X1', { birth: '1971-05' }), 'P16')).toEqual([])
  })

  it('follows the policy, and does not apply to a lateral move', () => {
    const later = withPolicy(scenario(), { people: { retirement: { retirementAge: { female: 58 } } } })
    expect(codes(later, woman('1971-05'), 'P16')).toEqual([])
    expect(codes(scenario(), cloneOf('C7', 'X1', { gender: 'female', birth: '1971-05' }), 'P14')).toEqual([])
  })

  it('is re-checked by the validator at the same boundary', () => {
    const short = swapClone('P16', { gender: 'female', birth: '1971-05' })
    expect(where(validateProposal(short.scenario, short.proposal))).toEqual([
      'age.years-to-retirement @ T1/P16/X1',
    ])
    const exact = swapClone('P16', { gender: 'female', birth: '1971-06' })
    expect(validateProposal(exact.scenario, exact.proposal)).toEqual([])
  })
})

describe('education.min-level', () => {
  it('notes in its facts whether the education was full-time', () => {
    const c = cloneOf('C7', 'X1', { education: { level: 'secondary', fullTime: false } })
    const v = verdicts(scenario(), c, 'P14')[0]
    expect(v?._tag === 'blocked' && v.facts).toEqual({
      level: 'secondary',
      fullTime: false,
      min: 'junior-college',
    })
  })
})

describe('education.min-level per post kind', () => {
  // P16 is a deputy post, P15 a head post; X1 has a junior-college education.
  const college = cloneOf('C5', 'X1', { education: { level: 'junior-college', fullTime: true } })
  const s = withPolicy(scenario(), { people: { education: { minLevelPerKind: { deputy: 'bachelor' } } } })

  it('applies the level of the post kind where set, minLevel elsewhere', () => {
    expect(codes(s, college, 'P16')).toEqual(['blocked:education.min-level'])
    expect(codes(scenario(), college, 'P16')).toEqual([])
  })

  it('is re-checked by the validator with the same level', () => {
    const m = swapClone('P16', { education: { level: 'junior-college', fullTime: true } }, s)
    expect(where(validateProposal(m.scenario, m.proposal))).toEqual(['education.min-level @ T1/P16/X1'])
  })
})

describe('adjustmentCandidates', () => {
  const graded = (id: string, ...a: Cadre['assessments']) => cloneOf('C7', id, { assessments: a })

  it('lists cadres graded incompetent for the last year, with their post', () => {
    const s = withCadres(
      scenario(),
      graded('X1', { year: 2023, grade: 'incompetent' }),
      graded('X2', { year: 2022, grade: 'incompetent' }, { year: 2023, grade: 'competent' }),
      graded('X3', { year: 2023, grade: 'basic' }),
    )
    expect(adjustmentCandidates(s)).toEqual([
      { cadreId: 'X1', postId: null, year: 2023, grade: 'incompetent' },
    ])
  })

  it('takes other grades and years as options', () => {
    const s = withCadres(scenario(), graded('X3', { year: 2022, grade: 'basic' }))
    expect(adjustmentCandidates(s, { grades: ['basic'], lookbackYears: 2 }).map((c) => c.cadreId)).toEqual([
      'X3',
    ])
  })
})
