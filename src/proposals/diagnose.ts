/**
 * Infeasibility diagnosis: fast supply checks that explain the common cases
 * without a solve, then an irreducible conflicting set of rules and locks
 * (Chinneck's elastic filter to find a small infeasible set, then a deletion
 * filter to make it irreducible: drop any one member and the rest can be met),
 * and the cheapest set of soft-enings that restores feasibility.
 *
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { ruleRowLabel } from '../domain/codes.js'
import type { RuleCode } from '../domain/codes.js'
import type { Scenario } from '../domain/types.js'
import { editMilp, elasticize, formulate } from '../model/index.js'
import type { Milp, RuleRow, StaffingModel } from '../model/index.js'
import type { SolveError, SolveOptions } from './solve.js'
import { backendOf, SOLVE_OPTION_SPEC } from './solve.js'
import { checkOptions, scenarioArgument } from '../io/door.js'
import { supplyFindings } from './supply.js'
import type { SupplyFinding } from './supply.js'

/** One member of a conflict, in domain terms. @category Proposals */
export type ConflictMember =
  | { readonly kind: 'rule'; readonly code: RuleCode; readonly teamId: string | null; readonly label: string }
  | { readonly kind: 'lock'; readonly cadreId: string; readonly postId: string; readonly label: string }
  | { readonly kind: 'filled'; readonly postId: string; readonly label: string }

/** Softening one member: how far it is missed and what that costs. @category Proposals */
export interface Relaxation {
  readonly member: ConflictMember
  readonly violation: number
  readonly cost: number
}

/** @category Proposals */
export interface Diagnosis {
  readonly feasible: boolean
  /** Shortages visible without a solve, county-wide and per team. */
  readonly supply: readonly SupplyFinding[]
  /** An irreducible conflicting set; empty when feasible. */
  readonly conflict: readonly ConflictMember[]
  /** The cheapest soft-enings that restore feasibility (rules at their policy penalty). */
  readonly relaxations: readonly Relaxation[]
  readonly relaxationCost: number
}

/** A constraint the diagnosis may drop. */
type Group =
  | { readonly kind: 'rule'; readonly row: RuleRow }
  | { readonly kind: 'lock'; readonly cadreId: string; readonly postId: string; readonly col: number }
  | { readonly kind: 'filled'; readonly postId: string; readonly col: number }

/** What softening a lock costs in the relaxation: locks are the user's word, so above any rule. */
const LOCK_WEIGHT = 1e5

/**
 * Whether the model as it stands closes a lock's column (a session's forbid of a pair the scenario
 * locks): such a lock cannot hold whatever else gives, and is no member the filters may enforce.
 */
const closedLock = (model: StaffingModel, l: { readonly col: number }): boolean =>
  model.milp.colUpper[l.col]! < 1 - 1e-9

function groupsOf(model: StaffingModel): Group[] {
  const out: Group[] = model.ruleRows.filter((r) => r.hard).map((row) => ({ kind: 'rule' as const, row }))
  for (const l of model.lockCols) if (!closedLock(model, l)) out.push({ kind: 'lock', ...l })
  // Posts that must be filled, as the model has them now: the policy's rule, or a session's
  // allowVacancy(post, false).
  model.ctx.scenario.openPosts.forEach((postId, i) => {
    const col = model.vacancyCol[i]!
    if (model.milp.colUpper[col] === 0) out.push({ kind: 'filled', postId, col })
  })
  return out
}

