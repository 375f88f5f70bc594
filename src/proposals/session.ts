/**
 * Staffing sessions: one formulated scenario re-solved after small edits — a
 * lock, a forbidden pair, a quota changed — as a department does in a meeting.
 * Each solve starts from the last proven optimum (its solution, whenever the
 * edits leave it feasible, whatever the method: a re-solve stopped early
 * answers at least as well; after a priced-core solve, its LP basis and gap
 * too, see `RunOptions.warmStart`), so a re-solve at county scale takes a
 * fraction of a first solve, and is as exact: the proposal is optimal for the
 * edited model, proven the same way.
 *
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import type { Proposal } from '../domain/proposal.js'
import type { Scenario } from '../domain/types.js'
import { editMilp, formulate } from '../model/index.js'
import type { Conflict, Milp, MilpEdit, RuleRow, StaffingModel } from '../model/index.js'
import { pairReach } from '../model/reach.js'
import type { Reach } from '../model/reach.js'
import type { WarmStart } from '../solvers/solver.js'
import { checkedStart } from '../solvers/highs-run.js'
import type { SolveError, SolveOptions } from './solve.js'
import { isModel, SOLVE_OPTION_SPEC, solveModelValues } from './solve.js'
import { checkOptions, isScenario, requireArgument, SCENARIO_EXPECTED } from '../io/door.js'
import { diagnoseModel } from './diagnose.js'
import type { Diagnosis } from './diagnose.js'
import { ruleRowLabel } from '../domain/codes.js'
import { postById, teamOfPost } from '../rules/index.js'
import { proposalFromValues } from './decode.js'

/**
 * What a session keeps between solves, for callers inside the library that
 * search near its last solution (shortlists): the column values of that
 * solution, its status and objective, and the warm start of the next solve.
 * @internal
 */
export interface SessionState {
  /** Column values of the last solution (solved or adopted); `null` before any, or from the assignment fast path. */
  readonly values: Float64Array | null
  readonly warmStart: WarmStart | undefined
}

/** Internal handles of a session (see {@link sessionInternals}). @internal */
export interface SessionInternals {
  state(): SessionState
  /** Takes over another session's last solution and warm start (same model, same columns). */
  seed(state: SessionState): void
  /**
   * Records `values` as the solution of the current model, proven optimal by
   * the caller (a solution of the edited model worth as much as a proven
   * optimum of a model containing it), without a solve; returns its proposal.
   */
  adopt(values: Float64Array, backend: string): Proposal
  /**
   * From now on, column bounds are edited in place, in copies of the bound
   * arrays made once here, rather than copied at every edit: for a session
   * whose models nobody else holds (the shortlist's own), edited hundreds of
   * times.
   */
  editInPlace(): void
}

const internals = new WeakMap<StaffingSession, SessionInternals>()

/** `values` as a sparse start, when they are a solution of `m` (its bounds and rows as edited); else `null`. */
function feasibleStart(
  m: Milp,
  values: Float64Array,
): { readonly indices: Int32Array; readonly values: Float64Array } | null {
  const indices: number[] = []
  for (let j = 0; j < values.length; j++) if (values[j] !== 0) indices.push(j)
  const start = { indices: Int32Array.from(indices), values: Float64Array.from(indices, (j) => values[j]!) }
  return checkedStart(m, start) === null ? null : start
}

/** The internal handles of a session made by {@link createSession}. @internal */
export function sessionInternals(session: StaffingSession): SessionInternals {
  const i = internals.get(session)
  if (i === undefined) throw new TypeError('sessionInternals: not a session made by createSession')
  return i
}

/**
 * What a rule row's bounds leave out of the rule's own number: a quota row
 * (`women>=2`) counts the members its open posts give, and bounds them by
 * what the team still needs (2 less the women who stay on its closed posts);
 * the rule's number is the row's bound plus this shift. `null` for rows whose
 * bound is not a count (average age: a sum of years) or has no number.
 */
function shiftOf(base: Milp, rr: RuleRow): number | null {
  const own = /(<=|>=)(-?\d+(?:\.\d+)?)$/.exec(rr.detail)
  if (own === null || rr.code === 'structure.average-age') return null
  const formulated = own[1] === '>=' ? base.rowLower[rr.row]! : base.rowUpper[rr.row]!
  return Number.isFinite(formulated) ? Number(own[2]) - formulated : null
}

