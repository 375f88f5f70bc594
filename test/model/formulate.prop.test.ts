/**
 * What formulate caches against what it stands for, on random small scenarios
 * (test/arbitraries.ts, seed 42) and two generated counties: each pair's fit and
 * components equal `fitScore(fitComponents(…))` bit for bit, each pair column's
 * cost is its fit less its penalty, and the column names built on demand read
 * like plain names (`x:<cadre>:<post>`) through indices, methods, spreads and JSON.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Scenario } from '../../src/domain/types.js'
import { formulate } from '../../src/model/index.js'
import { generateScenario } from '../../src/sample/index.js'
import { fitComponents, fitScore } from '../../src/scoring/fit.js'
import { smallScenario } from '../arbitraries.js'

function check(s: Scenario): void {
  const m = formulate(s)
  const e = m.eligibility
  expect(m.pairComponents.length).toBe(e.size)
  const names: string[] = []
  for (let k = 0; k < e.size; k++) {
    const postId = s.openPosts[e.post[k]!]!
    const team = s.teams.find((t) => t.posts.some((p) => p.id === postId))!
    const post = team.posts.find((p) => p.id === postId)!
    const cadre = s.cadres[e.cadre[k]!]!
    const comps = fitComponents(s, cadre, post, team)
    expect(m.pairComponents.at(k)).toEqual(comps)
    expect(Object.is(m.pairFit[k], fitScore(s, comps))).toBe(true)
    expect(Object.is(m.milp.colCost[m.pairCol[k]!], m.pairFit[k]! - e.penalty[k]!)).toBe(true)
    names.push(`x:${cadre.id}:${postId}`)
  }
  const cols = m.milp.colNames
  expect(cols.length).toBe(m.milp.colCost.length)
  expect(Array.isArray(cols)).toBe(true)
  expect(Array.from(m.pairCol, (j) => cols[j])).toEqual(names)
  expect([...cols]).toEqual(cols.map((n) => n))
  expect(JSON.parse(JSON.stringify(cols))).toEqual([...cols])
  expect(cols.slice(e.size)).toEqual(cols.filter((_, j) => j >= e.size))
  expect(new Set(cols).size).toBe(cols.length)
}

describe('formulate', () => {
  it('caches fits and names that equal the direct computation', () => {
    fc.assert(
      fc.property(smallScenario(), (s) => check(s)),
      { seed: 42, numRuns: 200 },
    )
  })

  it('does so on generated counties, with the combined component weighted or not', () => {
    check(generateScenario({ seed: 3, cadres: 120 }))
    check(
      generateScenario({
        seed: 9,
        cadres: 120,
        recordYears: 3,
        policy: { fit: { weights: { combined: 0.3 } } },
      }),
    )
  })

  it('marks the cadre rows, and only them, as linking: without them the rows fall apart by team', () => {
    fc.assert(
      fc.property(smallScenario(), (s) => {
        const model = formulate(s)
        const m = model.milp
        const linking = m.linkingRows ?? new Uint8Array(m.rowNames.length)
        expect(linking.length).toBeLessThanOrEqual(m.rowNames.length)
        m.rowNames.forEach((name, r) =>
          expect([name, (linking[r] ?? 0) === 1]).toEqual([name, /^cadre:.*:one-post$/.test(name)]),
        )
        // Every other row's pairs lie in one team.
        const teamOfPost = new Map(s.teams.flatMap((t) => t.posts.map((p) => [p.id, t.id] as const)))
        const teamOfCol = new Map<number, string>()
        model.pairCol.forEach((j, k) => {
          const team = teamOfPost.get(s.openPosts[model.eligibility.post[k]!]!)
          expect(team).toBeDefined()
          teamOfCol.set(j, team!)
        })
        for (let r = 0; r < m.rowNames.length; r++) {
          if (linking[r] === 1) continue
          const teams = new Set<string>()
          for (let e = m.rowStarts[r]!; e < m.rowStarts[r + 1]!; e++) {
            const t = teamOfCol.get(m.rowIndex[e]!)
            if (t !== undefined) teams.add(t)
          }
          expect(teams.size).toBeLessThanOrEqual(1)
        }
      }),
      { seed: 45, numRuns: 100 },
    )
  })
})
