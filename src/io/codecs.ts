/**
 * io-ts codecs of the scenario input format (docs/input-format.md). The format
 * mirrors {@link Scenario} but is lenient: a field a demanding user would
 * expect to default may be left out. These codecs only check shapes; the
 * cross-references (ids, dates against `asOf`, locks) are in `crossref.ts`.
 *
 * @module
 * @internal
 */
import { EDUCATION_LEVELS, RANKS, type Integrity } from '../domain/types.js'
import {
  array,
  boolean,
  dictionary,
  either,
  ethnicity,
  leaf,
  maybe,
  nonEmptyString,
  nullable,
  number,
  object,
  oneOf,
  opt,
  req,
  YEAR_RANGE,
  yearMonth,
  type TypeOf,
} from './combinators.js'
import {
  CADRE_CATEGORY_VALUES,
  ASSESSMENT_KINDS,
  EVALUATOR_GROUPS,
  GENDERS,
  GRADES,
  KIN_RELATIONS,
  PARTY_AFFILIATIONS,
  POST_KINDS,
  POST_ROLES,
  RESERVE_GROUPS,
  TEAM_KINDS,
  TEMPERAMENTS,
} from './enums.js'
import { policyCodec } from './policy-codec.js'

// ---------------------------------------------------------------------------
// scalars
// ---------------------------------------------------------------------------

/** An id: a non-empty string. @internal */
export const id = nonEmptyString

/** A specialty code: `category/field/industry` or a prefix of it, no empty segment. @internal */
export const specialtyCode = leaf<string>(
  'specialty code like "economy/finance/banking"',
  { type: 'string', pattern: '^[^/]+(/[^/]+)*$' },
  (u) => (typeof u === 'string' && /^[^/]+(\/[^/]+)*$/.test(u) ? { ok: true, value: u } : { ok: false }),
)

const nonNegative = number({ min: 0 })

// ---------------------------------------------------------------------------
// cadre
// ---------------------------------------------------------------------------

const specialty = object('specialty object', {
  code: req(
    specialtyCode,
    'Taxonomy path category/field/industry (e.g. economy/finance/banking); a prefix is allowed.',
  ),
  degree: opt(boolean, false, 'Holds a degree in it.'),
  years: opt(nonNegative, 0, 'Years of real work in it.'),
  achievements: opt(nonNegative, 0, 'Recognised achievements in it (awards, completed major projects).'),
})

const education = object('education object', {
  level: req(oneOf(EDUCATION_LEVELS), 'Highest education level (学历).'),
  fullTime: opt(boolean, true, 'Full-time (全日制) rather than in-service (在职) education.'),
})

const tenure = object('current post object', {
  postId: req(id, 'Id of a post of one of the teams.'),
  since: req(yearMonth, 'Month the cadre took the post (任现职时间); not after asOf.'),
})

const kinLink = object('kin link object', {
  cadreId: req(id, 'Id of another cadre of the roster.'),
  relation: req(oneOf(KIN_RELATIONS), 'Kin relation (亲属关系).'),
})

const assessment = object('assessment object', {
  year: req(
    number({ min: YEAR_RANGE.min, max: YEAR_RANGE.max, integer: true }),
    'Assessment year; not after the year of asOf.',
  ),
  grade: req(oneOf(GRADES), 'Yearly grade (考核等次).'),
  score: maybe(nullable(number({ min: 0, max: 100 })), 'Optional score 0–100; null or missing means none.'),
})

const score = number({ min: 0, max: 100 })

const assessmentRecord = object('assessment record object', {
  year: req(
    number({ min: YEAR_RANGE.min, max: YEAR_RANGE.max, integer: true }),
    'Assessment year; not after the year of asOf.',
  ),
  kind: req(oneOf(ASSESSMENT_KINDS), 'Kind: annual (年度考核), ongoing (平时考核) or special (专项考核).'),
  grade: maybe(oneOf(GRADES), 'Grade of this assessment (考核等次), if one was given.'),
  score: maybe(score, 'Overall score 0–100, if one was given.'),
  indicators: maybe(
    dictionary(score, 'object of indicator scores'),
    'Indicator code → score 0–100; codes from policy.assessment.indicators (德能勤绩廉 by default).',
  ),
  evaluators: maybe(
    object(
      'evaluator scores object',
      Object.fromEntries(EVALUATOR_GROUPS.map((g) => [g, maybe(score, 'Score 0–100 given by this group.')])),
      { strict: true },
    ),
    'Rater group → score 0–100 (民主测评 by group).',
  ),
})

/** The integrity record of a cadre with no record at all: nothing checked. @internal */
export const NO_INTEGRITY: Integrity = Object.freeze({
  fileAudited: false,
  personalMattersVerified: false,
  disciplineOpinionHeard: false,
  complaintsInvestigated: false,
  doubleSigned: false,
  checkedOn: null,
  clean: false,
  underInvestigation: false,
  disciplinaryUntil: null,
})

