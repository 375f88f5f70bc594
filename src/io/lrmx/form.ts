/**
 * The appointment-and-removal form (干部任免审批表) as banzi reads it from an
 * LRMX file: the fields the form carries, typed where the form is regular
 * (dates, gender, party, résumé periods, family members, assessment grades)
 * and kept as text where it is free (schools, titles, rewards).
 *
 * @module
 */
import type {
  Assessment,
  Gender,
  KinRelation,
  PartyAffiliation,
  WorkPeriod,
  YearMonth,
} from '../../domain/types.js'

/** One education entry of the form (全日制教育 or 在职教育): 学历, 学位, and 毕业院校系及专业. @category LRMX */
export interface LrmxEducation {
  /** 学历 as written, e.g. `大学`, `研究生`. */
  readonly level: string
  /** 学位 as written, e.g. `工学学士`. */
  readonly degree: string
  /** 毕业院校系及专业 of the 学历. */
  readonly school: string
  /** 毕业院校系及专业 of the 学位. */
  readonly degreeSchool: string
}

/** A family member or important social relation (家庭主要成员及重要社会关系). @category LRMX */
export interface LrmxRelative {
  /** 称谓 as written: 妻子, 父亲, 儿子 … */
  readonly title: string
  /** The kin relation the title means, or `null` when it means none of them (reported when read). */
  readonly relation: KinRelation | null
  readonly name: string
  /** 出生日期 as a month, or `null` when not given (or given as a year only: see `birthText`). */
  readonly birth: YearMonth | null
  /** 出生日期 as written. */
  readonly birthText: string
  /** 政治面貌 as written. */
  readonly party: string
  /** 工作单位及职务. */
  readonly work: string
}

/**
 * The fields of one 干部任免审批表. Text fields are `''` when the form leaves
 * them empty; typed fields are `null`.
 * @category LRMX
 */
export interface LrmxForm {
  /** 姓名. */
  readonly name: string
  /** 性别. */
  readonly gender: Gender | null
  /** 出生年月. */
  readonly birth: YearMonth | null
  /** 民族 as written (e.g. 汉族); `decodeScenario` reads it. */
  readonly ethnicity: string
  /** 籍贯: the ancestral home, read as the hometown for avoidance. */
  readonly ancestralHome: string
  /** 出生地. */
  readonly birthplace: string
  /** 入党时间. */
  readonly partyJoined: YearMonth | null
  /** 政治面貌; a form with a party date and no 政治面貌 is a CPC member. */
  readonly party: PartyAffiliation | null
  /** 参加工作时间. */
  readonly workStart: YearMonth | null
  /** 健康状况. */
  readonly health: string
  /** 专业技术职务. */
  readonly professionalTitle: string
  /** 熟悉专业有何专长. */
  readonly expertise: string
  /** 全日制教育. */
  readonly fullTimeEducation: LrmxEducation
  /** 在职教育. */
  readonly inServiceEducation: LrmxEducation
  /** 现任职务. */
  readonly currentPost: string
  /** 拟任职务. */
  readonly proposedPost: string
  /** 拟免职务. */
  readonly removedPost: string
  /** 简历, one period per line, oldest first. */
  readonly history: readonly WorkPeriod[]
  /** 奖惩情况. */
  readonly rewards: string
  /** 年度考核结果, one grade per year. */
  readonly assessments: readonly Assessment[]
  /** 任免理由. */
  readonly reason: string
  /** 家庭主要成员及重要社会关系. */
  readonly family: readonly LrmxRelative[]
  /** 呈报单位. */
  readonly submittingUnit: string
  /** 计算年龄时间. */
  readonly asOf: YearMonth | null
  /** 填表时间. */
  readonly filledOn: YearMonth | null
  /** 填表人. */
  readonly filledBy: string
  /** 身份证号: personal data, never logged. */
  readonly idNumber: string
  /** 照片, as the image's bytes; `null` when the form has none. */
  readonly photo: Uint8Array | null
}

/**
 * A person's name as forms and rosters are matched by it: folded (NFKC),
 * without blanks nor invisible (format) characters, since rosters and forms
 * pad a two-character name to the width of three (张 三, with a full-width
 * blank), may write it in full-width letters, and a zero-width space copied
 * in with it shows as nothing (the roster warns of it: `name.invisible`).
 * @internal
 */
export const personKey = (name: string): string => name.normalize('NFKC').replace(/[\s\p{Cf}]/gu, '')
