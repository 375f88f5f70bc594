/**
 * The door of the report and the workbook: why a value is not a proposal (or
 * a ranking's entry) they can show, naming the place and the value found.
 * Both entry points (html.ts, workbook.ts) ask here, so they refuse the same
 * values in the same words; this module brings neither's dependencies
 * (vega, exceljs). The report's other parts — an explanation, a diagnosis, a
 * reserve health, a solve's error — are checked here too, as far as its
 * sections read them.
 *
 * @module
 * @internal
 */
import {
  CHANGE_LABELS,
  COST_METHOD_LABELS,
  RULE_LABELS,
  STATUS_LABELS,
  VALUE_LABELS,
} from '../domain/codes.js'
import type { Proposal } from '../domain/proposal.js'
import type { Scenario } from '../domain/types.js'
import {
  array,
  isPlainRecord,
  leaf,
  nullable,
  object,
  oneOf,
  req,
  yearMonth,
  type Codec,
  type Parsed,
} from '../io/combinators.js'
import { oneOfOption, proposalOf, type OptionCheck } from '../io/door.js'
import { renderValue } from '../io/errors.js'
import { formatPath } from '../io/path.js'
import { read } from '../io/read.js'

const idOrNull = (v: unknown): boolean => v === null || typeof v === 'string'

