import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateScenario } from '../../src/sample/generate.js'
import { highsSolver } from '../../src/solvers/highs.js'
import type { Solver } from '../../src/solvers/solver.js'
import { shortlist, shortlistBy } from '../../src/selection/shortlist.js'
import type { Shortlist } from '../../src/selection/shortlist.js'
import { smallScenario } from '../arbitraries.js'
import { get, relaxed } from './fixtures.js'

/**
 * The two methods agree on everything a shortlist states as fact: the best
 * objective, and for every post the losses in order, which are exact, and
 * whether the post is short. Among candidates of equal loss either may be
 * listed, so names are compared only where the loss differs from its
 * neighbours' (the last one listed may tie with the next, unlisted).
 */
function expectSame(fast: Shortlist, plain: Shortlist): number {
  expect(fast.best.objective).toBeCloseTo(plain.best.objective, 6)
  expect(fast.posts.map((p) => p.postId)).toEqual(plain.posts.map((p) => p.postId))
  let runnersUp = 0
  fast.posts.forEach((p, i) => {
    const q = plain.posts[i]!
    expect(p.short).toBe(q.short)
    expect(p.candidates.length).toBe(q.candidates.length)
    p.candidates.forEach((c, j) => {
      const d = q.candidates[j]!
      expect(c.loss).toBeCloseTo(d.loss, 5)
      expect(c.exact).toBe(d.exact)
      const tied = (k: number) =>
        k >= 0 && k < q.candidates.length && Math.abs(q.candidates[k]!.loss - d.loss) < 1e-5
      const last = j === q.candidates.length - 1 && !q.short
      if (!tied(j - 1) && !tied(j + 1) && !last) expect(c.cadreId).toBe(d.cadreId)
      if (j > 0) runnersUp++
    })
  })
  return runnersUp
}

describe('shortlist, the fast method against the plain one', () => {
  it('gives the same exact losses as a re-solve for every candidate, on random small counties', async () => {
    let runnersUp = 0
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          smallScenario({ maxCadres: 6, maxOpen: 4 }),
          smallScenario({ maxCadres: 7, maxOpen: 4 }).map(relaxed),
        ),
        fc.integer({ min: 1, max: 4 }),
        async (scenario, k) => {
          const fast = await shortlist(scenario, { perPost: k })
          const plain = await shortlistBy(scenario, { perPost: k }, { near: false, lanes: 1 })
          expect(fast._tag).toBe(plain._tag)
          if (fast._tag === 'Left' || plain._tag === 'Left') return
          runnersUp += expectSame(fast.right, plain.right)
        },
      ),
      { seed: 1717, numRuns: 40 },
    )
    expect(runnersUp).toBeGreaterThan(20)
  }, 180_000)

  it('gives the same exact losses on generated counties, with fewer solves', async () => {
    // The same backend, counting its solves.
    const solves = { fast: 0, plain: 0 }
    const counting = (key: keyof typeof solves): Solver => ({
      name: 'highs',
      solve: (m, o) => {
        solves[key]++
        return highsSolver.solve(m, o)
      },
    })
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom(40, 60, 90),
        fc.boolean(),
        async (seed, cadres, soft) => {
          const base = generateScenario({ seed, cadres })
          const scenario = soft ? relaxed(base) : base
          const posts = scenario.openPosts.slice(0, 8)
          const fast = await shortlist(scenario, { perPost: 3, posts, solve: { backend: counting('fast') } })
          const plain = await shortlistBy(
            scenario,
            { perPost: 3, posts, solve: { backend: counting('plain') } },
            { near: false, lanes: 1 },
          )
          expect(fast._tag).toBe(plain._tag)
          if (fast._tag === 'Left' || plain._tag === 'Left') return
          expectSame(get(fast), get(plain))
        },
      ),
      { seed: 2026, numRuns: 12 },
    )
    // Candidates found near the last staffing at no loss need no solve.
    expect(solves.fast).toBeLessThan(solves.plain)
  }, 300_000)
})
