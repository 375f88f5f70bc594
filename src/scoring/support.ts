/**
 * Recommendation support (推荐情况) of a cadre for a post, read from
 * `scenario.recommendations`: the mean vote share over the rater groups that
 * voted on the post, and the real-name recommenders. One reading serves the
 * fit's `support` component, the gate `recommendation.required` and the tie
 * order of ranked proposals (docs/rules.md, "Recommendation support").
 *
 * @module
 */
import type { SupportPolicy } from '../domain/policy.js'
import type { RecommendationTally, Scenario } from '../domain/types.js'

/** What the tallies say of one cadre for one post. @category Scoring */
export interface SupportReading {
  /**
   * Mean over the rater groups that voted on the post (or on any post) of the
   * cadre's vote share in each, to 1e-9; 0 without votes.
   */
  readonly share: number
  /** Distinct real-name recommenders for the post or for any post. */
  readonly named: number
  /** Rater groups the mean is over. */
  readonly groups: number
}

/** A cadre's tallies: for any post, read once, and for each post named. */
interface CadreTallies {
  /** Best share in each group of the any-post tallies. */
  readonly anyBest: Map<string, number>
  readonly anyNamed: Set<string>
  readonly byPost: Map<string, RecommendationTally[]>
  /** The reading for a post no tally names. */
  anyReading: SupportReading | null
  /** Readings for posts that tallies name, computed when asked. */
  readonly postReadings: Map<string, SupportReading>
}

const shareOf = (votes: number, voters: number): number => (voters > 0 ? Math.min(1, votes / voters) : 0)

/**
 * The mean of `best` over `groups` (sorted, so that the sum is the same
 * whatever order the tallies came in), to 1e-9.
 */
function meanOver(groups: readonly string[], best: (g: string) => number): number {
  if (groups.length === 0) return 0
  let sum = 0
  for (const g of groups) sum += best(g)
  return Math.round((sum / groups.length) * 1e9) / 1e9
}

/** The tallies of a scenario indexed by cadre and post, read once per scenario. */
class SupportTable {
  private readonly byCadre = new Map<string, CadreTallies>()
  /** The groups of any-post tallies, sorted. */
  private readonly anyGroups: readonly string[]
  /** Post id → the groups that voted on it or on any post, sorted; only posts a tally names. */
  private readonly postGroups = new Map<string, readonly string[]>()

  constructor(tallies: readonly RecommendationTally[]) {
    const any = new Set<string>()
    const byPost = new Map<string, Set<string>>()
    for (const t of tallies) {
      let c = this.byCadre.get(t.cadreId)
      if (c === undefined)
        this.byCadre.set(
          t.cadreId,
          (c = {
            anyBest: new Map(),
            anyNamed: new Set(),
            byPost: new Map(),
            anyReading: null,
            postReadings: new Map(),
          }),
        )
      if (t.postId === null) {
        for (const v of t.votes) {
          any.add(v.group)
          c.anyBest.set(v.group, Math.max(c.anyBest.get(v.group) ?? 0, shareOf(v.votes, v.voters)))
        }
        for (const name of t.recommenders) c.anyNamed.add(name)
      } else {
        let list = c.byPost.get(t.postId)
        if (list === undefined) c.byPost.set(t.postId, (list = []))
        list.push(t)
        let groups = byPost.get(t.postId)
        if (groups === undefined) byPost.set(t.postId, (groups = new Set()))
        for (const v of t.votes) groups.add(v.group)
      }
    }
    this.anyGroups = [...any].sort()
    for (const [postId, groups] of byPost)
      this.postGroups.set(postId, [...new Set([...groups, ...any])].sort())
  }

  /** Whether some tally names the post: the reading of a post no tally names is the same for every such post. */
  names(postId: string): boolean {
    return this.postGroups.has(postId)
  }

  read(cadreId: string, postId: string | null): SupportReading {
    const c = this.byCadre.get(cadreId)
    const groups = postId === null ? undefined : this.postGroups.get(postId)
    if (c === undefined) return { share: 0, named: 0, groups: (groups ?? this.anyGroups).length }
    if (groups === undefined || postId === null)
      return (c.anyReading ??= {
        share: meanOver(this.anyGroups, (g) => c.anyBest.get(g) ?? 0),
        named: c.anyNamed.size,
        groups: this.anyGroups.length,
      })
    let r = c.postReadings.get(postId)
    if (r !== undefined) return r
    const best = new Map(c.anyBest)
    const named = new Set(c.anyNamed)
    for (const t of c.byPost.get(postId) ?? []) {
      for (const v of t.votes) best.set(v.group, Math.max(best.get(v.group) ?? 0, shareOf(v.votes, v.voters)))
      for (const name of t.recommenders) named.add(name)
    }
    r = { share: meanOver(groups, (g) => best.get(g) ?? 0), named: named.size, groups: groups.length }
    c.postReadings.set(postId, r)
    return r
  }
}

const TABLES = new WeakMap<Scenario, SupportTable>()

function tableOf(scenario: Scenario): SupportTable {
  let t = TABLES.get(scenario)
  if (t === undefined) TABLES.set(scenario, (t = new SupportTable(scenario.recommendations ?? [])))
  return t
}

/** What the scenario's tallies say of a cadre for a post (`null`: a post of none of its teams, which only any-post tallies concern). @internal */
export function supportReading(scenario: Scenario, cadreId: string, postId: string | null): SupportReading {
  return tableOf(scenario).read(cadreId, postId)
}

/** Whether a tally of the scenario names the post (otherwise its readings are those of any post). @internal */
export function isTalliedPost(scenario: Scenario, postId: string): boolean {
  return tableOf(scenario).names(postId)
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

/** The support component of a cadre for a post (`null`: a post of none of its teams) under the scenario's policy. @internal */
export function supportOf(scenario: Scenario, cadreId: string, postId: string | null): number {
  return supportValue(supportReading(scenario, cadreId, postId), scenario.policy.fit.support)
}
