/**
 * The composition rows of each team with an open post: count quotas, average
 * age, specialty caps, temperament mix and kin avoidance, exactly as
 * docs/rules.md states them.
 *
 * @module
 */
import { RULE_LABELS } from '../domain/codes.js'
import type { Team, Temperament } from '../domain/types.js'
import { fixedMembers } from '../rules/index.js'
import { quotasOf } from './quotas.js'
import { groupPairs } from './rows.js'
import type { Rows } from './rows.js'
import { addShortTenureRows } from './tenure-rows.js'

/** The team's view: its open posts, their eligible pairs, its fixed members. @internal */
export interface TeamView {
  readonly team: Team
  /** Positions in `scenario.openPosts` of the team's open posts. */
  readonly open: readonly number[]
  /** Eligible pairs of those posts. */
  readonly pairs: Int32Array
  /** Cadre indices of the incumbents of its closed posts. */
  readonly fixed: readonly number[]
}

/** Teams with at least one open post, with their pairs. @internal */
export function teamViews(rows: Rows): TeamView[] {
  const { ctx, elig, openPos } = rows
  const views: TeamView[] = []
  for (const team of ctx.scenario.teams) {
    const open = team.posts.map((p) => openPos.get(p.id)).filter((i): i is number => i !== undefined)
    if (open.length === 0) continue
    let size = 0
    for (const i of open) size += elig.postStart[i + 1]! - elig.postStart[i]!
    const pairs = new Int32Array(size)
    let at = 0
    for (const i of open) for (let k = elig.postStart[i]!; k < elig.postStart[i + 1]!; k++) pairs[at++] = k
    views.push({ team, open, pairs, fixed: fixedMembers(ctx, team) })
  }
  return views
}

