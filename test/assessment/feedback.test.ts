/**
 * Feedback lists (清单式反馈) and curves on a hand-made peer group: seven
 * section deputies with no specialty (one peer group), scored 2021–2023.
 * X is far below the others in ability and falling; everything else is equal.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  capabilityCurve,
  combinedScores,
  comparisonCurve,
  feedbackList,
  feedbackLists,
  trendSlope,
} from '../../src/assessment/index.js'
import type { Cadre, Scenario } from '../../src/domain/types.js'
import { annual, county, withRecords } from './fixtures.js'

const same = { political: 80, diligence: 80, performance: 80, integrity: 80 }
const peer = (id: string): Cadre =>
  withRecords(id, [
    annual(2021, 80, { ...same, ability: 80 }),
    annual(2022, 80, { ...same, ability: 80 }),
    annual(2023, 80, { ...same, ability: 80 }),
  ])
const x = withRecords('X', [
  annual(2021, 90, { ...same, ability: 70 }),
  annual(2022, 85, { ...same, ability: 60 }),
  annual(2023, 80, { ...same, ability: 50 }),
  { year: 2023, kind: 'ongoing', evaluators: { superiors: 70, public: 90 } },
])
const roster = [peer('P1'), peer('P2'), x, peer('P3'), peer('P4'), peer('P5'), peer('P6')]
const s = county(...roster)

const listOf = (sc: Scenario, id: string) => {
  const r = feedbackList(sc, id)
  if (r._tag === 'Left') throw new Error(r.left._tag)
  return r.right
}

describe('feedbackList', () => {
  const list = listOf(s, 'X')

  it('names the weak indicator with the numbers', () => {
    const values = [80, 80, 80, 80, 80, 80, 50]
    const mean = values.reduce((a, b) => a + b, 0) / 7
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / 7)
    expect(list.weaknesses).toHaveLength(1)
    const w = list.weaknesses[0]!
    expect(w).toMatchObject({ indicator: 'ability', value: 50, percentile: 0, peers: 7 })
    expect(w.peerMean).toBeCloseTo(mean, 12)
    expect(w.peerSd).toBeCloseTo(sd, 12)
    expect(w.z).toBeCloseTo((50 - mean) / sd, 12)
    // indicators equal across the group have no spread: no comparison, and the list says so
    expect(list.strengths).toEqual([])
    expect(list.compared).toBe(true)
    expect(list.notCompared).toEqual(
      ['political', 'diligence', 'performance', 'integrity'].map((indicator) => ({
        indicator,
        reason: 'no-spread',
      })),
    )
  })

  it('warns of what fell two years running', () => {
    // combined 2023: annual 80 (0.5/0.8) and ongoing (0.4·70 + 0.1·90)/0.5 = 74 (0.3/0.8)
    const combined2023 = (0.5 * 80 + 0.3 * 74) / 0.8
    expect(list.score).toBeCloseTo(combined2023, 12)
    expect(list.absent).toEqual(['special'])
    expect(list.warnings.map((w) => [w.subject, w.years])).toEqual([
      ['combined', [2021, 2022, 2023]],
      ['ability', [2021, 2022, 2023]],
    ])
    expect(list.warnings[1]!.values).toEqual([70, 60, 50])
  })

  it('maps each weakness to its training topic', () => {
    expect(list.training).toEqual([
      { indicator: 'ability', topic: 'professional-skills', because: ['below-peers', 'falling'] },
    ])
  })

  it('makes no comparison in a group smaller than minPeers', () => {
    const small = county(peer('P1'), x)
    const l = listOf(small, 'X')
    expect(l.compared).toBe(false)
    expect(l.weaknesses).toEqual([])
    // the whole list is not compared: no indicator is listed one by one
    expect(l.notCompared).toEqual([])
    // the trend needs no peers
    expect(l.training.map((t) => t.because)).toEqual([['falling']])
  })

  it('lists peers symmetric about the mean on paper as a strength and a weakness alike (z = ±deviation)', () => {
    // Two peers k/10 and (k + 2j)/10: mean (k + j)/10, population sd j/10, z = −1 and +1 on paper.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_990 }), fc.integer({ min: 1, max: 500 }), (k, j) => {
        const lo = k / 10
        const hi = (k + 2 * j) / 10
        const base = county(
          withRecords('L', [{ year: 2024, kind: 'annual', indicators: { political: lo } }]),
          withRecords('H', [{ year: 2024, kind: 'annual', indicators: { political: hi } }]),
        )
        const a = base.policy.assessment
        const two: Scenario = {
          ...base,
          policy: {
            ...base.policy,
            assessment: { ...a, feedback: { ...a.feedback, deviation: 1, minPeers: 1 } },
          },
        }
        const l = listOf(two, 'L')
        const h = listOf(two, 'H')
        expect(l.weaknesses.map((r) => r.z)).toEqual([-1])
        expect(h.strengths.map((r) => r.z)).toEqual([1])
        expect([l.strengths, h.weaknesses]).toEqual([[], []])
      }),
      { numRuns: 300, seed: 31 },
    )
  })

  it('never calls an indicator with no spread a strength or a weakness, at any deviation, and says why', () => {
    // n cadres with the same political score v (sd 0, z would be 0) and ability 70 + i (a spread)
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 2, max: 9 }),
        fc.constantFrom(0, 0.25, 0.5, 1, 2),
        (k, n, deviation) => {
          const v = k / 10
          const base = county(
            ...Array.from({ length: n }, (_, i) =>
              withRecords(`C${i}`, [
                { year: 2024, kind: 'annual', indicators: { political: v, ability: 70 + i } },
              ]),
            ),
          )
          const a = base.policy.assessment
          const sc: Scenario = {
            ...base,
            policy: {
              ...base.policy,
              assessment: { ...a, feedback: { ...a.feedback, deviation, minPeers: 1 } },
            },
          }
          for (const l of feedbackLists(sc)) {
            expect(l.compared).toBe(true)
            const classified = [...l.strengths, ...l.weaknesses]
            expect(classified.map((r) => r.indicator)).not.toContain('political')
            // what is classified lies off the mean: z = 0 is neither above nor below
            for (const r of classified) expect(r.z).not.toBe(0)
            expect(l.notCompared).toEqual([{ indicator: 'political', reason: 'no-spread' }])
          }
        },
      ),
      { numRuns: 200, seed: 7 },
    )
  })

  it('does not call a score at the peer mean a strength when deviation is 0 (z = 0 is neither)', () => {
    // ability 72 … 78: the cadre at 75 is the mean (z = 0); was listed as a strength with z 0
    const base = county(
      ...[72, 73, 74, 75, 76, 77, 78].map((v) =>
        withRecords(`A${v}`, [{ year: 2024, kind: 'annual', indicators: { ability: v } }]),
      ),
    )
    const a = base.policy.assessment
    const zero: Scenario = {
      ...base,
      policy: { ...base.policy, assessment: { ...a, feedback: { ...a.feedback, deviation: 0 } } },
    }
    const mid = listOf(zero, 'A75')
    expect([mid.strengths, mid.weaknesses, mid.notCompared]).toEqual([[], [], []])
    expect(listOf(zero, 'A76').strengths.map((r) => r.z)).toEqual([0.5])
    expect(listOf(zero, 'A74').weaknesses.map((r) => r.z)).toEqual([-0.5])
  })

  it('says which indicators too few peers have', () => {
    // six peers have ability; only X and one other have political
    const few = county(
      ...Array.from({ length: 6 }, (_, i) =>
        withRecords(`F${i}`, [
          {
            year: 2024,
            kind: 'annual',
            indicators: i === 0 ? { ability: 70 + i, political: 60 } : { ability: 70 + i },
          },
        ]),
      ),
      withRecords('X', [{ year: 2024, kind: 'annual', indicators: { ability: 90, political: 90 } }]),
    )
    const l = listOf(few, 'X')
    expect(l.compared).toBe(true)
    expect(l.strengths.map((r) => r.indicator)).toEqual(['ability'])
    expect(l.notCompared).toEqual([{ indicator: 'political', reason: 'few-peers' }])
  })

  it('returns UnknownCadre as a value', () => {
    expect(feedbackList(s, 'nobody')).toEqual({
      _tag: 'Left',
      left: { _tag: 'UnknownCadre', cadreId: 'nobody' },
    })
  })

  it('does not warn of a score that stayed the same, computed three ways', () => {
    const v = 60.1
    const l = listOf(
      county(
        withRecords('S', [
          { year: 2021, kind: 'annual', evaluators: { superiors: v, peers: v, subordinates: v, public: v } },
          {
            year: 2022,
            kind: 'annual',
            indicators: { political: v, ability: v, diligence: v, performance: v, integrity: v },
          },
          annual(2023, v),
        ]),
      ),
      'S',
    )
    // was 'falling': [60.100000000000016, 60.10000000000001, 60.1]
    expect(l.warnings).toEqual([])
    expect(l.score).toBe(60.1)
  })

  it('gives an empty list to a cadre with no scored year', () => {
    const l = listOf(county(withRecords('E', []), x), 'E')
    expect(l).toMatchObject({
      year: null,
      score: null,
      peerRank: null,
      strengths: [],
      notCompared: [],
      training: [],
    })
  })
})

describe('feedbackLists', () => {
  it('agrees with feedbackList for every cadre', () => {
    const all = feedbackLists(s)
    expect(all.map((l) => l.cadreId)).toEqual(roster.map((c) => c.id))
    for (const l of all) expect(l).toEqual(listOf(s, l.cadreId))
  })

  it('is deterministic: the same lists, byte for byte, whatever the roster order', () => {
    const once = JSON.stringify(feedbackLists(s))
    expect(JSON.stringify(feedbackLists(s))).toBe(once)
    const reversed = feedbackLists(county(...[...roster].reverse()))
    const byId = (ls: typeof reversed) =>
      JSON.stringify([...ls].sort((a, b) => (a.cadreId < b.cadreId ? -1 : 1)))
    expect(byId(reversed)).toBe(byId(feedbackLists(s)))
  })
})

describe('curves', () => {
  it('fits a least-squares slope', () => {
    expect(trendSlope([2021, 2022, 2023], [80, 78, 76])).toBeCloseTo(-2, 12)
    expect(trendSlope([2021, 2022, 2023], [1, 3, 2])).toBeCloseTo(0.5, 12)
    expect(trendSlope([2023], [80])).toBeNull()
  })

  it('refuses a slope of values that are not finite or not one per year (RangeError, never NaN)', () => {
    expect(() => trendSlope([2021, 2022, 2023], [80, NaN, 76])).toThrow(
      new RangeError('trendSlope: values[1]: expected a finite number, got NaN'),
    )
    expect(() => trendSlope([2021, 2022], [80, Infinity])).toThrow(
      new RangeError('trendSlope: values[1]: expected a finite number, got Infinity'),
    )
    expect(() => trendSlope([2021, NaN], [80, 78])).toThrow(
      new RangeError('trendSlope: years[1]: expected a finite number, got NaN'),
    )
    expect(() => trendSlope([2021, 2022, 2023], [80, 78])).toThrow(
      new RangeError('trendSlope: values: expected 3 values (one per year), got 2'),
    )
    expect(() => trendSlope([2021], [80, 78])).toThrow(RangeError)
  })

  it('draws the comparison curve against the peer percentile band', () => {
    const band = county(...[60, 70, 80, 90, 100].map((v, i) => withRecords(`B${i}`, [annual(2023, v)])))
    const r = comparisonCurve(band, 'B1')
    if (r._tag === 'Left') throw new Error(r.left._tag)
    expect(r.right.points).toEqual([
      { year: 2023, score: 70, p10: 64, p25: 70, p50: 80, p75: 90, p90: 96, peers: 5 },
    ])
    expect(r.right.spec['$schema']).toBe('https://vega.github.io/schema/vega-lite/v5.json')
    expect((r.right.spec['data'] as { values: unknown[] }).values).toHaveLength(1)
  })

  it('shows the scores of each rater group', () => {
    const r = comparisonCurve(s, 'X')
    if (r._tag === 'Left') throw new Error(r.left._tag)
    expect(r.right.evaluators).toEqual([
      { year: 2023, group: 'superiors', score: 70 },
      { year: 2023, group: 'public', score: 90 },
    ])
    expect(r.right.points.map((p) => p.year)).toEqual([2021, 2022, 2023])
    expect((r.right.evaluatorSpec['data'] as { values: unknown[] }).values).toEqual(r.right.evaluators)
  })

  it('draws the capability curve with its slopes', () => {
    const r = capabilityCurve(s, 'X')
    if (r._tag === 'Left') throw new Error(r.left._tag)
    const ability = r.right.series.find((x) => x.subject === 'ability')!
    expect(ability.points).toEqual([
      { year: 2021, value: 70 },
      { year: 2022, value: 60 },
      { year: 2023, value: 50 },
    ])
    expect(ability.slope).toBeCloseTo(-10, 12)
    expect(r.right.series.map((x) => x.subject)).toEqual([
      'combined',
      'political',
      'ability',
      'diligence',
      'performance',
      'integrity',
    ])
    expect(capabilityCurve(s, 'nobody')._tag).toBe('Left')
  })

  it('accepts scores computed once', () => {
    const scores = combinedScores(s)
    expect(comparisonCurve(s, 'X', scores)).toEqual(comparisonCurve(s, 'X'))
  })

  it('takes the rater groups by cadre id, whatever the order of the scenario the scores came from', () => {
    const scores = combinedScores(s)
    const reversed: Scenario = { ...s, cadres: [...s.cadres].reverse() }
    const r = comparisonCurve(reversed, 'X', scores)
    if (r._tag === 'Left') throw new Error(r.left._tag)
    expect(r.right.evaluators).toEqual([
      { year: 2023, group: 'superiors', score: 70 },
      { year: 2023, group: 'public', score: 90 },
    ])
  })

  it('answers UnknownCadre, never throws, for a cadre the scores have and the scenario not', () => {
    const scores = combinedScores(s)
    const fewer: Scenario = { ...s, cadres: s.cadres.filter((c) => c.id !== 'X') }
    expect(comparisonCurve(fewer, 'X', scores)).toEqual({
      _tag: 'Left',
      left: { _tag: 'UnknownCadre', cadreId: 'X' },
    })
  })
})
