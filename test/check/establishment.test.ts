import { describe, expect, it } from 'vitest'
import { auditProposal, validateProposal } from '../../src/check/index.js'
import {
  assign,
  assignment,
  pair,
  proposal,
  proposalOf,
  scenario,
  swapClone,
  where,
  withPolicy,
} from './fixtures.js'

describe('the fixture', () => {
  it('is a proposal that breaks no rule, hard or soft', () => {
    const audit = auditProposal(scenario(), proposal())
    expect(audit.violations).toEqual([])
    expect(audit.shortfalls).toEqual([])
  })
})

describe('establishment.post-coverage', () => {
  it('names an open post missing from the proposal', () => {
    const p = proposalOf(proposal().assignments.filter((a) => a.postId !== 'P12'))
    expect(where(validateProposal(scenario(), p))).toEqual(['establishment.post-coverage @ T1/P12/-'])
  })

  it('names an open post answered twice', () => {
    const p = proposalOf([...proposal().assignments, assignment('P12', 'C2')])
    const vs = validateProposal(scenario(), p)
    expect(where(vs)).toEqual(['establishment.post-coverage @ T1/P12/-'])
    expect(vs[0]?.message).toBe(
      'post 镇长 (P12) of team 乡镇1 (T1): open post answered 2 times, expected once',
    )
  })

  it('names a closed post that appears in the proposal', () => {
    const p = proposalOf([...proposal().assignments, assignment('P11', 'C1')])
    expect(where(validateProposal(scenario(), p))).toEqual(['establishment.post-coverage @ T1/P11/C1'])
  })
})

describe('establishment.closed-post-changed', () => {
  it('names a closed post given to another cadre', () => {
    const p = proposalOf([...proposal().assignments, assignment('P11', 'C9')])
    const vs = validateProposal(scenario(), p)
    expect(where(vs)).toEqual(['establishment.closed-post-changed @ T1/P11/C9'])
    expect(vs[0]?.message).toMatch(
      /^post 党委书记 \(P11\) of team 乡镇1 \(T1\): the post is not open this round and is held by cadre .+ \(C1\), but assignment #7 gives it to cadre .+ \(C9\)$/,
    )
  })

  it('names a closed post left vacant while it has a holder', () => {
    const p = proposalOf([...proposal().assignments, { ...assignment('P11', 'C1'), cadreId: null }])
    expect(where(validateProposal(scenario(), p))).toEqual(['establishment.closed-post-changed @ T1/P11/-'])
  })

  it('names a vacant closed post given to a cadre', () => {
    // P14 has no incumbent; closed this round, the plan still fills it with C7.
    const closed = scenario({ openPosts: scenario().openPosts.filter((id) => id !== 'P14') })
    const vs = validateProposal(closed, proposal())
    // C7 does not count as a member of T1, whose young and non-party rows then fail as well.
    expect(where(vs)).toContain('establishment.closed-post-changed @ T1/P14/C7')
    const found = vs.find((v) => v.code === 'establishment.closed-post-changed')
    expect(found?.message).toContain('is vacant, but assignment #2 gives it to cadre')
  })
})

describe('establishment.unknown-id', () => {
  it('names an unknown cadre id, and leaves the post empty', () => {
    const p = assign(proposal(), 'P12', 'NOPE')
    const vs = validateProposal(scenario(), p)
    expect(where(vs)).toEqual(['establishment.unknown-id @ T1/P12/NOPE'])
    expect(vs[0]?.message).toContain('unknown cadre "NOPE"')
  })

  it('names an unknown post id, after every team', () => {
    const p = proposalOf([...proposal().assignments, { ...assignment('P12', 'C3'), postId: 'P99' }])
    const vs = validateProposal(scenario(), p)
    expect(where(vs)).toEqual(['establishment.unknown-id @ -/P99/C3'])
    expect(vs[0]?.message).toBe('assignment #7 names unknown post "P99"')
  })

  it('names an unknown team id', () => {
    const p = proposalOf(
      proposal().assignments.map((a) => (a.postId === 'P14' ? { ...a, teamId: 'T99' } : a)),
    )
    expect(where(validateProposal(scenario(), p))).toEqual(['establishment.unknown-id @ T1/P14/C7'])
  })

  it('names an open post of the scenario that is no post of any team', () => {
    const s = scenario({ openPosts: [...scenario().openPosts, 'P99'] })
    expect(where(validateProposal(s, proposal()))).toEqual(['establishment.unknown-id @ -/P99/-'])
  })
})

