import { describe, expect, it } from 'vitest'

import { DEFAULT_POLICY } from '../../src/domain/policy.js'
import type { Cadre, Scenario } from '../../src/domain/types.js'
import { generateScenario, sampleScenario } from '../../src/sample/index.js'
import { ageOf, eligible, month, mustMove, stayProposalViolations, supplyReport } from './supply.js'

const sample = sampleScenario()
const share = (xs: readonly Cadre[], f: (c: Cadre) => boolean): number => xs.filter(f).length / xs.length
const postsOf = (s: Scenario) => s.teams.flatMap((t) => t.posts.map((p) => ({ team: t, post: p })))
const holders = (s: Scenario) =>
  new Map(s.cadres.flatMap((c) => (c.currentPost ? [[c.currentPost.postId, c]] : [])))

describe('sampleScenario', () => {
  it('is the bundled county: 1,200 cadres, 120 teams, about 700 posts, 30% of them open', () => {
    const posts = postsOf(sample).length
    expect(sample.county).toBe('青山旗')
    expect(sample.cadres).toHaveLength(1200)
    expect(sample.teams).toHaveLength(120)
    expect(posts).toBeGreaterThan(650)
    expect(posts).toBeLessThan(750)
    expect(sample.openPosts).toHaveLength(Math.round(0.3 * posts))
    expect(sample.policy).toEqual(DEFAULT_POLICY)
  })

  it('links each department to the deputy head of government who leads it (supervisedBy)', () => {
    const government = sample.teams.find((t) => t.kind === 'government')!
    const deputies = new Set(government.posts.filter((p) => p.kind === 'deputy').map((p) => p.id))
    const departments = sample.teams.filter((t) => t.kind === 'department')
    expect(departments.length).toBeGreaterThan(0)
    for (const t of departments) {
      expect(t.supervisedBy).toHaveLength(1)
      expect(deputies.has(t.supervisedBy![0]!)).toBe(true)
    }
    // The deputies take the departments in turn.
    expect(new Set(departments.map((t) => t.supervisedBy![0])).size).toBe(
      Math.min(deputies.size, departments.length),
    )
    expect(
      sample.teams.filter((t) => t.kind !== 'department').every((t) => t.supervisedBy === undefined),
    ).toBe(true)
  })

  it('is the same scenario, byte for byte, on every call', () => {
    expect(JSON.stringify(sampleScenario())).toBe(JSON.stringify(sample))
  })

  it('has every kind of team, townships the biggest group', () => {
    const count = (k: string) => sample.teams.filter((t) => t.kind === k).length
    for (const k of ['party-committee', 'government', 'people-congress', 'cppcc']) expect(count(k)).toBe(1)
    expect(count('township')).toBeGreaterThan(Math.max(count('department'), count('agency')))
    expect(sample.teams.every((t) => t.posts.length >= 3 && t.posts.length <= 9)).toBe(true)
    const party = sample.teams.find((t) => t.kind === 'party-committee')
    expect(sample.teams.find((t) => t.kind === 'government')?.unit).toBe(party?.id)
    const roles = new Set(sample.teams.flatMap((t) => t.posts.map((p) => p.role)))
    for (const r of DEFAULT_POLICY.people.hometownAvoidance.roles) expect(roles.has(r)).toBe(true)
  })

  it('has plausible shares of women, ethnicities, parties, ages and home counties', () => {
    const asOf = month(sample.asOf)
    const c = sample.cadres
    expect(share(c, (x) => x.gender === 'female')).toBeGreaterThan(0.25)
    expect(share(c, (x) => x.gender === 'female')).toBeLessThan(0.36)
    expect(share(c, (x) => x.ethnicity === 'mongol')).toBeGreaterThan(0.3)
    expect(share(c, (x) => x.ethnicity === 'mongol')).toBeLessThan(0.4)
    expect(share(c, (x) => x.party === 'cpc')).toBeGreaterThan(0.8)
    expect(share(c, (x) => x.party === 'cpc')).toBeLessThan(0.9)
    expect(share(c, (x) => x.party === 'none')).toBeLessThan(0.08)
    expect(share(c, (x) => x.hometown === sample.county)).toBeGreaterThan(0.55)
    expect(Math.min(...c.map((x) => ageOf(x, asOf)))).toBeGreaterThanOrEqual(25)
    expect(Math.max(...c.map((x) => ageOf(x, asOf)))).toBeLessThanOrEqual(59)
    expect(new Set(c.map((x) => x.ethnicity))).toEqual(new Set(['han', 'mongol', 'hui', 'manchu', 'daur']))
    const edu = (l: string) => share(c, (x) => x.education.level === l)
    expect(edu('bachelor') + edu('junior-college')).toBeGreaterThan(0.7)
    expect(edu('secondary')).toBeGreaterThan(0)
    expect(edu('secondary')).toBeLessThan(0.03)
  })

  it('gives incumbents the rank of their post, mostly held since their appointment', () => {
    const posts = new Map(postsOf(sample).map((x) => [x.post.id, x.post]))
    const incumbents = sample.cadres.filter((c) => c.currentPost !== null)
    expect(incumbents.every((c) => posts.get(c.currentPost?.postId ?? '')?.rank === c.rank)).toBe(true)
    expect(share(incumbents, (c) => month(c.rankSince) <= month(c.currentPost?.since ?? ''))).toBeGreaterThan(
      0.85,
    )
  })

  it('appointed the holders of the posts under hometown avoidance from outside the county', () => {
    const roles = new Set<string>(DEFAULT_POLICY.people.hometownAvoidance.roles)
    const held = holders(sample)
    for (const { team, post } of postsOf(sample)) {
      const c = held.get(post.id)
      if (c && post.role && roles.has(post.role)) expect(c.hometown).not.toBe(team.locality)
    }
  })

  it('has some cadres due to move, and at most one per team who must', () => {
    const held = holders(sample)
    const moving = sample.teams.map((t) =>
      t.posts.filter((p) => held.has(p.id) && mustMove(sample, held.get(p.id)!, p)),
    )
    expect(moving.flat().length).toBeGreaterThan(5)
    expect(moving.every((m) => m.length <= 1)).toBe(true)
    const asOf = month(sample.asOf)
    const due = share([...held.values()], (c) => asOf - month(c.currentPost?.since ?? '') >= 60)
    expect(due).toBeGreaterThan(0.15)
  })

  it('opens every vacant post and every post whose incumbent must move', () => {
    const held = holders(sample)
    const open = new Set(sample.openPosts)
    for (const { post } of postsOf(sample)) {
      const c = held.get(post.id)
      if (!c || mustMove(sample, c, post)) expect(open.has(post.id)).toBe(true)
    }
  })

  it('lists reserve cadres only in the groups they qualify for', () => {
    const asOf = month(sample.asOf)
    const listed = sample.cadres.filter((c) => c.reserveGroups.length > 0)
    expect(listed.length).toBeGreaterThan(100)
    for (const c of listed) {
      expect(c.currentPost).toBeNull()
      expect(c.reserveGroups.includes('young')).toBe(ageOf(c, asOf) <= 35)
      expect(c.reserveGroups.includes('women')).toBe(c.gender === 'female')
      expect(c.reserveGroups.includes('minority')).toBe(c.ethnicity !== 'han')
      expect(c.reserveGroups.includes('non-party')).toBe(c.party !== 'cpc')
    }
  })

  it('records a few kin pairs, on both sides, never inside one team', () => {
    const byId = new Map(sample.cadres.map((c) => [c.id, c]))
    const teamOf = new Map(sample.teams.flatMap((t) => t.posts.map((p) => [p.id, t.id])))
    const linked = sample.cadres.filter((c) => c.kin.length > 0)
    expect(linked.length).toBeGreaterThanOrEqual(6)
    for (const c of linked) {
      for (const k of c.kin) {
        const other = byId.get(k.cadreId)!
        expect(other.kin).toContainEqual({ cadreId: c.id, relation: k.relation })
        if (k.relation === 'spouse') expect(other.gender).not.toBe(c.gender)
        const [a, b] = [c, other].map((x) => (x.currentPost ? teamOf.get(x.currentPost.postId) : undefined))
        if (a !== undefined) expect(a).not.toBe(b)
      }
    }
  })

  it('has mostly good records: assessments of the last three years, integrity checks done', () => {
    const c = sample.cadres
    const grades = c.flatMap((x) => x.assessments.map((a) => a.grade))
    const g = (k: string) => grades.filter((x) => x === k).length / grades.length
    expect(g('excellent') + g('competent')).toBeGreaterThan(0.9)
    expect(g('basic')).toBeGreaterThan(0)
    expect(g('incompetent')).toBeLessThan(0.02)
    expect(c.every((x) => x.assessments.every((a) => a.year >= 2023 && a.year <= 2025))).toBe(true)
    const complete = share(
      c,
      (x) => x.integrity.doubleSigned && x.integrity.clean && x.integrity.checkedOn !== null,
    )
    expect(complete).toBeGreaterThan(0.85)
    expect(complete).toBeLessThan(1)
    expect(share(c, (x) => x.integrity.underInvestigation)).toBeLessThan(0.01)
  })
})

