/**
 * Candidates for adjustment (能上能下): cadres whose recent assessment is
 * "incompetent". Such a grade blocks promotion (`assessment.low-grade`) and,
 * beyond that, puts the cadre on the department's list for adjustment — a
 * decision for people, not for the optimiser, so this is a list, not a rule.
 *
 * {@link moveCandidates} reads the same grades both ways: down (incompetent,
 * or basic years running) and up (excellent years running and ready for the
 * next rung), each with its evidence, including combined scores when given.
 *
 * @module
 */
import {
  booleanOption,
  numberOption,
  objectOption,
  requireOptions,
  requireScenario,
  requireShape,
  type OptionSpec,
} from '../io/door.js'
import { monthsBetween } from '../domain/time.js'
import { RANKS, type Cadre, type Grade, type Scenario } from '../domain/types.js'

/** Options of {@link adjustmentCandidates}. @category Rules */
export interface AdjustmentOptions {
  /**
   * Grades that mark a cadre.
   * @defaultValue `['incompetent']`
   */
  readonly grades?: readonly Grade[]
  /**
   * Assessment years looked at: those `≥ year(asOf) − lookbackYears` (the
   * yearly assessment of the previous year is the "last year" one).
   * @defaultValue `policy.assessment.moves.lookbackYears` (1 by default), as {@link moveCandidates}
   */
  readonly lookbackYears?: number
}

/** The checks of {@link AdjustmentOptions}' keys. */
const ADJUSTMENT_OPTION_SPEC: OptionSpec = {
  grades: {
    expected: 'an array of grades ("excellent", "competent", "basic", "incompetent")',
    test: (v) =>
      Array.isArray(v) &&
      v.every((g) => ['excellent', 'competent', 'basic', 'incompetent'].includes(g as string)),
  },
  lookbackYears: numberOption({ min: 0, integer: true }),
}

/** The checks of {@link MoveOptions}' keys. */
const MOVE_OPTION_SPEC: OptionSpec = {
  excellentRun: numberOption({ min: 1, integer: true }),
  basicRun: numberOption({ min: 1, integer: true }),
  lookbackYears: numberOption({ min: 0, integer: true }),
  includeNotReady: booleanOption,
  scores: {
    expected: 'ScoreEvidence (combinedScores)',
    test: (v) => objectOption.test(v) && Array.isArray((v as { cadres?: unknown }).cadres),
  },
}

/** A cadre marked for adjustment, with the assessment that marked them. @category Rules */
export interface AdjustmentCandidate {
  readonly cadreId: string
  /** The post the cadre holds, if any. */
  readonly postId: string | null
  readonly year: number
  readonly grade: Grade
}

/**
 * Cadres graded one of `grades` in the last `lookbackYears` assessment years,
 * in roster order, each with their most recent such assessment.
 *
 * @param scenario - a decoded scenario
 * @param options - grades and years looked at
 * @returns the candidates for adjustment
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Rules
 * @example
 * // asOf 2026-09; C7 was graded incompetent for 2025
 * adjustmentCandidates(scenario)
 * //=> [{ cadreId: 'C7', postId: 'P3', year: 2025, grade: 'incompetent' }]
 */
export function adjustmentCandidates(
  scenario: Scenario,
  options: AdjustmentOptions = {},
): AdjustmentCandidate[] {
  requireScenario('adjustmentCandidates', scenario)
  requireOptions('adjustmentCandidates', options, ADJUSTMENT_OPTION_SPEC)
  const grades = options.grades ?? ['incompetent']
  const lookbackYears = options.lookbackYears ?? scenario.policy.assessment.moves.lookbackYears
  const since = Number(scenario.asOf.slice(0, 4)) - lookbackYears
  const out: AdjustmentCandidate[] = []
  for (const c of scenario.cadres) {
    const marked = yearlyGrades(c).find((a) => a.year >= since && grades.includes(a.grade))
    if (marked !== undefined)
      out.push({
        cadreId: c.id,
        postId: c.currentPost?.postId ?? null,
        year: marked.year,
        grade: marked.grade,
      })
  }
  return out
}

