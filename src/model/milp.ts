import { requireShape } from '../io/door.js'
import { Grow, offerRoom, SHARED } from './storage.js'
/**
 * A solver-neutral mixed-integer linear program: columns with bounds, costs
 * and integrality; rows as a compressed sparse row matrix with lower and upper
 * activity bounds. Rows and columns carry domain names (`team:T12:women>=1`,
 * `x:C3:P12`) so that any answer — an IIS, a dual, a slack — maps back to
 * cadres, posts and rules.
 *
 * @module
 */

/**
 * The MILP, maximised. `Infinity` marks a missing bound.
 *
 * Read-only: the arrays of a model `MilpBuilder` built are views of
 * its storage (shared memory where `SharedArrayBuffer` exists), which other
 * models built from the same storage share, and whose buffer reaches past a
 * view's own entries (a solver may keep rows of its own there). Read them
 * through their `length`, never through `.buffer`; copy one before writing
 * to it (`editMilp` does).
 * @category Model
 */
export interface Milp {
  readonly sense: 'max'
  /**
   * Name of each column. Its `length` is known at once; the names themselves
   * may be built on first read of an entry (a solver reads only the length).
   */
  readonly colNames: readonly string[]
  readonly colCost: Float64Array
  readonly colLower: Float64Array
  readonly colUpper: Float64Array
  /** 1 for an integer column. */
  readonly integer: Uint8Array
  readonly rowNames: readonly string[]
  readonly rowLower: Float64Array
  readonly rowUpper: Float64Array
  /** CSR: row `r` has entries `rowStarts[r] .. rowStarts[r + 1] − 1`. */
  readonly rowStarts: Int32Array
  readonly rowIndex: Int32Array
  readonly rowValue: Float64Array
  /**
   * 1 for a row that ties the model's blocks together (a staffing's cadre
   * rows: one post per cadre, across teams); rows past its end count as
   * linking too (rows appended by `editMilp`). The HiGHS backend relaxes these
   * rows into a Lagrangian bound whose blocks — the parts the other rows
   * connect, a team each — it solves whole, which tightens its proof. Any
   * marking is valid (it only changes how tight that bound is); without it
   * the bound is the plain LP one.
   */
  readonly linkingRows?: Uint8Array
}

/** Size of a model, for benchmarks and progress. @category Model */
export interface MilpSize {
  readonly columns: number
  readonly integerColumns: number
  readonly rows: number
  readonly nonzeros: number
}

/**
 * @category Model
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 */
export function sizeOf(m: Milp): MilpSize {
  requireShape('sizeOf', 'm', 'milp', m)
  let ints = 0
  for (const v of m.integer) ints += v
  return {
    columns: m.colNames.length,
    integerColumns: ints,
    rows: m.rowNames.length,
    nonzeros: m.rowIndex.length,
  }
}

/**
 * An array of `length` names built by `build` on first use of its content:
 * reading `length` builds nothing. Every other read (an index, a method, a
 * spread, JSON) is answered by the built array.
 */
function lazyNames(length: number, build: () => string[]): readonly string[] {
  let built: string[] | undefined
  const real = (): string[] => (built ??= build())
  return new Proxy<string[]>([], {
    get: (_, prop) => {
      if (prop === 'length') return length
      const r = real()
      const v: unknown = Reflect.get(r, prop, r)
      // Methods run on the built array itself, not entry by entry through the proxy.
      return typeof v === 'function' && prop !== 'constructor' ? (v as () => unknown).bind(r) : v
    },
    has: (_, prop) => Reflect.has(real(), prop),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, prop) => Reflect.getOwnPropertyDescriptor(real(), prop),
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  })
}

export { entryLease } from './storage.js'

/**
 * Builds a {@link Milp} column by column and row by row. Duplicate column
 * entries within one row are summed; zero coefficients are dropped.
 * @category Model
 */
export class MilpBuilder {
  /** Names of the columns added one by one, and their columns. */
  private readonly colNames: string[] = []
  private readonly namedCol: number[] = []
  /** Blocks of columns named on demand. */
  private readonly namedLater: {
    readonly start: number
    readonly count: number
    readonly name: (i: number) => string
  }[] = []
  private readonly colCost = new Grow(Float64Array, 64)
  private readonly colLower = new Grow(Float64Array, 64)
  private readonly colUpper = new Grow(Float64Array, 64)
  private readonly integer = new Grow(Uint8Array, 64)
  private readonly rowNames: string[] = []
  private readonly rowLower = new Grow(Float64Array, 64)
  private readonly rowUpper = new Grow(Float64Array, 64)
  private readonly rowStarts = new Grow(Int32Array, 64)
  private readonly rowIndex = new Grow(Int32Array, 256)
  private readonly rowValue = new Grow(Float64Array, 256)
  /** Rows marked by {@link MilpBuilder.markLinking}. */
  private readonly linking: number[] = []
  /** The lease of the room past the entries (see `entryRoom`), and the storage it is for. */
  private lease: { readonly storage: ArrayBufferLike; readonly word: Int32Array } | null = null

