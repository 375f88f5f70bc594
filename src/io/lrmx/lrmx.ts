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
import { requireArgument } from '../door.js'
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
  /**
   * The text found (a line of a free-text field, or the field's value); of
   * an element written more than once with different texts, every copy's
   * text, one after another on lines of their own (the photo's and the
   * 身份证号's copies are not shown: see `copies`).
   */
  readonly text: string
  readonly expected: string
  readonly message: string
  /**
   * Of an element written more than once with different texts (a re-saved
   * or merged file): each copy's text, in the file's order. None is read
   * into the form.
   */
  readonly copies?: readonly string[]
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

/** A text for a message: quoted, cut at 80 characters; `nothing` when empty. */
const quoted = (text: string): string =>
  text === '' ? 'nothing' : JSON.stringify(text.length > 80 ? `${text.slice(0, 79)}…` : text)

const issue = (file: string, field: string | null, text: string, expected: string): LrmxIssue => ({
  file,
  field,
  text,
  expected,
  message: `${file}${field === null ? '' : ` ${field}`}: expected ${expected}, got ${quoted(text)}`,
})

/** Elements whose texts a message never shows: the photo (base64), the 身份证号 (personal data). */
const UNSHOWN = new Set(['ZhaoPian', 'ShenFenZheng'])

/** An element written more than once with different texts: what it is, every copy kept. */
function givenTwice(file: string, field: string, copies: readonly string[]): LrmxIssue {
  const element = field.replace(/^.*\./, '')
  const shown = !UNSHOWN.has(element)
  const times = copies.length === 2 ? 'twice' : `${copies.length} times`
  return {
    file,
    field,
    text: shown ? copies.join('\n') : `${copies.length} different values, not shown`,
    expected: `one value (<${element}> once, or its copies alike)`,
    message: `${file} ${field}: given ${times} with different values${shown ? `: ${copies.map((c) => (c === '' ? '""' : quoted(c))).join(', ')}` : ' (not shown)'}`,
    copies,
  }
}

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

/**
 * The copies of an element as the parser gives them: an element written once
 * is its value; one written twice or more (a re-saved or merged file) is an
 * array of its copies — whatever `isArray` says, which makes arrays only of
 * `Item`. The one place a repeated element is seen: every read of an element
 * goes through it ({@link readLrmx}'s `once`), so that none reads as absent.
 */
const copiesOf = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : [v])

/** The texts of an element's value, its children's one after another (a family list, to show it). */
const flat = (v: unknown): string =>
  Array.isArray(v)
    ? v
        .map(flat)
        .filter((t) => t !== '')
        .join('\n')
    : v !== null && typeof v === 'object'
      ? Object.values(v)
          .map(flat)
          .filter((t) => t !== '')
          .join(' ')
      : str(v)

