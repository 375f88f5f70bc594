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
import { decodeScenarioWithWarnings } from '../warnings.js'
import { renderValue } from '../errors.js'
import { isPlainRecord } from '../combinators.js'
import { formatPath, type Path } from '../path.js'
import { columnsOf, SHEET_KINDS, type SheetKind } from './headers.js'
import { readBoolean, readNumber, readYear } from './values.js'
import {
  asMonth,
  asText,
  code,
  pathKey,
  placeInFile,
  Reader,
  rosterIssue,
  type Place,
  type Sheet,
} from './reader.js'
import { sheetsOf } from './sheets.js'
import { attach, matchTitles, readCadres, readTeams } from './rows.js'
import { mergeForms } from './forms.js'
import { leavesOver, merged, readPolicy } from './policy-sheet.js'
import { wordsOf } from './headers.js'
import type { InvalidRoster, ReadRosterOptions, RosterFile, RosterImport, RosterSources } from './types.js'

export type {
  InvalidRoster,
  ReadRosterOptions,
  RosterFile,
  RosterImport,
  RosterIssue,
  RosterSources,
  RosterWarning,
} from './types.js'

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
  // A setting options.policy gives is its own, not the sheet's cell it replaced: a bad value there
  // is placed at 'options' (column: its path), and so is anything below it the sheet had set.
  if (sheetPolicy !== undefined && options.policy !== undefined)
    for (const leaf of leavesOver(sheetPolicy, options.policy, ['policy'])) {
      const key = pathKey(leaf)
      for (const k of [...r.places.keys()]) if (k === key || k.startsWith(`${key}.`)) r.places.delete(k)
      r.places.set(key, { source: 'options', row: null, column: formatPath(leaf), header: null })
    }

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
      // Of an options setting, the issue's own path (a list's item, say), as for options not placed.
      const place =
        found.place.source === 'options' ? { ...found.place, column: formatPath(i.path) } : found.place
      r.issues.push(rosterIssue(place, i.expected, i.got))
    }
  }
  if (r.issues.length > 0 || isLeft(decoded)) return left({ _tag: 'InvalidRoster', issues: r.issues })
  // What decoding finds odd (past retirement age, a hometown matching no locality, …), at its cell.
  for (const w of decoded.right.warnings) {
    const found = w.paths[0] === undefined ? null : placeOf(w.paths[0], r)
    const place = found?.place ?? { source: null, row: null, column: null, header: null }
    const at = placeInFile(place)
    const prefix = at === '' ? '' : `${at}: `
    r.warnings.push({ source: place.source ?? 'roster', message: `${prefix}${w.message.en}`, code: w.code })
  }
  return right({ scenario: decoded.right.scenario, warnings: r.warnings })
}
