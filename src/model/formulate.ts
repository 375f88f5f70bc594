/**
 * Scenario → MILP. One binary per eligible (cadre, open post) pair, one
 * vacancy binary per open post, each cadre in at most one post, then the team
 * rows of docs/rules.md (src/model/team-rows.ts). Built once; every solve of a
 * scenario (rank, explain, re-solves) reuses it.
 *
 * @module
 */
import { requireScenario } from '../io/door.js'
import type { FitComponents } from '../domain/proposal.js'
import type { Post, Scenario } from '../domain/types.js'
import { contextOf, eligibility, pairVerdicts } from '../rules/index.js'
import type { Eligibility, ScenarioContext } from '../rules/index.js'
import { FitTable } from '../scoring/fit.js'
import { MilpBuilder } from './milp.js'
import type { Milp } from './milp.js'
import { Rows } from './rows.js'
import type { Conflict, RuleRow, SlackInfo } from './rows.js'
import { addHeadRows, addChangeRow } from './stability-rows.js'
import { addSupervisionRows } from './supervision-rows.js'
import { addTeamRows, teamViews } from './team-rows.js'

/**
 * The fit components of every eligible pair, pair `k` at `at(k)`: built on
 * request from values cached per cadre and per set of wanted specialties
 * (one object per pair would weigh more than the model).
 * @category Model
 */
export interface PairComponents {
  /** Number of pairs. */
  readonly length: number
  /** The components of pair `k` (a fresh object). */
  at(k: number): FitComponents
}

