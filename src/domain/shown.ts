/**
 * A short rendering of a refused argument for a domain function's message
 * (the domain imports nothing of ours; `io/errors.ts` has the full one).
 *
 * @module
 * @internal
 */

/** `"text"`, `42`, `null`, `an array`, `an object`, `a function`. @internal */
export function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 59)}…` : v)
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'object' && v !== null) return 'an object'
  if (typeof v === 'function') return 'a function'
  if (typeof v === 'symbol') return 'a symbol'
  return typeof v === 'bigint' ? `${v}n` : String(v)
}