const integrity = object('integrity object', {
  fileAudited: opt(boolean, false, 'Personnel file audited (档案必审).'),
  personalMattersVerified: opt(boolean, false, 'Personal-matters report verified (个人有关事项报告必核).'),
  disciplineOpinionHeard: opt(boolean, false, 'Discipline-inspection opinion heard (纪检监察机关意见必听).'),
  complaintsInvestigated: opt(boolean, false, 'Specific complaints investigated (信访举报必查).'),
  doubleSigned: opt(boolean, false, 'Integrity conclusion double-signed (双签字).'),
  checkedOn: opt(
    nullable(yearMonth),
    null,
    'Month the checks were completed; null if never. Not after asOf.',
  ),
  clean: opt(boolean, false, 'The checks found no open problem.'),
  underInvestigation: opt(boolean, false, 'Currently under investigation (立案审查).'),
  disciplinaryUntil: opt(nullable(yearMonth), null, 'End of a disciplinary period (处分影响期), if any.'),
})

const workPeriod = object('work period object', {
  from: req(yearMonth, 'First month of the period; not after asOf.'),
  to: opt(
    nullable(yearMonth),
    null,
    'Last month of the period, or null if the post is still held; not after asOf.',
  ),
  unit: req(nonEmptyString, 'Unit (单位).'),
  post: req(nonEmptyString, 'Post held (职务).'),
})

const cadre = object('cadre object', {
  id: req(id, 'Unique id of the cadre.'),
  name: req(nonEmptyString, 'Name.'),
  gender: req(oneOf(GENDERS), 'Gender.'),
  birth: req(yearMonth, 'Month of birth; not after asOf.'),
  ethnicity: req(
    ethnicity,
    'Ethnicity (民族): an ethnic group of GB 3304 as its canonical code (han, mongol…), GB number ("01", "1"; 1–56, 97, 98), Chinese name with or without 族 (汉族, 汉) or English name in any case (Han, Mongolian); decoded to the canonical code. The pattern refuses other numbers and names with digits; a name of no group is refused by the decoder.',
  ),
  party: req(oneOf(PARTY_AFFILIATIONS), 'Political affiliation (政治面貌).'),
  education: req(education, 'Highest education.'),
  specialties: opt(array(specialty), [], 'Specialties with their evidence (专业), main one first.'),
  currentPost: opt(nullable(tenure), null, 'Post held in this scenario’s teams, or null.'),
  rank: req(oneOf(RANKS), 'Rank on the ladder (职级).'),
  rankSince: req(yearMonth, 'Month the cadre reached the rank; not after asOf.'),
  hometown: req(nonEmptyString, 'Home county (成长地), compared with a team’s locality.'),
  kin: opt(array(kinLink), [], 'Kin links to other cadres of the roster.'),
  assessments: opt(array(assessment), [], 'Yearly assessment results.'),
  assessmentRecords: maybe(
    array(assessmentRecord),
    'Detailed assessment records (annual, ongoing, special; indicators and rater groups), read by the assessment analytics only.',
  ),
  integrity: opt(integrity, NO_INTEGRITY, 'Integrity record; missing means nothing checked.'),
  temperament: opt(nullable(oneOf(TEMPERAMENTS)), null, 'Temperament type (气质类型), or null.'),
  reserveGroups: opt(array(oneOf(RESERVE_GROUPS)), [], 'Reserve groups (四类干部) the cadre is listed in.'),
  exceptionalPromotion: opt(boolean, false, 'Exceptional promotion (破格) explicitly approved.'),
  workStart: opt(
    nullable(yearMonth),
    null,
    'Month the cadre started work (参加工作时间), or null; not after asOf.',
  ),
  partyJoined: opt(
    nullable(yearMonth),
    null,
    'Month the cadre joined the party (入党时间), or null; not after asOf. Only for party "cpc".',
  ),
  history: opt(array(workPeriod), [], 'Work history (工作经历), oldest first.'),
  category: maybe(
    oneOf(CADRE_CATEGORY_VALUES),
    'Cadre category (干部类别) of the talent pool; missing means derived (docs/pool.md).',
  ),
})

// ---------------------------------------------------------------------------
// team and post
// ---------------------------------------------------------------------------

const post = object('post object', {
  id: req(id, 'Id of the post, unique across all teams.'),
  title: maybe(nonEmptyString, 'Title; defaults to the id.'),
  kind: req(oneOf(POST_KINDS), 'Head (正职), deputy (副职) or member (成员).'),
  rank: req(oneOf(RANKS), 'Rank required to hold the post; not above the head post’s rank.'),
  specialties: opt(array(specialtyCode), [], 'Specialty codes wanted for the post.'),
  role: opt(nullable(oneOf(POST_ROLES)), null, 'Special role (hometown avoidance, heads-not-both), or null.'),
  rotationExempt: opt(boolean, false, 'Exempt from compulsory rotation (特殊岗位).'),
})

