/**
 * A solver-neutral mixed-integer linear program: columns with bounds, costs
 * and integrality; rows as a compressed sparse row matrix with lower and upper
 * activity bounds. Rows and columns carry domain names (`team:T12:women>=1`,
 * `x:C3:P12`) so that any answer — an IIS, a dual, a slack — maps back to
 * cadres, posts and rules.
 *
 * @module
 */

/** The MILP, maximised. `Infinity` marks a missing bound. @category Model */
export interface Milp {
  readonly sense: 'max'
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
}

/** Size of a model, for benchmarks and progress. @category Model */
export interface MilpSize {
  readonly columns: number
  readonly integerColumns: number
  readonly rows: number
  readonly nonzeros: number
}

/** @category Model */
export function sizeOf(m: Milp): MilpSize {
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
 * Builds a {@link Milp} column by column and row by row. Duplicate column
 * entries within one row are summed; zero coefficients are dropped.
 * @category Model
 */
export class MilpBuilder {
  private readonly colNames: string[] = []
  private readonly colCost: number[] = []
  private readonly colLower: number[] = []
  private readonly colUpper: number[] = []
  private readonly integer: number[] = []
  private readonly rowNames: string[] = []
  private readonly rowLower: number[] = []
  private readonly rowUpper: number[] = []
  private readonly rowStarts: number[] = [0]
  private readonly rowIndex: number[] = []
  private readonly rowValue: number[] = []

  get columns(): number {
    return this.colNames.length
  }

  addColumn(name: string, cost: number, lower: number, upper: number, integer: boolean): number {
    this.colNames.push(name)
    this.colCost.push(cost)
    this.colLower.push(lower)
    this.colUpper.push(upper)
    this.integer.push(integer ? 1 : 0)
    return this.colNames.length - 1
  }

  setLower(col: number, lower: number): void {
    this.colLower[col] = lower
  }

  setUpper(col: number, upper: number): void {
    this.colUpper[col] = upper
  }

  addRow(
    name: string,
    cols: readonly number[],
    coefs: readonly number[],
    lower: number,
    upper: number,
  ): number {
    // Sort the entries by column (a typed-array sort of positions), then sum duplicates and drop zeros.
    const at = new Uint32Array(cols.length)
    for (let k = 0; k < at.length; k++) at[k] = k
    let sorted = true
    for (let k = 1; k < cols.length && sorted; k++) sorted = cols[k - 1]! < cols[k]!
    const order = sorted ? at : at.sort((a, b) => cols[a]! - cols[b]! || a - b)
    for (let k = 0; k < order.length;) {
      const c = cols[order[k]!]!
      let v = 0
      for (; k < order.length && cols[order[k]!] === c; k++) v += coefs[order[k]!]!
      if (v !== 0) {
        this.rowIndex.push(c)
        this.rowValue.push(v)
      }
    }
    this.rowStarts.push(this.rowIndex.length)
    this.rowNames.push(name)
    this.rowLower.push(lower)
    this.rowUpper.push(upper)
    return this.rowNames.length - 1
  }

  build(): Milp {
    return {
      sense: 'max',
      colNames: this.colNames,
      colCost: Float64Array.from(this.colCost),
      colLower: Float64Array.from(this.colLower),
      colUpper: Float64Array.from(this.colUpper),
      integer: Uint8Array.from(this.integer),
      rowNames: this.rowNames,
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      rowStarts: Int32Array.from(this.rowStarts),
      rowIndex: Int32Array.from(this.rowIndex),
      rowValue: Float64Array.from(this.rowValue),
    }
  }
}

/** Objective value of a column vector. @category Model */
export function objectiveOf(m: Milp, x: ArrayLike<number>): number {
  let s = 0
  for (let j = 0; j < m.colCost.length; j++) s += m.colCost[j]! * x[j]!
  return s
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
