/**
 * Scores equal on paper are equal as numbers (seed 42 so a failure replays):
 * a weighted mean of equal values is exactly that value whatever the
 * weights; a score reached from indicators, rater groups, a given score or
 * several kinds ties with the same score reached another way (ranks by id,
 * percentile 0, no "falling" warning); and a weighted mean of decimals equals
 * the decimal it stands for, floating-point noise removed.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cadreYearScores, combinedScores, feedbackList, recordScore } from '../../src/assessment/index.js'
import { roundScore, weightedMean } from '../../src/assessment/mean.js'
import { DEFAULT_POLICY } from '../../src/domain/policy.js'
import type { AssessmentKind, AssessmentRecord } from '../../src/domain/types.js'
import { county, withRecords } from './fixtures.js'

const RUNS = { seed: 42, numRuns: 300 }
const policy = DEFAULT_POLICY.assessment
const INDICATORS = ['political', 'ability', 'diligence', 'performance', 'integrity'] as const
const GROUPS = ['superiors', 'peers', 'subordinates', 'public'] as const

/** A score 0–100: any double, and often one with a decimal or two. */
const score = fc.oneof(
  fc.double({ min: 0, max: 100, noNaN: true }),
  fc.integer({ min: 0, max: 10000 }).map((k) => k / 100),
  fc.integer({ min: 0, max: 1000 }).map((k) => k / 10),
)

/** Ways of writing one score `v` in a record: as is, by indicators, by rater groups (non-empty subsets). */
const form = fc.oneof(
  fc.constant<{ how: 'score' }>({ how: 'score' }),
  fc.record({
    how: fc.constant('indicators' as const),
    keys: fc.subarray([...INDICATORS], { minLength: 1 }),
  }),
  fc.record({ how: fc.constant('evaluators' as const), keys: fc.subarray([...GROUPS], { minLength: 1 }) }),
)
type Form = typeof form extends fc.Arbitrary<infer F> ? F : never

const recordOf = (year: number, kind: AssessmentKind, v: number, f: Form): AssessmentRecord =>
  f.how === 'score'
    ? { year, kind, score: v }
    : f.how === 'indicators'
      ? { year, kind, indicators: Object.fromEntries(f.keys.map((k) => [k, v])) }
      : { year, kind, evaluators: Object.fromEntries(f.keys.map((k) => [k, v])) }

/** A year's records all worth `v`: a non-empty set of kinds, each with one or two records of some form. */
const yearRecords = fc.record({
  kinds: fc.subarray(['annual', 'ongoing', 'special'] as AssessmentKind[], { minLength: 1 }),
  forms: fc.array(form, { minLength: 1, maxLength: 2 }),
})
const recordsAt = (year: number, v: number, r: { kinds: AssessmentKind[]; forms: Form[] }) =>
  r.kinds.flatMap((kind) => r.forms.map((f) => recordOf(year, kind, v, f)))

describe('a weighted mean of equal values', () => {
  it('is exactly the value, whatever the weights', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.array(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (v, weights) => {
          expect(
            weightedMean(
              weights.map(() => v),
              weights,
            ),
          ).toBe(v)
        },
      ),
      RUNS,
    )
  })

  it('is exactly the value in a record, by indicators or by rater groups, with any policy weights', () => {
    fc.assert(
      fc.property(
        score,
        fc.array(fc.double({ min: 0.001, max: 10, noNaN: true }), { minLength: 5, maxLength: 5 }),
        fc.array(fc.double({ min: 0.001, max: 10, noNaN: true }), { minLength: 4, maxLength: 4 }),
        (v, iw, ew) => {
          const p = {
            ...policy,
            indicators: policy.indicators.map((spec, i) => ({ ...spec, weight: iw[i]! })),
            evaluators: Object.fromEntries(GROUPS.map((g, i) => [g, ew[i]!])) as typeof policy.evaluators,
          }
          const all = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, v]))
          expect(recordScore({ year: 2023, kind: 'annual', indicators: all(INDICATORS) }, p)!.score).toBe(v)
          expect(recordScore({ year: 2023, kind: 'annual', evaluators: all(GROUPS) }, p)!.score).toBe(v)
        },
      ),
      RUNS,
    )
  })

  it('is exactly the value in a year, however its records are written', () => {
    fc.assert(
      fc.property(score, yearRecords, (v, r) => {
        const [y] = cadreYearScores(withRecords('R', recordsAt(2023, v, r)), policy)
        expect(y!.score).toBe(v)
        for (const s of y!.sources) expect(s.score).toBe(v)
        for (const x of Object.values(y!.indicators)) expect(x).toBe(v)
      }),
      RUNS,
    )
  })
})

