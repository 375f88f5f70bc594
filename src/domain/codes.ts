/**
 * Rule codes: the one vocabulary shared by eligibility verdicts, model rows,
 * penalties paid and validator violations. A code names a rule, not the code
 * that checks it, so the validator can name the same rule without sharing logic.
 *
 * @module
 */
import type {
  CadreCategory,
  EducationLevel,
  Gender,
  Grade,
  PartyAffiliation,
  PostKind,
  Rank,
  ReserveGroup,
  Temperament,
  AssessmentKind,
  EvaluatorGroup,
  TeamKind,
} from './types.js'
import type { Change, ProposalStatus } from './proposal.js'
import { ethnicityLabel } from './ethnicity.js'

/** Rules about one cadre taking one post. @category Rules */
export type PairRuleCode =
  | 'ladder.skip-rung'
  | 'ladder.min-years'
  | 'ladder.step-down'
  | 'education.min-level'
  | 'age.max-at-appointment'
  | 'age.years-to-retirement'
  | 'integrity.gate'
  | 'discipline.open-case'
  | 'assessment.low-grade'
  | 'avoidance.kin'
  | 'avoidance.hometown'
  | 'rotation.must-move'
  | 'rotation.should-move'
  | 'tenure.max-terms'
  | 'tenure.level-years'
  | 'record.inconsistent'
  | 'recommendation.required'
  | 'forbidden-pair'

/**
 * Rules about a team's composition and its changes in one round (measured on
 * the team after the proposal, not on one pair). @category Rules
 */
export type TeamRuleCode =
  | 'structure.women'
  | 'structure.young'
  | 'structure.young-town'
  | 'structure.minority'
  | 'structure.titular'
  | 'structure.non-party'
  | 'structure.age-bands'
  | 'structure.average-age'
  | 'structure.specialty-coverage'
  | 'structure.specialty-cap'
  | 'structure.temperament'
  | 'stability.max-changed'
  | 'stability.heads-not-both'
  | 'tenure.short-move'

/** Rules about the proposal as a whole (establishment, locks, consistency). @category Rules */
export type ProposalRuleCode =
  | 'establishment.vacancy'
  | 'establishment.one-post-per-cadre'
  | 'establishment.post-coverage'
  | 'establishment.unknown-id'
  | 'establishment.closed-post-changed'
  | 'lock'

/** Any rule code. @category Rules */
export type RuleCode = PairRuleCode | TeamRuleCode | ProposalRuleCode

/**
 * zh-CN and en labels of each rule, for reports. The one place Chinese labels
 * live. A label names the rule, never a number: the numbers are the policy's,
 * said by the finding beside it (`[任职满规定年限必须交流] … 满8年必须交流`).
 * @category Rules
 */
export const RULE_LABELS: Readonly<Record<RuleCode, { readonly zh: string; readonly en: string }>> = {
  'ladder.skip-rung': { zh: '逐级晋升（不得越级）', en: 'promotion one rung at a time' },
  'ladder.min-years': { zh: '任职年限', en: 'years at rank before promotion' },
  'ladder.step-down': { zh: '降级任职', en: 'appointment to a lower-ranked post' },
  'education.min-level': { zh: '学历要求', en: 'minimum education' },
  'age.max-at-appointment': { zh: '任职年龄', en: 'maximum age at appointment' },
  'age.years-to-retirement': { zh: '距退休年限', en: 'years left before retirement' },
  'integrity.gate': { zh: '凡提四必与双签字', en: 'integrity checks and double signature' },
  'discipline.open-case': { zh: '立案审查或处分影响期', en: 'under investigation or disciplinary period' },
  'assessment.low-grade': { zh: '考核等次', en: 'recent assessment grade' },
  'avoidance.kin': { zh: '亲属回避', en: 'kin avoidance' },
  'avoidance.hometown': { zh: '地域回避', en: 'hometown avoidance' },
  'rotation.must-move': { zh: '任职满规定年限必须交流', en: 'must rotate after the years set' },
  'rotation.should-move': { zh: '任职满规定年限应当交流', en: 'should rotate after the years set' },
  'tenure.max-terms': { zh: '同一职位连续任职任期上限', en: 'limit on terms in the same post' },
  'tenure.level-years': { zh: '同一层级任职满规定年限', en: 'limit on years at the same level' },
  'record.inconsistent': { zh: '三龄两历不一致', en: 'record disagrees with itself' },
  'recommendation.required': { zh: '未经推荐不得提拔', en: 'no promotion without recommendation' },
  'forbidden-pair': { zh: '禁止的人岗组合', en: 'forbidden pair' },
  'structure.women': { zh: '女干部', en: 'women' },
  'structure.young': { zh: '年轻干部', en: 'young members' },
  'structure.young-town': { zh: '乡镇年轻干部', en: 'young members of a town team' },
  'structure.minority': { zh: '少数民族干部', en: 'minority members' },
  'structure.titular': { zh: '自治民族干部', en: 'members of the titular ethnicity' },
  'structure.non-party': { zh: '党外干部', en: 'non-party members' },
  'structure.age-bands': { zh: '老中青梯次', en: 'age gradient' },
  'structure.average-age': { zh: '平均年龄', en: 'average age' },
  'structure.specialty-coverage': { zh: '专业覆盖', en: 'specialty coverage' },
  'structure.specialty-cap': { zh: '同一领域人数上限', en: 'members of one field' },
  'structure.temperament': { zh: '气质类型互补', en: 'temperament mix' },
  'stability.max-changed': { zh: '一次调整人数上限', en: 'members changed in one round' },
  'stability.heads-not-both': { zh: '党政正职不同时调整', en: 'party and government heads not both changed' },
  'tenure.short-move': { zh: '任职未满规定年限一般不调整', en: 'too short in post to be moved' },
  'establishment.vacancy': { zh: '职数空缺', en: 'vacancy' },
  'establishment.one-post-per-cadre': { zh: '一人一岗', en: 'one post per cadre' },
  'establishment.post-coverage': { zh: '岗位完整', en: 'every open post answered once' },
  'establishment.unknown-id': { zh: '未知编号', en: 'unknown id' },
  'establishment.closed-post-changed': { zh: '未开放岗位被调整', en: 'closed post changed' },
  lock: { zh: '锁定的人岗组合', en: 'locked pair' },
}

