/**
 * The few best columns of a row, picked in one pass over its entries: the
 * first core's columns of highest cost per row, and each pricing round's of
 * highest reduced cost. Sorting every candidate of a row to keep three was
 * most of those passes at city scale (a cadre's row holds thousands).
 *
 * @module
 */

/**
 * The `k` columns of highest key among those offered, as sorting them all by
 * key (highest first, then lowest column) and keeping the first `k` would give;
 * when no more than `k` were offered, all of them in the order offered.
 * @internal
 */
export class Best {
  /** The columns kept, highest key first (the first {@link size}). */
  private readonly sorted: Int32Array
  private readonly keys: Float64Array
  /** The first `k` columns offered, in the order offered. */
  private readonly offered: Int32Array
  private count = 0
  private kept = 0

  constructor(readonly k: number) {
    this.sorted = new Int32Array(k)
    this.keys = new Float64Array(k)
    this.offered = new Int32Array(k)
  }

  /** Forgets every column offered. */
  clear(): void {
    this.count = 0
    this.kept = 0
  }

  /** Column `j` with key `key` (not NaN) is a candidate. */
  offer(j: number, key: number): void {
    const { k, sorted, keys } = this
    if (k === 0) return
    if (this.count < k) this.offered[this.count] = j
    this.count++
    let i = this.kept
    if (i === k) {
      const last = keys[k - 1]!
      if (key < last || (key === last && j > sorted[k - 1]!)) return
      i = k - 1
    } else this.kept++
    while (i > 0 && (keys[i - 1]! < key || (keys[i - 1] === key && sorted[i - 1]! > j))) {
      keys[i] = keys[i - 1]!
      sorted[i] = sorted[i - 1]!
      i--
    }
    keys[i] = key
    sorted[i] = j
  }

  /** How many columns {@link column} reports. */
  get size(): number {
    return this.kept
  }

  /** The `i`-th column picked. */
  column(i: number): number {
    return this.count <= this.k ? this.offered[i]! : this.sorted[i]!
  }
}
