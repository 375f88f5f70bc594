/**
 * The one header table of roster import: for each kind of sheet, the columns
 * banzi reads and the headers (Chinese or English) that name them. Users
 * extend it with `ReadRosterOptions.headers`; docs/import-export.md prints it.
 *
 * @module
 */

import {
  CATEGORY_WORDS,
  EDUCATION_WORDS,
  GENDER_WORDS,
  GRADE_WORDS,
  KIN_WORDS,
  PARTY_WORDS,
  POST_KIND_WORDS,
  POST_ROLE_WORDS,
  RANK_WORDS,
  RESERVE_WORDS,
  STUDY_WORDS,
  TEAM_KIND_WORDS,
  TEMPERAMENT_WORDS,
  type Vocabulary,
} from './values.js'

/** The kinds of sheet (or CSV file) a roster is made of. @category Roster */
export type SheetKind =
  'cadres' | 'teams' | 'posts' | 'specialties' | 'history' | 'kin' | 'assessments' | 'policy'

/** Every sheet kind, in the order they are read. @category Roster */
export const SHEET_KINDS: readonly SheetKind[] = [
  'cadres',
  'teams',
  'posts',
  'specialties',
  'history',
  'kin',
  'assessments',
  'policy',
]

/** Names a workbook's sheets go by, for each kind (compared without blanks, any case). @category Roster */
export const SHEET_NAMES: Readonly<Record<SheetKind, readonly string[]>> = {
  cadres: ['干部', '干部名册', '干部花名册', '花名册', '干部信息', 'cadres', 'roster'],
  teams: ['班子', '领导班子', 'teams'],
  posts: ['岗位', '职数', '职位', 'posts'],
  specialties: ['专业', '专业特长', 'specialties'],
  history: ['工作经历', '简历', 'history'],
  kin: ['亲属', '家庭成员', '亲属关系', 'kin'],
  assessments: ['考核', '年度考核', '考核结果', 'assessments'],
  policy: ['政策', '配备政策', 'policy'],
}

/**
 * One column banzi reads: its field, whether a sheet must have it, the
 * headers that name it, and what its cells hold when that is not free text:
 * the words of a coded column (each code with the words clerks write for it),
 * or yes/no. The reader, the writer (its data-validation lists) and the docs'
 * table all read them here.
 * @category Roster
 */
export interface ColumnSpec {
  readonly field: string
  readonly required: boolean
  readonly headers: readonly string[]
  readonly words?: Vocabulary<string>
  readonly yesNo?: true
}

const col = (field: string, required: boolean, ...headers: string[]): ColumnSpec => ({
  field,
  required,
  headers: [...headers, field],
})
/** A coded column: its cells are one (or, for a list, several) of the vocabulary's words. */
const coded = (spec: ColumnSpec, words: Vocabulary<string>): ColumnSpec => ({ ...spec, words })
/** A yes/no column: 是/否 and the like. */
const yesNo = (spec: ColumnSpec): ColumnSpec => ({ ...spec, yesNo: true })

/**
 * The columns of each sheet kind. A column's first header is the one
 * `rosterTemplate`-style outputs and the docs use.
 * @category Roster
 */
