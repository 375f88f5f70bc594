/**
 * The team rows of the staffing MILP: structure quotas, kin avoidance,
 * specialty coverage and caps, temperament mix and stability, exactly as
 * docs/rules.md states them. A soft rule gets a penalised slack column; a hard
 * rule that the candidates cannot meet is recorded as a conflict.
 *
 * @module
 */
import type { RuleSwitch } from '../domain/policy.js'
import type { Cadre, Team } from '../domain/types.js'
import { fixedMembers } from '../rules/index.js'
import type { Eligibility, ScenarioContext } from '../rules/index.js'
import type { Conflict, SlackInfo } from './formulate.js'
import type { MilpBuilder } from './milp.js'

/** @internal */
export interface TeamRowsInput {
  readonly b: MilpBuilder
  readonly ctx: ScenarioContext
  readonly elig: Eligibility
  readonly pairCol: Int32Array
  /** `${cadreIdx}:${openPostPos}` → pair index */
  readonly pairByKey: ReadonlyMap<string, number>
  readonly openPos: ReadonlyMap<string, number>
  readonly conflicts: Conflict[]
}

const mainField = (c: Cadre): string | null => {
  const code = c.specialties[0]?.code
  return code === undefined ? null : code.split('/').slice(0, 2).join('/')
}

