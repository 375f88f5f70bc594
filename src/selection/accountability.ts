/**
 * Accountability of real-name recommendation (实名制推荐): everyone a
 * recommender put forward — in selection rounds and in reserve
 * recommendations — what became of them, and what was found against them
 * afterwards (discipline, an investigation, a low grade, an unfit inspection,
 * an upheld objection, a probation not confirmed).
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import { monthIndex } from '../domain/time.js'
import { anyOption, checkOptions, type InvalidOptions, type OptionSpec, scenarioIssue } from '../io/door.js'
import { renderValue } from '../io/errors.js'
import type { Recommendation, Scenario } from '../domain/types.js'
import { dayNumber } from './calendar.js'
import { isRound } from './round.js'
import type { Day, SelectionRound } from './types.js'
import { formatPath } from '../io/path.js'

/** What became of a cadre put forward. @category Selection */
export type RecommendationOutcome =
  | 'pending'
  | 'not-shortlisted'
  | 'not-appointed'
  | 'withdrawn'
  | 'on-probation'
  | 'confirmed'
  | 'not-confirmed'
  | 'reserve'

/** A finding against a cadre after they were put forward. @category Selection */
export interface LaterFinding {
  readonly kind:
    'discipline' | 'investigation' | 'low-grade' | 'unfit-inspection' | 'upheld-objection' | 'not-confirmed'
  /** When it was found: a day, a month or a year, as recorded. */
  readonly when: string
  readonly detail: string
}

/** One cadre a recommender put forward. @category Selection */
export interface RecommendedCadre {
  readonly cadreId: string
  /** The cadre's name in the scenario; `null` if no longer on the roster. */
  readonly name: string | null
  /** The round and post (`null` for a reserve recommendation). */
  readonly roundId: string | null
  readonly postId: string | null
  readonly date: string
  readonly reason: string
  readonly outcome: RecommendationOutcome
  readonly findings: readonly LaterFinding[]
}

/** A recommender's record. @category Selection */
export interface RecommenderRecord {
  readonly recommender: string
  /** In date order, then round, post and cadre. */
  readonly putForward: readonly RecommendedCadre[]
  /** Of those put forward: appointed (on probation, confirmed or not), confirmed, with a later finding. */
  readonly appointed: number
  readonly confirmed: number
  readonly withFindings: number
}

/** Why a recommender's record could not be made: the argument at fault. @category Selection */
export interface InvalidRecordQuery {
  readonly _tag: 'InvalidRecordQuery'
  readonly path: string
  readonly message: string
}

/** The keys of {@link recommenderRecord}'s options; `recommendations` is read (and named) by the call. */
const RECORD_OPTION_SPEC: OptionSpec = { recommendations: anyOption }

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const LOW: ReadonlySet<string> = new Set(['basic', 'incompetent'])

/**
 * The shortest disciplinary period (处分影响期: 警告, 6 months). The roster
 * records only a period's end, so one ending fewer months than this after a
 * recommendation began before it: it was running when the cadre was put forward.
 */
const SHORTEST_DISCIPLINE_MONTHS = 6

/**
 * The later findings on the roster of a cadre of the scenario put forward in
 * the month `since` (`YYYY-MM`): only what began after it. A roster of that
 * month or earlier shows what was there when the cadre was put forward, so
 * nothing; a disciplinary period counts only if it can have begun in that
 * month or after (it ends at least SHORTEST_DISCIPLINE_MONTHS later).
 */
function rosterFindings(scenario: Scenario, cadreId: string, since: string): LaterFinding[] {
  const c = scenario.cadres.find((x) => x.id === cadreId)
  if (c === undefined) return []
  const out: LaterFinding[] = []
  const from = monthIndex(since)
  const year = Number(since.slice(0, 4))
  const rosterLater = monthIndex(scenario.asOf) > from
  if (c.integrity.underInvestigation && rosterLater)
    out.push({ kind: 'investigation', when: scenario.asOf, detail: 'under investigation (立案审查)' })
  const until = c.integrity.disciplinaryUntil
  if (until !== null && rosterLater && monthIndex(until) - SHORTEST_DISCIPLINE_MONTHS >= from)
    out.push({ kind: 'discipline', when: until, detail: `disciplinary period until ${until} (处分影响期)` })
  for (const a of c.assessments)
    if (a.year >= year && LOW.has(a.grade))
      out.push({ kind: 'low-grade', when: String(a.year), detail: `${a.year}: ${a.grade}` })
  return out
}

/**
 * The record of a recommender (实名制推荐 responsibility): everyone they put
 * forward in `rounds` (by `recommender`, exactly as recorded) and in reserve
 * `recommendations`, what became of each, and what was found against each
 * afterwards — in the rounds (an unfit inspection, an upheld objection, a
 * probation not confirmed) and on the scenario's roster (an investigation, a
 * disciplinary period, a basic or incompetent grade since the
 * recommendation's year). A finding on the roster is later only when it
 * began after the recommendation's month: none on a roster of that month or
 * earlier, and a disciplinary period only when it ends at least
 * 6 months (警告, the shortest period) after it (the roster records only its
 * end; one ending sooner was running already). Each round is counted once: a
 * round id given twice is refused (`rounds[i].id`).
 *
 * @param scenario - the roster as it is now, for the later findings
 * @param rounds - selection rounds (one or many)
 * @param recommender - the recommender's name as recorded
 * @param options - reserve `recommendations` (from `decodeRecommendations`) to include
 * @returns the record, or `Left`: {@link InvalidRecordQuery} naming the argument at fault, or
 * `InvalidOptions` for options that are not an object or a key misspelt by case
 * (`options.Recommendations: expected a known option (did you mean "recommendations"?)`)
 * @category Selection
 */
