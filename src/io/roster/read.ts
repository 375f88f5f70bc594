/**
 * `readRoster`: a county's roster as the department keeps it — one workbook
 * with sheets for cadres, teams, posts, work history, kin and assessments, or
 * one CSV/XLSX file for each — read into the same `Scenario` as
 * `decodeScenario` gives, through the same checks. Every bad cell is reported
 * with its file, sheet, row, column and header, all of them at once; nothing
 * is half-imported.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js'
import type { Scenario } from '../../domain/types.js'
import type { WarningCode } from '../../domain/codes.js'
import { decodeScenarioWithWarnings } from '../warnings.js'
import { readLrmx } from '../lrmx/lrmx.js'
import { renderValue } from '../errors.js'
import { isPlainRecord } from '../combinators.js'
import { formatPath, type Path } from '../path.js'
import {
  columnsOf,
  headerKey,
  SHEET_KINDS,
  SHEET_NAMES,
  sheetKindOf,
  wordsOf,
  type HeaderExtensions,
  type SheetKind,
} from './headers.js'
import { columnLetter, isZip, readCsv, readXlsx, type Table, type TableRow } from './tables.js'
import {
  isBlank,
  items,
  readBoolean,
  readCode,
  readMonth,
  readNumber,
  readYear,
  text,
  type Cell,
  type Read,
} from './values.js'
import { EDUCATION_LEVELS } from '../../domain/types.js'

// ---------------------------------------------------------------------------
// public types
// ---------------------------------------------------------------------------

/** One file handed to `readRoster`: its name (for messages) and its bytes, or CSV text. @category Roster */
export interface RosterFile {
  readonly name: string
  readonly data: Uint8Array | string
}

/**
 * What `readRoster` reads: a workbook whose sheets are named after their
 * kind (干部, 班子, 岗位, 工作经历, 亲属, 考核 — see `SHEET_NAMES`), and/or one
 * file per kind (CSV, or XLSX whose first sheet is read). A file given for a
 * kind takes the place of the workbook's sheet of that kind.
 * @category Roster
 */
export interface RosterSources {
  readonly workbook?: RosterFile
  readonly cadres?: RosterFile
  readonly teams?: RosterFile
  readonly posts?: RosterFile
  readonly specialties?: RosterFile
  readonly history?: RosterFile
  readonly kin?: RosterFile
  readonly assessments?: RosterFile
  /** The policy: one row per setting, its path (`structure.women.min`) and value; `options.policy` goes on top. */
  readonly policy?: RosterFile
  /**
   * Appointment-and-removal forms (LRMX) of cadres of the roster: each is
   * matched to its cadre by name (and birth month, when the form gives one)
   * and fills what the sheets leave empty for that cadre — work history,
   * assessment grades, kin links (family members who are cadres of the
   * roster), work and party dates, hometown (籍贯).
   */
  readonly lrmx?: readonly RosterFile[]
}

/** What a roster does not say: the round's month and county, the policy, and optionally the open posts. @category Roster */
export interface ReadRosterOptions {
  /** Reference month of the round (计算年龄时间), `YYYY-MM`. */
  readonly asOf: string
  /** The county (default locality of every team). */
  readonly county: string
  /** Deep-partial policy, as in a JSON scenario; defaults apply. */
  readonly policy?: unknown
  /**
   * Posts staffed in this round; when absent, the posts sheet's 本轮调整
   * column says (posts marked 是), or every post when it has no such column.
   */
  readonly openPosts?: 'all' | readonly string[]
  readonly locks?: unknown
  readonly forbidden?: unknown
  /** Recommendation tallies of the round (推荐情况), as in a JSON scenario's `recommendations`. */
  readonly recommendations?: unknown
  /** More headers for the columns banzi reads: `{ cadres: { hometown: ['出生地'] } }`. */
  readonly headers?: HeaderExtensions
}

/**
 * One problem of a roster, at its cell when it has one: `cadres.xlsx#干部 row
 * 14, column E (出生年月): expected a month such as 1985.03 …, got "1985/13"`.
 * @category Roster
 */
export interface RosterIssue {
  /** `file#sheet` (or the file), `options` for what the options said, `null` for the roster as a whole. */
  readonly source: string | null
  /** 1-based row number in the sheet, as Excel shows it. */
  readonly row: number | null
  /** Column letter (`E`), when the issue is about one cell or column. */
  readonly column: string | null
  /** The column's header as written in the sheet. */
  readonly header: string | null
  /** The cell's value as found. */
  readonly got: string
  readonly expected: string
  /** The issue on one line, place first. */
  readonly message: string
}

/** Why a roster could not be read: every issue found. @category Roster */
export interface InvalidRoster {
  readonly _tag: 'InvalidRoster'
  readonly issues: readonly RosterIssue[]
}

/**
 * Something read but worth a look: columns, sheets or lines of a form not
 * read, and what decoding finds odd (`code`: a cadre past retirement age, a
 * hometown that matches no locality, …; docs/input-format.md).
 * @category Roster
 */
export interface RosterWarning {
  readonly source: string
  readonly message: string
  /** The decoder's warning code, for the warnings decoding gives. */
  readonly code?: WarningCode
}

/** A roster read: the scenario, and the warnings. @category Roster */
export interface RosterImport {
  readonly scenario: Scenario
  readonly warnings: readonly RosterWarning[]
}

