/**
 * LRMX files (the 干部任免审批表 in the organisation departments' editor
 * format: XML with a root `<Person>`, one element per field, named in pinyin)
 * read into an {@link LrmxForm} and written back. Format notes:
 * docs/import-export.md, "LRMX".
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import { XMLBuilder, XMLParser } from 'fast-xml-parser'
import type { Gender, PartyAffiliation, YearMonth } from '../../domain/types.js'
import { decodeText } from '../roster/tables.js'
import { GENDER_WORDS, KIN_WORDS, PARTY_WORDS, readCode, readMonth } from '../roster/values.js'
import type { LrmxEducation, LrmxForm, LrmxRelative } from './form.js'
import { readAssessments, readResume, writeAssessments, writeResume } from './text.js'

/** A field of a form that could not be read, with its text. @category LRMX */
export interface LrmxIssue {
  /** The file's name as given. */
  readonly file: string
  /** The element (`JianLi`, `JiaTingChengYuan[2].ChengWei`), or `null` for the file as a whole. */
  readonly field: string | null
  /** The text found (a line of a free-text field, or the field's value). */
  readonly text: string
  readonly expected: string
  readonly message: string
}

/** Why an LRMX file could not be read at all: not XML, no `<Person>`, or a core field unreadable. @category LRMX */
export interface InvalidLrmx {
  readonly _tag: 'InvalidLrmx'
  readonly issues: readonly LrmxIssue[]
}

/** A form read, with the lines of free-text fields that could not be read (kept out of the form, never guessed). @category LRMX */
export interface LrmxRead {
  readonly form: LrmxForm
  readonly unread: readonly LrmxIssue[]
}

const issue = (file: string, field: string | null, text: string, expected: string): LrmxIssue => ({
  file,
  field,
  text,
  expected,
  message: `${file}${field === null ? '' : ` ${field}`}: expected ${expected}, got ${text === '' ? 'nothing' : JSON.stringify(text.length > 80 ? `${text.slice(0, 79)}…` : text)}`,
})

/**
 * The text of LRMX bytes, as a roster's CSV file's (`decodeText`): a
 * byte-order mark first (UTF-8, UTF-16 either way), else UTF-8 whenever the
 * bytes are valid UTF-8, whatever the XML declaration says (editors re-save
 * files as UTF-8 and keep an old `encoding="GB2312"`; GBK text is almost
 * never valid UTF-8), else GBK (GB18030), declared or not.
 */
const textOf = (bytes: Uint8Array): string => decodeText(bytes).text

/**
 * `htmlEntities` makes the parser decode numeric character references
 * (`&#xD;&#xA;`, `&#10;`, `&#x738B;`), which editors write for line breaks
 * and rare characters, besides the XML entities (`&amp;` `&lt;` …) and a few
 * HTML ones (`&nbsp;`); each decodes once, to one character. DOCTYPE entities
 * stay as fast-xml-parser bounds them: one whose value holds a reference is
 * dropped, so no entity expands into entities.
 */
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  isArray: (name, path) => path === 'Person.JiaTingChengYuan.Item' || name === 'Item',
  processEntities: true,
  htmlEntities: true,
})

type Node = Record<string, unknown>

const str = (v: unknown): string => {
  if (typeof v === 'string') return v.trim()
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v !== null && typeof v === 'object' && '#text' in v) return str((v as Node)['#text'])
  return ''
}

function education(p: Node, prefix: string): LrmxEducation {
  return {
    level: str(p[`${prefix}_XueLi`]),
    degree: str(p[`${prefix}_XueWei`]),
    school: str(p[`${prefix}_XueLi_BiYeYuanXiaoXi`]),
    degreeSchool: str(p[`${prefix}_XueWei_BiYeYuanXiaoXi`]),
  }
}

function base64Bytes(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '')
  if (clean === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return null
  return new Uint8Array(Buffer.from(clean, 'base64'))
}

/**
 * Reads one LRMX file into the form it carries. The core fields (姓名, and
 * 性别, 出生年月, 政治面貌, 入党时间, 参加工作时间 when present) must read, or the
 * file is refused with every reason; lines of the free-text fields that
 * follow no pattern (résumé lines, assessment clauses, family members' titles
 * and dates) come back in `unread` with their field and text and are left
 * out of the form. Never throws on bad data.
 *
 * @param data - the file's bytes (UTF-8 when they are valid UTF-8, else GBK) or its text
 * @param file - the file's name, for messages
 * @returns the form and what could not be read, or why the file is refused
 * @category LRMX
 */
