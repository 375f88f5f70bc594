/**
 * The optional combined-score fit component: absent and without effect at its
 * default weight 0; the latest combined score / 100 when weighted.
 */
import { describe, expect, it } from 'vitest'
import { resolvePolicy } from '../../src/domain/policy.js'
import { fitComponents, fitScore } from '../../src/scoring/index.js'
import { cadreOf, scenario, TEAMS } from '../check/fixtures.js'

const post = TEAMS[0]!.posts[0]!

describe('fit component "combined"', () => {
  const base = scenario()
  const c = { ...cadreOf('C1'), assessmentRecords: [{ year: 2023, kind: 'annual' as const, score: 90 }] }

  it('is left out at weight 0, so fits are unchanged', () => {
    const comps = fitComponents(base, c, post)
    expect('combined' in comps).toBe(false)
    expect(fitScore(base, comps)).toBe(fitScore(base, fitComponents(base, cadreOf('C1'), post)))
  })

  it('is the latest combined score / 100 when weighted', () => {
    const weighted = { ...base, policy: resolvePolicy({ fit: { weights: { combined: 0.2 } } }) }
    const comps = fitComponents(weighted, c, post)
    expect(comps.combined).toBeCloseTo(0.9, 12)
    const w = weighted.policy.fit.weights
    const expected =
      ((w.specialty * comps.specialty +
        w.assessment * comps.assessment +
        w.experience * comps.experience +
        w.age * comps.age +
        0.2 * 0.9) /
        (w.specialty + w.assessment + w.experience + w.age + 0.2)) *
      100
    expect(fitScore(weighted, comps)).toBeCloseTo(expected, 5)
    // a cadre with no scored year takes the neutral 0.5
    expect(fitComponents(weighted, { ...cadreOf('C1'), assessments: [] }, post).combined).toBe(0.5)
  })
})
