/**
 * Benchmark instances: generated counties under the full default policy, and
 * variants that each stress one part of the model. Every instance is a pure
 * function of its name, so a child process rebuilds exactly the parent's.
 */
import type { Scenario } from '../src/domain/types.js'
import { contextOf, eligibility, PAIR_FLAG } from '../src/rules/index.js'
import { generateScenario } from '../src/sample/index.js'

/** The bench's seed (also that of the earlier figures in docs/benchmarks.md). */
export const SEED = 2026

/** Variants; `default` is the generator's county as is. */
export const VARIANTS = ['default', 'tight-quotas', 'many-kin', 'many-locks', 'long-tenure'] as const
export type Variant = (typeof VARIANTS)[number]

/** mulberry32: a tiny seeded PRNG, so the variants are the same on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Two women and two minority members in every team of ≥ 3 posts (the default asks for one). */
const tightQuotas = (cadres: number): Scenario =>
  generateScenario({
    seed: SEED,
    cadres,
    policy: { structure: { women: { min: 2, minTeamSize: 3 }, minority: { min: 2 } } },
  })

/**
 * Cadres in play (reserve cadres and incumbents of open posts) get sibling
 * links: one in four to a random other cadre in play, both directions, so kin
 * avoidance binds often. Members who stay are left alone: a kin pair among
 * them could not be resolved by any staffing.
 */
function manyKin(s: Scenario): Scenario {
  const next = mulberry32(SEED + 1)
  const open = new Set(s.openPosts)
  const inPlay = s.cadres.filter((c) => c.currentPost === null || open.has(c.currentPost.postId))
  const extra = new Map<string, string[]>()
  const link = (a: string, b: string) => extra.set(a, [...(extra.get(a) ?? []), b])
  for (const c of inPlay)
    if (next() < 0.25) {
      const other = inPlay[Math.floor(next() * inPlay.length)]!
      if (other.id === c.id) continue
      link(c.id, other.id)
      link(other.id, c.id)
    }
  return {
    ...s,
    cadres: s.cadres.map((c) => ({
      ...c,
      kin: [
        ...c.kin,
        ...(extra.get(c.id) ?? []).map((cadreId) => ({ cadreId, relation: 'sibling' as const })),
      ],
    })),
  }
}

/** Half the open posts whose incumbent may stay are locked to that incumbent (a user's "keep these"). */
function manyLocks(s: Scenario): Scenario {
  const ctx = contextOf(s)
  const e = eligibility(ctx)
  const locks: { cadreId: string; postId: string }[] = []
  for (let k = 0; k < e.size; k += 2)
    if ((e.flags[k]! & PAIR_FLAG.stay) !== 0)
      locks.push({ cadreId: s.cadres[e.cadre[k]!]!.id, postId: s.openPosts[e.post[k]!]! })
  return { ...s, locks: [...s.locks, ...locks] }
}

/**
 * In every team, the incumbent of the first open post has held it 12 years
 * longer: past the 10-year must-rotate limit, so that cadre has to move. One
 * per team: a team may change only a third of its posts in a round, so
 * forcing more out would only make the county infeasible.
 */
function longTenure(s: Scenario): Scenario {
  const back = (ym: string) => `${Number(ym.slice(0, 4)) - 12}${ym.slice(4)}`
  const first = new Set<string>()
  for (const t of s.teams) {
    const p = t.posts.find((p) => s.openPosts.includes(p.id))
    if (p !== undefined) first.add(p.id)
  }
  return {
    ...s,
    cadres: s.cadres.map((c) =>
      c.currentPost === null || !first.has(c.currentPost.postId)
        ? c
        : { ...c, currentPost: { ...c.currentPost, since: back(c.currentPost.since) } },
    ),
  }
}

/** The scenario of a (size, variant) case. */
export function countyInstance(cadres: number, variant: Variant): Scenario {
  if (variant === 'tight-quotas') return tightQuotas(cadres)
  const s = generateScenario({ seed: SEED, cadres })
  if (variant === 'many-kin') return manyKin(s)
  if (variant === 'many-locks') return manyLocks(s)
  if (variant === 'long-tenure') return longTenure(s)
  return s
}
