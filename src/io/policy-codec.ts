/**
 * The codec of a policy given by a user ({@link PolicyInput}): every part
 * optional (missing parts take {@link DEFAULT_POLICY} through
 * {@link resolvePolicy}), every number checked, and every key checked: an
 * unknown key is reported, because a typo (`woman` for `women`) would
 * otherwise silently leave a rule at its default.
 *
 * @module
 * @internal
 */
import { EDUCATION_LEVELS, RANKS } from '../domain/types.js'
import {
  array,
  boolean,
  ethnicity,
  maybe,
  nonEmptyString,
  nullable,
  number,
  object,
  oneOf,
  req,
  type Codec,
  type Fields,
} from './combinators.js'
import {
  ASSESSMENT_KINDS,
  EVALUATOR_GROUPS,
  GENDERS,
  GRADES,
  KIN_RELATIONS,
  POST_KINDS,
  POST_ROLES,
  TEAM_KINDS,
} from './enums.js'

/**
 * The ranges of the policy's numbers: wide enough for any county's policy,
 * narrow enough to keep the model sound. HiGHS solves reliably with objective
 * coefficients up to about 1e6 next to fits of about 1–100; 1e9 and beyond
 * (let alone 1e300) make it fail with an unknown model status. Documented in
 * docs/input-format.md; a form that edits a policy can read its bounds here.
 * @category IO
 */
export const POLICY_LIMITS = Object.freeze({
  /** Largest penalty of a soft rule or of a vacancy. */
  penalty: 1e6,
  /** Largest weight (fit weights, assessment weights) and largest fit `scale`. */
  weight: 1e6,
  /** Largest count (`min`, `minTeamSize`, `maxPerField`…). */
  count: 1000,
  /** Ages in years (retirement, appointment, young, average…). */
  age: { min: 16, max: 80 },
  /** Ages bounding an age band (the default top band ends at 200). */
  bandAge: 200,
  /** Largest duration in years (rotation, terms, lookback…). */
  years: 60,
  /** Longest validity of the integrity checks, in months. */
  months: 1200,
  /** Largest z-score of the feedback's deviation. */
  deviation: 100,
})

const L = POLICY_LIMITS
const penalty = number({ min: 0, max: L.penalty })
const weight = number({ min: 0, max: L.weight })
const count = number({ min: 0, max: L.count, integer: true })
const age = number({ min: L.age.min, max: L.age.max })
const years = number({ min: 0, max: L.years })
const run = number({ min: 1, max: L.years, integer: true })
const share = number({ min: 0, max: 1 })
const bandAge = number({ min: 0, max: L.bandAge, integer: true })

const strict = <F extends Fields>(name: string, fields: F, description?: string) =>
  object(name, fields, description === undefined ? { strict: true } : { strict: true, description })

/** A rule switch and the rule's own parameters, all optional. */
const rule = <F extends Fields>(name: string, description: string, extra: F) =>
  strict(
    `${name} rule object`,
    {
      enabled: maybe(boolean, 'Switches the rule on.'),
      hard: maybe(
        boolean,
        'A hard rule must hold; a soft one may be broken at `penalty` per unit of shortfall.',
      ),
      penalty: maybe(penalty, 'Cost of one unit of shortfall of a soft rule (≥ 0).'),
      ...extra,
    },
    description,
  )

const ageBand = object(
  'age band object',
  {
    label: req(nonEmptyString, 'Label shown in reports, e.g. "41–50".'),
    minAge: req(bandAge, 'Youngest age of the band, inclusive.'),
    maxAge: req(bandAge, 'Oldest age of the band, inclusive; bands ascend and do not overlap.'),
  },
  { strict: true },
)

/** One number per member of a string union, each optional. */
const perKey = (name: string, keys: readonly string[], value: Codec<number>, description: string) =>
  strict(name, Object.fromEntries(keys.map((k) => [k, maybe(value, description)])))