  constructor() {
    this.rowStarts.push(0)
  }

  get columns(): number {
    return this.colCost.length
  }

  addColumn(name: string, cost: number, lower: number, upper: number, integer: boolean): number {
    this.colNames.push(name)
    this.namedCol.push(this.colCost.length)
    this.colCost.push(cost)
    this.colLower.push(lower)
    this.colUpper.push(upper)
    this.integer.push(integer ? 1 : 0)
    return this.colCost.length - 1
  }

  /**
   * Adds `count` columns at once, named on demand: `name(i)` names the `i`-th
   * of them when {@link Milp.colNames} is first read. Returns the first column.
   */
  addColumns(
    count: number,
    name: (i: number) => string,
    cost: ArrayLike<number>,
    lower: number,
    upper: number,
    integer: boolean,
  ): number {
    const start = this.colCost.length
    for (const g of [this.colCost, this.colLower, this.colUpper]) g.reserve(count)
    this.integer.reserve(count)
    for (let i = 0; i < count; i++) {
      this.colCost.data[this.colCost.length++] = cost[i]!
      this.colLower.data[this.colLower.length++] = lower
      this.colUpper.data[this.colUpper.length++] = upper
      this.integer.data[this.integer.length++] = integer ? 1 : 0
    }
    if (count > 0) this.namedLater.push({ start, count, name })
    return start
  }

  /** Room for `count` more columns (as {@link reserve} for rows). */
  reserveColumns(count: number): void {
    for (const g of [this.colCost, this.colLower, this.colUpper]) g.reserve(count)
    this.integer.reserve(count)
  }

  /**
   * Room for `rows` more rows with `entries` more non-zeros in all. Reserving
   * more than is used costs little where `SharedArrayBuffer` exists (the
   * built arrays are views of the storage, whose untouched pages Linux and
   * macOS never commit); a builder that knows a bound should reserve it, as
   * growing copies what was built so far.
   */
  reserve(rows: number, entries: number): void {
    for (const g of [this.rowLower, this.rowUpper]) g.reserve(rows)
    this.rowStarts.reserve(rows)
    this.rowIndex.reserve(entries)
    this.rowValue.reserve(entries)
  }

  setLower(col: number, lower: number): void {
    this.colLower.reserve(0)
    this.colLower.data[col] = lower
  }

  setUpper(col: number, upper: number): void {
    this.colUpper.reserve(0)
    this.colUpper.data[col] = upper
  }

  /**
   * Adds a row `lower ≤ Σ coefs[k]·x[cols[k]] ≤ upper`; `coefs` may be one
   * number for every entry.
   */
  addRow(
    name: string,
    cols: ArrayLike<number>,
    coefs: ArrayLike<number> | number,
    lower: number,
    upper: number,
  ): number {
    const n = cols.length
    this.rowIndex.reserve(n)
    this.rowValue.reserve(n)
    const index = this.rowIndex
    const value = this.rowValue
    let increasing = true
    for (let k = 1; k < n && increasing; k++) increasing = cols[k - 1]! < cols[k]!
    if (increasing && typeof coefs === 'number') {
      // One coefficient and no duplicates: the entries in order (none if the coefficient is 0).
      if (coefs !== 0) {
        const at = index.length
        index.data.set(cols, at)
        value.data.fill(coefs, at, at + n)
        index.length += n
        value.length += n
      }
    } else if (increasing) {
      // No duplicates to sum: the entries in order, zeros dropped.
      const cs = coefs as ArrayLike<number>
      const id = index.data
      const vd = value.data
      // Entries and values grow in step.
      let at = index.length
      for (let k = 0; k < n; k++) {
        const v = cs[k]!
        if (v !== 0) {
          id[at] = cols[k]!
          vd[at++] = v
        }
      }
      index.length = at
      value.length = at
    } else {
      // Sort the entries by column (a typed-array sort of positions), then sum duplicates and drop zeros.
      const coef = (k: number): number => (typeof coefs === 'number' ? coefs : coefs[k]!)
      const order = new Uint32Array(n)
      for (let k = 0; k < n; k++) order[k] = k
      order.sort((a, b) => cols[a]! - cols[b]! || a - b)
      for (let k = 0; k < n;) {
        const c = cols[order[k]!]!
        let v = 0
        for (; k < n && cols[order[k]!] === c; k++) v += coef(order[k]!)
        if (v !== 0) {
          index.data[index.length++] = c
          value.data[value.length++] = v
        }
      }
    }
    this.rowStarts.push(index.length)
    this.rowNames.push(name)
    this.rowLower.push(lower)
    this.rowUpper.push(upper)
    return this.rowNames.length - 1
  }