function memberOf(model: StaffingModel, g: Group): ConflictMember {
  const { scenario } = model.ctx
  if (g.kind === 'rule') {
    const team = scenario.teams.find((t) => t.id === g.row.teamId)
    const where = team === undefined ? '' : `team ${team.name} (${team.id}): `
    const text = ruleRowLabel(g.row.code, g.row.detail)
    const label = `${where}${text.en} / ${text.zh}`
    return { kind: 'rule', code: g.row.code, teamId: g.row.teamId, label }
  }
  // Posts by their team's name and their title, with the id for the record.
  const postName = (postId: string): string => {
    const team = scenario.teams.find((t) => t.posts.some((p) => p.id === postId))
    const post = team?.posts.find((p) => p.id === postId)
    return team === undefined || post === undefined
      ? `post ${postId}`
      : `${team.name} ${post.title} (${postId})`
  }
  if (g.kind === 'lock') {
    const c = scenario.cadres.find((x) => x.id === g.cadreId)
    return {
      kind: 'lock',
      cadreId: g.cadreId,
      postId: g.postId,
      label: `lock: ${c?.name ?? g.cadreId} (${g.cadreId}) → ${postName(g.postId)}`,
    }
  }
  return {
    kind: 'filled',
    postId: g.postId,
    label: `${postName(g.postId)} must be filled (vacancies not allowed)`,
  }
}

/** The model with only `active` groups enforced, and a zero objective: a pure feasibility question. */
function restricted(model: StaffingModel, groups: readonly Group[], active: ReadonlySet<number>): Milp {
  const rowBounds: (readonly [number, number, number])[] = []
  const colBounds: (readonly [number, number, number])[] = []
  groups.forEach((g, i) => {
    if (active.has(i)) return
    if (g.kind === 'rule') rowBounds.push([g.row.row, -Infinity, Infinity])
    // A lock dropped frees its pair within the bounds the model has now, never beyond them.
    else if (g.kind === 'lock') colBounds.push([g.col, 0, model.milp.colUpper[g.col]!])
    else colBounds.push([g.col, 0, 1])
  })
  const m = editMilp(model.milp, { rowBounds, colBounds })
  return { ...m, colCost: new Float64Array(m.colCost.length) }
}

/** Elastic form: groups outside `hard` may be violated, each violation weighted by `weight`. */
function elastic(
  model: StaffingModel,
  groups: readonly Group[],
  hard: ReadonlySet<number>,
  weight: (g: Group) => number,
) {
  const soft = groups.map((g, i) => ({ g, i })).filter(({ i }) => !hard.has(i))
  const rows = soft.filter(({ g }) => g.kind === 'rule').map(({ g }) => (g.kind === 'rule' ? g.row.row : -1))
  const { milp, elastic: cols } = elasticize(model.milp, rows)
  const colCost = milp.colCost
  const colLower = milp.colLower.slice()
  const colUpper = milp.colUpper.slice()
  // A lock that cannot hold (its column closed) is dropped, whatever else is soft.
  for (const l of model.lockCols) if (closedLock(model, l)) colLower[l.col] = 0
  const violation: { group: number; cols: readonly number[]; sign: 1 | -1; offset: number }[] = []
  for (const { g, i } of soft) {
    const w = weight(g)
    if (g.kind === 'rule') {
      const e = cols.find((x) => x.row === g.row.row)!
      for (const c of e.cols) colCost[c] = -w
      violation.push({ group: i, cols: e.cols, sign: 1, offset: 0 })
    } else if (g.kind === 'lock') {
      // Violation 1 − x: maximise w·x.
      colLower[g.col] = 0
      colCost[g.col] = w
      violation.push({ group: i, cols: [g.col], sign: -1, offset: 1 })
    } else {
      colUpper[g.col] = 1
      colCost[g.col] = -w
      violation.push({ group: i, cols: [g.col], sign: 1, offset: 0 })
    }
  }
  return { milp: { ...milp, colLower, colUpper }, violation }
}

/**
 * Whether the scenario's hard constraints are feasible with only the given
 * conflict members enforced among the droppable ones (rules, locks, filled
 * posts); the rest of the model always holds. For checking a diagnosis.
 * @internal
 */
export async function feasibleWithOnly(
  scenario: Scenario,
  members: readonly ConflictMember[],
  options: SolveOptions = {},
): Promise<boolean | null> {
  const model = formulate(scenario)
  const groups = groupsOf(model)
  const labels = new Set(members.map((m) => m.label))
  const active = new Set(
    groups
      .map((g, i) => [g, i] as const)
      .filter(([g]) => labels.has(memberOf(model, g).label))
      .map(([, i]) => i),
  )
  const r = await backendOf(options.backend).solve(restricted(model, groups, active), options)
  return r.status === 'optimal' ? true : r.status === 'infeasible' ? false : null
}

