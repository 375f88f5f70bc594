/**
 * Candidates for adjustment (能上能下): cadres whose recent assessment is
 * "incompetent". Such a grade blocks promotion (`assessment.low-grade`) and,
 * beyond that, puts the cadre on the department's list for adjustment — a
 * decision for people, not for the optimiser, so this is a list, not a rule.
 *
 * @module
 */
import type { Grade, Scenario } from '../domain/types.js'

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
   * @defaultValue `1`
   */
  readonly lookbackYears?: number
}

const DEFAULTS: Required<AdjustmentOptions> = { grades: ['incompetent'], lookbackYears: 1 }

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
  const { grades, lookbackYears } = { ...DEFAULTS, ...options }
  const since = Number(scenario.asOf.slice(0, 4)) - lookbackYears
  const out: AdjustmentCandidate[] = []
  for (const c of scenario.cadres) {
    const marked = c.assessments
      .filter((a) => a.year >= since && grades.includes(a.grade))
      .sort((a, b) => b.year - a.year)[0]
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
