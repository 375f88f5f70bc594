/**
 * The public types of `readRoster`: what it reads, its options, and what it
 * answers (the scenario and warnings, or every issue found).
 *
 * @module
 */
import type { Scenario } from '../../domain/types.js'
import type { WarningCode } from '../../domain/codes.js'
import type { HeaderExtensions } from './headers.js'

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
   * column says (posts marked 是), or every post when it has no such column:
   * in team order, or in the order its 调整顺序 column numbers them (the
   * order proposals list the posts in).
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