// ---------------------------------------------------------------------------
// places
// ---------------------------------------------------------------------------

interface Place {
  readonly source: string | null
  readonly row: number | null
  readonly column: string | null
  readonly header: string | null
}

const placeText = (p: Place): string => {
  if (p.source === null) return 'roster'
  const parts = [p.source]
  if (p.row !== null) parts.push(`row ${p.row}`)
  if (p.column !== null) parts.push(`column ${p.column}${p.header === null ? '' : ` (${p.header})`}`)
  else if (p.header !== null) parts.push(p.header)
  return parts.join(', ')
}

function rosterIssue(place: Place, expected: string, got: string): RosterIssue {
  return { ...place, got, expected, message: `${placeText(place)}: expected ${expected}, got ${got}` }
}

/** A sheet with its columns resolved: field → column index. */
interface Sheet {
  readonly kind: SheetKind
  readonly table: Table
  readonly index: ReadonlyMap<string, number>
}

class Reader {
  readonly issues: RosterIssue[] = []
  readonly warnings: RosterWarning[] = []
  /** Path key (`cadres.3.birth`) → the place its value came from. */
  readonly places = new Map<string, Place>()
  /** Path keys whose cell was already reported. */
  readonly reported = new Set<string>()

  cellPlace(sheet: Sheet, row: TableRow, field: string | null): Place {
    const i = field === null ? undefined : sheet.index.get(field)
    return {
      source: sheet.table.source,
      row: row.row,
      column: i === undefined ? null : columnLetter(i),
      header: i === undefined ? null : (sheet.table.header[i] ?? null),
    }
  }

  cell(sheet: Sheet, row: TableRow, field: string): Cell {
    const i = sheet.index.get(field)
    return i === undefined ? null : (row.cells[i] ?? null)
  }

  /**
   * Reads an optional cell into `target[key]`: a blank cell leaves the key
   * out (its default applies, or decoding reports it missing, at this cell).
   */
  put<A>(
    target: Record<string, unknown>,
    key: string,
    path: Path,
    sheet: Sheet,
    row: TableRow,
    field: string,
    read: (cell: Cell, format: string | undefined) => Read<A>,
  ): void {
    const at = pathKey(path)
    this.places.set(at, this.cellPlace(sheet, row, field))
    const cell = this.cell(sheet, row, field)
    if (isBlank(cell)) return
    const i = sheet.index.get(field)
    const r = read(cell, i === undefined ? undefined : row.formats?.[i])
    if (r.ok) target[key] = r.value
    else this.fail(sheet, row, field, r.expected, cell, at)
  }

  fail(sheet: Sheet, row: TableRow, field: string, expected: string, cell: Cell, at?: string): void {
    this.issues.push(rosterIssue(this.cellPlace(sheet, row, field), expected, renderCell(cell)))
    if (at !== undefined) this.reported.add(at)
  }
}

const pathKey = (path: Path): string => path.join('.')

const renderCell = (cell: Cell): string =>
  cell === null ? 'nothing' : cell instanceof Date ? `date ${text(cell)}` : renderValue(cell)

const asText = (cell: Cell): Read<string> => ({ ok: true, value: text(cell) })
const asList = (cell: Cell): Read<string[]> => ({ ok: true, value: items(cell) })
const asMonth = (cell: Cell, format: string | undefined): Read<string> => readMonth(cell, format)
const code =
  <A extends string>(words: Readonly<Record<A, readonly string[]>>) =>
  (cell: Cell): Read<A> =>
    readCode(cell, words)
const codes =
  <A extends string>(words: Readonly<Record<A, readonly string[]>>) =>
  (cell: Cell): Read<A[]> => {
    const out: A[] = []
    for (const item of items(cell)) {
      const r = readCode(item, words)
      if (!r.ok) return r
      out.push(r.value)
    }
    return { ok: true, value: out }
  }

// ---------------------------------------------------------------------------
// tables → sheets
// ---------------------------------------------------------------------------

async function tablesOf(file: RosterFile, r: Reader): Promise<Table[] | null> {
  try {
    if (typeof file.data === 'string') {
      return [readCsv(file.name, new TextEncoder().encode(file.data)).table]
    }
    if (isZip(file.data)) return await readXlsx(file.name, file.data)
    return [readCsv(file.name, file.data).table]
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e)
    r.issues.push(
      rosterIssue(
        { source: file.name, row: null, column: null, header: null },
        'an XLSX workbook or a CSV file',
        why ?? '',
      ),
    )
    return null
  }
}

/** How many cells of a row are headers of the sheet kind. */
function headerScore(cells: readonly Cell[], keys: ReadonlySet<string>): number {
  let n = 0
  for (const c of cells) if (typeof c === 'string' && keys.has(headerKey(c))) n++
  return n
}

/**
 * The header row: the first non-blank row, unless a row among the first ten
 * names more of the sheet's columns (a title such as 青山旗科级干部花名册, or a
 * note, above the headers); the rows above it are skipped with a warning.
 */
function withHeaderRow(table: Table, keys: ReadonlySet<string>, r: Reader): Table {
  const candidates = [table.header as readonly Cell[], ...table.rows.slice(0, 9).map((x) => x.cells)]
  let best = 0
  let score = headerScore(candidates[0] as readonly Cell[], keys)
  candidates.forEach((cells, k) => {
    const s = headerScore(cells, keys)
    if (s > score) {
      best = k
      score = s
    }
  })
  if (best === 0) return table
  r.warnings.push({
    source: table.source,
    message: `rows above the header row ${(table.rows[best - 1] as TableRow).row} skipped`,
  })
  const header = (table.rows[best - 1] as TableRow).cells.map((c) => (c === null ? '' : String(c).trim()))
  return { ...table, header, rows: table.rows.slice(best) }
}

