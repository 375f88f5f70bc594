/**
 * Building blocks of the input codecs: io-ts types that also carry the JSON
 * Schema fragment they accept. `docs/scenario.schema.json` is generated from
 * the same definitions that decode, so the two cannot drift apart.
 *
 * Every failure names what was expected in words a user understands: the
 * `name` of the type at the failing position, or the failure's own message
 * when a leaf knows better (see `errors.ts`, which maps them into issues).
 *
 * @module
 * @internal
 */
import * as t from 'io-ts'
import { isRight } from 'fp-ts/lib/Either.js'
import { ETHNIC_GROUPS, parseEthnicity } from '../domain/ethnicity.js'
import { knownKeyExpectation } from './known-key.js'

/** A fragment of JSON Schema (draft 2020-12). @internal */
export type JsonSchema = { readonly [key: string]: unknown }

/** An io-ts type of the input format, with the JSON Schema it accepts. @internal */
export type Codec<A> = t.Type<A, unknown, unknown> & { readonly schema: JsonSchema }

/** The decoded type of a codec. @internal */
export type TypeOf<C> = C extends Codec<infer A> ? A : never

/** Outcome of a leaf check: the value, or what was expected instead (defaults to the codec's name). */
export type Parsed<A> =
  { readonly ok: true; readonly value: A } | { readonly ok: false; readonly expected?: string }

const ok = <A>(value: A): Parsed<A> => ({ ok: true, value })
const no = (expected?: string): Parsed<never> =>
  expected === undefined ? { ok: false } : { ok: false, expected }

/** Builds a codec from its name, a validate function and its schema. @internal */
export function codec<A>(name: string, validate: t.Validate<unknown, A>, schema: JsonSchema): Codec<A> {
  const type: t.Type<A, unknown, unknown> = new t.Type<A, unknown, unknown>(
    name,
    (u): u is A => isRight(validate(u, [{ key: '', type, actual: u }])),
    validate,
    t.identity,
  )
  return Object.assign(type, { schema })
}

/** A codec of a single value checked by `parse`. @internal */
export function leaf<A>(name: string, schema: JsonSchema, parse: (u: unknown) => Parsed<A>): Codec<A> {
  return codec(
    name,
    (u, c) => {
      const r = parse(u)
      return r.ok ? t.success(r.value) : t.failure(u, c, r.expected)
    },
    schema,
  )
}

// ---------------------------------------------------------------------------
// leaves
// ---------------------------------------------------------------------------

/** A string with at least one character. @internal */
export const nonEmptyString = leaf<string>('non-empty string', { type: 'string', minLength: 1 }, (u) =>
  typeof u === 'string' && u.length > 0 ? ok(u) : no(),
)

/** `true` or `false`. @internal */
export const boolean = leaf<boolean>('boolean', { type: 'boolean' }, (u) =>
  typeof u === 'boolean' ? ok(u) : no(),
)

/** Bounds of a number codec. */
export interface NumberBounds {
  readonly min?: number
  readonly max?: number
  readonly integer?: boolean
}

/**
 * A finite number within bounds. `-0` is read as `0` so that a decoded
 * scenario compares equal to its re-encoded JSON form.
 * @internal
 */
export function number(bounds: NumberBounds = {}): Codec<number> {
  const { min, max, integer = false } = bounds
  const what = integer ? 'integer' : 'number'
  const name =
    min !== undefined && max !== undefined
      ? `${what} in ${min}–${max}`
      : min !== undefined
        ? `${what} ≥ ${min}`
        : max !== undefined
          ? `${what} ≤ ${max}`
          : `finite ${what}`
  const schema: JsonSchema = {
    type: integer ? 'integer' : 'number',
    ...(min === undefined ? {} : { minimum: min }),
    ...(max === undefined ? {} : { maximum: max }),
  }
  return leaf(name, schema, (u) =>
    typeof u === 'number' &&
    Number.isFinite(u) &&
    (!integer || Number.isInteger(u)) &&
    (min === undefined || u >= min) &&
    (max === undefined || u <= max)
      ? ok(u === 0 ? 0 : u)
      : no(),
  )
}

/** The first and last year a `YYYY-MM` may name. */
export const YEAR_RANGE = { min: 1900, max: 2100 } as const

