/**
 * The columnar eligibility against the straightforward evaluation of every
 * pair (every verdict of `pairVerdicts`, one pair at a time), on random small
 * scenarios (test/arbitraries.ts), seed 42 so a failure replays: the same
 * pairs in the same order, the same flags, penalties (lists and sums, bit for
 * bit), lookups, and blocked counts with their codes in the order first met.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PairRuleCode } from '../../src/domain/codes.js'
import type { Scenario } from '../../src/domain/types.js'
import { contextOf, eligibility, PAIR_FLAG, pairVerdicts } from '../../src/rules/index.js'
import type { CandidatePair } from '../../src/rules/index.js'
import { rungsBetween } from '../../src/rules/ladder.js'
import { breaksYears, pairFacts } from '../../src/rules/pair.js'
import { smallScenario } from '../arbitraries.js'

const RUNS = { seed: 42, numRuns: 300 }

/** Every pair by its verdicts, and the first blocking code of every blocked candidate. */
function straightforward(s: Scenario): {
  pairs: CandidatePair[]
  blockedCounts: Partial<Record<PairRuleCode, number>>[]
} {
  const ctx = contextOf(s)
  const pairs: CandidatePair[] = []
  const blockedCounts: Partial<Record<PairRuleCode, number>>[] = []
  s.openPosts.forEach((postId, post) => {
    const counts: Partial<Record<PairRuleCode, number>> = {}
    for (const cadre of ctx.candidates) {
      const verdicts = pairVerdicts(ctx, cadre, postId)
      const blocked = verdicts.find((v) => v._tag === 'blocked')
      if (blocked !== undefined) {
        counts[blocked.code] = (counts[blocked.code] ?? 0) + 1
        continue
      }
      const penalties = verdicts.flatMap((v) =>
        v._tag === 'penalty' ? [{ code: v.code, amount: v.amount, message: v.message }] : [],
      )
      const facts = pairFacts(ctx, cadre, postId)
      const promotion = !facts.stay && rungsBetween(facts.cadre.rank, facts.post.rank) > 0
      pairs.push({
        post,
        cadre,
        stay: facts.stay,
        promotion,
        exceptional: promotion && facts.cadre.exceptionalPromotion && breaksYears(facts),
        penalties,
        penalty: penalties.reduce((sum, p) => sum + p.amount, 0),
      })
    }
    blockedCounts.push(counts)
  })
  return { pairs, blockedCounts }
}

describe('columnar eligibility', () => {
  it('equals the evaluation of every pair one by one', () => {
    fc.assert(
      fc.property(fc.oneof(smallScenario(), smallScenario({ soft: false })), (s) => {
        const e = eligibility(contextOf(s))
        const want = straightforward(s)
        expect(e.size).toBe(want.pairs.length)
        for (let k = 0; k < e.size; k++) {
          const w = want.pairs[k]!
          expect(e.pairAt(k)).toEqual(w)
          expect(Object.is(e.penalty[k], w.penalty)).toBe(true)
          expect((e.flags[k]! & PAIR_FLAG.penalised) !== 0).toBe(w.penalties.length > 0)
          expect(e.indexOf(w.cadre, w.post)).toBe(k)
        }
        expect(e.pairs).toEqual(want.pairs)
        const starts = [...s.openPosts.keys(), s.openPosts.length].map(
          (i) => want.pairs.filter((p) => p.post < i).length,
        )
        expect([...e.postStart]).toEqual(starts)
        // The same codes in the same order (first met in roster order).
        expect(JSON.stringify(e.blockedCounts)).toBe(JSON.stringify(want.blockedCounts))
        const ctx = contextOf(s)
        for (const c of ctx.candidates)
          s.openPosts.forEach((_, i) =>
            expect(e.indexOf(c, i)).toBe(want.pairs.findIndex((p) => p.cadre === c && p.post === i)),
          )
      }),
      RUNS,
    )
  })
})
