/**
 * A defensive copy of untrusted input into plain data, before any codec sees
 * it. Getters run once (and may throw), cycles end, exotic objects (Date, Map,
 * Proxy, functions) and oversized values are replaced by an {@link Opaque}
 * marker that every codec rejects. After this step decoding reads only plain
 * records and arrays, so it cannot throw and never shares a reference with the
 * caller's input.
 *
 * @module
 * @internal
 */
import { formatPath } from './path.js'

/** Limits of the snapshot: far above any real county (2,000 cadres, 200 teams), far below a hang. @internal */
export const SNAPSHOT_LIMITS = {
  /** The deepest input the format uses is 6 levels (policy age bands); deeper data is never read. */
  maxDepth: 24,
  maxArrayLength: 100_000,
  /** Values read in total; a guard against huge inputs hidden in keys the format ignores. */
  maxNodes: 5_000_000,
} as const

/**
 * A value the snapshot would not copy; `got` describes it for the issue.
 * Not a plain record, so codecs reject it wherever the format looks.
 * @internal
 */
export class Opaque {
  constructor(readonly got: string) {
    Object.freeze(this)
  }
}

function describeError(e: unknown): string {
  try {
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e)
    return text.length > 60 ? `${text.slice(0, 59)}…` : text
  } catch {
    return 'an error'
  }
}

function tagOf(u: object): string {
  const tag = Object.prototype.toString.call(u).slice(8, -1)
  return /^[AEIOU]/.test(tag) ? `an ${tag}` : `a ${tag}`
}

/** The way from the root to a value, kept as links: built for every value, read only for a cycle. */
type Trail = { readonly up: Trail; readonly key: string | number } | null

function pathOf(trail: Trail): (string | number)[] {
  const path: (string | number)[] = []
  for (let t = trail; t !== null; t = t.up) path.unshift(t.key)
  return path
}

/**
 * Copies `input` into null-prototype records, arrays and primitives, or
 * {@link Opaque} markers where it cannot. Never throws.
 * @internal
 */
export function snapshot(input: unknown): unknown {
  const ancestors = new Map<object, Trail>()
  let nodes = 0

  const read = (holder: object, key: string | number, trail: Trail, depth: number) => {
    let v: unknown
    try {
      v = (holder as Record<string | number, unknown>)[key]
    } catch (e) {
      return new Opaque(`an unreadable value (reading it threw ${describeError(e)})`)
    }
    return copy(v, { up: trail, key }, depth + 1)
  }

  const copy = (u: unknown, trail: Trail, depth: number): unknown => {
    nodes += 1
    if (nodes > SNAPSHOT_LIMITS.maxNodes) {
      return new Opaque(`a value past the input size limit (${SNAPSHOT_LIMITS.maxNodes} values)`)
    }
    if (typeof u === 'function') return new Opaque('a function')
    if (typeof u !== 'object' || u === null) return u
    try {
      if (depth > SNAPSHOT_LIMITS.maxDepth) {
        return new Opaque(`a value nested more than ${SNAPSHOT_LIMITS.maxDepth} levels deep`)
      }
      const earlier = ancestors.get(u)
      if (earlier !== undefined) return new Opaque(`a circular reference to ${formatPath(pathOf(earlier))}`)
      ancestors.set(u, trail)
      try {
        if (Array.isArray(u)) {
          const length: unknown = u.length
          if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
            return new Opaque('an array of unreadable length')
          }
          if (length > SNAPSHOT_LIMITS.maxArrayLength) {
            return new Opaque(`an array of ${length} items (more than ${SNAPSHOT_LIMITS.maxArrayLength})`)
          }
          const out: unknown[] = []
          for (let i = 0; i < length; i++) out.push(read(u, i, trail, depth))
          return out
        }
        if (Object.prototype.toString.call(u) !== '[object Object]') return new Opaque(tagOf(u))
        // Null prototype: a key "__proto__" or "constructor" is plain data, never inherited,
        // and assigning "__proto__" creates an own property (its setter lives on Object.prototype).
        const out = Object.create(null) as Record<string, unknown>
        for (const key of Object.keys(u)) out[key] = read(u, key, trail, depth)
        return out
      } finally {
        ancestors.delete(u)
      }
    } catch (e) {
      // a Proxy whose traps throw, or a revoked one
      return new Opaque(`an unreadable value (${describeError(e)})`)
    }
  }

  return copy(input, null, 0)
}
