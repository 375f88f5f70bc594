import { describe, expect, it } from 'vitest'
import { auditProposal, validateProposal } from '../../src/check/index.js'
import type { Cadre, Scenario } from '../../src/domain/types.js'
import type { PolicyInput } from '../../src/domain/policy.js'
import {
  assign,
  born,
  cadreOf,
  proposal,
  scenario,
  spec,
  swapClone,
  where,
  withCadres,
  withPolicy,
} from './fixtures.js'

/** Audit after open post `postId` goes to a clone of its planned cadre changed by `over`. */
const swap = (postId: string, over: Partial<Cadre>, s?: Scenario) => {
  const m = swapClone(postId, over, s)
  return auditProposal(m.scenario, m.proposal)
}

const t1 = (code: string, shortfall: number, cost: number) => ({
  code,
  teamId: 'T1',
  postId: null,
  cadreId: null,
  shortfall,
  cost,
})

const policy = (patch: PolicyInput) => withPolicy(scenario(), patch)

describe('structure.women', () => {
  it('names a team whose only woman is swapped for a man', () => {
    const audit = swap('P13', { gender: 'male' })
    expect(where(audit.violations)).toEqual(['structure.women @ T1/-/-'])
    expect(audit.violations[0]?.message).toBe('team 乡镇1 (T1): needs ≥ 1 woman, has 0')
  })

  it('reports nothing when disabled', () => {
    expect(
      swap('P13', { gender: 'male' }, policy({ structure: { women: { enabled: false } } })).violations,
    ).toEqual([])
  })

  it('is a shortfall costing penalty × shortfall when soft', () => {
    // minTeamSize 4 leaves T2 and T3 (three posts, one woman each) out of a min of 2.
    const s = policy({ structure: { women: { hard: false, min: 2, minTeamSize: 4 } } })
    const audit = swap('P13', { gender: 'male' }, s)
    expect(audit.violations).toEqual([])
    expect(audit.shortfalls).toEqual([t1('structure.women', 2, 400)])
  })

  it('does not apply to a team smaller than minTeamSize', () => {
    const s = policy({ structure: { women: { minTeamSize: 7 } } })
    expect(swap('P13', { gender: 'male' }, s).violations).toEqual([])
  })
})

describe('structure.young', () => {
  it('names a team whose only member aged ≤ 35 is swapped for one aged 36', () => {
    expect(where(swap('P14', { birth: born(36) }).violations)).toEqual(['structure.young @ T1/-/-'])
  })
})

describe('structure.young-town', () => {
  const s = () => policy({ structure: { youngTown: { enabled: true } } })

  it('holds with a member aged 30 in a township team', () => {
    expect(validateProposal(s(), proposal())).toEqual([])
  })

  it('names a township team without a member aged ≤ 30', () => {
    expect(where(swap('P14', { birth: born(31) }, s()).violations)).toEqual(['structure.young-town @ T1/-/-'])
  })
})

describe('structure.minority', () => {
  it('names an autonomous-area team whose only minority member is swapped for a Han', () => {
    const base = scenario()
    const teams = base.teams.map((t) => (t.id === 'T1' ? { ...t, needsTitularMember: false } : t))
    expect(where(swap('P16', { ethnicity: 'han' }, { ...base, teams }).violations)).toEqual([
      'structure.minority @ T1/-/-',
    ])
  })
})

describe('structure.titular', () => {
  it('names a team that needs a Mongol member and gets a Hui instead', () => {
    expect(where(swap('P16', { ethnicity: 'hui' }).violations)).toEqual(['structure.titular @ T1/-/-'])
  })
})

describe('structure.non-party', () => {
  it('names a team whose only non-party member is swapped for a party member', () => {
    expect(where(swap('P14', { party: 'cpc' }).violations)).toEqual(['structure.non-party @ T1/-/-'])
  })

  it('counts a democratic-party member as non-party', () => {
    expect(swap('P14', { party: 'democratic-party' }).violations).toEqual([])
  })
})

describe('structure.age-bands (soft by default)', () => {
  it('costs 30 per band short', () => {
    // C5 (52) is the only member aged ≥ 51.
    const audit = swap('P16', { birth: born(50) })
    expect(audit.violations).toEqual([])
    expect(audit.shortfalls).toEqual([t1('structure.age-bands', 1, 30)])
  })

  it('is a violation when hard', () => {
    const s = policy({ structure: { ageBands: { hard: true } } })
    expect(where(swap('P16', { birth: born(50) }, s).violations)).toEqual(['structure.age-bands @ T1/-/-'])
  })
})

describe('structure.average-age (off by default)', () => {
  // Members' ages: 48, 45, 38, 30, 47, 52 — Σ 260 over 6 members.
  it('holds when Σ(age − max) ≤ 0', () => {
    const s = policy({ structure: { averageAge: { enabled: true, max: 44 } } })
    expect(auditProposal(s, proposal()).shortfalls).toEqual([])
  })

  it('costs the member-years above the maximum', () => {
    const s = policy({ structure: { averageAge: { enabled: true, max: 44 } } })
    // 38 → 45: Σ 267 − 6 × 44 = 3.
    expect(swap('P13', { birth: born(45) }, s).shortfalls).toEqual([t1('structure.average-age', 3, 3)])
  })

  it('costs the member-years below the minimum, and is a violation when hard', () => {
    // minTeamSize 6 keeps the three-post teams T2 and T3 out.
    const rule = { enabled: true, min: 45, max: null, minTeamSize: 6 }
    const s = policy({ structure: { averageAge: { ...rule, hard: true } } })
    expect(where(validateProposal(s, proposal()))).toEqual(['structure.average-age @ T1/-/-'])
    // 6 × 45 − 260 = 10 member-years.
    const soft = policy({ structure: { averageAge: { ...rule, penalty: 2 } } })
    expect(auditProposal(soft, proposal()).shortfalls).toEqual([t1('structure.average-age', 10, 20)])
  })
})