export function readLrmx(data: Uint8Array | string, file = 'form.lrmx'): Either<InvalidLrmx, LrmxRead> {
  const refuse = (field: string | null, text: string, expected: string) =>
    left<InvalidLrmx, LrmxRead>({ _tag: 'InvalidLrmx', issues: [issue(file, field, text, expected)] })
  if (typeof data !== 'string' && !(data instanceof Uint8Array))
    return refuse(null, String(data), 'the bytes or text of an LRMX file')
  let doc: unknown
  try {
    doc = parser.parse(typeof data === 'string' ? data : textOf(data), true)
  } catch (e) {
    return refuse(null, e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e), 'well-formed XML')
  }
  const person = (doc as Node | null)?.Person
  if (person === null || typeof person !== 'object' || Array.isArray(person))
    return refuse(
      null,
      Object.keys((doc as Node | null) ?? {}).join(', '),
      'an XML document with a root <Person>',
    )
  const p = person as Node
  const issues: LrmxIssue[] = []
  const unread: LrmxIssue[] = []
  const field = (name: string) => str(p[name])

  const name = field('XingMing')
  if (name === '') issues.push(issue(file, 'XingMing', '', '姓名'))
  const coded = <A extends string>(el: string, words: Readonly<Record<A, readonly string[]>>): A | null => {
    const t = field(el)
    if (t === '') return null
    const r = readCode(t, words)
    if (r.ok) return r.value
    issues.push(issue(file, el, t, r.expected))
    return null
  }
  const monthOf = (el: string, into: LrmxIssue[]): YearMonth | null => {
    const t = field(el)
    if (t === '') return null
    const r = readMonth(t)
    if (r.ok) return r.value
    into.push(issue(file, el, t, r.expected))
    return null
  }
  const gender: Gender | null = coded('XingBie', GENDER_WORDS)
  const birth = monthOf('ChuShengNianYue', issues)
  const partyJoined = monthOf('RuDangShiJian', issues)
  const workStart = monthOf('CanJiaGongZuoShiJian', issues)
  let party: PartyAffiliation | null = coded('ZhengZhiMianMao', PARTY_WORDS)
  if (party === null && field('ZhengZhiMianMao') === '' && partyJoined !== null) party = 'cpc'

  const resume = readResume(str(p.JianLi))
  for (const u of resume.unread) unread.push(issue(file, 'JianLi', u.text, u.expected))
  const graded = readAssessments(str(p.NianDuKaoHeJieGuo))
  for (const u of graded.unread) unread.push(issue(file, 'NianDuKaoHeJieGuo', u.text, u.expected))

  const family: LrmxRelative[] = []
  const items = (p.JiaTingChengYuan as Node | undefined)?.Item
  const list = Array.isArray(items) ? items : []
  list.forEach((item: unknown, i) => {
    const it = (item !== null && typeof item === 'object' ? item : {}) as Node
    const at = `JiaTingChengYuan[${i}]`
    const title = str(it.ChengWei)
    const kin = readCode(title, KIN_WORDS)
    if (!kin.ok)
      unread.push(
        issue(
          file,
          `${at}.ChengWei`,
          title,
          `a relation: ${Object.values(KIN_WORDS).flat().slice(0, 12).join('、')} …`,
        ),
      )
    const birthText = str(it.ChuShengRiQi)
    const b = birthText === '' ? null : readMonth(birthText)
    if (b !== null && !b.ok && !/^\d{4}$/.test(birthText))
      unread.push(issue(file, `${at}.ChuShengRiQi`, birthText, 'a month such as 1956.03 (or a year)'))
    family.push({
      title,
      relation: kin.ok ? kin.value : null,
      name: str(it.XingMing),
      birth: b !== null && b.ok ? b.value : null,
      birthText,
      party: str(it.ZhengZhiMianMao),
      work: str(it.GongZuoDanWeiJiZhiWu),
    })
  })

  const photoText = field('ZhaoPian')
  const photo = base64Bytes(photoText)
  if (photoText !== '' && photo === null)
    unread.push(issue(file, 'ZhaoPian', `${photoText.length} characters`, 'a base64 image'))
  const asOf = monthOf('JiSuanNianLingShiJian', unread)
  const filledOn = monthOf('TianBiaoShiJian', unread)

  if (issues.length > 0) return left({ _tag: 'InvalidLrmx', issues })
  return right({
    form: {
      name,
      gender,
      birth,
      ethnicity: field('MinZu'),
      ancestralHome: field('JiGuan'),
      birthplace: field('ChuShengDi'),
      partyJoined,
      party,
      workStart,
      health: field('JianKangZhuangKuang'),
      professionalTitle: field('ZhuanYeJiShuZhiWu'),
      expertise: field('ShuXiZhuanYeYouHeZhuanChang'),
      fullTimeEducation: education(p, 'QuanRiZhiJiaoYu'),
      inServiceEducation: education(p, 'ZaiZhiJiaoYu'),
      currentPost: field('XianRenZhiWu'),
      proposedPost: field('NiRenZhiWu'),
      removedPost: field('NiMianZhiWu'),
      history: resume.periods,
      rewards: field('JiangChengQingKuang'),
      assessments: graded.assessments,
      reason: field('RenMianLiYou'),
      family,
      submittingUnit: field('ChengBaoDanWei'),
      asOf,
      filledOn,
      filledBy: field('TianBiaoRen'),
      idNumber: field('ShenFenZheng'),
      photo,
    },
    unread,
  })
}

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false })

