/**
 * Reader of J. E. Beasley's OR-Library text formats for the linear assignment
 * problem (`assignN.txt`) and the generalized assignment problem
 * (`gap1.txt` … `gapd.txt`), so users can benchmark their own methods on the
 * same instances banzi's benchmarks use.
 *
 * Both formats are one stream of whitespace-separated integers; line breaks
 * mean nothing (OR-Library wraps rows over several lines). Malformed text is
 * an expected outcome: the result is `Left` with the 1-based position, line
 * and column of the offending token, never a throw.
 *
 * Reference: J. E. Beasley, "OR-Library: distributing test problems by
 * electronic mail", JORS 41(11) (1990) 1069–1072.
 *
 * @module
 */
import { requireArgument, requireString } from './door.js'
import { renderValue } from './errors.js'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import type { CostMatrix } from '../solvers/lap.js'

/** A linear assignment instance: `cost` is n × n, row by row (minimise). @category OR-Library */
export interface AssignInstance {
  readonly kind: 'assign'
  readonly cost: CostMatrix
}

/**
 * One generalized assignment problem: `cost[i][j]` and `weight[i][j]` of job
 * `j` on agent `i`, and each agent's `capacity`.
 * @category OR-Library
 */
export interface GapProblem {
  readonly agents: number
  readonly jobs: number
  readonly cost: readonly Float64Array[]
  readonly weight: readonly Float64Array[]
  readonly capacity: Float64Array
}

/** A generalized assignment file: several problems. @category OR-Library */
export interface GapInstance {
  readonly kind: 'gap'
  readonly problems: readonly GapProblem[]
}

/** Why a text is not a valid OR-Library file; `token` is 1-based, as are `line` and `column`. @category OR-Library */
export interface OrLibraryError {
  readonly _tag: 'OrLibraryError'
  readonly format: 'assign' | 'gap'
  /** Position of the offending token in the stream; one past the last token when the text ends early. */
  readonly token: number
  readonly line: number
  readonly column: number
  readonly message: string
}

/** The OR-Library formats {@link parseOrLibrary} reads. @category OR-Library */
export type OrLibraryFormat = 'assign' | 'gap'

interface Tokens {
  readonly text: string
  readonly starts: number[]
  readonly values: string[]
}

function tokenize(text: string): Tokens {
  const starts: number[] = []
  const values: string[] = []
  for (const m of text.matchAll(/\S+/g)) {
    starts.push(m.index)
    values.push(m[0])
  }
  return { text, starts, values }
}

/** Signals a malformed file inside the reader; caught once in {@link parseOrLibrary}. */
class Malformed {
  constructor(
    readonly token: number,
    readonly message: string,
  ) {}
}

/** A cursor over the token stream that reads integers and names what it expected. */
class Reader {
  private k = 0
  constructor(private readonly t: Tokens) {}

  int(what: string, min: number): number {
    if (this.k >= this.t.values.length)
      throw new Malformed(this.k, `expected ${what}, but the text ends after ${this.k} tokens`)
    const s = this.t.values[this.k]!
    const v = Number(s)
    if (!/^[+-]?\d+$/.test(s) || !Number.isSafeInteger(v))
      // Quoted as JSON (cut at about 60 characters): a control character or a megabyte-long token is shown, not echoed.
      throw new Malformed(this.k, `expected ${what} (an integer), found ${renderValue(s)}`)
    if (v < min) throw new Malformed(this.k, `expected ${what} of at least ${min}, found ${v}`)
    this.k++
    return v
  }

  /**
   * Fails unless `count` tokens are left, before any array of that size is
   * allocated: a declared size larger than the text (a million, or 20,000
   * agents) is a Malformed error, never a RangeError or gigabytes allocated
   * first. The error is the one reading would give: at the first token that
   * is not an integer, else where the text ends, naming the `what(k)` missing.
   */
  need(count: number, what: (k: number) => string): void {
    const left = this.t.values.length - this.k
    if (count <= left) return
    const from = this.k
    for (let k = 0; k < left; k++) this.int(what(k), -Infinity)
    this.k = from
    throw new Malformed(
      this.t.values.length,
      `expected ${what(left)}, but the text ends after ${this.t.values.length} tokens`,
    )
  }

  fill(into: Float64Array, what: (k: number) => string): void {
    for (let k = 0; k < into.length; k++) into[k] = this.int(what(k), -Infinity)
  }