/**
 * A zh-CN and an en label. Labels of rules name what the rule counts, never a
 * number: the numbers are the policy's (and a session's), shown beside the
 * label from the row itself (`女干部 / women (women>=2)`).
 * @category Rules
 */
export interface Label {
  readonly zh: string
  readonly en: string
}

/**
 * zh-CN and en labels of the values of the domain's enumerations, for
 * reports, facets and structure analyses.
 * @category Rules
 */
export const VALUE_LABELS: {
  readonly gender: Readonly<Record<Gender, Label>>
  readonly party: Readonly<Record<PartyAffiliation, Label>>
  readonly education: Readonly<Record<EducationLevel, Label>>
  readonly rank: Readonly<Record<Rank, Label>>
  readonly postKind: Readonly<Record<PostKind, Label>>
  readonly grade: Readonly<Record<Grade, Label>>
  readonly temperament: Readonly<Record<Temperament, Label>>
  readonly reserveGroup: Readonly<Record<ReserveGroup, Label>>
  readonly category: Readonly<Record<CadreCategory, Label>>
} = {
  gender: { male: { zh: '男', en: 'man' }, female: { zh: '女', en: 'woman' } },
  party: {
    cpc: { zh: '中共党员', en: 'CPC member' },
    'democratic-party': { zh: '民主党派', en: 'democratic party' },
    none: { zh: '群众', en: 'no affiliation' },
  },
  education: {
    secondary: { zh: '中专及以下', en: 'secondary' },
    'junior-college': { zh: '大专', en: 'junior college' },
    bachelor: { zh: '大学本科', en: 'bachelor' },
    master: { zh: '硕士研究生', en: 'master' },
    doctorate: { zh: '博士研究生', en: 'doctorate' },
  },
  rank: {
    'section-member': { zh: '科员', en: 'section member' },
    'section-deputy': { zh: '副科级', en: 'deputy section level' },
    'section-chief': { zh: '正科级', en: 'section chief level' },
    'division-deputy': { zh: '副处级', en: 'deputy division level' },
    'division-chief': { zh: '正处级', en: 'division chief level' },
  },
  postKind: {
    head: { zh: '正职', en: 'head' },
    deputy: { zh: '副职', en: 'deputy' },
    member: { zh: '成员', en: 'member' },
  },
  grade: {
    excellent: { zh: '优秀', en: 'excellent' },
    competent: { zh: '称职', en: 'competent' },
    basic: { zh: '基本称职', en: 'basically competent' },
    incompetent: { zh: '不称职', en: 'incompetent' },
  },
  temperament: {
    sanguine: { zh: '多血质', en: 'sanguine' },
    choleric: { zh: '胆汁质', en: 'choleric' },
    phlegmatic: { zh: '粘液质', en: 'phlegmatic' },
    melancholic: { zh: '抑郁质', en: 'melancholic' },
  },
  reserveGroup: {
    young: { zh: '年轻干部', en: 'young cadres' },
    women: { zh: '女干部', en: 'women cadres' },
    minority: { zh: '少数民族干部', en: 'minority cadres' },
    'non-party': { zh: '党外干部', en: 'non-party cadres' },
  },
  category: {
    'party-government': { zh: '党政', en: 'party and government' },
    'professional-technical': { zh: '专业技术', en: 'professional and technical' },
    enterprise: { zh: '企业管理', en: 'enterprise management' },
  },
}

/** Why a cadre leaves a reserve pool at a review (动态调整). @category Rules */
export type ReserveExitReason = 'aged-out' | 'promoted' | 'assessment' | 'integrity' | 'criteria'

/** zh-CN and en labels of the reasons a cadre leaves a reserve pool. @category Rules */
export const RESERVE_EXIT_LABELS: Readonly<Record<ReserveExitReason, Label>> = {
  'aged-out': { zh: '超过年龄', en: 'aged out' },
  promoted: { zh: '职级已超出后备层级', en: 'promoted past the reserve rank' },
  assessment: { zh: '考核等次不符合', en: 'assessment fell' },
  integrity: { zh: '廉政审查或处分', en: 'integrity finding' },
  criteria: { zh: '不再符合入库条件', en: 'no longer meets the group condition' },
}

/** Codes of the gaps a structure analysis reports: the structure rules, and vacant posts. @category Rules */
export type GapCode =
  | Exclude<TeamRuleCode, 'stability.max-changed' | 'stability.heads-not-both' | 'tenure.short-move'>
  | 'establishment.vacancy'

/** The numbers behind one structure gap, from which its zh-CN and en messages are written. @category Rules */
export interface GapFacts {
  /** Name of the team. */
  readonly team: string
  /** What the rule asks: a minimum count, a maximum count, or an age bound. */
  readonly required: number
  /** What the team has: a count, or its average age (one decimal). */
  readonly achieved: number
  /** Members of the team (filled posts). */
  readonly members: number
  /** Posts of the team. */
  readonly posts: number
  /**
   * What the gap is about: the age limit (young rules), an age band's label, a
   * specialty code or field, the titular ethnicity, `max` or `min` (average age).
   */
  readonly subject: string
  /** Most common temperament and how many members have it (temperament gaps). */
  readonly dominant: { readonly temperament: Temperament; readonly count: number } | null
}

const atLeast = (f: GapFacts, zhWhat: string, one: string, many: string = one): Label => ({
  zh: `${f.team}：${zhWhat}${f.achieved}名（应不少于${f.required}名）`,
  en: `${f.team}: ${f.achieved === 0 ? 'no' : f.achieved} ${f.achieved <= 1 ? one : many} (needs ≥ ${f.required})`,
})

/**
 * The zh-CN and en message of a structure gap of each code, written from its
 * {@link GapFacts}.
 * @category Rules
 */
