/**
 * One fictional cadre from a short description: rank, forced traits, the post
 * held and since when. Everything else (name, birth, education, specialties
 * with evidence, assessments, integrity record, temperament) is drawn from
 * plausible distributions, with every date at or before the reference month.
 *
 * @module
 */
import type {
  Assessment,
  Cadre,
  EducationLevel,
  Gender,
  Grade,
  Integrity,
  PartyAffiliation,
  Rank,
  Specialty,
  Temperament,
  YearMonth,
} from '../domain/types.js'
import { ETHNIC_SURNAMES, GIVEN, HAN_SURNAMES, MONGOL_GIVEN, SPECIALTIES } from './names.js'
import type { Rng } from './random.js'
import { datedRecord } from './record.js'

/** A cadre under construction: ids, kin and reserve groups are filled in last. */
export type Draft = { -readonly [K in keyof Cadre]: Cadre[K] }

/** Month index `year × 12 + (month − 1)` of a `YYYY-MM` string (docs/rules.md, Time). */
export const toMonth = (ym: YearMonth): number => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1
/** The `YYYY-MM` string of a month index. */
export const fromMonth = (m: number): YearMonth =>
  `${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`

/** What the generator fixes about a cadre; the rest is drawn. */
export interface CadreSpec {
  readonly rank: Rank
  readonly female?: boolean
  /** An ethnicity code, or `'minority'` for any ethnicity but `majority`. */
  readonly ethnicity?: string
  readonly party?: 'cpc' | 'non-party'
  /** Home county elsewhere (heads under hometown avoidance were appointed from outside). */
  readonly nonLocal?: boolean
  readonly maxAge?: number
  readonly minAge?: number
  /** The post held and months in it (the age is raised so the career covers it). */
  readonly post?: { readonly id: string; readonly months: number }
  /** Record that passes every promotion gate: years at rank, integrity, grades, education. */
  readonly promotable?: { readonly minMonthsAtRank: number }
  /** Specialty codes (or prefixes) of the post and team, likely to be the main specialty. */
  readonly hints: readonly string[]
}

/** Population shares the unforced traits are drawn from. */
export interface Base {
  readonly female: number
  readonly ethnicity: readonly (readonly [string, number])[]
  readonly party: readonly (readonly [PartyAffiliation, number])[]
  readonly local: number
}

/** Context shared by all cadres of a scenario. */
export interface CadreContext {
  readonly asOf: number
  readonly county: string
  readonly neighbours: readonly string[]
  readonly majority: string
}

// ages per rank at the reference date: [from, to, weight]; a few are close to the age limits
const AGE_BANDS: Readonly<Record<Rank, readonly (readonly [number, number, number])[]>> = {
  'section-member': [
    [25, 30, 40],
    [31, 35, 30],
    [36, 45, 30],
  ],
  'section-deputy': [
    [27, 35, 20],
    [36, 45, 42],
    [46, 55, 32],
    [56, 59, 6],
  ],
  'section-chief': [
    [31, 40, 22],
    [41, 50, 46],
    [51, 55, 24],
    [56, 59, 8],
  ],
  'division-deputy': [
    [33, 42, 15],
    [43, 52, 55],
    [53, 58, 30],
  ],
  'division-chief': [
    [42, 50, 45],
    [51, 57, 55],
  ],
}
const EDUCATION: readonly (readonly [EducationLevel, number])[] = [
  ['secondary', 3],
  ['junior-college', 24],
  ['bachelor', 60],
  ['master', 12],
  ['doctorate', 1],
]
const GRADES: readonly (readonly [Grade, number])[] = [
  ['excellent', 22],
  ['competent', 72],
  ['basic', 5],
  ['incompetent', 0.7],
]
const SCORE: Readonly<Record<Grade, readonly [number, number]>> = {
  excellent: [90, 98],
  competent: [80, 89],
  basic: [66, 79],
  incompetent: [45, 64],
}
const TEMPERAMENTS: readonly (readonly [Temperament | null, number])[] = [
  ['sanguine', 30],
  ['choleric', 24],
  ['phlegmatic', 29],
  ['melancholic', 12],
  [null, 5],
]
const MINORITIES = [
  ['mongol', 70],
  ['hui', 12],
  ['manchu', 12],
  ['daur', 6],
] as const

