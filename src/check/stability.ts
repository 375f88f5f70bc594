/**
 * Stability of one round (docs/rules.md, `stability.*`, `tenure.short-move`):
 * at most a share of a team changed, the party head and government head of one
 * unit not both changed, and no incumbent under three years in post moved. "Changed" is an open post that had an incumbent and whose member is
 * now someone else or nobody; a post that had no incumbent is a filling, not a
 * change.
 *
 * @module
 */
import type { Post, Team } from '../domain/types.js'
import { cadreName, emit, type Finding, postName, teamName } from './findings.js'
import { hasOpenPost, isChanged, type Staffing } from './members.js'
import { monthsSince } from './time.js'

/**
 * Posts a team may change in one round: `max(minAllowed, floor(share × n))`.
 * The epsilon keeps `floor` from losing a post to float noise (0.29 × 100 is
 * 28.999…); shares are user numbers, not exact binary fractions.
 */
export function allowedChanges(share: number, minAllowed: number, n: number): number {
  return Math.max(minAllowed, Math.floor(share * n + 1e-9))
}

function maxChanged(s: Staffing, team: Team, teamIndex: number, out: Finding[]): void {
  const rule = s.scenario.policy.stability.maxChanged
  const n = team.posts.length
  const changed = team.posts.filter((p) => isChanged(s, p.id))
  const allowed = allowedChanges(rule.maxChangedShare, rule.minAllowed, n)
  const list = changed.map((p) => p.id).join(', ')
  emit(
    out,
    rule,
    'stability.max-changed',
    { teamIndex, postIndex: n, teamId: team.id, postId: null, cadreId: null },
    Math.max(0, changed.length - allowed),
    `${teamName(team)}: at most ${allowed} of ${n} posts may change in one round, ${changed.length} changed (${list})`,
  )
}

/** `team.unit`, or the team id when a hand-made scenario left it empty (the decoder's default). */
const unitOf = (team: Team): string => (team.unit === '' ? team.id : team.unit)

function headsNotBoth(s: Staffing, out: Finding[]): void {
  const rule = s.scenario.policy.stability.headsNotBoth
  const units = new Map<string, { teamIndex: number; team: Team; party: Post[]; government: Post[] }>()
  s.scenario.teams.forEach((team, teamIndex) => {
    const party = team.posts.filter((p) => p.role === 'party-head' && isChanged(s, p.id))
    const government = team.posts.filter((p) => p.role === 'government-head' && isChanged(s, p.id))
    if (party.length + government.length === 0) return
    const u = units.get(unitOf(team))
    // The finding sits at the first team of the unit with a changed head post.
    if (u === undefined) units.set(unitOf(team), { teamIndex, team, party, government })
    else {
      u.party.push(...party)
      u.government.push(...government)
    }
  })
  for (const [unit, u] of units) {
    if (u.party.length === 0 || u.government.length === 0) continue
    const names = (posts: Post[]): string => posts.map(postName).join(', ')
    emit(
      out,
      rule,
      'stability.heads-not-both',
      {
        teamIndex: u.teamIndex,
        postIndex: u.team.posts.length,
        teamId: u.team.id,
        postId: null,
        cadreId: null,
      },
      1,
      `${teamName(u.team)}: unit ${unit} changes both its party head (${names(u.party)}) and its government head (${names(u.government)})`,
    )
  }
}

/**
 * `tenure.short-move`: an incumbent of an open post who has held it under
 * `shortTenure.years` and is moved (the post changed, docs/rules.md), once per such post.
 */
function shortTenure(s: Staffing, team: Team, teamIndex: number, out: Finding[]): void {
  const rule = s.scenario.policy.people.shortTenure
  team.posts.forEach((post, postIndex) => {
    const incumbent = s.incumbents.get(post.id)
    if (incumbent === undefined || !isChanged(s, post.id)) return
    const months = monthsSince(s.asOf, incumbent.currentPost?.since)
    if (!(months < 12 * rule.years)) return
    const now = s.filled.get(post.id)
    const where = now === undefined ? 'leaves it empty' : `gives it to ${cadreName(now)}`
    emit(
      out,
      rule,
      'tenure.short-move',
      { teamIndex, postIndex, teamId: team.id, postId: post.id, cadreId: incumbent.id },
      1,
      `${postName(post)} of ${teamName(team)}: moves ${cadreName(incumbent)} after ${months} months in post (under ${rule.years} years) and ${where}`,
    )
  })
}

/** Stability findings of every team with an open post, and of every unit. */
export function checkStability(s: Staffing, out: Finding[]): void {
  s.scenario.teams.forEach((team, teamIndex) => {
    if (!hasOpenPost(s, team)) return
    maxChanged(s, team, teamIndex, out)
    shortTenure(s, team, teamIndex, out)
  })
  headsNotBoth(s, out)
}
