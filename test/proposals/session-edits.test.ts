/**
 * Sessions judge a row by the bounds it has now: a quota the session relaxed
 * no longer stands in the way as formulated, a post it requires filled counts
 * in a diagnosis, a quota's reach is its open posts (a post holds one cadre),
 * labels speak of the team's total, and a soft row moved stays a target at its
 * penalty however far it is missed.
 */
import { describe, expect, it } from 'vitest'
import { createSession, diagnose, generateScenario, rankProposals, solve } from '../../src/index.js'
import type { Scenario } from '../../src/index.js'

/** The team's women among the holders of its closed posts. */
function fixedWomen(s: Scenario, teamId: string): number {
  const team = s.teams.find((t) => t.id === teamId)!
  return team.posts
    .filter((p) => !s.openPosts.includes(p.id))
    .map((p) => s.cadres.find((c) => c.currentPost?.postId === p.id))
    .filter((c) => c?.gender === 'female').length
}

describe('a session edit of a row', () => {
  it('lifts a conflict formulating found once the session relaxes its row', async () => {
    // Every team of ≥ 3 posts needs 5 women: impossible by counting, found while formulating.
    const s = generateScenario({ seed: 3, cadres: 60, policy: { structure: { women: { min: 5 } } } })
    const session = createSession(s)
    expect((await session.solve())._tag).toBe('Left')
    const women = session.model.ruleRows.filter((rr) => rr.code === 'structure.women')
    expect(women.length).toBeGreaterThan(0)
    for (const rr of women) session.setRowBounds(session.model.milp.rowNames[rr.row]!, 0, Infinity)
    const relaxed = await session.solve()
    const off = await solve({
      ...s,
      policy: {
        ...s.policy,
        structure: { ...s.policy.structure, women: { ...s.policy.structure.women, enabled: false } },
      },
    })
    if (relaxed._tag === 'Left' || off._tag === 'Left') throw new Error('expected both to solve')
    expect(relaxed.right.objective).toBeCloseTo(off.right.objective, 6)
    const d = await session.diagnose()
    expect(d._tag === 'Right' && d.right.feasible).toBe(true)
    // Back to the formulated bounds, the conflicts are back, found without a solve.
    const m = createSession(s).model.milp
    for (const rr of women)
      session.setRowBounds(m.rowNames[rr.row]!, m.rowLower[rr.row]!, m.rowUpper[rr.row]!)
    const again = await session.solve()
    expect(again._tag === 'Left' && again.left._tag).toBe('Infeasible')
  })

  it('diagnoses a post the session requires filled and whose candidates it forbade', async () => {
    const s = generateScenario({ seed: 3, cadres: 60 })
    expect(s.policy.vacancy.allowed).toBe(true)
    const session = createSession(s)
    const post = s.openPosts[0]!
    const el = session.model.eligibility
    for (let k = el.postStart[0]!; k < el.postStart[1]!; k++) session.forbid(s.cadres[el.cadre[k]!]!.id, post)
    session.allowVacancy(post, false)
    const r = await session.solve()
    if (r._tag === 'Right' || r.left._tag !== 'Infeasible') throw new Error('expected Infeasible')
    expect(r.left.conflicts).toMatchObject([{ code: 'establishment.vacancy', postId: post }])
    expect(r.left.message).toMatch(
      /^post .+ \(P\d+\) must be filled; with this session's locks and forbidden pairs no candidate is left$/,
    )
    const d = await session.diagnose()
    if (d._tag === 'Left') throw new Error(d.left.message)
    expect(d.right.feasible).toBe(false)
    expect(d.right.conflict.map((c) => [c.kind, c.kind === 'filled' ? c.postId : null])).toEqual([
      ['filled', post],
    ])
  })

  it('finds a quota beyond the open posts impossible on its own, at the number the team can reach', async () => {
    const s = generateScenario({ seed: 4, cadres: 60 })
    const session = createSession(s)
    const rr = session.model.ruleRows.find((r) => r.code === 'structure.women' && r.hard)!
    const m = session.model.milp
    const team = s.teams.find((t) => t.id === rr.teamId)!
    const open = team.posts.filter((p) => s.openPosts.includes(p.id)).length
    // Many more eligible women than open posts: summing the pairs alone would call any quota reachable.
    expect(m.rowStarts[rr.row + 1]! - m.rowStarts[rr.row]!).toBeGreaterThan(open + 1)
    session.setRowBounds(m.rowNames[rr.row]!, open + 1, Infinity)
    const r = await session.solve()
    if (r._tag === 'Right' || r.left._tag !== 'Infeasible') throw new Error('expected Infeasible')
    expect(r.left.conflicts).toHaveLength(1)
    const fixed = fixedWomen(s, team.id)
    expect(r.left.conflicts[0]!.message).toContain(
      `needs at least ${open + 1 + fixed}; with this session's locks and forbidden pairs at most ${open + fixed} is possible`,
    )
  })

  it("labels a quota row by the team's total, the members who stay counted", async () => {
    // Find a team needing 2 women with one among the members who stay: its row needs 1 more.
    for (let seed = 1; seed < 30; seed++) {
      const s = generateScenario({ seed, cadres: 80, policy: { structure: { women: { min: 2 } } } })
      const session = createSession(s)
      const m = session.model.milp
      const rr = session.model.ruleRows.find(
        (r) => r.hard && r.code === 'structure.women' && r.detail === 'women>=2' && m.rowLower[r.row] === 1,
      )
      if (rr === undefined || session.model.conflicts.length > 0) continue
      expect(fixedWomen(s, rr.teamId!)).toBe(1)
      // Untouched, the row reads as formulated even when its candidates are forbidden.
      const cols = new Set<number>()
      for (let e = m.rowStarts[rr.row]!; e < m.rowStarts[rr.row + 1]!; e++) cols.add(m.rowIndex[e]!)
      for (const c of cols) {
        const [, cadreId, postId] = m.colNames[c]!.split(':')
        session.forbid(cadreId!, postId!)
      }
      const a = await session.solve()
      if (a._tag === 'Right' || a.left._tag !== 'Infeasible') throw new Error('expected Infeasible')
      expect(a.left.message).toContain('at least 2 women / 至少2名女干部 needs at least 2;')
      expect(a.left.message).toContain('at most 1 is possible')
      for (const c of cols) {
        const [, cadreId, postId] = m.colNames[c]!.split(':')
        session.release(cadreId!, postId!)
      }
      // Nine more women than stay: the team needs ten.
      session.setRowBounds(m.rowNames[rr.row]!, 9, Infinity)
      const d = await session.diagnose()
      if (d._tag === 'Left') throw new Error(d.left.message)
      expect(d.right.conflict.map((c) => c.label)).toContain(
        `team ${s.teams.find((t) => t.id === rr.teamId)!.name} (${rr.teamId}): at least 10 women (was 2, now ≥ 10) / 至少10名女干部（原为2）`,
      )
      return
    }
    throw new Error('no team with one woman staying found')
  })

  it('keeps a soft row a target at its penalty however far it is raised', async () => {
    const s = generateScenario({
      seed: 4,
      cadres: 60,
      policy: { structure: { women: { hard: false, penalty: 200 } } },
    })
    const session = createSession(s)
    expect((await session.solve())._tag).toBe('Right')
    const rr = session.model.ruleRows.find((r) => r.code === 'structure.women')!
    const team = s.teams.find((t) => t.id === rr.teamId)!
    const open = team.posts.filter((p) => s.openPosts.includes(p.id)).length
    // Two more than its open posts can give: the proposal pays for the two.
    session.setRowBounds(session.model.milp.rowNames[rr.row]!, open + 2, Infinity)
    const r = await session.solve()
    if (r._tag === 'Left') throw new Error(r.left.message)
    const paid = r.right.penalties.filter((p) => p.code === 'structure.women' && p.teamId === team.id)
    expect(paid.map((p) => [p.shortfall, p.amount])).toEqual([[2, 400]])
  })
})

describe('the door of a scenario edited after decoding', () => {
  it('refuses open posts that name no post, or one post twice, as not a scenario', async () => {
    const s = generateScenario({ seed: 3, cadres: 60 })
    for (const openPosts of [['NOPE'], [s.openPosts[0]!, s.openPosts[0]!]]) {
      const bad = { ...s, openPosts }
      for (const r of [await solve(bad), await rankProposals(bad, { k: 2 }), await diagnose(bad)])
        expect(r._tag === 'Left' && r.left._tag).toBe('InvalidArgument')
    }
  })
})
