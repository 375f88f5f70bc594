/**
 * Recommendation support (推荐情况) of a cadre for a post, read from
 * `scenario.recommendations`: the mean vote share over the rater groups that
 * voted on the post, and the real-name recommenders. One reading serves the
 * fit's `support` component, the gate `recommendation.required` and the tie
 * order of ranked proposals (docs/rules.md, "Recommendation").
 *
 * @module
 */
import type { SupportPolicy } from '../domain/policy.js'
import type { RecommendationTally, Scenario } from '../domain/types.js'

/** What the tallies say of one cadre for one post. @category Scoring */
export interface SupportReading {
  /** Mean over the rater groups that voted on the post (or on any post) of the cadre's vote share; 0 without votes. */
  readonly share: number
  /** Distinct real-name recommenders for the post or for any post. */
  readonly named: number
  /** Rater groups the mean is over. */
  readonly groups: number
}

const NONE: SupportReading = { share: 0, named: 0, groups: 0 }

/** The tallies of a scenario indexed by cadre and post, read once per scenario. */
class SupportTable {
  /** Cadre id → its tallies (post-specific and any-post). */
  private readonly byCadre = new Map<string, RecommendationTally[]>()
  /** Post id → the groups that voted on it; `''` holds the groups of any-post tallies. */
  private readonly groupsOf = new Map<string, Set<string>>()
  private readonly readings = new Map<string, SupportReading>()

  constructor(tallies: readonly RecommendationTally[]) {
    for (const t of tallies) {
      let list = this.byCadre.get(t.cadreId)
      if (list === undefined) this.byCadre.set(t.cadreId, (list = []))
      list.push(t)
      const key = t.postId ?? ''
      let groups = this.groupsOf.get(key)
      if (groups === undefined) this.groupsOf.set(key, (groups = new Set()))
      for (const v of t.votes) groups.add(v.group)
    }
  }

  read(cadreId: string, postId: string): SupportReading {
    const list = this.byCadre.get(cadreId)
    if (list === undefined) return NONE
    const key = `${cadreId}\u0000${postId}`
    let r = this.readings.get(key)
    if (r !== undefined) return r
    const groups = new Set([...(this.groupsOf.get(postId) ?? []), ...(this.groupsOf.get('') ?? [])])
    const best = new Map<string, number>()
    const named = new Set<string>()
    for (const t of list) {
      if (t.postId !== null && t.postId !== postId) continue
      for (const v of t.votes) {
        const share = v.voters > 0 ? Math.min(1, v.votes / v.voters) : 0
        best.set(v.group, Math.max(best.get(v.group) ?? 0, share))
      }
      for (const name of t.recommenders) named.add(name)
    }
    let sum = 0
    for (const g of groups) sum += best.get(g) ?? 0
    r = { share: groups.size === 0 ? 0 : sum / groups.size, named: named.size, groups: groups.size }
    this.readings.set(key, r)
    return r
  }
}

const TABLES = new WeakMap<Scenario, SupportTable>()

function tableOf(scenario: Scenario): SupportTable {
  let t = TABLES.get(scenario)
  if (t === undefined) TABLES.set(scenario, (t = new SupportTable(scenario.recommendations ?? [])))
  return t
}

/** What the scenario's tallies say of a cadre for a post. @internal */
export function supportReading(scenario: Scenario, cadreId: string, postId: string): SupportReading {
  return tableOf(scenario).read(cadreId, postId)
}

/**
 * The support component in `[0, 1]`: the vote share weighted `votes` and the
 * real-name recommenders (full at `namedForFull`) weighted `named`,
 * normalised; 0 when both weights are 0. @internal
 */
export function supportValue(reading: SupportReading, policy: SupportPolicy): number {
  const sum = policy.votes + policy.named
  if (!(sum > 0)) return 0
  const named = policy.namedForFull > 0 ? Math.min(1, reading.named / policy.namedForFull) : 0
  return (policy.votes * reading.share + policy.named * named) / sum
}

/**
 * Whether the tallies recommend the cadre for the post, as the gate
 * `recommendation.required` reads them: a real-name recommender, or votes
 * whose mean share is above 0 and at least `minShare`. @internal
 */
export function isRecommended(reading: SupportReading, minShare: number): boolean {
  return reading.named > 0 || (reading.share > 0 && reading.share >= minShare)
}

/** The support component of a cadre for a post under the scenario's policy. @internal */
export function supportOf(scenario: Scenario, cadreId: string, postId: string): number {
  return supportValue(supportReading(scenario, cadreId, postId), scenario.policy.fit.support)
}
