/**
 * Random damage to a valid input, for the property tests: a field deleted or
 * replaced, at any depth. Replacements mix arbitrary values with values that
 * are almost right (another id, a month after asOf, an empty string), so that
 * cross-reference checks are reached as well as shape checks.
 */
import fc from 'fast-check'
import type { Json } from './fixtures.js'

type Path = (string | number)[]

/** Every path inside a JSON value, parents before children. */
export function pathsOf(v: Json, prefix: Path = []): Path[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => [[...prefix, i], ...pathsOf(x, [...prefix, i])])
  if (v !== null && typeof v === 'object') {
    return Object.keys(v).flatMap((k) => [[...prefix, k], ...pathsOf(v[k]!, [...prefix, k])])
  }
  return []
}

const nearlyRight: Json[] = [
  '',
  'C1',
  'C2',
  'P1',
  'P2',
  'P4',
  'T1',
  '2030-01',
  '1985/13',
  '2025-06',
  'all',
  'head',
  'member',
  'division-chief',
  'female',
  -1,
  0,
  101,
  2026,
  1.5,
  true,
  null,
  [],
  {},
  { cadreId: 'C1', postId: 'P1' },
  // ethnicities, places, ids with blanks, numbers at and beyond the policy's limits
  '汉族',
  '蒙古',
  'Mongolian',
  '01',
  'Hann',
  '清溪县和溪镇',
  '和溪镇',
  '150421',
  ' C1',
  16,
  81,
  1e6,
  1e300,
  1e308,
]

/** One change: delete the field at a path, or replace its value. */
export type Mutation = { readonly at: number; readonly value?: unknown }

/** A JSON replacement value: nearly right or any JSON value. */
const jsonReplacement: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...nearlyRight) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
)

/** A replacement value: nearly right, any JSON value, or (rarely) anything at all. */
const replacement: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: jsonReplacement },
  {
    weight: 1,
    arbitrary: fc.anything({ maxDepth: 2, withBigInt: true, withMap: true, withNullPrototype: true }),
  },
)

/** A deletion or a replacement by any value. */
export const mutation: fc.Arbitrary<Mutation> = fc.record(
  { at: fc.nat(), value: replacement },
  { requiredKeys: ['at'] },
)

/** A deletion or a replacement by a JSON value: the result is still JSON. */
export const jsonMutation: fc.Arbitrary<Mutation> = fc.record(
  { at: fc.nat(), value: jsonReplacement },
  { requiredKeys: ['at'] },
)

/** Applies the mutations, in order, to `input` (changed in place and returned). */
export function mutate(input: Json, mutations: readonly Mutation[]): unknown {
  for (const m of mutations) {
    const paths = pathsOf(input)
    if (paths.length === 0) break
    const path = paths[m.at % paths.length]!
    let node = input as Record<string | number, unknown>
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
    const last = path[path.length - 1]!
    if (!('value' in m)) {
      if (Array.isArray(node)) node.splice(last as number, 1)
      else delete node[last]
    } else node[last] = m.value
  }
  return input
}
