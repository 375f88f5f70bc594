/**
 * A scenario written as the workbook `readRoster` reads: a sheet per kind,
 * the first header of each column (`COLUMNS`), coded values in the words
 * clerks type (中共党员, 正科, 乡镇 …), months as text `YYYY.MM`, and a list of
 * accepted words on every coded column. `rosterTemplate()` is the same
 * workbook with no rows: the form a clerk fills in.
 *
 * @module
 */
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { requireScenario } from '../door.js'
import { encodeScenario } from '../encode.js'
import { ethnicityLabel } from '../../domain/ethnicity.js'
import { DEFAULT_POLICY } from '../../domain/policy.js'
import type { Scenario } from '../../domain/types.js'
import { COLUMNS, SHEET_KINDS, SHEET_NAMES, type ColumnSpec, type SheetKind } from './headers.js'
import { columnLetter } from './tables.js'
import { dottedMonth, listItem, type Vocabulary } from './values.js'

type Json = Record<string, unknown>
type Value = string | number | null

/**
 * Columns the writer leaves out: the reader's alternatives to a column it
 * writes, and what the reader checks but a scenario does not keep (身份证号).
 */
const NOT_WRITTEN: Partial<Record<SheetKind, readonly string[]>> = { cadres: ['degree', 'idNumber'] }

/**
 * Whether the open posts are listed in another order than team order (the
 * order of the posts sheet's rows): only then does the posts sheet need its
 * 调整顺序 column, since the order is the scenario's (proposals list the
 * posts in it, and the scenario's fingerprint covers it).
 */
function ownOrder(e: Json): boolean {
  const open = new Set(e.openPosts as string[])
  const inTeamOrder = (e.teams as Json[]).flatMap((t) =>
    (t.posts as Json[]).map((p) => p.id as string).filter((id) => open.has(id)),
  )
  return inTeamOrder.some((id, i) => id !== (e.openPosts as string[])[i])
}

const word = (vocabulary: Vocabulary<string>, code: unknown): Value =>
  typeof code === 'string' ? (vocabulary[code]?.[0] ?? code) : null
const month = (m: unknown): Value => (typeof m === 'string' ? dottedMonth(m) : null)
const yes = (b: unknown): Value => (b === true ? '是' : '否')
/** A list joined by 、, an item holding a separator or a quote quoted (`"P,1"`). */
const list = (xs: unknown): Value =>
  Array.isArray(xs) && xs.length > 0 ? xs.map((x) => listItem(String(x))).join('、') : null
const str = (s: unknown): Value => (typeof s === 'string' ? s : typeof s === 'number' ? s : null)

/** The policy's settings as rows: every leaf with its dotted path; lists, and text that would read as a number or yes/no, as JSON. */
function policyRows(policy: unknown, path: string[] = []): Json[] {
  if (typeof policy === 'object' && policy !== null && !Array.isArray(policy))
    return Object.entries(policy).flatMap(([k, v]) => policyRows(v, [...path, k]))
  const plainText =
    typeof policy === 'string' &&
    !/^([-+]?\d|[[{"]|null$|是$|否$|有$|无$|y$|n$|yes$|no$|true$|false$|√$|×$)/i.test(
      policy.normalize('NFKC').trim(),
    )
  const value = typeof policy === 'number' ? policy : plainText ? policy : JSON.stringify(policy)
  return [{ path: path.join('.'), value }]
}

/** Rows of each sheet kind, as field → value, from the encoded scenario. */
function rowsOf(e: Json): Record<SheetKind, Json[]> {
  const cadres = e.cadres as Json[]
  const teams = e.teams as Json[]
  const openPosts = e.openPosts as string[]
  const place = new Map(openPosts.map((id, i) => [id, i + 1]))
  const titles = new Map<string, string>()
  for (const t of teams)
    for (const p of t.posts as Json[]) titles.set(p.id as string, `${t.name as string}${p.title as string}`)
  const of = (c: Json, key: string): Json[] => (c[key] as Json[]).map((x) => ({ cadre: c.id, ...x }))
  return {
    cadres: cadres.map((c) => {
      const edu = c.education as Json
      const post = c.currentPost as Json | null
      return {
        ...c,
        ...(c.integrity as Json),
        education: edu.level,
        study: edu.fullTime === true ? 'full-time' : 'in-service',
        specialties: (c.specialties as Json[]).map((s) => s.code),
        currentPost: post?.postId ?? null,
        currentPostTitle: post === null ? null : (titles.get(post.postId as string) ?? null),
        since: post?.since ?? null,
      }
    }),
    teams: teams.map((t) => ({ ...t, ...(t.area as Json) })),
    posts: teams.flatMap((t) =>
      (t.posts as Json[]).map((p) => ({
        ...p,
        team: t.id,
        open: place.has(p.id as string),
        openOrder: place.get(p.id as string) ?? null,
      })),
    ),
    specialties: cadres.flatMap((c) => of(c, 'specialties')),
    history: cadres.flatMap((c) => of(c, 'history')),
    kin: cadres.flatMap((c) => of(c, 'kin').map(({ cadreId, ...k }) => ({ ...k, kin: cadreId }))),
    assessments: cadres.flatMap((c) => of(c, 'assessments')),
    policy: policyRows(e.policy),
  }
}

const MONTHS = new Set([
  'birth',
  'partyJoined',
  'workStart',
  'since',
  'rankSince',
  'checkedOn',
  'disciplinaryUntil',
  'from',
  'to',
])
const LISTS = new Set(['specialties', 'supervisedBy', 'reserveGroups'])

/** A cell as the clerk's sheet holds it: coded columns in words (the first of each code), yes/no as 是/否. */
function cellOf(spec: ColumnSpec, value: unknown): Value {
  const { field, words } = spec
  if (words !== undefined)
    return Array.isArray(value) ? list(value.map((v) => word(words, v))) : word(words, value)
  if (spec.yesNo === true) return yes(value)
  if (MONTHS.has(field)) return month(value)
  if (field === 'ethnicity' || field === 'titularEthnicity')
    return typeof value === 'string' ? ethnicityLabel(value).zh : null
  if (LISTS.has(field)) return list(value)
  return str(value)
}

/** Adds a list validation to a column below its header (exceljs keeps it off its typings). */
function validate(ws: ExcelJS.Worksheet, column: number, words: readonly string[], rows: number): void {
  const formula = `"${words.join(',')}"`
  if (formula.length > 255) return // Excel's limit for an inline list
  const col = columnLetter(column)
  const v = (ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } })
    .dataValidations
  v.add(`${col}2:${col}${Math.max(rows + 1, 1000)}`, {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorTitle: '请从列表中选择',
    error: `可选：${words.join('、')}`,
  })
}

/**
 * A fixed stamp, 2000-01-01T00:00:00Z: one instant, the same in every time
 * zone. JSZip writes a zip entry's date from its UTC fields and exceljs the
 * document's dates as ISO (UTC) text, so the bytes do not depend on the
 * machine's time zone (a local `new Date(2000, 0, 1)` is another instant
 * in each).
 */
const STAMP = new Date(Date.UTC(2000, 0, 1))

/**
 * The workbook's bytes with every timestamp set to `stamp` (the document's
 * created/modified dates and each zip entry's date), so that the same roster
 * gives the same bytes.
 * @internal
 */
export async function stable(wb: ExcelJS.Workbook, stamp: Date = STAMP): Promise<Uint8Array> {
  wb.created = stamp
  wb.modified = stamp
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer())
  const out = new JSZip()
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name] as JSZip.JSZipObject
    if (!entry.dir) out.file(name, await entry.async('uint8array'), { date: stamp, createFolders: false })
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } })
}

