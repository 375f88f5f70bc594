/**
 * The door of the public API: what every entry point checks before it works.
 * Options objects are read by small validators in the style of the scenario's
 * codecs (each names the option, the value found and what it accepts); a
 * {@link Scenario} is recognised by its shape (not decoded again); and what
 * was built from a scenario (a proposal) carries a cheap fingerprint of it,
 * so that it is refused by a call about another scenario.
 *
 * Expected failures come back as values ({@link InvalidCall}); the throwing
 * guards here are for entry points that answer a plain value, whose wrong
 * arguments are programmer errors (docs/guide.md, "What throws").
 *
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import type { Proposal } from '../domain/proposal.js'
import type { Scenario } from '../domain/types.js'
import { isPlainRecord, yearMonth } from './combinators.js'
import { issue, renderValue, type Issue } from './errors.js'
import type { Path } from './path.js'

// ---------------------------------------------------------------------------
// errors
// ---------------------------------------------------------------------------

/**
 * An options object with an option out of its range, of the wrong type, or
 * not an object at all: every such option, each an {@link Issue} whose path
 * starts with `options` (`options.timeLimitMs: expected a finite number ≥ 0,
 * got NaN`). Nothing was computed.
 * @category IO
 */
export interface InvalidOptions {
  readonly _tag: 'InvalidOptions'
  readonly issues: readonly Issue[]
  /** Every issue's message, one per line. */
  readonly message: string
}

/**
 * An argument that is not what the function works on: not a decoded
 * scenario (`scenario: expected a decoded Scenario (call decodeScenario
 * first), got {…}`), not a proposal, not a formulated model. Nothing was
 * computed.
 * @category IO
 */
export interface InvalidArgument {
  readonly _tag: 'InvalidArgument'
  /** The parameter's name, as in the function's documentation. */
  readonly argument: string
  readonly expected: string
  /** A short rendering of the value found. */
  readonly got: string
  readonly message: string
}

/**
 * Something built from one scenario (a proposal) handed to a call about
 * another: its {@link Proposal.scenarioFingerprint} differs from the
 * scenario's ({@link scenarioFingerprint}), or it staffs other posts than the
 * scenario's open posts. It is refused rather than explained or priced as if
 * it fitted.
 * @category IO
 */
export interface ScenarioMismatch {
  readonly _tag: 'ScenarioMismatch'
  readonly argument: string
  readonly message: string
}

/**
 * Why an entry point refused its arguments before doing any work; an
 * {@link UnknownId} is an id (of a cadre or post, in an argument or in a
 * proposal) that the scenario does not have.
 * @category IO
 */
export type InvalidCall = InvalidOptions | InvalidArgument | ScenarioMismatch | UnknownId

// ---------------------------------------------------------------------------
// option validators
// ---------------------------------------------------------------------------

/** A check of one option: what it accepts, in words, and the test. @internal */
export interface OptionCheck {
  readonly expected: string
  readonly test: (v: unknown) => boolean
}

/** The checks of an options object's known keys; other keys are left alone. @internal */
export type OptionSpec = { readonly [key: string]: OptionCheck }

/**
 * A finite number within bounds (inclusive): `a finite number ≥ 0`,
 * `an integer ≥ 1`, `a number in 0–1`.
 * @internal
 */
export function numberOption(bounds: { min?: number; max?: number; integer?: boolean } = {}): OptionCheck {
  const { min, max, integer = false } = bounds
  const what = integer ? 'an integer' : 'a finite number'
  const expected =
    min !== undefined && max !== undefined
      ? `${integer ? 'an integer' : 'a number'} in ${min}–${max}`
      : min !== undefined
        ? `${what} ≥ ${min}`
        : max !== undefined
          ? `${what} ≤ ${max}`
          : what
  return {
    expected,
    test: (v) =>
      typeof v === 'number' &&
      Number.isFinite(v) &&
      (!integer || Number.isInteger(v)) &&
      (min === undefined || v >= min) &&
      (max === undefined || v <= max),
  }
}

