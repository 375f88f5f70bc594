/**
 * One round of a rotation plan as both methods see it: the county at the
 * round's month (a round older, the cadres at retirement age gone, the
 * earlier rounds in place), the posts the round opens and who must or should
 * move. The round-by-round plan and the replay of the exact plan build every
 * round through {@link openRound}, so that both are measured on the same
 * rounds.
 *
 * Who must move: a holder who will have held their post `mustRotate.years`
 * (a post not exempt from rotation), or the `terms` limit (`termYears ×
 * maxTerms`, any post: a term limit is about the office, not the place), by
 * the next round.
 *
 * @module
 */
import { monthsAfter, monthsBetween } from '../domain/time.js'
import type { Cadre, Pair, Scenario, YearMonth } from '../domain/types.js'
import { contextOf } from '../rules/index.js'
import { FitTable } from '../scoring/fit.js'
import { retiredBy } from './simulate.js'

/** The calendar of a plan: the month of each round, and of the round after the last. @internal */
export function roundMonths(asOf: YearMonth, years: number, perYear: number): YearMonth[] {
  const step = 12 / perYear
  return Array.from({ length: years * perYear + 1 }, (_, r) => monthsAfter(asOf, Math.round(r * step)))
}

/** Months in a post from which a further term is not allowed (`tenure.max-terms`). */
const termMonths = (people: Scenario['policy']['people']): number =>
  12 * people.terms.termYears * people.terms.maxTerms

/**
 * Whether the incumbent of a post must move in the round at `at` (their
 * rotation deadline or their term limit falls before `next`), or should. A
 * post exempt from rotation (`exempt`) still has its term limit.
 * @internal
 */
export function dueOf(
  scenario: Scenario,
  since: YearMonth,
  at: YearMonth,
  next: YearMonth,
  exempt = false,
): 'must' | 'should' | null {
  const people = scenario.policy.people
  const held = monthsBetween(since, next)
  if (people.terms.enabled && held >= termMonths(people)) return 'must'
  if (exempt) return null
  if (people.mustRotate.enabled && held >= people.mustRotate.years * 12) return 'must'
  if (people.shouldRotate.enabled && monthsBetween(since, at) >= people.shouldRotate.years * 12)
    return 'should'
  return null
}

/** Whole months of `years`, a fraction of a month up (9.3 years: 112), as the rules compare months held with `12 × years`. */
const wholeMonths = (years: number): number => Math.max(0, Math.ceil(12 * years - 1e-9))

/**
 * The month a holder since `since` must have left their post: the first
 * whole month at which they reach `mustRotate.years` (not in a post exempt
 * from rotation) or the term limit, whichever comes first (`null`: neither
 * rule is on).
 * @internal
 */
export function deadlineOf(scenario: Scenario, since: YearMonth, exempt: boolean): YearMonth | null {
  const people = scenario.policy.people
  const months: number[] = []
  if (people.terms.enabled) months.push(wholeMonths(people.terms.termYears * people.terms.maxTerms))
  if (!exempt && people.mustRotate.enabled) months.push(wholeMonths(people.mustRotate.years))
  return months.length === 0 ? null : monthsAfter(since, Math.min(...months))
}

/**
 * The policy of a round that cannot make all its must-moves: the rules that
 * bar a must-mover from staying (`people.mustRotate`, `people.terms`) soft,
 * each at its own penalty, so that a must-mover the round cannot move stays
 * and the rule's penalty is paid (and reported) for it.
 * @internal
 */
export function unforcedPolicy(policy: Scenario['policy']): Scenario['policy'] {
  const { mustRotate, terms } = policy.people
  return {
    ...policy,
    people: {
      ...policy.people,
      mustRotate: { ...mustRotate, hard: false },
      terms: { ...terms, hard: false },
    },
  }
}

/** The posts exempt from rotation. @internal */
export function exemptPosts(scenario: Scenario): ReadonlySet<string> {
  return new Set(scenario.teams.flatMap((t) => t.posts.filter((p) => p.rotationExempt).map((p) => p.id)))
}

/** A round as it opens. @internal */
export interface OpenedRound {
  readonly at: YearMonth
  /** The county at `at`, the round's posts open, the must-movers forbidden to stay. */
  readonly scenario: Scenario
  /** The same without the must-movers forbidden. */
  readonly base: Scenario
  /**
   * What a round solves when its must-moves cannot all be made: `base`, the
   * rules that bar a must-mover from staying soft ({@link unforcedPolicy}).
   */
  readonly unforced: Scenario
  readonly openPosts: readonly string[]
  readonly must: readonly Pair[]
  /** The deadline of each must-mover ({@link deadlineOf}), by post. */
  readonly due: ReadonlyMap<string, YearMonth>
  readonly should: readonly Pair[]
  /** Holders of a post who reached retirement age by `at`. */
  readonly retired: readonly string[]
  /** The holder of each post at `at` (before the round). */
  readonly held: ReadonlyMap<string, Cadre>
}

/**
 * Opens round `r` on `county` (the county after the previous rounds): ages it
 * to `at`, retires, opens the vacant posts and those of who must or should
 * move (the first round also the scenario's own `openPosts` and locks),
 * forbids the must-movers to stay. The scenario's forbidden pairs ("pairs no
 * proposal may contain") hold in every round, less those naming a cadre who
 * has retired; its locks are decisions of its own round (each names a post
 * the scenario opens) and hold in the first round only. Every round keeps the
 * scenario's policy, whatever an earlier round made soft.
 * @internal
 */