export const GAP_TEXT: Readonly<Record<GapCode, (f: GapFacts) => Label>> = {
  'structure.women': (f) => atLeast(f, '女干部', 'woman', 'women'),
  'structure.young': (f) =>
    atLeast(f, `${f.subject}岁及以下干部`, `member aged ≤ ${f.subject}`, `members aged ≤ ${f.subject}`),
  'structure.young-town': (f) =>
    atLeast(
      f,
      `${f.subject}岁及以下干部（乡镇）`,
      `member aged ≤ ${f.subject}`,
      `members aged ≤ ${f.subject}`,
    ),
  'structure.minority': (f) => atLeast(f, '少数民族干部', 'minority member', 'minority members'),
  'structure.titular': (f) =>
    atLeast(
      f,
      `自治民族（${ethnicityLabel(f.subject).zh}）干部`,
      `${ethnicityLabel(f.subject).en} member`,
      `${ethnicityLabel(f.subject).en} members`,
    ),
  'structure.non-party': (f) => atLeast(f, '党外干部', 'non-party member', 'non-party members'),
  'structure.age-bands': (f) =>
    atLeast(f, `${f.subject}年龄段干部`, `member aged ${f.subject}`, `members aged ${f.subject}`),
  'structure.average-age': (f) =>
    f.subject === 'min'
      ? {
          zh: `${f.team}：平均年龄${f.achieved}岁，低于${f.required}岁`,
          en: `${f.team}: average age ${f.achieved} < ${f.required}`,
        }
      : {
          zh: `${f.team}：平均年龄${f.achieved}岁，高于${f.required}岁`,
          en: `${f.team}: average age ${f.achieved} > ${f.required}`,
        },
  // Specialty codes are the county's own taxonomy (`agriculture/livestock`): shown as codes, quoted,
  // never run into a Chinese sentence as if they were words.
  'structure.specialty-coverage': (f) => ({
    zh: `${f.team}：缺少专业“${f.subject}”的干部`,
    en: `${f.team}: no one with ${f.subject}`,
  }),
  'structure.specialty-cap': (f) => ({
    zh: `${f.team}：${f.members}人中${f.achieved}人属“${f.subject}”领域（应不超过${f.required}人）`,
    en: `${f.team}: ${f.achieved} of ${f.members} in ${f.subject} (at most ${f.required})`,
  }),
  'structure.temperament': (f) => {
    const d = f.dominant
    const zhMost =
      d === null ? '' : `，${f.members}人中${d.count}人为${VALUE_LABELS.temperament[d.temperament].zh}`
    const enMost = d === null ? '' : `; ${d.count} of ${f.members} are ${d.temperament}`
    return {
      zh: `${f.team}：气质类型${f.achieved}种（应不少于${f.required}种）${zhMost}`,
      en: `${f.team}: ${f.achieved} temperament type(s) (needs ≥ ${f.required})${enMost}`,
    }
  },
  'establishment.vacancy': (f) => ({
    zh: `${f.team}：${f.posts}个职数空缺${f.posts - f.achieved}个`,
    en: `${f.team}: ${f.posts - f.achieved} of ${f.posts} posts vacant`,
  }),
}

/** zh-CN and en labels of the assessment kinds (考核类别). @category Assessment */
export const ASSESSMENT_KIND_LABELS: Readonly<Record<AssessmentKind, Label>> = {
  annual: { zh: '年度考核', en: 'annual assessment' },
  ongoing: { zh: '平时考核', en: 'ongoing assessment' },
  special: { zh: '专项考核', en: 'special assessment' },
}

/** zh-CN and en labels of the rater groups (测评主体). @category Assessment */
export const EVALUATOR_LABELS: Readonly<Record<EvaluatorGroup, Label>> = {
  superiors: { zh: '上级', en: 'superiors' },
  peers: { zh: '同级', en: 'peers' },
  subordinates: { zh: '下级', en: 'subordinates' },
  public: { zh: '群众', en: 'public' },
}

/**
 * zh-CN and en labels of the default assessment indicators (德能勤绩廉). A
 * county's own indicators show their code where no label is given here.
 * @category Assessment
 */
export const INDICATOR_LABELS: Readonly<Record<string, Label>> = {
  political: { zh: '德（政治素质）', en: 'political quality' },
  ability: { zh: '能（工作能力）', en: 'ability' },
  diligence: { zh: '勤（工作态度）', en: 'diligence' },
  performance: { zh: '绩（工作实绩）', en: 'performance' },
  integrity: { zh: '廉（廉洁自律）', en: 'integrity' },
}

/** zh-CN and en labels of the default training topics (培训专题) of weak indicators. @category Assessment */
export const TRAINING_TOPIC_LABELS: Readonly<Record<string, Label>> = {
  'political-theory': { zh: '政治理论与党性教育', en: 'political theory and party spirit' },
  'professional-skills': { zh: '专业能力提升', en: 'professional skills' },
  'work-style': { zh: '作风建设', en: 'work style' },
  'performance-management': { zh: '抓落实与绩效管理', en: 'delivery and performance management' },
  'integrity-education': { zh: '廉政教育', en: 'integrity education' },
}

/** zh-CN and en labels of what an assignment means for the cadre (变动类别). @category Proposal */
export const CHANGE_LABELS: Readonly<Record<Change, Label>> = {
  stays: { zh: '留任', en: 'stays' },
  promotion: { zh: '提拔', en: 'promotion' },
  lateral: { zh: '平职交流', en: 'lateral move' },
  demotion: { zh: '降职', en: 'demotion' },
  vacant: { zh: '空缺', en: 'vacant' },
}

/** zh-CN and en labels of a proposal's status. @category Proposal */
export const STATUS_LABELS: Readonly<Record<ProposalStatus, Label>> = {
  optimal: { zh: '已证明最优', en: 'proven optimal' },
  'time-limit': { zh: '到达时限', en: 'time limit' },
  interrupted: { zh: '已中止', en: 'interrupted' },
  'memory-limit': { zh: '到达内存上限', en: 'memory limit' },
}

