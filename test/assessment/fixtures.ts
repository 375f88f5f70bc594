/** Hand-made cadres with detailed assessment records, on the validator's county (reference month 2024-06). */
import type { AssessmentRecord, Cadre, Scenario } from '../../src/domain/types.js'
import { cadre, scenario } from '../check/fixtures.js'

/** A cadre with detailed records and no yearly result (so nothing falls back to `assessments`). */
export const withRecords = (id: string, records: AssessmentRecord[], over: Partial<Cadre> = {}): Cadre =>
  cadre(id, { assessments: [], assessmentRecords: records, ...over })

/** An annual record with only a score. */
export const annual = (year: number, score: number, indicators?: Record<string, number>): AssessmentRecord =>
  indicators === undefined ? { year, kind: 'annual', score } : { year, kind: 'annual', score, indicators }

/** The validator's scenario with exactly these cadres. */
export const county = (...cadres: Cadre[]): Scenario => scenario({ cadres })
