/**
 * Stability rows (班子稳定): at most a share of a team changed in one round,
 * and the party head and the government head of one unit not both changed.
 * A post "changes" when it had an incumbent who does not stay in it.
 *
 * @module
 */
import type { Team } from '../domain/types.js'
import type { Rows } from './rows.js'
import type { TeamView } from './team-rows.js'

/** At most `max(minAllowed, floor(share × posts))` posts of the team change. @internal */
export function addChangeRow(rows: Rows, { team, open }: TeamView): void {
  const rule = rows.ctx.scenario.policy.stability.maxChanged
  if (!rule.enabled) return
  const allowed = Math.max(rule.minAllowed, Math.floor(rule.maxChangedShare * team.posts.length + 1e-9))
  const stays: number[] = []
  let incumbents = 0
  for (const i of open) {
    const inc = rows.ctx.incumbentOf.get(rows.ctx.scenario.openPosts[i]!)
    if (inc === undefined) continue
    incumbents++
    const k = rows.pairOf(inc, i)
    if (k !== undefined) stays.push(rows.pairCol[k]!)
  }
  const mustStay = incumbents - allowed
  if (mustStay <= 0) return
  if (rule.hard && stays.length < mustStay)
    rows.conflict(
      'stability.max-changed',
      team,
      `at most ${allowed} of ${team.posts.length} posts may change, but ${incumbents - stays.length} incumbents cannot stay`,
      `${team.posts.length}个岗位至多调整${allowed}个，但有${incumbents - stays.length}名现任干部不能留任`,
    )
  rows.row(
    `team:${team.id}:changed<=${allowed}`,
    stays,
    stays.map(() => 1),
    mustStay,
    Infinity,
    {
      ...{ code: 'stability.max-changed', team, tag: 'changed', rule, upper: mustStay, sign: 1 },
    },
  )
}

/** Party and government heads of one unit are not both changed. @internal */
export function addHeadRows(rows: Rows): void {
  const { ctx, b } = rows
  const rule = ctx.scenario.policy.stability.headsNotBoth
  if (!rule.enabled) return
  type Head = readonly [incumbent: number, openPos: number]
  const units = new Map<string, { party: Head[]; gov: Head[]; team: Team }>()
  for (const team of ctx.scenario.teams)
    for (const post of team.posts) {
      const i = rows.openPos.get(post.id)
      const inc = ctx.incumbentOf.get(post.id)
      if (i === undefined || inc === undefined) continue
      if (post.role !== 'party-head' && post.role !== 'government-head') continue
      // An empty unit means the team is its own unit (as the decoder's default and the validator read it).
      const unit = team.unit === '' ? team.id : team.unit
      const u = units.get(unit) ?? { party: [], gov: [], team }
      units.set(unit, u)
      ;(post.role === 'party-head' ? u.party : u.gov).push([inc, i])
    }
  for (const [unit, u] of [...units.entries()].sort((a, c) => (a[0] < c[0] ? -1 : 1))) {
    if (u.party.length === 0 || u.gov.length === 0) continue
    // changed ≥ 1 − stay for each head post of that side: 1 as soon as one of them changes.
    const side = (tag: string, heads: Head[]) => {
      const z = b.addColumn(`changed:${unit}:${tag}`, 0, 0, 1, false)
      for (const [inc, i] of heads) {
        const k = rows.pairOf(inc, i)
        if (k === undefined) b.setLower(z, 1)
        else b.addRow(`unit:${unit}:${tag}-changed:${i}`, [z, rows.pairCol[k]!], [1, 1], 1, Infinity)
      }
      return z
    }
    const forced = (heads: Head[]) => heads.some(([inc, i]) => rows.pairOf(inc, i) === undefined)
    if (rule.hard && forced(u.party) && forced(u.gov))
      rows.conflict(
        'stability.heads-not-both',
        u.team,
        `the party head and the government head of unit ${unit} both have to change`,
        `单位${unit}的党政正职都必须调整`,
      )
    rows.row(
      `unit:${unit}:heads-not-both`,
      [side('party-head', u.party), side('government-head', u.gov)],
      [1, 1],
      -Infinity,
      1,
      {
        ...{ code: 'stability.heads-not-both', team: u.team, tag: `heads-${unit}`, rule, upper: 1, sign: -1 },
      },
    )
  }
}
