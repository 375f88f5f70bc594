/**
 * `banzi/roster`: a county's roster from the spreadsheets a department keeps
 * (XLSX or CSV, UTF-8 or GBK) into a `Scenario` and back, and the
 * appointment-and-removal forms (干部任免审批表) as LRMX files. A separate entry point
 * because it brings exceljs, csv-parse, fast-xml-parser and iconv-lite, which the engine does
 * not need (and a browser bundle of the engine should not carry).
 *
 * @example
 * import { readRoster } from 'banzi/roster'
 * const read = await readRoster(
 *   { workbook: { name: 'county.xlsx', data: readFileSync('county.xlsx') } },
 *   { asOf: '2026-12', county: '青山旗' },
 * )
 *
 * @module
 */
export {
  readRoster,
  type InvalidRoster,
  type ReadRosterOptions,
  type RosterFile,
  type RosterImport,
  type RosterIssue,
  type RosterSources,
  type RosterWarning,
} from './io/roster/read.js'
export {
  COLUMNS,
  SHEET_KINDS,
  SHEET_NAMES,
  type ColumnSpec,
  type HeaderExtensions,
  type SheetKind,
} from './io/roster/headers.js'
export { rosterTemplate, writeRoster } from './io/roster/write.js'
export { writeProposal, type InvalidProposalInput, type WriteProposalOptions } from './report/workbook.js'
export type { Cell } from './io/roster/values.js'
export type { CsvEncoding } from './io/roster/tables.js'
export { readLrmx, writeLrmx, type InvalidLrmx, type LrmxIssue, type LrmxRead } from './io/lrmx/lrmx.js'
export {
  formOfCadre,
  readLrmxFolder,
  type LrmxFolder,
  type LrmxKinLink,
  type UnknownCadre,
} from './io/lrmx/folder.js'
export type { LrmxEducation, LrmxForm, LrmxRelative } from './io/lrmx/form.js'