/**
 * The detail of a rule row with the bounds the model has now: the row's own
 * detail while its bounds are as formulated, else followed by the bounds in
 * force in the rule's own terms (`women>=2, now ≥ 3`: the team's total, the
 * members who stay counted), which `ruleRowLabel` reads.
 */
function detailNow(m: Milp, base: Milp, rr: RuleRow): string {
  const lo = m.rowLower[rr.row]!
  const hi = m.rowUpper[rr.row]!
  if (lo === base.rowLower[rr.row] && hi === base.rowUpper[rr.row]) return rr.detail
  const k = shiftOf(base, rr) ?? 0
  const now =
    lo === hi
      ? `= ${lo + k}`
      : hi === Infinity
        ? `≥ ${lo + k}`
        : lo === -Infinity
          ? `≤ ${hi + k}`
          : `${lo + k}..${hi + k}`
  return `${rr.detail}, now ${now}`
}

/** A rule row in the user's words (team, then en / zh), with the bounds the model has now. */
function rowText(model: StaffingModel, base: Milp, rr: RuleRow): string {
  const team = model.ctx.scenario.teams.find((t) => t.id === rr.teamId)
  const where = team === undefined ? '' : `team ${team.name} (${team.id}): `
  const text = ruleRowLabel(rr.code, detailNow(model.milp, base, rr))
  return `${where}${text.en} / ${text.zh}`
}

/** Why a session edit was refused (the model is then unchanged). @category Proposals */
export type SessionEditError =
  | { readonly _tag: 'UnknownCadre'; readonly cadreId: string; readonly message: string }
  | { readonly _tag: 'UnknownPost'; readonly postId: string; readonly message: string }
  | {
      /** A hard rule blocks the pair: there is no column to lock. */
      readonly _tag: 'IneligiblePair'
      readonly cadreId: string
      readonly postId: string
      readonly message: string
    }
  | { readonly _tag: 'UnknownRow'; readonly name: string; readonly message: string }
  | { readonly _tag: 'InvalidBounds'; readonly message: string }

/**
 * A scenario's model kept between solves; see {@link createSession}.
 * @category Proposals
 */
export interface StaffingSession {
  /** The model as edited so far. */
  readonly model: StaffingModel
  /**
   * Solves the current model, starting from the last proven optimum of this
   * session (the first solve starts cold): its solution is the start whenever
   * the edits leave it feasible, so a solve the time limit or an abort stops
   * answers at least that. Options as for `solveModel`; a `warmStart` or a
   * `start` given here replaces the session's own. An edit that makes a
   * row impossible on its own (a quota raised beyond its candidates, two locks
   * on one post) is an `Infeasible` with that row as its conflict, found
   * without a solve.
   */
  solve(options?: SolveOptions): Promise<Either<SolveError, Proposal>>
  /** Fixes the cadre to the open post (ids); the pair must be eligible. */
  lock(cadreId: string, postId: string): Either<SessionEditError, StaffingModel>
  /** Keeps the cadre out of the open post (a pair no rule blocks is closed; a blocked one stays so). */
  forbid(cadreId: string, postId: string): Either<SessionEditError, StaffingModel>
  /** Undoes this session's lock or forbid of the pair: the pair's bounds as formulated. */
  release(cadreId: string, postId: string): Either<SessionEditError, StaffingModel>
  /**
   * Whether the open post may be left vacant: `false` requires it filled;
   * `true` restores the formulation's rule (`policy.vacancy.allowed`).
   */
  allowVacancy(postId: string, allowed: boolean): Either<SessionEditError, StaffingModel>
  /**
   * Sets the bounds of a row of a rule by name — a quota such as
   * `team:T0003:women>=1` (`model.ruleRows` lists the rows of rules with
   * their labels). A soft row keeps its slack: the new bound is then a
   * target, as formulated. Any other row (a post's own row, a cadre's
   * one-post row) is an `UnknownRow`: one cadre per post and one post per
   * cadre are not rules to move.
   */
  setRowBounds(name: string, lower: number, upper: number): Either<SessionEditError, StaffingModel>
  /**
   * Diagnoses the model as edited (see `diagnose`): an irreducible conflict
   * among the hard rules with this session's bounds, the scenario's locks and
   * this session's locks, this session's forbidden pairs standing, and the
   * cheapest relaxation. A pair the scenario locks and this session forbids
   * is a lock that cannot hold: the whole conflict, named as `solve()` names
   * it, dropped in the relaxation at a lock's price. Supply findings count
   * against the scenario's policy.
   */
  diagnose(options?: SolveOptions): Promise<Either<SolveError, Diagnosis>>
}

