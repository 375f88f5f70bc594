/** TOPSIS ranking for a post profile (rankForProfile) on hand-made latest indicator profiles. */
import { describe, expect, it } from 'vitest'
import {
  combinedScores,
  entropyWeights,
  indicatorEntropyWeights,
  rankForProfile,
  topsis,
} from '../../src/assessment/index.js'
import { annual, county, withRecords } from './fixtures.js'

const s = county(
  withRecords('A', [annual(2023, 80, { performance: 90, ability: 70 })]),
  withRecords('B', [annual(2023, 80, { performance: 70, ability: 90 })]),
  withRecords('C', [
    annual(2022, 60, { performance: 60, ability: 60 }),
    annual(2023, 80, { performance: 80, ability: 80 }),
  ]),
  withRecords('D', [annual(2023, 80, { performance: 99 })]),
  withRecords('E', []),
)

describe('rankForProfile', () => {
  it('ranks by TOPSIS on the latest indicator profile', () => {
    const r = rankForProfile(s, { weights: { performance: 0.75, ability: 0.25 }, cadreIds: ['A', 'B', 'C'] })
    if (r._tag === 'Left') throw new Error(r.left._tag)
    const direct = topsis(
      [
        [90, 70],
        [70, 90],
        [80, 80],
      ],
      [0.75, 0.25],
    )
    if (direct._tag === 'Left') throw new Error(direct.left._tag)
    // in policy order
    expect(r.right.indicators).toEqual(['ability', 'performance'])
    expect(r.right.ranked.map((x) => x.cadreId)).toEqual(['A', 'C', 'B'])
    expect(r.right.ranked.map((x) => x.closeness)).toEqual(
      direct.right.order.map((i) => direct.right.closeness[i]),
    )
    expect(r.right.ranked[0]).toMatchObject({ year: 2023, rank: 1 })
  })

  it('lists whom it could not rank, and why, instead of scoring them 0', () => {
    const r = rankForProfile(s, { weights: { performance: 1, ability: 1 }, cadreIds: ['A', 'D', 'E', 'Z'] })
    if (r._tag === 'Left') throw new Error(r.left._tag)
    expect(r.right.ranked.map((x) => x.cadreId)).toEqual(['A'])
    expect(r.right.excluded).toEqual([
      { cadreId: 'D', reason: 'missing-indicators', missing: ['ability'] },
      { cadreId: 'E', reason: 'no-score', missing: [] },
      { cadreId: 'Z', reason: 'unknown', missing: [] },
    ])
  })

  it('returns errors as values', () => {
    expect(rankForProfile(s, { weights: { charisma: 1 } })).toEqual({
      _tag: 'Left',
      left: { _tag: 'UnknownIndicator', indicator: 'charisma' },
    })
    expect(rankForProfile(s, { weights: { ability: 1 }, cadreIds: ['E'] })).toEqual({
      _tag: 'Left',
      left: { _tag: 'NoCandidate' },
    })
  })

  it('refuses a candidate listed twice, naming it (it would move every closeness)', () => {
    expect(
      rankForProfile(s, { weights: { performance: 1, ability: 1 }, cadreIds: ['A', 'B', 'A', 'B'] }),
    ).toEqual({ _tag: 'Left', left: { _tag: 'DuplicateCadre', cadreId: 'A' } })
    // an unknown id listed twice is refused too
    expect(rankForProfile(s, { weights: { ability: 1 }, cadreIds: ['Z', 'A', 'Z'] })).toEqual({
      _tag: 'Left',
      left: { _tag: 'DuplicateCadre', cadreId: 'Z' },
    })
  })

  it('refuses a weight that is negative or not finite, as topsis does, naming the indicator', () => {
    for (const bad of [-1, NaN, Infinity, -Infinity])
      expect(rankForProfile(s, { weights: { performance: 1, ability: bad } })).toEqual({
        _tag: 'Left',
        left: {
          _tag: 'BadWeights',
          reason: `profile.weights.ability: expected a finite weight ≥ 0, got ${bad}`,
        },
      })
    expect(topsis([[1, 2]], [1, -1])._tag).toBe('Left')
    // a weight of 0 leaves the indicator out, as before
    const r = rankForProfile(s, { weights: { performance: 1, ability: 0 }, cadreIds: ['A', 'B'] })
    expect(r._tag === 'Right' && r.right.indicators).toEqual(['performance'])
  })
})

describe('indicatorEntropyWeights', () => {
  const all = (a: number, b: number) => ({
    political: a,
    ability: b,
    diligence: 80,
    performance: 80,
    integrity: 80,
  })
  const data = county(
    withRecords('A', [annual(2022, 80, all(90, 50)), annual(2023, 80, all(60, 70))]),
    withRecords('B', [annual(2023, 80, all(70, 70))]),
    withRecords('C', [annual(2023, 80, { political: 90 })]),
  )

  it('weighs the indicators of the complete profiles of a year by their entropy', () => {
    const r = indicatorEntropyWeights(combinedScores(data))
    const direct = entropyWeights([
      [60, 70, 80, 80, 80],
      [70, 70, 80, 80, 80],
    ])
    if (r._tag === 'Left' || direct._tag === 'Left') throw new Error('expected weights')
    // only political varies: it takes all the weight; C's incomplete profile is left out
    expect(r.right).toEqual({
      indicators: ['political', 'ability', 'diligence', 'performance', 'integrity'],
      weights: direct.right.weights,
      cadres: 2,
    })
    expect(r.right.weights).toEqual([1, 0, 0, 0, 0])
  })

  it('reads the year asked for, and says when the data are too few', () => {
    expect(indicatorEntropyWeights(combinedScores(data), 2022)).toEqual({
      _tag: 'Left',
      left: { _tag: 'TooFewRows', rows: 1 },
    })
  })
})
