import { describe, expect, it } from 'vitest'
import { auditProposal, validateProposal } from '../../src/check/index.js'
import type { Cadre, Scenario } from '../../src/domain/types.js'
import {
  born,
  cadreOf,
  pair,
  proposal,
  proposalOf,
  scenario,
  swapClone,
  where,
  withCadres,
  withPolicy,
} from './fixtures.js'

const integrity = (over: Partial<Cadre['integrity']>): Partial<Cadre> => ({
  integrity: { ...cadreOf('C5').integrity, ...over },
})

/** Violations after P16 (a section-chief deputy post, C5's promotion) goes to a clone of C5 changed by `over`. */
const promoted = (over: Partial<Cadre>, s?: Scenario) => {
  const m = swapClone('P16', over, s)
  return where(validateProposal(m.scenario, m.proposal))
}

/** Violations after P14 (C7's lateral move) goes to a clone of C7 changed by `over`. */
const moved = (over: Partial<Cadre>, s?: Scenario) => {
  const m = swapClone('P14', over, s)
  return where(validateProposal(m.scenario, m.proposal))
}

/** Violations after incumbent `id` of an open post, changed by `over`, stays in it. */
const stays = (id: string, over: Partial<Cadre>, s: Scenario = scenario()) =>
  where(validateProposal(withCadres(s, { ...cadreOf(id), ...over }), proposal()))

describe('ladder.skip-rung', () => {
  it('names an appointment two rungs above the cadre', () => {
    expect(promoted({ rank: 'section-member' })).toEqual(['ladder.skip-rung @ T1/P16/X1'])
  })

  it('is never waived by an exceptional promotion', () => {
    expect(promoted({ rank: 'section-member', exceptionalPromotion: true })).toEqual([
      'ladder.skip-rung @ T1/P16/X1',
    ])
  })

  it('says how many rungs', () => {
    const m = swapClone('P16', { rank: 'section-member' })
    expect(validateProposal(m.scenario, m.proposal)[0]?.message).toBe(
      'post 党委副书记 (P16) of team 乡镇1 (T1): cadre 其木格′ (X1) would rise 2 rungs (section-member → section-chief)',
    )
  })
})

describe('ladder.step-down', () => {
  it('is a soft cost by default: a section chief taking a deputy post pays its penalty', () => {
    const m = swapClone('P14', { rank: 'section-chief' })
    expect(validateProposal(m.scenario, m.proposal)).toEqual([])
    expect(auditProposal(m.scenario, m.proposal).shortfalls).toEqual([
      { code: 'ladder.step-down', teamId: 'T1', postId: 'P14', cadreId: 'X1', shortfall: 1, cost: 40 },
    ])
  })

  it('names a step down when the policy makes it hard', () => {
    const s = withPolicy(scenario(), { people: { stepDown: { hard: true } } })
    expect(moved({ rank: 'section-chief' }, s)).toEqual(['ladder.step-down @ T1/P14/X1'])
  })
})

describe('ladder.min-years', () => {
  it('names a promotion with too few months at rank', () => {
    // 2023-01 → 2024-06 is 17 months; section-deputy needs 2 years.
    expect(promoted({ rankSince: '2023-01' })).toEqual(['ladder.min-years @ T1/P16/X1'])
  })

  it('holds at exactly the years required', () => {
    expect(promoted({ rankSince: '2022-06' })).toEqual([])
  })

  /** Violations of `promoted`, with P16's assignment recording 破格 as `exceptional` says. */
  const flagged = (over: Partial<Cadre>, exceptional: boolean) => {
    const m = swapClone('P16', over)
    const p = proposalOf(m.proposal.assignments.map((a) => (a.postId === 'P16' ? { ...a, exceptional } : a)))
    return validateProposal(m.scenario, p)
  }

  it('is waived by an approved exceptional promotion that the assignment records', () => {
    expect(where(flagged({ rankSince: '2023-01', exceptionalPromotion: true }, true))).toEqual([])
  })

  it('names an exceptional promotion the assignment does not record: 破格 is never silent', () => {
    const vs = flagged({ rankSince: '2023-01', exceptionalPromotion: true }, false)
    expect(where(vs)).toEqual(['ladder.min-years @ T1/P16/X1'])
    expect(vs[0]?.message).toContain('does not record')
  })

  it('names an assignment recording 破格 that waives nothing', () => {
    // Enough years at rank: nothing to waive, approved or not.
    expect(where(flagged({ rankSince: '2022-06', exceptionalPromotion: true }, true))).toEqual([
      'ladder.min-years @ T1/P16/X1',
    ])
    // Too few years and no approval: the years rule is broken, and the record claims what was not approved.
    expect(where(flagged({ rankSince: '2023-01' }, true))).toEqual([
      'ladder.min-years @ T1/P16/X1',
      'ladder.min-years @ T1/P16/X1',
    ])
  })

  it('checks no record when the years rule is off', () => {
    const off = withPolicy(scenario(), { people: { ladder: { enabled: false } } })
    const m = swapClone('P16', { rankSince: '2023-01', exceptionalPromotion: true }, off)
    expect(where(validateProposal(m.scenario, m.proposal))).toEqual([])
  })

  it('does not apply to a lateral move', () => {
    expect(moved({ rankSince: '2024-01' })).toEqual([])
  })
})

