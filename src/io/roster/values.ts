/**
 * The values clerks type into a roster, read into the codes of the input
 * format: 男/女, 中共党员/群众/民革…, 大学/研究生, 正科级, dates written
 * 1985.03, 1985-03, 1985年3月, 198503 or as Excel date cells. Each reader
 * answers the value or, for a cell it cannot read, what it expected — never
 * a guess.
 *
 * @module
 */
import type {
  CadreCategory,
  EducationLevel,
  Gender,
  Grade,
  KinRelation,
  PartyAffiliation,
  PostKind,
  PostRole,
  Rank,
  ReserveGroup,
  TeamKind,
  Temperament,
} from '../../domain/types.js'

/** A cell as read from a sheet or a CSV file, before it means anything. @category Roster */
export type Cell = string | number | boolean | Date | null

/** A cell read: its value, or what the cell should have held. @internal */
export type Read<A> =
  { readonly ok: true; readonly value: A } | { readonly ok: false; readonly expected: string }

const ok = <A>(value: A): Read<A> => ({ ok: true, value })
const no = (expected: string): Read<never> => ({ ok: false, expected })

/**
 * Text of a cell as written, surrounding blanks trimmed (a clerk's stray
 * space); `''` for an empty cell. The reading of stored text: ids, names,
 * titles, units, places keep their full-width forms and brackets. @internal
 */
export function text(cell: Cell): string {
  if (cell === null) return ''
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10)
  return String(cell).trim()
}

/**
 * Text of a cell as compared: full-width forms folded (NFKC) and trimmed, for
 * the values the reader matches (coded words, dates, numbers, yes/no, keys),
 * never for text it stores. @internal
 */
export const folded = (cell: Cell): string => text(cell).normalize('NFKC').trim()

/** Whether a cell holds nothing (empty, or only blanks). @internal */
export const isBlank = (cell: Cell): boolean => text(cell) === ''

// ---------------------------------------------------------------------------
// months
// ---------------------------------------------------------------------------

const pad = (m: number): string => String(m).padStart(2, '0')

function month(year: number, m: number): Read<string> {
  if (!Number.isInteger(year) || year < 1900 || year > 2100 || !Number.isInteger(m) || m < 1 || m > 12)
    return no(MONTH_EXPECTED)
  return ok(`${year}-${pad(m)}`)
}

const MONTH_EXPECTED = 'a month such as 1985.03, 1985-03, 1985年3月 or 198503'

/**
 * Month patterns of typed text: year, separator, month, and a day after a
 * separator of its own (`1985.03.15`, `1985年3月15日`) — never glued to the
 * month, so that `1985.123` or `1985.031` is refused, not read as December or
 * March.
 */
const MONTH_TEXT =
  /^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*(?:月\s*(?:(\d{1,2})\s*日?)?|[.\-/]\s*(\d{1,2})\s*日?)?$/
const MONTH_DIGITS = /^(\d{4})(\d{2})(\d{2})?$/

/**
 * The number format {@link readMonth} is given for a cell of a CSV file: its
 * text may be a number Excel wrote without its trailing zeros (a cell showing
 * 1985.10 is written `1985.1`). @internal
 */
export const CSV_TEXT = '@csv'

/**
 * Day 0 of Excel's date serials (1900 system), and the serials taken for a
 * date's: from 1927-05-18 (10,000; a smaller number is rather a year typed
 * alone, such as 1985) to 2100-12-31.
 */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30)
const SERIAL_LOW = 10_000
const SERIAL_HIGH = 73_415

/** Whether a day of the month, when one is written, is one (1–31). */
const dayOk = (day: string | undefined): boolean =>
  day === undefined || (Number(day) >= 1 && Number(day) <= 31)

/**
 * A month (`YYYY-MM`) from a cell. Text is read as written: `1985.1` is
 * January, `1985.10` October. A number cell loses trailing zeros (`1985.10`
 * typed into a number cell is stored as 1985.1), so a number whose fraction is
 * one tenth is refused as ambiguous unless the cell's format shows two
 * decimals; other numbers read as `1985.03` → March, `198503` → March. The
 * text of a CSV file ({@link CSV_TEXT}) may be such a number as Excel wrote
 * it: `1985.1` there is refused the same way. An Excel date cell gives its own
 * month (UTC). A day, when written, must be one (1–31).
 * @internal
 */