/** zh-CN and en labels of the kinds of team (班子类别). @category Domain */
export const TEAM_KIND_LABELS: Readonly<Record<TeamKind, Label>> = {
  'party-committee': { zh: '党委', en: 'party committee' },
  government: { zh: '政府', en: 'government' },
  'people-congress': { zh: '人大', en: "people's congress" },
  cppcc: { zh: '政协', en: 'CPPCC' },
  township: { zh: '乡镇（苏木）', en: 'township' },
  department: { zh: '部门', en: 'department' },
  agency: { zh: '直属单位', en: 'agency' },
}

/** Counted team rules, labelled from their bound: `n` is the row's actual bound. */
const COUNTED: Partial<Record<RuleCode, { readonly op: '>=' | '<='; readonly label: (n: string) => Label }>> =
  {
    'structure.women': {
      op: '>=',
      label: (n) => ({ en: `at least ${n} ${n === '1' ? 'woman' : 'women'}`, zh: `至少${n}名女干部` }),
    },
    'structure.young': {
      op: '>=',
      label: (n) => ({
        en: `at least ${n} young ${n === '1' ? 'member' : 'members'}`,
        zh: `至少${n}名年轻干部`,
      }),
    },
    'structure.minority': {
      op: '>=',
      label: (n) => ({
        en: `at least ${n} minority ${n === '1' ? 'member' : 'members'}`,
        zh: `至少${n}名少数民族干部`,
      }),
    },
    'structure.non-party': {
      op: '>=',
      label: (n) => ({
        en: `at least ${n} non-party ${n === '1' ? 'member' : 'members'}`,
        zh: `至少${n}名党外干部`,
      }),
    },
    'structure.titular': {
      op: '>=',
      label: (n) => ({
        en: `at least ${n} ${n === '1' ? 'member' : 'members'} of the titular ethnicity`,
        zh: `至少${n}名自治民族干部`,
      }),
    },
    'stability.max-changed': {
      op: '<=',
      label: (n) => ({ en: `at most ${n} changed`, zh: `调整不超过${n}人` }),
    },
  }

/**
 * The label of one rule row in the user's words, generated from the row's
 * actual bound so the text never contradicts the number: `structure.women`
 * with detail `women>=2` reads "at least 2 women / 至少2名女干部",
 * `stability.max-changed` with `changed<=2` reads "at most 2 changed /
 * 调整不超过2人". `detail` is the instance part of the row name (`women>=2`,
 * see `RuleRow.detail`); a bound a session moved (`women>=1, now ≥ 2`) reads
 * the bound in force and the rule's own ("at least 2 women (was 1, now ≥ 2) /
 * 至少2名女干部（原为1）"). A row this table does not count reads the rule's
 * label followed by the detail.
 * @category Rules
 */
export function ruleRowLabel(code: RuleCode, detail: string): Label {
  const m = /^(.*?)(<=|>=)(-?\d+(?:\.\d+)?)(?:, now (≥|≤) (-?\d+(?:\.\d+)?))?$/.exec(detail)
  const counted = COUNTED[code]
  if (m !== null && counted !== undefined && counted.op === m[2]) {
    if (m[4] === undefined) return counted.label(m[3]!)
    if (m[4] === (m[2] === '>=' ? '≥' : '≤')) {
      const now = counted.label(m[5]!)
      return { en: `${now.en} (was ${m[3]}, now ${m[4]} ${m[5]})`, zh: `${now.zh}（原为${m[3]}）` }
    }
  }
  const base = RULE_LABELS[code]
  return { en: `${base.en} (${detail})`, zh: `${base.zh}（${detail}）` }
}

/** The facts a rule finding records (`Verdict.facts`), as plain values. @category Rules */
export type ReasonFacts = Readonly<Record<string, string | number | boolean | null>>

const num = (x: unknown): number => (typeof x === 'number' ? x : Number(x))
const rankZh = (x: unknown): string => VALUE_LABELS.rank[x as Rank]?.zh ?? String(x)
/** Words of the integrity gate's and the record check's facts, in Chinese. */
const INTEGRITY_ZH: Readonly<Record<string, string>> = {
  'file audit': '档案审核',
  'personal-matters report': '个人有关事项报告核查',
  'discipline opinion': '纪检监察机关意见',
  'complaints check': '信访举报核查',
  'double signature': '廉政意见双签字',
  'clean conclusion': '廉政结论',
  'date of the checks': '核查时间',
}
const FIELD_ZH: Readonly<Record<string, string>> = {
  birth: '出生年月',
  workStart: '参加工作时间',
  partyJoined: '入党时间',
  party: '政治面貌',
  history: '工作经历',
  education: '学历',
  rankSince: '任现职级时间',
  currentPost: '现任职务',
}
const listZh = (text: unknown, words: Readonly<Record<string, string>>): string =>
  String(text)
    .split(', ')
    .map((w) => {
      const period = /^history\[(\d+)\]$/.exec(w)
      if (period !== null) return `工作经历第${Number(period[1]) + 1}段`
      const within = /^checks within (\d+) months$/.exec(w)
      if (within !== null) return `${within[1]}个月内的核查`
      return words[w] ?? w
    })
    .join('、')
const years = (months: unknown): string => {
  // A requirement in fractional years (2.04 × 12 = 24.48 months) is met in whole months: 25.
  const m = Math.ceil(num(months) - 1e-9)
  return m % 12 === 0 ? `${m / 12}年` : `${Math.floor(m / 12)}年${m % 12}个月`
}

/** `x × 100` to `d` decimals, rounded with `round`, without trailing zeros (`50`, `49.7`). */
const percentTo = (x: number, d: number, round: (v: number) => number): string => {
  const scale = 10 ** d
  // The nudge keeps a value meant exact (0.57 × 100 = 56.99999…) from rounding past itself.
  const nudge = round === Math.floor ? 1e-9 : -1e-9
  return String(round(x * 100 * scale + nudge) / scale)
}

/**
 * A share and its threshold as percentages to one decimal (more, up to 4,
 * when one is not enough), the share rounded down and the threshold up, so
 * that a share below its threshold never reads as equal or above it
 * (0.497 against 0.5: `49.7`, `50`).
 */
