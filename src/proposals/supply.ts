/**
 * Supply checks: shortages of eligible candidates that make hard quotas
 * impossible, found by counting, without a solve — per team (from the
 * formulation) and county-wide (several teams competing for the same few
 * people: "3 teams need a minority member, 2 eligible minority cadres exist").
 *
 * @module
 */
import { RULE_LABELS } from '../domain/codes.js'
import type { RuleCode } from '../domain/codes.js'
import { quotasOf } from '../model/index.js'
import type { StaffingModel } from '../model/index.js'
import { fixedMembers } from '../rules/index.js'

/** A shortage found by counting. @category Proposals */
export interface SupplyFinding {
  readonly scope: 'team' | 'county'
  readonly code: RuleCode
  /** The teams concerned. */
  readonly teamIds: readonly string[]
  readonly message: string
  /** The same in Chinese. */
  readonly zh: string
}

/** Shortages of the model's scenario. @internal */
export function supplyFindings(model: StaffingModel): SupplyFinding[] {
  const out: SupplyFinding[] = model.conflicts.map((c) => ({
    scope: 'team' as const,
    code: c.code,
    teamIds: c.teamId === null ? [] : [c.teamId],
    message: c.message,
    zh: c.zh,
  }))
  const { ctx, eligibility } = model
  const { scenario } = ctx
  const openPos = new Map(scenario.openPosts.map((id, i) => [id, i]))
  const eligibleOf = scenario.openPosts.map(() => new Set<number>())
  for (let k = 0; k < eligibility.size; k++) eligibleOf[eligibility.post[k]!]!.add(eligibility.cadre[k]!)
  // For each hard quota (by code and what it counts): the teams that still need it, and who could supply it.
  const demand = new Map<
    string,
    { code: RuleCode; what: string; need: number; teams: string[]; pool: Set<number> }
  >()
  for (const team of scenario.teams) {
    const open = team.posts.map((p) => openPos.get(p.id)).filter((i): i is number => i !== undefined)
    if (open.length === 0) continue
    const fixed = fixedMembers(ctx, team)
    for (const q of quotasOf(ctx, team)) {
      if (!q.rule.hard) continue
      const need = q.min - fixed.filter(q.has).length
      if (need <= 0) continue
      const key = `${q.code}\u0000${q.what}`
      const d = demand.get(key) ?? { code: q.code, what: q.what, need: 0, teams: [], pool: new Set<number>() }
      demand.set(key, d)
      d.need += need
      d.teams.push(team.id)
      for (const i of open) for (const c of eligibleOf[i]!) if (q.has(c)) d.pool.add(c)
    }
  }
  for (const d of demand.values()) {
    if (d.teams.length < 2 || d.pool.size >= d.need) continue
    out.push({
      scope: 'county',
      code: d.code,
      teamIds: d.teams,
      message: `${d.teams.length} teams need ${d.need} ${d.what} in all (${RULE_LABELS[d.code].zh}); only ${d.pool.size} eligible candidates exist for their open posts`,
      zh: `${d.teams.length}个班子共需${RULE_LABELS[d.code].zh}${d.need}名，其调整岗位的合格人选中只有${d.pool.size}名`,
    })
  }
  return out
}
