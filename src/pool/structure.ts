/**
 * Structure analysis of the teams as they are (班子结构分析): the members of
 * each team — incumbents of its closed posts; an open post counts as vacant —
 * their distributions (age bands and average age, gender, ethnicity, party,
 * education, specialty field, temperament), each structure rule of the policy
 * checked against them, and the gaps: what each team lacks, ranked.
 *
 * The count rules (women, young, minority, titular, non-party, age bands,
 * specialty coverage) are read from the same quota table as the model
 * (src/model/quotas.ts), so a gap here is a row the solver would have to meet.
 *
 * @module
 */
import { isContext, requireArgument, requireScenario, requireShape } from '../io/door.js'
import { GAP_TEXT, type GapCode, type GapFacts } from '../domain/codes.js'
import type { RuleSwitch } from '../domain/policy.js'
import { EDUCATION_LEVELS, type Cadre, type Team, type Temperament } from '../domain/types.js'
import type { Scenario } from '../domain/types.js'
import { quotasOf } from '../model/quotas.js'
import { contextFor, fixedMembers, type ScenarioContext } from '../rules/context.js'

/** One value of a distribution and how many members have it. @category Pool */
export interface ValueCount {
  readonly value: string
  readonly count: number
}

/**
 * Distributions of a set of members. Every list sums to the number of
 * members: `none` counts a member without a value (no specialty, no
 * temperament); `other` an age outside every band of the policy.
 * @category Pool
 */
export interface Distributions {
  /** Per age band of `policy.structure.ageBands`, in band order, then `other` when some age is outside. */
  readonly ageBands: readonly ValueCount[]
  readonly gender: readonly ValueCount[]
  /** Ethnicity codes, by count then code. */
  readonly ethnicity: readonly ValueCount[]
  readonly party: readonly ValueCount[]
  /** Education levels, ascending. */
  readonly education: readonly ValueCount[]
  /** Main field (`category/field` of the first specialty), by count then field. */
  readonly field: readonly ValueCount[]
  readonly temperament: readonly ValueCount[]
}

/** Gap severity: `high` breaks a hard rule; `medium` a soft rule costing ≥ 50; `low` the rest. @category Pool */
export type GapSeverity = 'high' | 'medium' | 'low'

/** The severities, most severe first. @category Pool */
export const GAP_SEVERITIES: readonly GapSeverity[] = ['high', 'medium', 'low']

/** One structure rule applied to one team. @category Pool */
export interface StructureCheck {
  readonly code: GapCode
  /** Which instance of the rule: `women`, `age-0-40`, `covers-economy/finance`, `cap-economy/finance`, `average-age-max`, … */
  readonly tag: string
  /** What the gap is about (see {@link GapFacts.subject}). */
  readonly subject: string
  readonly hard: boolean
  /** Minimum (or, for caps and `average-age-max`, maximum) the rule asks. */
  readonly required: number
  /** What the team has; an average age with one decimal. */
  readonly achieved: number
  /** Units short: members missing, members over a cap, member-years outside an average-age bound. */
  readonly shortfall: number
  /** `penalty × shortfall` of the rule (0 when met). */
  readonly cost: number
}

/** The structure of one team as it is. @category Pool */
export interface TeamStructure {
  readonly teamId: string
  readonly teamName: string
  readonly posts: number
  /** Ids of the members, in post order. */
  readonly members: readonly string[]
  /** Ids of the vacant posts (open posts included), in post order. */
  readonly vacantPosts: readonly string[]
  /** Average age of the members at `asOf`, one decimal; `null` without members. */
  readonly averageAge: number | null
  readonly distributions: Distributions
  /** Every enabled structure rule that applies to the team, met or not. */
  readonly checks: readonly StructureCheck[]
}

/** A structure gap: what a team lacks, with its numbers and messages. @category Pool */
export interface TeamGap {
  readonly teamId: string
  readonly code: GapCode
  readonly tag: string
  readonly severity: GapSeverity
  readonly hard: boolean
  readonly required: number
  readonly achieved: number
  readonly shortfall: number
  readonly cost: number
  readonly zh: string
  readonly en: string
}

