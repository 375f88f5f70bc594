/**
 * Properties of the validator over arbitrary proposals for the fixed fixture
 * scenario: random ids (known, unknown, of the wrong type), nulls, duplicates
 * and junk elements. Seed 42 so a failure replays.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { auditProposal, validateProposal } from '../../src/check/index.js'
import { RULE_LABELS } from '../../src/domain/codes.js'
import type { Assignment, Proposal } from '../../src/domain/proposal.js'
import { CADRES, PLAN, proposal, scenario, TEAMS } from './fixtures.js'

const RUNS = { seed: 42, numRuns: 300 }

const postIds = TEAMS.flatMap((t) => t.posts.map((p) => p.id))
const cadreIds = CADRES.map((c) => c.id)

const anyPostId = fc.oneof(fc.constantFrom(...postIds, 'P99', ''), fc.string(), fc.constant(undefined))
const anyCadreId = fc.oneof(
  fc.constantFrom(...cadreIds, 'NOPE'),
  fc.constant(null),
  fc.string(),
  fc.integer(),
)
const anyAssignment = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      postId: anyPostId,
      cadreId: anyCadreId,
      teamId: fc.constantFrom(...TEAMS.map((t) => t.id), 'T99'),
      // Bounded so that a sum cannot overflow; the non-finite values are read as 0.
      fit: fc.oneof(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.anything() },
)

/** A proposal of arbitrary assignments: the other fields are copied from a valid one and never read. */
const anyProposal = fc
  .array(anyAssignment, { maxLength: 14 })
  .map((assignments) => ({ ...proposal(), assignments }) as unknown as Proposal)

/** Every open post exactly once, in a random order, each to a known cadre or left vacant. */
const wellFormed = fc
  .tuple(
    fc.array(fc.option(fc.constantFrom(...cadreIds), { nil: null }), {
      minLength: PLAN.length,
      maxLength: PLAN.length,
    }),
    fc.array(fc.nat(), { minLength: PLAN.length, maxLength: PLAN.length }),
  )
  .map(([who, keys]) => {
    const assignments = PLAN.map((p, i) => ({
      ...(proposal().assignments[i] as Assignment),
      cadreId: who[i] ?? null,
      postId: p.postId,
    }))
    const order = assignments.map((a, i) => ({ a, k: keys[i] ?? 0 })).sort((x, y) => x.k - y.k)
    return {
      ordered: { ...proposal(), assignments },
      shuffled: { ...proposal(), assignments: order.map((o) => o.a) },
    }
  })

describe('validateProposal on arbitrary proposals', () => {
  it('never throws, and names only known rule codes', () => {
    const s = scenario()
    fc.assert(
      fc.property(anyProposal, (p) => {
        const vs = validateProposal(s, p)
        for (const v of vs) expect(Object.keys(RULE_LABELS)).toContain(v.code)
        const audit = auditProposal(s, p)
        expect(audit.violations).toEqual(vs)
        expect(Number.isFinite(audit.objective)).toBe(true)
      }),
      RUNS,
    )
  })

  it('is deterministic: the same input gives the same output', () => {
    fc.assert(
      fc.property(anyProposal, (p) => {
        expect(validateProposal(scenario(), p)).toEqual(validateProposal(scenario(), structuredClone(p)))
        expect(auditProposal(scenario(), p)).toEqual(auditProposal(scenario(), structuredClone(p)))
      }),
      RUNS,
    )
  })

  it('does not depend on the order of a well-formed proposal', () => {
    fc.assert(
      fc.property(wellFormed, ({ ordered, shuffled }) => {
        expect(auditProposal(scenario(), shuffled)).toEqual(auditProposal(scenario(), ordered))
      }),
      RUNS,
    )
  })

  it('recomputes the objective as fit minus soft cost, with non-negative costs', () => {
    fc.assert(
      fc.property(wellFormed, ({ ordered }) => {
        const audit = auditProposal(scenario(), ordered)
        expect(audit.objective).toBeCloseTo(audit.fit - audit.softCost, 9)
        for (const s of audit.shortfalls) expect(s.cost).toBeGreaterThanOrEqual(0)
      }),
      RUNS,
    )
  })
})
