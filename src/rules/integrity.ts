/**
 * Integrity gate (凡提四必, 双签字) before a promotion, and the disciplinary
 * bar (立案审查, 处分影响期) before any appointment.
 *
 * @module
 */
import { monthsBetween } from '../domain/time.js'
import { pairRule, type Finding, type PairFacts, type PairRule } from './verdict.js'

/** @category Rules */
export const integrityGate: PairRule = pairRule({
  code: 'integrity.gate',
  occasion: 'promotion',
  reads: { cadre: ['integrity'] },
  switchOf: (p) => p.people.integrity,
  breaks: ({ ctx, cadre }) => {
    const r = cadre.integrity
    return !(
      r.fileAudited &&
      r.personalMattersVerified &&
      r.disciplineOpinionHeard &&
      r.complaintsInvestigated &&
      r.doubleSigned &&
      r.clean &&
      r.checkedOn !== null &&
      monthsBetween(r.checkedOn, ctx.scenario.asOf) <= ctx.scenario.policy.people.integrity.maxAgeMonths
    )
  },
  finding: ({ ctx, cadre }) => {
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
    return {
      message: `${cadre.name}: integrity gate lacks ${missing.join(', ')}`,
      facts: { missing: missing.join(', ') },
    }
  },
})

/** Within a disciplinary period at the reference month. */
const disciplined = ({ ctx, cadre }: PairFacts) => {
  const until = cadre.integrity.disciplinaryUntil
  return until !== null && monthsBetween(ctx.scenario.asOf, until) >= 0
}

/** @category Rules */
export const openCase: PairRule = pairRule({
  code: 'discipline.open-case',
  occasion: 'appointment',
  reads: { cadre: ['integrity'] },
  switchOf: (p) => p.people.discipline,
  breaks: (pair) => pair.cadre.integrity.underInvestigation || disciplined(pair),
  finding: ({ cadre }): Finding =>
    cadre.integrity.underInvestigation
      ? { message: `${cadre.name} is under investigation`, facts: { underInvestigation: true } }
      : {
          message: `${cadre.name} is in a disciplinary period until ${cadre.integrity.disciplinaryUntil}`,
          facts: { disciplinaryUntil: cadre.integrity.disciplinaryUntil },
        },
})