function education(text: (el: string) => string, prefix: string): LrmxEducation {
  return {
    level: text(`${prefix}_XueLi`),
    degree: text(`${prefix}_XueWei`),
    school: text(`${prefix}_XueLi_BiYeYuanXiaoXi`),
    degreeSchool: text(`${prefix}_XueWei_BiYeYuanXiaoXi`),
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
 * out of the form. An element written more than once is read when its copies
 * agree; copies that differ refuse the file for a core field, and come back
 * in `unread` (every copy in `copies`) for any other, the field left empty —
 * never read as absent. Never throws on bad data.
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
  // An element's text. Written more than once, its copies agreeing (blanks around them aside), it is
  // their text; disagreeing, it is `null`, reported into `into` with every copy, and none is read.
  const once = (node: Node, el: string, at: string, into: LrmxIssue[]): string | null => {
    const copies = copiesOf(node[el]).map(str)
    if (copies.every((c) => c === copies[0])) return copies[0] ?? ''
    into.push(givenTwice(file, at, copies))
    return null
  }
  // A core field disagreeing refuses the file; any other is unread, and left empty in the form.
  const core = (el: string) => once(p, el, el, issues)
  const text = (el: string) => once(p, el, el, unread) ?? ''

  const name = core('XingMing')
  if (name === '') issues.push(issue(file, 'XingMing', '', '姓名'))
  const coded = <A extends string>(
    el: string,
    t: string | null,
    words: Readonly<Record<A, readonly string[]>>,
  ): A | null => {
    if (t === null || t === '') return null
    const r = readCode(t, words)
    if (r.ok) return r.value
    issues.push(issue(file, el, t, r.expected))
    return null
  }
  const monthOf = (el: string, into: LrmxIssue[]): YearMonth | null => {
    const t = once(p, el, el, into)
    if (t === null || t === '') return null
    const r = readMonth(t)
    if (r.ok) return r.value
    into.push(issue(file, el, t, r.expected))
    return null
  }
  const gender: Gender | null = coded('XingBie', core('XingBie'), GENDER_WORDS)
  const birth = monthOf('ChuShengNianYue', issues)
  const partyJoined = monthOf('RuDangShiJian', issues)
  const workStart = monthOf('CanJiaGongZuoShiJian', issues)
  const partyText = core('ZhengZhiMianMao')
  let party: PartyAffiliation | null = coded('ZhengZhiMianMao', partyText, PARTY_WORDS)
  if (party === null && partyText === '' && partyJoined !== null) party = 'cpc'

  const resume = readResume(text('JianLi'))
  for (const u of resume.unread) unread.push(issue(file, 'JianLi', u.text, u.expected))
  const graded = readAssessments(text('NianDuKaoHeJieGuo'))
  for (const u of graded.unread) unread.push(issue(file, 'NianDuKaoHeJieGuo', u.text, u.expected))

  const family: LrmxRelative[] = []
  // The list written twice is read when its copies are alike; else unread, each copy's members shown.
  const lists = copiesOf(p.JiaTingChengYuan)
  const same = lists.every((l) => JSON.stringify(l) === JSON.stringify(lists[0]))
  if (!same) unread.push(givenTwice(file, 'JiaTingChengYuan', lists.map(flat)))
  const listNode = same ? lists[0] : undefined
  const items = listNode !== null && typeof listNode === 'object' ? (listNode as Node).Item : undefined
  const list = Array.isArray(items) ? items : []
  list.forEach((item: unknown, i) => {
    const it = (item !== null && typeof item === 'object' ? item : {}) as Node
    const at = `JiaTingChengYuan[${i}]`
    const part = (el: string) => once(it, el, `${at}.${el}`, unread)
    const titleText = part('ChengWei')
    const title = titleText ?? ''
    const kin = readCode(title, KIN_WORDS)
    if (!kin.ok && titleText !== null)
      unread.push(
        issue(
          file,
          `${at}.ChengWei`,
          title,
          `a relation: ${Object.values(KIN_WORDS).flat().slice(0, 12).join('、')} …`,
        ),
      )
    const birthText = part('ChuShengRiQi') ?? ''
    const b = birthText === '' ? null : readMonth(birthText)
    if (b !== null && !b.ok && !/^\d{4}$/.test(birthText))
      unread.push(issue(file, `${at}.ChuShengRiQi`, birthText, 'a month such as 1956.03 (or a year)'))
    family.push({
      title,
      relation: kin.ok ? kin.value : null,
      name: part('XingMing') ?? '',
      birth: b !== null && b.ok ? b.value : null,
      birthText,
      party: part('ZhengZhiMianMao') ?? '',
      work: part('GongZuoDanWeiJiZhiWu') ?? '',
    })
  })

  const photoText = text('ZhaoPian')
  const photo = base64Bytes(photoText)
  if (photoText !== '' && photo === null)
    unread.push(issue(file, 'ZhaoPian', `${photoText.length} characters`, 'a base64 image'))
  const asOf = monthOf('JiSuanNianLingShiJian', unread)
  const filledOn = monthOf('TianBiaoShiJian', unread)

  if (issues.length > 0) return left({ _tag: 'InvalidLrmx', issues })
  return right({
    form: {
      name: name ?? '',
      gender,
      birth,
      ethnicity: text('MinZu'),
      ancestralHome: text('JiGuan'),
      birthplace: text('ChuShengDi'),
      partyJoined,
      party,
      workStart,
      health: text('JianKangZhuangKuang'),
      professionalTitle: text('ZhuanYeJiShuZhiWu'),
      expertise: text('ShuXiZhuanYeYouHeZhuanChang'),
      fullTimeEducation: education(text, 'QuanRiZhiJiaoYu'),
      inServiceEducation: education(text, 'ZaiZhiJiaoYu'),
      currentPost: text('XianRenZhiWu'),
      proposedPost: text('NiRenZhiWu'),
      removedPost: text('NiMianZhiWu'),
      history: resume.periods,
      rewards: text('JiangChengQingKuang'),
      assessments: graded.assessments,
      reason: text('RenMianLiYou'),
      family,
      submittingUnit: text('ChengBaoDanWei'),
      asOf,
      filledOn,
      filledBy: text('TianBiaoRen'),
      idNumber: text('ShenFenZheng'),
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

/** A month `YYYY-MM`. */
const MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/

/** What each kind of field of a form must be, in words and as a test. */
const FIELD_KINDS = {
  text: { expected: 'a string', test: (v: unknown) => typeof v === 'string' },
  month: {
    expected: 'a month YYYY-MM, or null',
    test: (v: unknown) => v === null || (typeof v === 'string' && MONTH.test(v)),
  },
  gender: {
    expected: `one of ${Object.keys(GENDER_WORDS)
      .map((k) => JSON.stringify(k))
      .join(', ')}, or null`,
    test: (v: unknown) => v === null || (typeof v === 'string' && Object.hasOwn(GENDER_WORDS, v)),
  },
  party: {
    expected: `one of ${Object.keys(PARTY_WORDS)
      .map((k) => JSON.stringify(k))
      .join(', ')}, or null`,
    test: (v: unknown) => v === null || (typeof v === 'string' && Object.hasOwn(PARTY_WORDS, v)),
  },
  photo: {
    expected: 'bytes (a Uint8Array), or null',
    test: (v: unknown) => v === null || v instanceof Uint8Array,
  },
} as const

type FieldKind = keyof typeof FIELD_KINDS

/** The fields `writeLrmx` writes, each with its kind. */
const FORM_FIELDS: Readonly<Record<string, FieldKind>> = {
  name: 'text',
  gender: 'gender',
  birth: 'month',
  ethnicity: 'text',
  ancestralHome: 'text',
  birthplace: 'text',
  partyJoined: 'month',
  party: 'party',
  workStart: 'month',
  health: 'text',
  professionalTitle: 'text',
  expertise: 'text',
  currentPost: 'text',
  proposedPost: 'text',
  removedPost: 'text',
  rewards: 'text',
  reason: 'text',
  submittingUnit: 'text',
  asOf: 'month',
  filledOn: 'month',
  filledBy: 'text',
  idNumber: 'text',
  photo: 'photo',
}
const EDUCATION_FIELDS: Readonly<Record<string, FieldKind>> = {
  level: 'text',
  degree: 'text',
  school: 'text',
  degreeSchool: 'text',
}
const PERIOD_FIELDS: Readonly<Record<string, FieldKind>> = { from: 'month', unit: 'text', post: 'text' }
const RELATIVE_FIELDS: Readonly<Record<string, FieldKind>> = {
  title: 'text',
  name: 'text',
  birthText: 'text',
  party: 'text',
  work: 'text',
}
const GRADES = ['excellent', 'competent', 'basic', 'incompetent']

const isRecord = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * What is wrong with a form `writeLrmx` is given, as the first field that is
 * not of its kind (`family[1].name`, `birth`), or `null`: a form not built by
 * `readLrmx` or `formOfCadre` would otherwise fail deep in the writer with a
 * message naming nothing.
 */
function formProblem(form: unknown): { path: string; expected: string; value: unknown } | null {
  const fields = (node: unknown, at: string, kinds: Readonly<Record<string, FieldKind>>, what: string) => {
    if (!isRecord(node)) return { path: at, expected: what, value: node }
    for (const [key, kind] of Object.entries(kinds))
      if (!FIELD_KINDS[kind].test(node[key]))
        return { path: `${at}.${key}`, expected: FIELD_KINDS[kind].expected, value: node[key] }
    return null
  }
  const list = (node: Node, key: string, item: (v: unknown, at: string) => ReturnType<typeof fields>) => {
    const v = node[key]
    if (!Array.isArray(v)) return { path: `form.${key}`, expected: 'an array', value: v }
    for (let i = 0; i < v.length; i++) {
      const bad = item(v[i], `form.${key}[${i}]`)
      if (bad !== null) return bad
    }
    return null
  }
  const top = fields(form, 'form', FORM_FIELDS, 'a form (LrmxForm: from readLrmx or formOfCadre)')
  if (top !== null) return top
  const f = form as Node
  return (
    fields(f.fullTimeEducation, 'form.fullTimeEducation', EDUCATION_FIELDS, 'an education entry') ??
    fields(f.inServiceEducation, 'form.inServiceEducation', EDUCATION_FIELDS, 'an education entry') ??
    list(f, 'history', (v, at) => {
      const bad = fields(v, at, PERIOD_FIELDS, 'a work period { from, to, unit, post }')
      if (bad !== null) return bad
      const to = (v as Node).to
      return to === null || (typeof to === 'string' && MONTH.test(to))
        ? null
        : { path: `${at}.to`, expected: 'a month YYYY-MM, or null (an open period)', value: to }
    }) ??
    list(f, 'assessments', (v, at) => {
      if (!isRecord(v)) return { path: at, expected: 'an assessment { year, grade }', value: v }
      if (!(typeof v.year === 'number' && Number.isInteger(v.year) && v.year >= 1000 && v.year <= 9999))
        return { path: `${at}.year`, expected: 'a year of four digits', value: v.year }
      if (typeof v.grade !== 'string' || !GRADES.includes(v.grade))
        return {
          path: `${at}.grade`,
          expected: `one of ${GRADES.map((g) => JSON.stringify(g)).join(', ')}`,
          value: v.grade,
        }
      return null
    }) ??
    list(f, 'family', (v, at) => fields(v, at, RELATIVE_FIELDS, 'a family member'))
  )
}

/** The fields of a form `writeLrmx` writes, and those only (other keys a caller's object holds are no part of it). */
function formFields(f: LrmxForm): LrmxForm {
  const edu = (e: LrmxEducation): LrmxEducation => ({
    level: e.level,
    degree: e.degree,
    school: e.school,
    degreeSchool: e.degreeSchool,
  })
  return {
    ...(Object.fromEntries(Object.keys(FORM_FIELDS).map((k) => [k, f[k as keyof LrmxForm]])) as Pick<
      LrmxForm,
      keyof LrmxForm
    >),
    fullTimeEducation: edu(f.fullTimeEducation),
    inServiceEducation: edu(f.inServiceEducation),
    history: f.history.map((h) => ({ from: h.from, to: h.to, unit: h.unit, post: h.post })),
    assessments: f.assessments.map((a) => ({ year: a.year, grade: a.grade })),
    family: f.family.map((m) => ({
      title: m.title,
      relation: m.relation,
      name: m.name,
      birth: m.birth,
      birthText: m.birthText,
      party: m.party,
      work: m.work,
    })),
  }
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
 * A form whose fields are not of their kinds (`form.birth` not a month
 * `YYYY-MM` nor `null`, a grade not a grade, `form` not a form at all) is a
 * programmer error, as for every function answering a plain value
 * (docs/guide.md, "What throws"): a `TypeError` naming the field
 * (`writeLrmx: form.family[0].name: expected a string, got 3`).
 *
 * @param form - the form's fields
 * @returns the file's text
 * @throws TypeError when a field of `form` is not of its kind
 * @category LRMX
 */
export function writeLrmx(form: LrmxForm): string {
  const bad = formProblem(form)
  if (bad !== null) requireArgument('writeLrmx', bad.path, bad.expected, bad.value, false)
  const safe = xmlSafe(formFields(form))
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