/** A month `YYYY-MM`, month 01–12, year 1900–2100. @internal */
export const yearMonth = leaf<string>(
  'YYYY-MM',
  {
    type: 'string',
    pattern: '^(19[0-9]{2}|20[0-9]{2}|2100)-(0[1-9]|1[0-2])$',
    description: 'A month written YYYY-MM (month 01–12, year 1900–2100).',
  },
  (u) => {
    const m = typeof u === 'string' ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(u) : null
    if (m === null) return no()
    const year = Number(m[1])
    return year >= YEAR_RANGE.min && year <= YEAR_RANGE.max
      ? ok(u as string)
      : no(`YYYY-MM with a year in ${YEAR_RANGE.min}–${YEAR_RANGE.max}`)
  },
)

/**
 * What an ethnicity's text may be (see {@link parseEthnicity}): a GB 3304
 * number (`1`–`56`, `97`, `98`, with a leading zero or not) with blanks
 * around, or text without digits that is not only blanks and the marks a
 * name may hold (hyphens, apostrophes, dots).
 */
const ETHNICITY_PATTERN = "^\\s*(0?[1-9]|[1-4][0-9]|5[0-6]|9[78])\\s*$|^[^0-9]*[^0-9\\s\\-'’.·][^0-9]*$"

/**
 * An ethnicity in any form {@link parseEthnicity} reads (canonical code, GB
 * 3304 number, Chinese or English name), decoded to its canonical code.
 * @internal
 */
export const ethnicity = leaf<string>(
  "one of China's 56 ethnic groups (GB 3304)",
  {
    type: 'string',
    // What decode may read, no more: a GB 3304 number (digits only), or a name, which has no digit.
    // Which names are known is in the description: the decoder refuses any other.
    pattern: ETHNICITY_PATTERN,
    description:
      'An ethnic group of GB 3304, decoded to its canonical code: the canonical code (han, mongol…), the GB 3304 number ("01" or "1": 1–56, 97 or 98, digits only), the Chinese name with or without 族 (汉族, 汉) or the English name or a usual spelling of it in any case, blanks, hyphens, apostrophes and dots aside (Han, Mongolian, De\'ang). The pattern admits any name without digits; only those of the 56 groups (and other, foreign-origin) decode.',
    examples: ETHNIC_GROUPS.map((e) => e.code),
  },
  (u) => {
    const code = typeof u === 'string' ? parseEthnicity(u) : undefined
    if (code !== undefined) return ok(code)
    // "1.0" as a spreadsheet exports 01: say how a number is written rather than guess
    return typeof u === 'string' && /\d/.test(u)
      ? no(
          `one of China's 56 ethnic groups (GB 3304); a GB 3304 number is written in digits only, 1–56, 97 or 98 ("01" or "1")`,
        )
      : no()
  },
)

/** One of a fixed list of strings; the name lists them all. @internal */
export function oneOf<T extends string>(values: readonly T[]): Codec<T> {
  const allowed = new Set<unknown>(values)
  return leaf<T>(`one of ${values.map((v) => JSON.stringify(v)).join(', ')}`, { enum: [...values] }, (u) =>
    allowed.has(u) ? ok(u as T) : no(),
  )
}

/**
 * The values of a string union, listed once in a record so the compiler
 * checks that none is missing and none is extra. Order is the record's order.
 * @internal
 */
export function literals<T extends string>(record: Readonly<Record<T, true>>): readonly T[] {
  return Object.freeze(Object.keys(record) as T[])
}

// ---------------------------------------------------------------------------
// combinators
// ---------------------------------------------------------------------------

/** Appends in a loop: spreading a million errors into `push` would overflow the stack. */
function append<T>(target: T[], source: readonly T[]): void {
  for (const x of source) target.push(x)
}

/** `null` or a value of `inner`. @internal */
export function nullable<A>(inner: Codec<A>): Codec<A | null> {
  return codec<A | null>(
    `${inner.name} or null`,
    (u, c) => (u === null ? t.success(null) : inner.validate(u, c)),
    { anyOf: [inner.schema, { type: 'null' }] },
  )
}

