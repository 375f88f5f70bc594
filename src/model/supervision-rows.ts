/**
 * Kin avoidance across a direct supervisory link (`Team.supervisedBy`,
 * docs/rules.md, `avoidance.kin`): the holder of a post that leads a team and
 * a kin of theirs among the team's members. A cadre who stays on either side
 * is handled per pair (src/rules/pair.ts, `kinAgainstFixed`); these rows cover
 * the two cases left: both sides fixed (a constant breach), and a candidate
 * for the open leading post with a kin among the candidates for the team's
 * open posts.
 *
 * @module
 */
import { fixedMembers } from '../rules/index.js'
import type { Rows } from './rows.js'

/** Adds the supervisory kin rows of every team with a supervision link. @internal */
export function addSupervisionRows(rows: Rows): void {
  const { ctx, elig, pairCol, openPos } = rows
  const kin = ctx.scenario.policy.people.kinAvoidance
  if (!kin.enabled) return
  const cadre = (c: number) => ctx.scenario.cadres[c]!
  ctx.scenario.teams.forEach((team, t) => {
    const leaders = ctx.supervisors[t]!
    if (leaders.length === 0) return
    const open = team.posts.map((p) => openPos.get(p.id)).filter((i): i is number => i !== undefined)
    if (open.length > 0) {
      // Both sides fixed: a closed leading post's holder and a kin among the team's fixed members.
      const fixed = fixedMembers(ctx, team)
      let fixedPairs = 0
      for (const s of leaders) {
        const holder = ctx.open.has(s) ? undefined : ctx.incumbentOf.get(s)
        if (holder !== undefined) fixedPairs += fixed.filter((m) => ctx.kin[holder]!.has(m)).length
      }
      if (fixedPairs > 0) {
        if (kin.hard)
          rows.conflict(
            'avoidance.kin',
            team,
            `${fixedPairs} kin pair(s) across its supervision links among cadres who stay`,
            `留任干部中有${fixedPairs}对亲属处于直接上下级领导关系`,
          )
        rows.row(`team:${team.id}:kin-supervised-fixed<=0`, [], [], -Infinity, -fixedPairs, {
          ...{
            code: 'avoidance.kin',
            team,
            tag: 'kin-supervised-fixed',
            rule: kin,
            upper: Infinity,
            sign: -1,
          },
        })
      }
    }
    if (open.length === 0) return
    // The team's pairs by cadre, in the team's order.
    const inTeam = new Map<number, number[]>()
    for (const i of open)
      for (let k = elig.postStart[i]!; k < elig.postStart[i + 1]!; k++) {
        const c = elig.cadre[k]!
        if (ctx.kin[c]!.size === 0) continue
        const list = inTeam.get(c)
        if (list === undefined) inTeam.set(c, [k])
        else list.push(k)
      }
    if (inTeam.size === 0) return
    for (const s of leaders) {
      const i = openPos.get(s)
      if (i === undefined) continue
      // The leading post's pairs by cadre, in pair order.
      const inPost = new Map<number, number[]>()
      for (let k = elig.postStart[i]!; k < elig.postStart[i + 1]!; k++) {
        const c = elig.cadre[k]!
        if (ctx.kin[c]!.size === 0) continue
        const list = inPost.get(c)
        if (list === undefined) inPost.set(c, [k])
        else list.push(k)
      }
      for (const [a, ks] of inPost) {
        const relatives = [...ctx.kin[a]!].filter((b) => inTeam.has(b)).sort((x, y) => x - y)
        for (const b of relatives) {
          const cols = [...ks, ...inTeam.get(b)!].map((k) => pairCol[k]!).sort((x, y) => x - y)
          const tag = `kin-supervised:${s}:${cadre(a).id}-${cadre(b).id}`
          rows.row(`team:${team.id}:${tag}<=1`, cols, 1, -Infinity, 1, {
            ...{ code: 'avoidance.kin', team, tag, rule: kin, upper: 1, sign: -1 },
          })
        }
      }
    }
  })
}