/**
 * Starts a session on a scenario (formulated once here) or on a model already
 * formulated.
 *
 * Among proposals of equal objective, a warm re-solve may choose a different
 * one than a cold solve of the same edited model; the same sequence of edits
 * and solves gives the same proposals.
 *
 * @throws TypeError when `source` is neither a scenario nor a model (a
 * programmer error; docs/guide.md, "What throws")
 * @category Proposals
 * @example
 * const session = createSession(scenario)
 * await session.solve()                                   // cold, ≈ 1 s at 1,200 cadres
 * session.lock('C00379', 'P00001')
 * session.setRowBounds('team:T0003:women>=1', 2, Infinity)
 * const next = await session.solve()                      // warm, ≈ 0.2–0.3 s
 */
export function createSession(source: Scenario | StaffingModel): StaffingSession {
  requireArgument(
    'createSession',
    'source',
    `${SCENARIO_EXPECTED} or a StaffingModel (from formulate)`,
    source,
    isScenario(source) || isModel(source),
  )
  const base: StaffingModel = isModel(source) ? source : formulate(source)
  let model = base
  let edited = false
  let warm: WarmStart | undefined
  let lastValues: Float64Array | null = null
  let inPlace = false
  let rowByName: Map<string, number> | null = null
  const { scenario, cadreIndex } = base.ctx
  const slackCols = new Set(base.slacks.map((x) => x.col))
  const postIndex = new Map<string, number>()
  scenario.openPosts.forEach((id, i) => postIndex.set(id, i))

  // What the session has edited: rows whose bounds it moved, columns whose bounds it moved.
  const editedRows = new Set<number>()
  const editedCols = new Uint8Array(base.milp.colCost.length)
  let editedColCount = 0
  // This session's locks, by column: droppable members of a diagnosis like the scenario's own.
  const locks = new Map<number, { readonly cadreId: string; readonly postId: string }>()
  const apply = (e: MilpEdit): Either<SessionEditError, StaffingModel> => {
    if (inPlace && e.rowBounds === undefined) {
      const { colLower, colUpper } = model.milp
      for (const [c, lo, hi] of e.colBounds ?? []) {
        colLower[c] = lo
        colUpper[c] = hi
      }
    } else model = { ...model, milp: editMilp(model.milp, e) }
    for (const [r] of e.rowBounds ?? []) editedRows.add(r)
    // A row the session moved is judged by its bounds now (editConflicts), not by what formulating
    // found impossible with the bounds it had: a quota relaxed no longer stands in the way.
    if (e.rowBounds !== undefined)
      model = { ...model, conflicts: base.conflicts.filter((c) => c.row === null || !editedRows.has(c.row)) }
    for (const [c] of e.colBounds ?? [])
      if (editedCols[c] === 0) {
        editedCols[c] = 1
        editedColCount++
      }
    edited = true
    return right(model)
  }

  let reach: ((m: Milp, r: number) => Reach) | null = null
  // The open post or the cadre whose own row a row is.
  let rowOwner: Map<number, { readonly post?: number; readonly cadre?: number }> | null = null
  const ownerOfRows = () => {
    const owners = new Map<number, { readonly post?: number; readonly cadre?: number }>()
    base.postRow.forEach((r, p) => owners.set(r, { post: p }))
    base.cadreRow.forEach((r, c) => {
      if (r >= 0) owners.set(r, { cadre: c })
    })
    return owners
  }

  /** Pairs the scenario locks and this session forbids: locks that cannot hold, as conflicts. */
  const forbiddenLocks = (): Conflict[] =>
    base.lockCols
      .filter((l) => model.milp.colUpper[l.col]! < base.milp.colLower[l.col]!)
      .map((l) => ({
        code: 'lock',
        teamId: null,
        postId: l.postId,
        cadreId: l.cadreId,
        message: `the scenario locks cadre ${l.cadreId} to post ${l.postId}, and this session forbids the pair`,
        zh: `方案锁定干部${l.cadreId}任${l.postId}，本次又禁止该人岗组合`,
        row: null,
      }))

  /**
   * Rows the edits make impossible on their own — a quota raised beyond what its candidates
   * can give, two locks on one post or one cadre, every candidate of a post that must be
   * filled forbidden — named as conflicts, found without a solve: for each row an edit touches,
   * the least and most its columns can give within their bounds.
   */
  const editConflicts = (): Conflict[] => {
    const m = model.milp
    const rows = new Set(editedRows)
    if (editedColCount > 0)
      for (let r = 0; r < m.rowLower.length; r++)
        for (let e = m.rowStarts[r]!; e < m.rowStarts[r + 1]!; e++)
          if (editedCols[m.rowIndex[e]!] === 1) {
            rows.add(r)
            break
          }
    const rule = new Map(model.ruleRows.map((rr) => [rr.row, rr]))
    const out: Conflict[] = forbiddenLocks()
    reach ??= pairReach(base)
    for (const r of [...rows].sort((a, b) => a - b)) {
      const { least, most } = reach(m, r)
      const lower = m.rowLower[r]!
      const upper = m.rowUpper[r]!
      if (most >= lower - 1e-9 && least <= upper + 1e-9) continue
      let locked = false
      for (let e = m.rowStarts[r]!; e < m.rowStarts[r + 1]!; e++) {
        const j = m.rowIndex[e]!
        if (editedCols[j] === 1 && m.colLower[j]! > 0) locked = true
      }
      const rr = rule.get(r)
      const named = rr === undefined ? establishmentConflict(r, least, most, locked) : null
      if (named !== null) {
        out.push({ ...named, row: r })
        continue
      }
      const what = rr === undefined ? m.rowNames[r]! : rowText(model, base.milp, rr)
      // In the rule's own terms (a team's total, its members who stay counted), as the label says.
      const k = rr === undefined ? 0 : (shiftOf(base.milp, rr) ?? 0)
      out.push({
        code: rr?.code ?? (locked ? 'lock' : 'establishment.vacancy'),
        teamId: rr?.teamId ?? null,
        postId: null,
        cadreId: null,
        message:
          most < lower - 1e-9
            ? `${what} needs at least ${lower + k}; with this session's locks and forbidden pairs at most ${most + k} is possible`
            : `${what} allows at most ${upper + k}; this session's locks already give ${least + k}`,
        zh:
          most < lower - 1e-9
            ? `${what}须至少${lower + k}；按本次锁定和禁止的组合至多能有${most + k}`
            : `${what}至多${upper + k}；本次锁定已有${least + k}`,
        row: r,
      })
    }
    return out
  }
  /**
   * A post's or a cadre's own row made impossible, in the words of the post
   * and the cadre: every candidate of a post that must be filled forbidden,
   * two cadres locked to one post, one cadre to two posts.
   */
  const establishmentConflict = (
    r: number,
    least: number,
    most: number,
    locked: boolean,
  ): Omit<Conflict, 'row'> | null => {
    rowOwner ??= ownerOfRows()
    const owner = rowOwner.get(r)
    if (owner?.post !== undefined) {
      const postId = scenario.openPosts[owner.post]!
      const team = teamOfPost(base.ctx, postId)
      const title = postById(base.ctx, postId).title
      const en = `post ${team.name} ${title} (${postId})`
      const zh = `${team.name}${title}（${postId}）`
      const empty = most < 1 - 1e-9
      return {
        code: locked ? 'lock' : 'establishment.vacancy',
        teamId: team.id,
        postId,
        cadreId: null,
        message: empty
          ? `${en} must be filled; with this session's locks and forbidden pairs no candidate is left`
          : `${en} holds one cadre; this session locks ${least} to it`,
        zh: empty
          ? `${zh}须有人任职；按本次锁定和禁止的组合已无人选`
          : `${zh}只能一人任职；本次锁定了${least}人`,
      }
    }
    if (owner?.cadre !== undefined && least > 1 + 1e-9) {
      const cadreId = scenario.cadres[owner.cadre]!.id
      const who = scenario.cadres[owner.cadre]!.name
      return {
        code: 'lock',
        teamId: null,
        postId: null,
        cadreId,
        message: `cadre ${who} (${cadreId}) holds one post; this session locks them to ${least}`,
        zh: `干部${who}（${cadreId}）只能任一职；本次锁定了${least}个岗位`,
      }
    }
    return null
  }
  /** The column of a pair, or why there is none. */
  const columnOf = (cadreId: string, postId: string): Either<SessionEditError, number | null> => {
    const c = cadreIndex.get(cadreId)
    if (c === undefined)
      return left({
        _tag: 'UnknownCadre',
        cadreId,
        message: `cadreId: no cadre "${cadreId}" in the scenario`,
      })
    const p = openPost(postId)
    if (p._tag === 'Left') return p
    const k = base.eligibility.indexOf(c, p.right)
    return right(k < 0 ? null : base.pairCol[k]!)
  }
  /** The index of an open post, or why there is none. */
  const openPost = (postId: string): Either<SessionEditError, number> => {
    const p = postIndex.get(postId)
    return p === undefined
      ? left({
          _tag: 'UnknownPost',
          postId,
          message: `postId: "${postId}" is not an open post of the scenario`,
        })
      : right(p)
  }

  const session: StaffingSession = {
    get model() {
      return model
    },
    async solve(options: SolveOptions = {}) {
      const checked = checkOptions<SolveOptions>(options, SOLVE_OPTION_SPEC)
      if (checked._tag === 'Left') return checked
      const conflicts = edited ? editConflicts() : []
      if (conflicts.length > 0)
        return left({
          _tag: 'Infeasible' as const,
          conflicts,
          message: conflicts.map((c) => c.message).join('\n'),
        })
      // The last solution, when the edits leave it feasible, is the start whatever the method (a
      // warm start of the priced core also carries it, but only after a priced-core solve): a
      // re-solve stopped early still answers at least as well.
      const start =
        lastValues === null || options.start !== undefined ? null : feasibleStart(model.milp, lastValues)
      const r = await solveModelValues(model, {
        ...(warm === undefined ? {} : { warmStart: warm }),
        ...(start === null ? {} : { start }),
        ...options,
        // The assignment fast path reads the formulation, not the edited bounds.
        ...(edited ? { fastPath: false } : {}),
      })
      if (r._tag === 'Left')
        return edited && r.left._tag === 'Infeasible' && r.left.conflicts.length === 0
          ? left({
              ...r.left,
              message:
                "the hard rules with this session's locks, forbidden pairs and bounds cannot all be met together; no single row is impossible on its own",
            })
          : r
      if (r.right.warmStart !== undefined) warm = r.right.warmStart
      lastValues = r.right.values
      return right(r.right.proposal)
    },
    lock(cadreId, postId) {
      const col = columnOf(cadreId, postId)
      if (col._tag === 'Left') return col
      if (col.right === null)
        return left({
          _tag: 'IneligiblePair',
          cadreId,
          postId,
          message: `cadre ${cadreId} is not eligible for post ${postId}: a hard rule blocks the pair`,
        })
      locks.set(col.right, { cadreId, postId })
      return apply({ colBounds: [[col.right, 1, 1]] })
    },
    forbid(cadreId, postId) {
      const col = columnOf(cadreId, postId)
      if (col._tag === 'Left') return col
      if (col.right === null) return right(model)
      locks.delete(col.right)
      return apply({ colBounds: [[col.right, 0, 0]] })
    },
    release(cadreId, postId) {
      const col = columnOf(cadreId, postId)
      if (col._tag === 'Left') return col
      const j = col.right
      if (j === null) return right(model)
      locks.delete(j)
      return apply({ colBounds: [[j, base.milp.colLower[j]!, base.milp.colUpper[j]!]] })
    },
    allowVacancy(postId, allowed) {
      if (typeof allowed !== 'boolean')
        return left({
          _tag: 'InvalidBounds',
          message: `allowed: expected true or false, got ${JSON.stringify(allowed) ?? String(allowed)}`,
        })
      const p = openPost(postId)
      if (p._tag === 'Left') return p
      const j = base.vacancyCol[p.right]!
      return apply({ colBounds: [[j, 0, allowed ? base.milp.colUpper[j]! : 0]] })
    },
    async diagnose(options: SolveOptions = {}) {
      const checked = checkOptions<SolveOptions>(options, SOLVE_OPTION_SPEC)
      if (checked._tag === 'Left') return checked
      const theirs = new Set(model.lockCols.map((l) => l.col))
      const own = [...locks]
        .filter(([col]) => !theirs.has(col))
        .sort((a, b) => a[0] - b[0])
        .map(([col, pair]) => ({ ...pair, col }))
      // A row whose bounds the session moved says so in its label.
      const ruleRows = model.ruleRows.map((rr) =>
        editedRows.has(rr.row) ? { ...rr, detail: detailNow(model.milp, base.milp, rr) } : rr,
      )
      // A pair the scenario locks and this session forbids is a lock that cannot hold: named as
      // solve() names it, never enforced nor freed by the diagnosis (the forbid stands).
      const unheld = forbiddenLocks().map((c) => ({
        kind: 'lock' as const,
        cadreId: c.cadreId!,
        postId: c.postId!,
        label: c.message,
      }))
      return diagnoseModel({ ...model, ruleRows, lockCols: [...model.lockCols, ...own] }, options, unheld)
    },
    setRowBounds(name, lower, upper) {
      // Rows of rules only: a post's or a cadre's own row (one cadre per post, one post per cadre) is
      // the establishment, not a rule to move; moved, a cadre held two posts in an "optimal" proposal.
      rowByName ??= new Map(base.ruleRows.map((rr) => [base.milp.rowNames[rr.row]!, rr.row]))
      const row = typeof name === 'string' ? rowByName.get(name) : undefined
      if (row === undefined)
        return left({
          _tag: 'UnknownRow',
          name,
          message: model.milp.rowNames.includes(name)
            ? `name: "${name}" is not a row of a rule (one cadre per post and one post per cadre stay as they are; model.ruleRows lists the rows of rules)`
            : `name: no row "${name}" in the model (model.ruleRows lists the rows of rules)`,
        })
      if (
        typeof lower !== 'number' ||
        typeof upper !== 'number' ||
        Number.isNaN(lower) ||
        Number.isNaN(upper) ||
        lower > upper ||
        lower === Infinity ||
        upper === -Infinity
      )
        return left({
          _tag: 'InvalidBounds',
          message: `bounds of ${name}: expected lower ≤ upper, finite on their side, got [${lower}, ${upper}]`,
        })
      // A soft row's slack was bounded by the shortfall its formulated bound allows; moved, the row is a
      // target at the rule's penalty however far it is missed (docs/proposals.md), so its slack is free.
      const moved = lower !== base.milp.rowLower[row] || upper !== base.milp.rowUpper[row]
      const slackBounds: [number, number, number][] = []
      for (let e = base.milp.rowStarts[row]!; e < base.milp.rowStarts[row + 1]!; e++) {
        const j = base.milp.rowIndex[e]!
        if (slackCols.has(j))
          slackBounds.push([j, base.milp.colLower[j]!, moved ? Infinity : base.milp.colUpper[j]!])
      }
      return apply({
        rowBounds: [[row, lower, upper]],
        ...(slackBounds.length > 0 ? { colBounds: slackBounds } : {}),
      })
    },
  }
  internals.set(session, {
    state: () => ({ values: lastValues, warmStart: warm }),
    seed: (state) => {
      lastValues = state.values
      warm = state.warmStart
    },
    adopt: (values, backend) => {
      lastValues = values
      return proposalFromValues(model, values, { status: 'optimal', bound: null, backend })
    },
    editInPlace: () => {
      if (inPlace) return
      model = {
        ...model,
        milp: { ...model.milp, colLower: model.milp.colLower.slice(), colUpper: model.milp.colUpper.slice() },
      }
      inPlace = true
    },
  })
  return session
}