export function readMonth(cell: Cell, numberFormat?: string): Read<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return no(MONTH_EXPECTED)
    return month(cell.getUTCFullYear(), cell.getUTCMonth() + 1)
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return no(MONTH_EXPECTED)
    if (Number.isInteger(cell)) {
      const digits = MONTH_DIGITS.exec(String(cell))
      if (digits !== null && dayOk(digits[3])) return month(Number(digits[1]), Number(digits[2]))
      // A date cell whose format the workbook does not name in a way exceljs reads (the built-in
      // date formats of Chinese Excel, 27–36 and 50–58) comes as its serial number.
      if (cell >= SERIAL_LOW && cell <= SERIAL_HIGH) {
        const day = new Date(EXCEL_EPOCH + cell * 86_400_000).toISOString().slice(0, 10)
        return no(
          `${MONTH_EXPECTED}; ${cell} looks like the day ${day} of a date cell whose format could not be read: format the column as text (1985.03)`,
        )
      }
      return no(MONTH_EXPECTED)
    }
    const year = Math.floor(cell)
    const hundredths = Math.round((cell - year) * 100)
    if (Math.abs(cell - year - hundredths / 100) > 1e-9) return no(MONTH_EXPECTED)
    const twoDecimals = numberFormat !== undefined && /\.0{2}(?![0#])/.test(numberFormat)
    if (hundredths === 10 && !twoDecimals)
      return no(`a month written as text: the number ${cell} may be ${year}.01 or ${year}.10`)
    // 1985.2 → February; 1985.12 → December; 1985.10 only with a two-decimal format.
    const m = hundredths % 10 === 0 && !twoDecimals ? hundredths / 10 : hundredths
    return month(year, m)
  }
  const s = folded(cell)
  const typed = MONTH_TEXT.exec(s)
  if (typed !== null) {
    if (!dayOk(typed[3] ?? typed[4])) return no(MONTH_EXPECTED)
    if (numberFormat === CSV_TEXT && /^\d{4}\.1$/.test(s))
      return no(
        `a month with two digits: ${s} may be ${s}0 written by Excel without its zero, or ${s.replace('.', '.0')}`,
      )
    return month(Number(typed[1]), Number(typed[2]))
  }
  const digits = MONTH_DIGITS.exec(s)
  if (digits !== null && dayOk(digits[3])) return month(Number(digits[1]), Number(digits[2]))
  return no(MONTH_EXPECTED)
}

/** A month `YYYY-MM` as clerks and forms write it: `YYYY.MM`. @internal */
export const dottedMonth = (m: string): string => m.replace('-', '.')

/** A year (`2023`, `2023年`, `2023年度`) from a cell. @internal */
export function readYear(cell: Cell): Read<number> {
  const s = folded(cell).replace(/年度?$/, '')
  if (!/^\d{4}$/.test(s)) return no('a year such as 2023')
  return ok(Number(s))
}

/** A finite number from a number cell or typed digits. @internal */
export function readNumber(cell: Cell): Read<number> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : no('a number')
  const s = folded(cell)
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return no('a number')
  return ok(Number(s))
}

/** A place in a list: a whole number from 1, from a number cell or typed digits. @internal */
export function readOrdinal(cell: Cell): Read<number> {
  const n = typeof cell === 'number' ? cell : /^\+?\d+$/.test(folded(cell)) ? Number(folded(cell)) : NaN
  return Number.isSafeInteger(n) && n >= 1 ? ok(n) : no('a whole number from 1 (1, 2, 3 …)')
}

// ---------------------------------------------------------------------------
// yes / no and lists
// ---------------------------------------------------------------------------

const YES = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓', '✔'])
const NO = new Set(['否', '无', 'n', 'no', 'false', '0', '×', '✗'])

/** A yes/no cell: 是/否, 有/无, yes/no, true/false, 1/0, √/×. @internal */
export function readBoolean(cell: Cell): Read<boolean> {
  if (typeof cell === 'boolean') return ok(cell)
  const s = folded(cell).toLowerCase()
  if (YES.has(s)) return ok(true)
  if (NO.has(s)) return ok(false)
  return no('是 or 否 (yes or no)')
}

/** The separators of a list cell's items: 、 , ， ; ； and line breaks. @internal */
export const LIST_SEPARATORS = /[、,，;；\n\r]/

