/**
 * Properties of combined scores on random records (seed 42 so a failure
 * replays): in every scored year the weights of the present kinds sum to 1,
 * every kind is either a source or listed absent, a kind weighed by the policy
 * without a scored record is absent and marks the year renormalised, and the
 * score lies between the smallest and largest source score.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cadreYearScores } from '../../src/assessment/index.js'
import { DEFAULT_POLICY } from '../../src/domain/policy.js'
import type { AssessmentRecord } from '../../src/domain/types.js'
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