/** The labels the report and the sheets look up, and the parts they show: a stored proposal may hold others. */
const PROPOSAL_LABELS = {
  status: oneOfOption(Object.keys(STATUS_LABELS)),
  change: oneOfOption(Object.keys(CHANGE_LABELS)),
  parts: {
    expected: '{ fit, vacancies, penalties } (numbers)',
    test: (v: unknown) =>
      isPlainRecord(v) && ['fit', 'vacancies', 'penalties'].every((k) => typeof v[k] === 'number'),
  },
  list: { expected: 'an array', test: Array.isArray },
  penalty: {
    expected:
      'a PenaltyPaid { code (a key of RULE_LABELS), teamId, postId, cadreId (ids or null), shortfall, amount (numbers) }',
    test: (v: unknown) =>
      isPlainRecord(v) &&
      typeof v.code === 'string' &&
      Object.hasOwn(RULE_LABELS, v.code) &&
      ['teamId', 'postId', 'cadreId'].every((k) => idOrNull(v[k])) &&
      typeof v.shortfall === 'number' &&
      typeof v.amount === 'number',
  },
  move: {
    expected: 'a Move { cadreId (an id), fromPostId, toPostId (post ids or null) }',
    test: (v: unknown) =>
      isPlainRecord(v) && typeof v.cadreId === 'string' && idOrNull(v.fromPostId) && idOrNull(v.toPostId),
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
  // The penalties paid (a table, the cards) and the moves (who leaves), each item as far as they are read.
  const items = (key: 'penalties' | 'moves', check: OptionCheck): string | null => {
    const xs = (p as unknown as Record<string, unknown>)[key]
    if (!Array.isArray(xs)) return refused(`.${key}`, PROPOSAL_LABELS.list, xs)
    const i = xs.findIndex((x) => !check.test(x))
    return i < 0 ? null : refused(`.${key}[${i}]`, check, xs[i])
  }
  return (
    refused('.status', PROPOSAL_LABELS.status, p.status) ??
    refused('.parts', PROPOSAL_LABELS.parts, p.parts) ??
    (bad < 0
      ? null
      : refused(`.assignments[${bad}].change`, PROPOSAL_LABELS.change, p.assignments[bad]!.change)) ??
    items('penalties', PROPOSAL_LABELS.penalty) ??
    items('moves', PROPOSAL_LABELS.move)
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

// ---------------------------------------------------------------------------
// the report's other parts, as far as its sections read them
// ---------------------------------------------------------------------------

/** A leaf of the parts' codecs: the value when `test` holds. */
const kind = (expected: string, test: (u: unknown) => boolean): Codec<unknown> =>
  leaf(expected, {}, (u): Parsed<unknown> => (test(u) ? { ok: true, value: u } : { ok: false }))

/** Any number: a section prints a number it cannot show (NaN, ±∞) as `—`, a count as it is. */
const aNumber = kind('a number', (u) => typeof u === 'number')
const aString = kind('a string', (u) => typeof u === 'string')
/** An array whose items are not read (their count is shown). */
const anArray = kind('an array', Array.isArray)
const list = <A>(item: Codec<A>) => array(item, 'an array')

/** What the rule-cost table reads of a rule cost: its label, cost, range, method and how many teams it binds in. */
const RULE_COST = object('a RuleCost', {
  code: req(
    kind('a rule code (a key of RULE_LABELS)', (u) => typeof u === 'string' && Object.hasOwn(RULE_LABELS, u)),
    'labelled',
  ),
  cost: req(aNumber, 'shown'),
  upper: req(nullable(aNumber), 'the upper end of a bounded cost'),
  teamIds: req(anArray, 'counted'),
  method: req(oneOf(Object.keys(COST_METHOD_LABELS)), 'labelled'),
})

/** What a team card reads of a post's explanation: the post, and each runner-up's id (a name) and fit. */
const POST_EXPLANATION = object('a PostExplanation', {
  postId: req(aString, 'the post'),
  runnersUp: req(
    list(object('a RunnerUp', { cadreId: req(aString, 'named'), fit: req(aNumber, 'shown') })),
    'shown',
  ),
})

const EXPLANATION = object('an Explanation (from explainProposal)', {
  ruleCosts: req(list(RULE_COST), 'the rule-cost table'),
  posts: req(list(POST_EXPLANATION), 'the team cards’ other candidates'),
})

/** A conflict's member, as the diagnosis shows it: its label. */
const CONFLICT_MEMBER = object('a ConflictMember', { label: req(aString, 'shown') })

const DIAGNOSIS = object('a Diagnosis (from diagnose)', {
  supply: req(
    list(object('a SupplyFinding', { message: req(aString, 'in English'), zh: req(aString, 'in Chinese') })),
    'shortages',
  ),
  conflict: req(list(CONFLICT_MEMBER), 'the rules in conflict'),
  relaxations: req(
    list(
      object('a Relaxation', {
        member: req(CONFLICT_MEMBER, 'labelled'),
        violation: req(aNumber, 'shown'),
        cost: req(aNumber, 'shown'),
      }),
    ),
    'the cheapest relaxation',
  ),
})

/** What the reserve table reads of a group's health: its label, and its counts (printed as they are) and ratios. */
const GROUP_HEALTH = object('a GroupHealth', {
  group: req(oneOf(Object.keys(VALUE_LABELS.reserveGroup)), 'labelled'),
  listed: req(aNumber, 'shown'),
  entries: req(aNumber, 'shown'),
  exits: req(aNumber, 'shown'),
  size: req(aNumber, 'shown'),
  teamsInNeed: req(aNumber, 'shown'),
  perTeamNeed: req(nullable(aNumber), 'shown'),
  perPost: req(aNumber, 'shown'),
  recommended: req(aNumber, 'shown'),
  pipeline: req(
    list(object('a FacetCount', { value: req(aString, 'a rank, labelled'), count: req(aNumber, 'shown') })),
    'shown',
  ),
})

const RESERVE_HEALTH = object('a ReserveHealth (from reserveHealth)', {
  asOf: req(yearMonth, 'in the title'),
  groups: req(list(GROUP_HEALTH), 'the rows'),
})

/** A solve's error, as the summary shows it: `_tag: message`. */
const SOLVE_ERROR = object('a SolveError ({ _tag, message })', {
  _tag: req(aString, 'shown'),
  message: req(aString, 'shown'),
})

/**
 * The first problem of `value` for `codec` in input order, as a message
 * naming its place under `path` (`input.explanation.ruleCosts[0].cost:
 * expected a number, got "x"`), or `null`.
 */
function partProblem<A>(codec: Codec<A>, value: unknown, path: string): string | null {
  const r = read(codec, value, 'a readable value')
  if (r._tag === 'Right') return null
  const first = r.left[0]!
  const below = first.path.length === 0 ? '' : formatPath(first.path)
  const at = below === '' || below.startsWith('[') ? `${path}${below}` : `${path}.${below}`
  return `${at}: expected ${first.expected}, got ${first.got}`
}

/** Rule codes, each labelled. */
const ruleCodes = (u: unknown): boolean =>
  Array.isArray(u) && u.every((c) => typeof c === 'string' && Object.hasOwn(RULE_LABELS, c))

/** What the sheets read of a runner-up's outcome (`runnerUpReason`), by its tag. */
const OUTCOME_READS: Readonly<Record<string, (o: Record<string, unknown>) => boolean>> = {
  PlacedElsewhere: (o) => typeof o.postId === 'string',
  LowerFit: (o) => typeof o.by === 'number',
  Penalised: (o) => ruleCodes(o.codes) && typeof o.amount === 'number',
  Locked: () => true,
  TeamRules: () => true,
  Blocked: (o) =>
    ruleCodes(o.codes) && Array.isArray(o.messages) && o.messages.every((m) => typeof m === 'string'),
}

const OUTCOME = kind(
  'a RunnerUpOutcome (PlacedElsewhere, LowerFit, Penalised, Locked, TeamRules or Blocked, with its fields)',
  (u) =>
    isPlainRecord(u) &&
    typeof u._tag === 'string' &&
    Object.hasOwn(OUTCOME_READS, u._tag) &&
    OUTCOME_READS[u._tag]!(u),
)

/** What the proposal workbook reads of an explanation: each post's runners-up, with why they were not chosen. */
const SHEET_EXPLANATION = object('an Explanation (from explainProposal)', {
  posts: req(
    list(
      object('a PostExplanation', {
        postId: req(aString, 'the post'),
        runnersUp: req(
          list(
            object('a RunnerUp', {
              cadreId: req(aString, 'named'),
              fit: req(aNumber, 'shown'),
              outcome: req(OUTCOME, 'why not chosen'),
            }),
          ),
          'shown',
        ),
      }),
    ),
    'the explanation column',
  ),
})

/**
 * Why `value` is not an explanation the proposal workbook can show (the
 * runners-up of each post, with why each was not chosen), naming the place,
 * or `null`.
 * @internal
 */
export const sheetExplanationProblem = (value: unknown, path: string): string | null =>
  partProblem(SHEET_EXPLANATION, value, path)

/**
 * Why `value` is not an explanation the report can show (its rule costs, and
 * the runners-up of each post in the team cards), naming the place, or `null`.
 * @internal
 */
export const explanationProblem = (value: unknown, path: string): string | null =>
  partProblem(EXPLANATION, value, path)

/** Why `value` is not a diagnosis the report can show (shortages, conflict, relaxations), or `null`. @internal */
export const diagnosisProblem = (value: unknown, path: string): string | null =>
  partProblem(DIAGNOSIS, value, path)

/** Why `value` is not a reserve health the report can show (a row per group), or `null`. @internal */
export const reserveProblem = (value: unknown, path: string): string | null =>
  partProblem(RESERVE_HEALTH, value, path)

/** Why `value` is not a solve's error the report can show (`_tag: message`), or `null`. @internal */
export const solveErrorProblem = (value: unknown, path: string): string | null =>
  partProblem(SOLVE_ERROR, value, path)
