/**
 * Month arithmetic on {@link YearMonth} values: the derived fields of the
 * domain (age, months in post, months at rank). Whole months, no time zones.
 *
 * @module
 */
import { shown } from './shown.js'
import type { YearMonth } from './types.js'

/**
 * Month index `year × 12 + (month − 1)` of a `YYYY-MM` string: four digits,
 * a hyphen, two digits; `NaN` for any other shape. The two digits of the
 * month are read as they are, not checked against the calendar: `2026-13`
 * reads as 2027-01 and `2026-00` as 2025-12. The decoder guarantees months
 * 01–12; an entry point that takes a month it has not decoded checks it with
 * `isMonth` (a month the decoder accepts) first.
 * @category Domain
 * @example
 * monthIndex('2026-01') - monthIndex('2025-12') //=> 1
 */
export function monthIndex(ym: YearMonth): number {
  // Read digit by digit: this runs for every eligible pair, and a regular expression per call
  // was a fifth of the formulation's time.
  if (typeof ym !== 'string' || ym.length !== 7 || ym.charCodeAt(4) !== 45) return Number.NaN
  let year = 0
  for (let i = 0; i < 4; i++) {
    const d = ym.charCodeAt(i) - 48
    if (d < 0 || d > 9) return Number.NaN
    year = year * 10 + d
  }
  const m1 = ym.charCodeAt(5) - 48
  const m2 = ym.charCodeAt(6) - 48
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9) return Number.NaN
  return year * 12 + m1 * 10 + m2 - 1
}

/**
 * Whole months from `from` to `to` (negative if `to` is earlier).
 * @category Domain
 * @example
 * monthsBetween('2016-09', '2026-09') //=> 120
 */
export function monthsBetween(from: YearMonth, to: YearMonth): number {
  return monthIndex(to) - monthIndex(from)
}

/**
 * Age in whole years at `asOf` of someone born in `birth`.
 * @category Domain
 * @example
 * ageAt('1990-10', '2026-09') //=> 35
 */
export function ageAt(birth: YearMonth, asOf: YearMonth): number {
  return Math.floor(monthsBetween(birth, asOf) / 12)
}

/**
 * Months from `asOf` until someone born in `birth` reaches `retirementAge`
 * (years, a fraction counting months: 60.25 is 60 years and 3 months); 0 or
 * less once reached. The one count behind the retirement rule, the rotation
 * plan and the past-retirement warning.
 * @internal
 */
export function monthsToRetirement(birth: YearMonth, retirementAge: number, asOf: YearMonth): number {
  return 12 * retirementAge - monthsBetween(birth, asOf)
}

/** Whether `x` is a month written `YYYY-MM`, month 01–12 (any year). @internal */
export const isMonth = (x: unknown): x is YearMonth =>
  typeof x === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(x)

/**
 * The month `n` months after `ym` (before it for a negative `n`).
 * @throws TypeError when `ym` is not a month `YYYY-MM` or `n` not a whole number in ±120,000 (a programmer error; docs/guide.md, "What throws")
 * @category Domain
 * @example
 * monthsAfter('2026-09', 15) //=> '2027-12'
 */
export function monthsAfter(ym: YearMonth, n: number): YearMonth {
  const at = monthIndex(ym)
  if (Number.isNaN(at) || !isMonth(ym))
    throw new TypeError(`monthsAfter: ym: expected a month YYYY-MM, got ${shown(ym)}`)
  if (typeof n !== 'number' || !Number.isInteger(n) || Math.abs(n) > 120_000)
    throw new TypeError(`monthsAfter: n: expected a whole number of months in ±120,000, got ${shown(n)}`)
  const i = at + n
  const y = Math.floor(i / 12)
  return `${String(y).padStart(4, '0')}-${String(i - y * 12 + 1).padStart(2, '0')}`
}
