import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { forcePair } from '../../src/proposals/explain.js'
import { solve, whyNotChosen } from '../../src/proposals/index.js'
import { whyNot } from '../../src/rules/index.js'
import { smallScenario } from '../arbitraries.js'

const NOT_IN_ROUND = /which is not open in this round: not a candidate/

/**
 * A cadre who holds a post not open this round is not part of the round:
 * `forcePair` says so whatever pair rules also block the pair, as
 * `whyNotChosen` answers `not-candidate`; a candidate is never told so.
 */
describe('forcePair for a cadre who is not a candidate', () => {
  it('always says the cadre is not in this round, besides the pair rules that block', async () => {
    let outside = 0
    let alsoRules = 0
    let candidatesBlocked = 0
    await fc.assert(
      fc.asyncProperty(smallScenario({ maxCadres: 6, maxOpen: 3 }), async (scenario) => {
        const r = await solve(scenario)
        if (r._tag === 'Left') return
        for (const c of scenario.cadres)
          for (const postId of scenario.openPosts) {
            const rules = whyNot(scenario, c.id, postId)
            if (rules._tag === 'Left') throw new Error(rules.left.message)
            const f = await forcePair(scenario, r.right, c.id, postId)
            if (f._tag === 'Left') throw new Error(f.left.message)
            if (!rules.right.candidate) {
              const w = await whyNotChosen(scenario, r.right, c.id, postId)
              expect(w._tag === 'Right' && w.right.outcome).toBe('not-candidate')
              if (f.right._tag !== 'Blocked') throw new Error(`expected Blocked, got ${f.right._tag}`)
              expect(f.right.messages[0]).toMatch(NOT_IN_ROUND)
              expect(f.right.messages[0]).toContain(c.currentPost!.postId)
              // The pair rules that also block it follow, one message each.
              expect(f.right.messages.length).toBe(f.right.codes.length + 1)
              outside++
              if (f.right.codes.length > 0) alsoRules++
            } else if (f.right._tag === 'Blocked') {
              expect(f.right.messages.some((m) => NOT_IN_ROUND.test(m))).toBe(false)
              expect(f.right.codes.length).toBeGreaterThan(0)
              candidatesBlocked++
            }
          }
      }),
      { seed: 4000, numRuns: 40 },
    )
    expect(outside).toBeGreaterThan(10)
    // The case the message went missing in: pair rules block the pair too.
    expect(alsoRules).toBeGreaterThan(5)
    expect(candidatesBlocked).toBeGreaterThan(5)
  }, 180_000)
})