  end(after: string): void {
    if (this.k < this.t.values.length)
      throw new Malformed(this.k, `unexpected ${renderValue(this.t.values[this.k])} after ${after}`)
  }
}

function readAssign(r: Reader): AssignInstance {
  const n = r.int('the size n', 1)
  const what = (k: number) => `cost (${Math.floor(k / n) + 1}, ${(k % n) + 1}) of ${n * n}`
  r.need(n * n, what)
  const data = new Float64Array(n * n)
  r.fill(data, what)
  r.end(`the ${n} × ${n} costs`)
  return { kind: 'assign', cost: { rows: n, cols: n, data } }
}

function readGap(r: Reader): GapInstance {
  const count = r.int('the number of problems', 1)
  const problems: GapProblem[] = []
  for (let p = 1; p <= count; p++) {
    const agents = r.int(`the number of agents of problem ${p}`, 1)
    const jobs = r.int(`the number of jobs of problem ${p}`, 1)
    const entry = (name: string, i: number, j: number) =>
      `${name} (agent ${i + 1}, job ${j + 1}) of problem ${p}`
    const cap = (i: number) => `capacity of agent ${i + 1} of problem ${p}`
    const block = agents * jobs
    r.need(2 * block + agents, (k) =>
      k < 2 * block
        ? entry(k < block ? 'cost' : 'weight', Math.floor((k % block) / jobs), k % jobs)
        : cap(k - 2 * block),
    )
    const matrix = (name: string) =>
      Array.from({ length: agents }, (_, i) => {
        const row = new Float64Array(jobs)
        r.fill(row, (j) => entry(name, i, j))
        return row
      })
    const cost = matrix('cost')
    const weight = matrix('weight')
    const capacity = new Float64Array(agents)
    r.fill(capacity, cap)
    problems.push({ agents, jobs, cost, weight, capacity })
  }
  r.end(`the ${count} problems the file announces`)
  return { kind: 'gap', problems }
}

function locate(t: Tokens, token: number): { line: number; column: number } {
  const at = token < t.starts.length ? t.starts[token]! : t.text.length
  let line = 1
  let lineStart = 0
  for (let i = 0; i < at; i++)
    if (t.text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  return { line, column: at - lineStart + 1 }
}

/**
 * Parses the text of an OR-Library assignment (`'assign'`) or generalized
 * assignment (`'gap'`) file.
 *
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category OR-Library
 * @param text - the whole file
 * @param format - `'assign'` (n, then n × n costs) or `'gap'` (P problems of m agents, n jobs: costs, weights, capacities)
 * @returns the instance, or where and why the text is malformed
 * @example
 * const r = parseOrLibrary('2\n 4 1\n 2 9\n', 'assign')
 * isRight(r) && Array.from(r.right.cost.data) //=> [4, 1, 2, 9]
 * @example
 * const bad = parseOrLibrary('2\n 4 1\n 2 x\n', 'assign')
 * isLeft(bad) && bad.left.message //=> 'token 5 (line 3, column 4): expected cost (2, 2) of 4 (an integer), found "x"'
 */
export function parseOrLibrary(text: string, format: 'assign'): Either<OrLibraryError, AssignInstance>
export function parseOrLibrary(text: string, format: 'gap'): Either<OrLibraryError, GapInstance>
export function parseOrLibrary(
  text: string,
  format: OrLibraryFormat,
): Either<OrLibraryError, AssignInstance | GapInstance>
export function parseOrLibrary(
  text: string,
  format: OrLibraryFormat,
): Either<OrLibraryError, AssignInstance | GapInstance> {
  requireString('parseOrLibrary', 'text', text)
  requireArgument(
    'parseOrLibrary',
    'format',
    'one of "assign", "gap"',
    format,
    format === 'assign' || format === 'gap',
  )
  const tokens = tokenize(text)
  const reader = new Reader(tokens)
  try {
    return right(format === 'assign' ? readAssign(reader) : readGap(reader))
  } catch (e) {
    if (!(e instanceof Malformed)) throw e
    const { line, column } = locate(tokens, e.token)
    return left({
      _tag: 'OrLibraryError',
      format,
      token: e.token + 1,
      line,
      column,
      message: `token ${e.token + 1} (line ${line}, column ${column}): ${e.message}`,
    })
  }
}