function resolve(kind: SheetKind, found: Table, options: ReadRosterOptions, r: Reader): Sheet {
  const specs = columnsOf(kind, options.headers)
  const table = withHeaderRow(found, new Set(specs.flatMap((s) => s.headers.map(headerKey))), r)
  const index = new Map<string, number>()
  const unread: string[] = []
  table.header.forEach((h, i) => {
    if (h === '') return
    const key = headerKey(h)
    const spec = specs.find((s) => s.headers.some((name) => headerKey(name) === key))
    if (spec === undefined) {
      unread.push(h)
      return
    }
    const seen = index.get(spec.field)
    if (seen !== undefined) {
      const place = { source: table.source, row: null, column: columnLetter(i), header: h }
      r.issues.push(
        rosterIssue(
          place,
          `one column for ${spec.field} (column ${columnLetter(seen)} is one already)`,
          `"${h}"`,
        ),
      )
      return
    }
    index.set(spec.field, i)
  })
  for (const spec of specs) {
    if (!spec.required || index.has(spec.field)) continue
    const place = { source: table.source, row: null, column: null, header: null }
    r.issues.push(rosterIssue(place, `a column ${spec.headers.slice(0, 3).join(' / ')}`, 'no such header'))
  }
  if (unread.length > 0)
    r.warnings.push({ source: table.source, message: `columns not read: ${unread.join(', ')}` })
  return { kind, table, index }
}

async function sheetsOf(sources: RosterSources, options: ReadRosterOptions, r: Reader) {
  const found = new Map<SheetKind, Table>()
  if (sources.workbook !== undefined) {
    const tables = await tablesOf(sources.workbook, r)
    for (const t of tables ?? []) {
      const kind = sheetKindOf(t.sheet)
      const earlier = kind === undefined ? undefined : found.get(kind)
      if (earlier !== undefined)
        // Two sheets of one kind (干部（2025年）, 干部（2026年）): which one is meant is not for the reader to guess.
        r.issues.push(
          rosterIssue(
            { source: t.source, row: null, column: null, header: null },
            `one sheet of ${kind} (${earlier.sheet} is one): remove or rename the other`,
            `a second, ${t.sheet}`,
          ),
        )
      else if (kind === undefined) {
        if (t.header.length > 0 || t.rows.length > 0)
          r.warnings.push({
            source: t.source,
            message: `sheet not read: its name is none of ${sheetNamesText()}`,
          })
      } else found.set(kind, t)
    }
  }
  for (const kind of SHEET_KINDS) {
    const file = sources[kind]
    if (file === undefined) continue
    const tables = await tablesOf(file, r)
    const first = tables?.[0]
    if (first !== undefined) found.set(kind, first)
  }
  const sheets = new Map<SheetKind, Sheet>()
  for (const [kind, t] of found) sheets.set(kind, resolve(kind, t, options, r))
  for (const kind of ['cadres', 'teams', 'posts'] as const) {
    if (sheets.has(kind) || (found.size === 0 && r.issues.length > 0)) continue
    r.issues.push(
      rosterIssue(
        { source: null, row: null, column: null, header: null },
        `a sheet or file of ${kind} (${SHEET_NAMES[kind].slice(0, 2).join(', ')})`,
        'none',
      ),
    )
  }
  return sheets
}

const sheetNamesText = () => SHEET_KINDS.map((k) => SHEET_NAMES[k][0]).join(', ')

// ---------------------------------------------------------------------------
// rows → the input format
// ---------------------------------------------------------------------------

type Json = Record<string, unknown>

const LEVEL_RANK = (level: string): number => EDUCATION_LEVELS.indexOf(level as never)