describe('establishment.one-post-per-cadre', () => {
  it('names a cadre given two open posts, at the second', () => {
    // C7 also replaces C2 as 镇长: a promotion C7 may take, and a second change T1 may make.
    const p = assign(proposal(), 'P12', 'C7')
    const vs = validateProposal(scenario(), p)
    expect(where(vs)).toEqual(['establishment.one-post-per-cadre @ T1/P14/C7'])
    expect(vs[0]?.message).toBe(
      'cadre 张磊 (C7) holds 2 posts: post 镇长 (P12) of team 乡镇1 (T1); post 副镇长 (P14) of team 乡镇1 (T1)',
    )
  })

  it('counts the incumbent of a closed post', () => {
    // C1 keeps the closed post P11 and is also given P12.
    const p = assign(proposal(), 'P12', 'C1')
    expect(where(validateProposal(scenario(), p))).toEqual(['establishment.one-post-per-cadre @ T1/P12/C1'])
  })

  it('lets the incumbent of an open post move to another open post', () => {
    // C3 leaves P13 (now C6's) and takes P12, a promotion section-deputy → section-chief.
    const p = assign(proposal(), 'P12', 'C3')
    expect(where(validateProposal(scenario(), p))).toEqual([])
  })
})

describe('establishment.vacancy', () => {
  it('is a violation when vacancies are not allowed', () => {
    const s = withPolicy(scenario(), { vacancy: { allowed: false } })
    const vs = validateProposal(s, assign(proposal(), 'P12', null))
    expect(where(vs)).toEqual(['establishment.vacancy @ T1/P12/-'])
  })

  it('is a soft cost of policy.vacancy.penalty when vacancies are allowed', () => {
    const audit = auditProposal(scenario(), assign(proposal(), 'P12', null))
    expect(audit.violations).toEqual([])
    expect(audit.shortfalls).toEqual([
      { code: 'establishment.vacancy', teamId: 'T1', postId: 'P12', cadreId: null, shortfall: 1, cost: 1000 },
    ])
  })
})

describe('lock', () => {
  it('holds when the locked pair is in the proposal', () => {
    const s = scenario({ locks: [pair('C7', 'P14')] })
    expect(validateProposal(s, proposal())).toEqual([])
  })

  it('names a locked pair replaced, even by an equally good clone', () => {
    const { scenario: s, proposal: p } = swapClone('P14', {}, scenario({ locks: [pair('C7', 'P14')] }))
    const vs = validateProposal(s, p)
    expect(where(vs)).toEqual(['lock @ T1/P14/C7'])
    expect(vs[0]?.message).toBe(
      'post 副镇长 (P14) of team 乡镇1 (T1): locked to cadre 张磊 (C7), holds cadre 张磊′ (X1)',
    )
  })

  it('names a lock on a post that does not exist', () => {
    const s = scenario({ locks: [pair('C7', 'P99')] })
    expect(where(validateProposal(s, proposal()))).toEqual(['lock @ -/P99/C7'])
  })

  it('names exactly the lock when only the lock is broken', () => {
    const s = scenario({ locks: [pair('C2', 'P12')] })
    expect(where(validateProposal(s, assign(proposal(), 'P12', null)))).toEqual(['lock @ T1/P12/C2'])
  })

  it('holds on a closed post kept by its incumbent', () => {
    const s = scenario({ locks: [pair('C1', 'P11')] })
    expect(validateProposal(s, proposal())).toEqual([])
  })
})
