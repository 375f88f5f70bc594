/**
 * The steps of a selection round, one typed transition each: every step
 * checks its input (path-named issues), the stage the round has reached, the
 * order of dates, and the rules of the procedure, and answers the next round
 * or a {@link ProcedureError} — never a half-taken step.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js'
import type { Scenario } from '../domain/types.js'
import { array, type Codec } from '../io/combinators.js'
import { renderValue } from '../io/errors.js'
import { formatPath } from '../io/path.js'
import { read } from '../io/read.js'
import { addMonths, dayNumber, lastWorkingDay } from './calendar.js'
import {
  decision as decisionCodec,
  inspection as inspectionCodec,
  motionInput,
  objectionInput,
  probationInput,
  recommendation as recommendationCodec,
  resolutionInput,
  stamp,
} from './codec.js'
import { tallyProblems } from './tally.js'
import {
  DEFAULT_SELECTION_RULES,
  STAGES,
  type Day,
  type Decision,
  type FourMusts,
  type Inspection,
  type ProcedureError,
  type RoundRecommendation,
  type SelectionRound,
  type SelectionRulesInput,
  type Stage,
  type StepName,
  type WorkingCalendar,
} from './types.js'
import { scenarioIssue } from '../io/door.js'

type Step<A> = Either<ProcedureError, A>

const fail = (step: StepName, rule: string, path: string, message: string): Step<never> =>
  left({ _tag: 'ProcedureError', step, rule, path, message: path === '' ? message : `${path}: ${message}` })

/** The step's input read by its codec, or the first issue as an `input` error. */
function input<A>(step: StepName, c: Codec<A>, u: unknown, what: string): Step<A> {
  const r = read(c, u, what)
  if (isLeft(r)) {
    const first = r.left[0]!
    return left({
      _tag: 'ProcedureError',
      step,
      rule: 'input',
      path: formatPath(first.path),
      message: r.left.map((i) => i.message).join('; '),
    })
  }
  return right(r.right)
}

/**
 * A round's shape at a glance, without re-reading it: its lists, and what
 * its stage implies (a decision from `decision` on, a notice from `notice`
 * on, a closed notice from `probation` on). A round from `openRound`, the
 * steps or `decodeSelectionRound` has it.
 * @internal
 */
export function isRound(u: unknown): u is SelectionRound {
  if (typeof u !== 'object' || u === null) return false
  const r = u as SelectionRound
  const lists = [r.posts, r.recommendations, r.shortlist, r.inspections, r.objections, r.probation, r.log]
  if (!lists.every((l) => Array.isArray(l)) || r.log.length === 0 || !STAGES.includes(r.stage)) return false
  if (typeof r.rules !== 'object' || r.rules === null || typeof r.rules.calendar !== 'object') return false
  const stage = STAGES.indexOf(r.stage)
  const decided =
    typeof r.decision === 'object' && r.decision !== null && Array.isArray(r.decision.appointments)
  const noticed = typeof r.notice === 'object' && r.notice !== null && Array.isArray(r.notice.withdrawn)
  if (stage >= STAGES.indexOf('decision') && !decided) return false
  if (stage >= STAGES.indexOf('notice') && !noticed) return false
  if (stage >= STAGES.indexOf('probation') && r.stage !== 'closed' && r.notice?.closed == null) return false
  return true
}

/** The round must be one, at one of the `allowed` stages. */
function at(step: StepName, round: SelectionRound, allowed: readonly Stage[]): Step<null> {
  if (!isRound(round))
    return fail(step, 'input', 'round', 'expected a selection round (from openRound or decodeSelectionRound)')
  return allowed.includes(round.stage)
    ? right(null)
    : fail(
        step,
        'order',
        'round.stage',
        `cannot ${step.replace(/-/g, ' ')} at stage "${round.stage}" (allowed at ${allowed.map((s) => `"${s}"`).join(', ')})`,
      )
}

/** No step is dated before the last one taken. */
function notBefore(step: StepName, round: SelectionRound, date: Day, path: string): Step<null> {
  const last = round.log[round.log.length - 1]
  return last !== undefined && dayNumber(date) < dayNumber(last.date)
    ? fail(step, 'date', path, `${date} is before the last step (${last.step}, ${last.date})`)
    : right(null)
}

