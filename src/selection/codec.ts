/**
 * Codecs of the selection procedure: the whole round (`decodeSelectionRound`,
 * so a stored record reads back exactly) and each step's input, read with
 * the same path-named issues as a scenario.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js'
import {
  array,
  boolean,
  leaf,
  nonEmptyString,
  nullable,
  number,
  object,
  oneOf,
  maybe,
  opt,
  req,
  yearMonth,
} from '../io/combinators.js'
import type { Issue } from '../io/errors.js'
import { read } from '../io/read.js'
import { isDay } from './calendar.js'
import { STAGES, type Day, type SelectionRound, type StepName } from './types.js'

/** A calendar day `YYYY-MM-DD`. @internal */
export const day = leaf<Day>('YYYY-MM-DD', { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, (u) =>
  isDay(u) ? { ok: true, value: u } : { ok: false },
)

const text = (description: string) => req(nonEmptyString, description)
const anyText = leaf<string>('string', { type: 'string' }, (u) =>
  typeof u === 'string' ? { ok: true, value: u } : { ok: false },
)

/** The rules of a round, every part optional (defaults fill the rest). @internal */
export const rulesInput = object(
  'selection rules object',
  {
    candidatesPerPost: maybe(
      number({ min: 1, max: 20, integer: true }),
      'Candidates inspected per post (差额考察).',
    ),
    noticeWorkingDays: maybe(
      number({ min: 1, max: 60, integer: true }),
      'Working days of the notice (任前公示).',
    ),
    probationMonths: maybe(number({ min: 0, max: 60, integer: true }), 'Months of probation (试用期).'),
    calendar: maybe(
      object(
        'calendar object',
        {
          weekend: maybe(
            array(number({ min: 0, max: 6, integer: true })),
            'Days of the week off, 0 = Sunday.',
          ),
          holidays: maybe(array(day), 'Public holidays.'),
          workdays: maybe(array(day), 'Weekend days worked (调休).'),
        },
        { strict: true },
      ),
      'The working-day calendar.',
    ),
  },
  { strict: true },
)

const rules = object('selection rules object', {
  candidatesPerPost: req(number({ min: 1, max: 20, integer: true }), 'Candidates inspected per post.'),
  noticeWorkingDays: req(number({ min: 1, max: 60, integer: true }), 'Working days of the notice.'),
  probationMonths: req(number({ min: 0, max: 60, integer: true }), 'Months of probation.'),
  calendar: req(
    object('calendar object', {
      weekend: req(array(number({ min: 0, max: 6, integer: true })), 'Days of the week off.'),
      holidays: req(array(day), 'Public holidays.'),
      workdays: req(array(day), 'Weekend days worked.'),
    }),
    'The working-day calendar.',
  ),
})

/** Stamp of a step: who and when. @internal */
export const stamp = object('stamp object', { by: text('Who takes the step.'), date: req(day, 'When.') })

/** The motion of {@link openRound}. @internal */
export const motionInput = object('motion object', {
  posts: req(array(nonEmptyString), 'Ids of the posts the round fills.'),
  reason: text('Why the round is moved (动议理由).'),
  proposer: text('Who moves it.'),
  date: req(day, 'When.'),
  id: maybe(nonEmptyString, 'The round’s id; by default `<county>-<date>`.'),
  rules: maybe(rulesInput, 'The rules of the round; the defaults where absent.'),
})

/** One recommendation. @internal */
export const recommendation = object('recommendation object', {
  postId: text('The post of the round recommended for.'),
  cadreId: text('The cadre recommended.'),
  kind: req(oneOf(['democratic', 'real-name'] as const), '民主推荐 or 实名制推荐.'),
  recommender: text('The meeting or rater group (democratic), or the accountable person (real-name).'),
  votes: opt(nullable(number({ min: 0, integer: true })), null, 'Votes received (democratic).'),
  voters: opt(
    nullable(number({ min: 1, integer: true })),
    null,
    'Voters who took part (democratic), at least the votes; null when not recorded.',
  ),
  reason: opt(anyText, '', 'Why.'),
  date: req(day, 'When.'),
})

const fourMusts = object('four musts object', {
  fileAudited: req(boolean, '档案必审'),
  personalMattersVerified: req(boolean, '个人有关事项报告必核'),
  disciplineOpinionHeard: req(boolean, '纪检监察机关意见必听'),
  complaintsInvestigated: req(boolean, '信访举报必查'),
})

/** One inspection. @internal */
export const inspection = object('inspection object', {
  postId: text('The post.'),
  cadreId: text('The shortlisted candidate.'),
  by: text('Who led the inspection.'),
  date: req(day, 'When.'),
  fourMusts: req(fourMusts, 'The four checks (凡提四必).'),
  signatures: req(
    object('signatures object', {
      discipline: opt(nullable(nonEmptyString), null, 'The discipline secretary’s signature.'),
      organization: opt(nullable(nonEmptyString), null, 'The organization head’s signature.'),
    }),
    'The integrity conclusion’s two signatures (双签字).',
  ),
  conclusion: req(oneOf(['fit', 'unfit'] as const), 'The inspection’s conclusion.'),
  findings: opt(anyText, '', 'What the inspection found.'),
})

const appointment = object('appointment object', {
  postId: text('The post.'),
  cadreId: text('The appointee.'),
  votesFor: req(number({ min: 0, integer: true }), 'Members voting for.'),
})

/** The committee's decision. @internal */
export const decision = object('decision object', {
  date: req(day, 'When.'),
  chair: text('Who chaired.'),
  members: req(number({ min: 1, integer: true }), 'Members of the committee.'),
  present: req(number({ min: 0, integer: true }), 'Members present.'),
  appointments: req(array(appointment), 'The appointments decided.'),
})

/** An objection as recorded. @internal */
export const objectionInput = object('objection object', {
  cadreId: text('The appointee objected to.'),
  date: req(day, 'When.'),
  by: text('Who raised it (or "anonymous").'),
  summary: text('What it says.'),
})

/** How an objection is settled. @internal */
export const resolutionInput = object('resolution object', {
  objectionId: text('The objection (O1, O2, …).'),
  date: req(day, 'When.'),
  by: text('Who settled it.'),
  outcome: req(oneOf(['upheld', 'dismissed'] as const), 'upheld withdraws the appointment.'),
  note: opt(anyText, '', 'Why.'),
})

/** The end of one probation. @internal */
export const probationInput = object('probation object', {
  cadreId: text('The appointee.'),
  date: req(day, 'When.'),
  by: text('Who confirms.'),
  outcome: req(oneOf(['confirmed', 'not-confirmed'] as const), 'The outcome.'),
  note: opt(anyText, '', 'Why.'),
})

const STEPS: readonly StepName[] = [
  'open-round',
  'record-recommendations',
  'shortlist-for-inspection',
  'record-inspection',
  'record-decision',
  'start-notice',
  'record-objection',
  'resolve-objection',
  'close-notice',
  'confirm-probation',
]

const round = object('selection round object', {
  id: text('The round’s id.'),
  county: text('The county.'),
  asOf: req(yearMonth, 'The roster’s month when the round opened.'),
  rules: req(rules, 'The rules of the round.'),
  posts: req(
    array(
      object('post object', {
        postId: text('Post id.'),
        teamId: text('Team id.'),
        team: text('Team name.'),
        title: text('Post title.'),
      }),
    ),
    'The posts of the round.',
  ),
  motion: req(
    object('motion object', { reason: text('Why.'), proposer: text('Who.'), date: req(day, 'When.') }),
    'The motion.',
  ),
  stage: req(oneOf(STAGES), 'The stage reached.'),
  recommendations: req(array(recommendation), 'Recommendations.'),
  shortlist: req(
    array(
      object('shortlist object', {
        postId: text('Post.'),
        cadreIds: req(array(nonEmptyString), 'Candidates.'),
      }),
    ),
    'Candidates to inspect per post.',
  ),
  inspections: req(array(inspection), 'Inspections.'),
  decision: req(nullable(decision), 'The decision.'),
  notice: req(
    nullable(
      object('notice object', {
        start: req(day, 'First day.'),
        end: req(day, 'Last working day.'),
        by: text('Who opened it.'),
        closed: req(nullable(stamp), 'The close.'),
        withdrawn: req(array(nonEmptyString), 'Appointees withdrawn.'),
      }),
    ),
    'The notice.',
  ),
  objections: req(
    array(
      object('objection object', {
        id: text('Objection id.'),
        cadreId: text('Appointee.'),
        date: req(day, 'When.'),
        by: text('Who.'),
        summary: text('What.'),
        resolution: req(
          nullable(
            object('resolution object', {
              date: req(day, 'When.'),
              by: text('Who.'),
              outcome: req(oneOf(['upheld', 'dismissed'] as const), 'Outcome.'),
              note: req(anyText, 'Why.'),
            }),
          ),
          'How it was settled.',
        ),
      }),
    ),
    'Objections.',
  ),
  probation: req(
    array(
      object('probation outcome object', {
        postId: text('Post.'),
        cadreId: text('Appointee.'),
        date: req(day, 'When.'),
        by: text('Who.'),
        outcome: req(oneOf(['confirmed', 'not-confirmed'] as const), 'Outcome.'),
        note: req(anyText, 'Why.'),
      }),
    ),
    'Probation outcomes.',
  ),
  log: req(
    array(
      object('log entry object', {
        step: req(oneOf(STEPS), 'Step.'),
        by: text('Who.'),
        date: req(day, 'When.'),
      }),
    ),
    'The log.',
  ),
})

/** Why a stored round could not be read: every issue, with its path. @category Selection */
export interface InvalidSelectionRound {
  readonly _tag: 'InvalidSelectionRound'
  readonly issues: readonly Issue[]
}

/**
 * Reads a stored selection round (the JSON of a {@link SelectionRound}): the
 * round, or every issue with its place. It reads the record's shape; the
 * steps it holds are the record of what was allowed when they were taken.
 *
 * @param input - the parsed JSON of a round
 * @category Selection
 * @example
 * const back = decodeSelectionRound(JSON.parse(JSON.stringify(round)))
 * // back.right deep-equals round
 */
export function decodeSelectionRound(input: unknown): Either<InvalidSelectionRound, SelectionRound> {
  const r = read(round, input, 'a selection round object')
  return isLeft(r)
    ? left({ _tag: 'InvalidSelectionRound', issues: r.left })
    : right(r.right as SelectionRound)
}
