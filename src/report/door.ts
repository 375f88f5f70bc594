/**
 * The door of the report and the workbook: why a value is not a proposal (or
 * a ranking's entry) they can show, naming the place and the value found.
 * Both entry points (html.ts, workbook.ts) ask here, so they refuse the same
 * values in the same words; this module brings neither's dependencies
 * (vega, exceljs).
 *
 * @module
 * @internal
 */
import { CHANGE_LABELS, STATUS_LABELS } from '../domain/codes.js'
import type { Proposal } from '../domain/proposal.js'
import type { Scenario } from '../domain/types.js'
import { isPlainRecord } from '../io/combinators.js'
import { oneOfOption, proposalOf, type OptionCheck } from '../io/door.js'
import { renderValue } from '../io/errors.js'

/** The labels the report and the sheets look up, and the parts they show: a stored proposal may hold others. */
const PROPOSAL_LABELS = {
  status: oneOfOption(Object.keys(STATUS_LABELS)),
  change: oneOfOption(Object.keys(CHANGE_LABELS)),
  parts: {
    expected: '{ fit, vacancies, penalties } (numbers)',
    test: (v: unknown) =>
      isPlainRecord(v) && ['fit', 'vacancies', 'penalties'].every((k) => typeof v[k] === 'number'),
  },
} as const satisfies Record<string, OptionCheck>

/**
 * Why `value` is not a proposal of `scenario` the report or the workbook can
 * show, naming the place and the value found
 * (`input.proposal.assignments[3].change: expected one of "stays", …, got
 * "transfer"`), or `null`: the door's `proposalOf` (a proposal's shape, of
 * this scenario, staffing its open posts with its cadres), then its labels
 * and parts.
 * @internal
 */
export function proposalProblem(scenario: Scenario, value: unknown, path: string): string | null {
  const wrong = proposalOf(scenario, value, path)
  if (wrong !== null) return wrong._tag === 'UnknownId' ? `${path}: ${wrong.message}` : wrong.message
  const p = value as Proposal
  const refused = (where: string, check: OptionCheck, v: unknown) =>
    check.test(v)
      ? null
      : `${path}${where}: expected ${check.expected}, got ${v === undefined ? 'nothing' : renderValue(v)}`
  const bad = p.assignments.findIndex((a) => !PROPOSAL_LABELS.change.test(a.change))
  return (
    refused('.status', PROPOSAL_LABELS.status, p.status) ??
    refused('.parts', PROPOSAL_LABELS.parts, p.parts) ??
    (bad < 0
      ? null
      : refused(`.assignments[${bad}].change`, PROPOSAL_LABELS.change, p.assignments[bad]!.change))
  )
}

/** Why the ranking's entry at `path` cannot be shown (its proposal, its differences), or `null`. @internal */
export function rankedProblem(scenario: Scenario, value: unknown, path: string): string | null {
  if (!isPlainRecord(value))
    return `${path}: expected a RankedProposal (from rankProposals), got ${renderValue(value)}`
  const diff = value.diff
  if (!Array.isArray(diff) || !diff.every(isPlainRecord))
    return `${path}.diff: expected the posts where it differs from the best, got ${renderValue(diff)}`
  return proposalProblem(scenario, value.proposal, `${path}.proposal`)
}