describe('generateScenario', () => {
  it('defaults to 300 cadres in 30 teams, the first seed and September 2026', () => {
    const s = generateScenario()
    expect(s.cadres).toHaveLength(300)
    expect(s.teams).toHaveLength(30)
    expect(s.asOf).toBe('2026-09')
    expect(JSON.stringify(s)).toBe(JSON.stringify(generateScenario({ seed: 1 })))
  })

  it('gives different counties for different seeds', () => {
    expect(generateScenario({ seed: 1 }).cadres[0]).not.toEqual(generateScenario({ seed: 2 }).cadres[0])
  })

  it('applies the policy it is given', () => {
    const s = generateScenario({ policy: { structure: { women: { min: 2 } } } })
    expect(s.policy.structure.women.min).toBe(2)
    expect(s.policy.structure.young).toEqual(DEFAULT_POLICY.structure.young)
  })

  it('generates 10,000 cadres well under two seconds', () => {
    const t0 = performance.now()
    const s = generateScenario({ cadres: 10_000 })
    expect(performance.now() - t0).toBeLessThan(2_000)
    expect(s.cadres).toHaveLength(10_000)
    expect(s.teams).toHaveLength(1_000)
  })

  it.each([
    [{ cadres: 19 }, /cadres/],
    [{ cadres: 10_001 }, /cadres/],
    [{ cadres: 300.5 }, /cadres/],
    [{ teams: 1 }, /teams/],
    [{ cadres: 100, teams: 21 }, /teams/],
    [{ openShare: 1.5 }, /openShare/],
    [{ vacancyShare: -0.1 }, /vacancyShare/],
    [{ asOf: '2026-13' }, /asOf/],
    [{ seed: 0.5 }, /seed/],
  ])('rejects %o with a RangeError naming the option', (options, message) => {
    expect(() => generateScenario(options)).toThrow(RangeError)
    expect(() => generateScenario(options)).toThrow(message)
  })
})