describe('education.min-level', () => {
  it('names an appointee below junior college', () => {
    expect(moved({ education: { level: 'secondary', fullTime: true } })).toEqual([
      'education.min-level @ T1/P14/X1',
    ])
  })

  it('accepts junior college', () => {
    expect(moved({ education: { level: 'junior-college', fullTime: false } })).toEqual([])
  })
})

describe('age.max-at-appointment', () => {
  it('names a deputy appointed at 56', () => {
    expect(promoted({ birth: born(56) })).toEqual(['age.max-at-appointment @ T1/P16/X1'])
  })

  it('accepts 55, counting whole years', () => {
    // Born 1968-07: 55 years and 11 months at 2024-06.
    expect(promoted({ birth: '1968-07' })).toEqual([])
  })
})

describe('integrity.gate', () => {
  it('names a promotion without the double signature', () => {
    expect(promoted(integrity({ doubleSigned: false }))).toEqual(['integrity.gate @ T1/P16/X1'])
  })

  it('names a promotion with one of the four checks missing', () => {
    expect(promoted(integrity({ complaintsInvestigated: false }))).toEqual(['integrity.gate @ T1/P16/X1'])
  })

  it('names a promotion whose checks are older than 12 months', () => {
    expect(promoted(integrity({ checkedOn: '2023-05' }))).toEqual(['integrity.gate @ T1/P16/X1'])
    expect(promoted(integrity({ checkedOn: '2023-06' }))).toEqual([])
  })

  it('names a promotion never checked or not clean', () => {
    expect(promoted(integrity({ checkedOn: null }))).toEqual(['integrity.gate @ T1/P16/X1'])
    expect(promoted(integrity({ clean: false }))).toEqual(['integrity.gate @ T1/P16/X1'])
  })

  it('does not apply to a lateral move', () => {
    expect(moved(integrity({ doubleSigned: false, checkedOn: null }))).toEqual([])
  })
})

describe('discipline.open-case', () => {
  it('names an appointee under investigation', () => {
    expect(moved(integrity({ underInvestigation: true }))).toEqual(['discipline.open-case @ T1/P14/X1'])
  })

  it('names an appointee whose disciplinary period runs to the reference month', () => {
    expect(moved(integrity({ disciplinaryUntil: '2024-06' }))).toEqual(['discipline.open-case @ T1/P14/X1'])
    expect(moved(integrity({ disciplinaryUntil: '2024-05' }))).toEqual([])
  })
})

describe('assessment.low-grade', () => {
  it('names a promotion with a basic grade in the last two years', () => {
    const assessments = [{ year: 2022, grade: 'basic' as const }]
    expect(promoted({ assessments })).toEqual(['assessment.low-grade @ T1/P16/X1'])
  })

  it('forgets a grade older than the lookback', () => {
    expect(promoted({ assessments: [{ year: 2021, grade: 'incompetent' }] })).toEqual([])
  })

  it('does not apply to a lateral move', () => {
    expect(moved({ assessments: [{ year: 2023, grade: 'incompetent' }] })).toEqual([])
  })
})