/** A year and its grade. @category Assessment */
export interface YearGrade {
  readonly year: number
  readonly grade: Grade
}

/**
 * The yearly grades of a cadre, latest first: each `assessments` entry, and
 * for a year without one, the grade of a detailed annual record
 * (`assessmentRecords`, kind `annual`) when it has one.
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Assessment
 */
export function yearlyGrades(cadre: Cadre): YearGrade[] {
  requireShape('yearlyGrades', 'cadre', 'cadre', cadre)
  const byYear = new Map<number, Grade>()
  for (const a of cadre.assessments) byYear.set(a.year, a.grade)
  for (const r of cadre.assessmentRecords ?? [])
    if (r.kind === 'annual' && r.grade !== undefined && !byYear.has(r.year)) byYear.set(r.year, r.grade)
  return [...byYear].sort((a, b) => b[0] - a[0]).map(([year, grade]) => ({ year, grade }))
}

/** Why a cadre is a candidate to move. @category Assessment */
export type MoveReason = 'excellent-run' | 'incompetent' | 'basic-run'

/** Readiness for the next rung of a cadre moving up (后备成熟度). @category Assessment */
export interface Readiness {
  readonly monthsAtRank: number
  /** Months the ladder asks for at the cadre's rank. */
  readonly monthsRequired: number
  /**
   * The four checks done, double-signed, clean and dated within the
   * integrity rule's `maxAgeMonths` (as the integrity gate reads them), no
   * open case or disciplinary period.
   */
  readonly integrityCleared: boolean
  /** Reserve groups (四类干部) the cadre is listed in. */
  readonly reserveGroups: readonly string[]
  /** Years at rank met, integrity cleared and a rung above. */
  readonly ready: boolean
}

/** A cadre to move up or down (能上能下), with the evidence. @category Assessment */
export interface MoveCandidate {
  readonly cadreId: string
  readonly postId: string | null
  readonly direction: 'up' | 'down'
  readonly reason: MoveReason
  /** The grades that decided it, latest first. */
  readonly grades: readonly YearGrade[]
  /** Combined scores of the cadre (三结合), latest first, when scores were given. */
  readonly scores: readonly { readonly year: number; readonly score: number }[]
  /** For `up` only. */
  readonly readiness: Readiness | null
}

/**
 * Combined scores given as evidence: the shape of `combinedScores(scenario)`
 * (only the fields read here). @category Assessment
 */
export interface ScoreEvidence {
  readonly cadres: readonly {
    readonly cadreId: string
    readonly years: readonly { readonly year: number; readonly score: number }[]
  }[]
}

/** Options of {@link moveCandidates}; missing numbers come from `policy.assessment.moves`. @category Assessment */
export interface MoveOptions {
  readonly excellentRun?: number
  readonly basicRun?: number
  readonly lookbackYears?: number
  /** List a cadre with an excellent run who is not ready, with `readiness.ready` false. @defaultValue false */
  readonly includeNotReady?: boolean
  /** Combined scores to attach as evidence (e.g. `combinedScores(scenario)`). */
  readonly scores?: ScoreEvidence
}

/** Cadres to move up and to move down, each in roster order. @category Assessment */
export interface Moves {
  readonly up: readonly MoveCandidate[]
  readonly down: readonly MoveCandidate[]
}

/**
 * 能上能下: who should be moved up — graded excellent in each of the latest
 * `excellentRun` assessment years running (the latest one within
 * `lookbackYears`), and ready for the next rung (years at rank met,
 * integrity cleared) — and who should be adjusted down — graded incompetent
 * within `lookbackYears` (as {@link adjustmentCandidates}), or basic in each
 * of the latest `basicRun` years running. A cadre is listed once, down before
 * up; grades come from {@link yearlyGrades}.
 *
 * @param scenario - a decoded scenario
 * @param options - thresholds (policy defaults) and score evidence
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Assessment
 * @example
 * const s = sampleScenario()
 * const moves = moveCandidates(s, { scores: combinedScores(s) })
 * moves.down[0]
 * //=> { cadreId: 'C00237', postId: null, direction: 'down', reason: 'incompetent',
 * //     grades: [{ year: 2025, grade: 'incompetent' }], scores: [{ year: 2025, score: 66.128125 }, …], readiness: null }
 */
