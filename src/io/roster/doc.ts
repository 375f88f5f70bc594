/**
 * The header table of docs/import-export.md, generated from `COLUMNS` (with
 * the words of each coded column) and `SHEET_NAMES`, so that the page says exactly what
 * `readRoster` reads. `npx tsx src/io/roster/write-doc.ts` rewrites the
 * marked section; a test fails when they disagree.
 *
 * @module
 * @internal
 */
import { COLUMNS, SHEET_KINDS, SHEET_NAMES } from './headers.js'
import type { Vocabulary } from './values.js'

const BEGIN = '<!-- BEGIN GENERATED: roster columns -->'
const END = '<!-- END GENERATED: roster columns -->'

/** Each vocabulary of the header table once, with the columns (first header and field) that take it. */
function vocabularies(): [string, Vocabulary<string>][] {
  const named = new Map<Vocabulary<string>, string[]>()
  for (const kind of SHEET_KINDS)
    for (const c of COLUMNS[kind]) {
      if (c.words === undefined) continue
      const name = `${c.headers[0] as string} ${c.field}`
      const names = named.get(c.words) ?? []
      if (!names.includes(name)) names.push(name)
      named.set(c.words, names)
    }
  return [...named].map(([words, names]) => [names.join(' / '), words])
}

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
  for (const [name, vocabulary] of vocabularies())
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
