/**
 * Properties of combined scores on random records (seed 42 so a failure
 * replays): in every scored year the weights of the present kinds sum to 1,
 * every kind is either a source or listed absent, a kind weighed by the policy
 * without a scored record is absent and marks the year renormalised, and the
 * score lies between the smallest and largest source score. With random kind
 * weights, some of them 0: every kind is exactly one of source, absent and
 * weighted out; a kind the policy weighs 0 is weighted out, never absent
 * (missing data), whether or not it was scored.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cadreYearScores } from '../../src/assessment/index.js'
import { DEFAULT_POLICY, resolvePolicy } from '../../src/domain/policy.js'
import type { AssessmentKind, AssessmentRecord } from '../../src/domain/types.js'
import { withRecords } from './fixtures.js'

const RUNS = { seed: 42, numRuns: 300 }
const score = fc.integer({ min: 0, max: 100 })

const record: fc.Arbitrary<AssessmentRecord> = fc
  .record(
    {
      year: fc.integer({ min: 2019, max: 2023 }),
      kind: fc.constantFrom('annual' as const, 'ongoing' as const, 'special' as const),
      score,
      indicators: fc.dictionary(
        fc.constantFrom('political', 'ability', 'diligence', 'performance', 'integrity', 'other'),
        score,
      ),
      evaluators: fc.record(
        { superiors: score, peers: score, subordinates: score, public: score },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['year', 'kind'] },
  )
  .map((r) => r as AssessmentRecord)

describe('combined scores: missing sources renormalise', () => {
  it('holds for random records', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), (records) => {
        for (const y of cadreYearScores(withRecords('R', records), DEFAULT_POLICY.assessment)) {
          expect(y.sources.reduce((s, x) => s + x.weight, 0)).toBeCloseTo(1, 12)
          expect([...y.sources.map((x) => x.kind), ...y.absent].sort()).toEqual([
            'annual',
            'ongoing',
            'special',
          ])
          expect(y.renormalised).toBe(y.absent.length > 0)
          expect(y.weightedOut).toEqual([])
          const scores = y.sources.map((x) => x.score)
          expect(y.score).toBeGreaterThanOrEqual(Math.min(...scores) - 1e-9)
          expect(y.score).toBeLessThanOrEqual(Math.max(...scores) + 1e-9)
          for (const kind of y.absent) {
            const scored = records.some(
              (r) =>
                r.year === y.year &&
                r.kind === kind &&
                (r.score !== undefined ||
                  Object.keys(r.indicators ?? {}).some((k) => k !== 'other') ||
                  Object.keys(r.evaluators ?? {}).length > 0),
            )
            expect(scored).toBe(false)
          }
        }
      }),
      RUNS,
    )
  })
})

/** Whether a record of the random ones is scored (an own score, a policy indicator or a rater group). */
const scored = (r: AssessmentRecord): boolean =>
  r.score !== undefined ||
  Object.keys(r.indicators ?? {}).some((k) => k !== 'other') ||
  Object.keys(r.evaluators ?? {}).length > 0

describe('combined scores: a kind weighed 0 is weighted out, not missing', () => {
  const kindWeight = fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 10 }).map((k) => k / 10),
  )
  it('holds for random records and random kind weights', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 12 }),
        fc.record({ annual: kindWeight, ongoing: kindWeight, special: kindWeight }),
        (records, kinds) => {
          const policy = resolvePolicy({ assessment: { kinds } }).assessment
          const zero = (['annual', 'ongoing', 'special'] as const).filter((k) => kinds[k] === 0)
          for (const y of cadreYearScores(withRecords('R', records), policy)) {
            expect(y.sources.reduce((s, x) => s + x.weight, 0)).toBeCloseTo(1, 12)
            const all: AssessmentKind[] = [...y.sources.map((x) => x.kind), ...y.absent, ...y.weightedOut]
            expect(all.sort()).toEqual(['annual', 'ongoing', 'special'])
            expect(y.weightedOut).toEqual(zero)
            expect(y.renormalised).toBe(y.absent.length > 0)
            for (const kind of y.absent) {
              expect(kinds[kind]).toBeGreaterThan(0)
              // absent means missing data: no scored record of the kind that year
              expect(records.some((r) => r.year === y.year && r.kind === kind && scored(r))).toBe(false)
            }
          }
        },
      ),
      RUNS,
    )
  })
})
