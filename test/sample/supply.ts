/**
 * Self-check of generated scenarios, independent of src/rules: the few pair
 * rules of docs/rules.md ("Rules about people") needed to count, for each team
 * with an open post, the eligible candidates of each kind its hard structure
 * rules ask for; and the "everyone who may stay, stays" proposal that the
 * generator promises to be feasible.
 */
import type { Cadre, Post, Scenario, Team } from '../../src/domain/types.js'
import { EDUCATION_LEVELS, RANKS } from '../../src/domain/types.js'

export const month = (ym: string): number => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1
export const ageOf = (c: Cadre, asOf: number): number => Math.floor((asOf - month(c.birth)) / 12)

type Switch = { readonly enabled: boolean; readonly hard: boolean }
const hard = (r: Switch): boolean => r.enabled && r.hard

/** docs/rules.md `rotation.must-move`, hard: the incumbent of `p` may not stay. */
export function mustMove(s: Scenario, c: Cadre, p: Post): boolean {
  const r = s.policy.people.mustRotate
  return hard(r) && !p.rotationExempt && month(s.asOf) - month(c.currentPost?.since ?? s.asOf) >= 12 * r.years
}

/** Whether the pair (c, p) breaks no hard pair rule of docs/rules.md (kin is a team rule). */
export function eligible(s: Scenario, c: Cadre, p: Post, team: Team): boolean {
  if (s.forbidden.some((f) => f.cadreId === c.id && f.postId === p.id)) return false
  if (c.currentPost?.postId === p.id) return !mustMove(s, c, p)
  const asOf = month(s.asOf)
  const people = s.policy.people
  const rungs = RANKS.indexOf(p.rank) - RANKS.indexOf(c.rank)
  if (rungs >= 2) return false
  if (rungs === 1) {
    const atRank = asOf - month(c.rankSince)
    if (hard(people.ladder) && !c.exceptionalPromotion && atRank < 12 * people.ladder.minYearsAtRank[c.rank])
      return false
    const i = c.integrity
    const checked = i.checkedOn !== null && asOf - month(i.checkedOn) <= people.integrity.maxAgeMonths
    const four =
      i.fileAudited && i.personalMattersVerified && i.disciplineOpinionHeard && i.complaintsInvestigated
    if (hard(people.integrity) && !(four && i.doubleSigned && i.clean && checked)) return false
    const since = Math.floor(asOf / 12) - people.assessment.lookbackYears
    const low = c.assessments.some(
      (a) => a.year >= since && people.assessment.blockingGrades.includes(a.grade),
    )
    if (hard(people.assessment) && low) return false
  }
  const level = EDUCATION_LEVELS.indexOf(c.education.level)
  if (hard(people.education) && level < EDUCATION_LEVELS.indexOf(people.education.minLevel)) return false
  if (hard(people.age) && ageOf(c, asOf) > people.age.maxAgeAtAppointment[p.kind]) return false
  const { integrity: i } = c
  const open = i.underInvestigation || (i.disciplinaryUntil !== null && month(i.disciplinaryUntil) >= asOf)
  if (hard(people.discipline) && open) return false
  const avoid = people.hometownAvoidance
  return !(hard(avoid) && p.role !== null && avoid.roles.includes(p.role) && c.hometown === team.locality)
}

export type Kind = 'women' | 'young' | 'young-town' | 'minority' | 'titular' | 'non-party'

/** The hard structure rules of a team, as (kind, minimum, who counts). */
export function teamKinds(
  s: Scenario,
  team: Team,
): { kind: Kind; min: number; has: (c: Cadre) => boolean }[] {
  const st = s.policy.structure
  const n = team.posts.length
  const asOf = month(s.asOf)
  const out: { kind: Kind; min: number; has: (c: Cadre) => boolean }[] = []
  if (hard(st.women) && n >= st.women.minTeamSize)
    out.push({ kind: 'women', min: st.women.min, has: (c) => c.gender === 'female' })
  if (hard(st.young) && n >= st.young.minTeamSize)
    out.push({ kind: 'young', min: st.young.min, has: (c) => ageOf(c, asOf) <= st.young.maxAge })
  if (hard(st.youngTown) && st.youngTown.teamKinds.includes(team.kind))
    out.push({ kind: 'young-town', min: st.youngTown.min, has: (c) => ageOf(c, asOf) <= st.youngTown.maxAge })
  if (hard(st.minority) && team.area.ethnicAutonomous)
    out.push({
      kind: 'minority',
      min: st.minority.min,
      has: (c) => c.ethnicity !== st.minority.majorityEthnicity,
    })
  const titular = team.area.titularEthnicity
  if (hard(st.titular) && team.needsTitularMember && titular !== null)
    out.push({ kind: 'titular', min: st.titular.min, has: (c) => c.ethnicity === titular })
  if (hard(st.nonParty) && team.needsNonPartyMember)
    out.push({ kind: 'non-party', min: st.nonParty.min, has: (c) => c.party !== 'cpc' })
  return out
}