describe('equal scores computed different ways', () => {
  it('tie: ranked by cadre id, each with percentile 0', () => {
    fc.assert(
      fc.property(score, fc.array(yearRecords, { minLength: 2, maxLength: 6 }), (v, ways) => {
        const ids = ways.map((_, i) => `C${i}`)
        const scores = combinedScores(
          // roster order reversed, so that the order by id is not the roster's
          county(...ways.map((r, i) => withRecords(ids[i]!, recordsAt(2023, v, r))).reverse()),
        )
        const byId = [...scores.cadres].sort((a, b) => (a.cadreId < b.cadreId ? -1 : 1))
        expect(byId.map((c) => c.years[0]!.score)).toEqual(ids.map(() => v))
        expect(byId.map((c) => c.years[0]!.peerRank)).toEqual(ids.map((_, i) => i + 1))
        expect(byId.map((c) => c.years[0]!.percentile)).toEqual(ids.map(() => 0))
      }),
      RUNS,
    )
  })

  it('do not fall: the same score three years running, written three ways, warns of nothing', () => {
    fc.assert(
      fc.property(score, fc.array(yearRecords, { minLength: 3, maxLength: 3 }), (v, ways) => {
        const records = ways.flatMap((r, i) => recordsAt(2021 + i, v, r))
        const l = feedbackList(county(withRecords('X', records)), 'X')
        if (l._tag === 'Left') throw new Error(l.left._tag)
        expect(l.right.warnings).toEqual([])
      }),
      RUNS,
    )
  })

  it('tie when a weighted mean of decimals equals a decimal given as a score', () => {
    const tenths = fc.integer({ min: 0, max: 1000 })
    fc.assert(
      fc.property(
        fc.tuple(tenths, tenths, tenths),
        fc.tuple(tenths, tenths, tenths, tenths),
        ([a, b, c], [su, pe, sb, pu]) => {
          // in hundredths: annual 0.5, ongoing 0.3, special 0.2; rater groups 0.4, 0.3, 0.2, 0.1
          const kinds = (5 * a + 3 * b + 2 * c) / 100
          const groups = (4 * su + 3 * pe + 2 * sb + pu) / 100
          const s = county(
            withRecords('A', [
              { year: 2023, kind: 'annual', score: a / 10 },
              { year: 2023, kind: 'ongoing', score: b / 10 },
              { year: 2023, kind: 'special', score: c / 10 },
            ]),
            withRecords('B', [{ year: 2023, kind: 'annual', score: kinds }]),
            withRecords('C', [
              {
                year: 2023,
                kind: 'annual',
                evaluators: { superiors: su / 10, peers: pe / 10, subordinates: sb / 10, public: pu / 10 },
              },
            ]),
            withRecords('D', [{ year: 2023, kind: 'annual', score: groups }]),
          )
          const [A, B, C, D] = combinedScores(s).cadres.map((x) => x.years[0]!)
          expect(A!.score).toBe(B!.score)
          expect(C!.score).toBe(D!.score)
          expect(A!.percentile === B!.percentile && A!.peerRank + 1 === B!.peerRank).toBe(true)
          expect(C!.percentile === D!.percentile && C!.peerRank + 1 === D!.peerRank).toBe(true)
        },
      ),
      RUNS,
    )
  })
})

describe('roundScore', () => {
  it('leaves a decimal of a few digits as it is, and takes a relative error of 2^-50 back to it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 6 }), (k, d) => {
        const x = k / 10 ** d
        expect(roundScore(x)).toBe(x)
        expect(roundScore(x + x * 2 ** -50)).toBe(x)
        expect(roundScore(x - x * 2 ** -50)).toBe(x)
      }),
      RUNS,
    )
  })

  it('removes the noise of a few units in the last place', () => {
    expect(roundScore(85.00000000000001)).toBe(85)
    expect(roundScore(60.100000000000016)).toBe(60.1)
    expect(roundScore(0.30000000000000004)).toBe(0.3)
    expect(roundScore(99.99999999999999)).toBe(100)
    expect([0, -0, Infinity, NaN].map(roundScore)).toEqual([0, -0, Infinity, NaN])
  })
})
