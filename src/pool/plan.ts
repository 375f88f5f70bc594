/**
 * The staffing plan (配备使用方案): from each team's gaps, the profile of the
 * person wanted for each of its open posts — rank, specialty, age, gender,
 * minority or non-party need — and the pool's candidates for it, each
 * eligible for the post by the rules (src/scoring/candidates.ts), with fit.
 *
 * @module
 */
import { numberOption, requireOptions, requireScenario, type OptionSpec } from '../io/door.js'

/** The checks of {@link StaffingPlanOptions}' keys. */
const STAFFING_PLAN_OPTION_SPEC: OptionSpec = {
  limit: numberOption({ min: 0, integer: true }),
  maxNeedsPerPost: numberOption({ min: 1, integer: true }),
  teams: {
    expected: 'an array of team ids',
    test: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
  },
}
import type { GapCode } from '../domain/codes.js'
import type { PostKind, Rank, Scenario, Temperament } from '../domain/types.js'
import { contextFor, type ScenarioContext } from '../rules/context.js'
import { eligibilityOf } from '../scoring/candidates.js'
import { analyseStructure, type TeamGap, type TeamStructure } from './structure.js'

/**
 * One thing the person for a post should bring, from one unit of a team gap.
 * @category Pool
 */
export type Need =
  | { readonly kind: 'woman' }
  | { readonly kind: 'age'; readonly minAge: number; readonly maxAge: number }
  | { readonly kind: 'minority'; readonly majority: string }
  | { readonly kind: 'titular'; readonly ethnicity: string }
  | { readonly kind: 'non-party' }
  | { readonly kind: 'specialty'; readonly code: string }
  | { readonly kind: 'temperament'; readonly missing: readonly Temperament[] }

/** A need and the gap it comes from. @category Pool */
export interface PostNeed {
  readonly need: Need
  readonly code: GapCode
  readonly tag: string
}

/**
 * A need no open post took: `no-room` when every open post had its
 * `maxNeedsPerPost` already, `conflict` when each post with room had a need
 * no one person can meet with it (`aged ≥ 51` where `aged ≤ 35` is asked);
 * `why` says which.
 * @category Pool
 */
export interface UnplacedNeed extends PostNeed {
  readonly reason: 'no-room' | 'conflict'
  readonly why: string
}

/** The person wanted for one open post. @category Pool */
export interface PostProfile {
  readonly postId: string
  readonly title: string
  readonly kind: PostKind
  readonly rank: Rank
  /** The post's own specialties, then the team's uncovered ones given to this post. */
  readonly specialties: readonly string[]
  /** Age range the needs ask (intersection), or `null`. */
  readonly age: { readonly minAge: number; readonly maxAge: number } | null
  readonly woman: boolean
  /** Ethnicity other than the policy's majority. */
  readonly minority: boolean
  /** Ethnicity required (titular member), or `null`. */
  readonly ethnicity: string | null
  readonly nonParty: boolean
  readonly needs: readonly PostNeed[]
}

/** An eligible cadre for a profile. @category Pool */
export interface ProfileCandidate {
  readonly cadreId: string
  readonly name: string
  readonly fit: number
  /** `fit − penalties` of the pair. */
  readonly net: number
  readonly stay: boolean
  readonly promotion: boolean
  /** Indices into the profile's `needs` this cadre meets / misses. */
  readonly meets: readonly number[]
  readonly misses: readonly number[]
}

/** One open post of the plan. @category Pool */
export interface PostPlan {
  readonly profile: PostProfile
  /** Cadres eligible for the post. */
  readonly eligible: number
  /** Of which meet every need of the profile. */
  readonly matching: number
  /** The best `limit`: most needs met, then fit, then roster order. */
  readonly candidates: readonly ProfileCandidate[]
}

/** The plan of one team with open posts. @category Pool */
export interface TeamPlan {
  readonly teamId: string
  readonly teamName: string
  /** The team's gaps (see {@link teamGaps}), most severe first. */
  readonly gaps: readonly TeamGap[]
  /** Its open posts, in `openPosts` order. */
  readonly posts: readonly PostPlan[]
  /**
   * Needs no open post could take — no room left, or none whose needs stay
   * satisfiable with it: none are dropped silently.
   */
  readonly unplaced: readonly UnplacedNeed[]
}