function readCadres(sheet: Sheet, r: Reader): { cadres: Json[]; byId: Map<string, number> } {
  const cadres: Json[] = []
  const byId = new Map<string, number>()
  sheet.table.rows.forEach((row, i) => {
    const c: Json = {}
    const at = (...p: (string | number)[]): Path => ['cadres', i, ...p]
    r.places.set(pathKey(at()), r.cellPlace(sheet, row, null))
    r.put(c, 'id', at('id'), sheet, row, 'id', asText)
    r.put(c, 'name', at('name'), sheet, row, 'name', asText)
    r.put(c, 'gender', at('gender'), sheet, row, 'gender', code(wordsOf('cadres', 'gender')))
    r.put(c, 'birth', at('birth'), sheet, row, 'birth', asMonth)
    r.put(c, 'ethnicity', at('ethnicity'), sheet, row, 'ethnicity', asText)
    r.put(c, 'party', at('party'), sheet, row, 'party', code(wordsOf('cadres', 'party')))
    r.put(c, 'partyJoined', at('partyJoined'), sheet, row, 'partyJoined', asMonth)
    r.put(c, 'workStart', at('workStart'), sheet, row, 'workStart', asMonth)
    // Education: the higher of 学历 and the level a 学位 implies; 学习形式 says full-time or not.
    const education: Json = {}
    r.put(
      education,
      'level',
      at('education', 'level'),
      sheet,
      row,
      'education',
      code(wordsOf('cadres', 'education')),
    )
    const degree: Json = {}
    r.put(degree, 'level', at('education', 'degree'), sheet, row, 'degree', code(wordsOf('cadres', 'degree')))
    if (typeof degree.level === 'string' && typeof education.level === 'string')
      if (LEVEL_RANK(degree.level) > LEVEL_RANK(education.level)) education.level = degree.level
    const study: Json = {}
    r.put(study, 'v', at('education', 'fullTime'), sheet, row, 'study', code(wordsOf('cadres', 'study')))
    if (study.v !== undefined) education.fullTime = study.v === 'full-time'
    r.places.set(pathKey(at('education')), r.cellPlace(sheet, row, 'education'))
    if (!isBlank(r.cell(sheet, row, 'education'))) c.education = education
    const specialties: Json = {}
    r.put(specialties, 'v', at('specialties'), sheet, row, 'specialties', asList)
    if (Array.isArray(specialties.v)) c.specialties = specialties.v.map((s) => ({ code: s }))
    const post: Json = {}
    r.put(post, 'postId', at('currentPost', 'postId'), sheet, row, 'currentPost', asText)
    r.put(post, 'since', at('currentPost', 'since'), sheet, row, 'since', asMonth)
    r.places.set(pathKey(at('currentPost')), r.cellPlace(sheet, row, 'currentPost'))
    if (post.postId !== undefined) c.currentPost = post
    else if (!isBlank(r.cell(sheet, row, 'currentPostTitle'))) c.currentPostTitle = post
    r.put(c, 'rank', at('rank'), sheet, row, 'rank', code(wordsOf('cadres', 'rank')))
    r.put(c, 'rankSince', at('rankSince'), sheet, row, 'rankSince', asMonth)
    r.put(c, 'hometown', at('hometown'), sheet, row, 'hometown', asText)
    r.put(
      c,
      'temperament',
      at('temperament'),
      sheet,
      row,
      'temperament',
      code(wordsOf('cadres', 'temperament')),
    )
    r.put(
      c,
      'reserveGroups',
      at('reserveGroups'),
      sheet,
      row,
      'reserveGroups',
      codes(wordsOf('cadres', 'reserveGroups')),
    )
    r.put(c, 'category', at('category'), sheet, row, 'category', code(wordsOf('cadres', 'category')))
    r.put(
      c,
      'exceptionalPromotion',
      at('exceptionalPromotion'),
      sheet,
      row,
      'exceptionalPromotion',
      readBoolean,
    )
    const integrity: Json = {}
    for (const f of [
      'fileAudited',
      'personalMattersVerified',
      'disciplineOpinionHeard',
      'complaintsInvestigated',
      'doubleSigned',
      'clean',
      'underInvestigation',
    ])
      r.put(integrity, f, at('integrity', f), sheet, row, f, readBoolean)
    r.put(integrity, 'checkedOn', at('integrity', 'checkedOn'), sheet, row, 'checkedOn', asMonth)
    r.put(
      integrity,
      'disciplinaryUntil',
      at('integrity', 'disciplinaryUntil'),
      sheet,
      row,
      'disciplinaryUntil',
      asMonth,
    )
    if (Object.keys(integrity).length > 0) c.integrity = integrity
    if (c.specialties === undefined) c.specialties = []
    c.history = []
    c.kin = []
    c.assessments = []
    if (typeof c.id === 'string' && !byId.has(c.id)) byId.set(c.id, i)
    cadres.push(c)
  })
  return { cadres, byId }
}