function drawAge(rng: Rng, s: CadreSpec): number {
  const bands = AGE_BANDS[s.rank]
  // the career (from age 22) must cover the months in post, or the years at rank of a promotable cadre
  const months = s.post?.months ?? s.promotable?.minMonthsAtRank ?? 0
  const lo = Math.max(25, s.minAge ?? 0, 23 + Math.ceil(months / 12))
  const hi = Math.min(59, s.maxAge ?? 99)
  const [from, to] = rng.weighted(bands.map(([a, b, w]) => [[a, b] as const, w] as const))
  const age = rng.int(from, to)
  if (age >= lo && age <= hi) return age
  // the band missed the bounds: draw inside them, within the rank's ages where they overlap
  let a = Math.max(lo, (bands[0] as readonly number[])[0] as number)
  let b = Math.min(hi, (bands[bands.length - 1] as readonly number[])[1] as number)
  if (a > b) [a, b] = [lo, Math.max(lo, hi)]
  return rng.int(a, b)
}

function drawName(rng: Rng, gender: Gender, ethnicity: string): string {
  if (ethnicity === 'mongol' && rng.chance(0.7)) {
    const [first, second] = MONGOL_GIVEN[gender]
    return rng.pick(first) + (rng.chance(0.45) ? rng.pick(second) : '')
  }
  const surnames =
    ethnicity !== 'han' && rng.chance(0.6) ? (ETHNIC_SURNAMES[ethnicity] ?? HAN_SURNAMES) : HAN_SURNAMES
  const given = GIVEN[gender]
  return rng.pick(surnames) + rng.pick(given) + (rng.chance(0.55) ? rng.pick(given) : '')
}

function drawSpecialties(rng: Rng, hints: readonly string[], careerYears: number): Specialty[] {
  const codes: string[] = []
  const fitting =
    hints.length > 0 && rng.chance(0.7) ? SPECIALTIES.filter((c) => hints.some((h) => c.startsWith(h))) : []
  codes.push(fitting.length > 0 ? rng.pick(fitting) : rng.pick(SPECIALTIES))
  const count = rng.weighted([
    [1, 40],
    [2, 40],
    [3, 20],
  ])
  while (codes.length < count) {
    const c = rng.pick(SPECIALTIES)
    if (!codes.includes(c)) codes.push(c)
  }
  const years = Math.max(0, careerYears)
  return codes.map((code, i) => ({
    code,
    degree: rng.chance(i === 0 ? 0.55 : 0.25),
    years: i === 0 ? rng.int(Math.min(1, years), Math.min(years, 20)) : rng.int(0, Math.min(years, 8)),
    achievements: rng.weighted([
      [0, i === 0 ? 30 : 55],
      [1, 30],
      [2, 20],
      [3, 12],
      [4, 5],
    ]),
  }))
}

function drawIntegrity(rng: Rng, asOf: number, clean: boolean): Integrity {
  const done = {
    fileAudited: true,
    personalMattersVerified: true,
    disciplineOpinionHeard: true,
    complaintsInvestigated: true,
    doubleSigned: true,
    checkedOn: fromMonth(asOf - rng.int(0, 11)) as YearMonth | null,
    clean: true,
    underInvestigation: false,
    disciplinaryUntil: null as YearMonth | null,
  }
  const r = clean ? 1 : rng.next()
  if (r < 0.006) return { ...done, clean: false, underInvestigation: true }
  // a disciplinary period that ends this month still blocks an appointment
  if (r < 0.007) return { ...done, clean: false, disciplinaryUntil: fromMonth(asOf) }
  if (r < 0.02) return { ...done, disciplinaryUntil: fromMonth(asOf - rng.int(1, 40)) }
  if (r < 0.035) return { ...done, checkedOn: fromMonth(asOf - rng.int(13, 36)) }
  if (r < 0.05) return { ...done, doubleSigned: false }
  if (r < 0.065) return { ...done, [rng.pick(['fileAudited', 'personalMattersVerified'])]: false }
  if (r < 0.08) {
    return {
      ...done,
      fileAudited: false,
      personalMattersVerified: false,
      disciplineOpinionHeard: false,
      complaintsInvestigated: false,
      doubleSigned: false,
      checkedOn: null,
    }
  }
  return done
}

