/**
 * The one source of randomness of the sample generators: sfc32 (Chris
 * Doty-Humphrey's Small Fast Counting generator, from PractRand), seeded
 * through splitmix32 so that neighbouring seeds give unrelated streams. Only
 * 32-bit integer arithmetic, so a seed gives the same stream on every platform;
 * `Math.random` is never used.
 *
 * @module
 */

/** A seeded stream of pseudo-random numbers and the few draws the generators need. */
export interface Rng {
  /** A float in `[0, 1)`. */
  readonly next: () => number
  /** An integer in `[min, max]`, both inclusive. */
  readonly int: (min: number, max: number) => number
  /** `true` with probability `p`. */
  readonly chance: (p: number) => boolean
  /** One item, uniformly. */
  readonly pick: <T>(items: readonly T[]) => T
  /** One item, with probability proportional to its weight. */
  readonly weighted: <T>(choices: readonly (readonly [T, number])[]) => T
  /** A shuffled copy (Fisher–Yates). */
  readonly shuffle: <T>(items: readonly T[]) => T[]
}

/**
 * A generator seeded with `seed` (any safe integer; the high bits are mixed in).
 * @example
 * const rng = createRng(42)
 * rng.int(1, 6) === createRng(42).int(1, 6)
 * //=> true
 */
export function createRng(seed: number): Rng {
  // splitmix32 turns the seed into four well-mixed state words
  let s = (seed >>> 0) ^ Math.imul(Math.floor(seed / 0x1_0000_0000) >>> 0, 0x27d4eb2d)
  const split = (): number => {
    s = (s + 0x9e3779b9) | 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = split()
  let b = split()
  let c = split()
  let d = split()
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 0x1_0000_0000
  }
  // the first outputs of sfc32 still show the seed; discard them as PractRand advises
  for (let i = 0; i < 12; i++) next()

  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('sample/random: pick from an empty list')
    return items[Math.floor(next() * items.length)] as T
  }
  const weighted = <T>(choices: readonly (readonly [T, number])[]): T => {
    let total = 0
    for (const [, w] of choices) total += w
    if (!(total > 0)) throw new Error('sample/random: weighted pick needs a positive total weight')
    let r = next() * total
    for (const [item, w] of choices) {
      r -= w
      if (r < 0) return item
    }
    return (choices[choices.length - 1] as readonly [T, number])[0]
  }
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = items.slice()
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      const tmp = out[i] as T
      out[i] = out[j] as T
      out[j] = tmp
    }
    return out
  }
  return { next, int, chance: (p) => next() < p, pick, weighted, shuffle }
}
