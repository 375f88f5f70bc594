/**
 * Detailed assessment records of generated cadres (annual, ongoing and
 * special; indicators and rater groups), drawn from a random stream of their
 * own so that no other field of a scenario depends on whether they are made.
 * A cadre's annual record carries the grade of the yearly result where one
 * exists, so the two views agree.
 *
 * @module
 */
import type { Policy } from '../domain/policy.js'
import type { AssessmentRecord, Cadre, EvaluatorGroup, Grade } from '../domain/types.js'
import { ageAt } from '../domain/time.js'
import { createRng, type Rng } from './random.js'

const clamp = (x: number): number => Math.round(Math.min(100, Math.max(0, x)) * 10) / 10

/** Roughly normal noise with standard deviation `sd` (sum of three uniforms). */
const noise = (rng: Rng, sd: number): number => (rng.next() + rng.next() + rng.next() - 1.5) * 2 * sd

const gradeOf = (score: number): Grade =>
  score >= 90 ? 'excellent' : score >= 80 ? 'competent' : score >= 66 ? 'basic' : 'incompetent'

const GROUPS: readonly EvaluatorGroup[] = ['superiors', 'peers', 'subordinates', 'public']

/**
 * Records for the `years` years before the year of `asOf` (a `YYYY-MM`), for each cadre of
 * working age in the year, in roster order; `seed` names the stream.
 */
export function drawAssessmentRecords(
  cadres: readonly Cadre[],
  asOf: string,
  years: number,
  policy: Policy,
  seed: number,
): AssessmentRecord[][] {
  const rng = createRng(seed)
  const codes = policy.assessment.indicators.map((x) => x.code)
  const asOfYear = Number(asOf.slice(0, 4))
  return cadres.map((c) => {
    const age = ageAt(c.birth, asOf)
    const yearly = new Map(c.assessments.map((a) => [a.year, a]))
    const known = c.assessments.filter((a) => a.score !== undefined)
    const base =
      known.length > 0 ? known.reduce((s, a) => s + (a.score ?? 0), 0) / known.length : 80 + noise(rng, 6)
    const offsets = codes.map(() => noise(rng, 4))
    const trend = noise(rng, 1.2)
    const out: AssessmentRecord[] = []
    for (let y = asOfYear - years; y < asOfYear; y++) {
      // as the yearly results: assessed from the first full year of work
      if (age - (asOfYear - y) < 23) continue
      const level = base + trend * (y - (asOfYear - 1))
      const y0 = yearly.get(y)
      const annualLevel = y0?.score ?? level
      const indicators = (at: number): Record<string, number> =>
        Object.fromEntries(codes.map((code, i) => [code, clamp(at + offsets[i]! + noise(rng, 2.5))]))
      if (rng.chance(0.92)) {
        const ind = indicators(annualLevel)
        out.push({ year: y, kind: 'annual', grade: y0?.grade ?? gradeOf(annualLevel), indicators: ind })
      }
      if (rng.chance(0.8)) {
        const evaluators: Partial<Record<EvaluatorGroup, number>> = {}
        for (const g of GROUPS)
          if (g !== 'public' || rng.chance(0.7)) evaluators[g] = clamp(level + noise(rng, 4))
        out.push({ year: y, kind: 'ongoing', indicators: indicators(level), evaluators })
      }
      if (rng.chance(0.35)) out.push({ year: y, kind: 'special', score: clamp(level + noise(rng, 5)) })
    }
    return out
  })
}
