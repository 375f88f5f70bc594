/**
 * What is wrong with an input: a list of issues, each with a structural path,
 * what was expected and what was found. io-ts errors are mapped into issues
 * here, at the boundary; no io-ts type leaves this folder.
 *
 * @module
 */
import type * as t from 'io-ts'
import { isPlainRecord } from './combinators.js'
import { formatPath, type Path } from './path.js'
import { Opaque } from './snapshot.js'

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/**
 * One problem of an input scenario.
 * @category IO
 */
export interface Issue {
  /** Where, from the root of the input: `['cadres', 12, 'birth']`. */
  readonly path: Path
  /** What the value should have been, in words: `YYYY-MM`, `one of "male", "female"`, `a known post id`. */
  readonly expected: string
  /** A short rendering of the value found (`"1985/13"`, `nothing` for a missing field). */
  readonly got: string
  /** The whole issue on one line: `cadres[12].birth: expected YYYY-MM, got "1985/13"`. */
  readonly message: string
}

/**
 * Why a scenario could not be decoded: every issue found, in input order.
 * @category IO
 */
export interface InvalidScenario {
  readonly _tag: 'InvalidScenario'
  readonly issues: readonly Issue[]
}

/** Builds an issue from its parts, rendering `got` from the value. @internal */
export function issue(path: Path, expected: string, value: unknown): Issue {
  return issueWithGot(path, expected, renderValue(value))
}

function issueWithGot(path: Path, expected: string, got: string): Issue {
  return { path, expected, got, message: `${formatPath(path)}: expected ${expected}, got ${got}` }
}

// ---------------------------------------------------------------------------
// rendering
// ---------------------------------------------------------------------------

/** Longest rendering of a value in an issue. */
const MAX_GOT = 60

function render(v: unknown, depth: number): string {
  if (v instanceof Opaque) return v.got
  switch (typeof v) {
    case 'undefined':
      return 'undefined'
    case 'string':
      return JSON.stringify(v.length > MAX_GOT ? v.slice(0, MAX_GOT) : v)
    case 'number':
      return Object.is(v, -0) ? '-0' : String(v)
    case 'bigint':
      return `${v}n`
    case 'symbol':
      return v.description === undefined
        ? 'Symbol()'
        : `Symbol(${JSON.stringify(v.description.slice(0, MAX_GOT))})`
    case 'boolean':
      return String(v)
    case 'function':
      return 'a function'
  }
  if (v === null) return 'null'
  if (depth > 2) return Array.isArray(v) ? '[…]' : '{…}'
  // only the first few entries: the rendering is truncated anyway
  if (Array.isArray(v)) {
    const items = v.slice(0, 8).map((x: unknown) => render(x, depth + 1))
    return `[${items.join(',')}${v.length > 8 ? ',…' : ''}]`
  }
  if (isPlainRecord(v)) {
    const keys = Object.keys(v)
    const entries = keys.slice(0, 8).map((k) => `${JSON.stringify(k)}:${render(v[k], depth + 1)}`)
    return `{${entries.join(',')}${keys.length > 8 ? ',…' : ''}}`
  }
  return 'an object'
}

/**
 * A short JSON-like rendering of a value (of the snapshot) for an issue:
 * JSON where JSON can say it, `NaN`, `12n`, `Symbol("x")` where it cannot,
 * cut to about 60 characters with `…`.
 * @internal
 */
export function renderValue(v: unknown): string {
  // our own descriptions of unreadable values are short already and read better whole
  if (v instanceof Opaque) return v.got
  const full = render(v, 0)
  return full.length > MAX_GOT ? `${full.slice(0, MAX_GOT - 1)}…` : full
}

// ---------------------------------------------------------------------------
// io-ts errors → issues
// ---------------------------------------------------------------------------

const INDEX = /^(0|[1-9][0-9]*)$/

/** The path of an io-ts context: its keys after the root's, array indices as numbers. @internal */
export function pathOf(entries: t.Context): Path {
  const path: (string | number)[] = []
  for (let i = 1; i < entries.length; i++) {
    const key = entries[i]!.key
    path.push(Array.isArray(entries[i - 1]!.actual) && INDEX.test(key) ? Number(key) : key)
  }
  return path
}

/**
 * Maps one io-ts validation error into an issue. The path comes from the
 * context (indices as numbers); `expected` from the error's own message, else
 * the name of the type at the failing position; `got` says `nothing` when the
 * key is absent from its object.
 * @internal
 */