describe('structure.specialty-coverage (soft by default)', () => {
  it('costs 100 per wanted specialty no member covers', () => {
    expect(swap('P14', { specialties: [] }).shortfalls).toEqual([t1('structure.specialty-coverage', 1, 100)])
  })

  it('needs the code or a code below it, not a mere string prefix', () => {
    const audit = swap('P14', { specialties: [spec('agriculture-x/crops')] })
    expect(audit.shortfalls).toEqual([t1('structure.specialty-coverage', 1, 100)])
  })

  it('is a violation when hard', () => {
    const s = policy({ structure: { specialtyCoverage: { hard: true } } })
    expect(where(swap('P14', { specialties: [] }, s).violations)).toEqual([
      'structure.specialty-coverage @ T1/-/-',
    ])
  })
})

describe('structure.specialty-cap (soft by default)', () => {
  const third = [spec('economy/finance/audit'), spec('agriculture/crops')]

  it('costs 20 per member over the cap of one main field', () => {
    expect(swap('P14', { specialties: third }).shortfalls).toEqual([t1('structure.specialty-cap', 1, 20)])
  })

  it('counts only the first listed specialty as the main field', () => {
    expect(swap('P14', { specialties: [...third].reverse() }).shortfalls).toEqual([])
  })

  it('is a violation when hard', () => {
    const s = policy({ structure: { specialtyCap: { hard: true } } })
    expect(where(swap('P14', { specialties: third }, s).violations)).toEqual([
      'structure.specialty-cap @ T1/-/-',
    ])
  })
})

describe('structure.temperament (soft by default)', () => {
  it('costs 10 per missing type; null temperaments do not count', () => {
    // C1 has no temperament recorded, C6 is the only choleric member.
    expect(swap('P13', { temperament: 'sanguine' }).shortfalls).toEqual([t1('structure.temperament', 1, 10)])
  })

  it('is a violation when hard', () => {
    const s = policy({ structure: { temperament: { hard: true } } })
    expect(where(swap('P13', { temperament: null }, s).violations)).toEqual([
      'structure.temperament @ T1/-/-',
    ])
  })
})

describe('avoidance.kin', () => {
  it('names a team with kin recorded on the newcomer', () => {
    const audit = swap('P13', { kin: [{ cadreId: 'C1', relation: 'spouse' }] })
    expect(where(audit.violations)).toEqual(['avoidance.kin @ T1/-/-'])
    expect(audit.violations[0]?.message).toBe(
      'team 乡镇1 (T1): kin in the same team: cadre 巴特尔 (C1) and cadre 王芳′ (X1)',
    )
  })

  it('names a team with kin recorded on the incumbent only', () => {
    const s = withCadres(scenario(), { ...cadreOf('C1'), kin: [{ cadreId: 'X1', relation: 'sibling' }] })
    expect(where(swap('P13', {}, s).violations)).toEqual(['avoidance.kin @ T1/-/-'])
  })

  it('reports nothing when disabled', () => {
    const s = policy({ people: { kinAvoidance: { enabled: false } } })
    expect(swap('P13', { kin: [{ cadreId: 'C1', relation: 'spouse' }] }, s).violations).toEqual([])
  })
})

describe('stability.max-changed', () => {
  it('names a team where more than a third of the posts change', () => {
    // T1 has 6 posts, so 2 may change; C3 already leaves P13, now C2 and C4 leave too.
    const audit = auditProposal(scenario(), assign(assign(proposal(), 'P12', null), 'P15', null))
    expect(where(audit.violations)).toEqual(['stability.max-changed @ T1/-/-'])
    expect(audit.violations[0]?.message).toBe(
      'team 乡镇1 (T1): at most 2 of 6 posts may change in one round, 3 changed (P12, P13, P15)',
    )
  })

  it('does not count filling a post without an incumbent', () => {
    const s = scenario()
    expect(validateProposal(s, assign(proposal(), 'P12', null))).toEqual([])
  })
})

describe('stability.heads-not-both', () => {
  it('names a unit whose party head and government head both change', () => {
    // T2 and T3 are one unit; each team changes one post of three, which alone is allowed.
    const vs = validateProposal(scenario(), assign(assign(proposal(), 'P21', null), 'P31', null))
    expect(where(vs)).toEqual(['stability.heads-not-both @ T2/-/-'])
    expect(vs[0]?.message).toBe(
      'team 党委2 (T2): unit U2 changes both its party head (post 书记 (P21)) and its government head (post 乡长 (P31))',
    )
  })

  it('allows one of the two heads to change', () => {
    expect(validateProposal(scenario(), assign(proposal(), 'P31', null))).toEqual([])
  })
})

describe('teams without an open post', () => {
  it('are not checked, even when they break a structure rule', () => {
    // T4 has only men over 35 and no open post.
    expect(validateProposal(scenario(), proposal())).toEqual([])
  })

  it('are checked once one of their posts is open', () => {
    const s = scenario({ openPosts: [...scenario().openPosts, 'P41'] })
    const p = { ...proposal(), assignments: [...proposal().assignments, assignmentStay('P41', 'C14')] }
    expect(where(validateProposal(s, p))).toEqual(['structure.women @ T4/-/-', 'structure.young @ T4/-/-'])
  })
})

function assignmentStay(postId: string, cadreId: string) {
  return {
    postId,
    teamId: 'T4',
    cadreId,
    incumbentId: cadreId,
    change: 'stays' as const,
    fit: 50,
    components: null,
    exceptional: false,
  }
}
