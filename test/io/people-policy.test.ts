/**
 * Decoding the rules about people added with issue 4: every new policy field
 * and cadre record field is accepted with its default, and a bad value or an
 * unknown key is an issue naming its path.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_POLICY } from '../../src/domain/policy.js'
import { encodeScenario } from '../../src/io/index.js'
import { edit, valid } from './fixtures.js'
import { messagesOf, scenarioOf } from './helpers.js'

describe('policy.people: terms, level years, short tenure, retirement, record, kin relations', () => {
  it('takes every new field', () => {
    const people = {
      terms: { termYears: 4, maxTerms: 3 },
      levelYears: { years: 12 },
      shortTenure: { hard: true, years: 2 },
      retirement: { retirementAge: { female: 58 }, minYears: 3 },
      record: { minPartyAge: 18, minWorkAge: 18 },
      kinAvoidance: { relations: ['spouse'] },
      education: { minLevelPerKind: { head: 'bachelor' } },
    }
    const p = scenarioOf(edit(valid(), [['policy'], { people }])).policy.people
    expect(p.terms).toEqual({ ...DEFAULT_POLICY.people.terms, termYears: 4, maxTerms: 3 })
    expect(p.levelYears.years).toBe(12)
    expect(p.shortTenure).toEqual({ enabled: true, hard: true, penalty: 10, years: 2 })
    expect(p.retirement.retirementAge).toEqual({ male: 60, female: 58 })
    expect(p.record.minWorkAge).toBe(18)
    expect(p.kinAvoidance.relations).toEqual(['spouse'])
    expect(p.education.minLevelPerKind).toEqual({ head: 'bachelor', deputy: null, member: null })
  })

  it('rejects negative years and unknown keys, naming the path', () => {
    const people = { terms: { termYears: -1 }, shortTenure: { month: 3 }, tenure: {} }
    expect(messagesOf(edit(valid(), [['policy'], { people }]))).toEqual([
      'policy.people.terms.termYears: expected number in 0–60, got -1',
      expect.stringMatching(/^policy\.people\.shortTenure\.month: expected a known key/),
      expect.stringMatching(/^policy\.people\.tenure: expected a known key/),
    ])
  })
})

describe('cadre record fields', () => {
  it('default to nothing recorded', () => {
    const c = scenarioOf(valid()).cadres[0]!
    expect([c.workStart, c.partyJoined, c.history]).toEqual([null, null, []])
  })

  it('decode, and round-trip through encodeScenario', () => {
    const record = {
      workStart: '2010-07',
      partyJoined: '2012-01',
      history: [
        { from: '2010-07', to: '2021-07', unit: 'Wudan', post: 'clerk' },
        { from: '2021-07', unit: 'Wudan', post: 'deputy head' },
      ],
    }
    const s = scenarioOf(
      edit(valid(), [['cadres', 0], { ...(valid() as { cadres: object[] }).cadres[0]!, ...record } as never]),
    )
    expect(s.cadres[0]!.history[1]).toEqual({ from: '2021-07', to: null, unit: 'Wudan', post: 'deputy head' })
    expect(scenarioOf(encodeScenario(s))).toEqual(s)
  })

  it('rejects a record month after asOf, naming the field', () => {
    const input = edit(
      valid(),
      [['cadres', 0, 'history'], [{ from: '2025-07', unit: 'U', post: 'p' }]],
      [['cadres', 0, 'workStart'], '2026-01'],
    )
    expect(messagesOf(input)).toEqual([
      'cadres[0].history[0].from: expected a month not after asOf (2025-06), got "2025-07"',
      'cadres[0].workStart: expected a month not after asOf (2025-06), got "2026-01"',
    ])
  })
})
