/**
 * What every team row needs: the builder, the pairs of the team's open posts,
 * its fixed members, and the two ways a rule reports — a penalised slack
 * column for a soft rule, a conflict for a hard rule the candidates cannot meet.
 *
 * @module
 */
import type { RuleCode, TeamRuleCode } from '../domain/codes.js'
import type { RuleSwitch } from '../domain/policy.js'
import type { Cadre, Team } from '../domain/types.js'
import type { Eligibility, ScenarioContext } from '../rules/index.js'
import type { MilpBuilder } from './milp.js'
import type { Quota } from './quotas.js'

/** A penalised slack column of a soft rule. @category Model */
export interface SlackInfo {
  readonly col: number
  readonly code: TeamRuleCode | 'avoidance.kin'
  readonly teamId: string | null
  readonly penalty: number
}

/** A reason the scenario cannot be staffed, found while formulating. @category Model */
export interface Conflict {
  readonly code: RuleCode
  readonly teamId: string | null
  readonly postId: string | null
  readonly cadreId: string | null
  readonly message: string
  /** The same in Chinese, for the people who decide. */
  readonly zh: string
  /**
   * The rule row that cannot hold, when the conflict is one (a quota the
   * candidates cannot meet, …): that row alone is infeasible.
   */
  readonly row: number | null
}

/**
 * A row that encodes one instance of a rule (a team's quota, a kin pair, a
 * unit's heads): what diagnosis and explanation relax, and how they name it.
 * @category Model
 */
export interface RuleRow {
  readonly row: number
  readonly code: SlackInfo['code']
  readonly teamId: string | null
  /** Hard rows must hold; a soft row has a slack column. */
  readonly hard: boolean
  /** The rule's penalty per unit of shortfall (what softening a hard row would cost). */
  readonly penalty: number
  /** The instance within the team, from the row name: `women>=1`, `kin-C3-C9<=1`. */
  readonly detail: string
  /** In domain words: `team 乡镇12 (T12): structure.women (women>=1)`. */
  readonly label: string
}

/** A key of each cadre as a number (−1: none), the key of each number, and the numbers in key order. @internal */
export interface CadreKeys {
  readonly ids: Int32Array
  readonly names: readonly string[]
  readonly byName: Int32Array
}

function keysOf(cadres: readonly Cadre[], key: (c: Cadre) => string | null): CadreKeys {
  const ids = new Int32Array(cadres.length)
  const names: string[] = []
  const idOf = new Map<string, number>()
  cadres.forEach((cadre, c) => {
    const k = key(cadre)
    if (k === null) {
      ids[c] = -1
      return
    }
    let id = idOf.get(k)
    if (id === undefined) idOf.set(k, (id = names.push(k) - 1))
    ids[c] = id
  })
  const byName = Int32Array.from(names.keys()).sort((a, b) => (names[a]! < names[b]! ? -1 : 1))
  return { ids, names, byName }
}

/**
 * The pairs of a team grouped by a key of their cadre (a counting sort: pairs
 * in team order within a group); group `id` is `pairs[start[id] … start[id + 1] − 1]`.
 * @internal
 */
export function groupPairs(
  keys: CadreKeys,
  teamCadres: Int32Array,
  pairs: ArrayLike<number>,
): { readonly start: Int32Array; readonly pairs: Int32Array } {
  const { ids, names } = keys
  const start = new Int32Array(names.length + 1)
  for (let i = 0; i < teamCadres.length; i++) {
    const id = ids[teamCadres[i]!]!
    if (id >= 0) start[id + 1]!++
  }
  for (let id = 0; id < names.length; id++) start[id + 1]! += start[id]!
  const next = start.slice(0, names.length)
  const grouped = new Int32Array(start[names.length]!)
  for (let i = 0; i < teamCadres.length; i++) {
    const id = ids[teamCadres[i]!]!
    if (id >= 0) grouped[next[id]!++] = pairs[i]!
  }
  return { start, pairs: grouped }
}

/** Shared state of the row builders. @internal */
export class Rows {
  readonly slacks: SlackInfo[] = []
  readonly ruleRows: RuleRow[] = []
  /** Conflicts found since the last rule row: they are about the next one. */
  private unlinked: number[] = []
  /** Whether any row couples two posts. */
  coupled = false
  /** Quota key → which cadres count towards it (1), computed once per formulation. */
  private readonly quotaMembers = new Map<string, Uint8Array>()
  /** A mark per cadre, for counting distinct cadres without a set. */
  private readonly stamp: Int32Array
  private stamps = 0
  private mainFields: CadreKeys | undefined
  private temperamentKeys: CadreKeys | undefined
  private colBuf = new Int32Array(64)
  private coefBuf = new Float64Array(64)

  constructor(
    readonly b: MilpBuilder,
    readonly ctx: ScenarioContext,
    readonly elig: Eligibility,
    readonly pairCol: Int32Array,
    readonly openPos: ReadonlyMap<string, number>,
    readonly conflicts: Conflict[],
  ) {
    this.stamp = new Int32Array(ctx.scenario.cadres.length)
  }

  /** Which cadres count towards a quota: `has` asked once per cadre and quota, not once per pair. */
  members(q: Quota): Uint8Array {
    // The tag names the quota; what it counts (with a titular ethnicity) tells teams apart.
    const key = `${q.code}\u0000${q.tag}\u0000${q.what}`
    let m = this.quotaMembers.get(key)
    if (m === undefined) {
      m = new Uint8Array(this.ctx.scenario.cadres.length)
      for (const c of this.ctx.candidates) m[c] = q.has(c) ? 1 : 0
      this.quotaMembers.set(key, m)
    }
    return m
  }