export function recommenderRecord(
  scenario: Scenario,
  rounds: SelectionRound | readonly SelectionRound[],
  recommender: string,
  options: { readonly recommendations?: readonly Recommendation[] } = {},
): Either<InvalidRecordQuery | InvalidOptions, RecommenderRecord> {
  const fail = (path: string, message: string) =>
    left<InvalidRecordQuery>({ _tag: 'InvalidRecordQuery', path, message: `${path}: ${message}` })
  if (typeof recommender !== 'string' || recommender.trim() === '')
    return fail('recommender', 'expected a name')
  const notScenario = scenarioIssue(scenario)
  if (notScenario !== null)
    return fail(formatPath(notScenario.path), `expected ${notScenario.expected}, got ${notScenario.got}`)
  const list: readonly unknown[] = Array.isArray(rounds) ? (rounds as readonly unknown[]) : [rounds]
  const ids = new Map<string, number>()
  for (const [i, r] of list.entries()) {
    if (!isRound(r)) return fail(`rounds[${i}]`, 'expected a selection round')
    // Given twice, a round would count its appointments twice: each round once, known by its id.
    const before = ids.get(r.id)
    if (before !== undefined)
      return fail(
        `rounds[${i}].id`,
        `round "${r.id}" is given twice (as rounds[${before}]); give each round once`,
      )
    ids.set(r.id, i)
  }
  const checked = checkOptions<{ readonly recommendations?: readonly Recommendation[] }>(
    options,
    RECORD_OPTION_SPEC,
  )
  if (checked._tag === 'Left') return checked
  const extra: unknown = options.recommendations === undefined ? [] : options.recommendations
  if (!Array.isArray(extra))
    return fail(
      'options.recommendations',
      `expected an array of recommendations, got ${renderValue(options.recommendations)}`,
    )
  const names = new Map(scenario.cadres.map((c) => [c.id, c.name]))
  const who = recommender.trim()
  const out: RecommendedCadre[] = []
  for (const r of list as readonly SelectionRound[]) {
    const seen = new Set<string>()
    for (const rec of r.recommendations) {
      if (rec.recommender.trim() !== who || seen.has(`${rec.postId} ${rec.cadreId}`)) continue
      seen.add(`${rec.postId} ${rec.cadreId}`)
      const findings: LaterFinding[] = []
      const inspected = r.inspections.find((i) => i.postId === rec.postId && i.cadreId === rec.cadreId)
      if (inspected?.conclusion === 'unfit')
        findings.push({
          kind: 'unfit-inspection',
          when: inspected.date,
          detail: inspected.findings || 'found unfit',
        })
      const appointed =
        r.decision?.appointments.some((a) => a.postId === rec.postId && a.cadreId === rec.cadreId) ?? false
      if (appointed)
        for (const o of r.objections)
          if (o.cadreId === rec.cadreId && o.resolution?.outcome === 'upheld')
            findings.push({ kind: 'upheld-objection', when: o.resolution.date, detail: o.summary })
      const probation = r.probation.find((p) => p.postId === rec.postId && p.cadreId === rec.cadreId)
      if (probation?.outcome === 'not-confirmed')
        findings.push({
          kind: 'not-confirmed',
          when: probation.date,
          detail: probation.note || 'probation not confirmed',
        })
      findings.push(...rosterFindings(scenario, rec.cadreId, rec.date.slice(0, 7)))
      const shortlisted = r.shortlist.some((l) => l.postId === rec.postId && l.cadreIds.includes(rec.cadreId))
      const outcome: RecommendationOutcome =
        probation !== undefined
          ? probation.outcome
          : appointed
            ? r.notice?.withdrawn.includes(rec.cadreId) === true
              ? 'withdrawn'
              : r.notice?.closed != null
                ? 'on-probation'
                : 'pending'
            : r.decision !== null
              ? 'not-appointed'
              : r.shortlist.length > 0 && !shortlisted
                ? 'not-shortlisted'
                : 'pending'
      out.push({
        cadreId: rec.cadreId,
        name: names.get(rec.cadreId) ?? null,
        roundId: r.id,
        postId: rec.postId,
        date: rec.date,
        reason: rec.reason,
        outcome,
        findings,
      })
    }
  }
  for (const rec of extra) {
    if (
      typeof rec !== 'object' ||
      rec === null ||
      typeof rec.recommender !== 'string' ||
      rec.recommender.trim() !== who
    )
      continue
    if (typeof rec.cadreId !== 'string' || typeof rec.date !== 'string') continue
    out.push({
      cadreId: rec.cadreId,
      name: names.get(rec.cadreId) ?? null,
      roundId: null,
      postId: null,
      date: rec.date,
      reason: rec.reason,
      outcome: 'reserve',
      findings: rosterFindings(scenario, rec.cadreId, rec.date),
    })
  }
  const key = (x: RecommendedCadre) => dayNumber(x.date.length === 7 ? `${x.date}-01` : (x.date as Day))
  out.sort(
    (a, b) =>
      key(a) - key(b) ||
      cmp(a.roundId ?? '', b.roundId ?? '') ||
      cmp(a.postId ?? '', b.postId ?? '') ||
      cmp(a.cadreId, b.cadreId),
  )
  return right({
    recommender: who,
    putForward: out,
    appointed: out.filter((x) => ['on-probation', 'confirmed', 'not-confirmed'].includes(x.outcome)).length,
    confirmed: out.filter((x) => x.outcome === 'confirmed').length,
    withFindings: out.filter((x) => x.findings.length > 0).length,
  })
}
