/**
 * The derived view of a scenario that rules, scoring and the model share:
 * ids resolved to indices, who holds which post, who is a candidate this round.
 * Built once per scenario; everything downstream reads it instead of searching.
 *
 * @module
 */
import type { Cadre, Post, Scenario, Team } from '../domain/types.js'
import { ageAt } from '../domain/time.js'

/** @category Rules */
export interface ScenarioContext {
  readonly scenario: Scenario
  readonly cadreIndex: ReadonlyMap<string, number>
  readonly teamIndex: ReadonlyMap<string, number>
  /** Post id → its team index and its position in the team. */
  readonly postLocation: ReadonlyMap<string, { readonly team: number; readonly slot: number }>
  /** Post id → index of the cadre holding it, if any. */
  readonly incumbentOf: ReadonlyMap<string, number>
  readonly open: ReadonlySet<string>
  /** Cadre indices that may be placed this round: no current post, or an open one. In roster order. */
  readonly candidates: readonly number[]
  /** Age of each cadre at `asOf`, by cadre index. */
  readonly ages: Int32Array
  /**
   * Kin of each cadre (both directions of every recorded link whose relation
   * is in `policy.people.kinAvoidance.relations`), by cadre index.
   */
  readonly kin: readonly ReadonlySet<number>[]
}

/**
 * Builds the {@link ScenarioContext} of a decoded scenario.
 * @category Rules
 */
export function contextOf(scenario: Scenario): ScenarioContext {
  const cadreIndex = new Map<string, number>()
  scenario.cadres.forEach((c, i) => cadreIndex.set(c.id, i))
  const teamIndex = new Map<string, number>()
  const postLocation = new Map<string, { team: number; slot: number }>()
  scenario.teams.forEach((t, ti) => {
    teamIndex.set(t.id, ti)
    t.posts.forEach((p, slot) => postLocation.set(p.id, { team: ti, slot }))
  })
  const incumbentOf = new Map<string, number>()
  scenario.cadres.forEach((c, i) => {
    // The first holder in roster order, as the validator reads it (the decoder rejects two holders).
    const held = c.currentPost?.postId
    if (held !== undefined && postLocation.has(held) && !incumbentOf.has(held)) incumbentOf.set(held, i)
  })
  const open = new Set(scenario.openPosts)
  const candidates: number[] = []
  scenario.cadres.forEach((c, i) => {
    const held = c.currentPost?.postId
    if (held === undefined || !postLocation.has(held) || open.has(held)) candidates.push(i)
  })
  const ages = Int32Array.from(scenario.cadres, (c) => ageAt(c.birth, scenario.asOf))
  const kin: Set<number>[] = scenario.cadres.map(() => new Set<number>())
  const relations = new Set(scenario.policy.people.kinAvoidance.relations)
  scenario.cadres.forEach((c, i) => {
    for (const link of c.kin) {
      if (!relations.has(link.relation)) continue
      const j = cadreIndex.get(link.cadreId)
      if (j === undefined || j === i) continue
      kin[i]!.add(j)
      kin[j]!.add(i)
    }
  })
  return { scenario, cadreIndex, teamIndex, postLocation, incumbentOf, open, candidates, ages, kin }
}

/** The team a post belongs to. @category Rules */
export function teamOfPost(ctx: ScenarioContext, postId: string): Team {
  const loc = ctx.postLocation.get(postId)
  if (loc === undefined) throw new Error(`rules: unknown post ${postId}`)
  return ctx.scenario.teams[loc.team]!
}

/** A post by id. @category Rules */
export function postById(ctx: ScenarioContext, postId: string): Post {
  const loc = ctx.postLocation.get(postId)
  if (loc === undefined) throw new Error(`rules: unknown post ${postId}`)
  return ctx.scenario.teams[loc.team]!.posts[loc.slot]!
}

/** A cadre by index. @category Rules */
export function cadreAt(ctx: ScenarioContext, i: number): Cadre {
  return ctx.scenario.cadres[i]!
}

/**
 * Members of a team fixed before the round: incumbents of its closed posts.
 * @category Rules
 */
export function fixedMembers(ctx: ScenarioContext, team: Team): number[] {
  const out: number[] = []
  for (const p of team.posts) {
    if (ctx.open.has(p.id)) continue
    const i = ctx.incumbentOf.get(p.id)
    if (i !== undefined) out.push(i)
  }
  return out
}