/** Adds every team row; returns the slack columns. @internal */
export function addTeamRows(input: TeamRowsInput): { slacks: SlackInfo[]; hasRows: boolean } {
  const { b, ctx, elig, pairCol, pairByKey, openPos, conflicts } = input
  const { scenario } = ctx
  const rules = scenario.policy.structure
  const slacks: SlackInfo[] = []
  let hasRows = false

  const pairsOfPost: number[][] = scenario.openPosts.map(() => [])
  elig.pairs.forEach((p, k) => pairsOfPost[p.post]!.push(k))

  const slack = (code: SlackInfo['code'], team: Team | null, tag: string, sw: RuleSwitch, upper: number) => {
    const col = b.addColumn(`slack:${team?.id ?? ''}:${tag}`, -sw.penalty, 0, upper, false)
    slacks.push({ col, code, teamId: team?.id ?? null, penalty: sw.penalty })
    return col
  }
  const conflict = (code: Conflict['code'], team: Team, message: string) =>
    conflicts.push({
      code,
      teamId: team.id,
      postId: null,
      cadreId: null,
      message: `team ${team.name} (${team.id}): ${message}`,
    })

  for (const team of scenario.teams) {
    const openHere = team.posts.map((p) => openPos.get(p.id)).filter((i): i is number => i !== undefined)
    if (openHere.length === 0) continue
    const ks = openHere.flatMap((i) => pairsOfPost[i]!)
    const fixed = fixedMembers(ctx, team)
    const n = team.posts.length
    const cadreOf = (k: number) => scenario.cadres[elig.pairs[k]!.cadre]!
    const idxOf = (k: number) => elig.pairs[k]!.cadre

    /** ≥ `min` members with `has`. */
    const atLeast = (
      code: SlackInfo['code'],
      tag: string,
      what: string,
      min: number,
      sw: RuleSwitch,
      has: (c: number) => boolean,
    ) => {
      const need = min - fixed.filter(has).length
      if (need <= 0) return
      const mine = ks.filter((k) => has(idxOf(k)))
      const reach = Math.min(openHere.length, new Set(mine.map(idxOf)).size)
      if (sw.hard && reach < need)
        conflict(
          code,
          team,
          `needs ≥ ${min} ${what}; ${min - need} among its fixed members, at most ${reach} more among eligible candidates for its ${openHere.length} open post(s)`,
        )
      const cols = mine.map((k) => pairCol[k]!)
      const coefs = cols.map(() => 1)
      if (!sw.hard) {
        cols.push(slack(code, team, tag, sw, need))
        coefs.push(1)
      }
      b.addRow(`team:${team.id}:${tag}>=${min}`, cols, coefs, need, Infinity)
      hasRows = true
    }

    const age = (c: number) => ctx.ages[c]!
    const cadre = (c: number) => scenario.cadres[c]!
    if (rules.women.enabled && n >= rules.women.minTeamSize)
      atLeast(
        'structure.women',
        'women',
        'women',
        rules.women.min,
        rules.women,
        (c) => cadre(c).gender === 'female',
      )
    if (rules.young.enabled && n >= rules.young.minTeamSize)
      atLeast(
        'structure.young',
        'young',
        `members aged ≤ ${rules.young.maxAge}`,
        rules.young.min,
        rules.young,
        (c) => age(c) <= rules.young.maxAge,
      )
    if (rules.youngTown.enabled && rules.youngTown.teamKinds.includes(team.kind))
      atLeast(
        'structure.young-town',
        'young-town',
        `members aged ≤ ${rules.youngTown.maxAge}`,
        rules.youngTown.min,
        rules.youngTown,
        (c) => age(c) <= rules.youngTown.maxAge,
      )
    if (rules.minority.enabled && team.area.ethnicAutonomous)
      atLeast(
        'structure.minority',
        'minority',
        'minority members',
        rules.minority.min,
        rules.minority,
        (c) => cadre(c).ethnicity !== rules.minority.majorityEthnicity,
      )
    const titular = team.area.titularEthnicity
    if (rules.titular.enabled && team.needsTitularMember && titular !== null)
      atLeast(
        'structure.titular',
        'titular',
        `${titular} members`,
        rules.titular.min,
        rules.titular,
        (c) => cadre(c).ethnicity === titular,
      )
    if (rules.nonParty.enabled && team.needsNonPartyMember)
      atLeast(
        'structure.non-party',
        'non-party',
        'non-party members',
        rules.nonParty.min,
        rules.nonParty,
        (c) => cadre(c).party !== 'cpc',
      )
    if (rules.ageBands.enabled && n >= rules.ageBands.minTeamSize)
      for (const band of rules.ageBands.bands)
        atLeast(
          'structure.age-bands',
          `age-${band.minAge}-${band.maxAge}`,
          `members aged ${band.label}`,
          rules.ageBands.minPerBand,
          rules.ageBands,
          (c) => age(c) >= band.minAge && age(c) <= band.maxAge,
        )
    if (rules.specialtyCoverage.enabled)
      for (const code of team.specialties)
        atLeast(
          'structure.specialty-coverage',
          `covers-${code}`,
          `members covering ${code}`,
          1,
          rules.specialtyCoverage,
          (c) => cadre(c).specialties.some((s) => s.code === code || s.code.startsWith(code + '/')),
        )

    const avg = rules.averageAge
    if (avg.enabled && n >= avg.minTeamSize) {
      const bounds: [string, number, number][] = []
      if (avg.max !== null) bounds.push(['max', avg.max, 1])
      if (avg.min !== null) bounds.push(['min', avg.min, -1])
      for (const [tag, bound, sign] of bounds) {
        // Σ sign·(age − bound) over members ≤ 0, kept linear in the number of members.
        const fixedSum = fixed.reduce((s, c) => s + sign * (age(c) - bound), 0)
        const cols = ks.map((k) => pairCol[k]!)
        const coefs = ks.map((k) => sign * (age(idxOf(k)) - bound))
        if (!avg.hard) {
          cols.push(slack('structure.average-age', team, `average-age-${tag}`, avg, Infinity))
          coefs.push(-1)
        }
        b.addRow(
          `team:${team.id}:average-age-${tag}${sign > 0 ? '<=' : '>='}${bound}`,
          cols,
          coefs,
          -Infinity,
          -fixedSum,
        )
        hasRows = true
      }
    }

    const cap = rules.specialtyCap
    if (cap.enabled) {
      const fields = new Map<string, number[]>()
      for (const k of ks) {
        const f = mainField(cadreOf(k))
        if (f === null) continue
        const list = fields.get(f)
        if (list === undefined) fields.set(f, [k])
        else list.push(k)
      }
      for (const c of fixed) {
        const f = mainField(cadre(c))
        if (f !== null && !fields.has(f)) fields.set(f, [])
      }
      for (const [field, fks] of [...fields.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        const room = cap.maxPerField - fixed.filter((c) => mainField(cadre(c)) === field).length
        const reach = Math.min(openHere.length, new Set(fks.map(idxOf)).size)
        if (reach <= room) continue
        if (cap.hard && room < 0)
          conflict(
            'structure.specialty-cap',
            team,
            `its fixed members already exceed ${cap.maxPerField} in ${field}`,
          )
        const cols = fks.map((k) => pairCol[k]!)
        const coefs = cols.map(() => 1)
        if (!cap.hard) {
          cols.push(slack('structure.specialty-cap', team, `cap-${field}`, cap, Infinity))
          coefs.push(-1)
        }
        b.addRow(`team:${team.id}:field-${field}<=${cap.maxPerField}`, cols, coefs, -Infinity, room)
        hasRows = true
      }
    }

    const temp = rules.temperament
    if (temp.enabled && n >= temp.minTeamSize) {
      const present = new Set(fixed.map((c) => cadre(c).temperament).filter((t) => t !== null))
      const need = temp.minDistinct - present.size
      if (need > 0) {
        const kinds = new Map<string, number[]>()
        for (const k of ks) {
          const t = cadreOf(k).temperament
          if (t === null || present.has(t)) continue
          const list = kinds.get(t)
          if (list === undefined) kinds.set(t, [k])
          else list.push(k)
        }
        if (temp.hard && Math.min(kinds.size, openHere.length) < need)
          conflict(
            'structure.temperament',
            team,
            `needs ${temp.minDistinct} temperament types; only ${present.size + kinds.size} are within reach`,
          )
        const ys: number[] = []
        for (const [kind, tks] of [...kinds.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
          const y = b.addColumn(`has:${team.id}:${kind}`, 0, 0, 1, true)
          ys.push(y)
          b.addRow(
            `team:${team.id}:has-${kind}`,
            [y, ...tks.map((k) => pairCol[k]!)],
            [1, ...tks.map(() => -1)],
            -Infinity,
            0,
          )
        }
        const coefs = ys.map(() => 1)
        if (!temp.hard) {
          ys.push(slack('structure.temperament', team, 'temperament', temp, need))
          coefs.push(1)
        }
        b.addRow(`team:${team.id}:temperaments>=${temp.minDistinct}`, ys, coefs, need, Infinity)
        hasRows = true
      }
    }

    const kinSw = scenario.policy.people.kinAvoidance
    if (kinSw.enabled) {
      const here = [...new Set(ks.map(idxOf))]
      const inTeam = new Set(here)
      for (const a of here)
        for (const other of ctx.kin[a]!) {
          if (other <= a || !inTeam.has(other)) continue
          const cols = ks.filter((k) => idxOf(k) === a || idxOf(k) === other).map((k) => pairCol[k]!)
          const coefs = cols.map(() => 1)
          if (!kinSw.hard) {
            cols.push(slack('avoidance.kin', team, `kin-${cadre(a).id}-${cadre(other).id}`, kinSw, 1))
            coefs.push(-1)
          }
          b.addRow(`team:${team.id}:kin-${cadre(a).id}-${cadre(other).id}<=1`, cols, coefs, -Infinity, 1)
          hasRows = true
        }
    }

    const st = scenario.policy.stability.maxChanged
    if (st.enabled) {
      const allowed = Math.max(st.minAllowed, Math.floor(st.maxChangedShare * n + 1e-9))
      const stays: number[] = []
      let incumbents = 0
      for (const i of openHere) {
        const inc = ctx.incumbentOf.get(scenario.openPosts[i]!)
        if (inc === undefined) continue
        incumbents++
        const k = pairByKey.get(`${inc}:${i}`)
        if (k !== undefined) stays.push(pairCol[k]!)
      }
      const mustStay = incumbents - allowed
      if (mustStay > 0) {
        if (st.hard && stays.length < mustStay)
          conflict(
            'stability.max-changed',
            team,
            `at most ${allowed} of ${n} posts may change, but ${incumbents - stays.length} incumbents cannot stay`,
          )
        const coefs = stays.map(() => 1)
        if (!st.hard) {
          stays.push(slack('stability.max-changed', team, 'changed', st, mustStay))
          coefs.push(1)
        }
        b.addRow(`team:${team.id}:changed<=${allowed}`, stays, coefs, mustStay, Infinity)
        hasRows = true
      }
    }
  }

  if (addHeadRows(input, slack)) hasRows = true
  return { slacks, hasRows }
}

/** Party and government heads of one unit are not both changed. */
function addHeadRows(
  { b, ctx, pairCol, pairByKey, openPos, conflicts }: TeamRowsInput,
  slack: (code: SlackInfo['code'], team: Team | null, tag: string, sw: RuleSwitch, upper: number) => number,
): boolean {
  const sw = ctx.scenario.policy.stability.headsNotBoth
  if (!sw.enabled) return false
  const units = new Map<string, { party: [number, number][]; gov: [number, number][]; team: Team }>()
  for (const team of ctx.scenario.teams)
    for (const post of team.posts) {
      const i = openPos.get(post.id)
      const inc = ctx.incumbentOf.get(post.id)
      if (i === undefined || inc === undefined) continue
      if (post.role !== 'party-head' && post.role !== 'government-head') continue
      const u = units.get(team.unit) ?? { party: [], gov: [], team }
      units.set(team.unit, u)
      ;(post.role === 'party-head' ? u.party : u.gov).push([inc, i])
    }
  let any = false
  for (const [unit, u] of [...units.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (u.party.length === 0 || u.gov.length === 0) continue
    // z ≥ 1 − stay for each head post: z is 1 when some head of that side changes.
    const side = (tag: string, heads: [number, number][]) => {
      const z = b.addColumn(`changed:${unit}:${tag}`, 0, 0, 1, false)
      for (const [inc, i] of heads) {
        const k = pairByKey.get(`${inc}:${i}`)
        if (k === undefined) b.setLower(z, 1)
        else b.addRow(`unit:${unit}:${tag}-changed:${i}`, [z, pairCol[k]!], [1, 1], 1, Infinity)
      }
      return z
    }
    const zp = side('party-head', u.party)
    const zg = side('government-head', u.gov)
    const cols = [zp, zg]
    const coefs = [1, 1]
    if (!sw.hard) {
      cols.push(slack('stability.heads-not-both', u.team, `heads-${unit}`, sw, 1))
      coefs.push(-1)
    } else {
      const forced = (heads: [number, number][]) => heads.some(([inc, i]) => !pairByKey.has(`${inc}:${i}`))
      if (forced(u.party) && forced(u.gov))
        conflicts.push({
          code: 'stability.heads-not-both',
          teamId: u.team.id,
          postId: null,
          cadreId: null,
          message: `unit ${unit}: the party head and the government head both have to change`,
        })
    }
    b.addRow(`unit:${unit}:heads-not-both`, cols, coefs, -Infinity, 1)
    any = true
  }
  return any
}
