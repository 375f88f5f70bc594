/**
 * The free-text fields of the form that follow a pattern: résumé lines
 * (`1998.07--2002.09  某某县某某镇党政办科员`) and annual assessment results
 * (`2021、2022年度考核均为称职`). What follows the pattern is read; every line
 * or clause that does not is returned as unread, with its text — never
 * guessed.
 *
 * @module
 */
import { dottedMonth } from '../roster/values.js'
import type { Assessment, Grade, WorkPeriod } from '../../domain/types.js'

/** A line or clause of a free-text field that could not be read. @internal */
export interface Unread {
  readonly text: string
  readonly expected: string
}

const MONTH = String.raw`(\d{4})\s*[.．/年]\s*(\d{1,2})\s*月?`
const DASH = String.raw`\s*(?:--|——|—|―|－－|－|-|~|～|至)\s*`
/**
 * A résumé line: a period, then the unit and post. An open period ends in
 * 至今 (a bare 今 is the start of the unit: 今日报社), or in nothing.
 */
const PERIOD = new RegExp(String.raw`^${MONTH}${DASH}(?:${MONTH}|(至今))?\s*(.*)$`, 'd')

/**
 * A line break of the résumé (and of the assessment results): LF, CR, CRLF,
 * and Unicode's line and paragraph separators (U+2028, U+2029), which text
 * copied from web pages and word processors holds; the reader and the writer
 * both take them as such (`.` in {@link PERIOD} never meets one).
 */
const LINE_BREAK = /\r\n?|[\n\u2028\u2029]/
/** A line break with the blanks around it, as the reader drops it when it joins a continuation line on. */
const BREAK_AND_BLANKS = /\s*(?:\r\n?|[\n\u2028\u2029])\s*/g

/**
 * A text folded (NFKC) character by character, for matching dates and
 * keywords, with the index in the text each folded character came from: a
 * match on the folded text takes its stored part from the text as written
 * (`Ａ局` stays `Ａ局`).
 */
function foldWithOrigins(t: string): { folded: string; origin: number[] } {
  let folded = ''
  const origin: number[] = []
  let i = 0
  for (const ch of t) {
    const f = ch.normalize('NFKC')
    for (let k = 0; k < f.length; k++) origin.push(i)
    folded += f
    i += ch.length
  }
  origin.push(i)
  return { folded, origin }
}

const month = (y: string, m: string): string | null => {
  const n = Number(m)
  return n >= 1 && n <= 12 ? `${y}-${String(n).padStart(2, '0')}` : null
}

/**
 * Post titles recognised at the end of a résumé entry, so that
 * `某某县农牧局副局长` splits into the unit `某某县农牧局` and the post `副局长`.
 * Several posts joined with 、 stay one post (`党委副书记、镇长`).
 */
const TITLE = String.raw`(?:党委|党组|党工委|纪委|纪工委|政府|人大|人大主席团|政协|团委)?(?:常务)?(?:副)?(?:书记|镇长|乡长|县长|旗长|苏木达|区长|市长|局长|主任|部长|科长|股长|所长|站长|院长|校长|主席|秘书长|委员|科员|干事|办事员|经理|队长|馆长|社长|行长|专员|调研员|组长|检察长|庭长|审判员|检察员|教师|职员|主任科员|一级科员|二级科员|四级主任科员|三级主任科员|二级主任科员|一级主任科员|成员)`
const POST = new RegExp(String.raw`(${TITLE}(?:[、,，](?:[^、,，]*?)${TITLE})*)$`)

/**
 * Notes in brackets at the end of an entry: commentary, not the post. A
 * bracket is a note when a blank stands before it (`科员 （借调市委办）`), or
 * when it says 其间/期间 as the forms' notes do
 * (`镇长（其间：2012.03--2012.07在市委党校学习）`). Any other bracket right
 * after the post is part of it (`副旗长（农牧）`, `副局长(主持工作)`).
 */
const NOTES = /(\s+[（(][^（()）]*[）)]|\s*[（(]\s*(?:其间|期间)[^（()）]*[）)])+$/

/**
 * Splits a résumé entry into unit and post, its bracketed notes left aside:
 * at its last run of two or more blanks, else at its last blank, else before
 * a recognised post title; `null` if none of these.
 * @internal
 */
export function splitUnitPost(text: string): { unit: string; post: string } | null {
  const t = text.trim().replace(NOTES, '').trim()
  const wide = /^(.*\S)\s{2,}(\S.*)$/.exec(t)
  if (wide !== null) return { unit: (wide[1] as string).trim(), post: (wide[2] as string).trim() }
  const blank = /^(.*\S)\s+(\S+)$/.exec(t)
  if (blank !== null) return { unit: (blank[1] as string).trim(), post: blank[2] as string }
  const m = POST.exec(t)
  if (m === null || m.index === 0) return null
  return { unit: t.slice(0, m.index), post: m[1] as string }
}

