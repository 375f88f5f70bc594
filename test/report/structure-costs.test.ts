/**
 * The report's structure charts (who counts before the round, which values a
 * chart shows) and its rule-cost table (method, range, negative costs).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Proposal } from '../../src/domain/proposal.js'
import type { Scenario } from '../../src/domain/types.js'
import { analyseStructure, applyProposal, mainFieldOf } from '../../src/pool/index.js'
import { solve, type Explanation, type RuleCost } from '../../src/proposals/index.js'
import { toVegaLite } from '../../src/report/html.js'
import { costs } from '../../src/report/sections.js'
import { generateScenario } from '../../src/sample/index.js'

const scenario = generateScenario({ seed: 31, cadres: 120, teams: 12 })
let proposal: Proposal

beforeAll(async () => {
  const r = await solve(scenario)
  if (r._tag === 'Left') throw new Error(r.left.message)
  proposal = r.right
})

type Row = { value: string; series: string; count: number }
const rowsOf = (spec: unknown): Row[] => (spec as { data: { values: Row[] } }).data.values
const titleOf = (spec: unknown): string => (spec as { title: string }).title
const series = (rows: readonly Row[], name: string) => rows.filter((r) => r.series === name)

/** The cadres holding a post of the scenario's teams, open or not. */
function holders(s: Scenario) {
  const posts = new Set(s.teams.flatMap((t) => t.posts.map((p) => p.id)))
  return s.cadres.filter((c) => c.currentPost !== null && posts.has(c.currentPost.postId))
}

describe('structure charts', () => {
  it('count every current holder before the round, the incumbents of open posts included', () => {
    const held = holders(scenario)
    const open = new Set(scenario.openPosts)
    // The fixture matters: women hold open posts, whom "as they are" (open = vacant) leaves out.
    expect(held.some((c) => c.gender === 'female' && open.has(c.currentPost!.postId))).toBe(true)
    expect(analyseStructure(scenario).county.members).toBeLessThan(held.length)

    const gender = rowsOf(toVegaLite(scenario).gender)
    expect(gender.reduce((s, r) => s + r.count, 0)).toBe(held.length)
    expect(gender.find((r) => r.value === '女')?.count).toBe(held.filter((c) => c.gender === 'female').length)
  })

  it('read the same before and after a proposal where every incumbent stays', () => {
    const stays = {
      ...proposal,
      assignments: proposal.assignments.map((a) => ({
        ...a,
        cadreId: a.incumbentId,
        change: a.incumbentId === null ? ('vacant' as const) : ('stays' as const),
      })),
    }
    for (const [key, spec] of Object.entries(toVegaLite(scenario, stays))) {
      const rows = rowsOf(spec)
      const counts = (name: string) => series(rows, name).map((r) => [r.value, r.count])
      expect(counts('调整后'), key).toEqual(counts('调整前'))
    }
  })

  it('show the same values in both series, chosen by the larger count, and say when they are cut', () => {
    const fields = (s: Scenario) =>
      new Map(analyseStructure(s).county.distributions.field.map((c) => [c.value, c.count]))
    const before = fields({ ...scenario, openPosts: [] })
    const after = fields(applyProposal(scenario, proposal))
    const all = [...new Set([...before.keys(), ...after.keys()])]
    const most = (v: string) => Math.max(before.get(v) ?? 0, after.get(v) ?? 0)
    const expected = all.sort((a, b) => most(b) - most(a) || (a < b ? -1 : a > b ? 1 : 0)).slice(0, 12)
    // The fixture matters: more fields than a chart shows.
    expect(all.length).toBeGreaterThan(12)
    expect(holders(scenario).some((c) => mainFieldOf(c) !== null)).toBe(true)

    const spec = toVegaLite(scenario, proposal).field
    const rows = rowsOf(spec)
    const b = series(rows, '调整前')
    const a = series(rows, '调整后')
    expect(b.map((r) => r.value)).toEqual(expected)
    expect(a.map((r) => r.value)).toEqual(expected)
    expect(b.map((r) => r.count)).toEqual(expected.map((v) => before.get(v) ?? 0))
    expect(a.map((r) => r.count)).toEqual(expected.map((v) => after.get(v) ?? 0))
    expect(titleOf(spec)).toBe(`专业领域（前 12 项，共 ${all.length} 项）`)
    expect(titleOf(toVegaLite(scenario, proposal, { lang: 'en' }).field)).toBe(
      `field (top 12 of ${all.length})`,
    )
    // A chart that shows every value says nothing of a cut.
    expect(titleOf(toVegaLite(scenario, proposal).gender)).toBe('性别')
  })
})

describe('rule costs', () => {
  const cost = (c: Partial<RuleCost>): RuleCost => ({
    code: 'structure.women',
    hard: true,
    cost: 0,
    upper: null,
    teamIds: ['T1'],
    method: 'exact',
    ...c,
  })
  const table = (ruleCosts: RuleCost[], lang: 'zh' | 'en' = 'zh') =>
    costs({ ruleCosts, posts: [] } as unknown as Explanation, lang)

  it('show how each cost was found, a bounded cost’s range, and negative costs', () => {
    const html = table([
      cost({ code: 'structure.women', cost: 12.5, upper: 12.5, method: 'exact' }),
      cost({ code: 'structure.young', cost: 3, upper: 9.25, method: 'bounded', status: 'time-limit' }),
      cost({ code: 'structure.minority', cost: 4, upper: null, method: 'bounded' }),
      cost({ code: 'structure.non-party', cost: 7, upper: null, method: 'estimate' }),
      cost({ code: 'structure.titular', cost: -2, upper: -2, method: 'exact' }),
      cost({ code: 'structure.average-age', cost: 0, upper: 0, method: 'exact' }),
    ])
    const rows = [...html.matchAll(/<tr><td>(.*?)<\/td><td>(.*?)<\/td><td>(.*?)<\/td><td>(.*?)<\/td><\/tr>/g)]
    expect(rows.map((m) => [m[2], m[3]])).toEqual([
      ['12.50', '精确'],
      ['3.00 至 9.25', '区间'],
      ['不低于 4.00', '区间'],
      ['7.00', '估计'],
      ['-2.00', '精确'],
    ])
    expect(html).toContain('<th>计算方法</th>')
    const en = table([cost({ cost: 3, upper: 9.25, method: 'bounded' })], 'en')
    expect(en).toContain('<td>3.00 to 9.25</td><td>bounded</td>')
    expect(table([cost({ cost: 0, upper: 0 })])).toBe('')
  })
})
