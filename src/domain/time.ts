/**
 * Month arithmetic on {@link YearMonth} values: the derived fields of the
 * domain (age, months in post, months at rank). Whole months, no time zones.
 *
 * @module
 */
import type { YearMonth } from './types.js'

/**
 * Month index `year × 12 + (month − 1)` of a `YYYY-MM` string. The decoder
 * guarantees the format; on anything else this returns `NaN`.
 * @category Domain
 * @example
 * monthIndex('2026-01') - monthIndex('2025-12') //=> 1
 */
export function monthIndex(ym: YearMonth): number {
  const m = /^(\d{4})-(\d{2})$/.exec(ym)
  if (m === null) return Number.NaN
  return Number(m[1]) * 12 + Number(m[2]) - 1
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
