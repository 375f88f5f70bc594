/**
 * The weighted means behind every assessment score, computed so that scores
 * that are equal on paper are equal as numbers (and so tie in ranks and
 * percentiles, and never "fall" in a trend warning).
 *
 * Two rules, in this order:
 *
 * 1. A mean of values that are all equal is that value, exactly: 85 in,
 *    85 out, whatever the weights (Σ wᵢ·85 / Σ wᵢ alone gives
 *    85.00000000000001 with the default indicator weights).
 * 2. Any other mean is rounded to {@link SCORE_DIGITS} significant digits.
 *    A mean of a few terms carries an error of a few units in the last place
 *    (about 1e-16 relative); rounding to 14 digits (a step of 1e-12 for a
 *    score between 10 and 100, some seventy units in the last place) takes
 *    that noise away, so that 84.8 reached by three kinds and 84.8 given as a
 *    score are the same number. The step stays far below any difference a
 *    score can mean: a score moves by at most 5e-13, and one given with up to
 *    12 decimals does not move at all. (A coarser step, 1e-9 say, would move
 *    85.71428571428571 = 60 / 0.7 by 3e-10, more than the 12 decimals the
 *    results are checked to; a finer one would leave noise of a few units in
 *    the last place on the wrong side of a step.)
 *
 * Comparisons (ranks, percentiles, trend warnings, peer means) then compare
 * these numbers directly, with no tolerance of their own.
 *
 * Also here: {@link powerOfTwoNear}, the scale that keeps the column sums of
 * TOPSIS and the entropy method finite at any magnitude.
 *
 * @module
 * @internal
 */

/** Significant digits a computed mean is rounded to (see the module comment). @internal */
export const SCORE_DIGITS = 14

/** 10^0 … 10^22, each exact. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`))

/**
 * `x` rounded to {@link SCORE_DIGITS} significant digits: the double
 * nearest the rounded decimal, so that two computations of the same decimal
 * give the same number. Zero and non-finite values are returned as they are.
 * @internal
 */
export function roundScore(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x
  const a = Math.abs(x)
  // the decimal exponent of x; scores 10–100 first, the common case
  const e = a >= 10 && a < 100 ? 1 : Math.floor(Math.log10(a))
  const k = SCORE_DIGITS - 1 - e
  // 10^k is exact for |k| ≤ 22; beyond, the numbers are not scores and are left alone
  if (k > 22 || k < -22) return x
  return k >= 0 ? Math.round(x * POW10[k]!) / POW10[k]! : Math.round(x / POW10[-k]!) * POW10[-k]!
}

/**
 * A running weighted mean: add values with `add`, read it with `value`.
 * `value` is exactly the common value when every value added was equal, and
 * Σ wᵢ xᵢ / Σ wᵢ rounded by {@link roundScore} otherwise; `null` when nothing
 * with a positive weight was added.
 * @internal
 */
export class WeightedMean {
  private sum = 0
  private weight = 0
  private first = 0
  private mixed = false

  /** Starts again from nothing (one accumulator serves many means without allocating). */
  reset(): this {
    this.sum = 0
    this.weight = 0
    this.first = 0
    this.mixed = false
    return this
  }

  /** Adds `x` with weight `w` (a weight that is not positive adds nothing). */
  add(x: number, w = 1): void {
    if (!(w > 0)) return
    if (this.weight === 0) this.first = x
    else if (x !== this.first) this.mixed = true
    this.sum += w * x
    this.weight += w
  }

  /** The mean, or `null` when nothing was added. */
  value(): number | null {
    return this.weight > 0 ? meanFrom(this.sum, this.weight, this.first, this.mixed) : null
  }
}

/**
 * The mean of running sums kept by hand (in typed arrays, say): Σ w x / Σ w
 * rounded by {@link roundScore} when the values were `mixed`, else exactly
 * `first`, the value they all had. `weight` must be positive.
 * @internal
 */
export function meanFrom(sum: number, weight: number, first: number, mixed: boolean): number {
  return mixed ? roundScore(sum / weight) : first
}

/**
 * Plain running means kept side by side in one array, four numbers a slot
 * (sum, count, first value, 1 once a value differed from it): the many small
 * means of a cadre's records without an object each. Make one with
 * {@link slotMeans}, add with {@link addToSlot}, read with {@link slotCount}
 * and {@link slotMean}.
 * @internal
 */
export type SlotMeans = Float64Array

/** Running means for `n` slots, all empty. @internal */
export const slotMeans = (n: number): SlotMeans => new Float64Array(4 * n)

/** Adds `x` (weight 1) to the mean of `slot`. @internal */
export function addToSlot(means: SlotMeans, slot: number, x: number): void {
  const at = 4 * slot
  if (means[at + 1] === 0) means[at + 2] = x
  else if (x !== means[at + 2]) means[at + 3] = 1
  means[at]! += x
  means[at + 1]! += 1
}

/** How many values the mean of `slot` has. @internal */
export const slotCount = (means: SlotMeans, slot: number): number => means[4 * slot + 1]!

/** The mean of `slot` by the rules of {@link WeightedMean}; the slot must have a value. @internal */
export function slotMean(means: SlotMeans, slot: number): number {
  const at = 4 * slot
  return meanFrom(means[at]!, means[at + 1]!, means[at + 2]!, means[at + 3] === 1)
}

/**
 * Σ wᵢ xᵢ / Σ wᵢ over the pairs with a positive weight, by the rules of
 * {@link WeightedMean}; `null` when no weight is positive. `weights` defaults
 * to all 1 (the plain mean).
 * @internal
 */
export function weightedMean(values: ArrayLike<number>, weights?: ArrayLike<number>): number | null {
  const m = new WeightedMean()
  for (let i = 0; i < values.length; i++) m.add(values[i]!, weights === undefined ? 1 : weights[i]!)
  return m.value()
}

/**
 * A power of two within a factor 2 of `x` (1 when `x` is not a positive
 * finite number). Dividing by it is exact (short of the subnormal range)
 * and brings `x` near 1, as `Math.hypot` scales: sums and sums of squares of
 * a column divided by it neither overflow nor underflow, and give the same
 * quotients as the unscaled ones would have.
 * @internal
 */
export function powerOfTwoNear(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1
  return 2 ** Math.max(-1074, Math.min(1023, Math.floor(Math.log2(x))))
}
