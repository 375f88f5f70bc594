/**
 * The short-tenure rows (任职不满三年一般不调整): an incumbent of an open post
 * who has held it under `shortTenure.years` is kept in it, or pays the penalty
 * once when moved — to another post or out of the round. "Moved" is measured
 * exactly like a change of `stability.max-changed`: the post had this
 * incumbent and its member after the proposal is someone else or nobody.
 *
 * @module
 */
import { shortTenureMonths } from '../rules/tenure.js'
import type { Rows } from './rows.js'
import type { TeamView } from './team-rows.js'

/** `stay(incumbent) + slack ≥ 1` for every short-tenure incumbent of the team's open posts. @internal */
export function addShortTenureRows(rows: Rows, { team, open }: TeamView): void {
  const { ctx } = rows
  const rule = ctx.scenario.policy.people.shortTenure
  if (!rule.enabled) return
  for (const i of open) {
    const postId = ctx.scenario.openPosts[i]!
    const inc = ctx.incumbentOf.get(postId)
    if (inc === undefined) continue
    const cadre = ctx.scenario.cadres[inc]!
    const months = shortTenureMonths(ctx.scenario, cadre)
    if (months === null) continue
    const k = rows.pairOf(inc, i)
    const cols = k === undefined ? [] : [rows.pairCol[k]!]
    if (rule.hard && k === undefined)
      rows.conflict(
        'tenure.short-move',
        team,
        `${cadre.name} has held post ${postId} for ${months} months and may not be moved, but cannot stay in it`,
        `${cadre.name}任现职${months}个月，不得调整，但又不能留任`,
      )
    const tag = `short-tenure-${postId}`
    rows.row(
      `post:${postId}:keep-${cadre.id}>=1`,
      cols,
      cols.map(() => 1),
      1,
      Infinity,
      { code: 'tenure.short-move', team, tag, rule, upper: 1, sign: 1 },
    )
  }
}
