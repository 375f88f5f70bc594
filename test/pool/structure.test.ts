import { describe, expect, it } from 'vitest'
import {
  analyseStructure,
  countyStructure,
  distributionsOf,
  mainFieldOf,
  severityOf,
  teamGaps,
  teamStructures,
  type ValueCount,
} from '../../src/pool/index.js'
import { contextOf } from '../../src/rules/context.js'
import { county } from './fixtures.js'
import { sampleScenario } from '../../src/sample/index.js'

describe('teamStructures', () => {
  const [t1, t2] = teamStructures(county())

  it('counts the incumbents of closed posts; open posts are vacant', () => {
    expect(t1!.members).toEqual(['C1', 'C2', 'C3', 'C4'])
    expect(t1!.vacantPosts).toEqual(['P5'])
    expect(t2!.members).toEqual(['C6'])
    expect(t2!.vacantPosts).toEqual(['Q2'])
  })

  it('gives the distributions, each summing to the members', () => {
    const d = t1!.distributions
    // ages 50, 56, 54, 52: average 53
    expect(t1!.averageAge).toBe(53)
    expect(d.ageBands).toEqual([
      { value: '≤40', count: 0 },
      { value: '41–50', count: 1 },
      { value: '≥51', count: 3 },
    ])
    expect(d.gender).toEqual([
      { value: 'female', count: 0 },
      { value: 'male', count: 4 },
    ])
    expect(d.ethnicity).toEqual([
      { value: 'han', count: 3 },
      { value: 'mongol', count: 1 },
    ])
    expect(d.field).toEqual([
      { value: 'law/justice', count: 2 },
      { value: 'agriculture/livestock', count: 1 },
      { value: 'party/organization', count: 1 },
    ])
    expect(d.temperament).toEqual([
      { value: 'choleric', count: 3 },
      { value: 'none', count: 1 },
    ])
    for (const list of Object.values(d) as (readonly ValueCount[])[])
      expect(list.reduce((s, c) => s + c.count, 0)).toBe(4)
  })

  it('checks every applicable rule with required and achieved numbers', () => {
    const byTag = new Map(t1!.checks.map((c) => [c.tag, c]))
    expect(byTag.get('women')).toMatchObject({
      required: 1,
      achieved: 0,
      shortfall: 1,
      hard: true,
      cost: 200,
    })
    expect(byTag.get('titular')).toMatchObject({ required: 1, achieved: 1, shortfall: 0 })
    // Σ(age − 50) = 0 + 6 + 4 + 2 = 12 member-years over the bound
    expect(byTag.get('average-age-max')).toMatchObject({
      required: 50,
      achieved: 53,
      shortfall: 12,
      cost: 12,
    })
    expect(byTag.get('cap-law/justice')).toMatchObject({ required: 2, achieved: 2, shortfall: 0 })
    expect(byTag.get('temperament')).toMatchObject({ required: 3, achieved: 1, shortfall: 2, cost: 20 })
    // a team of two posts: women, young, temperament and average age do not apply
    expect(t2!.checks.map((c) => c.code)).toEqual(['structure.specialty-cap'])
  })
})

