/**
 * A roster's files read into sheets: each table's kind (by its sheet or
 * file), its header row (below any title rows), and its columns resolved to
 * the fields they hold.
 *
 * @module
 */
import { columnsOf, headerKey, SHEET_KINDS, SHEET_NAMES, sheetKindOf, type SheetKind } from './headers.js'
import { columnLetter, isZip, readCsv, readXlsx, type Table, type TableRow } from './tables.js'
import type { Cell } from './values.js'
import { rosterIssue, type Reader, type Sheet } from './reader.js'
import type { ReadRosterOptions, RosterFile, RosterSources } from './types.js'

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

export async function sheetsOf(sources: RosterSources, options: ReadRosterOptions, r: Reader) {
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