/** An array of `item`; every failing item is reported. @internal */
export function array<A>(item: Codec<A>, name = 'array'): Codec<readonly A[]> {
  return codec<readonly A[]>(
    name,
    (u, c) => {
      if (!Array.isArray(u)) return t.failure(u, c)
      const out: A[] = []
      const errors: t.ValidationError[] = []
      u.forEach((x: unknown, i) => {
        const r = item.validate(x, t.appendContext(c, String(i), item, x))
        if (isRight(r)) out.push(r.right)
        else append(errors, r.left)
      })
      return errors.length > 0 ? t.failures(errors) : t.success(out)
    },
    { type: 'array', items: item.schema },
  )
}

/**
 * Keys every object has (`__proto__` would even be dropped from a plain
 * object): no dictionary's key, nor a step of a policy sheet's path.
 * @internal
 */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/** What a dictionary's key named in {@link UNSAFE_KEYS} should have been. */
const SAFE_KEY = 'a key other than "__proto__", "constructor" and "prototype" (names every object has)'

/**
 * An object whose keys are free (non-empty) and whose values are all of
 * `value`, e.g. indicator code → score. Every failing value is reported at
 * its key; so is a key named as a property of every object (`__proto__`,
 * `constructor`, `prototype`), which would be lost or misread. @internal
 */
export function dictionary<A>(value: Codec<A>, name = 'object'): Codec<Readonly<Record<string, A>>> {
  return codec<Readonly<Record<string, A>>>(
    name,
    (u, c) => {
      if (!isPlainRecord(u)) return t.failure(u, c)
      const out: Record<string, A> = {}
      const errors: t.ValidationError[] = []
      for (const k of Object.keys(u)) {
        const v = u[k]
        if (UNSAFE_KEYS.has(k)) {
          errors.push({ value: v, context: t.appendContext(c, k, value, v), message: SAFE_KEY })
          continue
        }
        const r = value.validate(v, t.appendContext(c, k, value, v))
        if (isRight(r)) out[k] = r.right
        else append(errors, r.left)
      }
      return errors.length > 0 ? t.failures(errors) : t.success(out)
    },
    {
      type: 'object',
      propertyNames: { minLength: 1, not: { pattern: `^(${[...UNSAFE_KEYS].join('|')})$` } },
      additionalProperties: value.schema,
    },
  )
}

/** Either of two codecs, tried in order; a failure names both (`a or b`). @internal */
export function either<A, B>(a: Codec<A>, b: Codec<B>): Codec<A | B> {
  return codec<A | B>(
    `${a.name} or ${b.name}`,
    (u, c) => {
      const mark = unread?.length
      const ra = a.validate(u, c)
      if (isRight(ra)) return ra
      // what a failed branch found unread is no key of the value as read
      if (unread !== undefined && mark !== undefined) unread.length = mark
      const rb = b.validate(u, c)
      if (isRight(rb)) return rb
      // report the branch of the value's own shape: an array goes to the array branch
      return Array.isArray(u) && b.schema['type'] === 'array' ? rb : t.failure(u, c)
    },
    { anyOf: [a.schema, b.schema] },
  )
}

/** A field of an object codec. @internal */
export interface Field<A> {
  readonly codec: t.Decoder<unknown, unknown> & { readonly schema: JsonSchema }
  readonly required: boolean
  /** Value of a missing field (`undefined` when the default depends on context). */
  readonly fallback: A | undefined
  readonly description: string
  /** Shown as `default` in the schema. */
  readonly hasDefault: boolean
  /** Phantom: the decoded type of the field. */
  readonly _A?: A
}

/** A required field. @internal */
export function req<A>(c: Codec<A>, description: string): Field<A> {
  return { codec: c, required: true, fallback: undefined, description, hasDefault: false }
}

/** An optional field taking `fallback` when missing (or `undefined`). @internal */
export function opt<A>(c: Codec<A>, fallback: A, description: string): Field<A> {
  return { codec: c, required: false, fallback, description, hasDefault: true }
}

/** An optional field whose default depends on context: decoded as `undefined` when missing. @internal */
export function maybe<A>(c: Codec<A>, description: string): Field<A | undefined> {
  return { codec: c, required: false, fallback: undefined, description, hasDefault: false }
}

