import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  decodeTrainingRecords,
  studyHours,
  TRAINING_KINDS,
  type TrainingRecord,
} from '../../src/planning/index.js'
import { generateScenario } from '../../src/sample/index.js'

const scenario = generateScenario({ seed: 14, cadres: 40, teams: 4 })
const ids = scenario.cadres.map((c) => c.id)

describe('decodeTrainingRecords', () => {
  it('names every bad field by its place, and checks cadres and dates against the scenario', () => {
    const r = decodeTrainingRecords([
      { cadreId: 'C1', course: '党性教育', topic: 'political-theory', hours: -3, completed: '2026-05' },
      { cadreId: ids[0], course: '', topic: 'x', kind: 'nap', hours: 8, completed: '2026/05' },
    ])
    expect(r._tag === 'Left' && r.left.issues.map((i) => i.message)).toEqual([
      '[0].hours: expected number in 0.5–2000, got -3',
      '[1].course: expected non-empty string, got ""',
      '[1].kind: expected one of "centralised", "party-school", "online", "self-study", got "nap"',
      '[1].completed: expected YYYY-MM, got "2026/05"',
    ])
    const x = decodeTrainingRecords(
      [
        { cadreId: 'nobody', course: 'c', topic: 't', hours: 4, completed: '2026-01' },
        { cadreId: ids[0], course: 'c', topic: 't', hours: 4, completed: '2099-01' },
      ],
      scenario,
    )
    expect(x._tag === 'Left' && x.left.issues.map((i) => i.message)).toEqual([
      '[0].cadreId: expected a cadre id of the scenario, got "nobody"',
      `[1].completed: expected a month not after asOf ${scenario.asOf}, got "2099-01"`,
    ])
    expect(decodeTrainingRecords(undefined)._tag).toBe('Left')
  })
})

const record = fc.record({
  cadreId: fc.constantFrom(...ids.slice(0, 6)),
  course: fc.constantFrom('党性教育', '乡村振兴', '数字政府'),
  topic: fc.constantFrom('political-theory', 'professional-skills', 'rural'),
  kind: fc.constantFrom(...TRAINING_KINDS),
  hours: fc.integer({ min: 1, max: 80 }),
  completed: fc.constantFrom('2025-03', '2026-01', '2026-06', '2026-09'),
})