/** A step's refusal of a value that is not a decoded scenario (see `scenarioIssue`), or `null`. */
function scenarioStep(step: StepName, scenario: unknown): Step<never> | null {
  const found = scenarioIssue(scenario)
  return found === null
    ? null
    : fail(step, 'input', formatPath(found.path), `expected ${found.expected}, got ${found.got}`)
}

const logged = (round: SelectionRound, step: StepName, by: string, date: Day): SelectionRound['log'] => [
  ...round.log,
  { step, by, date },
]

/**
 * Opens a round (动议): the posts it fills, why, who moves it, when, and the
 * rules it is held to (frozen in the record).
 *
 * @param scenario - the scenario the posts belong to
 * @param motion - `posts` (post ids), `reason`, `proposer`, `date` (`YYYY-MM-DD`), optional `id` and `rules`
 * @category Selection
 */
export function openRound(
  scenario: Scenario,
  motion: {
    readonly posts: readonly string[]
    readonly reason: string
    readonly proposer: string
    readonly date: Day
    readonly id?: string
    readonly rules?: SelectionRulesInput
  },
): Either<ProcedureError, SelectionRound> {
  const step: StepName = 'open-round'
  const m = input(step, motionInput, motion, 'a motion object')
  if (isLeft(m)) return m
  const notScenario = scenarioStep(step, scenario)
  if (notScenario !== null) return notScenario
  const { posts, reason, proposer, date } = m.right
  if (posts.length === 0) return fail(step, 'no-posts', 'posts', 'a round fills at least one post')
  const where = new Map(
    scenario.teams.flatMap((t) => t.posts.map((p) => [p.id, { team: t, post: p }] as const)),
  )
  const seen = new Set<string>()
  for (const [i, id] of posts.entries()) {
    if (!where.has(id)) return fail(step, 'unknown-post', `posts[${i}]`, `no post "${id}" in the scenario`)
    if (seen.has(id)) return fail(step, 'duplicate', `posts[${i}]`, `post "${id}" is listed twice`)
    seen.add(id)
  }
  const r: SelectionRulesInput = m.right.rules ?? {}
  const cal: Partial<WorkingCalendar> = r.calendar ?? {}
  const d = DEFAULT_SELECTION_RULES
  const rules = {
    candidatesPerPost: r.candidatesPerPost ?? d.candidatesPerPost,
    noticeWorkingDays: r.noticeWorkingDays ?? d.noticeWorkingDays,
    probationMonths: r.probationMonths ?? d.probationMonths,
    calendar: {
      weekend: [...new Set(cal.weekend ?? d.calendar.weekend)].sort((a, b) => a - b),
      holidays: [...(cal.holidays ?? d.calendar.holidays)],
      workdays: [...(cal.workdays ?? d.calendar.workdays)],
    },
  }
  // Off every day of the week, the listed workdays are the only working days: a notice started
  // after the last of them would never end.
  if (rules.calendar.weekend.length === 7)
    return fail(
      step,
      'input',
      'rules.calendar.weekend',
      'a calendar off all seven days of the week cannot count a notice (list at most six days)',
    )
  return right({
    id: m.right.id ?? `${scenario.county}-${date}`,
    county: scenario.county,
    asOf: scenario.asOf,
    rules,
    posts: posts.map((id) => {
      const w = where.get(id)!
      return { postId: id, teamId: w.team.id, team: w.team.name, title: w.post.title }
    }),
    motion: { reason, proposer, date },
    stage: 'motion',
    recommendations: [],
    shortlist: [],
    inspections: [],
    decision: null,
    notice: null,
    objections: [],
    probation: [],
    log: [{ step, by: proposer, date }],
  })
}

/**
 * Records recommendations (民主推荐, 实名制推荐) of cadres of the scenario for
 * the round's posts; allowed after the motion and until the shortlist.
 * Refused (`tally`, naming the place) is whatever `tallyRecommendations`
 * would refuse among the round's recommendations and these — a democratic
 * one without its voters, a rater group counted twice for a cadre and post,
 * or recorded on one post with two counts of voters — so that the round's
 * recommendations always count into a scenario (`withRecommendations`).
 *
 * @param scenario - the round's scenario (the cadres must be in it)
 * @param round - the round
 * @param recommendations - each with `postId`, `cadreId`, `kind`, `recommender`, `votes`, `reason`, `date`
 * @category Selection
 */
