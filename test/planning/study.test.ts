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
})
