/**
 * Every number of the policy is bounded to a range that keeps the model
 * sound: values that used to decode and then broke HiGHS ("model status
 * unknown") are issues at their path, naming the accepted range.
 */
import { describe, expect, it } from 'vitest'
import { validateProposal } from '../../src/check/index.js'
import { DEFAULT_POLICY, type Policy } from '../../src/domain/policy.js'
import { encodeScenario } from '../../src/io/index.js'
import { POLICY_LIMITS } from '../../src/io/policy-codec.js'
import { generateScenario } from '../../src/sample/index.js'
import { solve } from '../../src/proposals/index.js'
import { edit, full, type Json } from './fixtures.js'
import { messagesOf, scenarioOf } from './helpers.js'

const withPolicy = (policy: Json): Json => edit(full(), [['policy'], policy])

describe('policy ranges', () => {
  it('rejects a fit scale and penalties too large for the solver, naming the path and the range', () => {
    expect(
      messagesOf(
        withPolicy({
          fit: { scale: 1e300 },
          vacancy: { penalty: 1e308 },
          structure: { women: { penalty: 1e7 } },
        }),
      ),
    ).toEqual([
      'policy.fit.scale: expected number in 0–1000000, got 1e+300',
      'policy.vacancy.penalty: expected number in 0–1000000, got 1e+308',
      'policy.structure.women.penalty: expected number in 0–1000000, got 10000000',
    ])
  })

  it('bounds ages to 16–80, counts and years to their maxima, weights to 1e6', () => {
    expect(
      messagesOf(
        withPolicy({
          structure: { young: { maxAge: 90, min: 5000 }, averageAge: { min: 10 } },
          people: {
            retirement: { retirementAge: { male: 120 }, minYears: 100 },
            record: { minWorkAge: 12 },
            integrity: { maxAgeMonths: 5000 },
          },
          fit: { weights: { age: 1e9 } },
          assessment: { kinds: { annual: 1e7 }, moves: { excellentRun: 99 } },
        }),
      ),
    ).toEqual([
      'policy.structure.young.maxAge: expected number in 16–80, got 90',
      'policy.structure.young.min: expected integer in 0–1000, got 5000',
      'policy.structure.averageAge.min: expected number in 16–80 or null, got 10',
      'policy.people.retirement.retirementAge.male: expected number in 16–80, got 120',
      'policy.people.retirement.minYears: expected number in 0–60, got 100',
      'policy.people.record.minWorkAge: expected number in 16–80, got 12',
      'policy.people.integrity.maxAgeMonths: expected integer in 0–1200, got 5000',
      'policy.fit.weights.age: expected number in 0–1000000, got 1000000000',
      'policy.assessment.kinds.annual: expected number in 0–1000000, got 10000000',
      'policy.assessment.moves.excellentRun: expected integer in 1–60, got 99',
    ])
  })

  it('accepts the default policy, which lies within every range', () => {
    expect(scenarioOf(withPolicy(JSON.parse(JSON.stringify(DEFAULT_POLICY)) as Json)).policy).toEqual(
      DEFAULT_POLICY,
    )
  })

  it('solves optimally with every penalty and the fit scale at the largest accepted value', async () => {
    const max = POLICY_LIMITS.penalty
    const atMax = (section: object): Json =>
      Object.fromEntries(
        Object.entries(section).map(([k, v]) => [
          k,
          typeof v === 'object' && v !== null && 'penalty' in v ? { penalty: max } : {},
        ]),
      ) as Json
    const p: Policy = DEFAULT_POLICY
    // a small generated county: feasible with the default policy
    const county = encodeScenario(generateScenario({ seed: 7, cadres: 200 })) as { [key: string]: Json }
    const s = scenarioOf({
      ...county,
      policy: {
        structure: atMax(p.structure),
        stability: atMax(p.stability),
        people: atMax(p.people),
        vacancy: { penalty: max },
        fit: { scale: POLICY_LIMITS.weight },
      },
    })
    const r = await solve(s)
    expect(r._tag === 'Right' && r.right.status).toBe('optimal')
    if (r._tag === 'Right') expect(validateProposal(s, r.right)).toEqual([])
  })
})