export interface SupplyRow {
  readonly teamId: string
  readonly kind: Kind
  /** Members of this kind still missing after the incumbents of the closed posts. */
  readonly need: number
  /** Eligible cadres of this kind in the round's pool, for some open post of the team (stays included). */
  readonly supply: number
  /** The same, without the team's own incumbents. */
  readonly outside: number
}

/** For every team with an open post and every hard structure rule of it: need and eligible supply. */
export function supplyReport(s: Scenario): SupplyRow[] {
  const open = new Set(s.openPosts)
  const incumbent = new Map<string, Cadre>()
  for (const c of s.cadres) if (c.currentPost) incumbent.set(c.currentPost.postId, c)
  const pool = s.cadres.filter((c) => c.currentPost === null || open.has(c.currentPost.postId))
  const rows: SupplyRow[] = []
  for (const team of s.teams) {
    const openPosts = team.posts.filter((p) => open.has(p.id))
    if (openPosts.length === 0) continue
    const own = new Set(team.posts.map((p) => p.id))
    const closed = team.posts.filter((p) => !open.has(p.id)).flatMap((p) => incumbent.get(p.id) ?? [])
    // kin of a member who stays cannot join the team (avoidance.kin, a team rule)
    const kinOfClosed = new Set(
      hard(s.policy.people.kinAvoidance) ? closed.flatMap((c) => c.kin.map((k) => k.cadreId)) : [],
    )
    const candidates = pool.filter(
      (c) => !kinOfClosed.has(c.id) && openPosts.some((p) => eligible(s, c, p, team)),
    )
    for (const { kind, min, has } of teamKinds(s, team)) {
      const fit = candidates.filter(has)
      rows.push({
        teamId: team.id,
        kind,
        need: Math.max(0, min - closed.filter(has).length),
        supply: fit.length,
        outside: fit.filter((c) => !(c.currentPost && own.has(c.currentPost.postId))).length,
      })
    }
  }
  return rows
}

/**
 * Hard rules broken by the proposal in which every incumbent of an open post
 * stays unless they must move (docs/rules.md: structure, kin, stability).
 * The generator promises none.
 */
export function stayProposalViolations(s: Scenario): string[] {
  const open = new Set(s.openPosts)
  const incumbent = new Map<string, Cadre>()
  for (const c of s.cadres) if (c.currentPost) incumbent.set(c.currentPost.postId, c)
  const kin = new Set(s.cadres.flatMap((c) => c.kin.map((k) => `${c.id}|${k.cadreId}`)))
  const { maxChanged, headsNotBoth } = s.policy.stability
  const headChanges = new Map<string, Set<string>>()
  const out: string[] = []
  for (const team of s.teams) {
    if (!team.posts.some((p) => open.has(p.id))) continue
    const members: Cadre[] = []
    let changed = 0
    for (const p of team.posts) {
      const c = incumbent.get(p.id)
      if (!c) continue
      if (open.has(p.id) && mustMove(s, c, p)) {
        changed++
        if (p.role === 'party-head' || p.role === 'government-head') {
          const set = headChanges.get(team.unit) ?? new Set<string>()
          headChanges.set(team.unit, set.add(p.role))
        }
      } else members.push(c)
    }
    for (const { kind, min, has } of teamKinds(s, team)) {
      if (members.filter(has).length < min) out.push(`${team.id}: structure.${kind}`)
    }
    if (
      hard(s.policy.people.kinAvoidance) &&
      members.some((a) => members.some((b) => kin.has(`${a.id}|${b.id}`)))
    )
      out.push(`${team.id}: avoidance.kin`)
    const allowed = Math.max(
      maxChanged.minAllowed,
      Math.floor(maxChanged.maxChangedShare * team.posts.length),
    )
    if (hard(maxChanged) && changed > allowed) out.push(`${team.id}: stability.max-changed`)
  }
  for (const [unit, roles] of headChanges) {
    if (hard(headsNotBoth) && roles.size > 1) out.push(`${unit}: stability.heads-not-both`)
  }
  return out
}