// The demo staffs these under the default policy with hard rules: each must leave a solvable round.
const cases: [string, Scenario][] = [['sample', sample]]
for (const cadres of [60, 300, 1200])
  for (const openShare of [0.3, 1])
    for (let seed = 1; seed <= 5; seed++)
      cases.push([
        `seed ${seed}, ${cadres} cadres, open ${openShare}`,
        generateScenario({ seed, cadres, openShare }),
      ])

describe.each(cases)('supply of %s', (_, s) => {
  it('has eligible candidates of every kind a team lacks, also from outside the team', () => {
    const short = supplyReport(s).filter((r) => r.supply < r.need || r.outside < r.need)
    expect(short).toEqual([])
  })

  it('has an eligible candidate for every open post besides its incumbent', () => {
    const open = new Set(s.openPosts)
    const pool = s.cadres.filter((c) => c.currentPost === null || open.has(c.currentPost.postId))
    const empty = postsOf(s)
      .filter(({ post }) => open.has(post.id))
      .filter(
        ({ team, post }) =>
          !pool.some((c) => c.currentPost?.postId !== post.id && eligible(s, c, post, team)),
      )
    expect(empty.map((x) => x.post.id)).toEqual([])
  })

  it('is feasible: every incumbent who may stay, staying, breaks no hard rule', () => {
    expect(stayProposalViolations(s)).toEqual([])
  })
})

describe('feasibility under other policies', () => {
  it.each([
    ['two women per team', { structure: { women: { min: 2 } } }],
    ['the town rule of a member aged 30 or less', { structure: { youngTown: { enabled: true } } }],
    ['two non-party members where one is required', { structure: { nonParty: { min: 2 } } }],
  ])('leaves a feasible round with %s', (_, policy) => {
    for (const openShare of [0.3, 1]) {
      const s = generateScenario({ seed: 3, cadres: 600, openShare, policy })
      expect(stayProposalViolations(s)).toEqual([])
      expect(supplyReport(s).filter((r) => r.supply < r.need)).toEqual([])
    }
  })
})