export function openRound(
  scenario: Scenario,
  county: Scenario,
  r: number,
  at: YearMonth,
  next: YearMonth,
): OpenedRound {
  const exempt = exemptPosts(scenario)
  const allPosts = scenario.teams.flatMap((t) => t.posts.map((p) => p.id))
  // Retirements: cadres at retirement age leave the roster (incumbents their posts), and the
  // kin links that name them go with them.
  const retiring = (c: Cadre) => retiredBy(county, c, at)
  const retired = county.cadres.filter((c) => c.currentPost !== null && retiring(c)).map((c) => c.id)
  const gone = new Set(county.cadres.filter(retiring).map((c) => c.id))
  const aged = county.cadres
    .filter((c) => !gone.has(c.id))
    .map((c) =>
      c.kin.some((k) => gone.has(k.cadreId)) ? { ...c, kin: c.kin.filter((k) => !gone.has(k.cadreId)) } : c,
    )
  const held = new Map(
    aged.flatMap((c) => (c.currentPost === null ? [] : [[c.currentPost.postId, c] as const])),
  )
  const must: Pair[] = []
  const should: Pair[] = []
  const deadline = new Map<string, YearMonth>()
  for (const [postId, c] of held) {
    const since = c.currentPost!.since
    const due = dueOf(scenario, since, at, next, exempt.has(postId))
    if (due === 'must') {
      must.push({ cadreId: c.id, postId })
      deadline.set(postId, deadlineOf(scenario, since, exempt.has(postId))!)
    } else if (due === 'should') should.push({ cadreId: c.id, postId })
  }
  const open = new Set<string>(r === 0 ? scenario.openPosts : [])
  for (const p of allPosts) if (!held.has(p)) open.add(p)
  for (const x of [...must, ...should]) open.add(x.postId)
  const openPosts = allPosts.filter((p) => open.has(p))
  // The scenario's recommendation tallies are its first round's (a placed round drops them);
  // those of cadres who retire go with them, as their kin links do.
  const { recommendations, ...rest } = county
  const tallies = recommendations?.filter((t) => !gone.has(t.cadreId))
  const base: Scenario = {
    ...rest,
    ...(tallies === undefined ? {} : { recommendations: tallies }),
    // The user's policy: a round that made a rule soft does not make it soft for the next.
    policy: scenario.policy,
    asOf: at,
    cadres: aged,
    openPosts,
    locks: r === 0 ? scenario.locks : [],
    forbidden: forbiddenOf(scenario, aged),
  }
  return {
    at,
    scenario: { ...base, forbidden: [...base.forbidden, ...must] },
    base,
    unforced: { ...base, policy: unforcedPolicy(base.policy) },
    openPosts,
    must,
    due: deadline,
    should,
    retired,
    held,
  }
}

/** The scenario's forbidden pairs that name a cadre of a round's roster `cadres` (every round's). @internal */
export function forbiddenOf(scenario: Scenario, cadres: readonly Cadre[]): readonly Pair[] {
  if (scenario.forbidden.length === 0) return scenario.forbidden
  const present = new Set(cadres.map((c) => c.id))
  return scenario.forbidden.filter((p) => present.has(p.cadreId))
}

/**
 * The round each post first opens in, whatever the plan: at once when it is
 * vacant or among the scenario's `openPosts`, else the first round its
 * starting holder must or should move or has reached retirement age. Posts
 * that open in no round are absent. Every plan opens a post only from this
 * round on (a post opens when its holder is due, gone or moved, and a holder
 * moves only from an open post).
 * @internal
 */
export function opensOf(scenario: Scenario, months: readonly YearMonth[]): ReadonlyMap<string, number> {
  const exempt = exemptPosts(scenario)
  const userOpen = new Set(scenario.openPosts)
  const holder = new Map<string, Cadre>()
  for (const c of scenario.cadres)
    if (c.currentPost !== null && !holder.has(c.currentPost.postId)) holder.set(c.currentPost.postId, c)
  const opens = new Map<string, number>()
  for (const team of scenario.teams)
    for (const { id } of team.posts)
      for (let r = 0; r < months.length - 1; r++) {
        const h = holder.get(id)
        const due =
          h === undefined ||
          retiredBy(scenario, h, months[r]!) ||
          (r === 0 && userOpen.has(id)) ||
          dueOf(scenario, h.currentPost!.since, months[r]!, months[r + 1]!, exempt.has(id)) !== null
        if (due) {
          opens.set(id, r)
          break
        }
      }
  return opens
}

/**
 * The fit held on in a round: the sum of the fits, at the round's month, of
 * the holders of the posts that opened in an earlier round and are not open
 * in this one (an appointee of an earlier round, a holder not due). With the
 * round's proposal objective, the round's part of a plan's value.
 * @internal
 */
export function heldFit(round: Scenario, opens: ReadonlyMap<string, number>, r: number): number {
  const open = new Set(round.openPosts)
  const ctx = contextOf(round)
  const fits = new FitTable(round, ctx.ages)
  let sum = 0
  for (const team of round.teams)
    for (const post of team.posts) {
      if (open.has(post.id) || (opens.get(post.id) ?? Infinity) >= r) continue
      const c = ctx.incumbentOf.get(post.id)
      if (c !== undefined) sum += fits.score(c, fits.wantedOf(post, team), post.kind, post.id)
    }
  return sum
}
