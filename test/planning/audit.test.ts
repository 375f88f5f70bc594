import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { recordDisagreements } from '../../src/check/record.js'
import { monthIndex } from '../../src/check/time.js'
import type { Cadre, Scenario } from '../../src/domain/types.js'
import { auditRecords } from '../../src/planning/index.js'
import { generateScenario } from '../../src/sample/index.js'

const base = generateScenario({ seed: 12, cadres: 80, teams: 8 })

const get = (s: Scenario, ids?: string[]) => {
  const r = auditRecords(s, ids === undefined ? {} : { cadreIds: ids })
  if (r._tag === 'Left') throw new Error(r.left.message)
  return r.right
}

/** The validator's own reading of a record (src/check/record.ts), shared with nothing the audit uses. */
const disagrees = (s: Scenario, c: Cadre) =>
  recordDisagreements(
    c,
    monthIndex(s.asOf),
    s.policy.people.record.minPartyAge,
    s.policy.people.record.minWorkAge,
  ).length > 0

const ym = fc
  .tuple(fc.integer({ min: 1955, max: 2026 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`)

describe('auditRecords (档案必审)', () => {
  it('a cadre is consistent exactly when the validator finds their record agrees with itself', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: base.cadres.length - 1 }),
        fc.record({ partyJoined: fc.option(ym), workStart: fc.option(ym), from: ym, to: fc.option(ym) }),
        (i, m) => {
          const c = base.cadres[i]!
          const mutated: Cadre = {
            ...c,
            partyJoined: m.partyJoined,
            workStart: m.workStart,
            history: [...c.history, { from: m.from, to: m.to, unit: 'U', post: 'p' }],
          }
          const s = { ...base, cadres: base.cadres.map((x) => (x === c ? mutated : x)) }
          const a = get(s, [c.id]).cadres[0]!
          expect(a.consistent).toBe(!disagrees(s, mutated))
          expect(a.checks.some((k) => k.status === 'conflict')).toBe(!a.consistent)
          // each conflict under one item, the one whose date is checked: never the age (birth is the anchor)
          const notes = a.checks.filter((k) => k.status === 'conflict').flatMap((k) => k.notes)
          expect(notes.sort()).toEqual(a.conflicts.map((x) => x.why).sort())
          expect(a.checks[0]!.status).toBe('ok')
        },
      ),
      { seed: 5, numRuns: 300 },
    )
  })

  it('gives one checklist of the five items per cadre, naming what is missing', () => {
    const audit = get(base)
    expect(audit.cadres).toHaveLength(base.cadres.length)
    for (const a of audit.cadres)
      expect(a.checks.map((k) => k.item)).toEqual(['age', 'work-age', 'party-age', 'education', 'experience'])
    const c = base.cadres.find((x) => x.party === 'cpc')!
    const s = {
      ...base,
      cadres: base.cadres.map((x) =>
        x === c ? { ...x, partyJoined: null, workStart: null, history: [] } : x,
      ),
    }
    const a = get(s, [c.id]).cadres[0]!
    expect(a.checks.filter((k) => k.status === 'missing').map((k) => k.item)).toEqual([
      'work-age',
      'party-age',
      'experience',
    ])
    expect(a.complete).toBe(false)
    expect(a.checks[3]!.label).toEqual({ zh: '学历', en: 'education' })
  })

  it('puts each conflict under the item whose date is wrong (三龄两历)', () => {
    const c = base.cadres.find((x) => x.party === 'cpc' && x.partyJoined !== null && x.workStart !== null)!
    const at = (age: number) => `${Number(c.birth.slice(0, 4)) + age}${c.birth.slice(4)}`
    const status = (over: Partial<Cadre>) => {
      const s = { ...base, cadres: base.cadres.map((x) => (x === c ? { ...x, ...over } : x)) }
      return get(s, [c.id]).cadres[0]!.checks.map((k) => [k.item, k.status, k.fields])
    }
    // joined the party at 17: the party age is wrong, not the age
    expect(status({ partyJoined: at(17) })).toEqual([
      ['age', 'ok', ['birth']],
      ['work-age', 'ok', ['workStart']],
      ['party-age', 'conflict', ['birth', 'partyJoined']],
      ['education', 'ok', ['education']],
      ['experience', 'ok', ['history', 'currentPost']],
    ])
    // started work at 15: the work age
    expect(status({ workStart: at(15), history: [] }).filter((k) => k[1] === 'conflict')).toEqual([
      ['work-age', 'conflict', ['birth', 'workStart']],
    ])
    // a non-member with a party date: the party age
    expect(status({ party: 'none', partyJoined: at(25) }).filter((k) => k[1] === 'conflict')).toEqual([
      ['party-age', 'conflict', ['party', 'partyJoined']],
    ])
    // a period of history before work started: the experience
    const first = c.history[0]!
    expect(
      status({ history: [{ ...first, from: at(16), to: at(17) }, ...c.history.slice(1)], currentPost: null })
        .filter((k) => k[1] === 'conflict')
        .map((k) => k[0]),
    ).toEqual(['experience'])
  })

  it('names a bad argument', () => {
    expect(auditRecords(base, { cadreIds: ['nope'] })).toMatchObject({
      _tag: 'Left',
      left: { message: 'options.cadreIds[0]: no cadre "nope" in the scenario' },
    })
    expect(auditRecords(null as never)._tag).toBe('Left')
  })

  it('refuses a scenario that is not one, a month that is not a real month, or options that are not an object (never throws)', () => {
    const left = (message: string | RegExp) => ({
      _tag: 'Left',
      left: {
        _tag: 'InvalidAudit',
        message: typeof message === 'string' ? message : expect.stringMatching(message),
      },
    })
    for (const bad of [{ cadres: [{}] }, { cadres: [] }, [], 'x'])
      expect(auditRecords(bad as never)).toMatchObject(
        left(/^scenario: expected a decoded Scenario \(call decodeScenario first\), got /),
      )
    // "2026-13" is not read as 2027-01: every age would be a month off
    for (const asOf of ['2026-13', '2026-00', '2026-9'])
      expect(auditRecords({ ...base, asOf })).toMatchObject(
        left(`scenario.asOf: expected YYYY-MM, got "${asOf}"`),
      )
    expect(auditRecords(base, null as never)).toMatchObject(
      left('options: expected an options object (or nothing, for the defaults), got null'),
    )
    const c = base.cadres[3]!
    // born "1990-13" is not 1991-01: no age is made up for it
    expect(
      auditRecords({ ...base, cadres: base.cadres.map((x) => (x === c ? { ...x, birth: '1990-13' } : x)) }),
    ).toMatchObject(left('scenario.cadres[3].birth: expected YYYY-MM, got "1990-13"'))
    const broken = { ...base, cadres: base.cadres.map((x) => (x === c ? { id: c.id } : x)) } as never
    expect(auditRecords(broken)).toMatchObject(left(/^scenario\.cadres\[3\]\.\w+: expected /))
    // a cadre left out of the audit is not read
    expect(auditRecords(broken, { cadreIds: [base.cadres[0]!.id] })._tag).toBe('Right')
  })

  it('refuses a record date that is not a real month, naming the field, and audits every real one (property)', () => {
    const notMonth = fc.oneof(
      fc.constantFrom('1990-13', '1990-00', '1990-9', '', '1990/01'),
      fc.string({ maxLength: 8 }).filter((x) => !/^\d{4}-(0[1-9]|1[0-2])$/.test(x)),
      fc.constantFrom(undefined, 1990, {}),
    )
    const withHistory = base.cadres.findIndex((x) => x.history.length > 1 && x.currentPost !== null)
    fc.assert(
      fc.property(
        fc.constantFrom(
          ['birth'],
          ['workStart'],
          ['partyJoined'],
          ['currentPost', 'since'],
          ['history', 0, 'from'],
          ['history', 1, 'to'],
        ),
        fc.oneof(notMonth, ym),
        (path, value) => {
          const c = structuredClone(base.cadres[withHistory]!) as unknown as Record<string, unknown>
          let at = c as Record<string | number, unknown>
          for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>
          at[path[path.length - 1]!] = value
          const s = { ...base, cadres: base.cadres.map((x, i) => (i === withHistory ? c : x)) } as Scenario
          const r = auditRecords(s, { cadreIds: [base.cadres[withHistory]!.id] })
          const real = typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value)
          if (real) expect(r._tag).toBe('Right')
          else {
            expect(r._tag).toBe('Left')
            const where = path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')
            expect(r._tag === 'Left' && r.left.message).toMatch(
              new RegExp(
                `^scenario\\.cadres\\[${withHistory}\\]${where.replace(/[.[\]]/g, '\\$&')}: expected YYYY-MM`,
              ),
            )
          }
        },
      ),
      { seed: 21, numRuns: 200 },
    )
  })
})
