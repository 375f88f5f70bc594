/**
 * Names of an exported model. The IR's domain names (`x:C3:P12`,
 * `team:T6:women>=1`) use characters that LP and MPS reserve (`:` ends a row
 * label in LP, `>=` and `/` are operators), so each is mapped to a name the
 * formats accept; the map is kept by index so it is exact both ways.
 *
 * @module
 */
import { requireArgument, requireShape } from '../io/door.js'
import type { Milp } from './milp.js'

/**
 * The name each column and row of a {@link Milp} carries in an exported file:
 * `columns[j]` is the name of IR column `j`, `rows[i]` of IR row `i`. In LP,
 * a row with two finite, different bounds is written as two rows,
 * `<rows[i]>.lo` (≥) and `<rows[i]>.hi` (≤). In MPS only a row whose lower
 * bound exceeds its upper bound is split: `<rows[i]>.lo` and `<rows[i]>.hi`
 * in free MPS; in fixed MPS `rows[i]` (`R<i>`, ≥) and `H<i>` (≤).
 * Domain names are cut to 150 characters (then made unique by `_2`, `_3`,
 * …), so that every name written, suffixes included, stays within the 160
 * characters of CBC's MPS reader (and the 255 of CPLEX LP).
 * @category Model
 */
export interface ExportedNames {
  readonly columns: readonly string[]
  readonly rows: readonly string[]
}

/** How names are written: sanitised domain names, or short positional names (fixed MPS: ≤ 8 characters). */
export type NameStyle = 'domain' | 'short'

// Words the LP reader takes as section keywords or as infinity wherever a name may stand.
const RESERVED = new Set([
  'free',
  'inf',
  'infinity',
  'st',
  'st.',
  's.t.',
  'subject',
  'such',
  'bound',
  'bounds',
  'bin',
  'binary',
  'binaries',
  'gen',
  'general',
  'generals',
  'semi',
  'semis',
  'end',
  'max',
  'min',
  'maximize',
  'minimize',
  'obj',
])

/** Longest sanitised name before its clash suffix (see {@link sanitise}). */
const MAX_NAME = 150

/**
 * A name both LP and free MPS accept: letters, digits and `_` only (so that
 * the `.lo`/`.hi` suffixes of split LP rows cannot collide with another
 * name), never a leading digit, never a keyword.
 */
function sanitise(name: string): string {
  // CBC 2.10's free-MPS reader (CoinMpsIO) takes fields of at most 160 characters and crashed on
  // a name of 164; CPLEX LP allows 255. Room is left for a `_k` clash suffix and a `.lo`/`.hi`/`.ub`.
  let s = name.replace(/[^A-Za-z0-9_]/g, '_').slice(0, MAX_NAME)
  if (s === '' || /^[0-9]/.test(s) || RESERVED.has(s.toLowerCase())) s = `_${s}`
  return s
}

/** Sanitised names made unique in order: a later clash gets `_2`, `_3`, … appended. */
function unique(names: readonly string[]): string[] {
  const used = new Set<string>()
  return names.map((n) => {
    const base = sanitise(n)
    let s = base
    for (let k = 2; used.has(s); k++) s = `${base}_${k}`
    used.add(s)
    return s
  })
}

// Base 36 keeps positional names within fixed MPS's 8 characters up to 36^7 columns or rows.
const short = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, k) => `${prefix}${k.toString(36).toUpperCase()}`)

/**
 * The names an export of `m` uses, by IR index.
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Model
 * @param m - the model
 * @param style - `'domain'` (sanitised domain names) or `'short'` (`C0`, `C1`, … and `R0`, `R1`, …)
 * @returns the exported name of every column and row
 * @example
 * const m = gapModel({ cost: [[1]], weight: [[1]], capacity: [1], sense: 'max' })
 * exportedNames(m, 'domain').columns //=> ['x_a0_j0']
 * exportedNames(m, 'domain').rows //=> ['job_0_assigned', 'agent_0_capacity']
 * exportedNames(m, 'short').rows //=> ['R0', 'R1']
 */
export function exportedNames(m: Milp, style: NameStyle = 'domain'): ExportedNames {
  requireShape('exportedNames', 'm', 'milp', m)
  requireArgument(
    'exportedNames',
    'style',
    'one of "domain", "short"',
    style,
    style === 'domain' || style === 'short',
  )
  if (style === 'short')
    return { columns: short('C', m.colNames.length), rows: short('R', m.rowNames.length) }
  return { columns: unique(m.colNames), rows: unique(m.rowNames) }
}