export function recordRecommendations(
  scenario: Scenario,
  round: SelectionRound,
  recommendations: readonly RoundRecommendation[],
): Either<ProcedureError, SelectionRound> {
  const step: StepName = 'record-recommendations'
  const ok = at(step, round, ['motion', 'recommendation'])
  if (isLeft(ok)) return ok
  const recs = input(step, array(recommendationCodec), recommendations, 'an array of recommendations')
  if (isLeft(recs)) return recs
  if (recs.right.length === 0) return fail(step, 'input', '', 'no recommendation to record')
  const notScenario = scenarioStep(step, scenario)
  if (notScenario !== null) return notScenario
  const cadres = new Set(scenario.cadres.map((c) => c.id))
  const posts = new Set(round.posts.map((p) => p.postId))
  let last = round.log[round.log.length - 1]!.date
  for (const [i, r] of recs.right.entries()) {
    if (!posts.has(r.postId))
      return fail(step, 'unknown-post', `[${i}].postId`, `"${r.postId}" is not a post of the round`)
    if (!cadres.has(r.cadreId))
      return fail(step, 'unknown-cadre', `[${i}].cadreId`, `no cadre "${r.cadreId}" in the scenario`)
    if (r.kind === 'democratic' && r.votes === null)
      return fail(step, 'input', `[${i}].votes`, 'a democratic recommendation records its votes')
    if (r.kind === 'real-name' && (r.votes !== null || r.voters !== null))
      return fail(
        step,
        'input',
        `[${i}].${r.votes !== null ? 'votes' : 'voters'}`,
        'a real-name recommendation records no votes or voters',
      )
    if (r.voters !== null && r.votes !== null && r.voters < r.votes)
      return fail(step, 'input', `[${i}].voters`, `${r.voters} voters, fewer than the ${r.votes} votes`)
    const d = notBefore(step, round, r.date, `[${i}].date`)
    if (isLeft(d)) return d
    if (dayNumber(r.date) > dayNumber(last)) last = r.date
  }
  // What the round holds must count into a scenario (withRecommendations): the tally's checks over
  // the recommendations recorded before and these, each problem named by its place.
  const held = round.recommendations.length
  const problems = tallyProblems([...round.recommendations, ...recs.right], (i) =>
    i < held ? `round.recommendations[${i}]` : `[${i - held}]`,
  )
  const first = problems[0]
  if (first !== undefined) return fail(step, 'tally', first.path, first.text)
  return right({
    ...round,
    stage: 'recommendation',
    recommendations: [...round.recommendations, ...recs.right],
    log: logged(round, step, [...new Set(recs.right.map((r) => r.recommender))].join('、'), last),
  })
}

/**
 * Why one list of a shortlist step cannot be read, naming the exact place and
 * the value found (`lists[0].cadreIds[1]: expected a cadre id, got 42`), or
 * `null`.
 */
function listProblem(u: unknown, at: string): { readonly path: string; readonly message: string } | null {
  const got = (expected: string, v: unknown) => `expected ${expected}, got ${renderValue(v)}`
  if (typeof u !== 'object' || u === null || Array.isArray(u))
    return { path: at, message: got('{ postId, cadreIds }', u) }
  const { postId, cadreIds } = u as { postId?: unknown; cadreIds?: unknown }
  if (typeof postId !== 'string') return { path: `${at}.postId`, message: got('a post id', postId) }
  if (!Array.isArray(cadreIds))
    return { path: `${at}.cadreIds`, message: got('an array of cadre ids', cadreIds) }
  const j = (cadreIds as unknown[]).findIndex((c) => typeof c !== 'string')
  return j < 0 ? null : { path: `${at}.cadreIds[${j}]`, message: got('a cadre id', cadreIds[j]) }
}

/**
 * Fixes who is inspected for each post (差额考察): for every post of the
 * round at least `rules.candidatesPerPost` candidates, each recommended for
 * that post. Allowed once, after recommendations.
 *
 * @param round - the round
 * @param step - `by`, `date` and `lists`: per post, the candidates' ids
 * @category Selection
 */