export const COLUMNS: Readonly<Record<SheetKind, readonly ColumnSpec[]>> = {
  cadres: [
    col('id', true, '干部编号', '编号', '人员编号', '序号编号'),
    col('name', true, '姓名'),
    coded(col('gender', true, '性别'), GENDER_WORDS),
    col('birth', true, '出生年月', '出生日期', '出生时间'),
    col('ethnicity', true, '民族'),
    coded(col('party', true, '政治面貌'), PARTY_WORDS),
    col('partyJoined', false, '入党时间', '入党年月'),
    col('workStart', false, '参加工作时间', '参加工作年月'),
    coded(col('education', true, '学历', '最高学历', '全日制教育学历', '全日制学历'), EDUCATION_WORDS),
    coded(col('degree', false, '学位', '最高学位', '全日制教育学位', '全日制学位'), EDUCATION_WORDS),
    coded(col('study', false, '学习形式', '教育类别', '全日制/在职'), STUDY_WORDS),
    col('specialties', false, '专业', '专业代码', '熟悉专业'),
    col('currentPost', false, '现任岗位编号', '现任岗位', '岗位编号'),
    col('currentPostTitle', false, '现任职务'),
    col('since', false, '任现职时间', '任现职年月'),
    coded(col('rank', true, '职级', '现职级'), RANK_WORDS),
    col('rankSince', true, '任现职级时间', '任现职级年月', '职级时间'),
    col('hometown', true, '成长地', '籍贯'),
    col('idNumber', false, '身份证号', '身份证号码', '公民身份号码'),
    coded(col('temperament', false, '气质类型'), TEMPERAMENT_WORDS),
    coded(col('reserveGroups', false, '后备类别', '四类干部'), RESERVE_WORDS),
    coded(col('category', false, '干部类别'), CATEGORY_WORDS),
    yesNo(col('exceptionalPromotion', false, '破格提拔', '破格')),
    yesNo(col('fileAudited', false, '档案审核', '档案必审')),
    yesNo(col('personalMattersVerified', false, '个人事项核查', '个人有关事项报告必核')),
    yesNo(col('disciplineOpinionHeard', false, '纪检意见', '纪检监察机关意见必听')),
    yesNo(col('complaintsInvestigated', false, '信访核查', '信访举报必查')),
    yesNo(col('doubleSigned', false, '双签字', '廉政意见双签字')),
    yesNo(col('clean', false, '廉政结论清白', '无问题')),
    col('checkedOn', false, '核查时间', '四必核查时间'),
    yesNo(col('underInvestigation', false, '立案审查', '正在接受审查')),
    col('disciplinaryUntil', false, '处分影响期至', '处分期满'),
  ],
  teams: [
    col('id', true, '班子编号', '编号'),
    col('name', true, '班子名称', '名称'),
    coded(col('kind', true, '班子类别', '类别'), TEAM_KIND_WORDS),
    col('unit', false, '单位'),
    col('locality', false, '所在地', '属地'),
    yesNo(col('ethnicAutonomous', false, '民族自治地方')),
    col('titularEthnicity', false, '主体民族', '自治民族'),
    yesNo(col('needsTitularMember', false, '须有主体民族干部')),
    yesNo(col('needsNonPartyMember', false, '须有党外干部')),
    col('specialties', false, '专业要求', '班子专业要求'),
    col('supervisedBy', false, '分管领导岗位', '直接领导岗位'),
  ],
  posts: [
    col('id', true, '岗位编号', '编号'),
    col('team', true, '班子编号', '所属班子'),
    col('title', false, '职务名称', '职务', '岗位名称'),
    coded(col('kind', true, '岗位类别', '正副职'), POST_KIND_WORDS),
    coded(col('rank', true, '职级', '岗位职级'), RANK_WORDS),
    col('specialties', false, '专业要求', '岗位专业要求'),
    coded(col('role', false, '特殊角色', '回避类岗位'), POST_ROLE_WORDS),
    yesNo(col('rotationExempt', false, '免于轮岗', '特殊岗位')),
    yesNo(col('open', false, '本轮调整', '空缺或调整', '开放')),
    col('openOrder', false, '调整顺序', '本轮调整顺序'),
  ],
  specialties: [
    col('cadre', true, '干部编号', '编号'),
    col('code', true, '专业代码', '专业'),
    yesNo(col('degree', false, '有学位', '学历学位')),
    col('years', false, '从事年限', '工作年限'),
    col('achievements', false, '实绩项数', '成果数'),
  ],
  history: [
    col('cadre', true, '干部编号', '编号'),
    col('from', true, '起始时间', '起始年月', '自'),
    col('to', false, '终止时间', '终止年月', '至'),
    col('unit', true, '单位', '工作单位'),
    col('post', true, '职务'),
  ],
  kin: [
    col('cadre', true, '干部编号', '编号'),
    col('kin', true, '亲属干部编号', '亲属编号'),
    coded(col('relation', true, '关系', '称谓'), KIN_WORDS),
  ],
  assessments: [
    col('cadre', true, '干部编号', '编号'),
    col('year', true, '年度', '考核年度'),
    coded(col('grade', true, '考核结果', '等次', '考核等次'), GRADE_WORDS),
    col('score', false, '分数', '得分'),
  ],
  policy: [col('path', true, '参数', '路径'), col('value', true, '值', '取值'), col('note', false, '说明')],
}

/** Extra headers for existing fields, by sheet kind: `{ cadres: { hometown: ['出生地'] } }`. @category Roster */
export type HeaderExtensions = Partial<Record<SheetKind, Readonly<Record<string, readonly string[]>>>>

/** A header as compared: folded (NFKC), blanks and bracketed notes dropped, lowercase. @internal */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, '')
    .toLowerCase()
}

/** The column of a sheet kind that reads `field` (a programmer's slip if there is none). @internal */
export function columnOf(kind: SheetKind, field: string): ColumnSpec {
  const spec = COLUMNS[kind].find((c) => c.field === field)
  if (spec === undefined) throw new Error(`roster: no column ${field} in the ${kind} sheet`)
  return spec
}

/** The words of a coded column of the header table. @internal */
export function wordsOf(kind: SheetKind, field: string): Vocabulary<string> {
  const words = columnOf(kind, field).words
  if (words === undefined) throw new Error(`roster: ${kind}.${field} is not a coded column`)
  return words
}

/** The sheet kind a sheet's (or a file's) name stands for, compared as headers are; `undefined` for none. @internal */
export function sheetKindOf(name: string): SheetKind | undefined {
  const key = headerKey(name)
  return SHEET_KINDS.find((k) => SHEET_NAMES[k].some((n) => headerKey(n) === key))
}

/** The columns of a sheet kind with the user's extra headers. @internal */
export function columnsOf(kind: SheetKind, extensions: HeaderExtensions | undefined): readonly ColumnSpec[] {
  const extra = extensions?.[kind]
  if (extra === undefined) return COLUMNS[kind]
  return COLUMNS[kind].map((c) => {
    const more = Object.prototype.hasOwnProperty.call(extra, c.field) ? extra[c.field] : undefined
    return more === undefined ? c : { ...c, headers: [...c.headers, ...more] }
  })
}
