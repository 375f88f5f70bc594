/**
 * Month arithmetic of the validator, written again on purpose: the validator
 * shares no code with the rules or the model, so a wrong date helper there
 * cannot hide here (docs/rules.md, "Time").
 *
 * @module
 */

const YEAR_MONTH = /^(\d{4})-(\d{2})$/

/**
 * Month index `year × 12 + (month − 1)` of a `YYYY-MM` value; `NaN` for
 * anything else, so that a rule fed a malformed date compares false and never
 * throws.
 */
export function monthIndex(ym: unknown): number {
  if (typeof ym !== 'string') return Number.NaN
  const m = YEAR_MONTH.exec(ym)
  if (m === null) return Number.NaN
  const month = Number(m[2])
  if (month < 1 || month > 12) return Number.NaN
  return Number(m[1]) * 12 + month - 1
}

/** Whole months from `since` to the reference month `asOf` (a month index). */
export function monthsSince(asOf: number, since: unknown): number {
  return asOf - monthIndex(since)
}

/** Age in whole years at the reference month `asOf`: `floor(months / 12)`. */
export function ageAt(asOf: number, birth: unknown): number {
  return Math.floor(monthsSince(asOf, birth) / 12)
}

/** Calendar year of a month index. */
export function yearOf(index: number): number {
  return Math.floor(index / 12)
}