/** One of the given strings. @internal */
export function oneOfOption(values: readonly string[]): OptionCheck {
  return {
    expected: `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`,
    test: (v) => typeof v === 'string' && values.includes(v),
  }
}

/** `true` or `false`. @internal */
export const booleanOption: OptionCheck = { expected: 'true or false', test: (v) => typeof v === 'boolean' }

/** A function. @internal */
export const functionOption: OptionCheck = { expected: 'a function', test: (v) => typeof v === 'function' }

/** A string. @internal */
export const stringOption: OptionCheck = { expected: 'a string', test: (v) => typeof v === 'string' }

/** An object (not null, not an array). @internal */
export const objectOption: OptionCheck = {
  expected: 'an object',
  test: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
}

/** An AbortSignal, or anything with a boolean `aborted` and `addEventListener`. @internal */
export const signalOption: OptionCheck = {
  expected: 'an AbortSignal',
  test: (v) =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { aborted?: unknown }).aborted === 'boolean' &&
    typeof (v as { addEventListener?: unknown }).addEventListener === 'function',
}

/** Either of two checks. @internal */
export function eitherOption(a: OptionCheck, b: OptionCheck): OptionCheck {
  return { expected: `${a.expected}, or ${b.expected}`, test: (v) => a.test(v) || b.test(v) }
}

/**
 * Any value: a key the call knows and whose value it reads itself, with an
 * error of its own naming what it found (a pool query's criteria, a reserve's
 * ranks). In a spec it makes the key known, so that a near miss of it is
 * refused rather than left alone.
 * @internal
 */
export const anyOption: OptionCheck = { expected: 'any value', test: () => true }

/** An option's name as a near miss reads it: case aside, British spellings (-ise, -our) as American. */
const looseKey = (k: string): string =>
  k
    .toLowerCase()
    .replace(/is(e|ed|es|ing|ation)/g, 'iz$1')
    .replace(/our/g, 'or')

/** Reads a property without letting a throwing getter or proxy escape. */
function read(o: object, key: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: (o as Record<string, unknown>)[key] }
  } catch {
    return { ok: false }
  }
}

/**
 * Checks an options object against its spec: `undefined` is the defaults, an
 * object is read key by key (a key left out or `undefined` takes its
 * default; keys the spec does not know are left alone), anything else is
 * refused whole. `path` names the object: an argument (`'options'`), or a
 * place inside one (`['options', 'criteria', 'young']`), where its issues'
 * paths start.
 * @internal
 */
export function checkOptions<O>(
  options: unknown,
  spec: OptionSpec,
  path: string | Path = 'options',
): Either<InvalidOptions, O> {
  if (options === undefined) return right({} as O)
  const at: Path = typeof path === 'string' ? [path] : path
  const issues: Issue[] = []
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    issues.push(issue(at, 'an options object (or nothing, for the defaults)', options))
  } else {
    for (const key of Object.keys(spec)) {
      const r = read(options, key)
      if (!r.ok) {
        issues.push(issue([...at, key], spec[key]!.expected, undefined))
        continue
      }
      if (r.value !== undefined && !spec[key]!.test(r.value))
        issues.push(issue([...at, key], spec[key]!.expected, r.value))
    }
    // A key the call does not know is left alone (one object may serve several calls), unless it
    // is a known key misspelt in a way no other call's key is: case, British spelling, a missing
    // unit (maximise, timeLimit, timelimitms). Left alone, such a key silently did nothing.
    let own: string[]
    try {
      own = Object.keys(options)
    } catch {
      own = []
    }
    for (const key of own) {
      if (Object.hasOwn(spec, key)) continue
      const loose = looseKey(key)
      const near = Object.keys(spec).find((k) => loose === looseKey(k) || `${loose}ms` === looseKey(k))
      if (near === undefined) continue
      const r = read(options, key)
      issues.push(issue([...at, key], `a known option (did you mean "${near}"?)`, r.ok ? r.value : undefined))
    }
  }
  return issues.length === 0
    ? right(options as O)
    : left({ _tag: 'InvalidOptions', issues, message: issues.map((i) => i.message).join('\n') })
}