/**
 * An item as a list cell writes it: quoted (`"P,1"`, a quote inside doubled)
 * when it holds a separator or a quote, else as it is. @internal
 */
export const listItem = (item: string): string =>
  LIST_SEPARATORS.test(item) || item.includes('"') ? `"${item.replaceAll('"', '""')}"` : item

/**
 * The items of a list cell, split at 、 , ， ; ； and line breaks; blanks
 * around an item dropped, and empty items. An item in double quotes is read
 * whole, separators included (`"P,1"`; `""` inside is a quote), as written. @internal
 */
export function items(cell: Cell): string[] {
  const s = text(cell)
  const out: string[] = []
  let i = 0
  while (i < s.length) {
    let item = ''
    let quoted = false
    while (i < s.length && /\s/.test(s[i] as string) && !LIST_SEPARATORS.test(s[i] as string)) i++
    if (s[i] === '"') {
      // A quoted item: to the lone closing quote (or the end of the cell).
      quoted = true
      i++
      while (i < s.length) {
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            item += '"'
            i += 2
            continue
          }
          i++
          break
        }
        item += s[i]
        i++
      }
    }
    // Unquoted text (or text after a closing quote) runs to the next separator.
    let rest = ''
    while (i < s.length && !LIST_SEPARATORS.test(s[i] as string)) rest += s[i++]
    i++
    const value = quoted ? item + rest.trim() : rest.trim()
    if (quoted || value !== '') out.push(value)
  }
  return out
}

// ---------------------------------------------------------------------------
// coded values
// ---------------------------------------------------------------------------

/**
 * A table of the words for one coded column: each code with the words clerks
 * write for it (the code itself is always accepted, in any case).
 * @internal
 */
export type Vocabulary<A extends string> = Readonly<Record<A, readonly string[]>>

/** Reads a coded cell through its vocabulary; the issue lists the accepted words. @internal */
export function readCode<A extends string>(cell: Cell, vocabulary: Vocabulary<A>): Read<A> {
  const s = folded(cell)
  const key = s.toLowerCase().replace(/\s+/g, '')
  for (const code of Object.keys(vocabulary) as A[]) {
    if (code.toLowerCase() === key) return ok(code)
    if (vocabulary[code].some((w) => w.toLowerCase().replace(/\s+/g, '') === key)) return ok(code)
  }
  return no(`one of ${accepted(vocabulary)}`)
}

/** The accepted words of a vocabulary, for messages and docs: `男 (male), 女 (female)`. @internal */
export function accepted<A extends string>(vocabulary: Vocabulary<A>): string {
  return (Object.keys(vocabulary) as A[])
    .map((code) => {
      const first = vocabulary[code][0]
      return first === undefined ? code : `${first} (${code})`
    })
    .join(', ')
}

/** 性别. @internal */
export const GENDER_WORDS: Vocabulary<Gender> = {
  male: ['男', '男性', 'm'],
  female: ['女', '女性', 'f'],
}

const DEMOCRATIC_PARTIES = [
  '民主党派',
  '民革',
  '民革党员',
  '中国国民党革命委员会',
  '民盟',
  '民盟盟员',
  '中国民主同盟',
  '民建',
  '民建会员',
  '中国民主建国会',
  '民进',
  '民进会员',
  '中国民主促进会',
  '农工党',
  '农工党党员',
  '中国农工民主党',
  '致公党',
  '致公党党员',
  '中国致公党',
  '九三学社',
  '九三学社社员',
  '台盟',
  '台盟盟员',
  '台湾民主自治同盟',
]

/** 政治面貌: members and probationary members of the CPC, the eight democratic parties, the rest. @internal */
export const PARTY_WORDS: Vocabulary<PartyAffiliation> = {
  cpc: ['中共党员', '中国共产党党员', '党员', '中共预备党员', '预备党员'],
  'democratic-party': DEMOCRATIC_PARTIES,
  none: ['群众', '无党派人士', '无党派', '共青团员', '团员', '无'],
}

/** 学历 (and the level a 学位 implies). @internal */
export const EDUCATION_WORDS: Vocabulary<EducationLevel> = {
  secondary: ['中专', '中等专科', '高中', '中技', '技校', '职高', '初中'],
  'junior-college': ['大专', '大学专科', '专科', '高职'],
  bachelor: ['大学', '大学本科', '本科', '学士'],
  master: ['研究生', '硕士研究生', '硕士', '研究生(硕士)'],
  doctorate: ['博士研究生', '博士', '研究生(博士)'],
}

