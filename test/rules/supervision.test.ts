/**
 * Kin avoidance across a supervision link (`Team.supervisedBy`): a cadre who
 * stays on one side blocks the pair on the other (the rules), two candidates
 * share a row (the model), two cadres who stay are a conflict, and solving
 * never puts kin across a link that the validator would catch.
 */
import { isRight } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { validateProposal } from '../../src/check/index.js'
import type { Cadre, Scenario } from '../../src/domain/types.js'
import { formulate } from '../../src/model/index.js'
import { solve } from '../../src/proposals/index.js'
import { contextOf, eligibility, whyNot } from '../../src/rules/index.js'
import { cadreOf, cloneOf, pair, scenario, TEAMS, withCadres, withPolicy } from '../check/fixtures.js'

/** The fixture scenario with supervision links (team id → leading post ids) and extra cadres. */
const led = (links: Record<string, string[]>, ...cadres: Cadre[]): Scenario =>
  withCadres(
    {
      ...scenario(),
      teams: TEAMS.map((t) => (links[t.id] === undefined ? t : { ...t, supervisedBy: links[t.id] })),
    },
    ...cadres,
  )

const codes = (s: Scenario, cadreId: string, postId: string): string[] => {
  const r = whyNot(s, cadreId, postId)
  return r._tag === 'Right' ? r.right.reasons.map((x) => x.code) : []
}

describe('avoidance.kin across a supervision link, in the rules', () => {
  // X1 could head T2 (a copy of C8) and is kin of C1, who holds the closed post P11 of T1.
  const x1 = cloneOf('C8', 'X1', { kin: [{ cadreId: 'C1', relation: 'sibling' }] })

  it('blocks a pair in a team led by a closed post whose holder is kin', () => {
    expect(codes(led({}, x1), 'X1', 'P21')).not.toContain('avoidance.kin')
    expect(codes(led({ T2: ['P11'] }, x1), 'X1', 'P21')).toContain('avoidance.kin')
  })

  it('blocks a pair in a leading post when a kin sits in the led team', () => {
    const x2 = cloneOf('C8', 'X2', { kin: [{ cadreId: 'C14', relation: 'spouse' }] })
    expect(codes(led({}, x2), 'X2', 'P21')).not.toContain('avoidance.kin')
    const s = led({ T4: ['P21'] }, x2)
    expect(codes(s, 'X2', 'P21')).toContain('avoidance.kin')
    // The columnar eligibility agrees: the pair is not among the candidates of P21.
    const e = eligibility(contextOf(s))
    const x = s.cadres.findIndex((c) => c.id === 'X2')
    expect(e.indexOf(x, s.openPosts.indexOf('P21'))).toBeLessThan(0)
  })

  it('penalises once per relative and link when soft', () => {
    const soft = (s: Scenario) => withPolicy(s, { people: { kinAvoidance: { hard: false, penalty: 90 } } })
    const r = whyNot(soft(led({ T2: ['P11'] }, x1)), 'X1', 'P21')
    const kin = r._tag === 'Right' ? r.right.reasons.filter((x) => x.code === 'avoidance.kin') : []
    expect(kin.map((x) => x._tag)).toEqual(['penalty'])
  })
})

describe('avoidance.kin across a supervision link, in the model', () => {
  // X1 (a copy of C6, for P13 of T1) is kin of C8, who may stay in P21 of T2; P13 leads T2.
  const x1 = cloneOf('C6', 'X1', { kin: [{ cadreId: 'C8', relation: 'sibling' }] })

  it('adds one row per kin pair and link, named after the team, the post and the pair', () => {
    const m = formulate(led({ T2: ['P13'] }, x1))
    const rows = m.ruleRows.filter((r) => r.detail.startsWith('kin-supervised'))
    expect(rows.map((r) => [r.code, r.teamId, r.detail, r.hard])).toEqual([
      ['avoidance.kin', 'T2', 'kin-supervised:P13:X1-C8<=1', true],
    ])
    expect(m.milp.rowNames).toContain('team:T2:kin-supervised:P13:X1-C8<=1')
    expect(formulate(led({}, x1)).ruleRows.filter((r) => r.detail.startsWith('kin-supervised'))).toEqual([])
  })

  it('keeps kin apart across the link when solving', async () => {
    const s = { ...led({ T2: ['P13'] }, x1), locks: [pair('X1', 'P13')] }
    const r = await solve(s)
    expect(isRight(r)).toBe(true)
    if (!isRight(r)) return
    expect(r.right.assignments.find((a) => a.postId === 'P21')?.cadreId).not.toBe('C8')
    expect(validateProposal(s, r.right)).toEqual([])
  })

  it('pays the soft penalty when keeping kin across the link is worth it', async () => {
    const soft = withPolicy(
      { ...led({ T2: ['P13'] }, x1), locks: [pair('X1', 'P13')] },
      { people: { kinAvoidance: { hard: false, penalty: 1 } } },
    )
    const m = formulate(soft)
    // T1's slack is for X1 and C8 in the same team (C8 may move to T1); T2's for the link.
    expect(m.slacks.filter((x) => x.code === 'avoidance.kin').map((x) => x.teamId)).toEqual(['T1', 'T2'])
    const r = await solve(soft)
    expect(isRight(r) && validateProposal(soft, r.right)).toEqual([])
  })

  it('records two cadres who stay across a link as a conflict', () => {
    // C1 holds the closed P11, C9 the closed P22 of T2; P11 leads T2.
    const s = led({ T2: ['P11'] }, { ...cadreOf('C9'), kin: [{ cadreId: 'C1', relation: 'spouse' }] })
    const m = formulate(s)
    expect(
      m.conflicts.filter((c) => c.code === 'avoidance.kin').map((c) => [c.teamId, c.row !== null]),
    ).toEqual([['T2', true]])
    expect(m.milp.rowNames).toContain('team:T2:kin-supervised-fixed<=0')
    const soft = formulate(withPolicy(s, { people: { kinAvoidance: { hard: false } } }))
    expect(soft.conflicts.filter((c) => c.code === 'avoidance.kin')).toEqual([])
  })
})
