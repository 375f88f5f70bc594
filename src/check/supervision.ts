/**
 * Kin avoidance across a direct supervisory link (docs/rules.md,
 * `avoidance.kin`): for each post `s` listed in a team's `supervisedBy`, the
 * member of `s` after the proposal and a kin of theirs among the team's
 * members. A link is checked when the team has an open post or `s` is open:
 * one the round does not touch cannot be repaired by it. Unknown ids, the
 * team's own posts and repeats in `supervisedBy` are no links.
 *
 * @module
 */
import type { Cadre } from '../domain/types.js'
import { cadreName, emit, type Finding, seatName, teamName } from './findings.js'
import { hasOpenPost, memberOf, type Staffing, teamMembers } from './members.js'
import { areKin } from './team.js'

/** Supervisory kin findings of every team, in team order, one per link with kin across it. */
export function checkSupervision(s: Staffing, out: Finding[]): void {
  const rule = s.scenario.policy.people.kinAvoidance
  const { relations } = rule
  s.scenario.teams.forEach((team, teamIndex) => {
    const links = [...new Set(team.supervisedBy ?? [])]
    if (links.length === 0) return
    const touched = hasOpenPost(s, team)
    // A cadre listed twice (a proposal that breaks one post per cadre) counts once.
    const members = [
      ...new Map(
        teamMembers(s, team)
          .filter((c): c is Cadre => c !== null)
          .map((c) => [c.id, c]),
      ).values(),
    ]
    for (const postId of links) {
      const seat = s.seats.get(postId)
      if (seat === undefined || seat.team === team) continue
      if (!touched && !s.open.has(postId)) continue
      const leader = memberOf(s, postId)
      if (leader === null) continue
      const kin = members.filter((m) => m.id !== leader.id && areKin(leader, m, relations))
      if (kin.length === 0) continue
      const place = {
        ...{ teamIndex, postIndex: team.posts.length, teamId: team.id },
        ...{ postId, cadreId: leader.id },
      }
      const why =
        `${teamName(team)}: ${cadreName(leader)}, holding ${seatName(seat.team, seat.post)} that leads it, ` +
        `is kin of ${kin.map(cadreName).join(', ')}, member(s) of it`
      emit(out, rule, 'avoidance.kin', place, kin.length, why)
    }
  })
}