export function shortlistForInspection(
  round: SelectionRound,
  step: {
    readonly by: string
    readonly date: Day
    readonly lists: readonly { readonly postId: string; readonly cadreIds: readonly string[] }[]
  },
): Either<ProcedureError, SelectionRound> {
  const name: StepName = 'shortlist-for-inspection'
  const ok = at(name, round, ['recommendation'])
  if (isLeft(ok)) return ok
  const s = input(name, stamp, step, 'a shortlist object')
  if (isLeft(s)) return s
  const lists: readonly unknown[] | null = Array.isArray(step.lists)
    ? (step.lists as readonly unknown[])
    : null
  if (lists === null)
    return fail(
      name,
      'input',
      'lists',
      `expected an array of { postId, cadreIds }, got ${renderValue(step.lists)}`,
    )
  const d = notBefore(name, round, s.right.date, 'date')
  if (isLeft(d)) return d
  const byPost = new Map<string, readonly string[]>()
  for (const [i, item] of lists.entries()) {
    const problem = listProblem(item, `lists[${i}]`)
    if (problem !== null) return fail(name, 'input', problem.path, problem.message)
    const l = item as { readonly postId: string; readonly cadreIds: readonly string[] }
    if (!round.posts.some((p) => p.postId === l.postId))
      return fail(name, 'unknown-post', `lists[${i}].postId`, `"${l.postId}" is not a post of the round`)
    if (byPost.has(l.postId))
      return fail(name, 'duplicate', `lists[${i}].postId`, `post "${l.postId}" is listed twice`)
    const ids = [...new Set(l.cadreIds)]
    // Named at its place in the list given (a cadre listed twice counts once).
    for (const [j, c] of l.cadreIds.entries())
      if (!round.recommendations.some((r) => r.postId === l.postId && r.cadreId === c))
        return fail(
          name,
          'not-recommended',
          `lists[${i}].cadreIds[${j}]`,
          `"${c}" was not recommended for post "${l.postId}"`,
        )
    byPost.set(l.postId, ids)
  }
  for (const p of round.posts) {
    const n = byPost.get(p.postId)?.length ?? 0
    if (n < round.rules.candidatesPerPost)
      return fail(
        name,
        'too-few-candidates',
        'lists',
        `post "${p.postId}" (${p.team} ${p.title}) has ${n} candidates to inspect; 差额考察 needs at least ${round.rules.candidatesPerPost}`,
      )
  }
  return right({
    ...round,
    stage: 'inspection',
    shortlist: round.posts.map((p) => ({ postId: p.postId, cadreIds: byPost.get(p.postId)! })),
    log: logged(round, name, s.right.by, s.right.date),
  })
}

/**
 * Records the inspection (考察) of a shortlisted candidate: the four checks
 * (凡提四必), the two signatures (双签字), the conclusion. Once per candidate
 * and post.
 *
 * @param round - the round
 * @param inspection - the inspection
 * @category Selection
 */
export function recordInspection(
  round: SelectionRound,
  inspection: Inspection,
): Either<ProcedureError, SelectionRound> {
  const step: StepName = 'record-inspection'
  const ok = at(step, round, ['inspection'])
  if (isLeft(ok)) return ok
  const i = input(step, inspectionCodec, inspection, 'an inspection object')
  if (isLeft(i)) return i
  const x = i.right
  if (!round.shortlist.some((l) => l.postId === x.postId && l.cadreIds.includes(x.cadreId)))
    return fail(
      step,
      'not-shortlisted',
      'cadreId',
      `"${x.cadreId}" is not shortlisted for post "${x.postId}"`,
    )
  if (round.inspections.some((y) => y.postId === x.postId && y.cadreId === x.cadreId))
    return fail(step, 'duplicate', 'cadreId', `"${x.cadreId}" was already inspected for post "${x.postId}"`)
  const d = notBefore(step, round, x.date, 'date')
  if (isLeft(d)) return d
  return right({ ...round, inspections: [...round.inspections, x], log: logged(round, step, x.by, x.date) })
}

const MUSTS: readonly (keyof FourMusts)[] = [
  'fileAudited',
  'personalMattersVerified',
  'disciplineOpinionHeard',
  'complaintsInvestigated',
]

