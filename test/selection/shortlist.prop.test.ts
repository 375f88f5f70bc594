import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { shortlist } from '../../src/selection/index.js'
import { smallScenario } from '../arbitraries.js'
import { allStaffings } from '../oracle.js'
import { relaxed } from './fixtures.js'

describe('shortlist, against brute force', () => {
  it('lists the k cheapest candidates of every post, each with its exact loss, the best proposal’s choice first', async () => {
    let runnersUp = 0
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          smallScenario({ maxCadres: 5, maxOpen: 3 }),
          smallScenario({ maxCadres: 6, maxOpen: 3 }).map(relaxed),
        ),
        fc.integer({ min: 1, max: 4 }),
        async (scenario, k) => {
          const all = allStaffings(scenario)
          const r = await shortlist(scenario, { perPost: k })
          if (all.length === 0) {
            expect(r._tag).toBe('Left')
            return
          }
          if (r._tag === 'Left') throw new Error(r.left.message)
          const best = all[0]!.objective
          expect(r.right.best.objective).toBeCloseTo(best, 6)
          scenario.openPosts.forEach((postId, i) => {
            // The best staffing with each possible occupant of the post, by brute force.
            const withOccupant = new Map<string, number>()
            for (const s of all) {
              const c = s.choice[i]
              if (c === null || c === undefined) continue
              withOccupant.set(c, Math.max(withOccupant.get(c) ?? -Infinity, s.objective))
            }
            const losses = [...withOccupant.values()].map((v) => best - v).sort((a, b) => a - b)
            const list = r.right.posts[i]!
            expect(list.postId).toBe(postId)
            expect(list.candidates.length).toBe(Math.min(k, losses.length))
            expect(list.short).toBe(losses.length < k)
            list.candidates.forEach((c, j) => {
              expect(c.loss).toBeCloseTo(losses[j]!, 5)
              expect(best - withOccupant.get(c.cadreId)!).toBeCloseTo(c.loss, 5)
              expect(c.exact).toBe(true)
              if (j > 0) runnersUp++
              const first = r.right.best.assignments[i]!.cadreId
              expect(c.chain.displaced).toBe(first === c.cadreId ? null : first)
            })
            if (list.candidates.length > 0 && r.right.best.assignments[i]!.cadreId !== null)
              expect(list.candidates[0]!.cadreId).toBe(r.right.best.assignments[i]!.cadreId)
            expect(new Set(list.candidates.map((c) => c.cadreId)).size).toBe(list.candidates.length)
          })
        },
      ),
      { seed: 17, numRuns: 50 },
    )
    // The property means something only if many posts list candidates after the first.
    expect(runnersUp).toBeGreaterThan(20)
  }, 120_000)

  it('is deterministic and names bad options', async () => {
    const [scenario] = fc.sample(smallScenario({ maxCadres: 5, maxOpen: 3 }), { seed: 3, numRuns: 1 })
    const a = await shortlist(scenario!, { perPost: 2 })
    const b = await shortlist(scenario!, { perPost: 2 })
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
    for (const perPost of [0, 1.5, Number.NaN, 21])
      expect(await shortlist(scenario!, { perPost })).toMatchObject({
        _tag: 'Left',
        left: { _tag: 'InvalidShortlistOptions' },
      })
    expect(await shortlist(scenario!, { posts: ['nope'] })).toMatchObject({
      _tag: 'Left',
      left: { message: 'options.posts[0]: expected an open post of the scenario, got "nope"' },
    })
  })
})