// ---------------------------------------------------------------------------
// arguments
// ---------------------------------------------------------------------------

const POLICY_SECTIONS = ['structure', 'stability', 'people', 'fit', 'vacancy', 'assessment'] as const

/**
 * Whether a value has the shape of a decoded {@link Scenario}: its lists are
 * arrays, its policy is resolved (every section present), its cadres and
 * teams are records with string ids. A structural look at the top, not a
 * decode: a value built by hand in this shape passes, and is the caller's
 * responsibility.
 *
 * @param value - anything
 * @returns `true` when `value` looks like what `decodeScenario` returns
 * @category IO
 * @example
 * isScenario(sampleScenario()) //=> true
 * isScenario({ cadres: [] })   //=> false
 */
export function isScenario(value: unknown): value is Scenario {
  if (!isPlainRecord(value)) return false
  if (recognised.has(value)) return true
  const ok = isScenarioShape(value) && yearMonth.is(value.asOf) && openPostsKnown(value)
  // Remembered: the door of a call made once per pair (fitComponents) must stay O(1).
  if (ok) recognised.add(value)
  return ok
}

/** Scenarios already recognised by their shape (a scenario is not changed once built). */
const recognised = new WeakSet<object>()

function hasScenarioShape(value: Record<string, unknown>): boolean {
  const s = value as Record<string, unknown>
  if (typeof s.asOf !== 'string' || typeof s.county !== 'string') return false
  for (const key of ['cadres', 'teams', 'openPosts', 'locks', 'forbidden'])
    if (!Array.isArray(s[key])) return false
  const policy = s.policy
  if (!isPlainRecord(policy)) return false
  for (const key of POLICY_SECTIONS)
    if (!isPlainRecord((policy as Record<string, unknown>)[key])) return false
  const idOf = (x: unknown) => isPlainRecord(x) && typeof (x as { id?: unknown }).id === 'string'
  if (!(s.cadres as unknown[]).every(idOf)) return false
  if (!(s.teams as unknown[]).every((t) => idOf(t) && Array.isArray((t as { posts?: unknown }).posts)))
    return false
  return (s.openPosts as unknown[]).every((p) => typeof p === 'string')
}

/** Scenarios already recognised by their shape alone (see {@link isScenarioShape}). */
const shaped = new WeakSet<object>()

/**
 * Whether `value` has a scenario's shape, its open posts any strings: what
 * the validator needs, which reports an open post that names no post as a
 * finding (`establishment.unknown-id`) rather than refuse the scenario.
 * @internal
 */
export function isScenarioShape(value: unknown): value is Scenario {
  if (!isPlainRecord(value)) return false
  if (recognised.has(value) || shaped.has(value)) return true
  const ok = hasScenarioShape(value)
  if (ok) shaped.add(value)
  return ok
}

function openPostsKnown(s: Record<string, unknown>): boolean {
  // Open posts name posts of the teams, each once (decodeScenario's own check): a scenario edited
  // after decoding with an unknown post would throw inside the rules, and a repeated one would let
  // two cadres share a post.
  const posts = new Set<unknown>()
  for (const t of s.teams as { posts: unknown[] }[])
    for (const p of t.posts) if (isPlainRecord(p)) posts.add((p as { id?: unknown }).id)
  const open = new Set<unknown>()
  for (const p of s.openPosts as unknown[]) {
    if (typeof p !== 'string' || !posts.has(p) || open.has(p)) return false
    open.add(p)
  }
  return true
}

/**
 * What every call expects of a scenario argument, word for word in each
 * refusal (`scenario: expected a decoded Scenario (call decodeScenario
 * first), got {}`). @internal
 */
export const SCENARIO_EXPECTED = 'a decoded Scenario (call decodeScenario first)'

/** What a scenario's `asOf` must be: decodeScenario's own month, in its words. */
const AS_OF_EXPECTED = 'YYYY-MM'