/**
 * Records the committee's decision (讨论决定): every shortlisted candidate
 * inspected; more than half the members present; each appointment carried by
 * more than half the members, of a candidate inspected for that post and
 * found fit, with the four checks done and both signatures; one appointee
 * per post, one post per appointee.
 *
 * @param round - the round
 * @param decision - the decision
 * @category Selection
 */
export function recordDecision(
  round: SelectionRound,
  decision: Decision,
): Either<ProcedureError, SelectionRound> {
  const step: StepName = 'record-decision'
  const ok = at(step, round, ['inspection'])
  if (isLeft(ok)) return ok
  const r = input(step, decisionCodec, decision, 'a decision object')
  if (isLeft(r)) return r
  const x = r.right
  for (const l of round.shortlist)
    for (const c of l.cadreIds)
      if (!round.inspections.some((y) => y.postId === l.postId && y.cadreId === c))
        return fail(
          step,
          'not-inspected',
          '',
          `shortlisted "${c}" for post "${l.postId}" is not inspected yet`,
        )
  if (x.present > x.members)
    return fail(step, 'input', 'present', `${x.present} present of ${x.members} members`)
  if (x.present * 2 <= x.members)
    return fail(
      step,
      'quorum',
      'present',
      `${x.present} of ${x.members} members present: more than half must be`,
    )
  if (x.appointments.length === 0)
    return fail(step, 'input', 'appointments', 'a decision appoints at least one cadre')
  const d = notBefore(step, round, x.date, 'date')
  if (isLeft(d)) return d
  const posts = new Set<string>()
  const cadres = new Set<string>()
  for (const [i, a] of x.appointments.entries()) {
    const at = `appointments[${i}]`
    if (posts.has(a.postId))
      return fail(step, 'duplicate', `${at}.postId`, `post "${a.postId}" appointed twice`)
    if (cadres.has(a.cadreId))
      return fail(step, 'duplicate', `${at}.cadreId`, `"${a.cadreId}" appointed twice`)
    posts.add(a.postId)
    cadres.add(a.cadreId)
    const insp = round.inspections.find((y) => y.postId === a.postId && y.cadreId === a.cadreId)
    if (insp === undefined)
      return fail(
        step,
        'not-inspected',
        `${at}.cadreId`,
        `"${a.cadreId}" was not inspected for post "${a.postId}"`,
      )
    if (insp.conclusion !== 'fit')
      return fail(
        step,
        'unfit',
        `${at}.cadreId`,
        `the inspection found "${a.cadreId}" unfit for post "${a.postId}"`,
      )
    const missing = MUSTS.filter((k) => !insp.fourMusts[k])
    if (missing.length > 0)
      return fail(
        step,
        'four-musts',
        `${at}.cadreId`,
        `凡提四必 not done for "${a.cadreId}": ${missing.join(', ')}`,
      )
    if (insp.signatures.discipline === null || insp.signatures.organization === null)
      return fail(
        step,
        'signatures',
        `${at}.cadreId`,
        `the integrity conclusion of "${a.cadreId}" lacks a signature (双签字)`,
      )
    if (a.votesFor > x.present)
      return fail(step, 'input', `${at}.votesFor`, `${a.votesFor} votes from ${x.present} present`)
    if (a.votesFor * 2 <= x.members)
      return fail(
        step,
        'majority',
        `${at}.votesFor`,
        `${a.votesFor} of ${x.members} members for: more than half must be`,
      )
  }
  return right({ ...round, stage: 'decision', decision: x, log: logged(round, step, x.chair, x.date) })
}

/**
 * Opens the public notice (任前公示) of the decided appointments; it runs
 * `rules.noticeWorkingDays` working days of the round's calendar.
 *
 * @param round - the round
 * @param step - `by` and `date` (the first day)
 * @category Selection
 */
