/**
 * `exportModel`: the staffing MILP as text that other solvers read — CPLEX LP
 * or MPS (free or fixed) — so that users can take a model to their own solver
 * and the benchmarks can hand the very same model to CBC and native HiGHS.
 *
 * Written from the {@link Milp} IR directly (not through a solver's writer)
 * so that the file is the model banzi solves, whatever backend is in use.
 * LP keeps the maximisation (`Maximize`); MPS minimises the negated objective,
 * since CBC ignores `OBJSENSE MAX` and GLPK rejects the section. A row with no
 * finite bound constrains nothing and is left out. An integer column's bounds
 * are written rounded inward (GLPK refuses fractional ones); an LP file with
 * no row gets one harmless row (GLPK requires a `Subject To` entry).
 *
 * @module
 */
import type { Scenario } from '../domain/types.js'
import { exportedNames } from './export-names.js'
import type { ExportedNames } from './export-names.js'
import { formulate } from './formulate.js'
import { isScenario, requireArgument, SHAPES, SCENARIO_EXPECTED } from '../io/door.js'
import type { StaffingModel } from './formulate.js'
import { columnsOf } from './milp.js'
import type { Milp } from './milp.js'
import { milpFault } from '../solvers/highs-run.js'

/** What {@link exportModel} writes: CPLEX LP, free MPS, or fixed MPS. @category Model */
export type ModelFormat = 'lp' | 'mps' | 'fixed-mps'

/** What can be exported: a scenario (formulated first), its formulated model, or a bare MILP. @category Model */
export type ExportSource = Scenario | StaffingModel | Milp

const milpOf = (source: ExportSource): Milp =>
  'milp' in source ? source.milp : 'rowStarts' in source ? source : formulate(source).milp

/** Shortest text that reads back as the same double. */
const num = (v: number): string => (Object.is(v, -0) ? '0' : String(v))

/** The most precise text of at most 12 characters: the width of a fixed-MPS number field. */
function num12(v: number): string {
  const s = num(v)
  if (s.length <= 12) return s
  for (let p = 15; p >= 1; p--) {
    const t = Number(v.toPrecision(p)).toString()
    if (t.length <= 12) return t
    const e = v.toExponential(Math.max(0, p - 1)).replace('e+', 'e')
    if (e.length <= 12) return e
  }
  throw new Error(`exportModel: ${v} does not fit a fixed-MPS field`)
}

const signed = (v: number, name: string): string => `${v < 0 ? '-' : '+'} ${num(Math.abs(v))} ${name}`

// CPLEX LP readers limit line length (CPLEX: 560 characters); a few terms per line stays far below.
const TERMS_PER_LINE = 8

function terms(out: string[], head: string, parts: readonly string[], tail: string): void {
  if (parts.length === 0) {
    out.push(`${head} ${tail}`.trimEnd())
    return
  }
  for (let k = 0; k < parts.length; k += TERMS_PER_LINE) {
    const chunk = parts.slice(k, k + TERMS_PER_LINE).join(' ')
    const last = k + TERMS_PER_LINE >= parts.length
    out.push(`${k === 0 ? head : '   '} ${chunk}${last && tail !== '' ? ` ${tail}` : ''}`)
  }
}

function header(m: Milp, kind: string, names: string, sense: string): string[] {
  return [
    `banzi exportModel (${kind}): ${m.colNames.length} columns, ${m.rowNames.length} rows, ${sense}`,
    `names: ${names}`,
    'columns appear in IR order; exportedNames(model) maps every exported name back to its IR index',
  ]
}

const SANITISED =
  "the IR's domain names with every character outside [A-Za-z0-9_] replaced by '_' (a clash gets _2, _3, ...)"

/**
 * The column bounds as written. An integer column's are rounded inward,
 * `ceil(lower)` and `floor(upper)`: they admit the same integers, and GLPK's
 * `glp_intopt` refuses an integer column with a fractional bound. Exact
 * rounding, as the `javascript-lp-solver` backend does: a lower bound above
 * the upper one stays above it (`ceil(l) ≥ l > u ≥ floor(u)`), so an
 * infeasible column stays infeasible, and one like `[0.3, 0.6]` that holds
 * no integer becomes such a column.
 */