function sharesApart(share: number, min: number): [string, string] {
  if (!Number.isFinite(share) || !Number.isFinite(min)) return [String(share * 100), String(min * 100)]
  for (let d = 1; d <= 4; d++) {
    const a = percentTo(share, d, Math.floor)
    const b = percentTo(min, d, Math.ceil)
    if (share >= min || Number(a) < Number(b)) return [a, b]
  }
  return [String(share * 100), String(min * 100)]
}

/**
 * The Chinese wording of a pair rule's finding, written from the facts the
 * rule recorded (the English wording is the finding's own `message`): what
 * `whyNot` and the command line show a department head.
 * @category Rules
 */
export const REASON_ZH: Readonly<
  Record<PairRuleCode | 'tenure.short-move', (who: string, post: string, f: ReasonFacts) => string>
> = {
  'ladder.skip-rung': (who, post, f) =>
    `${who}现为${rankZh(f.rank)}，${post}须${rankZh(f.required)}，跨${num(f.rungs)}级，不得越级提拔`,
  'ladder.min-years': (who, _post, f) =>
    `${who}任${rankZh(f.rank)}${years(f.months)}，晋升须满${years(f.needed)}`,
  'ladder.step-down': (who, post, f) =>
    `${who}现为${rankZh(f.rank)}，${post}为${rankZh(f.required)}，低${Math.abs(num(f.rungs))}级`,
  'education.min-level': (who, _post, f) =>
    `${who}学历为${VALUE_LABELS.education[f.level as EducationLevel]?.zh ?? String(f.level)}，须${VALUE_LABELS.education[f.min as EducationLevel]?.zh ?? String(f.min)}及以上`,
  'age.max-at-appointment': (who, post, f) => `${who}${num(f.age)}岁，${post}任职年龄不超过${num(f.max)}岁`,
  'age.years-to-retirement': (who, _post, f) =>
    num(f.monthsLeft) > 0
      ? `${who}距${num(f.retirementAge)}岁退休还有${num(f.monthsLeft)}个月，提拔须至少${num(f.needed)}个月`
      : `${who}已到${num(f.retirementAge)}岁退休年龄，不再提拔`,
  'integrity.gate': (who, _post, f) => `${who}凡提四必或双签字未完成（${listZh(f.missing, INTEGRITY_ZH)}）`,
  'discipline.open-case': (who, _post, f) =>
    f.underInvestigation === true
      ? `${who}正在接受立案审查`
      : `${who}处于处分影响期（至${String(f.disciplinaryUntil)}）`,
  'assessment.low-grade': (who, _post, f) =>
    `${who}${num(f.year)}年度考核为${VALUE_LABELS.grade[f.grade as Grade]?.zh ?? String(f.grade)}`,
  // The relatives' names when the finding records them (`kinNames`, joined by 、), else their ids.
  'avoidance.kin': (who, post, f) =>
    `${who}与${typeof f.kinNames === 'string' && f.kinNames !== '' ? f.kinNames.split(',').join('、') : String(f.kin)}有亲属关系，不得同在${post}所在班子或直接上下级`,
  'avoidance.hometown': (who, post, f) =>
    `${who}成长地为${String(f.hometown)}，${post}须由外地干部担任（地域回避）`,
  'rotation.must-move': (who, post, f) => `${who}任${post}已${years(f.months)}，满${years(f.limit)}必须交流`,
  'rotation.should-move': (who, post, f) =>
    `${who}任${post}已${years(f.months)}，满${years(f.limit)}应当交流`,
  'tenure.max-terms': (who, post, f) =>
    `${who}任${post}已${years(f.months)}，连任${num(f.maxTerms)}个任期，不得再任`,
  'tenure.level-years': (who, _post, f) =>
    `${who}任${rankZh(f.rank)}已${years(f.months)}，满${years(f.limit)}不再在同一层级任职`,
  'record.inconsistent': (who, _post, f) =>
    `${who}档案三龄两历不一致（${num(f.conflicts)}处，涉及${listZh(f.fields, FIELD_ZH)}）`,
  'recommendation.required': (who, post, f) =>
    num(f.groups) > 0
      ? `${who}未获${post}推荐（平均得票率${sharesApart(num(f.share), num(f.minShare)).join('%，须不低于')}%且有得票，或有实名推荐人）`
      : `${who}未获${post}推荐（无民主推荐得票，无实名推荐人），不得提拔`,
  'forbidden-pair': (who, post) => `${who}任${post}为禁止的人岗组合`,
  'tenure.short-move': (who, _post, f) => `${who}任现职${years(f.months)}，不满${years(f.limit)}一般不调整`,
}

/**
 * zh-CN and en words of why a candidate did not get a post (the outcomes of
 * `explainProposal`'s runners-up), as the command line and the proposal
 * workbook say them.
 * @category Proposal
 */
export const RUNNER_UP_LABELS: Readonly<
  Record<'PlacedElsewhere' | 'LowerFit' | 'Penalised' | 'Locked' | 'TeamRules', Label>
> = {
  PlacedElsewhere: { zh: '已安排至', en: 'placed at' },
  LowerFit: { zh: '适配度低', en: 'lower fit by' },
  Penalised: { zh: '违反软性规则', en: 'breaks soft rules' },
  Locked: { zh: '岗位已锁定', en: 'the post is locked' },
  TeamRules: { zh: '因班子结构要求', en: 'the team rules make the whole better without them' },
}

/**
 * What a warning is about:
 * - `input.unknown-key`: a key of the input the decoder does not read (it is
 *   dropped), outside the policy, where it is an error: often a misspelt key
 *   (`forbiden`), which leaves its field at the default;
 * - `cadre.past-retirement`: a cadre of the roster has reached the retirement
 *   age of their gender (`policy.people.retirement.retirementAge`) at `asOf`;
 * - `specialty.unheld`: a specialty a post or team wants that no cadre of the
 *   roster has (neither the code nor one below it);
 * - `specialty.near-miss`: a specialty code one or two letters away from a
 *   code used more often elsewhere (a likely typo);
 * - `specialty.unwanted`: specialty codes cadres hold in a category no post
 *   or team wants (not even a neighbouring field): they add nothing to any
 *   fit — often majors written where codes belong (`汉语言文学`);
 * - `id.blanks`: a cadre, team or post id with leading, trailing or inner
 *   blanks, or invisible characters (zero-width space, soft hyphen…);
 * - `id.lookalike`: a cadre, team or post id that reads the same as an
 *   earlier id of its kind once normalised (NFKC: `Ｃ1` and `C1`);
 * - `name.invisible`: a cadre's or team's name or a post's title with
 *   invisible characters (zero-width space, a direction override…): it
 *   shows like another name, or reorders the text around it;
 * - `hometown.unmatched`: a hometown that matches no team's locality nor the
 *   county (normal for cadres who grew up elsewhere; listed to spot typos).
 * @category Rules
 */