/**
 * Diagnoses a scenario: supply shortages, an irreducible conflicting set of
 * rules and locks when it is infeasible, and the cheapest relaxation.
 *
 * @category Proposals
 * @param scenario - a decoded scenario
 * @param options - backend, `timeLimitMs` (for the whole diagnosis), `signal`, `onProgress`
 * @returns the diagnosis, or why the solves behind it failed
 * @example
 * const s = generateScenario({ seed: 1, cadres: 60, policy: { structure: { women: { min: 6 } } } })
 * const d = await diagnose(s)
 * isRight(d) && d.right.feasible //=> false
 * isRight(d) && d.right.conflict[0]?.label //=> 'team 青山旗发展和改革委员会 (T0004): at least 6 women / 至少6名女干部'
 */
export async function diagnose(
  scenario: Scenario,
  options: SolveOptions = {},
): Promise<Either<SolveError, Diagnosis>> {
  const bad = scenarioArgument(scenario)
  if (bad !== null) return left(bad)
  const checked = checkOptions<SolveOptions>(options, SOLVE_OPTION_SPEC)
  if (checked._tag === 'Left') return checked
  return diagnoseModel(formulate(scenario), options)
}

/**
 * {@link diagnose} on a formulated model, as it stands: its row bounds (a
 * session's quotas), its column bounds (a session's forbidden pairs) and its
 * locks (`lockCols`, a session's included) are the ones diagnosed; supply
 * findings count against the scenario's policy. A lock whose column the model
 * closes cannot hold: `unheld` names such locks in the caller's words (a
 * session's: "the scenario locks …, and this session forbids the pair"); one
 * it does not name is named here.
 * @internal
 */
