/**
 * `encodeScenario`: a scenario back into the plain JSON input format, every
 * field explicit (defaults written out, `openPosts` listed, the policy whole),
 * so that `decodeScenario(encodeScenario(s))` gives back `s`.
 *
 * @module
 */
import { requireScenario } from './door.js'
import type { Scenario } from '../domain/types.js'

/**
 * The plain JSON form of a scenario: fresh, mutable data (nothing shared with
 * `s`), ready for `JSON.stringify`, and decoding it gives `s` back.
 *
 * @param s - a scenario, typically from `decodeScenario`
 * @returns plain objects, arrays, strings, numbers, booleans and nulls
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category IO
 * @example
 * const r = decodeScenario({ asOf: '2025-06', county: 'Wengniute', cadres: [], teams: [] })
 * r._tag === 'Right' && (encodeScenario(r.right) as { openPosts: string[] }).openPosts
 * //=> []
 */
export function encodeScenario(s: Scenario): unknown {
  requireScenario('encodeScenario', s, 's')
  // The domain types are JSON data by design; an optional `score` left out stays left out.
  return JSON.parse(JSON.stringify(s)) as unknown
}
