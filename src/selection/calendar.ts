/**
 * Days and working days for the selection procedure: `YYYY-MM-DD` strings,
 * read and counted in UTC so no time zone moves a day.
 *
 * @module
 */
import { requireArgument } from '../io/door.js'
import type { Day, WorkingCalendar } from './types.js'

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000
/** The last day written `YYYY-MM-DD`: 9999-12-31. */
const LAST_DAY = Date.UTC(9999, 11, 31) / MS_PER_DAY

/** Days since 1970-01-01 of a `YYYY-MM-DD` day; `NaN` when it is not a real calendar day. @category Selection */
export function dayNumber(day: Day): number {
  const m = typeof day === 'string' ? DAY.exec(day) : null
  if (m === null) return Number.NaN
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = Date.UTC(y, mo - 1, d)
  const back = new Date(t)
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return Number.NaN
  return t / MS_PER_DAY
}

/** Whether `day` is a real calendar day written `YYYY-MM-DD`. @category Selection */
export const isDay = (day: unknown): day is Day => typeof day === 'string' && !Number.isNaN(dayNumber(day))

/** The `YYYY-MM-DD` of a day number. */
function dayOf(n: number): Day {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10)
}

const isCalendar = (c: unknown): c is WorkingCalendar =>
  typeof c === 'object' &&
  c !== null &&
  Array.isArray((c as WorkingCalendar).weekend) &&
  (c as WorkingCalendar).weekend.every((d) => Number.isInteger(d) && d >= 0 && d <= 6) &&
  Array.isArray((c as WorkingCalendar).holidays) &&
  Array.isArray((c as WorkingCalendar).workdays)

const CALENDAR = 'a working calendar { weekend: days 0–6, holidays: days, workdays: days }'

/**
 * Whether `day` is a working day of `calendar`.
 * @throws TypeError when `calendar` is not a calendar or `day` not a `YYYY-MM-DD` day (docs/guide.md, "What throws")
 * @category Selection
 */
export function isWorkingDay(calendar: WorkingCalendar, day: Day): boolean {
  requireArgument('isWorkingDay', 'calendar', CALENDAR, calendar, isCalendar(calendar))
  requireArgument('isWorkingDay', 'day', 'a day YYYY-MM-DD', day, isDay(day))
  return workingDay(calendar, day)
}

function workingDay(calendar: WorkingCalendar, day: Day): boolean {
  if (calendar.workdays.includes(day)) return true
  if (calendar.holidays.includes(day)) return false
  const weekday = (((dayNumber(day) + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday
  return !calendar.weekend.includes(weekday)
}

/**
 * The last day of a period of `n` working days starting on `start` (counted
 * from `start` if it is a working day, else from the next one).
 * @throws TypeError when `calendar` is not a calendar, `start` not a day or `n` not a whole number in 1–366; RangeError when the period never ends — every day of the week is off and fewer than `n` listed workdays (`calendar.workdays`) lie on or after `start` — or ends after 9999-12-31 (docs/guide.md, "What throws")
 * @category Selection
 * @example
 * // a Monday: five working days end on the Friday
 * lastWorkingDay(DEFAULT_SELECTION_RULES.calendar, '2026-12-07', 5) //=> '2026-12-11'
 */
export function lastWorkingDay(calendar: WorkingCalendar, start: Day, n: number): Day {
  requireArgument('lastWorkingDay', 'calendar', CALENDAR, calendar, isCalendar(calendar))
  requireArgument('lastWorkingDay', 'start', 'a day YYYY-MM-DD', start, isDay(start))
  requireArgument(
    'lastWorkingDay',
    'n',
    'a whole number in 1–366',
    n,
    Number.isInteger(n) && n >= 1 && n <= 366,
  )
  const from = dayNumber(start)
  if (new Set(calendar.weekend).size === 7) {
    // Off every day of the week: the working days are the listed workdays alone, and the period
    // ends on the n-th of them on or after start — or never (it is not walked day by day: the
    // last listed workday may lie thousands of years away, or behind start).
    const ahead = [...new Set(calendar.workdays.map(dayNumber))]
      .filter((d) => d >= from)
      .sort((a, b) => a - b)
    if (ahead.length < n)
      throw new RangeError(
        `lastWorkingDay: calendar: expected a calendar with ${n} working day${n === 1 ? '' : 's'} on or after ${start}, got one off every day of the week with ${ahead.length} listed workday${ahead.length === 1 ? '' : 's'} from then on`,
      )
    return dayOf(ahead[n - 1]!)
  }
  // Some day of the week is worked, so the period ends within 7 × n days (plus the listed holidays).
  let d = from
  let counted = 0
  for (;;) {
    if (workingDay(calendar, dayOf(d))) counted++
    if (counted >= n) return dayOf(d)
    if (++d > LAST_DAY)
      throw new RangeError(
        `lastWorkingDay: start: expected ${n} working day${n === 1 ? '' : 's'} from ${start} by 9999-12-31, got ${counted}`,
      )
  }
}

/**
 * The day `months` calendar months after `day` (the month's last day when it is shorter).
 * @throws TypeError when `day` is not a `YYYY-MM-DD` day or `months` not a whole number in ±1200 (docs/guide.md, "What throws")
 * @category Selection
 */
export function addMonths(day: Day, months: number): Day {
  requireArgument('addMonths', 'day', 'a day YYYY-MM-DD', day, isDay(day))
  requireArgument(
    'addMonths',
    'months',
    'a whole number in −1200–1200',
    months,
    Number.isInteger(months) && Math.abs(months) <= 1200,
  )
  const m = DAY.exec(day)!
  const total = Number(m[1]) * 12 + Number(m[2]) - 1 + months
  const y = Math.floor(total / 12)
  const mo = total - y * 12
  const last = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate()
  return `${String(y).padStart(4, '0')}-${String(mo + 1).padStart(2, '0')}-${String(Math.min(Number(m[3]), last)).padStart(2, '0')}`
}