/** The area of a team with no area given. @internal */
export const NO_AREA = Object.freeze({ ethnicAutonomous: false, titularEthnicity: null })

const area = object('area object', {
  ethnicAutonomous: opt(boolean, false, 'In an ethnic autonomous area: the minority rule applies.'),
  titularEthnicity: opt(
    nullable(ethnicity),
    null,
    'Titular ethnicity of the area (e.g. mongol or 蒙古族), or null.',
  ),
})

const team = object('team object', {
  id: req(id, 'Unique id of the team.'),
  name: req(nonEmptyString, 'Name of the team.'),
  kind: req(oneOf(TEAM_KINDS), 'Kind of team.'),
  unit: maybe(
    nonEmptyString,
    'Unit the team belongs to (party and government teams of one unit share it); defaults to the team id.',
  ),
  locality: maybe(nonEmptyString, 'Locality for hometown avoidance; defaults to the scenario’s county.'),
  area: opt(area, NO_AREA, 'Area flags.'),
  needsTitularMember: opt(boolean, false, 'Must have a member of the area’s titular ethnicity.'),
  needsNonPartyMember: opt(boolean, false, 'Must have a non-party member.'),
  specialties: opt(array(specialtyCode), [], 'Specialty codes the team as a whole must cover.'),
  posts: req(array(post), 'Posts (职数) of the team, head first by convention.'),
  supervisedBy: maybe(
    array(id),
    'Ids of posts of other teams whose holders directly lead this team (直接上下级领导关系); kin avoidance reaches across these links. Missing means none.',
  ),
})

// ---------------------------------------------------------------------------
// scenario
// ---------------------------------------------------------------------------

const pair = object('pair object', {
  cadreId: req(id, 'Id of a cadre.'),
  postId: req(id, 'Id of a post.'),
})

const groupVotes = object(
  'group votes object',
  {
    group: req(nonEmptyString, 'The rater group or meeting (推荐主体), e.g. 领导班子成员.'),
    votes: req(number({ min: 0, integer: true }), 'Votes the cadre received from the group.'),
    voters: req(
      number({ min: 1, integer: true }),
      'Voters of the group who took part; at least votes, the same for the group on a post in every tally.',
    ),
  },
  { strict: true },
)

// Strict: a misspelt key (postID) would otherwise turn a tally for one post into one for any post.
const tally = object(
  'recommendation tally object',
  {
    cadreId: req(id, 'Id of the cadre recommended.'),
    postId: opt(nullable(id), null, 'The post recommended for; null or missing: any post.'),
    votes: opt(
      array(groupVotes),
      [],
      'Democratic recommendation (民主推荐): votes by rater group, each group once.',
    ),
    recommenders: opt(
      array(nonEmptyString, 'array of names'),
      [],
      'Real-name recommenders (实名制推荐), each once.',
    ),
  },
  { strict: true },
)

const all = leaf<'all'>('"all"', { const: 'all' }, (u) =>
  u === 'all' ? { ok: true, value: 'all' } : { ok: false },
)

/** The scenario input format. @internal */
export const scenarioCodec = object(
  'scenario object',
  {
    asOf: req(yearMonth, 'Reference month for ages and tenures (计算年龄时间).'),
    county: req(nonEmptyString, 'The county; default locality of every team.'),
    cadres: req(array(cadre), 'The roster (干部).'),
    teams: req(array(team), 'The leadership teams (领导班子) and their posts.'),
    policy: maybe(policyCodec, 'Policy overrides (deep-partial); missing parts take the defaults.'),
    openPosts: opt(
      either(all, array(id, 'array of post ids')),
      'all',
      'Posts staffed in this round: a list of post ids, or "all" for every post in team order.',
    ),
    locks: opt(array(pair), [], 'Pairs that must be in every proposal; each post must be open.'),
    forbidden: opt(array(pair), [], 'Pairs that must never be in a proposal.'),
    recommendations: maybe(
      array(tally),
      'Recommendation support (推荐情况): at most one tally per cadre and post (and one per cadre for any post); read by the fit’s support component and the gate recommendation.required.',
    ),
  },
  {
    description: 'The input of one adjustment round of banzi (调整方案输入).',
    // an editor's link to the JSON Schema, documented as ignored
    ignored: ['$schema'],
  },
)

/** The decoded input format, defaults applied where they do not depend on context. @internal */
export type ScenarioInput = TypeOf<typeof scenarioCodec>
