/**
 * Properties of the working-day calendar, checked against a day-by-day count
 * written here: lastWorkingDay ends on the n-th working day from its start,
 * or throws its documented RangeError only when the calendar is off every day
 * of the week with fewer than n listed workdays from the start on; openRound
 * takes any calendar with a day of the week worked, and refuses the others.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateScenario } from '../../src/sample/index.js'
import { lastWorkingDay, openRound } from '../../src/selection/index.js'

const DAY = 86_400_000
const dayNo = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY
const dateOf = (n: number) => new Date(n * DAY).toISOString().slice(0, 10)
const BASE = dayNo('2026-09-01')

/** A day within ten weeks of 2026-09-01. */
const near = fc.integer({ min: 0, max: 70 }).map((k) => dateOf(BASE + k))
const calendar = fc.record({
  weekend: fc.oneof(
    fc.constant<number[]>([0, 1, 2, 3, 4, 5, 6]),
    fc.subarray([0, 1, 2, 3, 4, 5, 6]),
    fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6], { minLength: 6 }),
  ),
  holidays: fc.array(near, { maxLength: 10 }),
  workdays: fc.array(near, { maxLength: 4 }),
})

/** Working day, by the calendar's definition: a listed workday, else not a holiday nor a weekend day. */
const works = (
  c: { readonly weekend: readonly number[]; readonly holidays: string[]; readonly workdays: string[] },
  n: number,
) => {
  const d = dateOf(n)
  if (c.workdays.includes(d)) return true
  if (c.holidays.includes(d)) return false
  return !c.weekend.includes(new Date(n * DAY).getUTCDay())
}

describe('the working-day calendar (property)', () => {
  it('lastWorkingDay ends on the n-th working day from start, or throws RangeError only when no such day can come', () => {
    fc.assert(
      fc.property(calendar, near, fc.integer({ min: 1, max: 6 }), (c, start, n) => {
        const allOff = new Set(c.weekend).size === 7
        const from = dayNo(start)
        let out: string | RangeError
        try {
          out = lastWorkingDay(c, start, n)
        } catch (e) {
          expect(e).toBeInstanceOf(RangeError)
          out = e as RangeError
        }
        if (out instanceof RangeError) {
          // Only off every day of the week, with too few listed workdays ahead.
          expect(allOff).toBe(true)
          expect(new Set(c.workdays.filter((w) => dayNo(w) >= from)).size).toBeLessThan(n)
          return
        }
        expect(out).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        const end = dayNo(out)
        expect(works(c, end)).toBe(true)
        let counted = 0
        for (let d = from; d <= end; d++) if (works(c, d)) counted++
        expect(counted).toBe(n)
      }),
      { seed: 2026, numRuns: 600 },
    )
  })

  it('openRound refuses a calendar off all seven days, whatever its workdays, and takes any other', () => {
    const scenario = generateScenario({ seed: 4, cadres: 40, teams: 4 })
    const posts = [scenario.teams[0]!.posts[0]!.id]
    fc.assert(
      fc.property(calendar, (c) => {
        const r = openRound(scenario, {
          posts,
          reason: 'r',
          proposer: 'p',
          date: '2026-09-01',
          rules: { calendar: c },
        })
        if (new Set(c.weekend).size === 7)
          expect(r).toMatchObject({
            _tag: 'Left',
            left: { _tag: 'ProcedureError', rule: 'input', path: 'rules.calendar.weekend' },
          })
        else expect(r._tag).toBe('Right')
      }),
      { seed: 7, numRuns: 200 },
    )
  })
})
