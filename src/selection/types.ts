/**
 * The record of a selection round (选拔任用程序): from the motion (动议) to
 * the end of probation (试用期), every step stamped with who and when. Plain
 * data: it round-trips through JSON (`decodeSelectionRound`), so a county app
 * can store it anywhere and show later who recommended whom and why each
 * step was allowed.
 *
 * @module
 */

/** A calendar day, `YYYY-MM-DD`. @category Selection */
export type Day = string

/** Where a round stands: the step it has reached. @category Selection */
export type Stage =
  'motion' | 'recommendation' | 'inspection' | 'decision' | 'notice' | 'probation' | 'closed'

/** The stages in the order a round passes them. @category Selection */
export const STAGES: readonly Stage[] = [
  'motion',
  'recommendation',
  'inspection',
  'decision',
  'notice',
  'probation',
  'closed',
]

/**
 * The working days of a notice (公示期): days of the week off, public
 * holidays, and weekend days worked in exchange (调休).
 * @category Selection
 */
export interface WorkingCalendar {
  /** Days of the week off, 0 = Sunday … 6 = Saturday. @defaultValue [0, 6] */
  readonly weekend: readonly number[]
  /** Days off that would be working days (法定节假日). */
  readonly holidays: readonly Day[]
  /** Weekend days that are working days (调休上班). */
  readonly workdays: readonly Day[]
}

/** The rules a round is held to, frozen in its record when it opens. @category Selection */
export interface SelectionRules {
  /** At least this many candidates inspected per post (差额考察). @defaultValue 2 */
  readonly candidatesPerPost: number
  /** The notice lasts at least this many working days (任前公示). @defaultValue 5 */
  readonly noticeWorkingDays: number
  /** Months of probation before an appointment is confirmed (试用期). @defaultValue 12 */
  readonly probationMonths: number
  readonly calendar: WorkingCalendar
}

/** {@link SelectionRules} as given: each part optional, the defaults fill the rest. @category Selection */
export interface SelectionRulesInput {
  readonly candidatesPerPost?: number
  readonly noticeWorkingDays?: number
  readonly probationMonths?: number
  readonly calendar?: Partial<WorkingCalendar>
}

/** The default rules of a round. @category Selection */
export const DEFAULT_SELECTION_RULES: SelectionRules = {
  candidatesPerPost: 2,
  noticeWorkingDays: 5,
  probationMonths: 12,
  calendar: { weekend: [0, 6], holidays: [], workdays: [] },
}

/** A post of a round, named as it was when the round opened. @category Selection */
export interface RoundPost {
  readonly postId: string
  readonly teamId: string
  readonly team: string
  readonly title: string
}

/** The motion that opens a round (动议): why, who proposes, when. @category Selection */
export interface Motion {
  readonly reason: string
  readonly proposer: string
  readonly date: Day
}

/**
 * A recommendation of a cadre for a post of the round: by a meeting's vote
 * (民主推荐: `recommender` names the meeting or rater group, `votes` the
 * count) or by a named person who stays accountable (实名制推荐).
 * @category Selection
 */
export interface RoundRecommendation {
  readonly postId: string
  readonly cadreId: string
  readonly kind: 'democratic' | 'real-name'
  readonly recommender: string
  /** Votes received (民主推荐); `null` for a real-name recommendation. */
  readonly votes: number | null
  /**
   * Voters of the meeting or group who took part (民主推荐), so that the votes
   * read as a share (`tallyRecommendations`); `null` or absent for a real-name one. A round
   * records a democratic recommendation only with its voters (`recordRecommendations`).
   */
  readonly voters?: number | null
  readonly reason: string
  readonly date: Day
}

/** The four checks before a promotion (凡提四必), as the inspection found them done. @category Selection */
export interface FourMusts {
  /** 档案必审 */
  readonly fileAudited: boolean
  /** 个人有关事项报告必核 */
  readonly personalMattersVerified: boolean
  /** 纪检监察机关意见必听 */
  readonly disciplineOpinionHeard: boolean
  /** 信访举报必查 */
  readonly complaintsInvestigated: boolean
}