/**
 * The characters XML 1.0 cannot hold (outside its `Char` production): the C0
 * controls but tab, LF and CR; U+FFFE and U+FFFF; a surrogate not in a pair.
 * A standard parser (expat, libxml2, .NET) refuses a file holding one, even
 * as a character reference.
 */
// eslint-disable-next-line no-control-regex -- the controls are what it finds
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu

/**
 * Every text of a form without the characters XML 1.0 cannot hold (left out,
 * as a roster's workbook leaves them out): the one place the writer cleans
 * what it writes, before the résumé is laid out, so its lines are decided on
 * the text the file holds. Bytes (the photo) stay as they are.
 */
function xmlSafe<T>(value: T): T {
  if (typeof value === 'string') return value.replace(NOT_XML, '') as T
  if (Array.isArray(value)) return value.map(xmlSafe) as T
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafe(v)])) as T
  return value
}

const compact = (m: YearMonth | null): string => (m === null ? '' : m.replace('-', ''))
const first = <A extends string>(words: Readonly<Record<A, readonly string[]>>, code: A | null): string =>
  code === null ? '' : (words[code][0] ?? code)

/**
 * Writes a form as an LRMX file (UTF-8 XML) that `readLrmx` reads back into
 * the same form: dates as `YYYYMM`, the résumé one period a line, assessment
 * results grouped by grade, the photo as base64. What XML 1.0 cannot hold
 * (C0 controls but tab and line breaks, U+FFFE, U+FFFF, lone surrogates) is
 * left out; a carriage return is written `&#xD;`, as the editors write it, so
 * that it reads back as itself (a parser turns a raw one into a line feed).
 * A line break inside a résumé unit or post is dropped with the blanks around
 * it: the résumé holds one period a line.
 *
 * @param form - the form's fields
 * @returns the file's text
 * @category LRMX
 */
export function writeLrmx(form: LrmxForm): string {
  const safe = xmlSafe(form)
  const edu = (prefix: string, e: LrmxEducation) => ({
    [`${prefix}_XueLi`]: e.level,
    [`${prefix}_XueWei`]: e.degree,
    [`${prefix}_XueLi_BiYeYuanXiaoXi`]: e.school,
    [`${prefix}_XueWei_BiYeYuanXiaoXi`]: e.degreeSchool,
  })
  const person = {
    XingMing: safe.name,
    XingBie: first(GENDER_WORDS, safe.gender),
    ChuShengNianYue: compact(safe.birth),
    MinZu: safe.ethnicity,
    JiGuan: safe.ancestralHome,
    ChuShengDi: safe.birthplace,
    RuDangShiJian: compact(safe.partyJoined),
    ZhengZhiMianMao: first(PARTY_WORDS, safe.party),
    CanJiaGongZuoShiJian: compact(safe.workStart),
    JianKangZhuangKuang: safe.health,
    ZhuanYeJiShuZhiWu: safe.professionalTitle,
    ShuXiZhuanYeYouHeZhuanChang: safe.expertise,
    ...edu('QuanRiZhiJiaoYu', safe.fullTimeEducation),
    ...edu('ZaiZhiJiaoYu', safe.inServiceEducation),
    XianRenZhiWu: safe.currentPost,
    NiRenZhiWu: safe.proposedPost,
    NiMianZhiWu: safe.removedPost,
    JianLi: writeResume(safe.history),
    JiangChengQingKuang: safe.rewards,
    NianDuKaoHeJieGuo: writeAssessments(safe.assessments),
    RenMianLiYou: safe.reason,
    JiaTingChengYuan: {
      Item: safe.family.map((f) => ({
        ChengWei: f.title,
        XingMing: f.name,
        ChuShengRiQi: f.birthText,
        ZhengZhiMianMao: f.party,
        GongZuoDanWeiJiZhiWu: f.work,
      })),
    },
    ChengBaoDanWei: safe.submittingUnit,
    JiSuanNianLingShiJian: compact(safe.asOf),
    TianBiaoShiJian: compact(safe.filledOn),
    TianBiaoRen: safe.filledBy,
    ShenFenZheng: safe.idNumber,
    ZhaoPian: safe.photo === null ? '' : Buffer.from(safe.photo).toString('base64'),
  }
  // The builder's own text holds no CR: every CR is the form's, kept as a reference.
  const xml = (builder.build({ Person: person }) as string).replace(/\r/g, '&#xD;')
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`
}