/**
 * Why `value`, given as a scenario at `path`, is not one (see
 * {@link isScenario}), or `null` when it is: its `asOf` not a month
 * (`scenario.asOf: expected YYYY-MM, got "2026-13"` — a scenario
 * edited after decoding, whose ages and tenures would be read at no month),
 * else {@link SCENARIO_EXPECTED} at `path`. The one refusal of every entry
 * point that takes a scenario.
 * @internal
 */
export function scenarioIssue(value: unknown, path: Path = ['scenario']): Issue | null {
  if (isScenario(value)) return null
  if (isScenarioShape(value) && !yearMonth.is(value.asOf))
    return issue([...path, 'asOf'], AS_OF_EXPECTED, value.asOf)
  return issue(path, SCENARIO_EXPECTED, value)
}

/**
 * An {@link InvalidArgument} for a value that is not a scenario (see
 * {@link scenarioIssue}), or nothing when it is one.
 * @internal
 */
export function scenarioArgument(value: unknown, argument = 'scenario'): InvalidArgument | null {
  const found = scenarioIssue(value, [argument])
  if (found === null) return null
  // Refused at its asOf (a path one longer) or as a whole.
  return found.path.length > 1
    ? invalidArgument(`${argument}.asOf`, found.expected, (value as Scenario).asOf)
    : invalidArgument(argument, found.expected, value)
}

/** Builds an {@link InvalidArgument}. @internal */
export function invalidArgument(argument: string, expected: string, value: unknown): InvalidArgument {
  const got = renderValue(value)
  return {
    _tag: 'InvalidArgument',
    argument,
    expected,
    got,
    message: `${argument}: expected ${expected}, got ${got}`,
  }
}

/**
 * Throws a `TypeError` naming the function and the argument unless `test`
 * holds: the door of entry points that answer a plain value (a wrong
 * argument there is a programmer error; docs/guide.md, "What throws").
 * @internal
 */
export function requireArgument(
  fn: string,
  argument: string,
  expected: string,
  value: unknown,
  test: boolean,
): void {
  if (!test) throw new TypeError(`${fn}: ${argument}: expected ${expected}, got ${renderValue(value)}`)
}

/** Throws unless `value` is a decoded scenario; see {@link requireArgument}. @internal */
export function requireScenario(
  fn: string,
  value: unknown,
  argument = 'scenario',
): asserts value is Scenario {
  const found = scenarioIssue(value, [argument])
  if (found !== null) throw new TypeError(`${fn}: ${found.message}`)
}

/**
 * Throws unless `value` has a scenario's shape (see {@link isScenarioShape}):
 * the validator's door, which reports what a decoded scenario could not hold.
 * @internal
 */
export function requireScenarioShape(fn: string, value: unknown): asserts value is Scenario {
  requireArgument(fn, 'scenario', SCENARIO_EXPECTED, value, isScenarioShape(value))
}

/** Throws unless `value` is a plain object (or, with `optional`, `undefined`). @internal */
export function requireRecord(fn: string, argument: string, value: unknown, optional = false): void {
  requireArgument(
    fn,
    argument,
    optional ? 'an object (or nothing)' : 'an object',
    value,
    (optional && value === undefined) || isPlainRecord(value),
  )
}

/** Throws unless `value` is an array. @internal */
export function requireArray(fn: string, argument: string, value: unknown, expected = 'an array'): void {
  requireArgument(fn, argument, expected, value, Array.isArray(value))
}

/** Throws unless `value` is a string. @internal */
export function requireString(fn: string, argument: string, value: unknown): void {
  requireArgument(fn, argument, 'a string', value, typeof value === 'string')
}

/**
 * Throws an {@link InvalidOptions} with its message prefixed by the function:
 * a `TypeError` when `options` is not an object, a `RangeError` when an
 * option is out of its range or of the wrong type.
 * @internal
 */
export function requireOptions<O>(fn: string, options: unknown, spec: OptionSpec, path = 'options'): O {
  const r = checkOptions<O>(options, spec, path)
  if (r._tag === 'Left') {
    const whole = r.left.issues.length === 1 && r.left.issues[0]!.path.length === 1
    const message = `${fn}: ${r.left.issues[0]!.message}`
    throw whole ? new TypeError(message) : new RangeError(message)
  }
  return r.right
}

