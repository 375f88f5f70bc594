/**
 * A proposal (or a ranking) written as the workbook a department files: a
 * summary, one sheet per kind of team with every post of the teams the round
 * touches before and after (changes highlighted, each explained), the
 * independent validator's findings, and for a ranking the differences of each
 * proposal from the best.
 *
 * @module
 */
import ExcelJS from 'exceljs'
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import { validateProposal } from '../check/index.js'
import {
  CHANGE_LABELS,
  RULE_LABELS,
  STATUS_LABELS,
  TEAM_KIND_LABELS,
  UI_WORDS,
  wordsIn,
  type Label,
  type Lang,
  type UiWord,
} from '../domain/codes.js'
import type { PenaltyPaid, Proposal, Violation } from '../domain/proposal.js'
import type { Scenario, TeamKind } from '../domain/types.js'
import type { Explanation, RankedProposal, RunnerUp } from '../proposals/index.js'
import { anyOption, checkOptions, oneOfOption, type OptionSpec, scenarioIssue } from '../io/door.js'
import { proposalProblem, rankedProblem, sheetExplanationProblem } from './door.js'
import { stable } from '../io/roster/write.js'
import { cadreNames, fixed, namedText, postNames, runnerUpReason } from './words.js'

/** Options of {@link writeProposal}. @category Roster */
export interface WriteProposalOptions {
  /** Language of the labels. @defaultValue 'zh' */
  readonly lang?: 'zh' | 'en'
  /** The proposal's explanation (`explainProposal`): runners-up of each post in its 说明 column. */
  readonly explanation?: Explanation
}

/** Why a proposal workbook was not written. @category Roster */
export interface InvalidProposalInput {
  readonly _tag: 'InvalidProposalInput'
  readonly message: string
}

/** The checks of {@link WriteProposalOptions}' keys; the explanation's, deeper, after (`sheetExplanationProblem`). */
const WRITE_PROPOSAL_OPTION_SPEC: OptionSpec = {
  lang: oneOfOption(['zh', 'en']),
  explanation: anyOption,
}

/**
 * The label of `value` in `labels`, or the value itself when it has none (the
 * door refuses a proposal with a status or change this version does not know).
 */
const labelIn = (labels: Readonly<Record<string, Label>>, value: string, lang: Lang): string =>
  Object.hasOwn(labels, value) ? labels[value]![lang] : value

/** The columns of the team sheets, the validation sheet and the ranking sheet. */
const COLUMNS = {
  team: [
    'team',
    'post',
    'postId',
    'before',
    'after',
    'cadreId',
    'change',
    'leaves',
    'fit',
    'specialty',
    'assessment',
    'experience',
    'age',
    'combinedComponent',
    'supportComponent',
    'explanation',
  ],
  validation: ['rule', 'team', 'postHeld', 'cadre', 'message'],
  penalties: ['rule', 'team', 'postHeld', 'cadre', 'shortfall', 'penalty'],
  ranking: ['rank', 'objective', 'status', 'behindBest', 'postsDiffering', 'postHeld', 'best', 'thisOne'],
} as const satisfies Record<string, readonly UiWord[]>

/** The header of a sheet; the team sheets' combined and support columns only when the policy weighs them. */
const columns = (
  which: keyof typeof COLUMNS,
  lang: Lang,
  shown: (w: UiWord) => boolean = () => true,
): string[] => COLUMNS[which].filter(shown).map((w) => UI_WORDS[w][lang])

const HIGHLIGHT: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } }
const ALERT: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8CBAD' } }
/** A number a cell holds in full, shown to a format (`0.0`, `0.00`, `0.0000%`): sums of the cells are the totals. */
interface Num {
  readonly num: number | null | undefined
  readonly fmt: string
}
const n1 = (x: number | null | undefined): Num => ({ num: x, fmt: '0.0' })
const n2 = (x: number | null | undefined): Num => ({ num: x, fmt: '0.00' })
type Cell = string | number | Num