export function startNotice(
  round: SelectionRound,
  step: { readonly by: string; readonly date: Day },
): Either<ProcedureError, SelectionRound> {
  const name: StepName = 'start-notice'
  const ok = at(name, round, ['decision'])
  if (isLeft(ok)) return ok
  const s = input(name, stamp, step, 'a stamp object')
  if (isLeft(s)) return s
  const d = notBefore(name, round, s.right.date, 'date')
  if (isLeft(d)) return d
  // A stored round may carry a calendar openRound now refuses (off all seven days of the week).
  const weekend: unknown = round.rules.calendar.weekend
  if (Array.isArray(weekend) && new Set(weekend).size === 7)
    return fail(
      name,
      'input',
      'round.rules.calendar.weekend',
      'a calendar off all seven days of the week cannot count a notice',
    )
  let end: Day
  try {
    end = lastWorkingDay(round.rules.calendar, s.right.date, round.rules.noticeWorkingDays)
  } catch (e) {
    // Past 9999-12-31; or a hand-made round whose rules are not rules (a RangeError or TypeError
    // of the pure helper, answered here as the step's error).
    if (e instanceof RangeError)
      return fail(
        name,
        'input',
        'date',
        `a notice of ${round.rules.noticeWorkingDays} working days from ${s.right.date} ends after 9999-12-31`,
      )
    if (e instanceof TypeError) return fail(name, 'input', 'round.rules', e.message)
    throw e
  }
  return right({
    ...round,
    stage: 'notice',
    notice: { start: s.right.date, end, by: s.right.by, closed: null, withdrawn: [] },
    log: logged(round, name, s.right.by, s.right.date),
  })
}

/**
 * Records an objection raised during the notice against an appointee: dated
 * no later than the notice's last working day (`after-notice` otherwise),
 * even while the notice is not yet closed.
 *
 * @param round - the round
 * @param objection - `cadreId`, `date`, `by`, `summary`
 * @category Selection
 */
export function recordObjection(
  round: SelectionRound,
  objection: { readonly cadreId: string; readonly date: Day; readonly by: string; readonly summary: string },
): Either<ProcedureError, SelectionRound> {
  const step: StepName = 'record-objection'
  const ok = at(step, round, ['notice'])
  if (isLeft(ok)) return ok
  const o = input(step, objectionInput, objection, 'an objection object')
  if (isLeft(o)) return o
  if (!round.decision!.appointments.some((a) => a.cadreId === o.right.cadreId))
    return fail(step, 'not-appointed', 'cadreId', `"${o.right.cadreId}" is not an appointee of the notice`)
  const d = notBefore(step, round, o.right.date, 'date')
  if (isLeft(d)) return d
  // Objections are raised during the notice (公示), through its last working day, not after it.
  const notice = round.notice!
  if (!(dayNumber(o.right.date) <= dayNumber(notice.end)))
    return fail(
      step,
      'after-notice',
      'date',
      `${o.right.date} is after the notice's last day, ${notice.end} (${round.rules.noticeWorkingDays} working days from ${notice.start}): objections are raised during the notice`,
    )
  const id = `O${round.objections.length + 1}`
  return right({
    ...round,
    objections: [...round.objections, { id, ...o.right, resolution: null }],
    log: logged(round, step, o.right.by, o.right.date),
  })
}

/**
 * Settles an objection: `upheld` withdraws the appointment when the notice
 * closes, `dismissed` leaves it.
 *
 * @param round - the round
 * @param resolution - `objectionId`, `date`, `by`, `outcome`, `note`
 * @category Selection
 */
export function resolveObjection(
  round: SelectionRound,
  resolution: {
    readonly objectionId: string
    readonly date: Day
    readonly by: string
    readonly outcome: 'upheld' | 'dismissed'
    readonly note?: string
  },
): Either<ProcedureError, SelectionRound> {
  const step: StepName = 'resolve-objection'
  const ok = at(step, round, ['notice'])
  if (isLeft(ok)) return ok
  const r = input(step, resolutionInput, resolution, 'a resolution object')
  if (isLeft(r)) return r
  const { objectionId, ...settled } = r.right
  const o = round.objections.find((x) => x.id === objectionId)
  if (o === undefined) return fail(step, 'unknown-objection', 'objectionId', `no objection "${objectionId}"`)
  if (o.resolution !== null)
    return fail(step, 'duplicate', 'objectionId', `objection "${objectionId}" is already settled`)
  const d = notBefore(step, round, settled.date, 'date')
  if (isLeft(d)) return d
  return right({
    ...round,
    objections: round.objections.map((x) => (x === o ? { ...x, resolution: settled } : x)),
    log: logged(round, step, settled.by, settled.date),
  })
}

