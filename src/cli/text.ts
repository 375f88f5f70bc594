/**
 * The words of the command line's text output, in Chinese and English
 * (labels of the domain's values come from `src/domain/codes.ts`).
 *
 * @module
 * @internal
 */
/** Languages of the text output. @internal */
export type Lang = 'zh' | 'en'

interface Words {
  readonly status: string
  readonly objective: string
  readonly bound: string
  readonly gap: string
  readonly incumbent: string
  readonly progress: string
  readonly changes: string
  readonly fit: string
  readonly vacant: string
  readonly validator: string
  readonly violations: string
  readonly warning: string
  readonly feasible: string
  readonly infeasible: string
  readonly supply: string
  readonly conflict: string
  readonly relaxation: string
  readonly gaps: string
  readonly found: string
  readonly unsupportedOut: string
  readonly unknownPost: string
  readonly unknownId: string
  readonly notOpen: string
  readonly chosen: string
  readonly other: string
  readonly blocked: string
  readonly ruleCost: string
  readonly eligible: string
  readonly notEligible: string
  readonly strengths: string
  readonly weaknesses: string
  readonly preferred: string
  readonly forceCost: string
  readonly cannotForce: string
  readonly isChosen: string
}

/** @internal */
export const CLI_TEXT: Readonly<Record<Lang, Words>> = {
  zh: {
    status: '状态',
    objective: '目标值',
    bound: '上界',
    gap: '差距',
    incumbent: '当前最好',
    progress: '求解中',
    changes: '变动',
    fit: '适配度',
    vacant: '（空缺）',
    validator: '独立校验',
    violations: '项违规',
    warning: '提示',
    feasible: '全部硬性规则可以同时满足',
    infeasible: '硬性规则无法同时满足',
    supply: '人选不足',
    conflict: '相互冲突的规则',
    relaxation: '代价最小的放宽方案',
    gaps: '结构缺口',
    found: '符合条件',
    unsupportedOut: '输出格式须为 .json、.xlsx 或 .html',
    unknownPost: '没有这个岗位',
    unknownId: '没有这个编号',
    notOpen: '本轮未调整该岗位',
    chosen: '人选',
    other: '其他人选',
    blocked: '不符合条件',
    ruleCost: '规则代价',
    eligible: '符合条件，可以任职',
    notEligible: '不符合条件',
    strengths: '优势',
    weaknesses: '不足',
    preferred: '最优方案选用',
    forceCost: '改用此人的代价（精确）',
    cannotForce: '无法改用此人',
    isChosen: '最优方案已选用此人',
  },
  en: {
    status: 'status',
    objective: 'objective',
    bound: 'bound',
    gap: 'gap',
    incumbent: 'incumbent',
    progress: 'solving',
    changes: 'changes',
    fit: 'fit',
    vacant: '(vacant)',
    validator: 'independent validator',
    violations: 'violations',
    warning: 'warning',
    feasible: 'every hard rule can be met',
    infeasible: 'the hard rules cannot all be met',
    supply: 'short of candidates',
    conflict: 'rules in conflict',
    relaxation: 'cheapest relaxation',
    gaps: 'structure gaps',
    found: 'found',
    unsupportedOut: 'the output must be .json, .xlsx or .html',
    unknownPost: 'no such post',
    unknownId: 'no such id',
    notOpen: 'the post is not open this round',
    chosen: 'chosen',
    other: 'other candidate',
    blocked: 'blocked',
    ruleCost: 'rule cost',
    eligible: 'eligible',
    notEligible: 'not eligible',
    strengths: 'strengths',
    weaknesses: 'weaknesses',
    preferred: 'the best proposal prefers',
    forceCost: 'exact cost of forcing the pair',
    cannotForce: 'the pair cannot be forced',
    isChosen: 'the best proposal chooses this cadre',
  },
}
