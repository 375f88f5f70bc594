/**
 * What every check of the validator produces: a finding at a place (team,
 * post, cadre), hard or soft, with its shortfall in the rule's unit. The
 * public API splits findings into violations and soft shortfalls.
 *
 * @module
 */
import type { RuleCode } from '../domain/codes.js'
import type { RuleSwitch } from '../domain/policy.js'
import type { Cadre, Post, Team } from '../domain/types.js'

/** Where a finding sits; the two indices give the report order (team order, then post order). */
export interface Place {
  /** Position of the team in `scenario.teams`; `teams.length` for findings outside every team. */
  readonly teamIndex: number
  /** Position of the post in its team; `posts.length` for a finding about the whole team. */
  readonly postIndex: number
  readonly teamId: string | null
  readonly postId: string | null
  readonly cadreId: string | null
}

/** One rule not met at one place. */
export interface Finding extends Place {
  readonly code: RuleCode
  readonly message: string
  /** Units short of the rule (docs/rules.md gives the unit of each rule). */
  readonly shortfall: number
  readonly hard: boolean
  /** Cost of one unit of shortfall; only meaningful for a soft finding. */
  readonly penalty: number
}

/** The switch of a rule that has none in the policy: always on, always hard. */
export const ALWAYS_HARD: RuleSwitch = { enabled: true, hard: true, penalty: 0 }

/**
 * Records a finding when the rule is enabled and actually short. A disabled
 * rule never reports, hard or soft: the user switched it off.
 */
export function emit(
  out: Finding[],
  rule: RuleSwitch,
  code: RuleCode,
  place: Place,
  shortfall: number,
  message: string,
): void {
  if (!rule.enabled || !(shortfall > 0)) return
  out.push({ ...place, code, message, shortfall, hard: rule.hard, penalty: rule.penalty })
}

/**
 * Deterministic report order: team order, post order (team-wide findings after
 * the team's posts, findings outside every team last), then code; equal keys
 * keep the order the checks produced them in (Array.prototype.sort is stable).
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.teamIndex - b.teamIndex ||
      a.postIndex - b.postIndex ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  )
}

// ---------------------------------------------------------------------------
// names in messages
// ---------------------------------------------------------------------------

/** `team 乡镇12 (T12)` */
export const teamName = (team: Team): string => `team ${team.name} (${team.id})`

/** `post 副镇长 (P3)` */
export const postName = (post: Post): string => `post ${post.title} (${post.id})`

/** `cadre 王芳 (C7)` */
export const cadreName = (cadre: Cadre): string => `cadre ${cadre.name} (${cadre.id})`

/** `post 副镇长 (P3) of team 乡镇12 (T12)` */
export const seatName = (team: Team, post: Post): string => `${postName(post)} of ${teamName(team)}`

/**
 * A value of a malformed proposal, shown in a message without ever calling
 * its own `toString` (which might throw or lie).
 */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (value === null || value === undefined) return String(value)
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value)
  return `a ${typeof value}`
}
