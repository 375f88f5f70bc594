/**
 * Integrity gate (凡提四必, 双签字) before a promotion, and the disciplinary
 * bar (立案审查, 处分影响期) before any appointment.
 *
 * @module
 */
import { monthsBetween } from '../domain/time.js'
import type { Finding, PairRule } from './verdict.js'

/** @category Rules */
export const integrityGate: PairRule = {
  code: 'integrity.gate',
  occasion: 'promotion',
  reads: { cadre: ['integrity'] },
  switchOf: (p) => p.people.integrity,
  check: ({ ctx, cadre }) => {
    const r = cadre.integrity
    const missing: string[] = []
    if (!r.fileAudited) missing.push('file audit')
    if (!r.personalMattersVerified) missing.push('personal-matters report')
    if (!r.disciplineOpinionHeard) missing.push('discipline opinion')
    if (!r.complaintsInvestigated) missing.push('complaints check')
    if (!r.doubleSigned) missing.push('double signature')
    if (!r.clean) missing.push('clean conclusion')
    const maxAge = ctx.scenario.policy.people.integrity.maxAgeMonths
    if (r.checkedOn === null) missing.push('date of the checks')
    else if (monthsBetween(r.checkedOn, ctx.scenario.asOf) > maxAge)
      missing.push(`checks within ${maxAge} months`)
    return missing.length === 0
      ? null
      : {
          message: `${cadre.name}: integrity gate lacks ${missing.join(', ')}`,
          facts: { missing: missing.join(', ') },
        }
  },
}

/** @category Rules */
export const openCase: PairRule = {
  code: 'discipline.open-case',
  occasion: 'appointment',
  reads: { cadre: ['integrity'] },
  switchOf: (p) => p.people.discipline,
  check: ({ ctx, cadre }): Finding | null => {
    const r = cadre.integrity
    if (r.underInvestigation)
      return { message: `${cadre.name} is under investigation`, facts: { underInvestigation: true } }
    if (r.disciplinaryUntil !== null && monthsBetween(ctx.scenario.asOf, r.disciplinaryUntil) >= 0)
      return {
        message: `${cadre.name} is in a disciplinary period until ${r.disciplinaryUntil}`,
        facts: { disciplinaryUntil: r.disciplinaryUntil },
      }
    return null
  },
}