interface Bounds {
  readonly lower: Float64Array
  readonly upper: Float64Array
}

function boundsOf(m: Milp): Bounds {
  const lower = Float64Array.from(m.colLower)
  const upper = Float64Array.from(m.colUpper)
  for (let j = 0; j < lower.length; j++)
    if (m.integer[j] === 1) {
      lower[j] = Math.ceil(lower[j]!)
      upper[j] = Math.floor(upper[j]!)
    }
  return { lower, upper }
}

const fractional = (v: number): boolean => Number.isFinite(v) && !Number.isInteger(v)

/** Whether an integer column of `m` has a fractional bound, which {@link boundsOf} rounds. */
const rounds = (m: Milp): boolean => {
  for (let j = 0; j < m.colNames.length; j++)
    if (m.integer[j] === 1 && (fractional(m.colLower[j]!) || fractional(m.colUpper[j]!))) return true
  return false
}

const ROUNDED = "an integer column's fractional bounds are written rounded inward: ceil(lower), floor(upper)"

/** Whether column `j`'s lower bound (as written) exceeds its upper bound: its upper bound is then a row. */
const crossed = (b: Bounds, j: number): boolean => b.lower[j]! > b.upper[j]!

/** A column's upper bound as written: +inf when below its lower bound (then written as a row). */
const upperOf = (b: Bounds, j: number): number => (crossed(b, j) ? Infinity : b.upper[j]!)

// GLPK's LP reader needs at least one variable in the objective and one row
// under `Subject To`: a model without either gets a harmless stand-in, named
// in the file's header. No other name of its kind is written, so neither can clash.
const NO_COLUMNS = 'no_columns'
const NO_ROWS = 'no_rows'

/** Whether any row of `m` has a finite bound (others are left out), or any column's upper bound is written as a row. */
const writesRows = (m: Milp, b: Bounds): boolean => {
  for (let r = 0; r < m.rowNames.length; r++)
    if (m.rowLower[r]! !== -Infinity || m.rowUpper[r]! !== Infinity) return true
  for (let j = 0; j < m.colNames.length; j++) if (crossed(b, j)) return true
  return false
}