async function workbookOf(rows: Record<SheetKind, Json[]>, openOrder = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  for (const kind of SHEET_KINDS) {
    const ws = wb.addWorksheet(SHEET_NAMES[kind][0] as string)
    const columns = COLUMNS[kind].filter(
      (c) =>
        NOT_WRITTEN[kind]?.includes(c.field) !== true &&
        (openOrder || kind !== 'posts' || c.field !== 'openOrder'),
    )
    ws.addRow(columns.map((c) => c.headers[0] as string))
    ws.getRow(1).font = { bold: true }
    ws.views = [{ state: 'frozen', ySplit: 1 }]
    const data = rows[kind]
    for (const r of data) ws.addRow(columns.map((c) => cellOf(c, r[c.field])))
    columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = Math.max(10, (c.headers[0] as string).length * 2 + 2)
      // A list cell (several words) takes no one-word validation.
      if (c.words !== undefined && !LISTS.has(c.field))
        validate(
          ws,
          i,
          Object.values(c.words).map((w) => w[0] as string),
          data.length,
        )
      else if (c.yesNo === true) validate(ws, i, ['是', '否'], data.length)
    })
  }
  return stable(wb, STAMP)
}

/**
 * Writes a scenario's roster as an XLSX workbook that `readRoster` reads back
 * into the same scenario (given the same options: month, county, policy,
 * locks and forbidden pairs, which a roster does not carry; detailed
 * assessment records are not written). Sheets: 干部, 班子, 岗位, 专业,
 * 工作经历, 亲属, 考核; coded columns in Chinese words with a list of the
 * accepted words on each. The open posts are marked 是 in 本轮调整; when
 * they are listed in another order than team order, a 调整顺序 column numbers
 * them in the scenario's order (1, 2, …), which `readRoster` keeps. A team's
 * `supervisedBy: []` is written as an empty cell and reads back absent: both
 * mean no supervising post.
 *
 * @param scenario - a decoded scenario
 * @returns the workbook's bytes
 * @throws TypeError when `scenario` is not a decoded scenario (the promise rejects)
 * @category Roster
 */
export async function writeRoster(scenario: Scenario): Promise<Uint8Array> {
  requireScenario('writeRoster', scenario)
  const e = encodeScenario(scenario) as Json
  return workbookOf(rowsOf(e), ownOrder(e))
}

/**
 * The empty roster workbook a clerk fills in: every sheet with its headers
 * and the lists of accepted words on coded and yes/no columns; the policy
 * sheet lists every setting at its default, to edit.
 *
 * @returns the workbook's bytes
 * @category Roster
 */
export async function rosterTemplate(): Promise<Uint8Array> {
  const empty = Object.fromEntries(SHEET_KINDS.map((k) => [k, [] as Json[]])) as Record<SheetKind, Json[]>
  return workbookOf({ ...empty, policy: policyRows(DEFAULT_POLICY) })
}
