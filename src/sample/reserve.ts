/**
 * The cadres without a post in the scenario's teams: reserve cadres (后备干部)
 * and officials of the right ranks serving elsewhere. Their ranks follow the
 * posts to fill, and about a third of them follow an archetype (a young
 * Mongol woman, a non-local cadre for the head posts under hometown avoidance,
 * a non-party cadre, …) with a record that passes every promotion gate, so
 * that each team's needs find candidates in the round.
 *
 * @module
 */
import type { Policy } from '../domain/policy.js'
import type { PartyAffiliation, Rank, ReserveGroup } from '../domain/types.js'
import { RANKS } from '../domain/types.js'
import { type Base, type CadreContext, type CadreSpec, type Draft, makeCadre, toMonth } from './cadres.js'
import type { Rng } from './random.js'
import type { TeamPlan } from './teams.js'

const PARTY: readonly (readonly [PartyAffiliation, number])[] = [
  ['cpc', 83],
  ['democratic-party', 11],
  ['none', 6],
]
const RESERVE: Base = {
  female: 0.24,
  ethnicity: [
    ['han', 64],
    ['mongol', 24],
    ['hui', 4],
    ['manchu', 4],
    ['daur', 2],
  ],
  party: PARTY,
  local: 0.74,
}

type Archetype = Omit<CadreSpec, 'rank' | 'hints' | 'promotable'>
const ARCHETYPES: readonly Archetype[] = [
  { female: true, maxAge: 35, ethnicity: 'mongol' },
  { nonLocal: true, ethnicity: 'mongol' },
  { female: true, party: 'non-party' },
  { nonLocal: true, female: true },
  { maxAge: 35, party: 'non-party', ethnicity: 'minority' },
  { nonLocal: true, maxAge: 35 },
]
const ARCHETYPE_SHARE = 0.35
const LISTED_SHARE = 0.6

/** Reserve groups (四类干部) a cadre qualifies for at the month `asOf`. */
export function groupsOf(d: Draft, asOf: number, policy: Policy): ReserveGroup[] {
  const age = Math.floor((asOf - toMonth(d.birth)) / 12)
  const groups: ReserveGroup[] = []
  if (age <= policy.structure.young.maxAge) groups.push('young')
  if (d.gender === 'female') groups.push('women')
  if (d.ethnicity !== policy.structure.minority.majorityEthnicity) groups.push('minority')
  if (d.party !== 'cpc') groups.push('non-party')
  return groups
}

/** Whether the record passes the integrity, discipline and assessment gates of `policy`. */
function cleanRecord(d: Draft, asOf: number, policy: Policy): boolean {
  const { integrity: i } = d
  const { assessment } = policy.people
  const lowGrade = d.assessments.some(
    (a) =>
      a.year >= Math.floor(asOf / 12) - assessment.lookbackYears &&
      assessment.blockingGrades.includes(a.grade),
  )
  return i.clean && !i.underInvestigation && i.disciplinaryUntil === null && i.doubleSigned && !lowGrade
}

/** How many non-incumbents of each rank: ranks follow the posts, most are section members and deputies. */
function composition(count: number, plans: readonly TeamPlan[]): [Rank, number][] {
  const posts = new Map<Rank, number>(RANKS.map((r) => [r, 0]))
  for (const plan of plans)
    for (const p of plan.posts) posts.set(p.post.rank, (posts.get(p.post.rank) ?? 0) + 1)
  const division = (posts.get('division-deputy') ?? 0) + (posts.get('division-chief') ?? 0)
  const divDeputy = Math.min(Math.round(0.5 * division), Math.floor(0.08 * count))
  const chief = Math.min(Math.round(0.45 * (posts.get('section-chief') ?? 0)), Math.floor(0.25 * count))
  const deputy = Math.round(0.45 * (count - divDeputy - chief))
  return [
    ['division-deputy', divDeputy],
    ['section-chief', chief],
    ['section-deputy', deputy],
    ['section-member', count - divDeputy - chief - deputy],
  ]
}

/**
 * Draws `count` cadres without a post. About 60% of the section members and
 * deputies with a clean record are listed in the reserve pools, each in every
 * group they qualify for (no "once listed, forever listed": the unqualified
 * are not listed).
 */
export function reservePool(
  rng: Rng,
  count: number,
  plans: readonly TeamPlan[],
  policy: Policy,
  ctx: CadreContext,
): Draft[] {
  const out: Draft[] = []
  const years = policy.people.ladder.minYearsAtRank
  for (const [rank, n] of composition(Math.max(0, count), plans)) {
    const division = rank === 'division-deputy'
    for (let k = 0; k < n; k++) {
      const typed = k < Math.ceil(ARCHETYPE_SHARE * n)
      const type = ARCHETYPES[k % ARCHETYPES.length] as Archetype
      const promotable = typed || rng.chance(0.6)
      const spec: CadreSpec = {
        rank,
        ...(typed ? { ...type, maxAge: division ? undefined : type.maxAge } : {}),
        ...(promotable ? { promotable: { minMonthsAtRank: 12 * years[rank] } } : {}),
        hints: plans.length > 0 ? (rng.pick(plans) as TeamPlan).team.specialties : [],
      }
      const d = makeCadre(rng, spec, RESERVE, ctx)
      const pool = rank === 'section-member' || rank === 'section-deputy'
      if (pool && cleanRecord(d, ctx.asOf, policy) && (typed || rng.chance(LISTED_SHARE))) {
        d.reserveGroups = groupsOf(d, ctx.asOf, policy)
        // exceptional promotion (破格) is rare, and approved for listed young cadres only
        d.exceptionalPromotion = d.reserveGroups.includes('young') && rng.chance(0.03)
      }
      out.push(d)
    }
  }
  return out
}
