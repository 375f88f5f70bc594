/**
 * The policy sheet: one row per setting, its path (`structure.women.min`)
 * and its value as typed, laid under the options' policy.
 *
 * @module
 */
import { folded, readBoolean, text, type Cell, type Read } from './values.js'
import { pathKey, type Json, type Reader, type Sheet } from './reader.js'
import { UNSAFE_KEYS } from '../combinators.js'

/**
 * A policy value as typed in its cell: numbers, 是/否 or true/false, JSON
 * (`[…]`, `{…}`, `"…"`), `null`, else text. Numbers, yes/no and `null` are
 * matched folded (NFKC); JSON and text keep their texts as written
 * (a band's label ４０岁以下（青）), surrounding blanks trimmed.
 */
function policyValue(cell: Cell): Read<unknown> {
  if (typeof cell === 'number' || typeof cell === 'boolean') return { ok: true, value: cell }
  const t = text(cell)
  const f = folded(cell)
  if (/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(f)) return { ok: true, value: Number(f) }
  const yes = readBoolean(f)
  if (yes.ok) return yes
  if (f === 'null') return { ok: true, value: null }
  // JSON as written; typed with full-width brackets (［…］), folded.
  const json = /^[[{"]/.test(t) ? t : /^[[{"]/.test(f) ? f : null
  if (json !== null)
    try {
      return { ok: true, value: JSON.parse(json) as unknown }
    } catch {
      return { ok: false, expected: 'JSON (a list, an object or a quoted text)' }
    }
  return { ok: true, value: t }
}

/** The policy sheet: one row per setting, its path (`structure.women.min`) and its value. */
export function readPolicy(sheet: Sheet, r: Reader): Json {
  const policy: Json = {}
  for (const row of sheet.table.rows) {
    const pathCell = r.cell(sheet, row, 'path')
    const path = folded(pathCell)
      .split('.')
      .map((k) => k.trim())
    // A key that names a property of every object (`__proto__`, `constructor`) is no setting, and
    // written into `policy` it would reach every object of the process.
    if (path.some((k) => k === '' || UNSAFE_KEYS.has(k))) {
      r.fail(sheet, row, 'path', 'a setting of the policy, e.g. structure.women.min', pathCell)
      continue
    }
    const valueCell = r.cell(sheet, row, 'value')
    const value = policyValue(valueCell)
    if (!value.ok) {
      r.fail(sheet, row, 'value', value.expected, valueCell)
      continue
    }
    let node = policy
    let clash = false
    for (const key of path.slice(0, -1)) {
      const next = Object.hasOwn(node, key) ? node[key] : undefined
      if (next === undefined) node = node[key] = {}
      else if (plain(next)) node = next
      else clash = true
      if (clash) break
    }
    const leaf = path[path.length - 1] as string
    if (clash || (typeof node[leaf] === 'object' && node[leaf] !== null)) {
      r.fail(sheet, row, 'path', 'a setting not given twice (a row above sets it, or a part of it)', pathCell)
      continue
    }
    node[leaf] = value.value
    r.places.set(pathKey(['policy', ...path]), r.cellPlace(sheet, row, 'value'))
  }
  return policy
}

/** An object `merged` goes into (any object but an array); anything else is a value that replaces. */
const plain = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x)

/** `over` on top of `base`, object by object. */
export function merged(base: unknown, over: unknown): unknown {
  if (!plain(base) || !plain(over)) return over
  const out: Json = { ...base }
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? merged(base[k], v) : v
  return out
}

/**
 * The paths `over` sets (its leaves: every value but a plain object, which
 * `merged` goes into), each under `prefix`: what `options.policy` decides
 * over the sheet's.
 */
export function leavesOf(over: unknown, prefix: readonly string[]): string[][] {
  if (!plain(over)) return [[...prefix]]
  return Object.entries(over).flatMap(([k, v]) => leavesOf(v, [...prefix, k]))
}

/**
 * The paths of `merged(base, over)` that are `over`'s own, each under
 * `prefix`: where `merged` goes into an object of both, the paths below it;
 * everywhere else the path of the value `over` puts there — an empty object
 * too, which replaces what `base` had (a value, a list) as any other value
 * does. Unlike {@link leavesOf}, which sees no `base` and so finds no path in
 * `{}`.
 */
export function leavesOver(base: unknown, over: unknown, prefix: readonly string[]): string[][] {
  if (!plain(base) || !plain(over)) return [[...prefix]]
  return Object.entries(over).flatMap(([k, v]) =>
    Object.hasOwn(base, k) ? leavesOver(base[k], v, [...prefix, k]) : [[...prefix, k]],
  )
}
