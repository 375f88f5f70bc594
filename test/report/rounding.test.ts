import { describe, expect, it } from 'vitest'
import * as words from '../../src/report/words.js'

// Imported as a namespace: before the helper existed, the test fails on its absence, not on the import.
const fixed = (words as Record<string, unknown>).fixed as ((x: number, d: number) => string) | undefined
const fixedDiff = (words as Record<string, unknown>).fixedDiff as
  ((a: number, b: number, d: number) => string) | undefined

describe('one rounding for every number the faces print (2)', () => {
  it('rounds halves away from zero, whatever their binary value', () => {
    expect(fixed).toBeTypeOf('function')
    // 46.65 is stored as 46.6499…, 69.25 exactly: toFixed gives 46.6 and 69.3.
    expect(fixed!(46.65, 1)).toBe('46.7')
    expect(fixed!(69.25, 1)).toBe('69.3')
    expect(fixed!(1.005, 2)).toBe('1.01')
    expect(fixed!(-46.65, 1)).toBe('-46.7')
    expect(fixed!(-0.04, 1)).toBe('0.0')
    expect(fixed!(0.1 + 0.2, 2)).toBe('0.30')
    expect(fixed!(1234567.125, 2)).toBe('1234567.13')
    expect(fixed!(0.000049999, 4)).toBe('0.0000')
    expect(fixed!(NaN, 2)).toBe('—')
    expect(fixed!(Infinity, 1)).toBe('—')
    expect(fixed!(5, 0)).toBe('5')
  })

  it('prints a difference as the difference of the printed values', () => {
    expect(fixedDiff).toBeTypeOf('function')
    // 753.925 − 750.814 = 3.111, but the values read 753.93 and 750.81.
    expect(fixedDiff!(753.925, 750.814, 2)).toBe('3.12')
    expect(fixedDiff!(1, 1, 2)).toBe('0.00')
    expect(fixedDiff!(0.04, 0.06, 1)).toBe('-0.1')
  })
})