describe('studyHours (学时管理)', () => {
  it('sums each cadre’s hours of the year by kind and topic, and ranks who is short', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), fc.integer({ min: 0, max: 150 }), (recs, required) => {
        const decoded = decodeTrainingRecords(recs, scenario)
        if (decoded._tag === 'Left') throw new Error(decoded.left.issues[0]!.message)
        const r = studyHours(scenario, decoded.right, { year: 2026, required })
        if (r._tag === 'Left') throw new Error(r.left.message)
        expect(r.right.cadres).toHaveLength(scenario.cadres.length)
        for (const l of r.right.cadres) {
          const mine = recs.filter((x) => x.cadreId === l.cadreId && x.completed.startsWith('2026'))
          const total = mine.reduce((s, x) => s + x.hours, 0)
          expect(l.total).toBe(total)
          expect(l.courses).toHaveLength(mine.length)
          expect(Object.values(l.byKind).reduce((s, h) => s + h, 0)).toBe(total)
          expect(l.byTopic.reduce((s, t) => s + t.hours, 0)).toBe(total)
          expect(l.short).toBe(Math.max(0, required - total))
        }
        const shorts = r.right.shortOf.map((id) => r.right.cadres.find((c) => c.cadreId === id)!.short)
        expect(shorts).toEqual([...shorts].sort((a, b) => b - a))
        expect(r.right.shortOf.length).toBe(r.right.cadres.filter((c) => c.short > 0).length)
      }),
      { seed: 9, numRuns: 150 },
    )
  })

  it('names a bad option', () => {
    expect(studyHours(scenario, [], { year: 1.5 })).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'InvalidStudyHours' },
    })
    expect(studyHours(scenario, [], { required: -1 })._tag).toBe('Left')
    expect(studyHours(scenario, [{}] as unknown as TrainingRecord[])).toMatchObject({
      _tag: 'Left',
      left: { message: 'trainings[0]: expected a training record (decodeTrainingRecords)' },
    })
  })

  it('refuses what is not a scenario, a real month or a record it can count, naming the place (never throws)', () => {
    const left = (message: string | RegExp) => ({
      _tag: 'Left',
      left: {
        _tag: 'InvalidStudyHours',
        message: typeof message === 'string' ? message : expect.stringMatching(message),
      },
    })
    expect(studyHours({ cadres: [] } as never, [])).toMatchObject(
      left(/^scenario: expected a decoded Scenario \(call decodeScenario first\), got /),
    )
    for (const asOf of ['2026-13', '2026-00', 'abcd-01'])
      expect(studyHours({ ...scenario, asOf }, [])).toMatchObject(
        left(`scenario.asOf: expected YYYY-MM, got "${asOf}"`),
      )
    expect(studyHours(scenario, [], null as never)).toMatchObject(
      left('options: expected an options object (or nothing, for the defaults), got null'),
    )
    const one = {
      cadreId: ids[0]!,
      course: 'x',
      topic: 'y',
      kind: 'online' as const,
      hours: 10,
      completed: '2026-03',
    }
    for (const hours of [Number.NaN, Infinity, -50, 0, 2001])
      expect(studyHours(scenario, [one, { ...one, hours }])).toMatchObject(
        left(`trainings[1].hours: expected number in 0.5–2000, got ${hours}`),
      )
    // "2026-13" is no month of 2026 (nor January 2027): refused, not counted
    for (const completed of ['2026-13', '2026-00', '2026-9'])
      expect(studyHours(scenario, [{ ...one, completed }])).toMatchObject(
        left(`trainings[0].completed: expected YYYY-MM, got "${completed}"`),
      )
  })

  it('counts a cadre short of the requirement by any amount as short, by exactly that amount', () => {
    const one = { cadreId: ids[0]!, course: 'x', topic: 'y', kind: 'online' as const, completed: '2026-03' }
    const ledger = (hours: number[], required: number) => {
      const r = studyHours(
        scenario,
        hours.map((h) => ({ ...one, hours: h })),
        { year: 2026, required },
      )
      if (r._tag === 'Left') throw new Error(r.left.message)
      return { l: r.right.cadres[0]!, shortOf: r.right.shortOf }
    }
    const a = ledger([109.996], 110)
    expect(a.l.total).toBe(109.996)
    expect(a.l.short).toBe(0.004)
    expect(a.shortOf).toContain(ids[0])
    // hours summed as written: 33.3 + 33.3 + 33.4 is 100, not 99.99999999999999 short of nothing
    const b = ledger([33.3, 33.3, 33.4], 100)
    expect([b.l.total, b.l.short, b.shortOf.includes(ids[0]!)]).toEqual([100, 0, false])
    const c = ledger([0.5, 0.5, 0.5], 1.5)
    expect([c.l.total, c.l.short]).toEqual([1.5, 0])
    // 0.7 + 0.6 + 0.8 is 2.0999999999999996 in binary: no shortage of 4e-16 either
    const d = ledger([0.7, 0.6, 0.8], 2.1)
    expect([d.l.total, d.l.short, d.shortOf.includes(ids[0]!)]).toEqual([2.1, 0, false])
    expect(ledger([0.7, 0.6, 0.8], 2.2).l.short).toBe(0.1)
  })

  it('is short exactly when the hours are under the requirement, by the exact difference (property)', () => {
    // hours and requirement in thousandths of an hour: the oracle sums integers
    const thousandths = fc.integer({ min: 500, max: 200_000 })
    fc.assert(
      fc.property(
        fc.array(thousandths, { maxLength: 8 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: -3, max: 3 }),
        (hours, req, nudge) => {
          const sum = hours.reduce((s, h) => s + h, 0)
          // half the cases right at the requirement, a few thousandths either side
          const required = Math.min(
            2_000_000,
            Math.max(0, hours.length > 0 && req % 2 === 0 ? sum + nudge : req),
          )
          const recs = hours.map((h) => ({
            cadreId: ids[1]!,
            course: 'c',
            topic: 't',
            kind: 'online' as const,
            hours: h / 1000,
            completed: '2026-05',
          }))
          const r = studyHours(scenario, recs, { year: 2026, required: required / 1000 })
          if (r._tag === 'Left') throw new Error(r.left.message)
          const l = r.right.cadres[1]!
          expect(l.total).toBe(sum / 1000)
          expect(l.short).toBe(Math.max(0, required - sum) / 1000)
          expect(l.short > 0).toBe(sum < required)
          expect(r.right.shortOf.includes(ids[1]!)).toBe(sum < required)
        },
      ),
      { seed: 17, numRuns: 400 },
    )
  })
})