const structure = strict('structure rules object', {
  women: maybe(
    rule('women', '≥ min women in a team of ≥ minTeamSize posts.', {
      min: maybe(count, 'Women required.'),
      minTeamSize: maybe(count, 'Smallest team the rule applies to.'),
    }),
    'Women (女干部).',
  ),
  young: maybe(
    rule('young', '≥ min members aged ≤ maxAge in a team of ≥ minTeamSize posts.', {
      min: maybe(count, 'Young members required.'),
      maxAge: maybe(age, 'Oldest age that counts as young.'),
      minTeamSize: maybe(count, 'Smallest team the rule applies to.'),
    }),
    'Young cadres (年轻干部).',
  ),
  youngTown: maybe(
    rule('youngTown', 'The stricter town rule: ≥ min members aged ≤ maxAge in teams of the listed kinds.', {
      min: maybe(count, 'Young members required.'),
      maxAge: maybe(age, 'Oldest age that counts.'),
      teamKinds: maybe(
        array(oneOf(TEAM_KINDS)),
        'Team kinds the rule applies to (replaces the default list).',
      ),
    }),
    'Young cadres of town teams.',
  ),
  minority: maybe(
    rule('minority', '≥ min members not of majorityEthnicity in teams of an ethnic autonomous area.', {
      min: maybe(count, 'Minority members required.'),
      majorityEthnicity: maybe(ethnicity, 'Ethnicity of the majority (han), in any accepted form.'),
    }),
    'Ethnic-minority cadres (少数民族干部).',
  ),
  titular: maybe(
    rule('titular', '≥ min members of the titular ethnicity in teams flagged needsTitularMember.', {
      min: maybe(count, 'Members required.'),
    }),
    'Cadres of the titular ethnicity.',
  ),
  nonParty: maybe(
    rule('nonParty', '≥ min non-party members in teams flagged needsNonPartyMember.', {
      min: maybe(count, 'Non-party members required.'),
    }),
    'Non-party cadres (党外干部).',
  ),
  ageBands: maybe(
    rule('ageBands', '≥ minPerBand members in every age band, in teams of ≥ minTeamSize posts.', {
      bands: maybe(array(ageBand), 'Age bands, ascending and not overlapping (replaces the default list).'),
      minPerBand: maybe(count, 'Members required in each band.'),
      minTeamSize: maybe(count, 'Smallest team the rule applies to.'),
    }),
    'Age gradient (老中青).',
  ),
  averageAge: maybe(
    rule('averageAge', 'Average age of the members within [min, max], in teams of ≥ minTeamSize posts.', {
      min: maybe(nullable(age), 'Lowest average age, or null for none.'),
      max: maybe(nullable(age), 'Highest average age, or null for none; not below min.'),
      minTeamSize: maybe(count, 'Smallest team the rule applies to.'),
    }),
    'Average age.',
  ),
  specialtyCoverage: maybe(
    rule('specialtyCoverage', 'Every specialty a team lists is covered by a member.', {}),
    'Specialty coverage.',
  ),
  specialtyCap: maybe(
    rule('specialtyCap', 'At most maxPerField members share one main field.', {
      maxPerField: maybe(count, 'Members allowed per field.'),
    }),
    'Specialty cap.',
  ),
  temperament: maybe(
    rule('temperament', '≥ minDistinct temperament types in a team of ≥ minTeamSize posts.', {
      minDistinct: maybe(count, 'Distinct temperaments required.'),
      minTeamSize: maybe(count, 'Smallest team the rule applies to.'),
    }),
    'Temperament mix (气质类型).',
  ),
})

const stability = strict('stability rules object', {
  maxChanged: maybe(
    rule('maxChanged', 'At most max(minAllowed, floor(maxChangedShare × posts)) posts of a team changed.', {
      maxChangedShare: maybe(share, 'Share of a team’s posts that may change, in [0, 1].'),
      minAllowed: maybe(count, 'Changes always allowed.'),
    }),
    'At most a share of a team changed in one round.',
  ),
  headsNotBoth: maybe(
    rule('headsNotBoth', 'The party head and the government head of one unit are not both changed.', {}),
    'Heads not both changed.',
  ),
})