/** The model of one scenario, with the maps from columns back to the domain. @category Model */
export interface StaffingModel {
  readonly ctx: ScenarioContext
  readonly eligibility: Eligibility
  readonly milp: Milp
  /** Column of each eligible pair (same order as the pairs of `eligibility`). */
  readonly pairCol: Int32Array
  readonly pairFit: Float64Array
  /** Fit components of each eligible pair. */
  readonly pairComponents: PairComponents
  /** Column of the vacancy of each open post. */
  readonly vacancyCol: Int32Array
  /** Row of each open post (`post:<id>:filled`: its pairs and its vacancy sum to 1). */
  readonly postRow: Int32Array
  /**
   * Row of each cadre (`cadre:<id>:one-post`: at most one of their pairs),
   * −1 for a cadre with fewer than two pairs, who needs none.
   */
  readonly cadreRow: Int32Array
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
 * Entries per pair the builder reserves room for: a pair's post and cadre
 * rows and the rule rows of its team. Measured: ≈ 3 with 30 % of the posts
 * open, ≈ 6.1 at a general election (every post open, every rule row over
 * every post of the team). More is room never written; fewer, and the
 * entries are copied once while building. @internal
 */
export const ENTRIES_PER_PAIR = 8

/**
 * Builds the staffing model of a decoded scenario.
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Model
 */
export function formulate(scenario: Scenario): StaffingModel {
  requireScenario('formulate', scenario)
  const ctx = contextOf(scenario)
  const elig = eligibility(ctx)
  const b = new MilpBuilder()
  const conflicts: Conflict[] = []
  const open = scenario.openPosts
  const pairs = elig.size

  // Per open post: its kind and the specialties it wants, then one column per pair.
  const fits = new FitTable(scenario, ctx.ages)
  const postKind: Post['kind'][] = []
  const postWanted = new Int32Array(open.length)
  open.forEach((postId, i) => {
    const loc = ctx.postLocation.get(postId)!
    const team = scenario.teams[loc.team]!
    const post = team.posts[loc.slot]!
    postKind.push(post.kind)
    postWanted[i] = fits.wantedOf(post, team)
  })
  const pairFit = new Float64Array(pairs)
  const pairCost = new Float64Array(pairs)
  for (let p = 0; p < open.length; p++) {
    const score = fits.scorer(postWanted[p]!, postKind[p]!, open[p]!)
    for (let k = elig.postStart[p]!; k < elig.postStart[p + 1]!; k++) {
      const fit = score(elig.cadre[k]!)
      pairFit[k] = fit
      pairCost[k] = fit - elig.penalty[k]!
    }
  }
  // Room for every column and entry up front (bounds, not counts: the rule rows' slack columns and
  // entries are not known yet): growing would copy the model built so far (see MilpBuilder.reserve).
  b.reserveColumns(pairs + open.length + 64 * scenario.teams.length + 4096)
  b.reserve(
    open.length + scenario.cadres.length + 64 * scenario.teams.length,
    ENTRIES_PER_PAIR * pairs + 2 * open.length + 65536,
  )
  // One column per pair, `x:<cadre>:<post>`, named when the names are first read.
  const cadreIds = scenario.cadres.map((c) => c.id)
  const first = b.addColumns(
    pairs,
    (k) => `x:${cadreIds[elig.cadre[k]!]!}:${open[elig.post[k]!]!}`,
    pairCost,
    0,
    1,
    true,
  )
  const pairCol = new Int32Array(pairs)
  for (let k = 0; k < pairs; k++) pairCol[k] = first + k
  const pairComponents: PairComponents = {
    length: pairs,
    at: (k) =>
      fits.components(
        elig.cadre[k]!,
        postWanted[elig.post[k]!]!,
        postKind[elig.post[k]!]!,
        open[elig.post[k]!]!,
      ),
  }

  const vacancy = scenario.policy.vacancy
  const vacancyCol = new Int32Array(open.length)
  const postRow = new Int32Array(open.length)
  open.forEach((postId, i) => {
    vacancyCol[i] = b.addColumn(`vacant:${postId}`, -vacancy.penalty, 0, vacancy.allowed ? 1 : 0, true)
    const from = elig.postStart[i]!
    const to = elig.postStart[i + 1]!
    const cols = new Int32Array(to - from + 1)
    cols.set(pairCol.subarray(from, to))
    cols[to - from] = vacancyCol[i]!
    postRow[i] = b.addRow(`post:${postId}:filled`, cols, 1, 1, 1)
    if (!vacancy.allowed && to === from)
      conflicts.push({
        code: 'establishment.vacancy',
        teamId: scenario.teams[ctx.postLocation.get(postId)!.team]!.id,
        postId,
        cadreId: null,
        message: `post ${postId} must be filled but no candidate is eligible for it`,
        zh: `岗位${postId}不得空缺，但没有符合条件的人选`,
        row: null,
      })
  })

  // One row per cadre with two or more pairs, cadres in the order of their first pair.
  const perCadre = new Int32Array(scenario.cadres.length + 1)
  const firstPair = new Int32Array(scenario.cadres.length).fill(-1)
  for (let k = 0; k < pairs; k++) {
    const c = elig.cadre[k]!
    perCadre[c + 1]!++
    if (firstPair[c] === -1) firstPair[c] = k
  }
  for (let c = 0; c < scenario.cadres.length; c++) perCadre[c + 1]! += perCadre[c]!
  const next = perCadre.slice(0, scenario.cadres.length)
  const colsOfCadre = new Int32Array(pairs)
  for (let k = 0; k < pairs; k++) colsOfCadre[next[elig.cadre[k]!]!++] = pairCol[k]!
  const several: number[] = []
  for (let c = 0; c < scenario.cadres.length; c++) if (perCadre[c + 1]! - perCadre[c]! >= 2) several.push(c)
  several.sort((x, y) => firstPair[x]! - firstPair[y]!)
  // The cadre rows tie the teams together: the solver's bound relaxes them and solves each team whole.
  const cadreRow = new Int32Array(scenario.cadres.length).fill(-1)
  for (const c of several) {
    cadreRow[c] = b.addRow(
      `cadre:${cadreIds[c]!}:one-post`,
      colsOfCadre.subarray(perCadre[c]!, perCadre[c + 1]!),
      1,
      -Infinity,
      1,
    )
    b.markLinking(cadreRow[c]!)
  }

  const openPos = new Map(open.map((id, i) => [id, i]))
  const lockCols: { cadreId: string; postId: string; col: number }[] = []
  for (const lock of scenario.locks) {
    const c = ctx.cadreIndex.get(lock.cadreId)
    const p = openPos.get(lock.postId)
    const k = c === undefined || p === undefined ? -1 : elig.indexOf(c, p)
    if (k >= 0) {
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
      zh: `锁定的人岗组合${lock.cadreId} → ${lock.postId}无法成立：${reasons.length > 0 ? '不符合任职条件' : '该干部所任职务本轮未调整'}`,
      row: null,
    })
  }

  const rows = new Rows(b, ctx, elig, pairCol, openPos, conflicts)
  for (const view of teamViews(rows)) {
    addTeamRows(rows, view)
    addChangeRow(rows, view)
  }
  addSupervisionRows(rows)
  addHeadRows(rows)
  return {
    ctx,
    eligibility: elig,
    milp: b.build(),
    pairCol,
    pairFit,
    pairComponents,
    vacancyCol,
    postRow,
    cadreRow,
    slacks: rows.slacks,
    ruleRows: rows.ruleRows,
    lockCols,
    conflicts,
    hasTeamRows: rows.coupled,
  }
}
