/**
 * Writes the roster fixtures of the tests (`test/fixtures/roster/`), made by
 * the project from a generated county (no real people):
 * - `county-320.xlsx`: 320 cadres in the layout a department keeps — a title
 *   row above the headers, a 序号 column, Chinese words, dates typed in the
 *   ways clerks type them (1985.03, 1985年3月, number cells 198503, date
 *   cells), the current post as 现任职务 text, a 备注 column;
 * - `county-320-broken.xlsx`: the same workbook with 30 deliberate mistakes,
 *   and `county-320-broken.expected.json`, the place of each.
 * `npx tsx scripts/write-roster-fixtures.ts`.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { ethnicityLabel, generateScenario } from '../src/index.js'
import type { Cadre, Scenario } from '../src/domain/types.js'
import { columnLetter } from '../src/io/roster/tables.js'
import {
  EDUCATION_WORDS,
  PARTY_WORDS,
  POST_KIND_WORDS,
  POST_ROLE_WORDS,
  RANK_WORDS,
  TEAM_KIND_WORDS,
} from '../src/io/roster/values.js'

const dir = fileURLToPath(new URL('../test/fixtures/roster/', import.meta.url))
/** The county of the fixtures. */
export const FIXTURE = { seed: 320, cadres: 320, teams: 32 }

type Value = string | number | Date | null
const HEADERS = [
  '序号',
  '姓名',
  '干部编号',
  '性别',
  '民族',
  '出生年月',
  '籍贯',
  '政治面貌',
  '入党时间',
  '参加工作时间',
  '全日制教育学历',
  '现任职务',
  '任现职时间',
  '职级',
  '任现职级时间',
  '备注',
]

/** A month typed four ways, in turn: 1985.03, 1985年3月, the number 198503, a date cell. */
function typed(m: string | null, i: number): Value {
  if (m === null) return null
  const [y, mm] = m.split('-') as [string, string]
  switch (i % 4) {
    case 0:
      return `${y}.${mm}`
    case 1:
      return `${y}年${Number(mm)}月`
    case 2:
      return Number(`${y}${mm}`)
    default:
      return new Date(Date.UTC(Number(y), Number(mm) - 1, 1))
  }
}

function cadreRows(s: Scenario): Value[][] {
  const title = new Map<string, string>()
  for (const t of s.teams) for (const p of t.posts) title.set(p.id, `${t.name}${p.title}`)
  return s.cadres.map((c: Cadre, i) => [
    i + 1,
    c.name,
    c.id,
    c.gender === 'male' ? '男' : '女',
    ethnicityLabel(c.ethnicity).zh,
    typed(c.birth, i),
    c.hometown,
    PARTY_WORDS[c.party][i % 2] ?? (PARTY_WORDS[c.party][0] as string),
    typed(c.partyJoined, i + 1),
    typed(c.workStart, i + 2),
    EDUCATION_WORDS[c.education.level][0] as string,
    c.currentPost === null ? null : (title.get(c.currentPost.postId) as string),
    c.currentPost === null ? null : typed(c.currentPost.since, i + 3),
    RANK_WORDS[c.rank][1] ?? (RANK_WORDS[c.rank][0] as string),
    typed(c.rankSince, i),
    i % 7 === 0 ? '挂职' : null,
  ])
}

async function workbook(s: Scenario, cadres: Value[][]): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  wb.created = new Date(2000, 0, 1)
  wb.modified = wb.created
  const ws = wb.addWorksheet('干部花名册')
  ws.addRow([`${s.county}科级干部花名册（${s.asOf.replace('-', '年')}月）`])
  ws.mergeCells(1, 1, 1, HEADERS.length)
  ws.addRow(HEADERS)
  for (const row of cadres) ws.addRow(row)
  const teams = wb.addWorksheet('班子')
  teams.addRow(['班子编号', '班子名称', '班子类别', '所在地'])
  for (const t of s.teams) teams.addRow([t.id, t.name, TEAM_KIND_WORDS[t.kind][0], t.locality])
  const posts = wb.addWorksheet('岗位')
  posts.addRow(['岗位编号', '所属班子', '职务名称', '正副职', '职级', '特殊角色', '本轮调整'])
  const open = new Set(s.openPosts)
  for (const t of s.teams)
    for (const p of t.posts)
      posts.addRow([
        p.id,
        t.id,
        p.title,
        POST_KIND_WORDS[p.kind][0],
        RANK_WORDS[p.rank][0],
        p.role === null ? null : POST_ROLE_WORDS[p.role][0],
        open.has(p.id) ? '是' : '否',
      ])
  return wb
}

/** 30 mistakes, each at one cell of the cadres sheet (row in the sheet, header), and what is written there. */
function mistakes(s: Scenario): { row: number; header: string; value: Value }[] {
  const out: { row: number; header: string; value: Value }[] = []
  const bad: [string, Value][] = [
    ['出生年月', '1985/13'],
    ['性别', '男性别'],
    ['政治面貌', '党外'],
    ['职级', '科级'],
    ['任现职级时间', '2015.1.1.1'],
    ['全日制教育学历', '小学文化'],
    ['入党时间', '1990年13月'],
    ['参加工作时间', 'unknown'],
    ['现任职务', '不存在的职务'],
    ['出生年月', 1985.1],
  ]
  // Three rounds over the ten kinds of mistake, on rows spread through the sheet; a row never twice.
  for (let k = 0; k < 30; k++) {
    const [header, value] = bad[k % 10] as [string, Value]
    out.push({ row: 3 + ((k * 37) % s.cadres.length), header, value })
  }
  return out
}

const s = generateScenario(FIXTURE)
const rows = cadreRows(s)
const good = await workbook(s, rows)
writeFileSync(`${dir}county-320.xlsx`, new Uint8Array(await good.xlsx.writeBuffer()))

const broken = rows.map((r) => [...r])
const list = mistakes(s)
for (const m of list) (broken[m.row - 3] as Value[])[HEADERS.indexOf(m.header)] = m.value
const wb = await workbook(s, broken)
writeFileSync(`${dir}county-320-broken.xlsx`, new Uint8Array(await wb.xlsx.writeBuffer()))
const expected = list
  .map((m) => ({ row: m.row, column: columnLetter(HEADERS.indexOf(m.header)), header: m.header }))
  .sort((a, b) => a.row - b.row || a.column.localeCompare(b.column))
writeFileSync(`${dir}county-320-broken.expected.json`, `${JSON.stringify(expected, null, 2)}\n`)
console.log(`wrote ${dir}county-320.xlsx, county-320-broken.xlsx (${expected.length} mistakes)`)
