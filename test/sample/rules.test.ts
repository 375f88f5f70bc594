/**
 * The sample county trips every rule about people (issue 4): each hard pair
 * rule blocks some pair, each soft one costs some eligible pair, and some
 * open post has a short-tenure incumbent — while the county stays staffable
 * (generate.test.ts checks the supply).
 */
import { describe, expect, it } from 'vitest'
import type { PairRuleCode } from '../../src/domain/codes.js'
import { adjustmentCandidates, contextOf, PAIR_RULES, shortTenureMonths } from '../../src/rules/index.js'
import { sampleScenario } from '../../src/sample/index.js'
import { blockSummary, eligibilityOf } from '../../src/scoring/index.js'

const sample = sampleScenario()
const report = eligibilityOf(sample, contextOf(sample))

describe('the sample county', () => {
  it('has a pair blocked by every hard pair rule, and by kin avoidance', () => {
    const blocked = new Set(blockSummary(report).map(([code]) => code))
    // A rule the policy switches off (recommendation.required by default) blocks nothing.
    const on = PAIR_RULES.filter((r) => r.switchOf(sample.policy).enabled)
    const hard = on.filter((r) => r.switchOf(sample.policy).hard).map((r) => r.code)
    expect(hard.filter((code) => !blocked.has(code))).toEqual([])
    expect(blocked.has('avoidance.kin')).toBe(true)
  })

  it('has an eligible pair paying every soft pair rule', () => {
    const paid = new Set<PairRuleCode>()
    for (const post of report) for (const e of post.eligible) for (const p of e.penalties) paid.add(p.code)
    const on = PAIR_RULES.filter((r) => r.switchOf(sample.policy).enabled)
    const soft = on.filter((r) => !r.switchOf(sample.policy).hard).map((r) => r.code)
    expect(soft.filter((code) => !paid.has(code))).toEqual([])
  })

  it('has short-tenure incumbents of open posts, and candidates for adjustment', () => {
    const open = new Set(sample.openPosts)
    const short = sample.cadres.filter(
      (c) =>
        c.currentPost !== null && open.has(c.currentPost.postId) && shortTenureMonths(sample, c) !== null,
    )
    expect(short.length).toBeGreaterThan(0)
    expect(adjustmentCandidates(sample).length).toBeGreaterThan(0)
  })
})
