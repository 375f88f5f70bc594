/**
 * Rule codes: the one vocabulary shared by eligibility verdicts, model rows,
 * penalties paid and validator violations. A code names a rule, not the code
 * that checks it, so the validator can name the same rule without sharing logic.
 *
 * @module
 */
import type { AssessmentKind, EvaluatorGroup, Grade } from './types.js'

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

/** zh-CN and en labels of each rule, for reports. The one place Chinese labels live. @category Rules */
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
  'rotation.must-move': { zh: '任职满十年必须交流', en: 'must rotate after ten years' },
  'rotation.should-move': { zh: '任职满五年应当交流', en: 'should rotate after five years' },
  'tenure.max-terms': { zh: '同一职位连续任职不超过两个任期', en: 'at most two terms in the same post' },
  'tenure.level-years': { zh: '同一层级任职满十五年', en: 'fifteen years at the same level' },
  'record.inconsistent': { zh: '三龄两历不一致', en: 'record disagrees with itself' },
  'forbidden-pair': { zh: '禁止的人岗组合', en: 'forbidden pair' },
  'structure.women': { zh: '女干部', en: 'at least one woman' },
  'structure.young': { zh: '年轻干部', en: 'at least one young member' },
  'structure.young-town': { zh: '乡镇年轻干部', en: 'young member of a town team' },
  'structure.minority': { zh: '少数民族干部', en: 'at least one minority member' },
  'structure.titular': { zh: '自治民族干部', en: 'member of the titular ethnicity' },
  'structure.non-party': { zh: '党外干部', en: 'at least one non-party member' },
  'structure.age-bands': { zh: '老中青梯次', en: 'age gradient' },
  'structure.average-age': { zh: '平均年龄', en: 'average age' },
  'structure.specialty-coverage': { zh: '专业覆盖', en: 'specialty coverage' },
  'structure.specialty-cap': { zh: '同一领域人数上限', en: 'at most k members of one field' },
  'structure.temperament': { zh: '气质类型互补', en: 'temperament mix' },
  'stability.max-changed': { zh: '一次调整不超过三分之一', en: 'at most a third changed' },
  'stability.heads-not-both': { zh: '党政正职不同时调整', en: 'party and government heads not both changed' },
  'tenure.short-move': { zh: '任职不满三年一般不调整', en: 'under three years in post: not moved' },
  'establishment.vacancy': { zh: '职数空缺', en: 'vacancy' },
  'establishment.one-post-per-cadre': { zh: '一人一岗', en: 'one post per cadre' },
  'establishment.post-coverage': { zh: '岗位完整', en: 'every open post answered once' },
  'establishment.unknown-id': { zh: '未知编号', en: 'unknown id' },
  'establishment.closed-post-changed': { zh: '未开放岗位被调整', en: 'closed post changed' },
  lock: { zh: '锁定的人岗组合', en: 'locked pair' },
}

/** A zh-CN and an en label. @category Assessment */
export interface Label {
  readonly zh: string
  readonly en: string
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

/** zh-CN and en labels of the grades (考核等次). @category Assessment */
export const GRADE_LABELS: Readonly<Record<Grade, Label>> = {
  excellent: { zh: '优秀', en: 'excellent' },
  competent: { zh: '称职', en: 'competent' },
  basic: { zh: '基本称职', en: 'basic' },
  incompetent: { zh: '不称职', en: 'incompetent' },
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
