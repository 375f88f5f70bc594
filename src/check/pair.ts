/**
 * Rules about one cadre taking one open post (docs/rules.md, "Rules about
 * people"). Each pair is first classified — stay, appointment, promotion —
 * because each rule applies to one class only.
 *
 * @module
 */
import type { RuleCode } from '../domain/codes.js'
import type { RuleSwitch } from '../domain/policy.js'
import { EDUCATION_LEVELS, RANKS, type Cadre } from '../domain/types.js'
import { samePlace } from '../domain/place.js'
import { ALWAYS_HARD, cadreName, emit, type Finding, seatName } from './findings.js'
import type { Seat, Staffing } from './members.js'
import { recordDisagreements } from './record.js'
import { ageAt, monthIndex, monthsSince, yearOf } from './time.js'

/**
 * How a cadre takes a post. A stay is never a promotion: promotion is the
 * appointment of a cadre to a post ranked above them; a cadre who keeps the
 * post they hold is not appointed to it, whatever the ranks say.
 */
export interface PairKind {
  readonly stay: boolean
  readonly promotion: boolean
  /** Rungs from the cadre's rank up to the post's rank (negative for a post below). */
  readonly rungs: number
}

/** Classifies the pair (cadre, open post). */
export function pairKind(s: Staffing, cadre: Cadre, seat: Seat): PairKind {
  const stay = s.incumbents.get(seat.post.id)?.id === cadre.id
  const rungs = RANKS.indexOf(seat.post.rank) - RANKS.indexOf(cadre.rank)
  return { stay, promotion: !stay && rungs > 0, rungs }
}

function integrityGaps(s: Staffing, cadre: Cadre, maxAgeMonths: number): string[] {
  const i = cadre.integrity
  const gaps: string[] = []
  if (!i.fileAudited) gaps.push('file not audited')
  if (!i.personalMattersVerified) gaps.push('personal matters not verified')
  if (!i.disciplineOpinionHeard) gaps.push('discipline opinion not heard')
  if (!i.complaintsInvestigated) gaps.push('complaints not investigated')
  if (!i.doubleSigned) gaps.push('conclusion not double-signed')
  if (!i.clean) gaps.push('checks not clean')
  if (i.checkedOn === null) gaps.push('never checked')
  else {
    const age = monthsSince(s.asOf, i.checkedOn)
    // NaN (a malformed date) fails the test too: the gate needs a proven recent check.
    if (!(age <= maxAgeMonths)) gaps.push(`checked ${age} months ago, more than ${maxAgeMonths}`)
  }
  return gaps
}

/** A pair rule broken: its switch, its code and why, in words. */
type Broken = readonly [RuleSwitch, RuleCode, string]

/** Rules for a cadre keeping their own post. */
function stayRules(s: Staffing, cadre: Cadre, seat: Seat): Broken[] {
  const { mustRotate, shouldRotate, terms } = s.scenario.policy.people
  const months = monthsSince(s.asOf, cadre.currentPost?.since)
  const out: Broken[] = []
  // A term limit binds rotation-exempt posts too: it is about the office, not the place.
  const termMonths = 12 * terms.termYears * terms.maxTerms
  if (months >= termMonths) {
    const why = `would start term ${terms.maxTerms + 1} after ${months} months in post (${terms.maxTerms} terms of ${terms.termYears} years)`
    out.push([terms, 'tenure.max-terms', why])
  }
  if (seat.post.rotationExempt) return out
  if (months >= 12 * mustRotate.years) {
    const why = `stays after ${months} months in post (must move at ${mustRotate.years} years)`
    out.push([mustRotate, 'rotation.must-move', why])
  }
  if (months >= 12 * shouldRotate.years) {
    const why = `stays after ${months} months in post (should move at ${shouldRotate.years} years)`
    out.push([shouldRotate, 'rotation.should-move', why])
  }
  return out
}

