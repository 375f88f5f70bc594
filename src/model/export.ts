/**
 * `exportModel`: the staffing MILP as text that other solvers read — CPLEX LP
 * or MPS (free or fixed) — so that users can take a model to their own solver
 * and the benchmarks can hand the very same model to CBC and native HiGHS.
 *
 * Written from the {@link Milp} IR directly (not through a solver's writer)
 * so that the file is the model banzi solves, whatever backend is in use.
 * Maximisation is kept (`Maximize`, `OBJSENSE MAX`); a row with no finite
 * bound constrains nothing and is left out.
 *
 * @module
 */
import type { Scenario } from '../domain/types.js'
import { exportedNames } from './export-names.js'
import type { ExportedNames } from './export-names.js'
import { formulate } from './formulate.js'
import { isScenario, requireArgument, SHAPES } from '../io/door.js'
import type { StaffingModel } from './formulate.js'
import { columnsOf } from './milp.js'
import type { Milp } from './milp.js'

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

function header(m: Milp, kind: string, names: string): string[] {
  return [
    `banzi exportModel (${kind}): ${m.colNames.length} columns, ${m.rowNames.length} rows, maximise`,
    `names: ${names}`,
    'columns appear in IR order; exportedNames(model) maps every exported name back to its IR index',
  ]
}

const SANITISED =
  "the IR's domain names with every character outside [A-Za-z0-9_] replaced by '_' (a clash gets _2, _3, ...)"

