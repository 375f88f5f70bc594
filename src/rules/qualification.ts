/**
 * Education, age at appointment, years left before retirement and recent
 * assessment grades.
 *
 * @module
 */
import { monthsBetween } from '../domain/time.js'
import { EDUCATION_LEVELS } from '../domain/types.js'
import type { PairRule } from './verdict.js'

/** @category Rules */
export const education: PairRule = {
  code: 'education.min-level',
  occasion: 'appointment',
  reads: { cadre: ['education'], post: ['kind'] },
  switchOf: (p) => p.people.education,
  check: ({ ctx, cadre, post }) => {
    const rule = ctx.scenario.policy.people.education
    const min = rule.minLevelPerKind[post.kind] ?? rule.minLevel
    return EDUCATION_LEVELS.indexOf(cadre.education.level) < EDUCATION_LEVELS.indexOf(min)
      ? {
          message: `${cadre.name}'s education is ${cadre.education.level}; at least ${min} is required`,
          facts: { level: cadre.education.level, fullTime: cadre.education.fullTime, min },
        }
      : null
  },
}

/** @category Rules */
export const maxAge: PairRule = {
  code: 'age.max-at-appointment',
  occasion: 'appointment',
  reads: { cadre: ['birth'], post: ['kind'] },
  switchOf: (p) => p.people.age,
  check: ({ ctx, cadre, post, age }) => {
    const max = ctx.scenario.policy.people.age.maxAgeAtAppointment[post.kind]
    return age > max
      ? { message: `${cadre.name} is ${age}; a ${post.kind} post takes at most ${max}`, facts: { age, max } }
      : null
  },
}

/**
 * Years left before retirement at a promotion: months until the retirement
 * age of the cadre's gender `< 12 × minYears`. Counted in months, like age, so
 * that a birthday in the reference month counts as reached.
 * @category Rules
 */
export const yearsToRetirement: PairRule = {
  code: 'age.years-to-retirement',
  occasion: 'promotion',
  reads: { cadre: ['birth', 'gender'] },
  switchOf: (p) => p.people.retirement,
  check: ({ ctx, cadre }) => {
    const rule = ctx.scenario.policy.people.retirement
    const retireAt = rule.retirementAge[cadre.gender]
    const left = 12 * retireAt - monthsBetween(cadre.birth, ctx.scenario.asOf)
    const needed = 12 * rule.minYears
    return left < needed
      ? {
          message: `${cadre.name} retires at ${retireAt} in ${left} months; a promotion needs ${needed}`,
          facts: { gender: cadre.gender, retirementAge: retireAt, monthsLeft: left, needed },
        }
      : null
  },
}

/** @category Rules */
export const lowGrade: PairRule = {
  code: 'assessment.low-grade',
  occasion: 'promotion',
  reads: { cadre: ['assessments'] },
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