function writeLp(m: Milp, n: ExportedNames): string {
  const b = boundsOf(m)
  const out = header(m, 'CPLEX LP', SANITISED, 'maximise').map((l) => `\\ ${l}`)
  out.push(
    '\\ a row with two finite bounds is written as <name>.lo (>=) and <name>.hi (<=)',
    '\\ a column whose lower bound exceeds its upper bound has its upper bound as the row <name>.ub (<=)',
  )
  if (rounds(m)) out.push(`\\ ${ROUNDED}`)
  const stand = m.colNames.length === 0
  const noRows = !writesRows(m, b)
  if (stand)
    out.push(`\\ the model has no columns: ${NO_COLUMNS}, fixed at 0, stands in for them (GLPK needs one)`)
  if (noRows) out.push(`\\ the model has no rows: ${NO_ROWS}, 0 <= 0, stands in for them (GLPK needs one)`)
  out.push('Maximize')
  // Every column appears in the objective, zeros included, so readers number the columns in IR order.
  terms(out, ' obj:', stand ? [signed(0, NO_COLUMNS)] : n.columns.map((c, j) => signed(m.colCost[j]!, c)), '')
  out.push('Subject To')
  const first = stand ? NO_COLUMNS : n.columns[0]!
  for (let r = 0; r < m.rowNames.length; r++) {
    const lo = m.rowLower[r]!
    const hi = m.rowUpper[r]!
    if (lo === -Infinity && hi === Infinity) continue
    const parts: string[] = []
    for (let k = m.rowStarts[r]!; k < m.rowStarts[r + 1]!; k++)
      parts.push(signed(m.rowValue[k]!, n.columns[m.rowIndex[k]!]!))
    // A row without entries still has to be written (it may be infeasible); `0 x` keeps it well formed.
    if (parts.length === 0) parts.push(`+ 0 ${first}`)
    const name = n.rows[r]!
    if (lo === hi) terms(out, ` ${name}:`, parts, `= ${num(lo)}`)
    else if (lo === -Infinity) terms(out, ` ${name}:`, parts, `<= ${num(hi)}`)
    else if (hi === Infinity) terms(out, ` ${name}:`, parts, `>= ${num(lo)}`)
    else {
      terms(out, ` ${name}.lo:`, parts, `>= ${num(lo)}`)
      terms(out, ` ${name}.hi:`, parts, `<= ${num(hi)}`)
    }
  }
  // A column whose lower bound exceeds its upper bound: GLPK refuses such bounds outright and
  // CBC's MPS reader rejects them, so the upper bound becomes a row every reader finds infeasible.
  n.columns.forEach((c, j) => {
    if (crossed(b, j)) out.push(` ${c}.ub: + 1 ${c} <= ${num(b.upper[j]!)}`)
  })
  if (noRows) out.push(` ${NO_ROWS}: + 0 ${first} <= 0`)
  out.push('Bounds')
  if (stand) out.push(` ${NO_COLUMNS} = 0`)
  const generals: string[] = []
  const binaries: string[] = []
  const bound = (v: number) => (v === Infinity ? '+inf' : v === -Infinity ? '-inf' : num(v))
  n.columns.forEach((c, j) => {
    const lo = b.lower[j]!
    const hi = upperOf(b, j)
    const isInt = m.integer[j] === 1
    if (isInt && lo === 0 && hi === 1) {
      binaries.push(c)
      return
    }
    if (isInt) generals.push(c)
    if (lo === hi) out.push(` ${c} = ${num(lo)}`)
    else if (lo === -Infinity && hi === Infinity) out.push(` ${c} free`)
    else if (lo !== 0 || hi !== Infinity) out.push(` ${bound(lo)} <= ${c} <= ${bound(hi)}`)
  })
  // One line at a time: a spread of every column into one push overflows the
  // stack on a model of a few hundred thousand columns.
  if (generals.length > 0) out.push('Generals')
  for (const c of generals) out.push(` ${c}`)
  if (binaries.length > 0) out.push('Binaries')
  for (const c of binaries) out.push(` ${c}`)
  out.push('End', '')
  return out.join('\n')
}

type Line = (f1: string, f2: string, f3?: string, f4?: string, f5?: string, f6?: string) => string

const freeLine: Line = (...f) => ` ${f.filter((x) => x !== undefined && x !== '').join('  ')}`

/** Widths of the six fields of a fixed-MPS line: names 8, numbers 12. */
const FIXED_WIDTHS = [2, 8, 8, 12, 8, 12] as const

/** Throws unless `field` fits field `k` (0-based) of a fixed-MPS line. */
function fits(field: string, k: number): string {
  if (field.length > FIXED_WIDTHS[k]!)
    throw new Error(
      `exportModel: fixed MPS cannot hold "${field}" (field ${k + 1} has ${FIXED_WIDTHS[k]!} characters); export as 'mps' (free MPS) instead`,
    )
  return field
}

// Fixed MPS fields start in columns 2, 5, 15, 25, 40 and 50 and end by column 61. A field
// that does not fit would shift the next ones: the writer stops rather than write such a line.
const fixedLine: Line = (f1, f2, f3 = '', f4 = '', f5 = '', f6 = '') =>
  ` ${fits(f1, 0).padEnd(2)} ${fits(f2, 1).padEnd(8)}  ${fits(f3, 2).padEnd(8)}  ${fits(f4, 3).padStart(12)}   ${fits(f5, 4).padEnd(8)}  ${fits(f6, 5).padStart(12)}`.trimEnd()

