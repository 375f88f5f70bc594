/**
 * Education, age at appointment and recent assessment grades.
 *
 * @module
 */
import { EDUCATION_LEVELS } from '../domain/types.js'
import type { PairRule } from './verdict.js'

/** @category Rules */
export const education: PairRule = {
  code: 'education.min-level',
  occasion: 'appointment',
  switchOf: (p) => p.people.education,
  check: ({ ctx, cadre }) => {
    const min = ctx.scenario.policy.people.education.minLevel
    return EDUCATION_LEVELS.indexOf(cadre.education.level) < EDUCATION_LEVELS.indexOf(min)
      ? {
          message: `${cadre.name}'s education is ${cadre.education.level}; at least ${min} is required`,
          facts: { level: cadre.education.level, min },
        }
      : null
  },
}

/** @category Rules */
export const maxAge: PairRule = {
  code: 'age.max-at-appointment',
  occasion: 'appointment',
  switchOf: (p) => p.people.age,
  check: ({ ctx, cadre, post, age }) => {
    const max = ctx.scenario.policy.people.age.maxAgeAtAppointment[post.kind]
    return age > max
      ? { message: `${cadre.name} is ${age}; a ${post.kind} post takes at most ${max}`, facts: { age, max } }
      : null
  },
}

/** @category Rules */
export const lowGrade: PairRule = {
  code: 'assessment.low-grade',
  occasion: 'promotion',
  switchOf: (p) => p.people.assessment,
  check: ({ ctx, cadre }) => {
    const rule = ctx.scenario.policy.people.assessment
    const since = Number(ctx.scenario.asOf.slice(0, 4)) - rule.lookbackYears
    const bad = cadre.assessments.find((a) => a.year >= since && rule.blockingGrades.includes(a.grade))
    return bad === undefined
      ? null
      : {
          message: `${cadre.name} was graded ${bad.grade} in ${bad.year}`,
          facts: { year: bad.year, grade: bad.grade },
        }
  },
}