describe('avoidance.hometown', () => {
  it('names a party head appointed in their home locality', () => {
    const m = swapClone('P21', { hometown: 'Q2' })
    expect(where(validateProposal(m.scenario, m.proposal))).toEqual(['avoidance.hometown @ T2/P21/X1'])
  })

  it('does not apply to a post without an avoidance role', () => {
    expect(moved({ hometown: 'Q1' })).toEqual([])
  })
})

describe('rotation.must-move', () => {
  const since = (ym: string) => ({ currentPost: { postId: 'P21', since: ym } })
  // Two five-year terms also end at ten years: tenure.max-terms is switched off to see rotation alone.
  const noTerms = () => withPolicy(scenario(), { people: { terms: { enabled: false } } })

  it('names an incumbent staying 10 years', () => {
    expect(stays('C8', since('2014-06'), noTerms())).toEqual(['rotation.must-move @ T2/P21/C8'])
  })

  it('holds at 9 years 11 months', () => {
    expect(stays('C8', since('2014-07'), noTerms())).toEqual([])
  })

  it('does not apply to a rotation-exempt post', () => {
    const s = noTerms()
    const teams = s.teams.map((t) => ({ ...t, posts: t.posts.map((p) => ({ ...p, rotationExempt: true })) }))
    expect(stays('C8', since('2000-01'), { ...s, teams })).toEqual([])
  })
})

describe('rotation.should-move', () => {
  it('is a soft shortfall of its penalty after 5 years, not a violation', () => {
    const s = withCadres(scenario(), { ...cadreOf('C8'), currentPost: { postId: 'P21', since: '2019-06' } })
    const audit = auditProposal(s, proposal())
    expect(audit.violations).toEqual([])
    expect(audit.shortfalls).toEqual([
      { code: 'rotation.should-move', teamId: 'T2', postId: 'P21', cadreId: 'C8', shortfall: 1, cost: 5 },
    ])
  })

  it('is a violation when made hard', () => {
    const s = withPolicy(scenario(), { people: { shouldRotate: { hard: true } } })
    expect(stays('C8', { currentPost: { postId: 'P21', since: '2019-06' } }, s)).toEqual([
      'rotation.should-move @ T2/P21/C8',
    ])
  })
})

describe('forbidden-pair', () => {
  it('names a forbidden appointment', () => {
    const s = scenario({ forbidden: [pair('C7', 'P14')] })
    expect(where(validateProposal(s, proposal()))).toEqual(['forbidden-pair @ T1/P14/C7'])
  })

  it('names a forbidden stay', () => {
    const s = scenario({ forbidden: [pair('C2', 'P12')] })
    expect(where(validateProposal(s, proposal()))).toEqual(['forbidden-pair @ T1/P12/C2'])
  })
})

describe('stays', () => {
  it('are exempt from every appointment and promotion rule', () => {
    // C2 stays as 镇长 (government head): old, uneducated, local, under investigation, two rungs low.
    const c2: Partial<Cadre> = {
      birth: born(60),
      education: { level: 'secondary', fullTime: false },
      hometown: 'Q1',
      rank: 'section-member',
      rankSince: '2024-01',
      assessments: [{ year: 2023, grade: 'incompetent' }],
      integrity: {
        ...cadreOf('C2').integrity,
        underInvestigation: true,
        doubleSigned: false,
        checkedOn: null,
      },
    }
    expect(stays('C2', c2)).toEqual([])
  })
})

describe('disabled pair rules', () => {
  it('never report', () => {
    const s = withPolicy(scenario(), {
      people: { ladder: { enabled: false }, age: { enabled: false }, retirement: { enabled: false } },
    })
    expect(promoted({ rank: 'section-member', birth: born(58) }, s)).toEqual([])
  })

  it('soft ones cost their penalty once per pair', () => {
    const s = withPolicy(scenario(), { people: { education: { hard: false, penalty: 7 } } })
    const m = swapClone('P14', { education: { level: 'secondary', fullTime: true } }, s)
    const audit = auditProposal(m.scenario, m.proposal)
    expect(audit.violations).toEqual([])
    expect(audit.shortfalls).toEqual([
      { code: 'education.min-level', teamId: 'T1', postId: 'P14', cadreId: 'X1', shortfall: 1, cost: 7 },
    ])
  })
})