/** Rules for every appointment, promotion or not. */
function appointmentRules(s: Staffing, cadre: Cadre, seat: Seat, rungs: number): Broken[] {
  const people = s.scenario.policy.people
  const { post, team } = seat
  const out: Broken[] = []
  if (rungs >= 2)
    out.push([people.ladder, 'ladder.skip-rung', `would rise ${rungs} rungs (${cadre.rank} → ${post.rank})`])
  if (rungs < 0)
    out.push([
      people.stepDown,
      'ladder.step-down',
      `would step down ${-rungs} rung(s) (${cadre.rank} → ${post.rank})`,
    ])
  const minLevel = people.education.minLevelPerKind[post.kind] ?? people.education.minLevel
  if (EDUCATION_LEVELS.indexOf(cadre.education.level) < EDUCATION_LEVELS.indexOf(minLevel)) {
    out.push([
      people.education,
      'education.min-level',
      `has ${cadre.education.level} education, below ${minLevel}`,
    ])
  }
  if (rungs === 0) {
    const atLevel = monthsSince(s.asOf, cadre.rankSince)
    const { levelYears } = people
    if (atLevel >= 12 * levelYears.years)
      out.push([
        levelYears,
        'tenure.level-years',
        `has ${atLevel} months at ${cadre.rank}, no further post at that level after ${levelYears.years} years`,
      ])
  }
  const age = ageAt(s.asOf, cadre.birth)
  const maxAge = people.age.maxAgeAtAppointment[post.kind]
  if (age > maxAge)
    out.push([people.age, 'age.max-at-appointment', `is ${age}, above ${maxAge} for a ${post.kind} post`])
  const { underInvestigation, disciplinaryUntil } = cadre.integrity
  if (underInvestigation) out.push([people.discipline, 'discipline.open-case', 'is under investigation'])
  else if (monthIndex(disciplinaryUntil) >= s.asOf) {
    out.push([
      people.discipline,
      'discipline.open-case',
      `is in a disciplinary period until ${disciplinaryUntil}`,
    ])
  }
  const { record } = people
  const disagreements = recordDisagreements(cadre, s.asOf, record.minPartyAge, record.minWorkAge)
  if (disagreements.length > 0)
    out.push([
      record,
      'record.inconsistent',
      `has a record that disagrees with itself: ${disagreements.join('; ')}`,
    ])
  const role = post.role
  if (
    role !== null &&
    people.hometownAvoidance.roles.includes(role) &&
    samePlace(cadre.hometown, team.locality)
  ) {
    out.push([
      people.hometownAvoidance,
      'avoidance.hometown',
      cadre.hometown === team.locality
        ? `would hold ${role} in home locality ${team.locality}`
        : `would hold ${role} in ${team.locality}, in the county of their hometown ${cadre.hometown}`,
    ])
  }
  return out
}

/**
 * Why the tallies do not recommend the cadre for the post, or `null` when they
 * do: a real-name recommender, or a mean vote share above 0 and at least
 * `minShare` over every rater group that voted on the post or on any post
 * (a group that gave the cadre no vote counts 0).
 */
function notRecommended(s: Staffing, cadre: Cadre, postId: string, minShare: number): string | null {
  const tallies = (s.scenario.recommendations ?? []).filter((t) => t.postId === null || t.postId === postId)
  const mine = tallies.filter((t) => t.cadreId === cadre.id)
  if (mine.some((t) => t.recommenders.length > 0)) return null
  // Groups in sorted order and the mean read to 1e-9 (docs/rules.md): the sum then does not depend on
  // the tallies' order, and a share equal to minShare reaches it (1, 1 and 0.4 make 0.8 exactly).
  const groups = [...new Set(tallies.flatMap((t) => t.votes.map((v) => v.group)))].sort()
  let total = 0
  for (const g of groups) {
    let best = 0
    for (const t of mine)
      for (const v of t.votes)
        if (v.group === g && v.voters > 0) best = Math.max(best, Math.min(1, v.votes / v.voters))
    total += best
  }
  const mean = groups.length === 0 ? 0 : Math.round((total / groups.length) * 1e9) / 1e9
  if (mean > 0 && mean >= minShare) return null
  return groups.length === 0
    ? 'is promoted without recommendation (no votes, no real-name recommender)'
    : `is promoted with a mean vote share of ${mean.toFixed(4)} over ${groups.length} group(s) (needs above 0 and at least ${minShare}) and no real-name recommender`
}

/** An assignment flagged `exceptional` where no years at rank were waived. */
const WAIVES_NOTHING =
  'is recorded as an exceptional promotion (破格) that waives nothing (not a promotion before the years at rank of a cadre approved for it)'