export function issueFromValidationError(e: t.ValidationError): Issue {
  const entries = e.context
  const path = pathOf(entries)
  const last = entries[entries.length - 1]
  const expected = e.message ?? last?.type.name ?? 'a valid value'
  const parent = entries.length >= 2 ? entries[entries.length - 2]!.actual : undefined
  const missing =
    last !== undefined &&
    isPlainRecord(parent) &&
    !Object.prototype.hasOwnProperty.call(parent, last.key) &&
    e.value === undefined
  return issueWithGot(path, expected, missing ? 'nothing' : renderValue(e.value))
}

// ---------------------------------------------------------------------------
// order
// ---------------------------------------------------------------------------

/**
 * Sorts issues into input order: array items by index, object keys in the
 * order the input lists them (keys it lacks after those, in the order they
 * were found). A parent's issue comes before its children's. Stable.
 * @internal
 */
export function sortIssues(issues: readonly Issue[], input: unknown): Issue[] {
  return sortByPath(issues, (i) => i.path, input)
}

/** Sorts items by their path into input order, as {@link sortIssues} does. Stable. @internal */
export function sortByPath<T>(items: readonly T[], where: (item: T) => Path, input: unknown): T[] {
  // each object's keys by their rank, read once (not once per comparison: n log n, not n² log n)
  const rankMaps = new WeakMap<object, ReadonlyMap<string, number>>()
  const rankIn = (node: unknown, key: string): number => {
    if (!isPlainRecord(node)) return Number.POSITIVE_INFINITY
    let ranks = rankMaps.get(node)
    if (ranks === undefined) {
      const m = new Map<string, number>()
      Object.keys(node).forEach((k, i) => m.set(k, i))
      rankMaps.set(node, (ranks = m))
    }
    return ranks.get(key) ?? Number.POSITIVE_INFINITY
  }
  // the rank of each key of a path in the object it is a key of (keys it lacks last)
  const ranksOf = (path: Path): number[] => {
    const ranks: number[] = []
    let node: unknown = input
    let found = true
    for (const k of path) {
      ranks.push(found && typeof k === 'string' ? rankIn(node, k) : Number.POSITIVE_INFINITY)
      if (!found) continue
      if (isPlainRecord(node)) node = node[k as string]
      else if (Array.isArray(node)) node = node[k as number]
      else found = false
    }
    return ranks
  }
  const compare = (a: Ranked<T>, b: Ranked<T>): number => {
    const n = Math.min(a.path.length, b.path.length)
    for (let i = 0; i < n; i++) {
      const x = a.path[i]!
      const y = b.path[i]!
      if (x === y) continue
      if (typeof x === 'number' && typeof y === 'number') return x - y
      if (typeof x === 'string' && typeof y === 'string') {
        // the paths agree before i: both keys are of the same object
        const rx = a.ranks[i]!
        const ry = b.ranks[i]!
        return rx === ry ? 0 : rx < ry ? -1 : 1
      }
      return 0
    }
    return a.path.length - b.path.length
  }
  return items
    .map((item): Ranked<T> => {
      const path = where(item)
      return { item, path, ranks: ranksOf(path) }
    })
    .sort(compare)
    .map((r) => r.item)
}

/** An item with its path and the rank of each key of it (see {@link sortByPath}). */
interface Ranked<T> {
  readonly item: T
  readonly path: Path
  readonly ranks: readonly number[]
}

// ---------------------------------------------------------------------------
// formatting
// ---------------------------------------------------------------------------

/**
 * Prints every issue of an invalid scenario, one line each, in the order
 * found.
 *
 * @param e - the error returned by `decodeScenario`
 * @returns the issues, one `→ at path: expected …, got …` line each
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category IO
 * @example
 * formatIssues({
 *   _tag: 'InvalidScenario',
 *   issues: [{ path: ['cadres', 12, 'birth'], expected: 'YYYY-MM', got: '"1985/13"',
 *              message: 'cadres[12].birth: expected YYYY-MM, got "1985/13"' }],
 * })
 * //=> '→ at cadres[12].birth: expected YYYY-MM, got "1985/13"'
 */
export function formatIssues(e: InvalidScenario): string {
  const ok =
    typeof e === 'object' &&
    e !== null &&
    Array.isArray(e.issues) &&
    e.issues.every((i) => typeof i === 'object' && i !== null && Array.isArray(i.path))
  if (!ok)
    throw new TypeError(
      `formatIssues: e: expected an error with issues (InvalidScenario), got ${renderValue(e)}`,
    )
  return e.issues.map((i) => `→ at ${formatPath(i.path)}: expected ${i.expected}, got ${i.got}`).join('\n')
}