// ---------------------------------------------------------------------------
// fingerprints
// ---------------------------------------------------------------------------

const fingerprints = new WeakMap<object, string>()

/** FNV-1a, 32 bits, over the UTF-16 code units of the parts, each ended by a separator. */
function fnv1a(parts: Iterable<string>): number {
  let h = 0x811c9dc5
  for (const s of parts) {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i)
      h = Math.imul(h, 0x01000193)
    }
    h ^= 0x1f
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

function* fingerprintParts(s: Scenario): Generator<string> {
  yield s.asOf
  yield s.county
  yield String(s.cadres.length)
  for (const c of s.cadres) {
    yield c.id
    yield c.name
    yield c.birth
  }
  yield String(s.teams.length)
  for (const t of s.teams) {
    yield t.id
    yield t.name
    for (const p of t.posts) yield p.id
  }
  yield String(s.openPosts.length)
  for (const p of s.openPosts) yield p
}

/**
 * A cheap fingerprint of a scenario (8 hex digits): a hash of its reference
 * date, county, cadres (ids, names, births), teams and posts (ids), and open
 * posts — who and what the round is about, not its policy. Deterministic:
 * equal scenarios have equal fingerprints on every run. Proposals carry the
 * fingerprint of their scenario ({@link Proposal.scenarioFingerprint}).
 *
 * @param scenario - a decoded scenario
 * @returns the fingerprint, e.g. `'3f9a0c12'`
 * @throws TypeError when `scenario` is not a decoded scenario (docs/guide.md, "What throws")
 * @category IO
 */
export function scenarioFingerprint(scenario: Scenario): string {
  requireScenario('scenarioFingerprint', scenario)
  const cached = fingerprints.get(scenario)
  if (cached !== undefined) return cached
  const f = fnv1a(fingerprintParts(scenario)).toString(16).padStart(8, '0')
  fingerprints.set(scenario, f)
  return f
}

/**
 * Stamps a proposal with its scenario's fingerprint, as a non-enumerable
 * property: JSON, spreads and deep equality do not see it, so that equal
 * inputs still give byte-identical proposals.
 * @internal
 */
export function stampProposal<P extends Proposal>(scenario: Scenario, proposal: P): P {
  Object.defineProperty(proposal, 'scenarioFingerprint', {
    value: scenarioFingerprint(scenario),
    enumerable: false,
    writable: false,
    configurable: true,
  })
  return proposal
}

/** An id that names no cadre or no post of the scenario. @category Rules */
export interface UnknownId {
  readonly _tag: 'UnknownId'
  readonly kind: 'cadre' | 'post'
  readonly id: string
  /** `no post with id "P9" in this scenario` */
  readonly message: string
}

/** Builds an unknown id error. @internal */
export function unknownId(kind: 'cadre' | 'post', id: string): UnknownId {
  return { _tag: 'UnknownId', kind, id, message: `no ${kind} with id ${renderValue(id)} in this scenario` }
}

const isAssignment = (a: unknown): boolean =>
  isPlainRecord(a) &&
  typeof (a as { postId?: unknown }).postId === 'string' &&
  ((a as { cadreId?: unknown }).cadreId === null || typeof (a as { cadreId?: unknown }).cadreId === 'string')

/** Whether a value has the shape of a {@link Proposal}: assignments with ids, a numeric objective. @internal */
export function isProposal(value: unknown): value is Proposal {
  return (
    isPlainRecord(value) &&
    Array.isArray((value as { assignments?: unknown }).assignments) &&
    ((value as { assignments: unknown[] }).assignments as unknown[]).every(isAssignment) &&
    typeof (value as { objective?: unknown }).objective === 'number'
  )
}

/**
 * Whether a proposal belongs to a scenario: a proposal (shape), of this
 * scenario (same fingerprint, when it carries one), with one assignment per
 * open post in order and only known cadres.
 * @internal
 */
