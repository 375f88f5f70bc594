/**
 * The reading of a roster's cells: where each value came from (file, sheet,
 * row, column, header), the issues and warnings gathered on the way, and the
 * cell readers the sheets share.
 *
 * @module
 */
import { renderValue } from '../errors.js'
import type { Path } from '../path.js'
import type { SheetKind } from './headers.js'
import { columnLetter, type Table, type TableRow } from './tables.js'
import { folded, isBlank, items, readCode, readMonth, text, type Cell, type Read } from './values.js'
import type { RosterIssue, RosterWarning } from './types.js'

/** A row read into the input format, before decoding. */
export type Json = Record<string, unknown>

export interface Place {
  readonly source: string | null
  readonly row: number | null
  readonly column: string | null
  readonly header: string | null
}

export const placeText = (p: Place): string => {
  if (p.source === null) return 'roster'
  const parts = [p.source]
  if (p.row !== null) parts.push(`row ${p.row}`)
  if (p.column !== null) parts.push(`column ${p.column}${p.header === null ? '' : ` (${p.header})`}`)
  else if (p.header !== null) parts.push(p.header)
  return parts.join(', ')
}

/** Where in its file a place is (`row 4, column K (籍贯)`), or '' when nowhere in particular. */
export const placeInFile = (p: Place): string => placeText({ ...p, source: '' }).replace(/^(, )?/, '')

export function rosterIssue(place: Place, expected: string, got: string): RosterIssue {
  return { ...place, got, expected, message: `${placeText(place)}: expected ${expected}, got ${got}` }
}

/** A sheet with its columns resolved: field → column index. */
export interface Sheet {
  readonly kind: SheetKind
  readonly table: Table
  readonly index: ReadonlyMap<string, number>
}

export class Reader {
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

export const pathKey = (path: Path): string => path.join('.')

const renderCell = (cell: Cell): string =>
  cell === null ? 'nothing' : cell instanceof Date ? `date ${text(cell)}` : renderValue(cell)

/** Stored text (ids, names, titles, units, places): as written, surrounding blanks trimmed. */
export const asText = (cell: Cell): Read<string> => ({ ok: true, value: text(cell) })
/** A coded value the decoder matches (民族: 蒙古族, mongol, 01): full-width forms folded (NFKC). */
export const asFolded = (cell: Cell): Read<string> => ({ ok: true, value: folded(cell) })
export const asList = (cell: Cell): Read<string[]> => ({ ok: true, value: items(cell) })
export const asMonth = (cell: Cell, format: string | undefined): Read<string> => readMonth(cell, format)
export const code =
  <A extends string>(words: Readonly<Record<A, readonly string[]>>) =>
  (cell: Cell): Read<A> =>
    readCode(cell, words)
export const codes =
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