/**
 * Closes the notice after its last working day, with no objection open;
 * appointees with an upheld objection are withdrawn, the others start
 * their probation.
 *
 * @param round - the round
 * @param step - `by` and `date`
 * @category Selection
 */
export function closeNotice(
  round: SelectionRound,
  step: { readonly by: string; readonly date: Day },
): Either<ProcedureError, SelectionRound> {
  const name: StepName = 'close-notice'
  const ok = at(name, round, ['notice'])
  if (isLeft(ok)) return ok
  const s = input(name, stamp, step, 'a stamp object')
  if (isLeft(s)) return s
  const notice = round.notice!
  // A notice with no real last day would compare false with every date (NaN) and close at once.
  if (Number.isNaN(dayNumber(notice.end)))
    return fail(
      name,
      'input',
      'round.notice.end',
      `expected the notice's last day YYYY-MM-DD, got ${JSON.stringify(notice.end)}`,
    )
  if (dayNumber(s.right.date) <= dayNumber(notice.end))
    return fail(
      name,
      'notice-too-short',
      'date',
      `the notice runs through ${notice.end} (${round.rules.noticeWorkingDays} working days from ${notice.start}); it closes after that`,
    )
  const open = round.objections.filter((o) => o.resolution === null)
  if (open.length > 0)
    return fail(
      name,
      'open-objection',
      '',
      `objections still open: ${open.map((o) => `${o.id} (${o.cadreId})`).join(', ')}`,
    )
  const d = notBefore(name, round, s.right.date, 'date')
  if (isLeft(d)) return d
  const withdrawn = [
    ...new Set(round.objections.filter((o) => o.resolution?.outcome === 'upheld').map((o) => o.cadreId)),
  ]
  const left = round.decision!.appointments.filter((a) => !withdrawn.includes(a.cadreId))
  return right({
    ...round,
    stage: left.length === 0 ? 'closed' : 'probation',
    notice: { ...notice, closed: s.right, withdrawn },
    log: logged(round, name, s.right.by, s.right.date),
  })
}

/**
 * Ends an appointee's probation (试用期): `confirmed` or `not-confirmed`, no
 * earlier than `rules.probationMonths` after the notice closed. The round
 * closes when every appointee's probation has ended.
 *
 * @param round - the round
 * @param outcome - `cadreId`, `date`, `by`, `outcome`, `note`
 * @category Selection
 */
export function confirmProbation(
  round: SelectionRound,
  outcome: {
    readonly cadreId: string
    readonly date: Day
    readonly by: string
    readonly outcome: 'confirmed' | 'not-confirmed'
    readonly note?: string
  },
): Either<ProcedureError, SelectionRound> {
  const step: StepName = 'confirm-probation'
  const ok = at(step, round, ['probation'])
  if (isLeft(ok)) return ok
  const o = input(step, probationInput, outcome, 'a probation object')
  if (isLeft(o)) return o
  const notice = round.notice!
  const appointment = round.decision!.appointments.find((a) => a.cadreId === o.right.cadreId)
  if (appointment === undefined || notice.withdrawn.includes(o.right.cadreId))
    return fail(step, 'not-appointed', 'cadreId', `"${o.right.cadreId}" is not on probation in this round`)
  if (round.probation.some((p) => p.cadreId === o.right.cadreId))
    return fail(step, 'duplicate', 'cadreId', `the probation of "${o.right.cadreId}" has already ended`)
  const due = addMonths(notice.closed!.date, round.rules.probationMonths)
  if (dayNumber(o.right.date) < dayNumber(due))
    return fail(
      step,
      'probation-too-short',
      'date',
      `probation runs ${round.rules.probationMonths} months from ${notice.closed!.date}, until ${due}`,
    )
  const d = notBefore(step, round, o.right.date, 'date')
  if (isLeft(d)) return d
  const probation = [...round.probation, { postId: appointment.postId, ...o.right }]
  const onProbation = round.decision!.appointments.filter((a) => !notice.withdrawn.includes(a.cadreId))
  return right({
    ...round,
    stage: probation.length === onProbation.length ? 'closed' : 'probation',
    probation,
    log: logged(round, step, o.right.by, o.right.date),
  })
}
