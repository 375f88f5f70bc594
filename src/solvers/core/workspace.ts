/**
 * The per-column working arrays of one core run, reused by each of its parts
 * (a second part runs when the cuts made the model infeasible, see
 * `core-run.ts`) and by each round of cuts. At city scale the arrays over
 * every column — reduced costs, core membership, entries per column, the cut
 * rounds' accumulators — come to a few hundred MB; the worker allocates next
 * to nothing on its JavaScript heap while HiGHS solves, so arrays let go were
 * still held at the run's peak (10,000 cadres: ≈ 2.1 GB when each round of
 * cuts had an array set of its own).
 *
 * @module
 */

type Kind = Float64ArrayConstructor | Int32ArrayConstructor | Uint8ArrayConstructor

/** Named working arrays, each reused while its kind and length stay the same. @internal */
export class Workspace {
  private readonly arrays = new Map<string, Float64Array | Int32Array | Uint8Array>()

  /** The array `name` of `n` doubles, every entry `fill` (`null`: left as the last user left it). */
  f64(name: string, n: number, fill: number | null = 0): Float64Array {
    return this.get(Float64Array, name, n, fill) as Float64Array
  }

  /** As {@link f64}, of 32-bit integers. */
  i32(name: string, n: number, fill: number | null = 0): Int32Array {
    return this.get(Int32Array, name, n, fill) as Int32Array
  }

  /** As {@link f64}, of bytes. */
  u8(name: string, n: number, fill: number | null = 0): Uint8Array {
    return this.get(Uint8Array, name, n, fill) as Uint8Array
  }

  private get(
    Kind: Kind,
    name: string,
    n: number,
    fill: number | null,
  ): Float64Array | Int32Array | Uint8Array {
    let a = this.arrays.get(name)
    if (a === undefined || a.constructor !== Kind || a.length !== n) {
      a = new Kind(n)
      this.arrays.set(name, a)
      if (fill !== null && fill !== 0) a.fill(fill)
    } else if (fill !== null) a.fill(fill)
    return a
  }
}