export async function diagnoseModel(
  model: StaffingModel,
  options: SolveOptions = {},
  unheld: readonly ConflictMember[] = [],
): Promise<Either<SolveError, Diagnosis>> {
  const { scenario } = model.ctx
  const supply = supplyFindings(model)
  const solver = backendOf(options.backend)
  const deadline = performance.now() + (options.timeLimitMs ?? 60_000)
  const run = async (m: Milp) => {
    const remaining = deadline - performance.now()
    if (remaining <= 0) return { status: 'time-limit' as const, values: null }
    if (options.signal?.aborted) return { status: 'interrupted' as const, values: null }
    return solver.solve(m, { ...options, timeLimitMs: remaining })
  }
  const stopped = (status: string): SolveError =>
    status === 'interrupted'
      ? { _tag: 'Aborted', message: 'diagnosis aborted' }
      : status === 'time-limit'
        ? { _tag: 'TimeLimit', bound: null, message: 'diagnosis did not finish within the time limit' }
        : {
            _tag: 'SolverFailure',
            backend: solver.name,
            message: `diagnosis solve ended with status ${status}`,
          }

  const groups = groupsOf(model)
  // Cheapest relaxation: every group elastic, each violation at its rule's penalty.
  const weight = (g: Group) =>
    g.kind === 'rule' ? g.row.penalty : g.kind === 'lock' ? LOCK_WEIGHT : scenario.policy.vacancy.penalty
  const cheapest = async (): Promise<Either<SolveError, Relaxation[]>> => {
    const { milp, violation } = elastic(model, groups, new Set(), weight)
    const r = await run(milp)
    if (r.status !== 'optimal' || r.values === null) return left(stopped(r.status))
    const values = r.values
    const relaxations: Relaxation[] = []
    for (const v of violation) {
      const amount = v.cols.reduce((s, c) => s + v.offset + v.sign * values[c]!, 0)
      if (amount <= 1e-6) continue
      const g = groups[v.group]!
      relaxations.push({
        member: memberOf(model, g),
        violation: Math.round(amount * 1e6) / 1e6,
        cost: Math.round(amount * weight(g) * 1e6) / 1e6,
      })
    }
    return right(relaxations)
  }
  const infeasible = (conflict: readonly ConflictMember[], relaxations: readonly Relaxation[]) =>
    right({
      feasible: false,
      supply,
      conflict,
      relaxations,
      relaxationCost: Math.round(relaxations.reduce((s, x) => s + x.cost, 0) * 1e6) / 1e6,
    })

  // Locks that cannot hold whatever else gives: one on a pair a hard rule blocks (the model has no
  // column for it), one on a pair the model as edited closes (a session's forbid of a pair the
  // scenario locks). Each is infeasible on its own, so the first is the whole conflict, found
  // without a filter; the relaxation drops each of them — at a lock's price — and whatever the rest
  // of the model then still needs, from one elastic solve of the model without them.
  const lost: ConflictMember[] = []
  for (const c of model.conflicts)
    if (c.code === 'lock' && c.cadreId !== null && c.postId !== null)
      lost.push({ kind: 'lock', cadreId: c.cadreId, postId: c.postId, label: c.message })
  for (const l of model.lockCols) {
    if (!closedLock(model, l)) continue
    const named = unheld.find((m) => m.kind === 'lock' && m.cadreId === l.cadreId && m.postId === l.postId)
    const member = memberOf(model, { kind: 'lock', ...l })
    lost.push(named ?? { ...member, label: `${member.label}: the model as edited closes the pair` })
  }
  if (lost.length > 0) {
    const rest = await cheapest()
    if (rest._tag === 'Left') return rest
    return infeasible(
      [lost[0]!],
      [...lost.map((member) => ({ member, violation: 1, cost: LOCK_WEIGHT })), ...rest.right],
    )
  }

  const all = new Set(groups.map((_, i) => i))
  const feasible = async (active: ReadonlySet<number>): Promise<boolean | SolveError> => {
    const r = await run(restricted(model, groups, active))
    if (r.status === 'optimal') return true
    if (r.status === 'infeasible') return false
    return stopped(r.status)
  }
  // A conflict found by counting (a quota the candidates cannot meet, a post no one may fill) is one
  // group infeasible on its own: already an irreducible conflict, no filter needed.
  const counted = model.conflicts
    .map((c) =>
      groups.findIndex((g) =>
        c.row !== null
          ? g.kind === 'rule' && g.row.row === c.row
          : g.kind === 'filled' && g.postId === c.postId,
      ),
    )
    .find((i) => i >= 0)
  const whole = counted === undefined ? await feasible(all) : false
  if (typeof whole !== 'boolean') return left(whole)
  if (whole) return right({ feasible: true, supply, conflict: [], relaxations: [], relaxationCost: 0 })

  // Elastic filter: enforce every group an elastic solve has to violate until the enforced set alone is infeasible.
  const enforced = new Set<number>(counted === undefined ? [] : [counted])
  for (; counted === undefined;) {
    const { milp, violation } = elastic(model, groups, enforced, () => 1)
    const r = await run(milp)
    if (r.status === 'infeasible') break
    if (r.status !== 'optimal' || r.values === null) return left(stopped(r.status))
    const values = r.values
    const broken = violation.filter(
      (v) => v.cols.reduce((s, c) => s + v.offset + v.sign * values[c]!, 0) > 1e-6,
    )
    if (broken.length === 0) break
    for (const v of broken) enforced.add(v.group)
  }
  // Deletion filter: drop each member whose removal leaves the rest infeasible.
  const conflictSet = new Set(enforced)
  for (const g of counted === undefined ? [...enforced].sort((a, b) => a - b) : []) {
    conflictSet.delete(g)
    const ok = await feasible(conflictSet)
    if (typeof ok !== 'boolean') return left(ok)
    if (ok) conflictSet.add(g)
  }

  const relaxations = await cheapest()
  if (relaxations._tag === 'Left') return relaxations
  return infeasible(
    [...conflictSet].sort((a, b) => a - b).map((i) => memberOf(model, groups[i]!)),
    relaxations.right,
  )
}