  /**
   * Marks row `row` as one that ties the model's blocks together (see
   * {@link Milp.linkingRows}).
   */
  markLinking(row: number): void {
    this.linking.push(row)
  }

  build(): Milp {
    const colNames = this.colNames.slice()
    const namedCol = this.namedCol.slice()
    const namedLater = this.namedLater.slice()
    const n = this.colCost.length
    const names =
      namedLater.length === 0
        ? colNames
        : lazyNames(n, () => {
            const out = new Array<string>(n)
            for (let j = 0; j < colNames.length; j++) out[namedCol[j]!] = colNames[j]!
            for (const { start, count, name } of namedLater)
              for (let i = 0; i < count; i++) out[start + i] = name(i)
            return out
          })
    const rowIndex = this.rowIndex.done()
    const rowValue = this.rowValue.done()
    if (SHARED) {
      // One lease per storage: models built again from the same storage share it.
      if (this.lease?.storage !== this.rowIndex.data.buffer)
        this.lease = { storage: this.rowIndex.data.buffer, word: new Int32Array(new SharedArrayBuffer(4)) }
      offerRoom(rowIndex, rowValue, this.lease.word)
    }
    return {
      sense: 'max',
      colNames: names,
      colCost: this.colCost.done(),
      colLower: this.colLower.done(),
      colUpper: this.colUpper.done(),
      integer: this.integer.done(),
      rowNames: this.rowNames.slice(),
      rowLower: this.rowLower.done(),
      rowUpper: this.rowUpper.done(),
      rowStarts: this.rowStarts.done(),
      rowIndex,
      rowValue,
      ...(this.linking.length === 0 ? {} : { linkingRows: this.linkingRows() }),
    }
  }

  /** {@link Milp.linkingRows} of the rows so far. */
  private linkingRows(): Uint8Array {
    const out = new Uint8Array(this.rowNames.length)
    for (const r of this.linking) if (r >= 0 && r < out.length) out[r] = 1
    return out
  }
}

/** Objective value of a column vector. @category Model */
export function objectiveOf(m: Milp, x: ArrayLike<number>): number {
  let s = 0
  for (let j = 0; j < m.colCost.length; j++) s += m.colCost[j]! * x[j]!
  return s
}

/**
 * The least and the most activity `Σ_j a_rj·x_j` row `r` of `m` can reach
 * with every column within its bounds.
 * @category Model
 */
export function activityRange(m: Milp, r: number): { readonly least: number; readonly most: number } {
  let least = 0
  let most = 0
  for (let e = m.rowStarts[r]!; e < m.rowStarts[r + 1]!; e++) {
    const v = m.rowValue[e]!
    const j = m.rowIndex[e]!
    least += Math.min(v * m.colLower[j]!, v * m.colUpper[j]!)
    most += Math.max(v * m.colLower[j]!, v * m.colUpper[j]!)
  }
  return { least, most }
}

/** The matrix of a {@link Milp} by column: column `j` has rows `row[start[j] .. start[j + 1] − 1]` with values `value[…]`. @category Model */
export interface ColumnMatrix {
  readonly start: Int32Array
  readonly row: Int32Array
  readonly value: Float64Array
}

/**
 * The constraint matrix of `m` compressed by column (the transpose of its CSR).
 * @category Model
 */
export function columnsOf(m: Milp): ColumnMatrix {
  const n = m.colCost.length
  const start = new Int32Array(n + 1)
  for (let e = 0; e < m.rowIndex.length; e++) start[m.rowIndex[e]! + 1]!++
  for (let j = 0; j < n; j++) start[j + 1]! += start[j]!
  const fill = start.slice(0, n)
  const row = new Int32Array(m.rowIndex.length)
  const value = new Float64Array(m.rowIndex.length)
  for (let r = 0; r < m.rowLower.length; r++)
    for (let e = m.rowStarts[r]!; e < m.rowStarts[r + 1]!; e++) {
      const at = fill[m.rowIndex[e]!]!++
      row[at] = r
      value[at] = m.rowValue[e]!
    }
  return { start, row, value }
}