/** Fixed MPS records end by column 80 (GLPK warns past it, and other readers cut the record there). */
const FIXED_RECORD = 80

/**
 * A comment as `*` lines of at most {@link FIXED_RECORD} characters: cut after
 * each `; ` first, then between words; a continuation is indented.
 */
function fixedComment(text: string): string[] {
  const out: string[] = []
  for (const clause of text.split(/(?<=;) /)) {
    let cur = '*'
    for (const word of clause.split(' ')) {
      if (cur.length + 1 + word.length > FIXED_RECORD && cur.trim() !== '*') {
        out.push(cur)
        cur = '*  '
      }
      cur += ` ${word}`
    }
    out.push(cur)
  }
  return out
}

/** The MPS sense line: a minimisation of the negated costs, which every reader takes the same way. */
const MPS_SENSE =
  "minimise the negated objective (no OBJSENSE section: CBC ignores OBJSENSE MAX, GLPK rejects it); the optimum a reader reports is minus banzi's"

function writeMps(m: Milp, n: ExportedNames, fixed: boolean): string {
  const line = fixed ? fixedLine : freeLine
  const val = fixed ? num12 : num
  const b = boundsOf(m)
  const comments = [
    ...header(
      m,
      fixed ? 'fixed MPS' : 'free MPS',
      fixed ? 'C<j>, R<i> with j, i in base 36' : SANITISED,
      MPS_SENSE,
    ),
    `a row whose lower bound exceeds its upper bound (infeasible) is written as two rows, G and L: ${
      fixed ? 'R<i> and H<i>' : '<name>.lo and <name>.hi'
    }`,
    `a column whose lower bound exceeds its upper bound has its upper bound as the L row ${fixed ? 'U<j>' : '<name>.ub'}`,
    ...(rounds(m) ? [ROUNDED] : []),
  ]
  const out = fixed ? comments.flatMap(fixedComment) : comments.map((l) => `* ${l}`)
  out.push('NAME          banzi', 'ROWS', line('N', 'obj'))
  // The name of each row as written (null: left out), and of its L half when it is split.
  const named: (string | null)[] = new Array<string | null>(m.rowNames.length).fill(null)
  const upperHalf: (string | undefined)[] = new Array<string | undefined>(m.rowNames.length)
  for (let r = 0; r < m.rowNames.length; r++) {
    const lo = m.rowLower[r]!
    const hi = m.rowUpper[r]!
    if (lo === -Infinity && hi === Infinity) continue
    const name = n.rows[r]!
    if (lo > hi) {
      // A G row with a range always admits [rhs, rhs + |R|]: an empty interval needs two rows.
      named[r] = fixed ? name : `${name}.lo`
      upperHalf[r] = fixed ? `H${name.slice(1)}` : `${name}.hi`
      out.push(line('G', named[r]!), line('L', upperHalf[r]!))
      continue
    }
    named[r] = name
    out.push(line(lo === hi ? 'E' : lo === -Infinity ? 'L' : 'G', name))
  }
  // GLPK refuses a column whose lower bound exceeds its upper bound and CBC's reader rejects
  // its bounds, so such an upper bound is written as a row, which every reader finds infeasible.
  const upperRow = (j: number): string | undefined =>
    crossed(b, j) ? (fixed ? `U${n.columns[j]!.slice(1)}` : `${n.columns[j]!}.ub`) : undefined
  for (let j = 0; j < m.colNames.length; j++) {
    const u = upperRow(j)
    if (u !== undefined) out.push(line('L', u))
  }
  // MPS is written column by column.
  const byCol = columnsOf(m)
  out.push('COLUMNS')
  let inInt = false
  const marker = (kind: string) => line('', 'MARKER', "'MARKER'", '', `'${kind}'`)
  for (let j = 0; j < m.colNames.length; j++) {
    const isInt = m.integer[j] === 1
    if (isInt !== inInt) out.push(marker(isInt ? 'INTORG' : 'INTEND'))
    inInt = isInt
    const c = n.columns[j]!
    // The objective entry is written even when zero so that every column is declared.
    out.push(line('', c, 'obj', val(-m.colCost[j]!)))
    const u = upperRow(j)
    if (u !== undefined) out.push(line('', c, u, '1'))
    for (let k = byCol.start[j]!; k < byCol.start[j + 1]!; k++) {
      const r = byCol.row[k]!
      if (named[r] === null) continue
      out.push(line('', c, named[r]!, val(byCol.value[k]!)))
      const half = upperHalf[r]
      if (half !== undefined) out.push(line('', c, half, val(byCol.value[k]!)))
    }
  }
  if (inInt) out.push(marker('INTEND'))
  out.push('RHS')
  const ranges: string[] = []
  for (let r = 0; r < m.rowNames.length; r++) {
    if (named[r] === null) continue
    const lo = m.rowLower[r]!
    const hi = m.rowUpper[r]!
    const rhs = lo === -Infinity ? hi : lo
    if (rhs !== 0) out.push(line('', 'RHS', named[r]!, val(rhs)))
    const half = upperHalf[r]
    if (half !== undefined) {
      if (hi !== 0) out.push(line('', 'RHS', half, val(hi)))
    }
    // A G row with range R admits [rhs, rhs + |R|] (lower ≤ upper here: R ≥ 0).
    else if (lo !== hi && lo !== -Infinity && hi !== Infinity)
      ranges.push(line('', 'RNG', named[r]!, val(hi - lo)))
  }
  for (let j = 0; j < m.colNames.length; j++) {
    const u = upperRow(j)
    if (u !== undefined && b.upper[j] !== 0) out.push(line('', 'RHS', u, val(b.upper[j]!)))
  }
  if (ranges.length > 0) out.push('RANGES')
  for (const r of ranges) out.push(r)
  out.push('BOUNDS')
  // CBC's reader (CoinMpsIO) takes PL only as a column's first bound and LO only after nothing
  // or UP, and MI alone sets the upper bound to 0: hence FR, MI before UP, PL only alone. GLPK
  // gives an integer column the bounds [0, 1] until told otherwise, so one with a lower bound
  // and no upper bound gets UP 1e30, which every reader takes as +inf (HiGHS: >= 1e20, CBC: > 1e27).
  for (let j = 0; j < m.colNames.length; j++) {
    const c = n.columns[j]!
    const lo = b.lower[j]!
    const hi = upperOf(b, j)
    if (lo === hi) out.push(line('FX', 'BND', c, val(lo)))
    else if (lo === -Infinity && hi === Infinity) out.push(line('FR', 'BND', c))
    else if (lo === -Infinity) out.push(line('MI', 'BND', c), line('UP', 'BND', c, val(hi)))
    else {
      // A lower bound of 0 is the default; lo <= hi here, so an UP is never negative with it.
      if (lo !== 0) out.push(line('LO', 'BND', c, val(lo)))
      if (hi !== Infinity) out.push(line('UP', 'BND', c, val(hi)))
      else if (m.integer[j] === 1) out.push(lo === 0 ? line('PL', 'BND', c) : line('UP', 'BND', c, '1e30'))
    }
  }
  out.push('ENDATA', '')
  return out.join('\n')
}