export type WarningCode =
  | 'input.unknown-key'
  | 'cadre.past-retirement'
  | 'specialty.unheld'
  | 'specialty.near-miss'
  | 'specialty.unwanted'
  | 'id.blanks'
  | 'id.lookalike'
  | 'name.invisible'
  | 'hometown.unmatched'

/**
 * zh-CN and en titles of the warning codes, for reports.
 * @category Rules
 */
export const WARNING_LABELS: Readonly<Record<WarningCode, Label>> = {
  'input.unknown-key': { zh: '未读取的键', en: 'key not read' },
  'cadre.past-retirement': { zh: '已达退休年龄', en: 'past retirement age' },
  'specialty.unheld': { zh: '无人具备的专业', en: 'specialty nobody has' },
  'specialty.near-miss': { zh: '疑似拼写错误的专业代码', en: 'specialty code close to another' },
  'specialty.unwanted': { zh: '无岗位需要的专业代码', en: 'specialty codes no post wants' },
  'id.blanks': { zh: '编号含空白或不可见字符', en: 'id with blanks or invisible characters' },
  'id.lookalike': { zh: '编号规范化后重复', en: 'ids alike once normalised' },
  'name.invisible': { zh: '名称含不可见字符', en: 'name with invisible characters' },
  'hometown.unmatched': { zh: '成长地未匹配任何任职地', en: 'hometown matching no locality' },
}

/** The items of a record audit (三龄两历): age, work age, party age, education, experience. @category Rules */
export type AuditItem = 'age' | 'work-age' | 'party-age' | 'education' | 'experience'

/** zh-CN and en labels of the record audit's items. @category Rules */
export const AUDIT_ITEM_LABELS: Readonly<Record<AuditItem, Label>> = {
  age: { zh: '年龄', en: 'age' },
  'work-age': { zh: '工龄', en: 'work age' },
  'party-age': { zh: '党龄', en: 'party age' },
  education: { zh: '学历', en: 'education' },
  experience: { zh: '工作经历', en: 'experience' },
}

/** How a course of training was taken (学时管理 counts each kind). @category Rules */
export type TrainingKind = 'centralised' | 'party-school' | 'online' | 'self-study'

/** zh-CN and en labels of the kinds of training. @category Rules */
export const TRAINING_KIND_LABELS: Readonly<Record<TrainingKind, Label>> = {
  centralised: { zh: '集中培训', en: 'centralised training' },
  'party-school': { zh: '党校学习', en: 'party school' },
  online: { zh: '网络培训', en: 'online training' },
  'self-study': { zh: '自学', en: 'self-study' },
}

/**
 * The words of banzi's faces — the HTML report, the proposal workbook and
 * the command line's text — in zh-CN and en: headings, field names and
 * messages (the labels of the domain's values are the tables above). One
 * table, so a word is said the same way on every face; an app of its own can
 * use them too.
 * @category Report
 */
