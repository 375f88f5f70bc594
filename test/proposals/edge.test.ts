import { describe, expect, it } from 'vitest'
import { validateProposal } from '../../src/check/index.js'
import type { Scenario } from '../../src/domain/types.js'
import { rankProposals } from '../../src/proposals/rank.js'
import { solve } from '../../src/proposals/solve.js'
import { generateScenario } from '../../src/sample/index.js'

const county = (): Scenario => generateScenario({ seed: 7, cadres: 80 })

describe('edge cases', () => {
  it('a round with no open post has exactly one proposal: the empty one', async () => {
    const s = { ...county(), openPosts: [] }
    const r = await rankProposals(s, { k: 3 })
    if (r._tag !== 'Right') throw new Error(r.left.message)
    expect(r.right.length).toBe(1)
    expect(r.right[0]!.proposal.assignments).toEqual([])
  })

  it('teams with an empty unit are each their own unit, as the validator reads them', async () => {
    const base = county()
    const s: Scenario = { ...base, teams: base.teams.map((t) => ({ ...t, unit: '' })) }
    const r = await solve(s)
    if (r._tag !== 'Right') throw new Error(r.left.message)
    expect(validateProposal(s, r.right)).toEqual([])
  })

  it('two locks on one post make the round infeasible on every path', async () => {
    const s = county()
    const postId = s.openPosts[0]!
    const free = s.cadres.filter((c) => c.currentPost === null).slice(0, 2)
    const locked = { ...s, locks: free.map((c) => ({ cadreId: c.id, postId })) }
    const r = await solve(locked)
    expect(r._tag).toBe('Left')
  })
})
