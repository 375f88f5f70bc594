/**
 * The rule registry (规则目录): every rule code with what it means, when it
 * applies, where its switch lives in the policy, and where it comes from. The
 * table of docs/rules.md is generated from it (`npx tsx src/rules/write-rules-doc.ts`)
 * (src/rules/rule-table.ts) and its defaults are read from `DEFAULT_POLICY`, so the page, the
 * policy and the code cannot drift apart (a test compares them).
 *
 * @module
 */
import type { RuleCode } from '../domain/codes.js'

/** Where a rule comes from. @category Rules */
export type RuleSource =
  'regulations-2019' | 'terms-2006' | 'integrity-review' | 'source-article' | 'county-practice' | 'banzi'

/** When a rule is looked at. @category Rules */
export type RuleScope = 'appointment' | 'promotion' | 'stay' | 'move' | 'team' | 'unit' | 'proposal'

/** One entry of the registry. @category Rules */
export interface RuleEntry {
  readonly code: RuleCode
  readonly scope: RuleScope
  /** Path of the rule's switch under `policy` (e.g. `people.terms`); `null` for a rule without one. */
  readonly policy: string | null
  /** When the rule is broken, in one line (docs/rules.md gives the exact semantics). */
  readonly meaning: string
  readonly source: RuleSource
}

const e = (
  code: RuleCode,
  scope: RuleScope,
  policy: string | null,
  source: RuleSource,
  meaning: string,
): RuleEntry => ({ code, scope, policy, meaning, source })

/**
 * Every rule, in the order of the table. Typed by code so that a new code
 * without an entry does not compile.
 * @category Rules
 * @example
 * RULE_CATALOGUE['tenure.max-terms'].policy //=> 'people.terms'
 */
