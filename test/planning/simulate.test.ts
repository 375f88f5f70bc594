import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { simulate } from '../../src/planning/index.js'
import { retiredBy } from '../../src/planning/simulate.js'
import { isMonth, monthsAfter } from '../../src/domain/time.js'
import { scenarioWarnings } from '../../src/io/warnings.js'
import { solve } from '../../src/proposals/index.js'
import { generateScenario } from '../../src/sample/index.js'

const scenario = generateScenario({ seed: 19, cadres: 150, teams: 14 })
const limit = scenario.policy.people.retirement.retirementAge

/** Age in whole years, by hand. */
const age = (birth: string, at: string) =>
  Math.floor(((+at.slice(0, 4) - +birth.slice(0, 4)) * 12 + (+at.slice(5, 7) - +birth.slice(5, 7))) / 12)

describe('simulate (what-if over years)', () => {
  it('counts a retirement age with months in it (60.25: 60 years and 3 months) as the retirement rule does', () => {
    const holder = scenario.cadres.find((c) => c.currentPost !== null && c.gender === 'male')!
    const asOf = scenario.asOf
    // Born so as to be 60 years and 4 months old at asOf: past 60.25, not yet 61.
    const birth = monthsAfter(asOf, -(60 * 12 + 4))
    const s = {
      ...scenario,
      cadres: scenario.cadres.map((c) => (c.id === holder.id ? { ...c, birth } : c)),
      policy: {
        ...scenario.policy,
        people: {
          ...scenario.policy.people,
          retirement: {
            ...scenario.policy.people.retirement,
            retirementAge: { ...scenario.policy.people.retirement.retirementAge, male: 60.25 },
          },
        },
      },
    }
    expect(retiredBy(s, { ...holder, birth }, asOf)).toBe(true)
    expect(retiredBy(s, { ...holder, birth }, monthsAfter(asOf, -2))).toBe(false)
    const r = simulate(s, { years: 1 })
    if (r._tag === 'Left') throw new Error(r.left.message)
    expect(r.right.years[0]!.retired).toContain(holder.id)
    expect(
      scenarioWarnings(s).some((w) => w.code === 'cadre.past-retirement' && w.message.en.includes(holder.id)),
    ).toBe(true)
  })

  it('without rounds, each incumbent leaves their post in the first year they are at retirement age, and members only fall', () => {
    const r = simulate(scenario, { years: 5 })
    if (r._tag === 'Left') throw new Error(r.left.message)
    const years = r.right.years
    expect(years.map((y) => y.asOf)).toEqual(
      [0, 1, 2, 3, 4, 5].map((n) => `${+scenario.asOf.slice(0, 4) + n}${scenario.asOf.slice(4)}`),
    )
    const holders = scenario.cadres.filter((c) => c.currentPost !== null)
    years.forEach((y, n) => {
      const expected = holders
        .filter((c) => {
          const now = age(c.birth, y.asOf) >= limit[c.gender]
          const before = n > 0 && age(c.birth, years[n - 1]!.asOf) >= limit[c.gender]
          return now && !before
        })
        .map((c) => c.id)
      expect([...y.retired].sort()).toEqual(expected.sort())
    })
    const left = holders.length - years.reduce((s, y) => s + y.retired.length, 0)
    expect(years[5]!.members).toBe(left)
    for (let n = 1; n < years.length; n++)
      expect(years[n]!.members).toBeLessThanOrEqual(years[n - 1]!.members)
    expect(years[0]!.members + years[0]!.vacant).toBe(years[5]!.members + years[5]!.vacant)
    const spec = r.right.spec as { data: { values: unknown[] } }
    expect(spec.data.values).toHaveLength(6 * 6)
  })

  it('applies a round when it falls due: the proposal’s members hold the open posts from then on', async () => {
    const p = await solve(scenario)
    if (p._tag === 'Left') throw new Error(p.left.message)
    const r = simulate(scenario, { years: 2, rounds: [{ at: scenario.asOf, proposal: p.right }] })
    if (r._tag === 'Left') throw new Error(r.left.message)
    const y0 = r.right.years[0]!
    expect(y0.rounds).toBe(1)
    const open = new Set(scenario.openPosts)
    const placed = new Set(p.right.assignments.flatMap((a) => (a.cadreId === null ? [] : [a.cadreId])))
    const held = scenario.cadres.filter(
      (c) => placed.has(c.id) || (c.currentPost !== null && !open.has(c.currentPost.postId)),
    )
    const stillWorking = held.filter((c) => age(c.birth, scenario.asOf) < limit[c.gender])
    expect(y0.members).toBe(stillWorking.length)
  })

  it('refuses a round month that is not a real month ("2026-13", "2027-00"), never writing it as a since', () => {
    const year = +scenario.asOf.slice(0, 4)
    for (const at of [`${year}-13`, `${year + 1}-00`, `${year}-9`, `${year}-00`]) {
      const r = simulate(scenario, { years: 1, rounds: [{ at, proposal: { assignments: [] } as never }] })
      expect(r).toMatchObject({
        _tag: 'Left',
        left: {
          _tag: 'InvalidSimulation',
          message: `options.rounds[0].at: expected a month from ${scenario.asOf} to ${year + 1}${scenario.asOf.slice(4)}, got "${at}"`,
        },
      })
    }
  })

  it('names bad options', () => {
    expect(simulate(scenario, { years: 0 })).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'InvalidSimulation' },
    })
    expect(
      simulate(scenario, { rounds: [{ at: '1999-01', proposal: { assignments: [] } as never }] }),
    ).toMatchObject({
      _tag: 'Left',
      left: { message: expect.stringMatching(/^options\.rounds\[0\]\.at: expected a month from/) },
    })
    expect(
      simulate(scenario, {
        rounds: [
          { at: scenario.asOf, proposal: { assignments: [{ postId: 'P?', cadreId: null }] } as never },
        ],
      }),
    ).toMatchObject({
      _tag: 'Left',
      left: { message: 'options.rounds[0].proposal.assignments[0].postId: no post "P?" in the scenario' },
    })
  })

  it('refuses a scenario that is not one, or whose month is not a real month, naming the place (never throws)', () => {
    for (const asOf of ['2026-13', '2026-00', '2026-9']) {
      expect(simulate({ ...scenario, asOf })).toMatchObject({
        _tag: 'Left',
        left: { _tag: 'InvalidSimulation', message: `scenario.asOf: expected YYYY-MM, got "${asOf}"` },
      })
    }
    for (const bad of [{ cadres: [] }, null, [], { ...scenario, teams: undefined }])
      expect(simulate(bad as never)).toMatchObject({
        _tag: 'Left',
        left: {
          _tag: 'InvalidSimulation',
          message: expect.stringMatching(
            /^scenario: expected a decoded Scenario \(call decodeScenario first\), got /,
          ),
        },
      })
  })

  it('refuses options that are not an object, and rounds or assignments that are not one, naming them', () => {
    const left = (message: string) => ({ _tag: 'Left', left: { _tag: 'InvalidSimulation', message } })
    expect(simulate(scenario, null as never)).toMatchObject(
      left('options: expected an options object (or nothing, for the defaults), got null'),
    )
    expect(simulate(scenario, [] as never)).toMatchObject(
      left('options: expected an options object (or nothing, for the defaults), got []'),
    )
    expect(simulate(scenario, { rounds: [null as never] })).toMatchObject(
      left('options.rounds[0]: expected a round { at, proposal }, got null'),
    )
    for (const a of [null, 3, { postId: 7, cadreId: null }, { postId: scenario.openPosts[0] }])
      expect(
        simulate(scenario, { rounds: [{ at: scenario.asOf, proposal: { assignments: [a] } as never }] }),
      ).toMatchObject(
        left(
          `options.rounds[0].proposal.assignments[0]: expected an assignment { postId, cadreId }, got ${a === null ? 'null' : JSON.stringify(a)}`,
        ),
      )
  })

  it('answers an Either whatever its scenario month and options (property)', () => {
    const small = generateScenario({ seed: 4, cadres: 20, teams: 2 })
    const digits = (n: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n })
    const month = fc.oneof(
      fc.tuple(digits(4), digits(2)).map(([y, m]) => `${y}-${m}`),
      fc.string({ maxLength: 8 }),
    )
    fc.assert(
      fc.property(month, fc.oneof(fc.constant(undefined), fc.anything()), (asOf, options) => {
        const r = simulate({ ...small, asOf }, options as never)
        expect(['Left', 'Right']).toContain(r._tag)
        // a month out of 01–12 is never read as the month before or after
        if (!isMonth(asOf)) expect(r).toMatchObject({ _tag: 'Left', left: { _tag: 'InvalidSimulation' } })
      }),
      { seed: 11, numRuns: 200 },
    )
  })
})