/** Adds a row: a {@link Num} as its full value with its format (`—` when it is not a finite number). */
function addRow(ws: ExcelJS.Worksheet, cells: readonly Cell[]): ExcelJS.Row {
  const row = ws.addRow(
    cells.map((c) =>
      typeof c !== 'object' ? c : typeof c.num === 'number' && Number.isFinite(c.num) ? c.num : '—',
    ),
  )
  cells.forEach((c, i) => {
    if (typeof c === 'object' && typeof c.num === 'number' && Number.isFinite(c.num))
      row.getCell(i + 1).numFmt = c.fmt
  })
  return row
}

function header(ws: ExcelJS.Worksheet, names: readonly string[]): void {
  ws.addRow([...names])
  ws.getRow(ws.rowCount).font = { bold: true }
  ws.views = [{ state: 'frozen', ySplit: ws.rowCount }]
  names.forEach((n, i) => (ws.getColumn(i + 1).width = Math.max(8, n.length * 2 + 2)))
}

function why(r: RunnerUp, lang: Lang, name: (id: string) => string, title: (id: string) => string): string {
  const reason = runnerUpReason(r.outcome, lang, title)
  return `${name(r.cadreId)} (${fixed(r.fit, 1)}, ${r.outcome._tag === 'Blocked' ? `${UI_WORDS.notEligible[lang]}: ${reason}` : reason})`
}

function summary(wb: ExcelJS.Workbook, p: Proposal, violations: readonly Violation[], lang: Lang): void {
  const t = wordsIn(lang)
  const ws = wb.addWorksheet(t.summary)
  // Changes as the report and the command line count them: a cadre who stays is no change.
  const counts = new Map<string, number>()
  for (const a of p.assignments)
    if (a.change !== 'stays') counts.set(a.change, (counts.get(a.change) ?? 0) + 1)
  const rows: [string, Cell][] = [
    [t.status, labelIn(STATUS_LABELS, p.status, lang)],
    [t.objective, n2(p.objective)],
    [t.bound, n2(p.bound)],
    [t.gap, { num: p.gap, fmt: '0.0000%' }],
    [t.totalFit, n2(p.parts.fit)],
    [t.vacancyPenalties, n2(p.parts.vacancies)],
    [t.softPenalties, n2(p.parts.penalties)],
    ...[...counts].map(([c, n]): [string, number] => [`${t.changes}: ${labelIn(CHANGE_LABELS, c, lang)}`, n]),
    [t.leaving, p.moves.filter((m) => m.toPostId === null && m.fromPostId !== null).length],
    [t.validatorViolations, violations.length],
  ]
  for (const r of rows) addRow(ws, r)
  ws.getColumn(1).width = 24
  ws.getColumn(2).width = 18
  if (violations.length > 0) ws.getRow(rows.length).getCell(2).fill = ALERT
}

