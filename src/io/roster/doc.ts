/**
 * The header table of docs/import-export.md, generated from `COLUMNS`,
 * `SHEET_NAMES` and the vocabularies, so that the page says exactly what
 * `readRoster` reads. `npx tsx src/io/roster/write-doc.ts` rewrites the
 * marked section; a test fails when they disagree.
 *
 * @module
 * @internal
 */
import { COLUMNS, SHEET_KINDS, SHEET_NAMES } from './headers.js'
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

const BEGIN = '<!-- BEGIN GENERATED: roster columns -->'
const END = '<!-- END GENERATED: roster columns -->'

const VOCABULARIES: readonly [string, Vocabulary<string>][] = [
  ['性别 gender', GENDER_WORDS],
  ['政治面貌 party', PARTY_WORDS],
  ['学历 / 学位 education', EDUCATION_WORDS],
  ['学习形式 study', STUDY_WORDS],
  ['职级 rank', RANK_WORDS],
  ['气质类型 temperament', TEMPERAMENT_WORDS],
  ['四类干部 reserve groups', RESERVE_WORDS],
  ['干部类别 category', CATEGORY_WORDS],
  ['班子类别 team kind', TEAM_KIND_WORDS],
  ['岗位类别 post kind', POST_KIND_WORDS],
  ['特殊角色 post role', POST_ROLE_WORDS],
  ['关系 kin relation', KIN_WORDS],
  ['考核结果 grade', GRADE_WORDS],
]

/** The generated section: sheets, their columns and headers, and the words of each coded column. */
export function rosterColumnsMarkdown(): string {
  const out: string[] = [BEGIN, '']
  for (const kind of SHEET_KINDS) {
    out.push(`### Sheet \`${kind}\` (${SHEET_NAMES[kind].join(', ')})`, '')
    out.push('| field | required | headers |', '|---|---|---|')
    for (const c of COLUMNS[kind])
      out.push(`| \`${c.field}\` | ${c.required ? 'yes' : ''} | ${c.headers.join(', ')} |`)
    out.push('')
  }
  out.push('### Accepted words of coded columns', '')
  out.push('| column | code | words |', '|---|---|---|')
  for (const [name, vocabulary] of VOCABULARIES)
    for (const [code, words] of Object.entries(vocabulary))
      out.push(`| ${name} | \`${code}\` | ${words.join(', ')} |`)
  out.push('', END)
  return out.join('\n')
}

/** The page with its generated section replaced. @internal */
export function withRosterColumns(page: string): string {
  const from = page.indexOf(BEGIN)
  const to = page.indexOf(END)
  if (from < 0 || to < from) throw new Error(`docs/import-export.md: markers ${BEGIN} … ${END} not found`)
  return page.slice(0, from) + rosterColumnsMarkdown() + page.slice(to + END.length)
}
