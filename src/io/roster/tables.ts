/**
 * Sheets and CSV files as tables of cells: XLSX through exceljs, CSV through
 * csv-parse, its encoding detected (UTF-8 with or without a byte-order mark,
 * UTF-16 with one, either byte order, otherwise GBK/GB 18030 through
 * iconv-lite) and its delimiter too (a comma, or a tab).
 *
 * @module
 */
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { CSV_TEXT, type Cell } from './values.js'

/** One sheet or CSV file as read: where it came from, its header row, its rows. @internal */
export interface Table {
  /** The file, and the sheet for a workbook: `county.xlsx#干部`, `cadres.csv`. */
  readonly source: string
  /** Sheet name (the file name for a CSV file). */
  readonly sheet: string
  readonly header: readonly string[]
  /** Data rows below the header, each with its 1-based row number in the sheet. */
  readonly rows: readonly TableRow[]
}

/**
 * A data row: its cells and row number; `formats` holds the number formats of
 * number cells (XLSX), or `CSV_TEXT` for every cell of a CSV file. @internal
 */
export interface TableRow {
  readonly row: number
  readonly cells: readonly Cell[]
  readonly formats?: readonly (string | undefined)[]
}

/** The text encodings CSV files are read in. @category Roster */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gbk'

/** Whether the bytes are a zip archive (an XLSX workbook). @internal */
export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

/** Text of CSV bytes and the encoding found. @internal */
export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gbk' }
  }
}

const blankRow = (cells: readonly Cell[]): boolean =>
  cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))

/** Splits the first non-blank row off as the header. */
function table(source: string, sheet: string, rows: TableRow[]): Table {
  const first = rows.findIndex((r) => !blankRow(r.cells))
  if (first < 0) return { source, sheet, header: [], rows: [] }
  const header = (rows[first] as TableRow).cells.map((c) => (c === null ? '' : String(c).trim()))
  return { source, sheet, header, rows: rows.slice(first + 1).filter((r) => !blankRow(r.cells)) }
}

/**
 * The field delimiter of a CSV file: a tab when its first non-blank line has
 * more tabs than commas (Excel's "Unicode text" export, tab-separated), else
 * a comma. @internal
 */
export function delimiterOf(text: string): '\t' | ',' {
  const first = text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? ''
  const count = (ch: string) => first.split(ch).length - 1
  return count('\t') > count(',') ? '\t' : ','
}

/**
 * The text of a cell written `="…"`, as exports write a value that Excel must
 * keep as text (`="1985.10"`, `="00123"`); any other cell as it is. @internal
 */
export const unwrapFormula = (cell: string): string => {
  const m = /^="(.*)"$/s.exec(cell)
  return m === null ? cell : m[1]!.replace(/""/g, '"')
}

/**
 * A CSV file (comma- or tab-separated) as a table; throws on text csv-parse
 * cannot read (the caller reports it). Every cell carries {@link CSV_TEXT} as
 * its format: its text may be a number as Excel wrote it. @internal
 */
export function readCsv(name: string, bytes: Uint8Array): { table: Table; encoding: CsvEncoding } {
  const { text, encoding } = decodeText(bytes)
  const records = parse(text, {
    relax_column_count: true,
    // A quote inside a field that does not begin with one is kept: `="1985.10"` (see unwrapFormula).
    relax_quotes: true,
    skip_empty_lines: false,
    bom: true,
    delimiter: delimiterOf(text),
  }) as string[][]
  const rows = records.map((cells, i): TableRow => ({
    row: i + 1,
    cells: cells.map(unwrapFormula),
    formats: cells.map(() => CSV_TEXT),
  }))
  return { table: table(name, name, rows), encoding }
}

/** A cell of exceljs as a plain cell: rich text joined, formulas by their result, links by their text. */
function plain(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (value instanceof Date) return value
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((r) => r.text).join('')
    if ('result' in value) return plain(value.result as ExcelJS.CellValue)
    if ('formula' in value || 'sharedFormula' in value) return null
    if ('text' in value) return plain(value.text as ExcelJS.CellValue)
    if ('error' in value) return String(value.error)
  }
  return null
}

/** Every sheet of an XLSX workbook as a table; rejects bytes exceljs cannot read. @internal */
export async function readXlsx(name: string, bytes: Uint8Array): Promise<Table[]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  const tables: Table[] = []
  workbook.eachSheet((sheet) => {
    const rows: TableRow[] = []
    const width = sheet.columnCount
    sheet.eachRow({ includeEmpty: false }, (r, rowNumber) => {
      const cells: Cell[] = []
      const formats: (string | undefined)[] = []
      for (let c = 1; c <= width; c++) {
        const cell = r.getCell(c)
        cells.push(plain(cell.value))
        formats.push(typeof cell.value === 'number' ? cell.numFmt : undefined)
      }
      rows.push({ row: rowNumber, cells, formats })
    })
    tables.push(table(`${name}#${sheet.name}`, sheet.name, rows))
  })
  return tables
}

/** Column letters of a 0-based column index: 0 → A, 27 → AB. @internal */
export function columnLetter(index: number): string {
  let n = index + 1
  let out = ''
  while (n > 0) {
    const r = (n - 1) % 26
    out = String.fromCharCode(65 + r) + out
    n = Math.floor((n - 1) / 26)
  }
  return out
}
