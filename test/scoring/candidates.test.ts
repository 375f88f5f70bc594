/**
 * `eligibilityOf` and `blockSummary` on the validator's hand-made county
 * (test/check/fixtures.ts) and on the sample county.
 */
import { describe, expect, it } from 'vitest'
import { eligibility, contextOf } from '../../src/rules/index.js'
import { sampleScenario } from '../../src/sample/index.js'
import { blockSummary, eligibilityOf } from '../../src/scoring/index.js'
import { cloneOf, scenario, withCadres } from '../check/fixtures.js'

describe('eligibilityOf', () => {
  it('gives one entry per open post, in openPosts order', () => {
    const s = scenario()
    expect(eligibilityOf(s).map((p) => p.postId)).toEqual(s.openPosts)
  })

  it('agrees with eligibility(): the same eligible pairs, and every blocked candidate', () => {
    const s = sampleScenario()
    const ctx = contextOf(s)
    const report = eligibilityOf(s, ctx)
    const e = eligibility(ctx)
    expect(report.reduce((n, p) => n + p.eligible.length, 0)).toBe(e.size)
    for (const p of report) expect(p.eligible.length + p.blocked.length).toBe(ctx.candidates.length)
  })

  it('names every blocking code of a blocked pair, and sorts the eligible by net value', () => {
    const s = withCadres(
      scenario(),
      cloneOf('C6', 'X1', { education: { level: 'secondary', fullTime: false } }),
    )
    const p16 = eligibilityOf(s).find((p) => p.postId === 'P16')!
    expect(p16.blocked.find((b) => b.cadreId === 'X1')?.codes).toEqual([
      'ladder.skip-rung',
      'education.min-level',
    ])
    const nets = p16.eligible.map((e) => e.net)
    expect(nets).toEqual([...nets].sort((a, b) => b - a))
  })
})

describe('blockSummary', () => {
  it('counts each blocking code of each pair', () => {
    const s = withCadres(
      scenario(),
      cloneOf('C6', 'X1', { education: { level: 'secondary', fullTime: false } }),
    )
    const summary = new Map(blockSummary(eligibilityOf(s)))
    const report = eligibilityOf(s)
    const edu = report.flatMap((p) => p.blocked).filter((b) => b.codes.includes('education.min-level')).length
    expect(summary.get('education.min-level')).toBe(edu)
    expect(edu).toBe(s.openPosts.length)
  })

  it('is sorted by code', () => {
    const codes = blockSummary(eligibilityOf(sampleScenario())).map(([c]) => c)
    expect(codes).toEqual([...codes].sort())
  })
})
