/**
 * Record consistency (三龄两历, src/rules/record.ts and src/check/record.ts):
 * each disagreement at its boundary month, named by its fields, in the rules
 * and in the validator alike (fixture county of test/check/fixtures.ts, 2024-06).
 */
import { describe, expect, it } from 'vitest'
import { validateProposal } from '../../src/check/index.js'
import type { Cadre, WorkPeriod } from '../../src/domain/types.js'
import { recordConflicts } from '../../src/rules/record.js'
import { cadre, scenario, swapClone, where, withPolicy } from '../check/fixtures.js'

const LIMITS = { minPartyAge: 18, minWorkAge: 16 }
// born 1980-06: 18 in 1998-06, 16 in 1996-06
const base = cadre('X1', { birth: '1980-06' })
const fields = (over: Partial<Cadre>) =>
  recordConflicts({ ...base, ...over }, LIMITS, '2024-06').map((c) => c.fields.join('+'))
const period = (from: string, to: string | null, post = 'p'): WorkPeriod => ({ from, to, unit: 'U', post })

describe('recordConflicts', () => {
  it('finds nothing in an empty record', () => {
    expect(fields({})).toEqual([])
  })

  it('party member at exactly 18 (the birthday month) is fine; one month earlier is not', () => {
    expect(fields({ partyJoined: '1998-06' })).toEqual([])
    expect(fields({ partyJoined: '1998-05' })).toEqual(['birth+partyJoined'])
  })

  it('work at exactly 16 is fine; one month earlier is not', () => {
    expect(fields({ workStart: '1996-06' })).toEqual([])
    expect(fields({ workStart: '1996-05' })).toEqual(['birth+workStart'])
  })

  it('a party date of a non-member', () => {
    expect(fields({ party: 'none', partyJoined: '2005-01' })).toEqual(['party+partyJoined'])
  })

  it('periods may share a boundary month but not overlap by one', () => {
    expect(fields({ history: [period('2005-01', '2010-06'), period('2010-06', null)] })).toEqual([])
    expect(fields({ history: [period('2005-01', '2010-07'), period('2010-06', null)] })).toEqual([
      'history[0]+history[1]',
    ])
  })

  it('two open periods overlap, as do a period ending before it starts, or starting before work', () => {
    expect(fields({ history: [period('2005-01', null), period('2010-06', null)] })).toEqual([
      'history[0]+history[1]',
    ])
    expect(fields({ history: [period('2010-06', '2010-05')] })).toEqual(['history[0].from+history[0].to'])
    expect(fields({ workStart: '2004-01', history: [period('2003-12', '2004-06')] })).toEqual([
      'workStart+history[0].from',
    ])
  })

  it('the current post taken before work started', () => {
    expect(fields({ workStart: '2020-01', currentPost: { postId: 'P13', since: '2019-12' } })).toEqual([
      'workStart+currentPost.since',
    ])
  })

  it('names every conflict and the fields in the message', () => {
    const c = { ...base, partyJoined: '1997-01', workStart: '1995-01' }
    expect(recordConflicts(c, LIMITS).map((x) => x.why)).toEqual([
      'joined the party at 16 (1997-01), before 18',
      'started work at 14 (1995-01), before 16',
    ])
  })
})

describe('record.inconsistent in the validator', () => {
  // C5's clone X1 (a party member, promoted to P16) was born 1972-01: 18 in 1990-01.
  it('blocks an appointment, at the same boundary as the rule', () => {
    const bad = swapClone('P16', { partyJoined: '1989-12' })
    expect(where(validateProposal(bad.scenario, bad.proposal))).toEqual(['record.inconsistent @ T1/P16/X1'])
    expect(validateProposal(bad.scenario, bad.proposal)[0]?.message).toContain('birth/partyJoined')
    const good = swapClone('P16', { partyJoined: '1990-01' })
    expect(validateProposal(good.scenario, good.proposal)).toEqual([])
  })

  it('re-checks overlapping history and follows the policy', () => {
    const history = [period('2005-01', '2010-07'), period('2010-06', null)]
    const m = swapClone('P14', { history })
    expect(where(validateProposal(m.scenario, m.proposal))).toEqual(['record.inconsistent @ T1/P14/X1'])
    const off = swapClone(
      'P14',
      { history },
      withPolicy(scenario(), { people: { record: { enabled: false } } }),
    )
    expect(validateProposal(off.scenario, off.proposal)).toEqual([])
  })
})