/** 学习形式 / 教育类别. @internal */
export const STUDY_WORDS: Vocabulary<'full-time' | 'in-service'> = {
  'full-time': ['全日制', '全日制教育', '全日制普通高等教育'],
  'in-service': ['在职', '在职教育', '非全日制', '函授', '自考', '成人教育', '党校'],
}

/** 职级. @internal */
export const RANK_WORDS: Vocabulary<Rank> = {
  'section-member': ['科员', '科员级'],
  'section-deputy': ['副科', '副科级', '副科级领导职务'],
  'section-chief': ['正科', '正科级', '正科级领导职务'],
  'division-deputy': ['副处', '副处级', '副县级', '副县处级'],
  'division-chief': ['正处', '正处级', '正县级', '正县处级'],
}

/** 班子类别. @internal */
export const TEAM_KIND_WORDS: Vocabulary<TeamKind> = {
  'party-committee': ['党委', '党委班子', '党组'],
  government: ['政府', '政府班子'],
  'people-congress': ['人大', '人大常委会'],
  cppcc: ['政协'],
  township: ['乡镇', '苏木', '乡镇苏木', '街道', '乡镇(苏木、街道)'],
  department: ['部门', '委办局', '县直部门', '旗直部门'],
  agency: ['直属单位', '事业单位', '直属事业单位', '政法机关', '政法单位', '单位'],
}

/** 岗位类别. @internal */
export const POST_KIND_WORDS: Vocabulary<PostKind> = {
  head: ['正职', '主要领导'],
  deputy: ['副职'],
  member: ['成员', '委员', '班子成员'],
}

/** 特殊角色 (hometown avoidance and the stability rule read them). @internal */
export const POST_ROLE_WORDS: Vocabulary<PostRole> = {
  'party-head': ['党委书记', '党委正职', '书记'],
  'government-head': ['政府正职', '行政正职', '乡镇长', '县长', '旗长'],
  'discipline-head': ['纪委书记', '纪检监察', '纪委'],
  'organization-head': ['组织部长', '组织部'],
  'court-head': ['法院院长', '法院'],
  'procuratorate-head': ['检察长', '检察院'],
  'police-head': ['公安局长', '公安'],
}

/** 气质类型. @internal */
export const TEMPERAMENT_WORDS: Vocabulary<Temperament> = {
  sanguine: ['多血质'],
  choleric: ['胆汁质'],
  phlegmatic: ['粘液质', '黏液质'],
  melancholic: ['抑郁质'],
}

/** 四类干部. @internal */
export const RESERVE_WORDS: Vocabulary<ReserveGroup> = {
  young: ['年轻干部', '年轻'],
  women: ['女干部', '妇女干部'],
  minority: ['少数民族干部', '少数民族'],
  'non-party': ['党外干部', '党外'],
}

/** 干部类别. @internal */
export const CATEGORY_WORDS: Vocabulary<CadreCategory> = {
  'party-government': ['党政', '党政干部', '党政人才'],
  'professional-technical': ['专业技术', '专业技术干部', '专业技术人才'],
  enterprise: ['企业', '企业管理', '企业经营管理', '企业经营管理人才'],
}

/** 年度考核结果. @internal */
export const GRADE_WORDS: Vocabulary<Grade> = {
  excellent: ['优秀'],
  competent: ['称职', '合格'],
  basic: ['基本称职', '基本合格'],
  incompetent: ['不称职', '不合格'],
}

/** 称谓 / 亲属关系. @internal */
export const KIN_WORDS: Vocabulary<KinRelation> = {
  spouse: ['配偶', '夫妻', '妻子', '丈夫', '妻', '夫'],
  parent: ['父母', '父亲', '母亲', '父', '母'],
  child: ['子女', '儿子', '女儿', '长子', '次子', '长女', '次女'],
  sibling: ['兄弟姐妹', '兄弟', '姐妹', '哥哥', '弟弟', '姐姐', '妹妹', '兄', '弟', '姐', '妹'],
  'in-law': ['姻亲', '岳父', '岳母', '公公', '婆婆', '儿媳', '女婿', '连襟', '妯娌'],
  collateral: ['旁系', '旁系血亲', '叔伯', '伯父', '叔父', '舅舅', '姑姑', '姨', '堂兄弟', '表兄弟'],
}