export function proposalOf(
  scenario: Scenario,
  proposal: unknown,
  argument = 'proposal',
): InvalidArgument | ScenarioMismatch | UnknownId | null {
  if (!isProposal(proposal))
    return invalidArgument(argument, 'a Proposal (from solve or rankProposals)', proposal)
  const own = (proposal as { scenarioFingerprint?: unknown }).scenarioFingerprint
  const fp = scenarioFingerprint(scenario)
  if (typeof own === 'string' && own !== fp)
    return {
      _tag: 'ScenarioMismatch',
      argument,
      message: `${argument}: it was built from another scenario (fingerprint ${own}, this scenario's is ${fp})`,
    }
  const cadres = new Set(scenario.cadres.map((c) => c.id))
  const posts = new Set(scenario.teams.flatMap((t) => t.posts.map((p) => p.id)))
  for (const a of proposal.assignments) {
    if (!posts.has(a.postId)) return unknownId('post', a.postId)
    if (a.cadreId !== null && !cadres.has(a.cadreId)) return unknownId('cadre', a.cadreId)
  }
  const open = scenario.openPosts
  if (
    proposal.assignments.length !== open.length ||
    proposal.assignments.some((a, i) => a.postId !== open[i])
  )
    return {
      _tag: 'ScenarioMismatch',
      argument,
      message: `${argument}: it staffs other posts than this scenario's ${open.length} open posts, in their order`,
    }
  return null
}

// ---------------------------------------------------------------------------
// shapes of the other things entry points take
// ---------------------------------------------------------------------------

const has = (v: unknown, key: string, test: (x: unknown) => boolean): boolean =>
  typeof v === 'object' && v !== null && test((v as Record<string, unknown>)[key])
const isString = (x: unknown): boolean => typeof x === 'string'
const isArray = (x: unknown): boolean => Array.isArray(x)
const isRecordLike = (x: unknown): boolean => typeof x === 'object' && x !== null && !Array.isArray(x)

/** The shapes the door recognises, each with the words of its `expected`. @internal */
export const SHAPES = {
  cadre: {
    expected: "a Cadre (one of a decoded scenario's cadres)",
    test: (v: unknown): boolean =>
      isRecordLike(v) &&
      has(v, 'id', isString) &&
      has(v, 'birth', isString) &&
      has(v, 'specialties', isArray) &&
      has(v, 'assessments', isArray) &&
      has(v, 'currentPost', (p) => p === null || (isRecordLike(p) && has(p, 'since', isString))) &&
      has(v, 'assessmentRecords', (r) => r === undefined || Array.isArray(r)) &&
      (v as { specialties: unknown[] }).specialties.every((s) => has(s, 'code', isString)) &&
      (v as { assessments: unknown[] }).assessments.every(isRecordLike),
  },
  post: {
    expected: "a Post (one of a decoded scenario's teams' posts)",
    test: (v: unknown): boolean =>
      isRecordLike(v) && has(v, 'id', isString) && has(v, 'kind', isString) && has(v, 'specialties', isArray),
  },
  team: {
    expected: "a Team (one of a decoded scenario's teams)",
    test: (v: unknown): boolean =>
      isRecordLike(v) && has(v, 'id', isString) && has(v, 'posts', isArray) && has(v, 'specialties', isArray),
  },
  policy: {
    expected: 'a resolved Policy (resolvePolicy, or a scenario’s policy)',
    test: (v: unknown): boolean => isRecordLike(v) && POLICY_SECTIONS.every((k) => has(v, k, isRecordLike)),
  },
  assessmentPolicy: {
    expected: "an AssessmentPolicy (a scenario's policy.assessment)",
    test: (v: unknown): boolean =>
      isRecordLike(v) &&
      has(v, 'indicators', isArray) &&
      has(v, 'kinds', isRecordLike) &&
      has(v, 'evaluators', isRecordLike) &&
      has(v, 'feedback', isRecordLike) &&
      has(v, 'moves', isRecordLike),
  },
  milp: {
    expected: 'a Milp (a model’s milp, or gapModel’s)',
    test: (v: unknown): boolean =>
      isRecordLike(v) &&
      has(v, 'colNames', isArray) &&
      has(v, 'rowNames', isArray) &&
      has(v, 'colCost', (x) => x instanceof Float64Array) &&
      has(v, 'colLower', (x) => x instanceof Float64Array) &&
      has(v, 'colUpper', (x) => x instanceof Float64Array) &&
      has(v, 'integer', (x) => x instanceof Uint8Array) &&
      has(v, 'rowLower', (x) => x instanceof Float64Array) &&
      has(v, 'rowUpper', (x) => x instanceof Float64Array) &&
      has(v, 'rowStarts', (x) => x instanceof Int32Array) &&
      has(v, 'rowIndex', (x) => x instanceof Int32Array) &&
      has(v, 'rowValue', (x) => x instanceof Float64Array),
  },
  numbers: {
    expected: 'an array of numbers',
    test: (v: unknown): boolean => Array.isArray(v) && v.every((x) => typeof x === 'number'),
  },
  matrix: {
    expected: 'an array of arrays of numbers',
    test: (v: unknown): boolean =>
      Array.isArray(v) && v.every((row) => Array.isArray(row) && row.every((x) => typeof x === 'number')),
  },
} as const