/** Options of {@link staffingPlan}. @category Pool */
export interface StaffingPlanOptions {
  /** Candidates listed per post. @defaultValue 5 */
  readonly limit?: number
  /** Only these teams (ids), in scenario order. @defaultValue every team with an open post */
  readonly teams?: readonly string[]
  /** Per open post, at most this many needs; the rest of a team's needs are `unplaced`. @defaultValue 3 */
  readonly maxNeedsPerPost?: number
}

/** Needs from a team's gaps: one per unit of shortfall of a count rule, in gap order. */
function needsOf(
  scenario: Scenario,
  ctx: ScenarioContext,
  t: TeamStructure,
  gaps: readonly TeamGap[],
): PostNeed[] {
  const structure = scenario.policy.structure
  const team = scenario.teams[ctx.teamIndex.get(t.teamId)!]!
  const out: PostNeed[] = []
  const push = (g: TeamGap, need: Need, times: number) => {
    for (let k = 0; k < times; k++) out.push({ need, code: g.code, tag: g.tag })
  }
  for (const g of gaps) {
    const units = Math.ceil(g.shortfall)
    switch (g.code) {
      case 'structure.women':
        push(g, { kind: 'woman' }, units)
        break
      case 'structure.young':
        push(g, { kind: 'age', minAge: 0, maxAge: structure.young.maxAge }, units)
        break
      case 'structure.young-town':
        push(g, { kind: 'age', minAge: 0, maxAge: structure.youngTown.maxAge }, units)
        break
      case 'structure.age-bands': {
        const band = structure.ageBands.bands.find((b) => `age-${b.minAge}-${b.maxAge}` === g.tag)
        if (band !== undefined) push(g, { kind: 'age', minAge: band.minAge, maxAge: band.maxAge }, units)
        break
      }
      case 'structure.average-age':
        // someone on the right side of the bound moves the average towards it
        push(
          g,
          g.tag === 'average-age-max'
            ? { kind: 'age', minAge: 0, maxAge: g.required - 1 }
            : { kind: 'age', minAge: g.required + 1, maxAge: 200 },
          1,
        )
        break
      case 'structure.minority':
        push(g, { kind: 'minority', majority: structure.minority.majorityEthnicity }, units)
        break
      case 'structure.titular':
        push(g, { kind: 'titular', ethnicity: team.area.titularEthnicity ?? '' }, units)
        break
      case 'structure.non-party':
        push(g, { kind: 'non-party' }, units)
        break
      case 'structure.specialty-coverage':
        push(g, { kind: 'specialty', code: g.tag.slice('covers-'.length) }, 1)
        break
      case 'structure.temperament': {
        const present = new Set(t.distributions.temperament.map((c) => c.value))
        const missing = (['sanguine', 'choleric', 'phlegmatic', 'melancholic'] as const).filter(
          (x) => !present.has(x),
        )
        push(g, { kind: 'temperament', missing }, units)
        break
      }
      default:
        break
    }
  }
  return out
}

function meets(ctx: ScenarioContext, c: number, need: Need): boolean {
  const cadre = ctx.scenario.cadres[c]!
  const age = ctx.ages[c]!
  switch (need.kind) {
    case 'woman':
      return cadre.gender === 'female'
    case 'age':
      return age >= need.minAge && age <= need.maxAge
    case 'minority':
      return cadre.ethnicity !== need.majority
    case 'titular':
      return cadre.ethnicity === need.ethnicity
    case 'non-party':
      return cadre.party !== 'cpc'
    case 'specialty':
      return cadre.specialties.some((s) => s.code === need.code || s.code.startsWith(`${need.code}/`))
    case 'temperament':
      return cadre.temperament !== null && need.missing.includes(cadre.temperament)
  }
}