/** The inspection (考察) of one shortlisted candidate for one post. @category Selection */
export interface Inspection {
  readonly postId: string
  readonly cadreId: string
  /** Who led the inspection. */
  readonly by: string
  readonly date: Day
  readonly fourMusts: FourMusts
  /**
   * The integrity conclusion's two signatures (双签字): the discipline
   * secretary's and the organization head's names; `null` if not signed.
   */
  readonly signatures: { readonly discipline: string | null; readonly organization: string | null }
  readonly conclusion: 'fit' | 'unfit'
  readonly findings: string
}

/** One appointment the committee decided. @category Selection */
export interface Appointment {
  readonly postId: string
  readonly cadreId: string
  /** Members voting for it. */
  readonly votesFor: number
}

/** The committee's decision (讨论决定). @category Selection */
export interface Decision {
  readonly date: Day
  /** Who chaired the meeting. */
  readonly chair: string
  /** Members of the committee (应到会). */
  readonly members: number
  /** Members present (实到会). */
  readonly present: number
  readonly appointments: readonly Appointment[]
}

/** The public notice before appointment (任前公示). @category Selection */
export interface Notice {
  readonly start: Day
  /** The last working day of the notice: `rules.noticeWorkingDays` working days from `start`. */
  readonly end: Day
  /** Who opened the notice. */
  readonly by: string
  /** When and by whom it was closed; `null` while it runs. */
  readonly closed: { readonly by: string; readonly date: Day } | null
  /** Appointees withdrawn at the close because an objection against them was upheld. */
  readonly withdrawn: readonly string[]
}

/** How an objection was settled. @category Selection */
export interface Resolution {
  readonly date: Day
  readonly by: string
  /** `upheld`: the appointment is withdrawn at the close of the notice. */
  readonly outcome: 'upheld' | 'dismissed'
  readonly note: string
}

/** An objection raised during the notice (公示期间反映的问题). @category Selection */
export interface Objection {
  /** `O1`, `O2`, … in the order they were recorded. */
  readonly id: string
  readonly cadreId: string
  readonly date: Day
  /** Who raised it, as recorded (may be `anonymous`). */
  readonly by: string
  readonly summary: string
  /** `null` while open: an open objection stops the notice from closing. */
  readonly resolution: Resolution | null
}

/** The end of one appointee's probation (试用期满考核). @category Selection */
export interface ProbationOutcome {
  readonly postId: string
  readonly cadreId: string
  readonly date: Day
  readonly by: string
  readonly outcome: 'confirmed' | 'not-confirmed'
  readonly note: string
}

/** The name of a step of the procedure, as the log records it. @category Selection */
export type StepName =
  | 'open-round'
  | 'record-recommendations'
  | 'shortlist-for-inspection'
  | 'record-inspection'
  | 'record-decision'
  | 'start-notice'
  | 'record-objection'
  | 'resolve-objection'
  | 'close-notice'
  | 'confirm-probation'

/** One line of a round's log: a step, who took it and when. @category Selection */
export interface LogEntry {
  readonly step: StepName
  readonly by: string
  readonly date: Day
}

/** A selection round: its posts, rules, stage and the record of every step. @category Selection */
export interface SelectionRound {
  readonly id: string
  /** The county and the roster's month when the round opened. */
  readonly county: string
  readonly asOf: string
  readonly rules: SelectionRules
  readonly posts: readonly RoundPost[]
  readonly motion: Motion
  readonly stage: Stage
  readonly recommendations: readonly RoundRecommendation[]
  /** Per post, the candidates to inspect (差额考察), in the order given; empty until shortlisted. */
  readonly shortlist: readonly { readonly postId: string; readonly cadreIds: readonly string[] }[]
  readonly inspections: readonly Inspection[]
  readonly decision: Decision | null
  readonly notice: Notice | null
  readonly objections: readonly Objection[]
  readonly probation: readonly ProbationOutcome[]
  /** Every step taken, in order; dates never go back. */
  readonly log: readonly LogEntry[]
}

/**
 * Why a step was refused: `rule` names the rule of the procedure it would
 * break (`order`, `date`, `unknown-post`, `not-recommended`, `too-few-candidates`,
 * `not-inspected`, `four-musts`, `signatures`, `quorum`, `majority`,
 * `notice-too-short`, `open-objection`, …), `path` the input's place.
 * @category Selection
 */
export interface ProcedureError {
  readonly _tag: 'ProcedureError'
  readonly step: StepName
  readonly rule: string
  readonly path: string
  readonly message: string
}