/** Rounds to one decimal, as ages are reported. */
const oneDecimal = (x: number): number => Math.round(x * 10) / 10

/**
 * The main field of a cadre: the first two segments of the first specialty code. @category Pool
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 */
export function mainFieldOf(cadre: Cadre): string | null {
  requireShape('mainFieldOf', 'cadre', 'cadre', cadre)
  const code = cadre.specialties[0]?.code
  return code === undefined ? null : code.split('/').slice(0, 2).join('/')
}

/** Counts, with the given values first in their order (kept at 0), then the others by count and value. */
function tally(values: Iterable<string>, order: readonly string[] = [], keepZeros = true): ValueCount[] {
  const counts = new Map<string, number>()
  if (keepZeros) for (const v of order) counts.set(v, 0)
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  const rank = new Map(order.map((v, i) => [v, i]))
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => {
      const ra = rank.get(a.value)
      const rb = rank.get(b.value)
      if (ra !== undefined || rb !== undefined) return (ra ?? Infinity) - (rb ?? Infinity)
      return b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)
    })
}

/**
 * Distributions of the cadres at the given roster indices.
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Pool
 */
export function distributionsOf(ctx: ScenarioContext, members: readonly number[]): Distributions {
  requireArgument('distributionsOf', 'ctx', 'a ScenarioContext (from contextOf)', ctx, isContext(ctx))
  requireArgument(
    'distributionsOf',
    'members',
    'an array of cadre indices of the scenario',
    members,
    Array.isArray(members) &&
      members.every((i) => Number.isInteger(i) && i >= 0 && i < ctx.scenario.cadres.length),
  )
  const { cadres, policy } = ctx.scenario
  const bands = policy.structure.ageBands.bands
  const bandOf = (age: number): string =>
    bands.find((b) => age >= b.minAge && age <= b.maxAge)?.label ?? 'other'
  const ofMembers = (f: (c: Cadre, i: number) => string): string[] => members.map((i) => f(cadres[i]!, i))
  return {
    ageBands: tally(
      ofMembers((_, i) => bandOf(ctx.ages[i]!)),
      bands.map((b) => b.label),
    ).filter((c) => c.value !== 'other' || c.count > 0),
    gender: tally(
      ofMembers((c) => c.gender),
      ['female', 'male'],
    ),
    ethnicity: tally(ofMembers((c) => c.ethnicity)),
    party: tally(
      ofMembers((c) => c.party),
      ['cpc', 'democratic-party', 'none'],
    ),
    education: tally(
      ofMembers((c) => c.education.level),
      EDUCATION_LEVELS,
    ),
    field: tally(ofMembers((c) => mainFieldOf(c) ?? 'none')),
    temperament: tally(
      ofMembers((c) => c.temperament ?? 'none'),
      ['sanguine', 'choleric', 'phlegmatic', 'melancholic', 'none'],
      false,
    ),
  }
}

const cost = (rule: RuleSwitch, shortfall: number): number => (shortfall > 0 ? rule.penalty * shortfall : 0)

