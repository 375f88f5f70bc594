import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyProposal, compareStructure, scenarioAt, teamStructures } from '../../src/pool/index.js'
import { decodeScenario, encodeScenario } from '../../src/index.js'
import type { Assignment } from '../../src/domain/proposal.js'
import { RANKS, type Rank } from '../../src/domain/types.js'
import { solve } from '../../src/proposals/solve.js'
import { generateScenario } from '../../src/sample/index.js'
import { proposalOf } from '../check/fixtures.js'
import { cadre, county } from './fixtures.js'

const assignment = (postId: string, cadreId: string): Assignment => ({
  postId,
  teamId: postId.startsWith('P') ? 'T1' : 'T2',
  cadreId,
  incumbentId: null,
  change: 'lateral',
  fit: 50,
  components: null,
  exceptional: false,
})

describe('applyProposal', () => {
  it('seats the assigned cadres, unseats incumbents who are not placed, and opens nothing', () => {
    const s = county()
    const after = applyProposal(s, proposalOf([assignment('P5', 'C8'), assignment('Q2', 'C7')]))
    expect(after.openPosts).toEqual([])
    const byId = new Map(after.cadres.map((c) => [c.id, c]))
    expect(byId.get('C8')!.currentPost).toEqual({ postId: 'P5', since: '2024-06' })
    // C7 stays in Q2: the date does not change
    expect(byId.get('C7')!.currentPost).toEqual({ postId: 'Q2', since: '2021-01' })
    // C5 held the open post P5 and is not placed
    expect(byId.get('C5')!.currentPost).toBeNull()
    expect(teamStructures(after).map((t) => t.members)).toEqual([
      ['C1', 'C2', 'C3', 'C4', 'C8'],
      ['C6', 'C7'],
    ])
    expect(s.cadres.find((c) => c.id === 'C5')!.currentPost).not.toBeNull()
  })

  it('gives a cadre appointed to a post of another rank that rank from the round on; a stay or a move at their rank keeps it', () => {
    const s = county({
      cadres: [
        ...county().cadres,
        cadre('D1', { rank: 'section-chief', rankSince: '2015-03' }),
        cadre('X1', { rank: 'section-member', rankSince: '2019-05', exceptionalPromotion: true }),
      ],
      openPosts: ['P2', 'P3', 'P5', 'Q2'],
    })
    const after = applyProposal(
      s,
      proposalOf([
        // D1 (section-chief) steps down to a section-deputy post (降级任职)
        assignment('P2', 'D1'),
        // C2 moves from P2 to P3 at their own rank (section-deputy)
        assignment('P3', 'C2'),
        // C8 (section-member) promoted to a section-deputy post
        assignment('P5', 'C8'),
        // C7 stays in Q2
        assignment('Q2', 'C7'),
      ]),
    )
    const byId = new Map(after.cadres.map((c) => [c.id, c]))
    expect(byId.get('C8')).toMatchObject({ rank: 'section-deputy', rankSince: '2024-06' })
    expect(byId.get('D1')).toMatchObject({ rank: 'section-deputy', rankSince: '2024-06' })
    expect(byId.get('C7')).toMatchObject({ rank: 'section-deputy', rankSince: '2018-01' })
    expect(byId.get('C2')).toMatchObject({ rank: 'section-deputy', rankSince: '2018-01' })
    expect(byId.get('C2')!.currentPost).toEqual({ postId: 'P3', since: '2024-06' })
    // An exceptional promotion (破格) spends the approval; one not flagged exceptional keeps it.
    const promote = (exceptional: boolean) =>
      applyProposal(
        { ...s, openPosts: ['P5'] },
        proposalOf([{ ...assignment('P5', 'X1'), change: 'promotion', exceptional }]),
      ).cadres.find((c) => c.id === 'X1')!
    expect(promote(true)).toMatchObject({
      rank: 'section-deputy',
      rankSince: '2024-06',
      exceptionalPromotion: false,
    })
    expect(promote(false)).toMatchObject({ rank: 'section-deputy', exceptionalPromotion: true })
  })

  it('holds every placed cadre at the rank of their post when they moved, and every other cadre as they were (generated counties)', async () => {
    let changed = 0
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), async (seed) => {
        const s = generateScenario({ seed, cadres: 40, teams: 4, openShare: 0.3 })
        const p = await solve(s)
        if (p._tag === 'Left') throw new Error(p.left.message)
        const after = applyProposal(s, p.right)
        const rankOf = new Map(s.teams.flatMap((t) => t.posts.map((q) => [q.id, q.rank] as const)))
        const before = new Map(s.cadres.map((c) => [c.id, c]))
        for (const c of after.cadres) {
          const was = before.get(c.id)!
          const a = p.right.assignments.find((x) => x.cadreId === c.id)
          if (a === undefined || a.change === 'stays' || rankOf.get(a.postId) === was.rank) {
            expect([c.rank, c.rankSince]).toEqual([was.rank, was.rankSince])
            continue
          }
          changed++
          expect([c.rank, c.rankSince]).toEqual([rankOf.get(a.postId), s.asOf])
          // The proposal's own reading of the change agrees with the ranks.
          const rungs = RANKS.indexOf(c.rank as Rank) - RANKS.indexOf(was.rank)
          expect(a.change).toBe(rungs > 0 ? 'promotion' : 'demotion')
        }
      }),
      { numRuns: 8, seed: 20261207 },
    )
    expect(changed).toBeGreaterThan(0)
  }, 60_000)
})