function readTeams(teamSheet: Sheet, postSheet: Sheet | undefined, r: Reader) {
  const teams: Json[] = []
  const byId = new Map<string, number>()
  teamSheet.table.rows.forEach((row, i) => {
    const t: Json = { posts: [] }
    const at = (...p: (string | number)[]): Path => ['teams', i, ...p]
    r.places.set(pathKey(at()), r.cellPlace(teamSheet, row, null))
    r.put(t, 'id', at('id'), teamSheet, row, 'id', asText)
    r.put(t, 'name', at('name'), teamSheet, row, 'name', asText)
    r.put(t, 'kind', at('kind'), teamSheet, row, 'kind', code(wordsOf('teams', 'kind')))
    r.put(t, 'unit', at('unit'), teamSheet, row, 'unit', asText)
    r.put(t, 'locality', at('locality'), teamSheet, row, 'locality', asText)
    const area: Json = {}
    r.put(
      area,
      'ethnicAutonomous',
      at('area', 'ethnicAutonomous'),
      teamSheet,
      row,
      'ethnicAutonomous',
      readBoolean,
    )
    r.put(
      area,
      'titularEthnicity',
      at('area', 'titularEthnicity'),
      teamSheet,
      row,
      'titularEthnicity',
      asText,
    )
    if (Object.keys(area).length > 0) t.area = area
    r.put(
      t,
      'needsTitularMember',
      at('needsTitularMember'),
      teamSheet,
      row,
      'needsTitularMember',
      readBoolean,
    )
    r.put(
      t,
      'needsNonPartyMember',
      at('needsNonPartyMember'),
      teamSheet,
      row,
      'needsNonPartyMember',
      readBoolean,
    )
    r.put(t, 'specialties', at('specialties'), teamSheet, row, 'specialties', asList)
    r.put(t, 'supervisedBy', at('supervisedBy'), teamSheet, row, 'supervisedBy', asList)
    if (typeof t.id === 'string' && !byId.has(t.id)) byId.set(t.id, i)
    teams.push(t)
  })
  const open: { team: number; post: number; id: unknown }[] = []
  let hasOpen = false
  postSheet?.table.rows.forEach((row) => {
    const teamCell = r.cell(postSheet, row, 'team')
    const ti = byId.get(text(teamCell))
    if (ti === undefined) {
      if (!isBlank(teamCell) || postSheet.index.has('team'))
        r.fail(postSheet, row, 'team', 'a team id of the teams sheet', teamCell)
      return
    }
    const posts = (teams[ti] as Json).posts as Json[]
    const pi = posts.length
    const p: Json = {}
    const at = (...q: (string | number)[]): Path => ['teams', ti, 'posts', pi, ...q]
    r.places.set(pathKey(at()), r.cellPlace(postSheet, row, null))
    r.put(p, 'id', at('id'), postSheet, row, 'id', asText)
    r.put(p, 'title', at('title'), postSheet, row, 'title', asText)
    r.put(p, 'kind', at('kind'), postSheet, row, 'kind', code(wordsOf('posts', 'kind')))
    r.put(p, 'rank', at('rank'), postSheet, row, 'rank', code(wordsOf('posts', 'rank')))
    r.put(p, 'specialties', at('specialties'), postSheet, row, 'specialties', asList)
    r.put(p, 'role', at('role'), postSheet, row, 'role', code(wordsOf('posts', 'role')))
    r.put(p, 'rotationExempt', at('rotationExempt'), postSheet, row, 'rotationExempt', readBoolean)
    const flag: Json = {}
    r.put(flag, 'open', at('open'), postSheet, row, 'open', readBoolean)
    if (postSheet.index.has('open')) hasOpen = true
    if (flag.open === true) open.push({ team: ti, post: pi, id: p.id })
    posts.push(p)
  })
  // Open posts in team order, as "all" lists them.
  open.sort((a, b) => a.team - b.team || a.post - b.post)
  return { teams, openPosts: hasOpen ? open.map((o) => o.id) : null }
}

function attach(
  sheet: Sheet | undefined,
  key: 'specialties' | 'history' | 'kin' | 'assessments',
  cadres: Json[],
  byId: Map<string, number>,
  r: Reader,
  fill: (entry: Json, at: (...p: (string | number)[]) => Path, row: TableRow) => void,
): void {
  // Rows of a specialties sheet replace the codes of the cadre's own 专业 cell.
  const replaced = new Set<number>()
  sheet?.table.rows.forEach((row) => {
    const cell = r.cell(sheet, row, 'cadre')
    const ci = byId.get(text(cell))
    if (ci === undefined) {
      r.fail(sheet, row, 'cadre', 'a cadre id of the cadres sheet', cell)
      return
    }
    if (key === 'specialties' && !replaced.has(ci)) {
      replaced.add(ci)
      ;(cadres[ci] as Json).specialties = []
    }
    const list = (cadres[ci] as Json)[key] as Json[]
    const at = (...p: (string | number)[]): Path => ['cadres', ci, key, list.length, ...p]
    r.places.set(pathKey(at()), r.cellPlace(sheet, row, null))
    const entry: Json = {}
    fill(entry, at, row)
    list.push(entry)
  })
}

/** A post's name as compared: folded (NFKC), blanks dropped; brackets kept (副旗长（农牧） is not 副旗长（城建交通）). */
const titleKey = (t: string): string => t.normalize('NFKC').replace(/\s+/g, '').toLowerCase()

/** What makes two posts of one team the same seat: everything but their id. */
const seatOf = (p: Json): string =>
  JSON.stringify([p.kind, p.rank, p.specialties ?? [], p.role ?? null, p.rotationExempt ?? false])

/**
 * Matches 现任职务 text to a post: the team's name and the post's title,
 * written together. Several posts of a team under one title (two 副局长) are
 * taken in row order when they are the same seat (kind, rank, specialties,
 * role, rotation exemption), skipping posts already held by id; posts that
 * differ under one title need the post id.
 */
function matchTitles(cadreSheet: Sheet, cadres: Json[], teams: Json[], r: Reader): void {
  const byTitle = new Map<string, Json[]>()
  for (const t of teams)
    for (const p of (t.posts as Json[]) ?? []) {
      if (typeof t.name !== 'string' || typeof p.id !== 'string') continue
      const key = titleKey(`${t.name}${typeof p.title === 'string' ? p.title : p.id}`)
      byTitle.set(key, [...(byTitle.get(key) ?? []), p])
    }
  const taken = new Set<unknown>(cadres.map((c) => (c.currentPost as Json | undefined)?.postId))
  cadres.forEach((c, i) => {
    const post = c.currentPostTitle as Json | undefined
    if (post === undefined) return
    delete c.currentPostTitle
    const row = cadreSheet.table.rows[i] as TableRow
    const cell = r.cell(cadreSheet, row, 'currentPostTitle')
    const posts = byTitle.get(titleKey(text(cell))) ?? []
    const fail = (expected: string) => r.fail(cadreSheet, row, 'currentPostTitle', expected, cell)
    if (posts.length === 0)
      fail('a team name and post title of the posts sheet, e.g. 和溪镇党委书记 (or give 现任岗位编号)')
    else if (posts.some((p) => seatOf(p) !== seatOf(posts[0] as Json)))
      fail(
        `one post (${posts.length} posts differing in kind, rank, specialties or role share this name: give 现任岗位编号)`,
      )
    else {
      const free = posts.find((p) => !taken.has(p.id))
      if (free === undefined) fail(`a post not yet held (all ${posts.length} posts of this name are)`)
      else {
        taken.add(free.id)
        c.currentPost = { ...post, postId: free.id }
      }
    }
  })
}