/** Throws unless `value` has the named shape; see {@link requireArgument}. @internal */
export function requireShape(fn: string, argument: string, shape: keyof typeof SHAPES, value: unknown): void {
  const seen = shapesSeen[shape]
  if (seen !== undefined && typeof value === 'object' && value !== null && seen.has(value)) return
  requireArgument(fn, argument, SHAPES[shape].expected, value, SHAPES[shape].test(value))
  // Remembered, as scenarios are: calls made once per pair must not walk a cadre's lists each time.
  if (seen !== undefined && typeof value === 'object' && value !== null) seen.add(value)
}

/** The domain records recognised so far (lists of numbers are checked every time). */
const shapesSeen: Partial<Record<keyof typeof SHAPES, WeakSet<object>>> = {
  cadre: new WeakSet(),
  post: new WeakSet(),
  team: new WeakSet(),
  policy: new WeakSet(),
  assessmentPolicy: new WeakSet(),
  milp: new WeakSet(),
}

/** Throws unless `value` is a proposal (its shape); see {@link requireArgument}. @internal */
export function requireProposal(
  fn: string,
  value: unknown,
  argument = 'proposal',
): asserts value is Proposal {
  requireArgument(fn, argument, 'a Proposal (from solve or rankProposals)', value, isProposal(value))
}

/** Whether a value has the shape of a `ScenarioContext` (from `contextOf`). @internal */
export function isContext(v: unknown): boolean {
  if (typeof v === 'object' && v !== null && contextsSeen.has(v)) return true
  const ok = hasContextShape(v)
  if (ok) contextsSeen.add(v as object)
  return ok
}

const contextsSeen = new WeakSet<object>()

function hasContextShape(v: unknown): boolean {
  return (
    isRecordLike(v) &&
    has(v, 'scenario', isScenario) &&
    has(v, 'cadreIndex', (x) => x instanceof Map) &&
    has(v, 'postLocation', (x) => x instanceof Map) &&
    has(v, 'ages', (x) => x instanceof Int32Array) &&
    has(v, 'candidates', isArray)
  )
}

/** Whether a value has the shape of a `Specialty`. @internal */
export function isSpecialty(v: unknown): boolean {
  return (
    isRecordLike(v) &&
    has(v, 'code', isString) &&
    has(v, 'degree', (x) => typeof x === 'boolean') &&
    has(v, 'years', (x) => typeof x === 'number') &&
    has(v, 'achievements', (x) => typeof x === 'number')
  )
}

/** Whether a value has the shape of `FitComponents`. @internal */
export function isFitComponents(v: unknown): boolean {
  const num = (x: unknown) => typeof x === 'number'
  return (
    isRecordLike(v) &&
    has(v, 'specialty', num) &&
    has(v, 'assessment', num) &&
    has(v, 'experience', num) &&
    has(v, 'age', num) &&
    has(v, 'combined', (x) => x === undefined || num(x)) &&
    has(v, 'support', (x) => x === undefined || num(x))
  )
}

