import { describe, expect, it } from 'vitest'

import { createRng } from '../../src/sample/random.js'

const draws = (seed: number, n = 20): number[] => {
  const rng = createRng(seed)
  return Array.from({ length: n }, () => rng.next())
}

describe('createRng', () => {
  it('gives the same stream for the same seed', () => {
    expect(draws(42)).toEqual(draws(42))
  })

  it('gives unrelated streams for neighbouring seeds, including seeds above 32 bits', () => {
    expect(draws(1)).not.toEqual(draws(2))
    expect(draws(1)).not.toEqual(draws(1 + 2 ** 32))
  })

  it('draws floats in [0, 1) with a mean near one half', () => {
    const xs = draws(7, 20_000)
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(0.5, 1)
  })

  it('draws integers in the inclusive range, reaching both ends', () => {
    const rng = createRng(3)
    const seen = new Set(Array.from({ length: 2_000 }, () => rng.int(-2, 3)))
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3])
  })

  it('picks by weight and never picks a zero weight', () => {
    const rng = createRng(5)
    const counts = { a: 0, b: 0, c: 0 }
    for (let i = 0; i < 10_000; i++)
      counts[
        rng.weighted<'a' | 'b' | 'c'>([
          ['a', 1],
          ['b', 3],
          ['c', 0],
        ])
      ]++
    expect(counts.c).toBe(0)
    // b has three times the weight of a: 7,500 ± a few standard deviations (σ ≈ 43)
    expect(Math.abs(counts.b - 7_500)).toBeLessThan(250)
  })

  it('shuffles into a permutation of a copy, leaving the input as it was', () => {
    const input = Array.from({ length: 50 }, (_, i) => i)
    const out = createRng(9).shuffle(input)
    expect(out).not.toEqual(input)
    expect([...out].sort((a, b) => a - b)).toEqual(input)
  })

  it('throws on a pick from nothing (a programmer error)', () => {
    expect(() => createRng(1).pick([])).toThrow(/sample\/random/)
    expect(() => createRng(1).weighted([['a', 0]])).toThrow(/positive total/)
  })
})
