/**
 * Combined scores (三结合) against hand computations with the default policy:
 * indicators 德能勤绩廉 weighted 0.25, 0.2, 0.15, 0.3, 0.1; kinds annual 0.5,
 * ongoing 0.3, special 0.2; rater groups 0.4, 0.3, 0.2, 0.1.
 */
import { describe, expect, it } from 'vitest'
import { cadreYearScores, combinedScores, feedbackList, recordScore } from '../../src/assessment/index.js'
import { DEFAULT_POLICY, resolvePolicy } from '../../src/domain/policy.js'
import { cadre } from '../check/fixtures.js'
import { annual, county, withRecords } from './fixtures.js'

const policy = DEFAULT_POLICY.assessment

describe('recordScore', () => {
  it('takes a given score first', () => {
    expect(
      recordScore({ year: 2023, kind: 'special', score: 70, evaluators: { peers: 10 } }, policy),
    ).toEqual({
      score: 70,
      origin: 'score',
    })
  })

  it('weighs the indicators, renormalised over those present', () => {
    const all = { political: 80, ability: 90, diligence: 70, performance: 100, integrity: 60 }
    // 0.25·80 + 0.2·90 + 0.15·70 + 0.3·100 + 0.1·60 = 84.5
    expect(recordScore({ year: 2023, kind: 'annual', indicators: all }, policy)!.score).toBeCloseTo(84.5, 12)
    // (0.25·80 + 0.3·100) / 0.55
    expect(
      recordScore({ year: 2023, kind: 'annual', indicators: { political: 80, performance: 100 } }, policy)!
        .score,
    ).toBeCloseTo(50 / 0.55, 12)
  })

  it('weighs the rater groups, renormalised over those present', () => {
    // (0.4·90 + 0.3·80) / 0.7
    const r = recordScore({ year: 2023, kind: 'ongoing', evaluators: { superiors: 90, peers: 80 } }, policy)
    expect(r!.origin).toBe('evaluators')
    expect(r!.score).toBeCloseTo(60 / 0.7, 12)
  })

  it('gives no score, not zero, to a record with nothing scored', () => {
    expect(recordScore({ year: 2023, kind: 'ongoing' }, policy)).toBeNull()
    expect(recordScore({ year: 2023, kind: 'ongoing', indicators: {} }, policy)).toBeNull()
  })
})

describe('cadreYearScores', () => {
  const a = withRecords('A', [
    {
      year: 2023,
      kind: 'annual',
      indicators: { political: 80, ability: 90, diligence: 70, performance: 100, integrity: 60 },
    },
    { year: 2023, kind: 'ongoing', evaluators: { superiors: 90, peers: 80 } },
    { year: 2023, kind: 'special', score: 70 },
    annual(2022, 80),
    { year: 2022, kind: 'special', score: 60 },
  ])

  it('combines the three kinds with the policy weights', () => {
    const y2023 = cadreYearScores(a, policy)[1]!
    expect(y2023.year).toBe(2023)
    expect(y2023.score).toBeCloseTo(0.5 * 84.5 + (0.3 * 60) / 0.7 + 0.2 * 70, 12)
    expect(y2023.sources.map((s) => [s.kind, s.weight, s.origin])).toEqual([
      ['annual', 0.5, 'indicators'],
      ['ongoing', 0.3, 'evaluators'],
      ['special', 0.2, 'score'],
    ])
    expect(y2023.absent).toEqual([])
    expect(y2023.renormalised).toBe(false)
    expect(y2023.indicators).toEqual({
      political: 80,
      ability: 90,
      diligence: 70,
      performance: 100,
      integrity: 60,
    })
  })

  it('renormalises over the kinds present and lists the absent one', () => {
    const y2022 = cadreYearScores(a, policy)[0]!
    // annual 0.5/0.7, special 0.2/0.7
    expect(y2022.score).toBeCloseTo((0.5 * 80 + 0.2 * 60) / 0.7, 12)
    expect(y2022.sources.map((s) => s.weight)).toEqual([0.5 / 0.7, 0.2 / 0.7])
    expect(y2022.absent).toEqual(['ongoing'])
    expect(y2022.renormalised).toBe(true)
  })

  it('averages several records of one kind and weighs indicators by the kinds that scored them', () => {
    const c = withRecords('B', [
      { year: 2023, kind: 'ongoing', score: 80, indicators: { political: 70 } },
      { year: 2023, kind: 'ongoing', score: 90, indicators: { political: 90 } },
      { year: 2023, kind: 'annual', score: 60, indicators: { political: 60, ability: 50 } },
    ])
    const [y] = cadreYearScores(c, policy)
    expect(y!.sources.map((s) => [s.kind, s.score, s.records])).toEqual([
      ['annual', 60, 1],
      ['ongoing', 85, 2],
    ])
    // political: (0.5·60 + 0.3·80) / 0.8; ability only annual
    expect(y!.indicators).toEqual({ political: (0.5 * 60 + 0.3 * 80) / 0.8, ability: 50 })
  })

  it('takes a yearly score as the annual assessment when no annual record is scored', () => {
    const c = cadre('Y', { assessments: [{ year: 2023, grade: 'excellent', score: 92 }] })
    const [y] = cadreYearScores(c, policy)
    expect(y).toMatchObject({ year: 2023, score: 92, absent: ['ongoing', 'special'], renormalised: true })
    expect(y!.sources).toEqual([{ kind: 'annual', score: 92, weight: 1, records: 1, origin: 'yearly' }])
  })

  it('prefers a scored annual record to the yearly score', () => {
    const c = withRecords('Z', [annual(2023, 70)], {
      assessments: [{ year: 2023, grade: 'competent', score: 85 }],
    })
    expect(cadreYearScores(c, policy)[0]!.score).toBe(70)
  })

  it('scores no year from kinds the policy weighs 0', () => {
    const only = resolvePolicy({ assessment: { kinds: { annual: 1, ongoing: 0, special: 0 } } }).assessment
    expect(cadreYearScores(withRecords('S', [{ year: 2023, kind: 'special', score: 90 }]), only)).toEqual([])
    // a zero-weighted kind is weighted out, not absent (missing), and is no renormalisation
    const [y] = cadreYearScores(withRecords('S', [annual(2023, 90)]), only)
    expect(y).toMatchObject({
      score: 90,
      absent: [],
      weightedOut: ['ongoing', 'special'],
      renormalised: false,
    })
  })

  it('lists a kind the policy weighs 0 as weighted out, never as absent, even when it was scored', () => {
    // was absent: ['ongoing', 'special'], as if the special record (60) were missing data
    const noSpecial = resolvePolicy({ assessment: { kinds: { annual: 0.5, ongoing: 0.3, special: 0 } } })
    const c = withRecords('W', [annual(2023, 80), { year: 2023, kind: 'special', score: 60 }])
    const [y] = cadreYearScores(c, noSpecial.assessment)
    expect(y).toMatchObject({ score: 80, absent: ['ongoing'], weightedOut: ['special'], renormalised: true })
    expect(y!.sources.map((x) => [x.kind, x.weight])).toEqual([['annual', 1]])
    // and so in the combined scores and in the feedback list
    const s = { ...county(c), policy: noSpecial }
    expect(combinedScores(s).cadres[0]!.years[0]).toMatchObject({
      absent: ['ongoing'],
      weightedOut: ['special'],
    })
    const list = feedbackList(s, 'W')
    expect(list._tag === 'Right' && [list.right.absent, list.right.weightedOut]).toEqual([
      ['ongoing'],
      ['special'],
    ])
  })
})

