import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { planTraining, type Course, type TrainingPlan } from '../../src/planning/index.js'
import { generateScenario } from '../../src/sample/index.js'

const scenario = generateScenario({ seed: 15, cadres: 40, teams: 4 })
const ids = scenario.cadres.map((c) => c.id)
const TOPICS = ['political-theory', 'professional-skills', 'rural', 'finance']

const month = (m: number) => `2027-${String(m).padStart(2, '0')}`
const courseArb = fc
  .record({
    topic: fc.constantFrom(...TOPICS),
    seats: fc.integer({ min: 0, max: 6 }),
    hours: fc.integer({ min: 8, max: 48 }),
    start: fc.integer({ min: 1, max: 11 }),
    length: fc.integer({ min: 0, max: 2 }),
  })
  .map((c) => ({ ...c, start: month(c.start), end: month(Math.min(12, c.start + c.length)) }))
const needArb = fc.record({
  cadreId: fc.constantFrom(...ids.slice(0, 12)),
  topic: fc.constantFrom(...TOPICS),
  weight: fc.integer({ min: 1, max: 5 }),
})

/** Re-checks a plan from its courses alone: seats, hours, overlaps; and recounts the need it covers. */
function audit(plan: TrainingPlan, courses: readonly Course[], hoursPerCadre: number): number {
  const byId = new Map(courses.map((k) => [k.id, k]))
  const mine = new Map<string, Course[]>()
  for (const k of plan.courses) {
    const course = byId.get(k.courseId)!
    expect(k.cadreIds.length).toBeLessThanOrEqual(course.seats)
    for (const c of k.cadreIds) mine.set(c, [...(mine.get(c) ?? []), course])
  }
  let covered = 0
  for (const [c, list] of mine) {
    expect(list.reduce((s, k) => s + k.hours, 0)).toBeLessThanOrEqual(hoursPerCadre)
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++)
        expect(list[i]!.end < list[j]!.start || list[j]!.end < list[i]!.start).toBe(true)
    for (const n of plan.needs)
      if (n.cadreId === c && list.some((k) => k.topic === n.topic)) covered += n.weight
  }
  return covered
}

/** A topic of the county's own, which no feedback list or team gap produces. */
const ownTopic = <T extends { topic: string }>(x: T): T => ({ ...x, topic: `own-${x.topic}` })

