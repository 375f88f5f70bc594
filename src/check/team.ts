/**
 * Structure rules of a team and kin avoidance (docs/rules.md, "Structure
 * rules"), counted over the members after the proposal. Only teams with at
 * least one open post are checked: a team the round does not touch cannot be
 * repaired by it.
 *
 * @module
 */
import type { RuleCode } from '../domain/codes.js'
import type { RuleSwitch } from '../domain/policy.js'
import type { Cadre, Team } from '../domain/types.js'
import { cadreName, emit, type Finding, type Place, teamName } from './findings.js'
import { hasOpenPost, type Staffing, teamMembers } from './members.js'
import { ageAt } from './time.js'

/**
 * The main field of a cadre: the first two segments of their first listed
 * specialty code (`economy/finance/banking` → `economy/finance`; a code with a
 * single segment is its own field). No specialty, no field.
 */
export function mainField(cadre: Cadre): string | null {
  const code = cadre.specialties[0]?.code
  if (code === undefined || code === '') return null
  return code.split('/').slice(0, 2).join('/')
}

/** Whether a cadre has a specialty equal to `wanted` or below it in the taxonomy. */
export function covers(cadre: Cadre, wanted: string): boolean {
  return cadre.specialties.some((sp) => sp.code === wanted || sp.code.startsWith(`${wanted}/`))
}

/** Kin for avoidance: a recorded link, on either side, of one of the policy's relations. */
export const areKin = (a: Cadre, b: Cadre, relations: readonly string[]): boolean =>
  a.kin.some((k) => k.cadreId === b.id && relations.includes(k.relation)) ||
  b.kin.some((k) => k.cadreId === a.id && relations.includes(k.relation))

/** A team after the proposal, and where its findings go. */
interface TeamView {
  readonly s: Staffing
  readonly team: Team
  /** Team size: its number of posts, filled or not. */
  readonly n: number
  /** Members, one per filled post, in post order. */
  readonly members: readonly Cadre[]
  /** Their ages at the reference date, in the same order. */
  readonly ages: readonly number[]
  readonly report: (rule: RuleSwitch, code: RuleCode, shortfall: number, why: string) => void
}

/** Rules of the form "≥ min members with property P". */
function presence({ s, team, n, members, ages, report }: TeamView): void {
  const rules = s.scenario.policy.structure
  const atLeast = (rule: RuleSwitch & { min: number }, code: RuleCode, count: number, what: string): void =>
    report(rule, code, Math.max(0, rule.min - count), `needs ≥ ${rule.min} ${what}, has ${count}`)
  const count = (p: (c: Cadre) => boolean): number => members.filter(p).length
  const young = (maxAge: number): number => ages.filter((a) => a <= maxAge).length

  if (n >= rules.women.minTeamSize)
    atLeast(
      rules.women,
      'structure.women',
      count((c) => c.gender === 'female'),
      'woman',
    )
  const { maxAge } = rules.young
  if (n >= rules.young.minTeamSize)
    atLeast(rules.young, 'structure.young', young(maxAge), `member aged ≤ ${maxAge}`)
  if (rules.youngTown.teamKinds.includes(team.kind)) {
    const max = rules.youngTown.maxAge
    atLeast(rules.youngTown, 'structure.young-town', young(max), `member aged ≤ ${max} (town team)`)
  }
  if (team.area.ethnicAutonomous) {
    const majority = rules.minority.majorityEthnicity
    const what = `member not of the ${majority} majority`
    atLeast(
      rules.minority,
      'structure.minority',
      count((c) => c.ethnicity !== majority),
      what,
    )
  }
  const titular = team.area.titularEthnicity
  if (team.needsTitularMember && titular !== null) {
    const what = `member of the titular ethnicity ${titular}`
    atLeast(
      rules.titular,
      'structure.titular',
      count((c) => c.ethnicity === titular),
      what,
    )
  }
  if (team.needsNonPartyMember) {
    atLeast(
      rules.nonParty,
      'structure.non-party',
      count((c) => c.party !== 'cpc'),
      'non-party member',
    )
  }
}