function writeLp(m: Milp, n: ExportedNames): string {
  const out = header(m, 'CPLEX LP', SANITISED).map((l) => `\\ ${l}`)
  out.push('\\ a row with two finite bounds is written as <name>.lo (>=) and <name>.hi (<=)', 'Maximize')
  // Every column appears in the objective, zeros included, so readers number the columns in IR order.
  terms(
    out,
    ' obj:',
    n.columns.map((c, j) => signed(m.colCost[j]!, c)),
    '',
  )
  out.push('Subject To')
  const first = n.columns[0]
  for (let r = 0; r < m.rowNames.length; r++) {
    const lo = m.rowLower[r]!
    const hi = m.rowUpper[r]!
    if (lo === -Infinity && hi === Infinity) continue
    const parts: string[] = []
    for (let k = m.rowStarts[r]!; k < m.rowStarts[r + 1]!; k++)
      parts.push(signed(m.rowValue[k]!, n.columns[m.rowIndex[k]!]!))
    // A row without entries still has to be written (it may be infeasible); `0 x` keeps it well formed.
    if (parts.length === 0 && first !== undefined) parts.push(`+ 0 ${first}`)
    const name = n.rows[r]!
    if (lo === hi) terms(out, ` ${name}:`, parts, `= ${num(lo)}`)
    else if (lo === -Infinity) terms(out, ` ${name}:`, parts, `<= ${num(hi)}`)
    else if (hi === Infinity) terms(out, ` ${name}:`, parts, `>= ${num(lo)}`)
    else {
      terms(out, ` ${name}.lo:`, parts, `>= ${num(lo)}`)
      terms(out, ` ${name}.hi:`, parts, `<= ${num(hi)}`)
    }
  }
  out.push('Bounds')
  const generals: string[] = []
  const binaries: string[] = []
  const bound = (v: number) => (v === Infinity ? '+inf' : v === -Infinity ? '-inf' : num(v))
  n.columns.forEach((c, j) => {
    const lo = m.colLower[j]!
    const hi = m.colUpper[j]!
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

// Fixed MPS fields start in columns 2, 5, 15, 25, 40 and 50.
const fixedLine: Line = (f1, f2, f3 = '', f4 = '', f5 = '', f6 = '') =>
  ` ${f1.padEnd(2)} ${f2.padEnd(8)}  ${f3.padEnd(8)}  ${f4.padStart(12)}   ${f5.padEnd(8)}  ${f6.padStart(12)}`.trimEnd()

function writeMps(m: Milp, n: ExportedNames, fixed: boolean): string {
  const line = fixed ? fixedLine : freeLine
  const val = fixed ? num12 : num
  const out = header(
    m,
    fixed ? 'fixed MPS' : 'free MPS',
    fixed ? 'C<j>, R<i> with j, i in base 36' : SANITISED,
  )
    .map((l) => `* ${l}`)
    .concat(['NAME          banzi', 'OBJSENSE', '    MAX', 'ROWS', line('N', 'obj')])
  const kept = new Uint8Array(m.rowNames.length)
  for (let r = 0; r < m.rowNames.length; r++) {
    const lo = m.rowLower[r]!
    const hi = m.rowUpper[r]!
    if (lo === -Infinity && hi === Infinity) continue
    kept[r] = 1
    out.push(line(lo === hi ? 'E' : lo === -Infinity ? 'L' : 'G', n.rows[r]!))
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
    out.push(line('', c, 'obj', val(m.colCost[j]!)))
    for (let k = byCol.start[j]!; k < byCol.start[j + 1]!; k++)
      if (kept[byCol.row[k]!] === 1) out.push(line('', c, n.rows[byCol.row[k]!]!, val(byCol.value[k]!)))
  }
  if (inInt) out.push(marker('INTEND'))
  out.push('RHS')
  const ranges: string[] = []
  for (let r = 0; r < m.rowNames.length; r++) {
    if (kept[r] === 0) continue
    const lo = m.rowLower[r]!
    const hi = m.rowUpper[r]!
    const rhs = lo === -Infinity ? hi : lo
    if (rhs !== 0) out.push(line('', 'RHS', n.rows[r]!, val(rhs)))
    // A G row with range R admits [rhs, rhs + |R|].
    if (lo !== hi && lo !== -Infinity && hi !== Infinity)
      ranges.push(line('', 'RNG', n.rows[r]!, val(hi - lo)))
  }
  if (ranges.length > 0) out.push('RANGES')
  for (const r of ranges) out.push(r)
  out.push('BOUNDS')
  for (let j = 0; j < m.colNames.length; j++) {
    const c = n.columns[j]!
    const lo = m.colLower[j]!
    const hi = m.colUpper[j]!
    if (lo === hi) {
      out.push(line('FX', 'BND', c, val(lo)))
      continue
    }
    if (lo === -Infinity) out.push(line('MI', 'BND', c))
    else if (lo !== 0) out.push(line('LO', 'BND', c, val(lo)))
    // Some readers give an integer column without an upper bound the bound 1; say +inf explicitly.
    if (hi !== Infinity) out.push(line('UP', 'BND', c, val(hi)))
    else if (m.integer[j] === 1) out.push(line('PL', 'BND', c))
  }
  out.push('ENDATA', '')
  return out.join('\n')
}

/**
 * Writes the staffing MILP of a scenario (or an already formulated model, or
 * a bare {@link Milp}) as CPLEX LP, free MPS or fixed MPS, maximised, with
 * bounds, binaries and general integers.
 *
 * LP and free MPS carry the domain names, sanitised to letters, digits and
 * `_` (`x:C3:P12` → `x_C3_P12`); fixed MPS allows 8 characters, so it uses
 * positional names (`C0`, `C1`, … and `R0`, …). {@link exportedNames} gives
 * the exact name of every IR column and row in either style.
 *
 * Checked readers: HiGHS reads all three (round-trip tests); CBC 2.10 reads
 * the LP and both MPS files (it honours `OBJSENSE MAX`); GLPK's `glpsol`
 * reads the LP (`glpsol --lp`) but rejects the `OBJSENSE` section of MPS.
 *
 * A minimisation (e.g. `gapModel` of a GAP) is stored in the IR as the
 * maximisation of the negated costs, and is exported that way.
 *
 * @category Model
 * @param source - a scenario, its `formulate` result, or a MILP
 * @param format - `'lp'`, `'mps'` (free) or `'fixed-mps'`
 * @returns the model as text
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @example
 * const lp = exportModel(generateScenario({ seed: 1, cadres: 60 }), 'lp')
 * lp.includes('Maximize') //=> true
 * @example
 * const b = new MilpBuilder()
 * const x = b.addColumn('x', 2, 0, 1, true)
 * b.addRow('cap', [x], [1], -Infinity, 1)
 * exportModel(b.build(), 'lp').split('\n').slice(4, 7) //=> ['Maximize', ' obj: + 2 x', 'Subject To']
 */
export function exportModel(source: ExportSource, format: ModelFormat): string {
  requireArgument(
    'exportModel',
    'source',
    'a decoded Scenario (call decodeScenario first), a StaffingModel or a Milp',
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
  if (format === 'lp') return writeLp(m, exportedNames(m, 'domain'))
  return writeMps(m, exportedNames(m, format === 'fixed-mps' ? 'short' : 'domain'), format === 'fixed-mps')
}