/** A record of fields. */
export type Fields = { readonly [key: string]: Field<unknown> }

/** The decoded record of a set of fields. */
export type FieldsOf<F extends Fields> = { readonly [K in keyof F]: F[K] extends Field<infer A> ? A : never }

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k)

/** A plain record (what the snapshot of a JSON object is); never an opaque marker or an array. @internal */
export const isPlainRecord = (u: unknown): u is Record<string, unknown> => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false
  const proto: unknown = Object.getPrototypeOf(u)
  return proto === null || proto === Object.prototype
}

const unknownKey = leaf<never>('a known key', {}, () => no())

/**
 * A key of the input that an object codec does not read (and drops), where it
 * was found: reported as a warning (`input.unknown-key`), see
 * {@link collectingUnread}.
 * @internal
 */
export interface UnreadKey {
  /** The context of the key's value (its path, see `errors.ts`). */
  readonly context: t.Context
  readonly key: string
  /** The name of the object codec (`cadre object`). */
  readonly object: string
  /** The keys that object reads. */
  readonly known: readonly string[]
}

/** Where the object codecs record the keys they drop, while {@link collectingUnread} runs. */
let unread: UnreadKey[] | undefined

/**
 * Runs `f` (a validation), collecting the keys the non-strict object codecs
 * it runs drop, in the order they were found. Outside such a run they are
 * dropped unseen, at no cost.
 * @internal
 */
export function collectingUnread<T>(f: () => T): {
  readonly result: T
  readonly unread: readonly UnreadKey[]
} {
  const outer = unread
  const mine: UnreadKey[] = []
  unread = mine
  try {
    return { result: f(), unread: mine }
  } finally {
    unread = outer
  }
}

/**
 * An object with the given fields; the result holds exactly those fields.
 * Unknown keys are errors when `strict` (the policy, where a typo must not be
 * silently ignored); otherwise they are dropped, and recorded while
 * {@link collectingUnread} runs (a warning), except those listed in `ignored`
 * (documented as ignored, such as `$schema`).
 * @internal
 */
export function object<F extends Fields>(
  name: string,
  fields: F,
  options: {
    readonly strict?: boolean
    readonly description?: string
    readonly ignored?: readonly string[]
  } = {},
): Codec<FieldsOf<F>> {
  const keys = Object.keys(fields)
  const ignored = new Set(options.ignored ?? [])
  const validate: t.Validate<unknown, FieldsOf<F>> = (u, c) => {
    if (!isPlainRecord(u)) return t.failure(u, c)
    const out: Record<string, unknown> = {}
    const errors: t.ValidationError[] = []
    for (const k of keys) {
      const field = fields[k]!
      const v = hasOwn(u, k) ? u[k] : undefined
      if (v === undefined && !field.required) {
        out[k] = field.fallback
        continue
      }
      const r = field.codec.validate(v, t.appendContext(c, k, field.codec, v))
      if (isRight(r)) out[k] = r.right
      else append(errors, r.left)
    }
    if (options.strict === true) {
      for (const k of Object.keys(u)) {
        if (hasOwn(fields, k)) continue
        const v = u[k]
        errors.push({
          value: v,
          context: t.appendContext(c, k, unknownKey, v),
          message: knownKeyExpectation(k, keys),
        })
      }
    } else if (unread !== undefined) {
      for (const k of Object.keys(u)) {
        if (hasOwn(fields, k) || ignored.has(k)) continue
        unread.push({ context: t.appendContext(c, k, unknownKey, u[k]), key: k, object: name, known: keys })
      }
    }
    return errors.length > 0 ? t.failures(errors) : t.success(out as FieldsOf<F>)
  }
  const properties: Record<string, JsonSchema> = {}
  for (const k of keys) {
    const f = fields[k]!
    properties[k] = {
      ...f.codec.schema,
      description: f.description,
      ...(f.hasDefault ? { default: f.fallback } : {}),
    }
  }
  return codec(name, validate, {
    type: 'object',
    ...(options.description === undefined ? {} : { description: options.description }),
    properties,
    required: keys.filter((k) => fields[k]!.required),
    additionalProperties: options.strict !== true,
  })
}