function teamSheets(
  wb: ExcelJS.Workbook,
  scenario: Scenario,
  p: Proposal,
  violations: readonly Violation[],
  lang: Lang,
  explanation: Explanation | undefined,
): void {
  const t = wordsIn(lang)
  const name = namer(scenario, lang)
  const title = titler(scenario, lang)
  const leaving = new Set(
    p.moves.flatMap((m) => (m.toPostId === null && m.fromPostId !== null ? [m.fromPostId] : [])),
  )
  const holder = new Map(
    scenario.cadres.flatMap((c) => (c.currentPost === null ? [] : [[c.currentPost.postId, c.id]])),
  )
  const byPost = new Map(p.assignments.map((a) => [a.postId, a]))
  const explained = new Map((explanation?.posts ?? []).map((e) => [e.postId, e]))
  // The optional fit components have a column when the policy weighs them (the fit shows them then).
  const weights = scenario.policy.fit.weights
  const shown = (w: UiWord) =>
    (w !== 'combinedComponent' || weights.combined > 0) && (w !== 'supportComponent' || weights.support > 0)
  const notesAt = columns('team', lang, shown).length
  const found = new Map<string, Violation[]>()
  for (const v of violations) if (v.postId !== null) found.set(v.postId, [...(found.get(v.postId) ?? []), v])
  const touched = new Set(p.assignments.map((a) => a.teamId))
  const kinds = [...new Set(scenario.teams.filter((x) => touched.has(x.id)).map((x) => x.kind))]
  for (const kind of kinds as TeamKind[]) {
    const ws = wb.addWorksheet(TEAM_KIND_LABELS[kind][lang])
    header(ws, columns('team', lang, shown))
    ws.getColumn(notesAt).width = 60
    for (const team of scenario.teams) {
      if (team.kind !== kind || !touched.has(team.id)) continue
      for (const post of team.posts) {
        const a = byPost.get(post.id)
        const before = holder.get(post.id) ?? null
        const c = a?.components ?? null
        const notes: string[] = []
        if (a === undefined) notes.push(t.notOpen)
        const e = explained.get(post.id)
        if (e !== undefined && e.runnersUp.length > 0)
          notes.push(
            `${t.otherCandidates}: ${e.runnersUp.map((r) => why(r, lang, (id) => name(id), title)).join('; ')}`,
          )
        for (const v of found.get(post.id) ?? []) notes.push(`[${RULE_LABELS[v.code][lang]}] ${v.message}`)
        const after = a === undefined ? before : a.cadreId
        const row = addRow(ws, [
          team.name,
          post.title,
          post.id,
          name(before),
          name(after),
          after ?? '',
          a === undefined ? '' : labelIn(CHANGE_LABELS, a.change, lang),
          // The holder before leaves the teams (to no post of theirs).
          leaving.has(post.id) ? t.leaves : '',
          a === undefined || a.cadreId === null ? '' : n1(a.fit),
          c === null ? '' : n2(c.specialty),
          c === null ? '' : n2(c.assessment),
          c === null ? '' : n2(c.experience),
          c === null ? '' : n2(c.age),
          ...(weights.combined > 0 ? [c === null ? '' : n2(c.combined)] : []),
          ...(weights.support > 0 ? [c === null ? '' : n2(c.support)] : []),
          notes.join('\n'),
        ])
        row.getCell(notesAt).alignment = { wrapText: true, vertical: 'top' }
        if (a !== undefined && a.change !== 'stays') row.eachCell((cell) => (cell.fill = HIGHLIGHT))
        if (found.has(post.id)) row.eachCell((cell) => (cell.fill = ALERT))
      }
    }
  }
}

function validation(
  wb: ExcelJS.Workbook,
  scenario: Scenario,
  violations: readonly Violation[],
  lang: Lang,
): void {
  const t = wordsIn(lang)
  const ws = wb.addWorksheet(t.validation)
  header(ws, columns('validation', lang))
  ws.getColumn(5).width = 80
  const teams = new Map(scenario.teams.map((x) => [x.id, x.name]))
  const name = namer(scenario, lang)
  const posts = new Map(scenario.teams.flatMap((x) => x.posts.map((p) => [p.id, p.title])))
  if (violations.length === 0) ws.addRow([t.noViolation])
  for (const v of violations)
    ws.addRow([
      RULE_LABELS[v.code][lang],
      v.teamId === null ? '' : (teams.get(v.teamId) ?? v.teamId),
      v.postId === null ? '' : (posts.get(v.postId) ?? v.postId),
      v.cadreId === null ? '' : name(v.cadreId),
      v.message,
    ]).eachCell((cell) => (cell.fill = ALERT))
}

/** The cadres by id as the sheets name them: the name, with the id beside it when another cadre has it. */
function namer(scenario: Scenario, lang: Lang): (id: string | null) => string {
  const named = cadreNames(scenario)
  const vacant = wordsIn(lang).vacant
  return (id) => (id === null ? vacant : namedText(named(id), lang))
}

/** The posts by id as the sheets name them: `team title`, the id beside a title the team has twice. */
function titler(scenario: Scenario, lang: Lang): (id: string) => string {
  const post = postNames(scenario)
  return (id) => {
    const x = post(id)
    return x.team === '' ? id : `${x.team} ${namedText(x, lang)}`
  }
}

/** The soft rules the proposal breaks, a row each: rule, team, post, cadre, shortfall and penalty. */
function penalties(wb: ExcelJS.Workbook, scenario: Scenario, paid: readonly PenaltyPaid[], lang: Lang): void {
  const t = wordsIn(lang)
  const ws = wb.addWorksheet(t.softPenalties)
  header(ws, columns('penalties', lang))
  const teams = new Map(scenario.teams.map((x) => [x.id, x.name]))
  const name = namer(scenario, lang)
  const post = postNames(scenario)
  for (const x of paid)
    addRow(ws, [
      labelIn(RULE_LABELS, x.code, lang),
      x.teamId === null ? '' : (teams.get(x.teamId) ?? x.teamId),
      x.postId === null ? '' : namedText(post(x.postId), lang),
      x.cadreId === null ? '' : name(x.cadreId),
      x.shortfall,
      n2(x.amount),
    ])
}