export const RULE_CATALOGUE: Readonly<Record<RuleCode, RuleEntry>> = {
  'ladder.skip-rung': e(
    'ladder.skip-rung',
    'appointment',
    'people.ladder',
    'regulations-2019',
    'the post is two or more rungs above the cadre (never waived)',
  ),
  'ladder.min-years': e(
    'ladder.min-years',
    'promotion',
    'people.ladder',
    'regulations-2019',
    'fewer than minYearsAtRank years at the current rank, unless exceptional promotion (破格) is approved and flagged',
  ),
  'ladder.step-down': e(
    'ladder.step-down',
    'appointment',
    'people.stepDown',
    'regulations-2019',
    'the post is ranked below the cadre (能上能下: an assessment outcome, not a convenience)',
  ),
  'education.min-level': e(
    'education.min-level',
    'appointment',
    'people.education',
    'regulations-2019',
    'education below minLevelPerKind of the post kind, or minLevel',
  ),
  'age.max-at-appointment': e(
    'age.max-at-appointment',
    'appointment',
    'people.age',
    'county-practice',
    'age above maxAgeAtAppointment of the post kind',
  ),
  'age.years-to-retirement': e(
    'age.years-to-retirement',
    'promotion',
    'people.retirement',
    'county-practice',
    'fewer than minYears left before the retirement age of the gender',
  ),
  'integrity.gate': e(
    'integrity.gate',
    'promotion',
    'people.integrity',
    'integrity-review',
    'the four checks, the double signature or a clean recent conclusion are missing',
  ),
  'discipline.open-case': e(
    'discipline.open-case',
    'appointment',
    'people.discipline',
    'regulations-2019',
    'under investigation, or within a disciplinary period',
  ),
  'assessment.low-grade': e(
    'assessment.low-grade',
    'promotion',
    'people.assessment',
    'regulations-2019',
    'a blocking grade in the last lookbackYears years',
  ),
  'avoidance.kin': e(
    'avoidance.kin',
    'team',
    'people.kinAvoidance',
    'regulations-2019',
    'two kin (a recorded link of one of relations) in the same team, or across a supervision link',
  ),
  'avoidance.hometown': e(
    'avoidance.hometown',
    'appointment',
    'people.hometownAvoidance',
    'regulations-2019',
    "a post with one of roles in the cadre's home locality",
  ),
  'rotation.must-move': e(
    'rotation.must-move',
    'stay',
    'people.mustRotate',
    'source-article',
    'staying years or more in a post that is not rotation-exempt',
  ),
  'rotation.should-move': e(
    'rotation.should-move',
    'stay',
    'people.shouldRotate',
    'source-article',
    'staying years or more in a post that is not rotation-exempt',
  ),
  'tenure.max-terms': e(
    'tenure.max-terms',
    'stay',
    'people.terms',
    'terms-2006',
    'staying after maxTerms terms of termYears years in the post (exempt posts too)',
  ),
  'tenure.level-years': e(
    'tenure.level-years',
    'appointment',
    'people.levelYears',
    'terms-2006',
    'a further post at the level (rank) held years or more',
  ),
  'tenure.short-move': e(
    'tenure.short-move',
    'move',
    'people.shortTenure',
    'terms-2006',
    'an incumbent of an open post held under years is moved to another post or out',
  ),
  'record.inconsistent': e(
    'record.inconsistent',
    'appointment',
    'people.record',
    'regulations-2019',
    'the record disagrees with itself (party before minPartyAge, work before minWorkAge, overlapping history, …)',
  ),
  'recommendation.required': e(
    'recommendation.required',
    'promotion',
    'people.recommendation',
    'regulations-2019',
    'no real-name recommender and no democratic votes (mean share above 0 and at least minShare) for the post or any post (scenario.recommendations); off by default',
  ),
  'forbidden-pair': e(
    'forbidden-pair',
    'appointment',
    null,
    'banzi',
    'the pair is in scenario.forbidden (stays too)',
  ),
  'structure.women': e(
    'structure.women',
    'team',
    'structure.women',
    'source-article',
    'fewer than min women in a team of ≥ minTeamSize posts',
  ),
  'structure.young': e(
    'structure.young',
    'team',
    'structure.young',
    'source-article',
    'fewer than min members aged ≤ maxAge',
  ),
  'structure.young-town': e(
    'structure.young-town',
    'team',
    'structure.youngTown',
    'county-practice',
    'fewer than min members aged ≤ maxAge in a team of teamKinds',
  ),
  'structure.minority': e(
    'structure.minority',
    'team',
    'structure.minority',
    'source-article',
    'fewer than min minority members in an ethnic autonomous area',
  ),
  'structure.titular': e(
    'structure.titular',
    'team',
    'structure.titular',
    'source-article',
    'fewer than min members of the titular ethnicity where required',
  ),
  'structure.non-party': e(
    'structure.non-party',
    'team',
    'structure.nonParty',
    'source-article',
    'fewer than min non-party members where required',
  ),
  'structure.age-bands': e(
    'structure.age-bands',
    'team',
    'structure.ageBands',
    'source-article',
    'an age band with fewer than minPerBand members',
  ),
  'structure.average-age': e(
    'structure.average-age',
    'team',
    'structure.averageAge',
    'county-practice',
    'average age outside [min, max]',
  ),
  'structure.specialty-coverage': e(
    'structure.specialty-coverage',
    'team',
    'structure.specialtyCoverage',
    'source-article',
    'a specialty the team lists is not covered',
  ),
  'structure.specialty-cap': e(
    'structure.specialty-cap',
    'team',
    'structure.specialtyCap',
    'source-article',
    'more than maxPerField members share a main field',
  ),
  'structure.temperament': e(
    'structure.temperament',
    'team',
    'structure.temperament',
    'source-article',
    'fewer than minDistinct temperament types',
  ),
  'stability.max-changed': e(
    'stability.max-changed',
    'team',
    'stability.maxChanged',
    'county-practice',
    'more than max(minAllowed, ⌊maxChangedShare × posts⌋) posts changed',
  ),
  'stability.heads-not-both': e(
    'stability.heads-not-both',
    'unit',
    'stability.headsNotBoth',
    'county-practice',
    'the party head and the government head of a unit both changed',
  ),
  'establishment.vacancy': e(
    'establishment.vacancy',
    'proposal',
    'vacancy',
    'banzi',
    'an open post left empty (forbidden unless vacancy.allowed; else costs vacancy.penalty)',
  ),
  'establishment.one-post-per-cadre': e(
    'establishment.one-post-per-cadre',
    'proposal',
    null,
    'banzi',
    'a cadre in two posts',
  ),
  'establishment.post-coverage': e(
    'establishment.post-coverage',
    'proposal',
    null,
    'banzi',
    'an open post not answered exactly once, or a closed post listed unchanged',
  ),
  'establishment.unknown-id': e(
    'establishment.unknown-id',
    'proposal',
    null,
    'banzi',
    'an id that is not in the scenario',
  ),
  'establishment.closed-post-changed': e(
    'establishment.closed-post-changed',
    'proposal',
    null,
    'banzi',
    'a post not open this round given to another cadre, or left vacant',
  ),
  lock: e('lock', 'proposal', null, 'banzi', 'a pair of scenario.locks missing'),
}