/** Every enabled structure rule applied to one team with the given members. */
function checksOf(ctx: ScenarioContext, team: Team, members: readonly number[]): StructureCheck[] {
  const structure = ctx.scenario.policy.structure
  const cadres = ctx.scenario.cadres
  const n = team.posts.length
  const checks: StructureCheck[] = []
  const add = (rule: RuleSwitch, c: Omit<StructureCheck, 'hard' | 'cost'>): void => {
    checks.push({ ...c, hard: rule.hard, cost: cost(rule, c.shortfall) })
  }
  for (const q of quotasOf(ctx, team)) {
    const achieved = members.filter(q.has).length
    const subject =
      q.code === 'structure.young'
        ? String(structure.young.maxAge)
        : q.code === 'structure.young-town'
          ? String(structure.youngTown.maxAge)
          : q.code === 'structure.titular'
            ? (team.area.titularEthnicity ?? '')
            : q.code === 'structure.age-bands'
              ? (structure.ageBands.bands.find((b) => `age-${b.minAge}-${b.maxAge}` === q.tag)?.label ??
                q.tag)
              : q.code === 'structure.specialty-coverage'
                ? q.tag.slice('covers-'.length)
                : q.tag
    add(q.rule, {
      code: q.code as GapCode,
      tag: q.tag,
      subject,
      required: q.min,
      achieved,
      shortfall: Math.max(0, q.min - achieved),
    })
  }
  const avg = structure.averageAge
  if (avg.enabled && n >= avg.minTeamSize && members.length > 0) {
    const total = members.reduce((s, i) => s + ctx.ages[i]!, 0)
    const mean = oneDecimal(total / members.length)
    if (avg.max !== null) {
      const shortfall = Math.max(0, total - avg.max * members.length)
      add(avg, {
        code: 'structure.average-age',
        tag: 'average-age-max',
        subject: 'max',
        required: avg.max,
        achieved: mean,
        shortfall,
      })
    }
    if (avg.min !== null) {
      const shortfall = Math.max(0, avg.min * members.length - total)
      add(avg, {
        code: 'structure.average-age',
        tag: 'average-age-min',
        subject: 'min',
        required: avg.min,
        achieved: mean,
        shortfall,
      })
    }
  }
  const cap = structure.specialtyCap
  if (cap.enabled) {
    const fields = tally(members.map((i) => mainFieldOf(cadres[i]!) ?? '')).filter((c) => c.value !== '')
    for (const { value, count } of [...fields].sort((a, b) => (a.value < b.value ? -1 : 1)))
      add(cap, {
        code: 'structure.specialty-cap',
        tag: `cap-${value}`,
        subject: value,
        required: cap.maxPerField,
        achieved: count,
        shortfall: Math.max(0, count - cap.maxPerField),
      })
  }
  const temp = structure.temperament
  if (temp.enabled && n >= temp.minTeamSize) {
    const distinct = new Set(
      members.flatMap((i) => (cadres[i]!.temperament === null ? [] : [cadres[i]!.temperament])),
    )
    add(temp, {
      code: 'structure.temperament',
      tag: 'temperament',
      subject: 'temperament',
      required: temp.minDistinct,
      achieved: distinct.size,
      shortfall: Math.max(0, temp.minDistinct - distinct.size),
    })
  }
  return checks
}

/** Members of a team as it is: the incumbents of its closed posts (roster indices, post order). */
function membersOf(ctx: ScenarioContext, team: Team): number[] {
  return fixedMembers(ctx, team)
}

function structureOfTeam(ctx: ScenarioContext, team: Team): TeamStructure {
  const members = membersOf(ctx, team)
  const cadres = ctx.scenario.cadres
  const total = members.reduce((s, i) => s + ctx.ages[i]!, 0)
  return {
    teamId: team.id,
    teamName: team.name,
    posts: team.posts.length,
    members: members.map((i) => cadres[i]!.id),
    vacantPosts: team.posts.filter((p) => ctx.open.has(p.id) || !ctx.incumbentOf.has(p.id)).map((p) => p.id),
    averageAge: members.length === 0 ? null : oneDecimal(total / members.length),
    distributions: distributionsOf(ctx, members),
    checks: checksOf(ctx, team, members),
  }
}

/**
 * The structure of every team as it is, in team order: members (incumbents
 * of the closed posts; open posts count as vacant), distributions and every
 * applicable structure rule with required and achieved numbers.
 *
 * @param scenario - a decoded scenario
 * @param context - its context, when the caller already built it
 * @returns one entry per team, in scenario order
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Pool
 * @example
 * teamStructures(sampleScenario())[0].checks.find((c) => c.code === 'structure.women')
 * //=> { code: 'structure.women', tag: 'women', subject: 'women', required: 1, achieved: 1, shortfall: 0, hard: true, cost: 0 }
 */
export function teamStructures(scenario: Scenario, context?: ScenarioContext): TeamStructure[] {
  requireScenario('teamStructures', scenario)
  const ctx = contextFor('teamStructures', scenario, context)
  return scenario.teams.map((team) => structureOfTeam(ctx, team))
}