/** Age gradient and average age. */
function ageStructure({ s, n, ages, report }: TeamView): void {
  const { ageBands: bands, averageAge: avg } = s.scenario.policy.structure
  if (n >= bands.minTeamSize) {
    const short = bands.bands
      .map((b) => ({ b, count: ages.filter((a) => a >= b.minAge && a <= b.maxAge).length }))
      .filter(({ count }) => count < bands.minPerBand)
    const shortfall = short.reduce((sum, { count }) => sum + (bands.minPerBand - count), 0)
    const list = short.map(({ b, count }) => `${b.label} has ${count}`).join(', ')
    report(
      bands,
      'structure.age-bands',
      shortfall,
      `needs ≥ ${bands.minPerBand} member per age band; ${list}`,
    )
  }
  if (n >= avg.minTeamSize) {
    // Σ(age − max) ≤ 0 is "average ≤ max" multiplied out, so it stays linear in the model.
    const total = ages.reduce((sum, a) => sum + a, 0)
    const over = avg.max === null ? 0 : Math.max(0, total - avg.max * ages.length)
    const under = avg.min === null ? 0 : Math.max(0, avg.min * ages.length - total)
    const mean = ages.length === 0 ? 0 : total / ages.length
    const bounds = `[${avg.min ?? '−'}, ${avg.max ?? '−'}]`
    const why = `average age ${mean.toFixed(1)} of ${ages.length} members outside ${bounds} by ${over + under} member-years`
    report(avg, 'structure.average-age', over + under, why)
  }
}

/** Specialty coverage and cap, temperament mix, kin avoidance. */
function mix({ s, team, n, members, report }: TeamView): void {
  const rules = s.scenario.policy.structure
  const missing = team.specialties.filter((code) => !members.some((c) => covers(c, code)))
  const uncovered = `specialties not covered by any member: ${missing.join(', ')}`
  report(rules.specialtyCoverage, 'structure.specialty-coverage', missing.length, uncovered)

  const cap = rules.specialtyCap.maxPerField
  const fields = new Map<string, number>()
  for (const c of members) {
    const f = mainField(c)
    if (f !== null) fields.set(f, (fields.get(f) ?? 0) + 1)
  }
  const over = [...fields].filter(([, count]) => count > cap)
  const excess = over.reduce((sum, [, count]) => sum + count - cap, 0)
  const crowded = `at most ${cap} members per main field; ${over.map(([f, k]) => `${f} has ${k}`).join(', ')}`
  report(rules.specialtyCap, 'structure.specialty-cap', excess, crowded)

  const temp = rules.temperament
  if (n >= temp.minTeamSize) {
    const distinct = new Set(members.flatMap((c) => (c.temperament === null ? [] : [c.temperament]))).size
    const why = `needs ≥ ${temp.minDistinct} distinct temperaments, has ${distinct}`
    report(temp, 'structure.temperament', Math.max(0, temp.minDistinct - distinct), why)
  }

  // A cadre listed twice (a proposal that breaks one post per cadre) is not their own kin.
  const distinct = [...new Map(members.map((c) => [c.id, c])).values()]
  const pairs: string[] = []
  const { relations } = s.scenario.policy.people.kinAvoidance
  distinct.forEach((a, i) =>
    distinct.slice(i + 1).forEach((b) => {
      if (areKin(a, b, relations)) pairs.push(`${cadreName(a)} and ${cadreName(b)}`)
    }),
  )
  const kin = `kin in the same team: ${pairs.join('; ')}`
  report(s.scenario.policy.people.kinAvoidance, 'avoidance.kin', pairs.length, kin)
}

/** Findings of one team (which has at least one open post). */
function checkTeam(s: Staffing, team: Team, teamIndex: number, out: Finding[]): void {
  const n = team.posts.length
  const members = teamMembers(s, team).filter((c): c is Cadre => c !== null)
  const place: Place = { teamIndex, postIndex: n, teamId: team.id, postId: null, cadreId: null }
  const view: TeamView = {
    s,
    team,
    n,
    members,
    ages: members.map((c) => ageAt(s.asOf, c.birth)),
    report: (rule, code, shortfall, why) =>
      emit(out, rule, code, place, shortfall, `${teamName(team)}: ${why}`),
  }
  presence(view)
  ageStructure(view)
  mix(view)
}

/** Structure findings of every team with an open post, in team order. */
export function checkTeams(s: Staffing, out: Finding[]): void {
  s.scenario.teams.forEach((team, teamIndex) => {
    if (hasOpenPost(s, team)) checkTeam(s, team, teamIndex, out)
  })
}
