import { describe, expect, it } from 'vitest'
import { ageAt, monthIndex, monthsSince, yearOf } from '../../src/check/time.js'

describe('validator time', () => {
  it('indexes a month as year × 12 + (month − 1)', () => {
    expect(monthIndex('2024-06')).toBe(2024 * 12 + 5)
    expect(monthIndex('2025-01') - monthIndex('2024-12')).toBe(1)
  })

  it('gives NaN for anything but YYYY-MM', () => {
    for (const bad of ['2024-6', '2024-13', '2024-00', '2024-06-01', '', null, 202406]) {
      expect(monthIndex(bad)).toBeNaN()
    }
  })

  it('counts age in whole years: one month short of a birthday is still the year before', () => {
    const asOf = monthIndex('2024-06')
    expect(ageAt(asOf, '1989-06')).toBe(35)
    expect(ageAt(asOf, '1989-07')).toBe(34)
    expect(monthsSince(asOf, '2014-06')).toBe(120)
    expect(yearOf(asOf)).toBe(2024)
  })
})