/** How one structure rule fares over the county's teams. @category Pool */
export interface RuleSummary {
  readonly code: GapCode
  /** Teams the rule applies to (a rule with several instances in a team counts the team once). */
  readonly teams: number
  /** Teams short of it. */
  readonly short: number
  /** Of which the rule is hard. */
  readonly hardShort: number
}

/** The structure of the county: every team's members together. @category Pool */
export interface CountyStructure {
  readonly asOf: string
  readonly teams: number
  readonly posts: number
  readonly members: number
  readonly vacant: number
  /** One decimal; `null` without members. */
  readonly averageAge: number | null
  readonly distributions: Distributions
  /** Per gap code, in code order. */
  readonly rules: readonly RuleSummary[]
  /** Gaps per severity. */
  readonly gaps: Readonly<Record<GapSeverity, number>>
}

/**
 * The structure of the county: distributions over the members of all teams,
 * and per structure rule how many teams it applies to and how many are short.
 *
 * @param scenario - a decoded scenario
 * @param context - its context, when the caller already built it
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Pool
 * @example
 * countyStructure(sampleScenario()).gaps
 * //=> { high: 48, medium: 35, low: 204 }
 */
export function countyStructure(scenario: Scenario, context?: ScenarioContext): CountyStructure {
  requireScenario('countyStructure', scenario)
  const ctx = contextFor('countyStructure', scenario, context)
  const structures = teamStructures(scenario, ctx)
  return summarise(ctx, structures, gapsOf(ctx, structures))
}

function summarise(
  ctx: ScenarioContext,
  structures: readonly TeamStructure[],
  teamGapList: readonly TeamGap[],
): CountyStructure {
  const scenario = ctx.scenario
  const members: number[] = []
  for (const team of scenario.teams) members.push(...membersOf(ctx, team))
  const total = members.reduce((s, i) => s + ctx.ages[i]!, 0)
  const rules = new Map<GapCode, { teams: number; short: number; hardShort: number }>()
  for (const t of structures) {
    const seen = new Map<GapCode, { short: boolean; hard: boolean }>()
    for (const c of t.checks) {
      const s = seen.get(c.code) ?? { short: false, hard: false }
      if (c.shortfall > 0) seen.set(c.code, { short: true, hard: s.hard || c.hard })
      else seen.set(c.code, s)
    }
    for (const [code, s] of seen) {
      const r = rules.get(code) ?? { teams: 0, short: 0, hardShort: 0 }
      rules.set(code, {
        teams: r.teams + 1,
        short: r.short + (s.short ? 1 : 0),
        hardShort: r.hardShort + (s.short && s.hard ? 1 : 0),
      })
    }
  }
  const gaps = { high: 0, medium: 0, low: 0 }
  for (const g of teamGapList) gaps[g.severity]++
  return {
    asOf: scenario.asOf,
    teams: scenario.teams.length,
    posts: structures.reduce((s, t) => s + t.posts, 0),
    members: members.length,
    vacant: structures.reduce((s, t) => s + t.vacantPosts.length, 0),
    averageAge: members.length === 0 ? null : oneDecimal(total / members.length),
    distributions: distributionsOf(ctx, members),
    rules: [...rules.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([code, r]) => ({ code, ...r })),
    gaps,
  }
}

/**
 * Severity of a shortfall of a rule. @category Pool
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 */
export function severityOf(hard: boolean, cost: number): GapSeverity {
  requireArgument('severityOf', 'hard', 'true or false', hard, typeof hard === 'boolean')
  requireArgument('severityOf', 'cost', 'a number', cost, typeof cost === 'number')
  return hard ? 'high' : cost >= 50 ? 'medium' : 'low'
}

const SEVERITY_RANK: Readonly<Record<GapSeverity, number>> = { high: 0, medium: 1, low: 2 }

/** Orders gaps: severity, then team id, code and tag. */
function compareGaps(a: TeamGap, b: TeamGap): number {
  const key = (g: TeamGap) => [g.teamId, g.code, g.tag] as const
  const d = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
  if (d !== 0) return d
  const ka = key(a)
  const kb = key(b)
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1
  return 0
}