/**
 * Writes the staffing MILP of a scenario (or an already formulated model, or
 * a bare {@link Milp}) as CPLEX LP, free MPS or fixed MPS, with bounds,
 * binaries and general integers.
 *
 * LP keeps banzi's sense (`Maximize`). MPS has no `OBJSENSE` section (CBC
 * 2.10 prints "MAX found after OBJSENSE - Coin ignores" and minimises; GLPK
 * rejects the section), so it is written as the minimisation of the negated
 * costs: every reader finds the same optimal columns, and the objective it
 * reports is minus banzi's (the file's header comment says so).
 *
 * LP and free MPS carry the domain names, sanitised to letters, digits and
 * `_` (`x:C3:P12` → `x_C3_P12`); fixed MPS allows 8 characters, so it uses
 * positional names (`C0`, `C1`, … and `R0`, …). {@link exportedNames} gives
 * the exact name of every IR column and row in either style. A row whose
 * lower bound exceeds its upper bound (an infeasible row) is written as two
 * rows, ≥ lower and ≤ upper (LP and free MPS: `<name>.lo`, `<name>.hi`; fixed
 * MPS: `R<i>`, `H<i>`), so that every reader finds it infeasible.
 *
 * An integer column's bounds are written rounded inward, `ceil(lower)` and
 * `floor(upper)` (the same integers; GLPK refuses fractional bounds on an
 * integer column); a lower bound above the upper one stays above it. GLPK's
 * LP reader needs a row under `Subject To` and a variable in the objective:
 * an LP file of a model with no row to write gets the row `no_rows: + 0 x <= 0`
 * (on its first column), and one of a model with no column the column
 * `no_columns`, fixed at 0; the header says so. MPS needs neither.
 *
 * Fixed MPS keeps every record within 80 characters (header comments are
 * wrapped) and every field within its columns; a name or number that cannot
 * fit its field throws an `Error` saying so (positional names fit up to 36⁷
 * columns or rows, and every number is written in at most 12 characters).
 * A hand-built `Milp` that no solver reads — a NaN or infinite cost or
 * coefficient, a NaN bound, a column index out of range, arrays whose
 * lengths disagree — is refused with a `TypeError` naming the entry, as the
 * HiGHS backend refuses it, rather than written with `NaN` or `undefined`.
 *
 * Checked readers: HiGHS reads all three (round-trip tests); CBC 2.10 and
 * GLPK's `glpsol` 5.0 (`--lp`, `--freemps`, `--mps`) read the LP and both MPS
 * files, a model without rows or columns included.
 *
 * A minimisation (e.g. `gapModel` of a GAP) is stored in the IR as the
 * maximisation of the negated costs, and is exported that way: its MPS file
 * minimises the instance's own costs.
 *
 * @category Model
 * @param source - a scenario, its `formulate` result, or a MILP
 * @param format - `'lp'`, `'mps'` (free) or `'fixed-mps'`
 * @returns the model as text
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @throws Error when a fixed-MPS field cannot hold a name or number (see above)
 * @example
 * const lp = exportModel(generateScenario({ seed: 1, cadres: 60 }), 'lp')
 * lp.includes('Maximize') //=> true
 * @example
 * const m = gapModel({ cost: [[2]], weight: [[1]], capacity: [1], sense: 'max' })
 * exportModel(m, 'lp').split('\n').slice(5, 8) //=> ['Maximize', ' obj: + 2 x_a0_j0', 'Subject To']
 * exportModel(m, 'mps').includes(' x_a0_j0  obj  -2') //=> true
 */
export function exportModel(source: ExportSource, format: ModelFormat): string {
  requireArgument(
    'exportModel',
    'source',
    `${SCENARIO_EXPECTED}, a StaffingModel or a Milp`,
    source,
    isScenario(source) ||
      SHAPES.milp.test(source) ||
      (typeof source === 'object' && source !== null && 'milp' in source && SHAPES.milp.test(source.milp)),
  )
  requireArgument(
    'exportModel',
    'format',
    'one of "lp", "mps", "fixed-mps"',
    format,
    format === 'lp' || format === 'mps' || format === 'fixed-mps',
  )
  const m = milpOf(source)
  // A model no solver reads would come out with NaN, Infinity or undefined in it: refused as HiGHS refuses it.
  const fault = milpFault(m)
  if (fault !== null)
    throw new TypeError(`exportModel: source: expected a Milp that a solver can read, got one with ${fault}`)
  if (format === 'lp') return writeLp(m, exportedNames(m, 'domain'))
  return writeMps(m, exportedNames(m, format === 'fixed-mps' ? 'short' : 'domain'), format === 'fixed-mps')
}