function drawAssessments(rng: Rng, asOfYear: number, age: number, promotable: boolean): Assessment[] {
  const out: Assessment[] = []
  // the year of the reference date is not assessed yet; a cadre is assessed from the first full year of work
  for (let y = asOfYear - 3; y < asOfYear; y++) {
    if (age - (asOfYear - y) < 23) continue
    let grade = rng.weighted(GRADES)
    if (promotable && (grade === 'basic' || grade === 'incompetent')) grade = 'competent'
    const [lo, hi] = SCORE[grade]
    out.push({ year: y, grade, score: rng.int(lo, hi) })
  }
  return out
}

/** Draws one cadre (without id, kin or reserve groups) that satisfies `spec`. */
export function makeCadre(rng: Rng, spec: CadreSpec, base: Base, ctx: CadreContext): Draft {
  const gender: Gender = (spec.female ?? rng.chance(base.female)) ? 'female' : 'male'
  let ethnicity = spec.ethnicity ?? rng.weighted(base.ethnicity)
  if (ethnicity === 'minority') ethnicity = rng.weighted(MINORITIES.filter(([e]) => e !== ctx.majority))
  let party = rng.weighted(base.party)
  if (spec.party === 'cpc') party = 'cpc'
  if (spec.party === 'non-party' && party === 'cpc') party = rng.chance(0.65) ? 'democratic-party' : 'none'

  const age = drawAge(rng, spec)
  const birth = ctx.asOf - age * 12 - rng.int(0, 11)
  const careerStart = birth + 22 * 12
  const career = ctx.asOf - careerStart
  const young = age <= 35
  const promotable = spec.promotable !== undefined

  let level = rng.weighted(young ? EDUCATION.filter(([l]) => l !== 'secondary') : EDUCATION)
  if (promotable && (level === 'secondary' || level === 'junior-college')) level = 'bachelor'

  let rankSince: number
  let currentPost: Cadre['currentPost'] = null
  if (spec.post) {
    const since = ctx.asOf - Math.min(spec.post.months, career)
    currentPost = { postId: spec.post.id, since: fromMonth(since) }
    // most were promoted on appointment; some moved laterally; a few were promoted in post (职级晋升)
    const r = rng.next()
    if (r < 0.62) rankSince = since
    else if (r < 0.92) rankSince = Math.max(careerStart, since - rng.int(1, 48))
    else rankSince = since + rng.int(0, ctx.asOf - since)
  } else if (spec.promotable) {
    const min = spec.promotable.minMonthsAtRank
    rankSince = ctx.asOf - Math.min(career, rng.int(min, min + 48))
  } else {
    rankSince = ctx.asOf - rng.int(Math.min(1, career), Math.min(career, 144))
  }

  return {
    id: '',
    name: drawName(rng, gender, ethnicity),
    gender,
    birth: fromMonth(birth),
    ethnicity,
    party,
    education: { level, fullTime: rng.chance(young ? 0.85 : level === 'junior-college' ? 0.4 : 0.55) },
    specialties: drawSpecialties(rng, spec.hints, Math.floor(career / 12)),
    currentPost,
    rank: spec.rank,
    rankSince: fromMonth(rankSince),
    hometown: spec.nonLocal || !rng.chance(base.local) ? rng.pick(ctx.neighbours) : ctx.county,
    kin: [],
    assessments: drawAssessments(rng, Math.floor(ctx.asOf / 12), age, promotable),
    integrity: drawIntegrity(rng, ctx.asOf, promotable),
    temperament: rng.weighted(TEMPERAMENTS),
    reserveGroups: [],
    exceptionalPromotion: false,
    ...datedRecord({
      birth,
      careerStart,
      rankSince,
      asOf: ctx.asOf,
      party,
      county: ctx.county,
      post: currentPost === null ? null : { id: currentPost.postId, since: toMonth(currentPost.since) },
      mayBeFlawed: !spec.post && !promotable,
    }),
  }
}
