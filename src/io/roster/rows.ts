/**
 * The rows of the cadres, teams and posts sheets, and of the sheets listed
 * under a cadre (specialties, work history, kin, assessments), read into the
 * input format at their cells; 现任职务 text matched to its post.
 *
 * @module
 */
import type { Path } from '../path.js'
import { wordsOf } from './headers.js'
import type { TableRow } from './tables.js'
import { isBlank, readBoolean, readOrdinal, text } from './values.js'
import { readIdNumber } from './id-number.js'
import { EDUCATION_LEVELS } from '../../domain/types.js'
import {
  asFolded,
  asList,
  asMonth,
  asText,
  code,
  codes,
  pathKey,
  placeInFile,
  type Json,
  type Reader,
  type Sheet,
} from './reader.js'

const LEVEL_RANK = (level: string): number => EDUCATION_LEVELS.indexOf(level as never)

/**
 * The 身份证号 of a cadre's row against the birth month and gender the row
 * gives: a disagreement, or a number that cannot be read, is a warning at
 * the cell (the cadre file's dates rule, 以档案为准, so the roster's are
 * kept); a masked number is left alone. The number is never kept nor
 * written in a message.
 */
function checkIdNumber(c: Json, sheet: Sheet, row: TableRow, r: Reader): void {
  const cell = r.cell(sheet, row, 'idNumber')
  if (isBlank(cell)) return
  const id = readIdNumber(text(cell))
  if (id.kind === 'masked') return
  const where = placeInFile(r.cellPlace(sheet, row, 'idNumber'))
  if (id.kind === 'unreadable') {
    r.warnings.push({ source: sheet.table.source, message: `${where}: not an identity number: ${id.why}` })
    return
  }
  const says: string[] = []
  if (typeof c.birth === 'string' && c.birth !== id.birth)
    says.push(`born ${id.birth}, where 出生年月 says ${c.birth}`)
  if (typeof c.gender === 'string' && c.gender !== id.gender)
    says.push(`${id.gender === 'male' ? 'a man' : 'a woman'}, where 性别 says ${c.gender}`)
  if (says.length > 0)
    r.warnings.push({
      source: sheet.table.source,
      message: `${where}: the identity number says ${says.join(' and ')}; the roster's values are used (check which is right)`,
    })
}

export function readCadres(sheet: Sheet, r: Reader): { cadres: Json[]; byId: Map<string, number> } {
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
    r.put(c, 'ethnicity', at('ethnicity'), sheet, row, 'ethnicity', asFolded)
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
    checkIdNumber(c, sheet, row, r)
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

export function readTeams(teamSheet: Sheet, postSheet: Sheet | undefined, r: Reader) {
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
      asFolded,
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
  const open: { team: number; post: number; id: unknown; order: number }[] = []
  let hasOpen = false
  let ordered = false
  /** Each 调整顺序 number given, with the row that gave it first. */
  const orders = new Map<number, number>()
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
    // Without an open column every post is open; 调整顺序 may still order them.
    const isOpen = postSheet.index.has('open') ? flag.open === true : true
    r.put(flag, 'order', at('openOrder'), postSheet, row, 'openOrder', readOrdinal)
    const order = flag.order as number | undefined
    if (order !== undefined) {
      const cell = r.cell(postSheet, row, 'openOrder')
      const first = orders.get(order)
      if (!isOpen) {
        // A post whose 本轮调整 cell cannot be read is reported there, once.
        if (!r.reported.has(pathKey(at('open'))))
          r.fail(
            postSheet,
            row,
            'openOrder',
            'nothing: the post is not open this round (本轮调整 is not 是)',
            cell,
          )
      } else if (first !== undefined)
        r.fail(postSheet, row, 'openOrder', `a number no other post has (row ${first} has ${order})`, cell)
      else {
        orders.set(order, row.row)
        ordered = true
      }
    }
    if (isOpen) open.push({ team: ti, post: pi, id: p.id, order: order ?? Infinity })
    posts.push(p)
  })
  // Open posts in the order 调整顺序 gives (the order proposals list them in), those it does not number
  // after them in team order, as "all" lists them.
  open.sort((a, b) =>
    a.order !== b.order ? (a.order < b.order ? -1 : 1) : a.team - b.team || a.post - b.post,
  )
  return { teams, openPosts: hasOpen || ordered ? open.map((o) => o.id) : null }
}

export function attach(
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
export function matchTitles(cadreSheet: Sheet, cadres: Json[], teams: Json[], r: Reader): void {
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
