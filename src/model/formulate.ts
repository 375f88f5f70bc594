/**
 * Scenario → MILP. One binary per eligible (cadre, open post) pair, one
 * vacancy binary per open post, each cadre in at most one post, then the team
 * rows of docs/rules.md (src/model/team-rows.ts). Built once; every solve of a
 * scenario (rank, explain, re-solves) reuses it.
 *
 * @module
 */
import type { FitComponents } from '../domain/proposal.js'
import type { Scenario } from '../domain/types.js'
import { contextOf, eligibility, pairVerdicts } from '../rules/index.js'
import type { Eligibility, ScenarioContext } from '../rules/index.js'
import { fitComponents, fitScore } from '../scoring/fit.js'
import { MilpBuilder } from './milp.js'
import type { Milp } from './milp.js'
import { Rows } from './rows.js'
import type { Conflict, RuleRow, SlackInfo } from './rows.js'
import { addHeadRows, addChangeRow } from './stability-rows.js'
import { addTeamRows, teamViews } from './team-rows.js'

/** The model of one scenario, with the maps from columns back to the domain. @category Model */
export interface StaffingModel {
  readonly ctx: ScenarioContext
  readonly eligibility: Eligibility
  readonly milp: Milp
  /** Column of each eligible pair (same order as `eligibility.pairs`). */
  readonly pairCol: Int32Array
  readonly pairFit: Float64Array
  readonly pairComponents: readonly FitComponents[]
  /** Column of the vacancy of each open post. */
  readonly vacancyCol: Int32Array
  readonly slacks: readonly SlackInfo[]
  /** Rows that encode one rule instance each (team quotas, kin pairs, stability). */
  readonly ruleRows: readonly RuleRow[]
  /** The locks that hold, with the column they fix to 1. */
  readonly lockCols: readonly { readonly cadreId: string; readonly postId: string; readonly col: number }[]
  /** Non-empty when the scenario is infeasible for reasons visible without a solve. */
  readonly conflicts: readonly Conflict[]
  /** Whether any row couples posts (team rules); if not, the model is a pure assignment. */
  readonly hasTeamRows: boolean
}

/**
 * Builds the staffing model of a decoded scenario.
 * @category Model
 */
export function formulate(scenario: Scenario): StaffingModel {
  const ctx = contextOf(scenario)
  const elig = eligibility(ctx)
  const b = new MilpBuilder()
  const conflicts: Conflict[] = []
  const open = scenario.openPosts

  const pairCol = new Int32Array(elig.pairs.length)
  const pairFit = new Float64Array(elig.pairs.length)
  const pairComponents: FitComponents[] = []
  const byPost: number[][] = open.map(() => [])
  const byCadre = new Map<number, number[]>()
  elig.pairs.forEach((pair, k) => {
    const postId = open[pair.post]!
    const loc = ctx.postLocation.get(postId)!
    const team = scenario.teams[loc.team]!
    const post = team.posts[loc.slot]!
    const cadre = scenario.cadres[pair.cadre]!
    const comps = fitComponents(scenario, cadre, post, team)
    pairComponents.push(comps)
    pairFit[k] = fitScore(scenario, comps)
    pairCol[k] = b.addColumn(`x:${cadre.id}:${postId}`, pairFit[k]! - pair.penalty, 0, 1, true)
    byPost[pair.post]!.push(k)
    const list = byCadre.get(pair.cadre)
    if (list === undefined) byCadre.set(pair.cadre, [k])
    else list.push(k)
  })

  const vacancy = scenario.policy.vacancy
  const vacancyCol = new Int32Array(open.length)
  open.forEach((postId, i) => {
    vacancyCol[i] = b.addColumn(`vacant:${postId}`, -vacancy.penalty, 0, vacancy.allowed ? 1 : 0, true)
    const cols = byPost[i]!.map((k) => pairCol[k]!)
    b.addRow(`post:${postId}:filled`, [...cols, vacancyCol[i]!], [...cols.map(() => 1), 1], 1, 1)
    if (!vacancy.allowed && cols.length === 0)
      conflicts.push({
        code: 'establishment.vacancy',
        teamId: scenario.teams[ctx.postLocation.get(postId)!.team]!.id,
        postId,
        cadreId: null,
        message: `post ${postId} must be filled but no candidate is eligible for it`,
        row: null,
      })
  })

  for (const [c, ks] of byCadre) {
    if (ks.length < 2) continue
    b.addRow(
      `cadre:${scenario.cadres[c]!.id}:one-post`,
      ks.map((k) => pairCol[k]!),
      ks.map(() => 1),
      -Infinity,
      1,
    )
  }

  // One small map per open post: a single map of every pair would pass V8's 2^24-entry limit
  // at city scale (10,000 cadres × 1,700 open posts).
  const pairOfPost = open.map(() => new Map<number, number>())
  elig.pairs.forEach((p, k) => pairOfPost[p.post]!.set(p.cadre, k))
  const openPos = new Map(open.map((id, i) => [id, i]))
  const lockCols: { cadreId: string; postId: string; col: number }[] = []
  for (const lock of scenario.locks) {
    const c = ctx.cadreIndex.get(lock.cadreId)
    const p = openPos.get(lock.postId)
    const k = c === undefined || p === undefined ? undefined : pairOfPost[p]!.get(c)
    if (k !== undefined) {
      b.setLower(pairCol[k]!, 1)
      lockCols.push({ cadreId: lock.cadreId, postId: lock.postId, col: pairCol[k]! })
      continue
    }
    const reasons =
      c === undefined || p === undefined
        ? ['the cadre or the post is not part of this round']
        : pairVerdicts(ctx, c, lock.postId)
            .filter((v) => v._tag === 'blocked')
            .map((v) => (v._tag === 'blocked' ? v.message : ''))
    conflicts.push({
      code: 'lock',
      teamId: null,
      postId: lock.postId,
      cadreId: lock.cadreId,
      message: `lock ${lock.cadreId} → ${lock.postId} cannot hold: ${reasons.length > 0 ? reasons.join('; ') : 'the cadre holds a post that is not open'}`,
      row: null,
    })
  }

  const rows = new Rows(b, ctx, elig, pairCol, pairOfPost, openPos, conflicts)
  for (const view of teamViews(rows)) {
    addTeamRows(rows, view)
    addChangeRow(rows, view)
  }
  addHeadRows(rows)
  return {
    ctx,
    eligibility: elig,
    milp: b.build(),
    pairCol,
    pairFit,
    pairComponents,
    vacancyCol,
    slacks: rows.slacks,
    ruleRows: rows.ruleRows,
    lockCols,
    conflicts,
    hasTeamRows: rows.coupled,
  }
}