describe('planTraining (缺什么补什么)', () => {
  it('never exceeds seats, hours or one course at a time, and the exact plan covers at least what the greedy one does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(courseArb, { minLength: 1, maxLength: 8 }),
        fc.array(needArb, { maxLength: 20 }),
        fc.integer({ min: 10, max: 80 }),
        async (raw, needs, hoursPerCadre) => {
          const courses = raw.map((k, i) => ({ id: `K${i}`, ...k }))
          const exact = await planTraining(scenario, { courses, needs, hoursPerCadre })
          const greedy = await planTraining(scenario, { courses, needs, hoursPerCadre, method: 'greedy' })
          if (exact._tag === 'Left') throw new Error(exact.left.message)
          if (greedy._tag === 'Left') throw new Error(greedy.left.message)
          expect(exact.right.status).toBe('optimal')
          expect(audit(exact.right, courses, hoursPerCadre)).toBeCloseTo(exact.right.covered, 6)
          expect(audit(greedy.right, courses, hoursPerCadre)).toBeCloseTo(greedy.right.covered, 6)
          expect(exact.right.covered).toBeGreaterThanOrEqual(greedy.right.covered - 1e-9)
          expect(exact.right.covered).toBeLessThanOrEqual(exact.right.totalNeed + 1e-9)
        },
      ),
      { seed: 11, numRuns: 60 },
    )
  }, 120_000)

  it('is optimal against brute force on tiny instances', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(courseArb.map(ownTopic), { minLength: 1, maxLength: 3 }),
        fc.array(
          needArb.map((n) => ownTopic({ ...n, cadreId: ids[0]! })),
          { minLength: 1, maxLength: 4 },
        ),
        async (raw, needs) => {
          const courses = raw.map((k, i) => ({ id: `K${i}`, ...k }))
          const r = await planTraining(scenario, { courses, needs, hoursPerCadre: 60 })
          if (r._tag === 'Left') throw new Error(r.left.message)
          // Topics no feedback list or team gap asks for: the one cadre's needs are all there is.
          const mineNeeds = r.right.needs.filter((n) => courses.some((k) => k.topic === n.topic))
          expect(mineNeeds.every((n) => n.cadreId === ids[0])).toBe(true)
          // Every subset of courses the one cadre could take.
          let best = 0
          for (let mask = 0; mask < 1 << courses.length; mask++) {
            const list = courses.filter((k, i) => (mask >> i) & 1 && k.seats > 0)
            if (list.length !== courses.filter((_, i) => (mask >> i) & 1).length) continue
            if (list.reduce((s, k) => s + k.hours, 0) > 60) continue
            let clash = false
            for (let i = 0; i < list.length; i++)
              for (let j = i + 1; j < list.length; j++)
                if (!(list[i]!.end < list[j]!.start || list[j]!.end < list[i]!.start)) clash = true
            if (clash) continue
            best = Math.max(
              best,
              mineNeeds
                .filter((n) => list.some((k) => k.topic === n.topic))
                .reduce((s, n) => s + n.weight, 0),
            )
          }
          const mine = r.right.needs
            .filter((n) => n.cadreId === ids[0])
            .filter((n) => r.right.cadres.find((c) => c.cadreId === ids[0])?.topics.includes(n.topic))
            .reduce((s, n) => s + n.weight, 0)
          expect(mine).toBeCloseTo(best, 6)
        },
      ),
      { seed: 4, numRuns: 40 },
    )
  }, 120_000)

  it('names bad options by their place', async () => {
    const bad = await planTraining(scenario, {
      courses: [{ id: 'K1', topic: 't', seats: -1, hours: 8, start: '2027-01', end: '2027-01' }],
    })
    expect(bad).toMatchObject({
      _tag: 'Left',
      left: { message: 'options.courses[0].seats: expected integer in 0–100000, got -1' },
    })
    const twice = await planTraining(scenario, {
      courses: [
        { id: 'K1', topic: 't', seats: 1, hours: 8, start: '2027-01', end: '2027-01' },
        { id: 'K1', topic: 't', seats: 1, hours: 8, start: '2027-03', end: '2027-02' },
      ],
    })
    expect(twice).toMatchObject({
      _tag: 'Left',
      left: { message: 'options.courses[1].id: "K1" is listed twice' },
    })
    expect(
      (await planTraining(scenario, { courses: [], needs: [{ cadreId: 'x', topic: 't', weight: 1 }] }))._tag,
    ).toBe('Left')
  })

  it('refuses what is not a scenario, or a scenario month that is not a real month, naming it (never throws)', async () => {
    for (const bad of [{ cadres: [] }, null, { ...scenario, policy: undefined }])
      expect(await planTraining(bad as never, { courses: [] })).toMatchObject({
        _tag: 'Left',
        left: {
          _tag: 'InvalidTrainingPlan',
          message: expect.stringMatching(
            /^scenario: expected a decoded Scenario \(call decodeScenario first\), got /,
          ),
        },
      })
    const digits = (n: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n })
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(fc.integer({ min: 1990, max: 2060 }), digits(2)).map(([y, m]) => `${y}-${m}`),
          fc.constantFrom('2026-13', '2026-00', '2026-9', '', 'abcd-01'),
        ),
        async (asOf) => {
          const r = await planTraining({ ...scenario, asOf }, { courses: [], method: 'greedy' })
          // "2026-13" is not read as 2027-01 (ages, feedback years): refused
          if (/^\d{4}-(0[1-9]|1[0-2])$/.test(asOf)) expect(r._tag).toBe('Right')
          else
            expect(r).toMatchObject({
              _tag: 'Left',
              left: {
                _tag: 'InvalidTrainingPlan',
                message: `scenario.asOf: expected YYYY-MM, got "${asOf}"`,
              },
            })
        },
      ),
      { seed: 6, numRuns: 60 },
    )
  })
})