export const UI_WORDS = {
  // summary of a proposal
  summary: { zh: '概要', en: 'Summary' },
  status: { zh: '状态', en: 'status' },
  objective: { zh: '目标值', en: 'objective' },
  bound: { zh: '上界', en: 'bound' },
  gap: { zh: '差距', en: 'gap' },
  changes: { zh: '变动', en: 'changes' },
  totalFit: { zh: '适配度合计', en: 'total fit' },
  vacancyPenalties: { zh: '空缺扣分', en: 'vacancy penalties' },
  softPenalties: { zh: '软性规则扣分', en: 'soft-rule penalties' },
  penaltiesByRule: { zh: '软性规则扣分明细', en: 'soft-rule penalties by rule and team' },
  penalty: { zh: '扣分', en: 'penalty' },
  shortfall: { zh: '差额', en: 'shortfall' },
  leaves: { zh: '离任', en: 'leaves' },
  leaving: { zh: '离开班子的干部', en: 'leaving the teams' },
  cadreId: { zh: '干部编号', en: 'cadre id' },
  memberYears: { zh: '人·岁', en: 'member-years' },
  validator: { zh: '独立校验', en: 'independent validator' },
  validation: { zh: '校验', en: 'Validation' },
  validatorViolations: { zh: '独立校验违规', en: 'validator violations' },
  violations: { zh: '项违规', en: 'violations' },
  noViolation: { zh: '每条硬性规则均满足（0 项违规）', en: 'every hard rule holds (0 violations)' },
  incumbent: { zh: '当前最好', en: 'incumbent' },
  progress: { zh: '求解中', en: 'solving' },
  // teams and posts
  structure: { zh: '班子结构（调整前后）', en: 'Structure of the teams, before and after' },
  before: { zh: '调整前', en: 'before' },
  after: { zh: '调整后', en: 'after' },
  teamsChanged: { zh: '各班子调整情况', en: 'Teams changed' },
  team: { zh: '班子', en: 'team' },
  post: { zh: '职务', en: 'post' },
  postId: { zh: '岗位编号', en: 'post id' },
  change: { zh: '变动', en: 'change' },
  fit: { zh: '适配度', en: 'fit' },
  // The fit's components, each 0–1 beside a fit of 0–scale: said, so 年龄 0.7 never reads as an age.
  specialty: { zh: '专业匹配(0–1)', en: 'specialty (0–1)' },
  assessment: { zh: '考核(0–1)', en: 'assessment (0–1)' },
  experience: { zh: '经历(0–1)', en: 'experience (0–1)' },
  age: { zh: '年龄适配(0–1)', en: 'age fit (0–1)' },
  combinedComponent: { zh: '综合考核(0–1)', en: 'combined (0–1)' },
  supportComponent: { zh: '推荐得票(0–1)', en: 'support (0–1)' },
  explanation: { zh: '说明', en: 'explanation' },
  message: { zh: '说明', en: 'message' },
  postHeld: { zh: '岗位', en: 'post' },
  cadre: { zh: '干部', en: 'cadre' },
  rule: { zh: '规则', en: 'rule' },
  vacant: { zh: '（空缺）', en: '(vacant)' },
  notOpen: { zh: '本轮未调整该岗位', en: 'the post is not open this round' },
  // alternatives and explanations
  otherCandidates: { zh: '其他人选', en: 'other candidates' },
  otherCandidate: { zh: '其他人选', en: 'other candidate' },
  chosen: { zh: '人选', en: 'chosen' },
  notEligible: { zh: '不符合条件', en: 'not eligible' },
  eligible: { zh: '符合条件，可以任职', en: 'eligible' },
  ranking: { zh: '备选方案比较', en: 'Ranked alternatives' },
  rankingSheet: { zh: '方案比较', en: 'Ranking' },
  rank: { zh: '名次', en: 'rank' },
  behindBest: { zh: '与最优差', en: 'behind the best' },
  postsDiffering: { zh: '不同岗位数', en: 'posts differing' },
  differingPosts: { zh: '不同岗位', en: 'differing posts' },
  best: { zh: '最优方案', en: 'best' },
  thisOne: { zh: '本方案', en: 'this one' },
  ruleCosts: { zh: '规则代价', en: 'What the rules cost' },
  ruleCost: { zh: '规则代价', en: 'rule cost' },
  cost: { zh: '代价', en: 'cost' },
  costMethod: { zh: '计算方法', en: 'method' },
  teamsBound: { zh: '约束班子数', en: 'teams bound' },
  strengths: { zh: '优势', en: 'strengths' },
  weaknesses: { zh: '不足', en: 'weaknesses' },
  preferred: { zh: '最优方案选用', en: 'the best proposal prefers' },
  askedFit: { zh: '此人适配度', en: "this cadre's fit" },
  forceCost: { zh: '改用此人的代价（精确）', en: 'exact cost of forcing the pair' },
  forceCostBounded: {
    zh: '改用此人的代价（重新求解未完成，仅知范围）',
    en: 'cost of forcing the pair (the re-solve stopped: a range)',
  },
  cannotForce: { zh: '无法改用此人', en: 'the pair cannot be forced' },
  isChosen: { zh: '最优方案已选用此人', en: 'the best proposal chooses this cadre' },
  // feasibility
  diagnosis: { zh: '无法同时满足的原因', en: 'Why the rules cannot all be met' },
  feasible: { zh: '全部硬性规则可以同时满足', en: 'every hard rule can be met' },
  infeasible: { zh: '硬性规则无法同时满足', en: 'the hard rules cannot all be met' },
  supply: { zh: '人选不足', en: 'short of candidates' },
  conflict: { zh: '相互冲突的规则', en: 'rules in conflict' },
  relaxation: { zh: '代价最小的放宽方案', en: 'cheapest relaxation' },
  gaps: { zh: '结构缺口', en: 'structure gaps' },
  // pool, reserve and assessment
  found: { zh: '符合条件', en: 'found' },
  reserveHealth: { zh: '后备干部队伍状况', en: 'Reserve pools' },
  reserveGroup: { zh: '后备类别', en: 'group' },
  listed: { zh: '调整前在库', en: 'listed' },
  entries: { zh: '新入库', en: 'entries' },
  exits: { zh: '出库', en: 'exits' },
  members: { zh: '调整后在库', en: 'members' },
  teamsInNeed: { zh: '缺此类干部的班子', en: 'teams in need' },
  perTeamInNeed: { zh: '每个缺口班子人数', en: 'per team in need' },
  perPost: { zh: '与岗位数之比', en: 'per post' },
  recommended: { zh: '有实名推荐', en: 'recommended' },
  pipeline: { zh: '职级梯队', en: 'pipeline by rank' },
  assessmentCurves: { zh: '新任人选的考核曲线', en: 'Assessment curves of the appointees' },
  year: { zh: '年度', en: 'year' },
  score: { zh: '综合得分', en: 'combined score' },
  peerMedian: { zh: '同类干部中位数', en: 'peer median' },
  peerBand: { zh: '同类干部10%–90%', en: 'peers, 10th–90th percentile' },
  peerBandInner: { zh: '同类干部25%–75%', en: 'peers, 25th–75th percentile' },
  // A structure chart's value outside every age band of the policy.
  otherBand: { zh: '其他', en: 'other' },
  slope: { zh: '年均变化', en: 'trend per year' },
  // command line
  warning: { zh: '提示', en: 'warning' },
  unsupportedOut: {
    zh: '输出格式须为 .json、.xlsx 或 .html',
    en: 'the output must be .json, .xlsx or .html',
  },
  unknownPost: { zh: '没有这个岗位', en: 'no such post' },
  unknownId: { zh: '没有这个编号', en: 'no such id' },
  made: {
    zh: '由 banzi 生成；所有数据仅在本机处理。',
    en: 'Made by banzi; all data processed on this machine only.',
  },
} as const satisfies Record<string, Label>

/**
 * zh-CN and en names of how a rule's cost was found (`RuleCost.method` of
 * `explainProposal`): `exact`, by a re-solve without the rule proven optimal;
 * `bounded`, by a re-solve stopped before its proof (the cost lies in a
 * range); `estimate`, from the LP relaxation's duals.
 * @category Report
 */
export const COST_METHOD_LABELS: Readonly<Record<'exact' | 'bounded' | 'estimate', Label>> = {
  exact: { zh: '精确', en: 'exact' },
  bounded: { zh: '区间', en: 'bounded' },
  estimate: { zh: '估计', en: 'estimate' },
}

