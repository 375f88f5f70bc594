import { describe, expect, it } from 'vitest'
import { fitExponent, scalingSvg } from '../../bench/scaling.js'

describe('fitExponent', () => {
  it('recovers the exponent of an exact power law (time = 3 · size^1.5)', () => {
    const points = [10, 100, 1000, 10_000].map((size) => ({ label: String(size), size, ms: 3 * size ** 1.5 }))
    const fit = fitExponent(points)
    expect(fit!.k).toBeCloseTo(1.5, 12)
    expect(10 ** fit!.a).toBeCloseTo(3, 9)
  })

  it('needs two distinct sizes', () => {
    expect(fitExponent([{ label: 'a', size: 10, ms: 5 }])).toBeNull()
    expect(
      fitExponent([
        { label: 'a', size: 10, ms: 5 },
        { label: 'b', size: 10, ms: 7 },
      ]),
    ).toBeNull()
  })

  it('prints the exponent in the figure', () => {
    const svg = scalingSvg(
      [
        { label: '60 cadres', size: 300, ms: 150 },
        { label: '1,200 cadres', size: 100_000, ms: 9000 },
      ],
      'title',
      'variables',
    )
    expect(svg).toMatch(/^<svg /)
    expect(svg).toContain('fitted exponent k = 0.70')
  })
})
