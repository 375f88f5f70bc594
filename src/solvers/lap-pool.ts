/**
 * Working arrays of `linearSumAssignment` (see `lap.ts`), kept from one
 * call to the next while they are small. A solve needs some fifteen arrays
 * of one to four times the side; allocating them afresh (each a backing
 * store of its own, zeroed, later finalised by the garbage collector) took
 * 10–18 µs per call on the benchmark machine, a tenth to a fifth of a
 * 100 × 100 solve. Larger arrays are allocated as before: their cost is
 * then nothing beside the solve's, and they are not worth holding on to.
 * Internal: not part of the public API.
 *
 * @module
 * @internal
 */

/** The longest array kept (in entries): `KEEP · n` for sides up to 4,096; at most ~2 MB kept in all. */
const LONGEST = 16_384

/**
 * The slots: one per array of a solve that is live at the same time as
 * another, so that no two of them share storage.
 * @internal
 */
export const Slot = {
  v: 0,
  col4row: 1,
  row4col: 2,
  free: 3,
  low: 4,
  at: 5,
  read: 6,
  argBest: 7,
  wins: 8,
  u: 9,
  vd: 10,
  path: 11,
  rest: 12,
  lvl: 13,
} as const

/** The kept arrays, by slot. */
interface Kept {
  readonly f64: (Float64Array | undefined)[]
  readonly i32: (Int32Array | undefined)[]
}

/**
 * Held weakly, as the WebAssembly memory of `lap-wasm.ts` is: calls in a
 * row reuse the arrays, which are freed once the program stops solving and
 * the garbage collector runs (a `WeakRef`'s target stays alive until the
 * end of the current job, so for a whole call).
 */
let held: WeakRef<Kept> | undefined

const kept = (): Kept => {
  let k = held?.deref()
  if (k === undefined) {
    k = { f64: [], i32: [] }
    held = new WeakRef(k)
  }
  return k
}

/**
 * A `Float64Array` of length `n` for `slot`, reused from an earlier call
 * when one of that length is kept: its contents are then those left by
 * that call, so the caller sets every entry it reads.
 * @internal
 */
export const f64 = (slot: number, n: number): Float64Array => {
  if (n > LONGEST) return new Float64Array(n)
  const all = kept().f64
  const a = all[slot]
  if (a !== undefined && a.length === n) return a
  return (all[slot] = new Float64Array(n))
}

/** {@link f64} for an `Int32Array`. @internal */
export const i32 = (slot: number, n: number): Int32Array => {
  if (n > LONGEST) return new Int32Array(n)
  const all = kept().i32
  const a = all[slot]
  if (a !== undefined && a.length === n) return a
  return (all[slot] = new Int32Array(n))
}