/**
 * How the writer joins unit and post: directly when the reader splits it
 * back the same, else with two blanks (read back whole unless the post itself
 * holds a run of two blanks).
 * @internal
 */
export function joinUnitPost(unit: string, post: string): string {
  const direct = `${unit}${post}`
  const back = splitUnitPost(direct)
  return back !== null && back.unit === unit && back.post === post ? direct : `${unit}  ${post}`
}

/**
 * Reads a résumé (简历): one period per line (lines broken by LF, CR, CRLF,
 * U+2028 or U+2029); a line that does not begin with a date continues the
 * entry above it (long entries wrap). Periods come back oldest first, as
 * written.
 * @internal
 */
export function readResume(text: string): { periods: WorkPeriod[]; unread: Unread[] } {
  const periods: WorkPeriod[] = []
  const unread: Unread[] = []
  type Entry = { line: string; from: string | null; to: string | null; open: boolean; rest: string }
  // Entries and unread lines in the order written; continuation lines join the entry above.
  const items: (Entry | Unread)[] = []
  let last: Entry | null = null
  // Dates matched folded (２００１．０１, －－); units and posts kept as written.
  for (const raw of text.split(LINE_BREAK)) {
    const line = raw.trim()
    if (line === '') continue
    const { folded, origin } = foldWithOrigins(line)
    const m = PERIOD.exec(folded)
    if (m !== null) {
      const from = month(m[1] as string, m[2] as string)
      const to = m[3] === undefined ? null : month(m[3], m[4] as string)
      const start = origin[m.indices?.[6]?.[0] ?? folded.length] ?? line.length
      last = { line, from, to, open: m[3] === undefined, rest: line.slice(start).trim() }
      items.push(last)
    } else if (last !== null && !/^\d{4}/.test(folded)) {
      last.rest = `${last.rest}${line}`
    } else {
      items.push({ text: line, expected: 'a résumé line: YYYY.MM--YYYY.MM, then the unit and post' })
    }
  }
  for (const e of items) {
    if (!('line' in e)) {
      unread.push(e)
      continue
    }
    const parts = splitUnitPost(e.rest)
    if (e.from === null || (!e.open && e.to === null)) {
      unread.push({ text: e.line, expected: 'months 01–12 in the period' })
    } else if (parts === null) {
      unread.push({
        text: e.line,
        expected:
          'the unit, then the post (a blank between them, or a post title such as 科员, 副镇长, 局长)',
      })
    } else {
      periods.push({ from: e.from, to: e.to, unit: parts.unit, post: parts.post })
    }
  }
  return { periods, unread }
}

/**
 * Writes a résumé the way `readResume` reads it back: one period a line, an
 * open period as `YYYY.MM--至今`. A line break inside a unit or post (LF, CR,
 * U+2028, U+2029) is dropped with the blanks around it, as the reader would
 * join the continuation line on: the line holds the unit and post the reader
 * reads, never a continuation line that could read as a period of its own.
 * @internal
 */
export function writeResume(periods: readonly WorkPeriod[]): string {
  const oneLine = (s: string) => s.replace(BREAK_AND_BLANKS, '')
  return periods
    .map(
      (p) =>
        `${dottedMonth(p.from)}--${p.to === null ? '至今' : dottedMonth(p.to)}  ${joinUnitPost(oneLine(p.unit), oneLine(p.post))}`,
    )
    .join('\n')
}

/** Grade words, longest first. */
const GRADES: readonly [string, Grade][] = [
  ['基本称职', 'basic'],
  ['基本合格', 'basic'],
  ['不称职', 'incompetent'],
  ['不合格', 'incompetent'],
  ['优秀', 'excellent'],
  ['称职', 'competent'],
  ['合格', 'competent'],
]

const WORD: Record<Grade, string> = {
  excellent: '优秀',
  competent: '称职',
  basic: '基本称职',
  incompetent: '不称职',
}

/** A year, or a range of years (`2020-2022`, `2020年至2022年度`, `2020—2022`, `2020～2022`). */
const YEARS = /(?<!\d)(\d{4})(?!\d)(?:\s*年度?)?(?:\s*(?:--|-|——|—|―|–|~|～|至|到)\s*(\d{4})(?!\d))?/g

/**
 * What a clause may hold besides its years and grade: `年度考核结果均为`,
 * `被评为…等次`, separators. Any other word (其余年度, 以来, 至今, 不定等次,
 * 近三年 …) says something the reader does not read, and the clause is unread.
 */
const FILLER =
  /^(?:年度|年|考核|结果|等次|等级|均|都|皆|为|是|被|评为|评定|确定|定为|的|公务员|[、和及与:：\s])*$/u

/** A note in brackets, full-width or not (`（记嘉奖）`). */
const NOTE = /[（(][^（()）]*[）)]/gu