/**
 * Fills the cadres the forms match with what the form carries and the sheets
 * left empty. A form that matches no cadre is a warning; one that matches two
 * (same name and birth) is an issue; lines of a form that could not be read
 * are warnings with their field and text.
 */
function mergeForms(files: readonly RosterFile[], cadres: Json[], r: Reader): void {
  // Names compared without blanks: rosters pad two-character names to the width of three (张 三 with a full-width blank).
  const nameKey = (name: string): string => name.replace(/\s/g, '')
  const byName = new Map<string, number[]>()
  cadres.forEach((c, i) => {
    if (typeof c.name === 'string') byName.set(nameKey(c.name), [...(byName.get(nameKey(c.name)) ?? []), i])
  })
  const matches = (name: string, birth: string | null): number[] =>
    (byName.get(nameKey(name)) ?? []).filter((i) => birth === null || (cadres[i] as Json).birth === birth)
  const at = (file: string, element: string): Place => ({
    source: file,
    row: null,
    column: null,
    header: element,
  })
  for (const file of files) {
    const read = readLrmx(file.data, file.name)
    if (read._tag === 'Left') {
      for (const i of read.left.issues)
        r.issues.push(
          rosterIssue(
            at(file.name, i.field ?? '(form)'),
            i.expected,
            i.text === '' ? 'nothing' : JSON.stringify(i.text),
          ),
        )
      continue
    }
    const { form, unread } = read.right
    for (const u of unread)
      r.warnings.push({ source: file.name, message: `${u.field ?? ''}: not read: ${u.text}` })
    const found = matches(form.name, form.birth)
    if (found.length !== 1) {
      if (found.length === 0)
        r.warnings.push({
          source: file.name,
          message: `form of ${form.name} matches no cadre of the roster: not read`,
        })
      else
        r.issues.push(
          rosterIssue(
            at(file.name, 'XingMing'),
            'a form that matches one cadre (name and birth month)',
            `${found.length} cadres named ${JSON.stringify(form.name)}`,
          ),
        )
      continue
    }
    const ci = found[0] as number
    const c = cadres[ci] as Json
    const fill = (key: string, element: string, value: unknown) => {
      r.places.set(pathKey(['cadres', ci, key]), at(file.name, element))
      c[key] = value
    }
    if ((c.history as Json[]).length === 0 && form.history.length > 0)
      fill(
        'history',
        'JianLi',
        form.history.map((h) => ({ ...h })),
      )
    if ((c.assessments as Json[]).length === 0 && form.assessments.length > 0)
      fill(
        'assessments',
        'NianDuKaoHeJieGuo',
        form.assessments.map((a) => ({ ...a })),
      )
    if ((c.kin as Json[]).length === 0) {
      const kin: Json[] = []
      for (const m of form.family) {
        if (m.relation === null) continue
        const k = matches(m.name, m.birth).filter((i) => i !== ci)
        if (k.length === 1) kin.push({ cadreId: (cadres[k[0] as number] as Json).id, relation: m.relation })
      }
      if (kin.length > 0) fill('kin', 'JiaTingChengYuan', kin)
    }
    if (c.workStart === undefined && form.workStart !== null)
      fill('workStart', 'CanJiaGongZuoShiJian', form.workStart)
    if (c.partyJoined === undefined && form.partyJoined !== null)
      fill('partyJoined', 'RuDangShiJian', form.partyJoined)
    if (c.hometown === undefined && form.ancestralHome !== '') fill('hometown', 'JiGuan', form.ancestralHome)
  }
}

