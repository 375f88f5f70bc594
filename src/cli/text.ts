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
  },
}