const people = strict('people rules object', {
  ladder: maybe(
    rule('ladder', 'One rung at a time, after minYearsAtRank years at the current rank.', {
      minYearsAtRank: maybe(
        perKey('years per rank object', RANKS, years, 'Years at this rank.'),
        'Per rank.',
      ),
    }),
    'Ladder (逐级晋升).',
  ),
  stepDown: maybe(
    rule('stepDown', 'Appointment to a post ranked below the cadre (soft by default).', {}),
    'Step down (降级任职).',
  ),
  education: maybe(
    rule('education', 'Minimum education for an appointment.', {
      minLevel: maybe(oneOf(EDUCATION_LEVELS), 'Lowest education level allowed.'),
      minLevelPerKind: maybe(
        strict(
          'education levels per post kind object',
          Object.fromEntries(
            POST_KINDS.map((k) => [
              k,
              maybe(
                nullable(oneOf(EDUCATION_LEVELS)),
                'Lowest level for this post kind, or null for minLevel.',
              ),
            ]),
          ),
        ),
        'Per post kind; overrides minLevel where set.',
      ),
    }),
    'Education (学历).',
  ),
  age: maybe(
    rule('age', 'Maximum age at appointment per post kind.', {
      maxAgeAtAppointment: maybe(
        perKey('ages per post kind object', POST_KINDS, age, 'Age.'),
        'Per post kind.',
      ),
    }),
    'Age at appointment.',
  ),
  integrity: maybe(
    rule('integrity', 'Four checks done, recent, clean and double-signed before a promotion.', {
      maxAgeMonths: maybe(number({ min: 0, max: L.months, integer: true }), 'Months the checks stay valid.'),
    }),
    'Integrity gate (凡提四必, 双签字).',
  ),
  discipline: maybe(
    rule('discipline', 'No appointment while under investigation or disciplined.', {}),
    'Open case or disciplinary period (立案审查, 处分影响期).',
  ),
  assessment: maybe(
    rule('assessment', 'No promotion with a blocking grade in the last lookbackYears years.', {
      lookbackYears: maybe(years, 'Years looked back.'),
      blockingGrades: maybe(array(oneOf(GRADES)), 'Grades that block (replaces the default list).'),
    }),
    'Assessment grades (考核).',
  ),
  kinAvoidance: maybe(
    rule('kinAvoidance', 'Kin of one of relations never in the same team.', {
      relations: maybe(array(oneOf(KIN_RELATIONS)), 'Kin relations concerned (replaces the default list).'),
    }),
    'Kin avoidance (亲属回避).',
  ),
  retirement: maybe(
    rule('retirement', 'At a promotion, at least minYears left before the retirement age of the gender.', {
      retirementAge: maybe(
        perKey('ages per gender object', GENDERS, age, 'Age.'),
        'Retirement age per gender.',
      ),
      minYears: maybe(years, 'Years left required.'),
    }),
    'Years to retirement (距退休年限).',
  ),
  hometownAvoidance: maybe(
    rule('hometownAvoidance', 'Posts with one of roles never held in the home locality.', {
      roles: maybe(array(oneOf(POST_ROLES)), 'Roles concerned (replaces the default list).'),
    }),
    'Hometown avoidance (地域回避).',
  ),
  mustRotate: maybe(
    rule('mustRotate', 'After years in the same post, the cadre must move.', {
      years: maybe(years, 'Years in post.'),
    }),
    'Must rotate (必须交流).',
  ),
  shouldRotate: maybe(
    rule('shouldRotate', 'After years in the same post, the cadre should move.', {
      years: maybe(years, 'Years in post.'),
    }),
    'Should rotate (应当交流).',
  ),
  terms: maybe(
    rule('terms', 'At most maxTerms terms of termYears years in the same post: no further term.', {
      termYears: maybe(years, 'Years of one term.'),
      maxTerms: maybe(count, 'Terms allowed in the same post.'),
    }),
    'Terms of office (任期).',
  ),
  levelYears: maybe(
    rule('levelYears', 'After years at the same level (rank), no further post at that level.', {
      years: maybe(years, 'Years at the level.'),
    }),
    'Years at the same level (同一层级任职年限).',
  ),
  shortTenure: maybe(
    rule('shortTenure', 'An incumbent under years in post is not moved (soft by default).', {
      years: maybe(years, 'Years in post.'),
    }),
    'Short tenure (任职不满三年一般不调整).',
  ),
  record: maybe(
    rule('record', 'A record that disagrees with itself blocks appointment until resolved.', {
      minPartyAge: maybe(age, 'Youngest age to join the party.'),
      minWorkAge: maybe(age, 'Youngest age to start work.'),
    }),
    'Record consistency (三龄两历).',
  ),
  recommendation: maybe(
    rule('recommendation', 'No promotion without recommendation (off by default).', {
      minShare: maybe(share, 'Least mean vote share (0–1) that counts as recommended.'),
    }),
    'No promotion without recommendation (推荐是提拔的必经程序).',
  ),
})