/** A policy value as typed in its cell: numbers, 是/否 or true/false, JSON (`[…]`, `{…}`, `"…"`), `null`, else text. */
function policyValue(cell: Cell): Read<unknown> {
  if (typeof cell === 'number' || typeof cell === 'boolean') return { ok: true, value: cell }
  const t = text(cell)
  if (/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t)) return { ok: true, value: Number(t) }
  const yes = readBoolean(t)
  if (yes.ok) return yes
  if (t === 'null') return { ok: true, value: null }
  if (/^[[{"]/.test(t))
    try {
      return { ok: true, value: JSON.parse(t) as unknown }
    } catch {
      return { ok: false, expected: 'JSON (a list, an object or a quoted text)' }
    }
  return { ok: true, value: t }
}

/** Keys no setting has, which would write into every object's prototype. */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/** The policy sheet: one row per setting, its path (`structure.women.min`) and its value. */
function readPolicy(sheet: Sheet, r: Reader): Json {
  const policy: Json = {}
  for (const row of sheet.table.rows) {
    const pathCell = r.cell(sheet, row, 'path')
    const path = text(pathCell)
      .split('.')
      .map((k) => k.trim())
    // A key that names a property of every object (`__proto__`, `constructor`) is no setting, and
    // written into `policy` it would reach every object of the process.
    if (path.some((k) => k === '' || UNSAFE_KEYS.has(k))) {
      r.fail(sheet, row, 'path', 'a setting of the policy, e.g. structure.women.min', pathCell)
      continue
    }
    const valueCell = r.cell(sheet, row, 'value')
    const value = policyValue(valueCell)
    if (!value.ok) {
      r.fail(sheet, row, 'value', value.expected, valueCell)
      continue
    }
    let node = policy
    let clash = false
    for (const key of path.slice(0, -1)) {
      const next = Object.hasOwn(node, key) ? node[key] : undefined
      if (next === undefined) node = node[key] = {}
      else if (typeof next === 'object' && next !== null && !Array.isArray(next)) node = next as Json
      else clash = true
      if (clash) break
    }
    const leaf = path[path.length - 1] as string
    if (clash || (typeof node[leaf] === 'object' && node[leaf] !== null)) {
      r.fail(sheet, row, 'path', 'a setting not given twice (a row above sets it, or a part of it)', pathCell)
      continue
    }
    node[leaf] = value.value
    r.places.set(pathKey(['policy', ...path]), r.cellPlace(sheet, row, 'value'))
  }
  return policy
}

/** `over` on top of `base`, object by object. */
function merged(base: unknown, over: unknown): unknown {
  const plain = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x)
  if (!plain(base) || !plain(over)) return over
  const out: Json = { ...base }
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? merged(base[k], v) : v
  return out
}

/** The longest prefix of a path that has a place. */
function placeOf(path: Path, r: Reader): { place: Place; key: string } | null {
  for (let n = path.length; n > 0; n--) {
    const key = pathKey(path.slice(0, n))
    const place = r.places.get(key)
    if (place !== undefined) return { place, key }
  }
  return null
}

/**
 * Reads a county's roster from spreadsheets (XLSX or CSV, UTF-8 or GBK) into
 * a `Scenario`, through the same decoding and checks as a JSON scenario.
 *
 * Headers are Chinese or English (`COLUMNS` lists them; `options.headers`
 * adds more); the values clerks type are read as they mean (男/女,
 * 中共党员/群众/民革…, 大学/研究生, 正科级, 1985.03 / 1985-03 / 1985年3月 /
 * 198503 / date cells). Never throws on bad data: every bad cell comes back
 * in one `InvalidRoster`, each with its file, sheet, row, column and header;
 * columns and sheets it does not read come back as warnings beside the
 * scenario.
 *
 * @param sources - a workbook with a sheet per kind, and/or a file per kind
 * @param options - the round's month and county, the policy, the open posts
 * @returns the scenario and warnings, or every issue found
 * @category Roster
 * @example
 * const read = await readRoster(
 *   { workbook: { name: 'county.xlsx', data: readFileSync('county.xlsx') } },
 *   { asOf: '2026-12', county: '青山旗' },
 * )
 * if (read._tag === 'Left') for (const i of read.left.issues) console.error(i.message)
 */
export async function readRoster(
  sources: RosterSources,
  options: ReadRosterOptions,
): Promise<Either<InvalidRoster, RosterImport>> {
  const r = new Reader()
  const optionIssue = (what: string, expected: string, value: unknown) =>
    r.issues.push(
      rosterIssue({ source: 'options', row: null, column: what, header: null }, expected, renderValue(value)),
    )
  if (typeof sources !== 'object' || sources === null) {
    optionIssue('sources', 'an object of files ({ workbook } or { cadres, teams, posts, … })', sources)
    return left({ _tag: 'InvalidRoster', issues: r.issues })
  }
  if (typeof options !== 'object' || options === null) {
    optionIssue('options', 'an object with asOf and county', options)
    return left({ _tag: 'InvalidRoster', issues: r.issues })
  }
  const isFile = (f: unknown): boolean => {
    const x = f as Partial<RosterFile> | null
    return (
      typeof x === 'object' &&
      x !== null &&
      typeof x.name === 'string' &&
      (typeof x.data === 'string' || x.data instanceof Uint8Array)
    )
  }
  for (const [kind, file] of Object.entries(sources)) {
    if (kind === 'lrmx') {
      if (file !== undefined && !(Array.isArray(file) && file.every(isFile)))
        optionIssue(kind, 'a list of { name: string, data: Uint8Array | string }', file)
      continue
    }
    const f = file as Partial<RosterFile> | undefined
    if (f === undefined) continue
    if (
      typeof f !== 'object' ||
      f === null ||
      typeof f.name !== 'string' ||
      !(typeof f.data === 'string' || f.data instanceof Uint8Array)
    )
      optionIssue(kind, '{ name: string, data: Uint8Array | string }', file)
  }
  if (options.headers !== undefined && !isPlainRecord(options.headers))
    optionIssue(
      'headers',
      'an object of extra headers by sheet kind, e.g. { cadres: { name: ["名字"] } }',
      options.headers,
    )
  else if (options.headers !== undefined) {
    for (const [kind, fields] of Object.entries(options.headers)) {
      if (!SHEET_KINDS.includes(kind as SheetKind)) {
        optionIssue(`headers.${kind}`, `a sheet kind: ${SHEET_KINDS.join(', ')}`, kind)
        continue
      }
      const known = columnsOf(kind as SheetKind, undefined).map((c) => c.field)
      if (!isPlainRecord(fields)) {
        optionIssue(`headers.${kind}`, `an object of extra headers for ${known.join(', ')}`, fields)
        continue
      }
      for (const [field, names] of Object.entries(fields))
        if (!known.includes(field) || !Array.isArray(names) || !names.every((n) => typeof n === 'string'))
          optionIssue(`headers.${kind}.${field}`, `a list of headers for one of ${known.join(', ')}`, names)
    }
  }
  if (r.issues.length > 0) return left({ _tag: 'InvalidRoster', issues: r.issues })

  const sheets = await sheetsOf(sources, options, r)
  const cadreSheet = sheets.get('cadres')
  const teamSheet = sheets.get('teams')
  if (cadreSheet === undefined || teamSheet === undefined || r.issues.length > 0)
    return left({ _tag: 'InvalidRoster', issues: r.issues })

  const { cadres, byId } = readCadres(cadreSheet, r)
  const { teams, openPosts } = readTeams(teamSheet, sheets.get('posts'), r)
  // A 本轮调整 column left blank (the template has one) opens no post: said, as the round then staffs
  // nothing, where without the column it would re-staff every post.
  if (openPosts?.length === 0 && options.openPosts === undefined)
    r.warnings.push({
      source: sheets.get('posts')?.table.source ?? 'posts',
      message:
        'the open column (本轮调整) marks no post: this round staffs none; mark its posts 是, or leave the column out to re-staff every post',
    })
  matchTitles(cadreSheet, cadres, teams, r)
  attach(sheets.get('specialties'), 'specialties', cadres, byId, r, (e, at, row) => {
    const s = sheets.get('specialties') as Sheet
    r.put(e, 'code', at('code'), s, row, 'code', asText)
    r.put(e, 'degree', at('degree'), s, row, 'degree', readBoolean)
    r.put(e, 'years', at('years'), s, row, 'years', readNumber)
    r.put(e, 'achievements', at('achievements'), s, row, 'achievements', readNumber)
  })
  attach(sheets.get('history'), 'history', cadres, byId, r, (e, at, row) => {
    const s = sheets.get('history') as Sheet
    r.put(e, 'from', at('from'), s, row, 'from', asMonth)
    r.put(e, 'to', at('to'), s, row, 'to', asMonth)
    r.put(e, 'unit', at('unit'), s, row, 'unit', asText)
    r.put(e, 'post', at('post'), s, row, 'post', asText)
  })
  attach(sheets.get('kin'), 'kin', cadres, byId, r, (e, at, row) => {
    const s = sheets.get('kin') as Sheet
    r.put(e, 'cadreId', at('cadreId'), s, row, 'kin', asText)
    r.put(e, 'relation', at('relation'), s, row, 'relation', code(wordsOf('kin', 'relation')))
  })
  attach(sheets.get('assessments'), 'assessments', cadres, byId, r, (e, at, row) => {
    const s = sheets.get('assessments') as Sheet
    r.put(e, 'year', at('year'), s, row, 'year', readYear)
    r.put(e, 'grade', at('grade'), s, row, 'grade', code(wordsOf('assessments', 'grade')))
    r.put(e, 'score', at('score'), s, row, 'score', readNumber)
  })

  if (sources.lrmx !== undefined) mergeForms(sources.lrmx, cadres, r)
  const policySheet = sheets.get('policy')
  const sheetPolicy = policySheet === undefined ? undefined : readPolicy(policySheet, r)
  const policy =
    sheetPolicy === undefined
      ? options.policy
      : options.policy === undefined
        ? sheetPolicy
        : merged(sheetPolicy, options.policy)

  const raw = {
    asOf: options.asOf,
    county: options.county,
    cadres,
    teams,
    ...(policy === undefined ? {} : { policy }),
    openPosts: options.openPosts ?? openPosts ?? 'all',
    ...(options.locks === undefined ? {} : { locks: options.locks }),
    ...(options.forbidden === undefined ? {} : { forbidden: options.forbidden }),
    ...(options.recommendations === undefined ? {} : { recommendations: options.recommendations }),
  }
  const decoded = decodeScenarioWithWarnings(raw)
  if (isLeft(decoded)) {
    for (const i of decoded.left.issues) {
      const found = placeOf(i.path, r)
      if (found === null) {
        const source = i.path.length > 0 && ['cadres', 'teams'].includes(String(i.path[0])) ? null : 'options'
        r.issues.push(
          rosterIssue({ source, row: null, column: formatPath(i.path), header: null }, i.expected, i.got),
        )
        continue
      }
      if (r.reported.has(found.key)) continue
      r.issues.push(rosterIssue(found.place, i.expected, i.got))
    }
  }
  if (r.issues.length > 0 || isLeft(decoded)) return left({ _tag: 'InvalidRoster', issues: r.issues })
  // What decoding finds odd (past retirement age, a hometown matching no locality, …), at its cell.
  for (const w of decoded.right.warnings) {
    const found = w.paths[0] === undefined ? null : placeOf(w.paths[0], r)
    const place = found?.place ?? { source: null, row: null, column: null, header: null }
    const at = placeText({ ...place, source: '' }).replace(/^(, )?/, '')
    const prefix = at === '' ? '' : `${at}: `
    r.warnings.push({ source: place.source ?? 'roster', message: `${prefix}${w.message.en}`, code: w.code })
  }
  return right({ scenario: decoded.right.scenario, warnings: r.warnings })
}