/** Adds every composition row of one team, and its short-tenure rows (src/model/tenure-rows.ts). @internal */
export function addTeamRows(rows: Rows, view: TeamView): void {
  const { ctx, elig, pairCol } = rows
  const { team, open, pairs, fixed } = view
  const structure = ctx.scenario.policy.structure
  const n = team.posts.length
  const pairCadre = elig.cadre
  const cadre = (c: number) => ctx.scenario.cadres[c]!
  const age = (c: number) => ctx.ages[c]!
  const distinct = (ks: ArrayLike<number>) => rows.distinct(ks)
  const mainField = (c: number) => rows.mainField(c)

  // The team's pairs as columns and cadres, once.
  const teamCols = new Int32Array(pairs.length)
  const teamCadres = new Int32Array(pairs.length)
  for (let i = 0; i < pairs.length; i++) {
    teamCols[i] = pairCol[pairs[i]!]!
    teamCadres[i] = pairCadre[pairs[i]!]!
  }
  const picked = new Int32Array(pairs.length)

  for (const q of quotasOf(ctx, team)) {
    const need = q.min - fixed.filter(q.has).length
    if (need <= 0) continue
    const { count, distinct: members } = rows.pick(rows.members(q), teamCadres, teamCols, picked)
    const reach = Math.min(open.length, members)
    if (q.rule.hard && reach < need)
      rows.conflict(
        q.code,
        team,
        `needs ≥ ${q.min} ${q.what}; ${q.min - need} among its fixed members, at most ${reach} more among eligible candidates for its ${open.length} open post(s)`,
        `${RULE_LABELS[q.code].zh}须至少${q.min}名；不调整的成员中有${q.min - need}名，${open.length}个调整岗位的合格人选中最多再有${reach}名`,
      )
    rows.row(`team:${team.id}:${q.tag}>=${q.min}`, picked.subarray(0, count), 1, need, Infinity, {
      ...{ code: q.code, team, tag: q.tag, rule: q.rule, upper: need, sign: 1 },
    })
  }

  const avg = structure.averageAge
  if (avg.enabled && n >= avg.minTeamSize) {
    const bounds: [string, number, 1 | -1][] = []
    if (avg.max !== null) bounds.push(['max', avg.max, 1])
    if (avg.min !== null) bounds.push(['min', avg.min, -1])
    const coefs = new Float64Array(pairs.length)
    for (const [tag, bound, sign] of bounds) {
      // Σ sign·(age − bound) over the members ≤ 0: linear in the number of members.
      const fixedSum = fixed.reduce((s, c) => s + sign * (age(c) - bound), 0)
      const name = `team:${team.id}:average-age-${tag}${sign > 0 ? '<=' : '>='}${bound}`
      for (let i = 0; i < pairs.length; i++) coefs[i] = sign * (age(teamCadres[i]!) - bound)
      rows.row(name, teamCols, coefs, -Infinity, -fixedSum, {
        ...{
          code: 'structure.average-age',
          team,
          tag: `average-age-${tag}`,
          rule: avg,
          upper: Infinity,
          sign: -1,
        },
      })
    }
  }

  const cap = structure.specialtyCap
  if (cap.enabled) {
    // The pairs by their cadre's main field (a counting sort, pairs in team order within a field),
    // then the fields in name order: those of the pairs and of the fixed members (maybe with no pair).
    const { ids, names, byName } = rows.fields()
    const inFixed = new Uint8Array(names.length)
    for (const c of fixed) if (ids[c]! >= 0) inFixed[ids[c]!] = 1
    const { start, pairs: grouped } = groupPairs(rows.fields(), teamCadres, pairs)
    for (const id of byName) {
      if (start[id + 1] === start[id] && inFixed[id] === 0) continue
      const field = names[id]!
      const ks = grouped.subarray(start[id]!, start[id + 1]!)
      const room = cap.maxPerField - fixed.filter((c) => mainField(c) === field).length
      if (Math.min(open.length, distinct(ks)) <= room && room >= 0) continue
      if (cap.hard && room < 0)
        rows.conflict(
          'structure.specialty-cap',
          team,
          `its fixed members already exceed ${cap.maxPerField} in ${field}`,
          `不调整的成员中“${field}”领域已超过${cap.maxPerField}人`,
        )
      rows.row(
        `team:${team.id}:field-${field}<=${cap.maxPerField}`,
        ks.map((k) => pairCol[k]!),
        1,
        -Infinity,
        room,
        {
          ...{
            code: 'structure.specialty-cap',
            team,
            tag: `cap-${field}`,
            rule: cap,
            upper: Infinity,
            sign: -1,
          },
        },
      )
    }
  }

  const temp = structure.temperament
  if (temp.enabled && n >= temp.minTeamSize) {
    const present = new Set(fixed.map((c) => cadre(c).temperament).filter((t) => t !== null))
    const need = temp.minDistinct - present.size
    if (need > 0) {
      // The candidates' kinds that no fixed member has, in name order, with their pairs.
      const keys = rows.temperaments()
      const { start, pairs: grouped } = groupPairs(keys, teamCadres, pairs)
      const kinds: [string, Int32Array][] = []
      for (const id of keys.byName)
        if (start[id + 1]! > start[id]! && !present.has(keys.names[id]! as Temperament))
          kinds.push([keys.names[id]!, grouped.subarray(start[id]!, start[id + 1]!)])
      if (temp.hard && Math.min(kinds.length, open.length) < need)
        rows.conflict(
          'structure.temperament',
          team,
          `needs ${temp.minDistinct} temperament types; only ${present.size + kinds.length} are within reach`,
          `须有${temp.minDistinct}种气质类型，至多能有${present.size + kinds.length}种`,
        )
      // has[kind] ≤ Σ x over the candidates of that kind: 1 only if one of them is placed.
      const has = kinds.map(([kind, ks]) => {
        const y = rows.b.addColumn(`has:${team.id}:${kind}`, 0, 0, 1, true)
        // The builder sorts a row's entries by column: the pairs' columns, then `y` (the newest).
        const cols = new Int32Array(ks.length + 1)
        const coefs = new Float64Array(ks.length + 1).fill(-1)
        for (let i = 0; i < ks.length; i++) cols[i] = pairCol[ks[i]!]!
        cols[ks.length] = y
        coefs[ks.length] = 1
        rows.b.addRow(`team:${team.id}:has-${kind}`, cols, coefs, -Infinity, 0)
        return y
      })
      rows.row(
        `team:${team.id}:temperaments>=${temp.minDistinct}`,
        has,
        has.map(() => 1),
        need,
        Infinity,
        {
          ...{ code: 'structure.temperament', team, tag: 'temperament', rule: temp, upper: need, sign: 1 },
        },
      )
    }
  }

  const kin = ctx.scenario.policy.people.kinAvoidance
  if (kin.enabled) {
    // Kin among the fixed members: nothing this round can change, but the rule still counts them.
    const fixedPairs = fixed.reduce((n, a) => n + fixed.filter((b) => b > a && ctx.kin[a]!.has(b)).length, 0)
    if (fixedPairs > 0) {
      if (kin.hard)
        rows.conflict(
          'avoidance.kin',
          team,
          `${fixedPairs} kin pair(s) among the members who stay`,
          `留任成员中有${fixedPairs}对亲属`,
        )
      rows.row(`team:${team.id}:kin-fixed<=0`, [], [], -Infinity, -fixedPairs, {
        ...{ code: 'avoidance.kin', team, tag: 'kin-fixed', rule: kin, upper: Infinity, sign: -1 },
      })
    }
    const here = rows.cadresOf(pairs)
    const kinPairs: [number, number][] = []
    for (const a of here.withKin)
      for (const other of ctx.kin[a]!) if (other > a && here.has(other)) kinPairs.push([a, other])
    if (kinPairs.length > 0) {
      // The team's pairs of each cadre in a kin pair, in the team's order.
      const of = new Map<number, number[]>()
      for (const [a, other] of kinPairs) {
        of.set(a, [])
        of.set(other, [])
      }
      for (let i = 0; i < pairs.length; i++) of.get(pairCadre[pairs[i]!]!)?.push(i)
      for (const [a, other] of kinPairs) {
        const ks = [...of.get(a)!, ...of.get(other)!].sort((x, y) => x - y).map((i) => pairs[i]!)
        const tag = `kin-${cadre(a).id}-${cadre(other).id}`
        rows.row(
          `team:${team.id}:${tag}<=1`,
          ks.map((k) => pairCol[k]!),
          1,
          -Infinity,
          1,
          {
            ...{ code: 'avoidance.kin', team, tag, rule: kin, upper: 1, sign: -1 },
          },
        )
      }
    }
  }
  addShortTenureRows(rows, view)
}