function dominantTemperament(
  ctx: ScenarioContext,
  ids: readonly string[],
): { temperament: Temperament; count: number } | null {
  const counts = new Map<Temperament, number>()
  for (const id of ids) {
    const t = ctx.scenario.cadres[ctx.cadreIndex.get(id)!]!.temperament
    if (t !== null) counts.set(t, (counts.get(t) ?? 0) + 1)
  }
  let best: { temperament: Temperament; count: number } | null = null
  for (const t of ['sanguine', 'choleric', 'phlegmatic', 'melancholic'] as const) {
    const k = counts.get(t) ?? 0
    if (k > 0 && (best === null || k > best.count)) best = { temperament: t, count: k }
  }
  return best
}

function gapsOf(ctx: ScenarioContext, structures: readonly TeamStructure[]): TeamGap[] {
  const vacancy = ctx.scenario.policy.vacancy
  const gaps: TeamGap[] = []
  structures.forEach((t) => {
    const facts = (
      c: Pick<StructureCheck, 'required' | 'achieved' | 'subject'>,
      code: GapCode,
    ): GapFacts => ({
      team: t.teamName,
      required: c.required,
      achieved: c.achieved,
      members: t.members.length,
      posts: t.posts,
      subject: c.subject,
      dominant: code === 'structure.temperament' ? dominantTemperament(ctx, t.members) : null,
    })
    for (const c of t.checks) {
      if (c.shortfall <= 0) continue
      const text = GAP_TEXT[c.code](facts(c, c.code))
      gaps.push({
        teamId: t.teamId,
        code: c.code,
        tag: c.tag,
        severity: severityOf(c.hard, c.cost),
        hard: c.hard,
        required: c.required,
        achieved: c.achieved,
        shortfall: c.shortfall,
        cost: c.cost,
        zh: text.zh,
        en: text.en,
      })
    }
    if (t.vacantPosts.length > 0) {
      const c = { required: t.posts, achieved: t.posts - t.vacantPosts.length, subject: 'posts' }
      const text = GAP_TEXT['establishment.vacancy'](facts(c, 'establishment.vacancy'))
      const shortfall = t.vacantPosts.length
      const gapCost = vacancy.penalty * shortfall
      gaps.push({
        teamId: t.teamId,
        code: 'establishment.vacancy',
        tag: 'vacancy',
        severity: vacancy.allowed ? 'low' : 'high',
        hard: !vacancy.allowed,
        required: c.required,
        achieved: c.achieved,
        shortfall,
        cost: gapCost,
        zh: text.zh,
        en: text.en,
      })
    }
  })
  return gaps.sort(compareGaps)
}

/**
 * What each team lacks (班子缺什么): every structure rule a team falls short
 * of, and its vacant posts, as gaps with a code, a severity, the numbers and
 * zh-CN and en messages; most severe first, then by team id, code and tag.
 *
 * Severity: `high` when the rule is hard (or vacancies are not allowed);
 * `medium` when a soft rule's `penalty × shortfall` is at least 50; else `low`.
 *
 * @param scenario - a decoded scenario
 * @param context - its context, when the caller already built it
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Pool
 * @example
 * teamGaps(sampleScenario())[0].en
 * //=> '青山旗委常委会: no member aged ≤ 35 (needs ≥ 1)'
 */
export function teamGaps(scenario: Scenario, context?: ScenarioContext): TeamGap[] {
  requireScenario('teamGaps', scenario)
  const ctx = contextFor('teamGaps', scenario, context)
  return gapsOf(ctx, teamStructures(scenario, ctx))
}

/**
 * Team structures, county structure and gaps at once, sharing one pass over
 * the teams.
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Pool
 */
export function analyseStructure(
  scenario: Scenario,
  context?: ScenarioContext,
): {
  readonly teams: readonly TeamStructure[]
  readonly county: CountyStructure
  readonly gaps: readonly TeamGap[]
} {
  requireScenario('analyseStructure', scenario)
  const ctx = contextFor('analyseStructure', scenario, context)
  const teams = teamStructures(scenario, ctx)
  const gaps = gapsOf(ctx, teams)
  return { teams, county: summarise(ctx, teams, gaps), gaps }
}