/** Results that are no grade (不定等次, 待定): the domain has no grade for them. */
const UNGRADED = /不定等次|未定等次|不确定等次|不评定等次|未评定等次|待定/

const GRADE_WORDS = 'a grade: 优秀, 称职, 基本称职 or 不称职'

/** The longest range of years read (a hundred years); a longer one is unread rather than expanded. */
const LONGEST_RANGE = 100

/**
 * Reads the annual assessment results (年度考核结果): clauses separated by
 * 。；;，, each with its years (a range `2020-2022` is every year of it) and
 * one grade, and nothing else but words such as 年度考核结果均为
 * (`2021、2022年度考核均为称职`). A clause with years and no grade takes the
 * grade of the clause right after it if that one has a grade and no years
 * (`2021年、2022年年度考核结果，均为称职`). Every other clause is unread, never
 * guessed: 不定等次 (which no grade means), years that are not listed
 * (其余年度均为称职, 2019年以来), a range backwards or over a hundred
 * years, years left without a grade. A year given two grades, or a grade
 * and 不定等次, is left out, the later clause unread. Results come back by
 * year.
 * @internal
 */
export function readAssessments(text: string): { assessments: Assessment[]; unread: Unread[] } {
  const unread: Unread[] = []
  const byYear = new Map<number, Grade>()
  // Years given two grades, or a grade and no grade (不定等次): left out.
  const disputed = new Set<number>()
  let pending: { years: number[]; text: string } | null = null
  const flush = () => {
    if (pending !== null) unread.push({ text: pending.text, expected: GRADE_WORDS })
    pending = null
  }
  for (const raw of text.normalize('NFKC').split(/[。;；,，\r\n\u2028\u2029]+/)) {
    const clause = raw.trim()
    if (clause === '') continue
    const years: number[] = []
    let badRange = false
    for (const m of clause.matchAll(YEARS)) {
      const from = Number(m[1])
      const to = m[2] === undefined ? from : Number(m[2])
      if (to < from || to - from > LONGEST_RANGE) badRange = true
      else for (let y = from; y <= to; y++) years.push(y)
    }
    // Years and grade words taken out, longest grade words first, so that 基本称职 is not also 称职.
    let rest = clause.replace(YEARS, ' ')
    const grades = new Set<Grade>()
    for (const [w, g] of GRADES)
      if (rest.includes(w)) {
        grades.add(g)
        rest = rest.split(w).join(' ')
      }
    const grade = grades.size === 1 ? ([...grades][0] as Grade) : null
    // A note in brackets after the grade (优秀（记嘉奖）) says nothing of the grade.
    const plain = FILLER.test(rest.replace(NOTE, ' ')) && !badRange
    if (plain && grade !== null && years.length === 0 && pending !== null) {
      const { years: target } = pending
      pending = null
      assign(target, grade, clause)
      continue
    }
    flush()
    if (grades.size > 1) unread.push({ text: clause, expected: 'one grade per clause' })
    else if (badRange)
      unread.push({
        text: clause,
        expected: 'a range of years from the earlier to the later, at most a hundred',
      })
    else if (UNGRADED.test(rest)) {
      unread.push({ text: clause, expected: `${GRADE_WORDS} (不定等次 and 待定 are none of them)` })
      for (const y of years) {
        byYear.delete(y)
        disputed.add(y)
      }
    } else if (!plain || years.length === 0)
      unread.push({ text: clause, expected: 'years and a grade, e.g. 2021、2022年度考核均为称职' })
    else if (grade === null) pending = { years, text: clause }
    else assign(years, grade, clause)
  }
  flush()

  function assign(years: readonly number[], grade: Grade, clause: string): void {
    for (const y of new Set(years)) {
      const had = byYear.get(y)
      if (had === undefined && !disputed.has(y)) byYear.set(y, grade)
      else if (had !== grade) {
        byYear.delete(y)
        disputed.add(y)
        unread.push({ text: clause, expected: `one grade for ${y}` })
      }
    }
  }

  const assessments = [...byYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, grade]) => ({ year, grade }))
  return { assessments, unread }
}

/** Writes assessment results the way `readAssessments` reads them back: years of one grade together. @internal */
export function writeAssessments(assessments: readonly Assessment[]): string {
  const sorted = [...assessments].sort((a, b) => a.year - b.year)
  const clauses: string[] = []
  let i = 0
  while (i < sorted.length) {
    const grade = (sorted[i] as Assessment).grade
    const years: number[] = []
    while (i < sorted.length && (sorted[i] as Assessment).grade === grade)
      years.push((sorted[i++] as Assessment).year)
    clauses.push(`${years.join('、')}年度考核${years.length > 1 ? '均为' : '为'}${WORD[grade]}`)
  }
  return clauses.join('；')
}