const fit = strict('fit policy object', {
  weights: maybe(
    perKey(
      'fit weights object',
      ['specialty', 'assessment', 'experience', 'age', 'combined', 'support'],
      weight,
      'Weight (≥ 0); weights are normalised and must not all be 0.',
    ),
    'Weights of the fit components.',
  ),
  scale: maybe(weight, 'Fit of a perfect pair.'),
  idealAge: maybe(
    perKey('ages per post kind object', POST_KINDS, age, 'Age.'),
    'Age at which the age component peaks.',
  ),
  support: maybe(
    strict('support policy object', {
      votes: maybe(weight, 'Weight (≥ 0) of the mean vote share.'),
      named: maybe(weight, 'Weight (≥ 0) of the real-name recommenders.'),
      namedForFull: maybe(
        number({ min: 1, max: L.count, integer: true }),
        'Real-name recommenders that give full credit (≥ 1).',
      ),
    }),
    'How the support component reads a recommendation tally.',
  ),
})

const vacancy = strict('vacancy policy object', {
  allowed: maybe(boolean, 'If false, every open post must be filled.'),
  penalty: maybe(penalty, 'Cost of one open post left empty (≥ 0).'),
})

const indicatorSpec = object(
  'indicator object',
  {
    code: req(nonEmptyString, 'Indicator code: a key of assessment records’ indicators.'),
    weight: req(weight, 'Weight (≥ 0) in a kind’s score; renormalised over the indicators present.'),
    training: req(nonEmptyString, 'Training topic (培训专题) for a weakness in this indicator.'),
  },
  { strict: true },
)

const assessment = strict('assessment policy object', {
  indicators: maybe(
    array(indicatorSpec),
    'Assessment indicators in report order (replaces the default list 德能勤绩廉); codes unique.',
  ),
  kinds: maybe(
    perKey('kind weights object', ASSESSMENT_KINDS, weight, 'Weight (≥ 0).'),
    '三结合 weights of the annual, ongoing and special assessments; renormalised over the kinds present.',
  ),
  evaluators: maybe(
    perKey('evaluator weights object', EVALUATOR_GROUPS, weight, 'Weight (≥ 0).'),
    'Weights of the rater groups; renormalised over the groups present.',
  ),
  feedback: maybe(
    strict('feedback policy object', {
      deviation: maybe(
        number({ min: 0, max: L.deviation }),
        'z-score beyond which an indicator is well above or below peers.',
      ),
      minPeers: maybe(count, 'Fewest other cadres in a peer group for a comparison.'),
      fallingYears: maybe(run, 'Years of decline in a row that warn.'),
    }),
    'Feedback list (清单式反馈).',
  ),
  moves: maybe(
    strict('moves policy object', {
      excellentRun: maybe(run, 'Latest years excellent in a row to move up.'),
      basicRun: maybe(run, 'Latest years basic in a row to move down.'),
      lookbackYears: maybe(years, 'Years looked back for an incompetent grade.'),
    }),
    'Moving up and down (能上能下).',
  ),
})

/** A deep-partial policy; unknown keys are errors. @internal */
export const policyCodec = strict(
  'policy object',
  {
    structure: maybe(structure, 'Structure rules a team must satisfy (结构要求).'),
    stability: maybe(stability, 'Rules about one round of changes (稳定性).'),
    people: maybe(people, 'Rules about people (资格条件).'),
    fit: maybe(fit, 'How a fit score is made (人岗相适).'),
    vacancy: maybe(vacancy, 'Vacancies (空缺).'),
    assessment: maybe(assessment, 'How assessments are combined and read (考核, docs/assessment.md).'),
  },
  'Policy (配备政策): any part may be left out and takes its default (docs/rules.md). Unknown keys are errors.',
)