/** Whether a value has the shape of `CombinedScores` (from `combinedScores`). @internal */
export function isCombinedScores(v: unknown): boolean {
  return (
    isRecordLike(v) &&
    has(v, 'years', isArray) &&
    has(v, 'indicators', isArray) &&
    has(
      v,
      'cadres',
      (c) => Array.isArray(c) && c.every((x) => has(x, 'cadreId', isString) && has(x, 'years', isArray)),
    )
  )
}

/** Whether a value has the shape of a `ReserveReview` (from `reviewReserve`). @internal */
export function isReview(v: unknown): boolean {
  const groups = (x: unknown) =>
    isRecordLike(x) &&
    ['young', 'women', 'minority', 'non-party'].every((g) =>
      has(x, g, (ids) => Array.isArray(ids) && ids.every(isString)),
    )
  return isRecordLike(v) && has(v, 'members', groups)
}

/** Whether a value has the shape of a `MilpEdit`. @internal */
export function isMilpEdit(v: unknown): boolean {
  const tuples = (x: unknown) =>
    x === undefined ||
    (Array.isArray(x) && x.every((t) => Array.isArray(t) && t.every((n) => typeof n === 'number')))
  return (
    isRecordLike(v) &&
    has(v, 'colBounds', tuples) &&
    has(v, 'colCosts', tuples) &&
    has(v, 'rowBounds', tuples) &&
    has(
      v,
      'rows',
      (x) =>
        x === undefined ||
        (Array.isArray(x) &&
          x.every(
            (r) =>
              has(r, 'name', isString) &&
              has(r, 'cols', SHAPES.numbers.test) &&
              has(r, 'coefs', SHAPES.numbers.test) &&
              has(r, 'lower', (n) => typeof n === 'number') &&
              has(r, 'upper', (n) => typeof n === 'number'),
          )),
    )
  )
}

/** The checks of `RunOptions`' keys, shared by every call that runs a backend. @internal */
export const RUN_OPTION_SPEC: OptionSpec = {
  // At most what a timer can wait (2³¹ − 1 ms, 24.8 days): beyond it Node fires at once, and a solve would stop
  // before it started. No limit at all: leave it out.
  timeLimitMs: numberOption({ min: 0, max: 2 ** 31 - 1 }),
  signal: signalOption,
  onProgress: functionOption,
  start: objectOption,
  method: oneOfOption(['auto', 'core', 'direct']),
  maxCoreColumns: numberOption({ min: 1, integer: true }),
  warmStart: objectOption,
}

/**
 * Whether a value carries the fingerprint of another scenario than
 * `scenario` (a proposal built from it). Never throws, whatever the value
 * (a throwing getter or proxy reads as no fingerprint).
 * @internal
 */
export function ofAnotherScenario(scenario: Scenario, value: unknown): boolean {
  let own: unknown
  try {
    own = typeof value === 'object' && value !== null ? (value as Proposal).scenarioFingerprint : undefined
  } catch {
    return false
  }
  return typeof own === 'string' && own !== scenarioFingerprint(scenario)
}

/** Throws unless `value` is not of another scenario; see {@link requireArgument}. @internal */
export function requireSameScenario(
  fn: string,
  scenario: Scenario,
  value: unknown,
  argument = 'proposal',
): void {
  if (ofAnotherScenario(scenario, value))
    throw new TypeError(
      `${fn}: ${argument}: expected a proposal of this scenario (fingerprint ${scenarioFingerprint(scenario)}), got one of another scenario (fingerprint ${(value as Proposal).scenarioFingerprint})`,
    )
}

/**
 * Why a backend refuses a run before it starts — `model` not a `Milp`, or
 * `RunOptions` refused — in one line, or `null`. Backends answer it as
 * status `error` with this message.
 * @internal
 */
export function runRefusal(model: unknown, options: unknown): string | null {
  if (!SHAPES.milp.test(model)) return `model: expected ${SHAPES.milp.expected}, got ${renderValue(model)}`
  const r = checkOptions(options, RUN_OPTION_SPEC)
  return r._tag === 'Left' ? r.left.message : null
}