/**
 * Rules for an appointment to a post ranked above the cadre; `recorded`:
 * whether its assignment flags an exceptional promotion.
 */
function promotionRules(s: Staffing, cadre: Cadre, postId: string, recorded: boolean): Broken[] {
  const people = s.scenario.policy.people
  const out: Broken[] = []
  const unsupported = notRecommended(s, cadre, postId, people.recommendation.minShare)
  if (unsupported !== null) out.push([people.recommendation, 'recommendation.required', unsupported])
  const needMonths = 12 * people.ladder.minYearsAtRank[cadre.rank]
  const atRank = monthsSince(s.asOf, cadre.rankSince)
  if (atRank < needMonths && !cadre.exceptionalPromotion) {
    out.push([
      people.ladder,
      'ladder.min-years',
      `has ${atRank} months at ${cadre.rank}, needs ${needMonths}`,
    ])
  }
  // 破格 is an explicit, recorded override, never silent (DOMAIN.md): a promotion that waives the years
  // at rank says so in its assignment, and an assignment that says so waives them.
  const waived = atRank < needMonths && cadre.exceptionalPromotion
  if (people.ladder.enabled && waived !== recorded)
    out.push([
      ALWAYS_HARD,
      'ladder.min-years',
      waived
        ? 'is promoted before the years at rank under exceptional promotion (破格), which the assignment does not record (exceptional is not true)'
        : WAIVES_NOTHING,
    ])
  const { retirementAge, minYears } = people.retirement
  const monthsLeft = 12 * retirementAge[cadre.gender] - monthsSince(s.asOf, cadre.birth)
  if (monthsLeft < 12 * minYears) {
    out.push([
      people.retirement,
      'age.years-to-retirement',
      `has ${monthsLeft} months before retiring at ${retirementAge[cadre.gender]}, a promotion needs ${12 * minYears}`,
    ])
  }
  const gaps = integrityGaps(s, cadre, people.integrity.maxAgeMonths)
  if (gaps.length > 0)
    out.push([people.integrity, 'integrity.gate', `fails the integrity gate: ${gaps.join(', ')}`])
  const { lookbackYears, blockingGrades } = people.assessment
  const since = yearOf(s.asOf) - lookbackYears
  const low = cadre.assessments.filter((a) => a.year >= since && blockingGrades.includes(a.grade))
  if (low.length > 0) {
    const list = low.map((a) => `${a.grade} in ${a.year}`).join(', ')
    out.push([people.assessment, 'assessment.low-grade', `was graded ${list} (since ${since})`])
  }
  return out
}

/** Findings of one filled open post. */
function checkPair(s: Staffing, cadre: Cadre, seat: Seat, out: Finding[]): void {
  const { post, team } = seat
  const { stay, promotion, rungs } = pairKind(s, cadre, seat)
  const broken: Broken[] = []
  // Forbidden pairs apply to stays as much as to appointments, and have no switch.
  if (s.scenario.forbidden.some((f) => f.cadreId === cadre.id && f.postId === post.id)) {
    broken.push([ALWAYS_HARD, 'forbidden-pair', 'is a forbidden pair'])
  }
  if (stay) broken.push(...stayRules(s, cadre, seat))
  else broken.push(...appointmentRules(s, cadre, seat, rungs))
  const recorded = s.answers.get(post.id)?.[0]?.exceptional === true
  if (promotion) broken.push(...promotionRules(s, cadre, post.id, recorded))
  else if (recorded && s.scenario.policy.people.ladder.enabled)
    broken.push([ALWAYS_HARD, 'ladder.min-years', WAIVES_NOTHING])
  const place = {
    teamIndex: seat.teamIndex,
    postIndex: seat.postIndex,
    teamId: team.id,
    postId: post.id,
    cadreId: cadre.id,
  }
  const who = `${seatName(team, post)}: ${cadreName(cadre)}`
  for (const [rule, code, why] of broken) emit(out, rule, code, place, 1, `${who} ${why}`)
}

/** Pair findings of every filled open post, in team and post order. */
export function checkPairs(s: Staffing, out: Finding[]): void {
  for (const [postId, cadre] of s.filled) {
    const seat = s.seats.get(postId)
    if (seat !== undefined) checkPair(s, cadre, seat, out)
  }
}
