import { describe, expect, it } from 'vitest'
import { auditProposal, validateProposal } from '../../src/check/index.js'
import type { Proposal } from '../../src/domain/proposal.js'
import {
  assign,
  assignment,
  PLAN_FIT,
  proposal,
  proposalOf,
  scenario,
  swapClone,
  where,
  withCadres,
  cloneOf,
} from './fixtures.js'

describe('auditProposal', () => {
  it('recomputes the objective of a valid proposal as its Σ fit', () => {
    const audit = auditProposal(scenario(), proposal())
    expect(audit).toMatchObject({ fit: PLAN_FIT, softCost: 0, objective: PLAN_FIT })
  })

  it('subtracts the vacancy penalty and drops the fit of an empty post', () => {
    const audit = auditProposal(scenario(), assign(proposal(), 'P12', null))
    expect(audit).toMatchObject({ fit: PLAN_FIT - 80, softCost: 1000, objective: PLAN_FIT - 80 - 1000 })
  })

  it('does not count the fit stated for an unknown cadre', () => {
    const p = proposalOf(
      proposal().assignments.map((a) => (a.postId === 'P12' ? { ...a, cadreId: 'NOPE' } : a)),
    )
    expect(auditProposal(scenario(), p)).toMatchObject({ fit: PLAN_FIT - 80, softCost: 1000 })
  })

  it('sums every soft cost: team rules and vacancies', () => {
    // P14 to a clone with no specialty and no recorded temperament: coverage 100; P15 vacant: 1000.
    const m = swapClone('P14', { specialties: [] })
    const audit = auditProposal(m.scenario, assign(m.proposal, 'P15', null))
    expect(audit.shortfalls.map((s) => [s.code, s.teamId, s.postId, s.cost])).toEqual([
      ['establishment.vacancy', 'T1', 'P15', 1000],
      ['structure.specialty-coverage', 'T1', null, 100],
    ])
    expect(audit.softCost).toBe(1100)
    expect(audit.objective).toBe(audit.fit - 1100)
  })

  it('returns the same violations as validateProposal', () => {
    const m = swapClone('P13', { gender: 'male' })
    expect(auditProposal(m.scenario, m.proposal).violations).toEqual(validateProposal(m.scenario, m.proposal))
  })
})

describe('report order', () => {
  it('is team order, then post order (team rules after posts, strays last), then code', () => {
    const s = withCadres(
      scenario(),
      cloneOf('C5', 'X1', { rank: 'section-member', education: { level: 'secondary', fullTime: true } }),
      cloneOf('C6', 'X2', { gender: 'male' }),
    )
    let p: Proposal = assign(assign(proposal(), 'P16', 'X1'), 'P13', 'X2')
    p = assign(assign(p, 'P21', null), 'P31', null)
    p = proposalOf([{ ...assignment('P12', 'C3'), postId: 'P99' }, ...p.assignments, assignment('P12', 'C2')])
    expect(where(validateProposal(s, p))).toEqual([
      'establishment.post-coverage @ T1/P12/-',
      'education.min-level @ T1/P16/X1',
      'ladder.skip-rung @ T1/P16/X1',
      'structure.women @ T1/-/-',
      'stability.heads-not-both @ T2/-/-',
      'establishment.unknown-id @ -/P99/C3',
    ])
  })

  it('does not depend on the order of the assignments', () => {
    const m = swapClone('P13', { gender: 'male', kin: [{ cadreId: 'C1', relation: 'spouse' }] })
    const reversed = proposalOf([...m.proposal.assignments].reverse())
    expect(validateProposal(m.scenario, reversed)).toEqual(validateProposal(m.scenario, m.proposal))
    expect(auditProposal(m.scenario, reversed)).toEqual(auditProposal(m.scenario, m.proposal))
  })
})

describe('malformed proposals', () => {
  const bad = (assignments: unknown): Proposal => ({ ...proposal(), assignments }) as unknown as Proposal

  it('treats missing assignments as every open post missing', () => {
    const vs = validateProposal(scenario(), bad(undefined))
    // Every open post is missing, so teams lose members and structure rules break too.
    const missing = vs.filter((v) => v.code === 'establishment.post-coverage').map((v) => v.postId)
    expect(missing).toEqual(['P12', 'P13', 'P14', 'P15', 'P16', 'P21', 'P31'])
  })

  it('reports junk elements and ids of the wrong type as unknown ids', () => {
    const assignments = [
      ...proposal().assignments.filter((a) => a.postId !== 'P12'),
      null,
      42,
      { postId: 'P12', cadreId: 7 },
    ]
    const vs = validateProposal(scenario(), bad(assignments))
    expect(where(vs)).toEqual([
      'establishment.unknown-id @ T1/P12/-',
      'establishment.unknown-id @ -/-/-',
      'establishment.unknown-id @ -/-/-',
    ])
    expect(vs.map((v) => v.message)).toEqual([
      'post 镇长 (P12) of team 乡镇1 (T1): assignment #8 names unknown cadre 7',
      'assignment #6 names unknown post undefined and unknown cadre undefined',
      'assignment #7 names unknown post undefined and unknown cadre undefined',
    ])
  })

  it('survives a null proposal and throwing getters', () => {
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error('trap')
        },
      },
    )
    expect(() => validateProposal(scenario(), null as unknown as Proposal)).not.toThrow()
    expect(() => validateProposal(scenario(), bad([trap]))).not.toThrow()
    expect(() => auditProposal(scenario(), trap as Proposal)).not.toThrow()
  })
})
