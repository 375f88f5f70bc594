/**
 * The derived view of a scenario that rules, scoring and the model share:
 * ids resolved to indices, who holds which post, who is a candidate this round.
 * Built once per scenario; everything downstream reads it instead of searching.
 *
 * @module
 */
import { isContext, requireArgument, requireScenario } from '../io/door.js'
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
  /**
   * Supervision links (`Team.supervisedBy`), by team index: the ids of the
   * posts of other teams that lead it, each once, unknown ids left out.
   */
  readonly supervisors: readonly (readonly string[])[]
  /** Post id → indices of the teams it leads, in team order (posts that lead none are absent). */
  readonly leads: ReadonlyMap<string, readonly number[]>
}

/**
 * Builds the {@link ScenarioContext} of a decoded scenario.
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Rules
 */
export function contextOf(scenario: Scenario): ScenarioContext {
  requireScenario('contextOf', scenario)
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
  const supervisors = scenario.teams.map((t, ti) => {
    const ids = new Set<string>()
    for (const id of t.supervisedBy ?? []) {
      const at = postLocation.get(id)
      if (at !== undefined && at.team !== ti) ids.add(id)
    }
    return [...ids]
  })
  const leads = new Map<string, number[]>()
  supervisors.forEach((ids, ti) => {
    for (const id of ids) {
      const list = leads.get(id)
      if (list === undefined) leads.set(id, [ti])
      else list.push(ti)
    }
  })
  return {
    ...{ scenario, cadreIndex, teamIndex, postLocation, incumbentOf, open, candidates, ages, kin },
    ...{ supervisors, leads },
  }
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

/**
 * The cadres who stay this round and whom kin avoidance sets against a holder
 * of `postId`, one entry per link (docs/rules.md, \`avoidance.kin\`): the fixed
 * members of the post's team, the holders of closed posts that lead the team,
 * and the fixed members of the teams the post leads.
 * @internal
 */
export function fixedAcross(
  ctx: ScenarioContext,
  postId: string,
): { readonly cadre: number; readonly how: KinLink }[] {
  const loc = ctx.postLocation.get(postId)
  if (loc === undefined) return []
  const team = ctx.scenario.teams[loc.team]!
  const out: { cadre: number; how: KinLink }[] = fixedMembers(ctx, team).map((cadre) => ({
    cadre,
    how: 'team',
  }))
  for (const s of ctx.supervisors[loc.team]!) {
    const holder = ctx.open.has(s) ? undefined : ctx.incumbentOf.get(s)
    if (holder !== undefined) out.push({ cadre: holder, how: 'leads' })
  }
  for (const t of ctx.leads.get(postId) ?? [])
    for (const cadre of fixedMembers(ctx, ctx.scenario.teams[t]!)) out.push({ cadre, how: 'led' })
  return out
}

/**
 * How a fixed cadre stands to a post's holder in kin avoidance: in the same
 * team, holding a post that leads the team, or a member of a team the post leads.
 * @internal
 */
export type KinLink = 'team' | 'leads' | 'led'

/**
 * The context a call was given — checked, so that a wrong one is a named
 * `TypeError` of the caller `fn` — or, given none, the scenario's own.
 * @internal
 */
export function contextFor(
  fn: string,
  scenario: Scenario,
  context: ScenarioContext | undefined,
): ScenarioContext {
  requireArgument(
    fn,
    'context',
    'a ScenarioContext (from contextOf), or nothing',
    context,
    context === undefined || isContext(context),
  )
  return context ?? contextOf(scenario)
}