function ranking(
  wb: ExcelJS.Workbook,
  scenario: Scenario,
  ranked: readonly RankedProposal[],
  lang: Lang,
): void {
  const t = wordsIn(lang)
  const ws = wb.addWorksheet(t.rankingSheet)
  header(ws, columns('ranking', lang))
  const name = namer(scenario, lang)
  const title = titler(scenario, lang)
  const best = (ranked.find((r) => r.rank === 1) ?? ranked[0])!.proposal.objective
  for (const r of ranked) {
    // Each proposal's own status: a ranking the time limit stopped may end with one not proven best.
    // Behind the best: the difference of the objectives the cells hold.
    addRow(ws, [
      r.rank,
      n2(r.proposal.objective),
      labelIn(STATUS_LABELS, r.proposal.status, lang),
      n2(best - r.proposal.objective),
      r.diff.length,
    ])
    for (const d of r.diff) ws.addRow(['', '', '', '', '', title(d.postId), name(d.best), name(d.here)])
  }
}

/**
 * Writes a proposal, or a ranking of proposals, as an XLSX workbook: 概要
 * (status, objective, bound, gap, the parts of the objective, changes by kind,
 * the validator's count), one sheet per kind of team with every post of the
 * teams the round touches before and after — changed rows highlighted, each
 * with its fit components and, given an `explanation`, the other candidates
 * and why they were not chosen — 校验 (the independent validator's
 * findings, recomputed here from the scenario), and for a ranking 方案比较
 * (each proposal's objective, distance to the best, and the posts where it
 * differs). The sheets describe the best proposal of a ranking. The same
 * input gives the same bytes.
 *
 * @param scenario - the scenario the proposal staffs
 * @param proposal - a proposal, or a non-empty ranking (`rankProposals`)
 * @param options - labels' language; the proposal's explanation
 * @returns the workbook's bytes, or why it was not written
 * @category Roster
 */
export async function writeProposal(
  scenario: Scenario,
  proposal: Proposal | readonly RankedProposal[],
  options: WriteProposalOptions = {},
): Promise<Either<InvalidProposalInput, Uint8Array>> {
  const refuse = (message: string) => left<InvalidProposalInput>({ _tag: 'InvalidProposalInput', message })
  const checked = checkOptions<WriteProposalOptions>(options, WRITE_PROPOSAL_OPTION_SPEC)
  if (checked._tag === 'Left') return refuse(checked.left.message)
  const explained =
    options.explanation === undefined
      ? null
      : sheetExplanationProblem(options.explanation, 'options.explanation')
  if (explained !== null) return refuse(explained)
  const lang: Lang = options.lang ?? 'zh'
  const notScenario = scenarioIssue(scenario)
  if (notScenario !== null) return refuse(notScenario.message)
  const ranked = Array.isArray(proposal) ? (proposal as readonly unknown[]) : null
  if (ranked !== null && ranked.length === 0)
    return refuse('proposal: expected a proposal or a non-empty ranking, got []')
  const problem =
    ranked === null
      ? proposalProblem(scenario, proposal, 'proposal')
      : ranked.reduce<string | null>(
          (found, r, i) => found ?? rankedProblem(scenario, r, `proposal[${i}]`),
          null,
        )
  if (problem !== null) return refuse(problem)
  const best = ranked === null ? (proposal as Proposal) : (ranked[0] as RankedProposal).proposal
  const violations = validateProposal(scenario, best)
  const wb = new ExcelJS.Workbook()
  summary(wb, best, violations, lang)
  teamSheets(wb, scenario, best, violations, lang, options.explanation)
  validation(wb, scenario, violations, lang)
  if (best.penalties.length > 0) penalties(wb, scenario, best.penalties, lang)
  if (ranked !== null) ranking(wb, scenario, ranked as readonly RankedProposal[], lang)
  return right(await stable(wb))
}