  /**
   * The columns of the pairs whose cadre is a member (`cadres` and `cols` by
   * pair, in order) into `out`: how many, and how many distinct cadres.
   */
  pick(
    member: Uint8Array,
    cadres: Int32Array,
    cols: Int32Array,
    out: Int32Array,
  ): { readonly count: number; readonly distinct: number } {
    const mark = ++this.stamps
    let count = 0
    let distinct = 0
    for (let i = 0; i < cadres.length; i++) {
      const c = cadres[i]!
      if (member[c] !== 1) continue
      out[count++] = cols[i]!
      if (this.stamp[c] !== mark) {
        this.stamp[c] = mark
        distinct++
      }
    }
    return { count, distinct }
  }

  /** Number of distinct cadres among pairs. */
  distinct(pairs: ArrayLike<number>): number {
    const mark = ++this.stamps
    let n = 0
    for (let i = 0; i < pairs.length; i++) {
      const c = this.elig.cadre[pairs[i]!]!
      if (this.stamp[c] !== mark) {
        this.stamp[c] = mark
        n++
      }
    }
    return n
  }

  /** The field (`category/field`) of each cadre's first specialty, `null` when none. */
  mainField(c: number): string | null {
    const id = this.fields().ids[c]!
    return id < 0 ? null : this.fields().names[id]!
  }

  /** Each cadre's main field as a number (−1: none), the field of each number, and the numbers by field name. */
  fields(): CadreKeys {
    return (this.mainFields ??= keysOf(this.ctx.scenario.cadres, (cadre) => {
      const code = cadre.specialties[0]?.code
      return code === undefined ? null : code.split('/').slice(0, 2).join('/')
    }))
  }

  /** Each cadre's temperament as a number (−1: none), as {@link Rows.fields}. */
  temperaments(): CadreKeys {
    return (this.temperamentKeys ??= keysOf(this.ctx.scenario.cadres, (cadre) => cadre.temperament))
  }

  /**
   * The cadres among pairs: those with kin, in the order first met, and
   * whether a cadre is among them (valid until the next call).
   */
  cadresOf(pairs: ArrayLike<number>): {
    readonly withKin: readonly number[]
    readonly has: (c: number) => boolean
  } {
    const mark = ++this.stamps
    const withKin: number[] = []
    const { kin } = this.ctx
    for (let i = 0; i < pairs.length; i++) {
      const c = this.elig.cadre[pairs[i]!]!
      if (this.stamp[c] !== mark) {
        this.stamp[c] = mark
        if (kin[c]!.size > 0) withKin.push(c)
      }
    }
    return { withKin, has: (c) => this.stamp[c] === mark }
  }

  /** A slack column costing the rule's penalty per unit. */
  slack(code: SlackInfo['code'], team: Team | null, tag: string, rule: RuleSwitch, upper: number): number {
    const col = this.b.addColumn(`slack:${team?.id ?? ''}:${tag}`, -rule.penalty, 0, upper, false)
    this.slacks.push({ col, code, teamId: team?.id ?? null, penalty: rule.penalty })
    return col
  }

  /** Adds a coupling row; a soft rule's slack enters with `slackSign`. `coefs` may be one number for all. */
  row(
    name: string,
    cols: ArrayLike<number>,
    coefs: ArrayLike<number> | number,
    lower: number,
    upper: number,
    soft: {
      code: SlackInfo['code']
      team: Team | null
      tag: string
      rule: RuleSwitch
      upper: number
      sign: 1 | -1
    } | null,
  ): void {
    if (soft !== null && !soft.rule.hard) {
      // The entries and the slack's, in buffers kept for the next row (the builder copies them).
      const n = cols.length
      if (this.colBuf.length <= n) {
        this.colBuf = new Int32Array(2 * n + 1)
        this.coefBuf = new Float64Array(2 * n + 1)
      }
      for (let k = 0; k < n; k++) this.colBuf[k] = cols[k]!
      if (typeof coefs === 'number') this.coefBuf.fill(coefs, 0, n)
      else for (let k = 0; k < n; k++) this.coefBuf[k] = coefs[k]!
      this.colBuf[n] = this.slack(soft.code, soft.team, soft.tag, soft.rule, soft.upper)
      this.coefBuf[n] = soft.sign
      cols = this.colBuf.subarray(0, n + 1)
      coefs = this.coefBuf.subarray(0, n + 1)
    }
    const row = this.b.addRow(name, cols, coefs, lower, upper)
    this.coupled = true
    // Every conflict is recorded just before the row of the rule instance it is about.
    for (const i of this.unlinked) {
      const c = this.conflicts[i]!
      if (soft !== null && c.code === soft.code && c.teamId === (soft.team?.id ?? null))
        this.conflicts[i] = { ...c, row }
    }
    this.unlinked = []
    if (soft !== null) {
      const detail = name.split(':').slice(2).join(':')
      const where = soft.team === null ? '' : `team ${soft.team.name} (${soft.team.id}): `
      this.ruleRows.push({
        row,
        code: soft.code,
        teamId: soft.team?.id ?? null,
        hard: soft.rule.hard,
        penalty: soft.rule.penalty,
        detail,
        label: `${where}${soft.code} (${detail})`,
      })
    }
  }

  conflict(code: RuleCode, team: Team, message: string, zh: string): void {
    this.unlinked.push(this.conflicts.length)
    this.conflicts.push({
      code,
      teamId: team.id,
      postId: null,
      cadreId: null,
      message: `team ${team.name} (${team.id}): ${message}`,
      zh: `${team.name}（${team.id}）：${zh}`,
      row: null,
    })
  }

  /** Pair index of a cadre in an open post, if the pair is eligible. */
  pairOf(cadreIdx: number, openPostPos: number): number | undefined {
    const k = this.elig.indexOf(cadreIdx, openPostPos)
    return k < 0 ? undefined : k
  }
}