describe('compareStructure', () => {
  it('compares before and after a proposal as a table', () => {
    const s = county()
    const after = applyProposal(s, proposalOf([assignment('P5', 'C8'), assignment('Q2', 'C7')]))
    const c = compareStructure(s, after, { before: 'now', after: 'proposal' })
    const row = (group: string, metric: string) =>
      c.rows.find((r) => r.group === group && r.metric === metric)
    expect(row('size', 'vacant')).toEqual({ group: 'size', metric: 'vacant', before: 2, after: 0, delta: -2 })
    expect(row('size', 'members')).toMatchObject({ before: 5, after: 7, delta: 2 })
    // members' ages: 50 56 54 52 33 → + 30 (C8) + 45 (C7): 245/5 = 49 → 320/7 = 45.7
    expect(row('age', 'average age')).toMatchObject({ before: 49, after: 45.7, delta: -3.3 })
    expect(row('gender', 'female')).toMatchObject({ before: 1, after: 2 })
    expect(row('ethnicity', 'minority')).toMatchObject({ before: 1, after: 2 })
    expect(row('party', 'non-party')).toMatchObject({ before: 0, after: 1 })
    // C8 brings a woman, a member ≤ 35 and economy/finance to T1
    expect(row('rule', 'structure.women')).toMatchObject({ before: 1, after: 0 })
    expect(row('rule', 'structure.specialty-coverage')).toMatchObject({ before: 1, after: 0 })
    expect(row('gaps', 'high')).toMatchObject({ before: 2, after: 0 })
  })

  it('moves a scenario only to months it can be written with, so that it encodes and decodes again', () => {
    const s = county()
    for (const asOf of ['2200-01', '0000-01', '1899-12', '2026-13'])
      expect(() => scenarioAt(s, asOf)).toThrow(/scenarioAt: asOf: expected a month YYYY-MM of 1900–2100/)
    const moved = scenarioAt(s, '2100-12')
    const back = decodeScenario(encodeScenario(moved))
    expect(back._tag === 'Right' && back.right.asOf).toBe('2100-12')
  })

  it('compares two dates, and gives chart-ready Vega-Lite specifications', () => {
    const s = county()
    const c = compareStructure(s, scenarioAt(s, '2029-06'))
    expect(c.labels).toEqual({ before: '2024-06', after: '2029-06' })
    expect(c.rows.find((r) => r.metric === 'average age')).toMatchObject({ before: 49, after: 54, delta: 5 })
    const chart = c.charts.distribution as {
      $schema: string
      data: { values: { series: string; metric: string; percent: number }[] }
    }
    expect(chart.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json')
    expect(chart.data.values).toContainEqual({
      group: 'gender',
      metric: 'female',
      series: '2024-06',
      percent: 20,
    })
    const rules = c.charts.rules as { data: { values: unknown[] } }
    expect(rules.data.values.length).toBe(2 * c.rows.filter((r) => r.group === 'rule').length)
    expect(JSON.parse(JSON.stringify(c.charts))).toEqual(c.charts)
  })
})