describe('teamGaps', () => {
  it('lists what each team lacks, by severity then ids, with zh and en messages', () => {
    const gaps = teamGaps(county())
    expect(gaps.map((g) => [g.teamId, g.code, g.severity, g.required, g.achieved])).toEqual([
      ['T1', 'structure.women', 'high', 1, 0],
      ['T1', 'structure.young', 'high', 1, 0],
      ['T1', 'structure.specialty-coverage', 'medium', 1, 0],
      ['T1', 'establishment.vacancy', 'low', 5, 4],
      ['T1', 'structure.age-bands', 'low', 1, 0],
      ['T1', 'structure.average-age', 'low', 50, 53],
      ['T1', 'structure.temperament', 'low', 3, 1],
      ['T2', 'establishment.vacancy', 'low', 2, 1],
    ])
    expect(gaps.map((g) => g.en)).toEqual([
      '乡镇1: no woman (needs ≥ 1)',
      '乡镇1: no member aged ≤ 35 (needs ≥ 1)',
      '乡镇1: no one with economy/finance',
      '乡镇1: 1 of 5 posts vacant',
      '乡镇1: no member aged ≤40 (needs ≥ 1)',
      '乡镇1: average age 53 > 50',
      '乡镇1: 1 temperament type(s) (needs ≥ 3); 3 of 4 are choleric',
      '财政局: 1 of 2 posts vacant',
    ])
    expect(gaps[0]!.zh).toBe('乡镇1：女干部0名（应不少于1名）')
    expect(gaps[5]!.zh).toBe('乡镇1：平均年龄53岁，高于50岁')
    expect(gaps[6]!.zh).toBe('乡镇1：气质类型1种（应不少于3种），4人中3人为胆汁质')
  })

  it('makes a vacancy severe when the policy allows none', () => {
    const s = county()
    const strict = { ...s, policy: { ...s.policy, vacancy: { allowed: false, penalty: 1000 } } }
    const vacancies = teamGaps(strict).filter((g) => g.code === 'establishment.vacancy')
    expect(vacancies.map((g) => [g.teamId, g.severity])).toEqual([
      ['T1', 'high'],
      ['T2', 'high'],
    ])
  })

  it('is deterministic', () => {
    expect(JSON.stringify(teamGaps(structuredClone(county())))).toBe(JSON.stringify(teamGaps(county())))
  })
})

describe('countyStructure', () => {
  it('sums the members of all teams and counts the teams short of each rule', () => {
    const c = countyStructure(county())
    expect([c.teams, c.posts, c.members, c.vacant]).toEqual([2, 7, 5, 2])
    // (212 + 33) / 5
    expect(c.averageAge).toBe(49)
    expect(c.gaps).toEqual({ high: 2, medium: 1, low: 5 })
    const women = c.rules.find((r) => r.code === 'structure.women')
    expect(women).toEqual({ code: 'structure.women', teams: 1, short: 1, hardShort: 1 })
    expect(c.rules.find((r) => r.code === 'structure.specialty-cap')).toMatchObject({ teams: 2, short: 0 })
  })

  it('agrees with analyseStructure', () => {
    const a = analyseStructure(county())
    expect(a.county).toEqual(countyStructure(county()))
    expect(a.gaps).toEqual(teamGaps(county()))
  })
})

describe('helpers', () => {
  it('mainFieldOf takes the first two segments of the first specialty', () => {
    const s = county()
    expect(mainFieldOf(s.cadres[0]!)).toBe('law/justice')
    expect(mainFieldOf(s.cadres[4]!)).toBeNull()
  })

  it('severityOf: hard is high; a soft cost of 50 or more is medium', () => {
    expect([severityOf(true, 0), severityOf(false, 50), severityOf(false, 49.9)]).toEqual([
      'high',
      'medium',
      'low',
    ])
  })

  it('distributionsOf counts any set of cadres, ages outside every band as other', () => {
    const s = county()
    const narrow = {
      ...s,
      policy: {
        ...s.policy,
        structure: {
          ...s.policy.structure,
          ageBands: { ...s.policy.structure.ageBands, bands: [{ label: '≤35', minAge: 0, maxAge: 35 }] },
        },
      },
    }
    // C6 33, C7 45, C8 30
    const d = distributionsOf(contextOf(narrow), [5, 6, 7])
    expect(d.ageBands).toEqual([
      { value: '≤35', count: 2 },
      { value: 'other', count: 1 },
    ])
    expect(d.party).toEqual([
      { value: 'cpc', count: 2 },
      { value: 'democratic-party', count: 1 },
      { value: 'none', count: 0 },
    ])
  })
})

describe('gap messages in the user’s words', () => {
  it('never run a code into a Chinese sentence: ethnicities by name, specialties quoted as codes', () => {
    const s = sampleScenario()
    const gaps = teamGaps(s)
    const titular = gaps.find((g) => g.code === 'structure.titular')
    expect(titular?.zh).toMatch(/自治民族（蒙古族）干部/)
    const coverage = gaps.find((g) => g.code === 'structure.specialty-coverage')
    if (coverage !== undefined) expect(coverage.zh).toMatch(/缺少专业“[a-z/-]+”的干部/)
    for (const g of gaps) expect(g.zh).not.toMatch(/[\u4e00-\u9fff][a-z]+[\u4e00-\u9fff]/)
  })
})