export function moveCandidates(scenario: Scenario, options: MoveOptions = {}): Moves {
  requireScenario('moveCandidates', scenario)
  requireOptions('moveCandidates', options, MOVE_OPTION_SPEC)
  const policy = scenario.policy.assessment.moves
  const excellentRun = options.excellentRun ?? policy.excellentRun
  const basicRun = options.basicRun ?? policy.basicRun
  const lookbackYears = options.lookbackYears ?? policy.lookbackYears
  const since = Number(scenario.asOf.slice(0, 4)) - lookbackYears
  const scores = new Map<string, { year: number; score: number }[]>()
  for (const c of options.scores?.cadres ?? [])
    scores.set(
      c.cadreId,
      [...c.years].reverse().map((y) => ({ year: y.year, score: y.score })),
    )
  const ups: MoveCandidate[] = []
  const downs: MoveCandidate[] = []
  for (const c of scenario.cadres) {
    const grades = yearlyGrades(c)
    const latest = grades[0]
    // no grade inside the window: nothing recent to act on, either way
    if (latest === undefined || latest.year < since) continue
    const postId = c.currentPost?.postId ?? null
    const evidence = scores.get(c.id) ?? []
    const incompetent = grades.find((g) => g.year >= since && g.grade === 'incompetent')
    const basic = runOf(grades, 'basic', basicRun)
    const excellent = runOf(grades, 'excellent', excellentRun)
    const down = (reason: MoveReason, decided: YearGrade[]): MoveCandidate => ({
      cadreId: c.id,
      postId,
      direction: 'down',
      reason,
      grades: decided,
      scores: evidence,
      readiness: null,
    })
    if (incompetent !== undefined) downs.push(down('incompetent', [incompetent]))
    else if (basic !== null) downs.push(down('basic-run', basic))
    else if (excellent !== null) {
      const readiness = readinessOf(scenario, c)
      if (readiness.ready || options.includeNotReady === true)
        ups.push({
          cadreId: c.id,
          postId,
          direction: 'up',
          reason: 'excellent-run',
          grades: excellent,
          scores: evidence,
          readiness,
        })
    }
  }
  return { up: ups, down: downs }
}

/** The latest `run` grades if they are all `grade` in consecutive years, else null. */
function runOf(grades: readonly YearGrade[], grade: Grade, run: number): YearGrade[] | null {
  if (grades.length < run) return null
  const head = grades.slice(0, run)
  for (let i = 0; i < head.length; i++) {
    if (head[i]!.grade !== grade) return null
    if (i > 0 && head[i - 1]!.year - head[i]!.year !== 1) return null
  }
  return head
}

function readinessOf(scenario: Scenario, c: Cadre): Readiness {
  const ladder = scenario.policy.people.ladder
  // As the ladder rule counts: ready at 12 × minYearsAtRank months, a fraction of a month up (2.04
  // years is 24.48 months: 25 whole months, not 24).
  const needed = 12 * ladder.minYearsAtRank[c.rank]
  const monthsRequired = Math.max(0, Math.ceil(needed - 1e-9))
  const monthsAtRank = monthsBetween(c.rankSince, scenario.asOf)
  const i = c.integrity
  // As the integrity gate reads them: the checks count only when dated within `maxAgeMonths`.
  const integrityCleared =
    i.fileAudited &&
    i.personalMattersVerified &&
    i.disciplineOpinionHeard &&
    i.complaintsInvestigated &&
    i.doubleSigned &&
    i.clean &&
    i.checkedOn !== null &&
    monthsBetween(i.checkedOn, scenario.asOf) <= scenario.policy.people.integrity.maxAgeMonths &&
    !i.underInvestigation &&
    (i.disciplinaryUntil === null || i.disciplinaryUntil < scenario.asOf)
  const topRank = RANKS.indexOf(c.rank) === RANKS.length - 1
  return {
    monthsAtRank,
    monthsRequired,
    integrityCleared,
    reserveGroups: [...c.reserveGroups],
    ready: monthsAtRank >= needed && integrityCleared && !topRank,
  }
}