describe('combinedScores', () => {
  const s = county(
    withRecords('A', [annual(2023, 80)]),
    withRecords('C', [annual(2023, 92)]),
    withRecords('B', [annual(2023, 92)]),
    withRecords('D', [annual(2023, 99)], { rank: 'section-chief' }),
    withRecords('E', []),
  )
  const scores = combinedScores(s)

  it('ranks peers of the same rank and category, ties by id', () => {
    const at = (id: string) => scores.cadres.find((c) => c.cadreId === id)!.years[0]!
    expect([at('B').peerRank, at('C').peerRank, at('A').peerRank]).toEqual([1, 2, 3])
    expect([at('B').percentile, at('C').percentile, at('A').percentile]).toEqual([50, 50, 0])
    expect(at('A').peers).toBe(3)
    // alone at their rank
    expect(at('D')).toMatchObject({ peerRank: 1, peers: 1, percentile: null })
  })

  it('ties equal scores however they were computed (no floating-point noise)', () => {
    const all = <K extends string>(keys: K[], v: number) => Object.fromEntries(keys.map((k) => [k, v]))
    const tied = combinedScores(
      county(
        withRecords('C1', [
          {
            year: 2023,
            kind: 'annual',
            evaluators: all(['superiors', 'peers', 'subordinates', 'public'], 85),
          },
        ]),
        withRecords('B1', [annual(2023, 85)]),
        withRecords('A1', [
          {
            year: 2023,
            kind: 'annual',
            indicators: all(['political', 'ability', 'diligence', 'performance', 'integrity'], 85),
          },
        ]),
      ),
    )
    // Σ wᵢ·85 / Σ wᵢ was 85.00000000000001: A1 and C1 ranked above B1, with percentile 50
    expect(
      tied.cadres.map((c) => [c.cadreId, c.years[0]!.score, c.years[0]!.peerRank, c.years[0]!.percentile]),
    ).toEqual([
      ['C1', 85, 3, 0],
      ['B1', 85, 2, 0],
      ['A1', 85, 1, 0],
    ])
  })

  it('keeps roster order and lists cadres with no scored year', () => {
    expect(scores.cadres.map((c) => c.cadreId)).toEqual(['A', 'C', 'B', 'D', 'E'])
    expect(scores.cadres[4]!.years).toEqual([])
    expect(scores.years).toEqual([2023])
    expect(scores.cadres[0]!.category).toBe('none')
  })
})