/** zh-CN and en titles of the structure charts (the report's and `toVegaLite`'s). @category Report */
export const STRUCTURE_CHART_LABELS = {
  gender: { zh: '性别', en: 'gender' },
  ageBands: { zh: '年龄段', en: 'age band' },
  ethnicity: { zh: '民族', en: 'ethnicity' },
  party: { zh: '政治面貌', en: 'party' },
  education: { zh: '学历', en: 'education' },
  field: { zh: '专业领域', en: 'field' },
} as const satisfies Record<string, Label>

/** Words of the faces that carry a value, each giving a {@link Label}. @category Report */
export const UI_PHRASES = {
  /** An age in whole years. */
  age: (years: number): Label => ({ zh: `${years}岁`, en: `aged ${years}` }),
  /** The report's default title. */
  reportTitle: (county: string, asOf: string): Label => ({
    zh: `${county}领导班子配备方案（${asOf}）`,
    en: `Staffing proposal for ${county} (${asOf})`,
  }),
  /** How many violations the validator found. */
  violationCount: (n: number): Label => ({
    zh: `${n} 项违规`,
    en: `${n} ${n === 1 ? 'violation' : 'violations'}`,
  }),
  /** The title of an appointee's assessment curve. */
  curveTitle: (name: string): Label => ({
    zh: `${name}：综合得分与同类干部比较`,
    en: `${name}: combined score against peers`,
  }),
  /** How structure gaps count the round's open posts: as vacant, their incumbents not members. */
  openCountVacant: (open: number): Label => ({
    zh: `（本轮调整的 ${open} 个岗位按空缺计，其现任者不计入班子）`,
    en: ` (the ${open} posts open this round count as vacant; their incumbents are not counted)`,
  }),
  /** A chart that shows only its largest values: how many, of how many. */
  topOf: (shown: number, of: number): Label => ({
    zh: `（前 ${shown} 项，共 ${of} 项）`,
    en: ` (top ${shown} of ${of})`,
  }),
  /** A soft rule a proposal breaks: how far short it falls, and what it costs (`amount` printed). */
  penaltyPaid: (shortfall: number, amount: string): Label => ({
    zh: `差额 ${shortfall}，扣分 ${amount}`,
    en: `shortfall ${shortfall}, penalty ${amount}`,
  }),
  /** What a bar of a structure chart shows, for a screen reader: the series, the value, its count. */
  chartMark: (series: string, value: string, count: number): Label => ({
    zh: `${series}，${value}：${count}人`,
    en: `${series}, ${value}: ${count}`,
  }),
  /** What a mark of an assessment curve shows, for a screen reader: the year, what, its value. */
  curveMark: (year: string, what: string, value: string): Label => ({
    zh: `${year}年度，${what}：${value}`,
    en: `${year}, ${what}: ${value}`,
  }),
  /** A rule cost known only to lie in a range: `[cost, upper]`, or at least `cost` when no upper limit was proved. */
  costRange: (cost: string, upper: string | null): Label =>
    upper === null
      ? { zh: `不低于 ${cost}`, en: `at least ${cost}` }
      : { zh: `${cost} 至 ${upper}`, en: `${cost} to ${upper}` },
  /** How many appointees' curves the report shows, of how many. */
  curvesShown: (shown: number, of: number): Label => ({
    zh: `共 ${of} 人有考核记录，显示前 ${shown} 人。`,
    en: `${of} ${of === 1 ? 'appointee has' : 'appointees have'} assessment records; the first ${shown} ${shown === 1 ? 'is' : 'are'} shown.`,
  }),
  /**
   * A ranking that did not run to its end: what stopped it (`stop`), how many
   * of the `k` asked for came back, and the bound on the rest when proven.
   */
  rankingIncomplete: (
    stop: 'time-limit' | 'aborted' | 'memory-limit' | 'solver-failure',
    n: number,
    k: number,
    bound: string | null,
  ): Label => {
    const why = {
      'time-limit': { zh: '到达时限', en: 'the time limit' },
      aborted: { zh: '已中止', en: 'an abort' },
      'memory-limit': { zh: '到达内存上限', en: 'the memory limit' },
      'solver-failure': { zh: '求解器故障', en: 'a solver failure' },
    }[stop]
    return {
      zh: `排序未完成（${why.zh}）：得到 ${n} 个方案，要求 ${k} 个${n < k ? '，可能还有其他方案' : '，最后一个未证明最优'}${bound === null ? '' : `；其余方案的上界 ${bound}`}`,
      en: `ranking incomplete (stopped by ${why.en}): ${n} of ${k} proposals${n < k ? ', more may exist' : ', the last not proven optimal'}${bound === null ? '' : `; bound for the rest ${bound}`}`,
    }
  },
}

/**
 * The punctuation the faces put between their words and values, in each
 * language: a list's separator, a label's colon, brackets around an aside
 * (a cadre's id beside a name shared by others, a post's id, a month).
 * @category Report
 */
export const PUNCTUATION: Readonly<Record<'list' | 'colon' | 'open' | 'close', Label>> = {
  list: { zh: '，', en: ', ' },
  colon: { zh: '：', en: ': ' },
  open: { zh: '（', en: ' (' },
  close: { zh: '）', en: ')' },
}

/** The languages banzi speaks: zh-CN (`zh`, the default) and English. @category Report */
export type Lang = 'zh' | 'en'

/** A word of {@link UI_WORDS}. @category Report */
export type UiWord = keyof typeof UI_WORDS

/**
 * The words of {@link UI_WORDS} in one language (English for `'en'`, Chinese
 * otherwise), read as `wordsIn('zh').summary`.
 * @category Report
 */
export function wordsIn(lang: Lang): Readonly<Record<UiWord, string>> {
  return (lang === 'en' ? WORDS_EN : WORDS_ZH) as Readonly<Record<UiWord, string>>
}

const WORDS_ZH = Object.fromEntries(Object.entries(UI_WORDS).map(([k, l]) => [k, l.zh]))
const WORDS_EN = Object.fromEntries(Object.entries(UI_WORDS).map(([k, l]) => [k, l.en]))
