import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ageAt, monthIndex, monthsAfter } from '../../src/domain/time.js'

/** The definition: `YYYY-MM` read by a regular expression. */
function reference(ym: string): number {
  const m = /^(\d{4})-(\d{2})$/.exec(ym)
  return m === null ? Number.NaN : Number(m[1]) * 12 + Number(m[2]) - 1
}

describe('monthIndex', () => {
  it('reads YYYY-MM as the definition does, and anything else as NaN', () => {
    const digits = (n: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n })
    const near = fc
      .tuple(digits(4), fc.constantFrom('-', '/', '_'), digits(2), fc.constantFrom('', '1', ' '))
      .map(([y, sep, m, tail]) => `${y}${sep}${m}${tail}`)
    fc.assert(
      fc.property(fc.oneof(near, fc.string({ maxLength: 9 })), (s) => {
        expect(Object.is(monthIndex(s), reference(s))).toBe(true)
      }),
      { seed: 3, numRuns: 2000 },
    )
  })

  it('counts ages on the boundary month', () => {
    expect(ageAt('1990-09', '2026-09')).toBe(36)
    expect(ageAt('1990-10', '2026-09')).toBe(35)
    expect(monthIndex('0000-01')).toBe(0)
  })
})

describe('monthsAfter at the door', () => {
  it('refuses what is not a month or a whole number of months, naming it', () => {
    expect(() => monthsAfter('2026-13', 1)).toThrow(
      'monthsAfter: ym: expected a month YYYY-MM, got "2026-13"',
    )
    expect(() => monthsAfter('garbage', 1)).toThrow(TypeError)
    expect(() => monthsAfter('2026-09', 1.5)).toThrow(
      'monthsAfter: n: expected a whole number of months in ±120,000, got 1.5',
    )
    expect(() => monthsAfter('2026-09', Number.NaN)).toThrow(TypeError)
    expect(monthsAfter('2026-09', -21)).toBe('2024-12')
  })
})
