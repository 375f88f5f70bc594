/**
 * Education, age at appointment, years left before retirement and recent
 * assessment grades.
 *
 * @module
 */
import { monthsToRetirement } from '../domain/time.js'
import { EDUCATION_LEVELS } from '../domain/types.js'
import { pairRule, type PairFacts, type PairRule } from './verdict.js'

/** The least education the post's kind takes. */
const minEducation = ({ ctx, post }: PairFacts) => {
  const rule = ctx.scenario.policy.people.education
  return rule.minLevelPerKind[post.kind] ?? rule.minLevel
}

/** @category Rules */
export const education: PairRule = pairRule({
  code: 'education.min-level',
  occasion: 'appointment',
  reads: { cadre: ['education'], post: ['kind'] },
  switchOf: (p) => p.people.education,
  breaks: (pair) =>
    EDUCATION_LEVELS.indexOf(pair.cadre.education.level) < EDUCATION_LEVELS.indexOf(minEducation(pair)),
  finding: (pair) => {
    const { cadre } = pair
    const min = minEducation(pair)
    return {
      message: `${cadre.name}'s education is ${cadre.education.level}; at least ${min} is required`,
      facts: { level: cadre.education.level, fullTime: cadre.education.fullTime, min },
    }
  },
})

/** @category Rules */
export const maxAge: PairRule = pairRule({
  code: 'age.max-at-appointment',
  occasion: 'appointment',
  reads: { cadre: ['birth'], post: ['kind'] },
  switchOf: (p) => p.people.age,
  breaks: ({ ctx, post, age }) => age > ctx.scenario.policy.people.age.maxAgeAtAppointment[post.kind],
  finding: ({ ctx, cadre, post, age }) => {
    const max = ctx.scenario.policy.people.age.maxAgeAtAppointment[post.kind]
    return {
      message: `${cadre.name} is ${age}; a ${post.kind} post takes at most ${max}`,
      facts: { age, max },
    }
  },
})

/** Months until the retirement age of the cadre's gender. */
const monthsLeft = ({ ctx, cadre }: PairFacts) =>
  monthsToRetirement(
    cadre.birth,
    ctx.scenario.policy.people.retirement.retirementAge[cadre.gender],
    ctx.scenario.asOf,
  )

/**
 * Years left before retirement at a promotion: months until the retirement
 * age of the cadre's gender `< 12 × minYears`. Counted in months, like age, so
 * that a birthday in the reference month counts as reached.
 * @category Rules
 */
export const yearsToRetirement: PairRule = pairRule({
  code: 'age.years-to-retirement',
  occasion: 'promotion',
  reads: { cadre: ['birth', 'gender'] },
  switchOf: (p) => p.people.retirement,
  breaks: (pair) => monthsLeft(pair) < 12 * pair.ctx.scenario.policy.people.retirement.minYears,
  finding: (pair) => {
    const { ctx, cadre } = pair
    const rule = ctx.scenario.policy.people.retirement
    const retireAt = rule.retirementAge[cadre.gender]
    const left = monthsLeft(pair)
    const needed = 12 * rule.minYears
    // Months are never negative in words: past the age, the message says so.
    const when =
      left > 0 ? `in ${left} months` : left === 0 ? 'this month' : `already, ${-left} months past the age`
    return {
      message: `${cadre.name} retires at ${retireAt} ${when}; a promotion needs ${needed} months left`,
      facts: { gender: cadre.gender, retirementAge: retireAt, monthsLeft: left, needed },
    }
  },
})

/** The first assessment in the look-back years with a blocking grade. */
const badAssessment = ({ ctx, cadre }: PairFacts) => {
  const rule = ctx.scenario.policy.people.assessment
  const since = Number(ctx.scenario.asOf.slice(0, 4)) - rule.lookbackYears
  return cadre.assessments.find((a) => a.year >= since && rule.blockingGrades.includes(a.grade))
}

/** @category Rules */
export const lowGrade: PairRule = pairRule({
  code: 'assessment.low-grade',
  occasion: 'promotion',
  reads: { cadre: ['assessments'] },
  switchOf: (p) => p.people.assessment,
  breaks: (pair) => badAssessment(pair) !== undefined,
  finding: (pair) => {
    const bad = badAssessment(pair)!
    return {
      message: `${pair.cadre.name} was graded ${bad.grade} in ${bad.year}`,
      facts: { year: bad.year, grade: bad.grade },
    }
  },
})