/** The need in words (`aged ≤ 35`, `a woman`). */
function describeNeed(need: Need): string {
  switch (need.kind) {
    case 'woman':
      return 'a woman'
    case 'age':
      return need.minAge <= 0
        ? `aged ≤ ${need.maxAge}`
        : need.maxAge >= 200
          ? `aged ≥ ${need.minAge}`
          : `aged ${need.minAge}–${need.maxAge}`
    case 'minority':
      return `of an ethnic minority (not ${need.majority})`
    case 'titular':
      return `of the titular ethnicity (${need.ethnicity})`
    case 'non-party':
      return 'not a party member'
    case 'specialty':
      return `with ${need.code}`
    case 'temperament':
      return `of temperament ${need.missing.join(' or ')}`
  }
}

/** Whether one person can meet both needs: age ranges that meet, one titular ethnicity, … */
function compatible(a: Need, b: Need): boolean {
  if (a.kind === 'age' && b.kind === 'age')
    return Math.max(a.minAge, b.minAge) <= Math.min(a.maxAge, b.maxAge)
  if (a.kind === 'titular' && b.kind === 'titular') return a.ethnicity === b.ethnicity
  if (a.kind === 'titular' && b.kind === 'minority') return a.ethnicity !== b.majority
  if (a.kind === 'minority' && b.kind === 'titular') return b.ethnicity !== a.majority
  if (a.kind === 'temperament' && b.kind === 'temperament')
    return a.missing.some((t) => b.missing.includes(t))
  return true
}

/**
 * Deals the needs in order: each to the open post with the fewest needs so
 * far (ties by order) among those with room whose needs stay satisfiable
 * together with it (pairwise is enough: age ranges are intervals); a need no
 * such post takes is unplaced, with why.
 */
function dealNeeds(
  needs: readonly PostNeed[],
  open: readonly string[],
  perPost: number,
): { assigned: PostNeed[][]; unplaced: UnplacedNeed[] } {
  const assigned: PostNeed[][] = open.map(() => [])
  const unplaced: UnplacedNeed[] = []
  for (const need of needs) {
    let best = -1
    const clashes: string[] = []
    for (let k = 0; k < open.length; k++) {
      const here = assigned[k]!
      if (here.length >= perPost) continue
      const clash = here.find((n) => !compatible(n.need, need.need))
      if (clash !== undefined) {
        clashes.push(`${open[k]} asks ${describeNeed(clash.need)}`)
        continue
      }
      if (best < 0 || here.length < assigned[best]!.length) best = k
    }
    if (best >= 0) assigned[best]!.push(need)
    else if (clashes.length > 0)
      unplaced.push({
        ...need,
        reason: 'conflict',
        why: `${describeNeed(need.need)}: no one can meet it where there is room (${clashes.join('; ')})`,
      })
    else
      unplaced.push({
        ...need,
        reason: 'no-room',
        why: `${describeNeed(need.need)}: every open post has ${perPost} needs already (maxNeedsPerPost)`,
      })
  }
  return { assigned, unplaced }
}

function profileOf(
  scenario: Scenario,
  ctx: ScenarioContext,
  postId: string,
  needs: readonly PostNeed[],
): PostProfile {
  const loc = ctx.postLocation.get(postId)!
  const post = scenario.teams[loc.team]!.posts[loc.slot]!
  let age: { minAge: number; maxAge: number } | null = null
  const specialties = [...post.specialties]
  let woman = false
  let minority = false
  let ethnicity: string | null = null
  let nonParty = false
  for (const { need } of needs) {
    if (need.kind === 'woman') woman = true
    else if (need.kind === 'minority') minority = true
    else if (need.kind === 'titular') ethnicity = need.ethnicity
    else if (need.kind === 'non-party') nonParty = true
    else if (need.kind === 'specialty' && !specialties.includes(need.code)) specialties.push(need.code)
    else if (need.kind === 'age')
      age =
        age === null
          ? { minAge: need.minAge, maxAge: need.maxAge }
          : { minAge: Math.max(age.minAge, need.minAge), maxAge: Math.min(age.maxAge, need.maxAge) }
  }
  return {
    postId,
    title: post.title,
    kind: post.kind,
    rank: post.rank,
    specialties,
    age,
    woman,
    minority,
    ethnicity,
    nonParty,
    needs,
  }
}

