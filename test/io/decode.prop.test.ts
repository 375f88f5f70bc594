import fc from 'fast-check'
import { isRight } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeScenario, decodeScenarioWithWarnings, encodeScenario, formatPath } from '../../src/io/index.js'
import { full, valid } from './fixtures.js'
import { mutate, mutation } from './mutations.js'

// Fixed seed: a failure in CI reproduces locally (see STYLE.md, fast-check's NoRegression).
const params = { seed: 42 }

/** Left with well-formed issues, or Right that survives encode → decode unchanged. */
function checkOutcome(input: unknown): void {
  const r = decodeScenario(input)
  // the warnings come with exactly the scenarios decodeScenario accepts
  const w = decodeScenarioWithWarnings(input)
  expect(w._tag).toBe(r._tag)
  if (isRight(w) && isRight(r)) {
    expect(w.right.scenario).toEqual(r.right)
    for (const x of w.right.warnings) {
      expect(x.paths.length).toBeGreaterThanOrEqual(1)
      expect(x.message.zh.length * x.message.en.length).toBeGreaterThan(0)
    }
  }
  if (isRight(r)) {
    expect(decodeScenario(encodeScenario(r.right))).toEqual(r)
    return
  }
  expect(r.left._tag).toBe('InvalidScenario')
  expect(r.left.issues.length).toBeGreaterThanOrEqual(1)
  for (const i of r.left.issues) {
    expect(i.message).toBe(`${formatPath(i.path)}: expected ${i.expected}, got ${i.got}`)
    expect(i.message).not.toMatch(/\n/)
    expect(i.got.length).toBeLessThanOrEqual(120)
  }
}

const nasty = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
})

describe('decodeScenario (properties)', () => {
  it('never throws on anything', () => {
    fc.assert(
      fc.property(nasty, (u) => {
        checkOutcome(u)
      }),
      params,
    )
  })

  it('never throws on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (u) => {
        checkOutcome(u)
      }),
      params,
    )
  })

  it('never throws on a valid input with fields deleted or replaced', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(valid, full),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (make, ms) => {
          checkOutcome(mutate(make(), ms))
        },
      ),
      { ...params, numRuns: 500 },
    )
  })

  it('never throws on anything put inside a valid input', () => {
    fc.assert(
      fc.property(fc.nat(), nasty, (at, value) => {
        checkOutcome(mutate(full(), [{ at, value }]))
      }),
      params,
    )
  })

  it('is deterministic: the same input gives the same outcome', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
        expect(decodeScenario(mutate(full(), ms))).toEqual(decodeScenario(mutate(full(), ms)))
      }),
      params,
    )
  })

  it('reports at least one issue for a deleted required field', () => {
    const required = ['asOf', 'county', 'cadres', 'teams'] as const
    fc.assert(
      fc.property(fc.constantFrom(...required), (key) => {
        const input = full() as Record<string, unknown>
        delete input[key]
        const r = decodeScenario(input)
        expect(r._tag).toBe('Left')
      }),
      params,
    )
  })
})