/**
 * The staffing plan of the teams with open posts: each team's gaps are cut
 * into needs (one per unit of shortfall of a count rule, one per uncovered
 * specialty, one for an average age or temperament mix out of bounds), given
 * in gap order to the open post with the fewest needs so far (ties by
 * `openPosts` order, at most `maxNeedsPerPost` each) among those whose needs
 * one person can still meet together (age ranges that meet, one titular
 * ethnicity, …); a need no post can take is `unplaced`, with why (`no-room`
 * or `conflict`), never dropped nor dealt into a profile no one can meet; each open post's profile
 * lists the cadres eligible for it (every hard pair rule met), most needs met
 * first, then by fit and roster order.
 *
 * @param scenario - a decoded scenario
 * @param options - see {@link StaffingPlanOptions}
 * @param context - the scenario's context, when the caller already built it
 * @returns one plan per team with an open post, in scenario order
 * @throws RangeError when `limit` or `maxNeedsPerPost` is not an integer in range (a programmer error)
 * @category Pool
 * @example
 * const [first] = staffingPlan(sampleScenario(), { teams: ['T0021'] })
 * first.posts[0].profile.woman
 * //=> true
 */
export function staffingPlan(
  scenario: Scenario,
  options: StaffingPlanOptions = {},
  context?: ScenarioContext,
): TeamPlan[] {
  requireScenario('staffingPlan', scenario)
  requireOptions('staffingPlan', options, STAFFING_PLAN_OPTION_SPEC)
  const ctx = contextFor('staffingPlan', scenario, context)
  const limit = options.limit ?? 5
  const perPost = options.maxNeedsPerPost ?? 3
  if (!Number.isInteger(limit) || limit < 0)
    throw new RangeError(`staffingPlan: limit must be a non-negative integer, got ${limit}`)
  if (!Number.isInteger(perPost) || perPost < 1)
    throw new RangeError(`staffingPlan: maxNeedsPerPost must be a positive integer, got ${perPost}`)
  const only = options.teams === undefined ? null : new Set(options.teams)
  const { teams, gaps } = analyseStructure(scenario, ctx)
  const openOfTeam = new Map<number, string[]>()
  for (const postId of scenario.openPosts) {
    const t = ctx.postLocation.get(postId)?.team
    if (t === undefined) continue
    openOfTeam.set(t, [...(openOfTeam.get(t) ?? []), postId])
  }
  const chosen = scenario.teams
    .map((team, t) => ({ team, t }))
    .filter(({ team, t }) => openOfTeam.has(t) && (only === null || only.has(team.id)))
  if (chosen.length === 0) return []
  const report = eligibilityOf(scenario, ctx)
  const byPost = new Map(report.map((r) => [r.postId, r]))
  return chosen.map(({ team, t }) => {
    const structure = teams[t]!
    const teamGapList = gaps.filter((g) => g.teamId === team.id)
    const open = openOfTeam.get(t)!
    const { assigned, unplaced } = dealNeeds(needsOf(scenario, ctx, structure, teamGapList), open, perPost)
    const posts = open.map((postId, k): PostPlan => {
      const profile = profileOf(scenario, ctx, postId, assigned[k]!)
      const eligible = byPost.get(postId)?.eligible ?? []
      const ranked = eligible.map((e, order) => {
        const c = ctx.cadreIndex.get(e.cadreId)!
        const met: number[] = []
        const missed: number[] = []
        profile.needs.forEach((n, i) => (meets(ctx, c, n.need) ? met : missed).push(i))
        return { e, c, order, met, missed }
      })
      ranked.sort((a, b) => a.missed.length - b.missed.length || b.e.fit - a.e.fit || a.c - b.c)
      return {
        profile,
        eligible: eligible.length,
        matching: ranked.filter((r) => r.missed.length === 0).length,
        candidates: ranked.slice(0, limit).map((r) => ({
          cadreId: r.e.cadreId,
          name: scenario.cadres[r.c]!.name,
          fit: r.e.fit,
          net: r.e.net,
          stay: r.e.stay,
          promotion: r.e.promotion,
          meets: r.met,
          misses: r.missed,
        })),
      }
    })
    return { teamId: team.id, teamName: team.name, gaps: teamGapList, posts, unplaced }
  })
}
