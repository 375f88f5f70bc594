/**
 * The county's structure compared over time: at two dates (the same roster,
 * older), or before and after a proposal (its assignments applied to the
 * teams), as a table and as chart-ready Vega-Lite specifications.
 *
 * @module
 */
import { requireArgument, requireProposal, requireSameScenario, requireScenario } from '../io/door.js'
import { YEAR_RANGE, yearMonth } from '../io/combinators.js'
import type { Proposal } from '../domain/proposal.js'
import type { Cadre, Rank, Scenario, YearMonth } from '../domain/types.js'
import { analyseStructure, type CountyStructure } from './structure.js'

/**
 * The scenario after a proposal: each assigned cadre holds their post (since
 * `asOf`, or since their old date when they stay), incumbents of open posts
 * who are not placed hold none, and no post is open any more — so a
 * structure analysis counts the proposal's members. A cadre appointed to a
 * post of another rank than theirs — a promotion, or a step down (降级任职,
 * 能上能下) — holds the post's rank from then on (`rank` the post's,
 * `rankSince` the scenario's `asOf`), as the ladder reads rank: a post's
 * rank is the rank needed to hold it; and an exceptional promotion (破格) the
 * proposal made (`exceptional`) spends the cadre's approval
 * (`exceptionalPromotion` false): the next promotion waives nothing unless
 * approved again. A cadre who stays, or moves at their own rank, keeps both.
 *
 * @param scenario - the scenario the proposal was made for
 * @param proposal - e.g. from `solve`; only its `assignments` are read
 * @returns a new scenario; `scenario` is not changed
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Pool
 */
export function applyProposal(scenario: Scenario, proposal: Proposal): Scenario {
  requireScenario('applyProposal', scenario)
  requireProposal('applyProposal', proposal)
  requireSameScenario('applyProposal', scenario, proposal)
  return placeProposal(scenario, proposal)
}

/**
 * {@link applyProposal} without its checks, for the library's own callers
 * that place a proposal on the county it was made for as it has become (a
 * plan's round on the county a simulation has aged).
 * @internal
 */
export function placeProposal(scenario: Scenario, proposal: Proposal): Scenario {
  const open = new Set(scenario.openPosts)
  const rankOf = new Map<string, Rank>()
  for (const team of scenario.teams) for (const post of team.posts) rankOf.set(post.id, post.rank)
  const placed = new Map<string, { readonly postId: string; readonly exceptional: boolean }>()
  for (const a of proposal.assignments)
    if (a.cadreId !== null && open.has(a.postId))
      placed.set(a.cadreId, { postId: a.postId, exceptional: a.exceptional })
  const cadres = scenario.cadres.map((c): Cadre => {
    const to = placed.get(c.id)
    if (to !== undefined) {
      const { postId } = to
      if (c.currentPost?.postId === postId) return c
      const moved: Cadre = { ...c, currentPost: { postId, since: scenario.asOf } }
      const rank = rankOf.get(postId)
      if (rank === undefined || rank === c.rank) return moved
      // A post of another rank: its rank from now on; a 破格 promotion made spends the approval.
      return {
        ...moved,
        rank,
        rankSince: scenario.asOf,
        ...(to.exceptional ? { exceptionalPromotion: false } : {}),
      }
    }
    if (c.currentPost !== null && open.has(c.currentPost.postId)) return { ...c, currentPost: null }
    return c
  })
  // The round is over: its open posts, locks, forbidden pairs and recommendation tallies with it.
  const { recommendations: _round, ...rest } = scenario
  return { ...rest, cadres, openPosts: [], locks: [], forbidden: [] }
}

/**
 * The same scenario at another reference date: ages, tenures and the
 * structure rules read at `asOf`; the roster and teams are unchanged.
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Pool
 */
export function scenarioAt(scenario: Scenario, asOf: YearMonth): Scenario {
  requireScenario('scenarioAt', scenario)
  requireArgument(
    'scenarioAt',
    'asOf',
    `a month YYYY-MM of ${YEAR_RANGE.min}–${YEAR_RANGE.max}`,
    asOf,
    // decodeScenario's own month, so that the scenario still encodes and decodes.
    yearMonth.is(asOf),
  )
  return { ...scenario, asOf }
}

/** One line of a structure comparison. @category Pool */
export interface ComparisonRow {
  /** `size`, `age`, `age band`, `gender`, `ethnicity`, `party`, `education`, `temperament`, `rule`, `gaps`. */
  readonly group: string
  /** e.g. `members`, `average age`, `≤40`, `female`, `minority`, `non-party`, `structure.women`, `high`. */
  readonly metric: string
  readonly before: number
  readonly after: number
  /** `after − before`, rounded to one decimal. */
  readonly delta: number
}

/** A structure comparison: the two county structures, a table and chart specifications. @category Pool */
export interface StructureComparison {
  readonly labels: { readonly before: string; readonly after: string }
  readonly before: CountyStructure
  readonly after: CountyStructure
  readonly rows: readonly ComparisonRow[]
  /**
   * Vega-Lite (v5) specifications as plain JSON, with their data inline:
   * `distribution` (grouped bars of the shares in percent of members), and
   * `rules` (teams short of each structure rule).
   */
  readonly charts: {
    readonly distribution: Readonly<Record<string, unknown>>
    readonly rules: Readonly<Record<string, unknown>>
  }
}

const round1 = (x: number): number => Math.round(x * 10) / 10

function metrics(
  s: CountyStructure,
  majority: string,
): Map<string, { group: string; metric: string; value: number }> {
  const out = new Map<string, { group: string; metric: string; value: number }>()
  const put = (group: string, metric: string, value: number) =>
    out.set(`${group}\u0000${metric}`, { group, metric, value })
  const d = s.distributions
  const count = (list: readonly { value: string; count: number }[], p: (v: string) => boolean) =>
    list.filter((c) => p(c.value)).reduce((n, c) => n + c.count, 0)
  put('size', 'posts', s.posts)
  put('size', 'members', s.members)
  put('size', 'vacant', s.vacant)
  put('age', 'average age', s.averageAge ?? 0)
  for (const c of d.ageBands) put('age band', c.value, c.count)
  put(
    'gender',
    'female',
    count(d.gender, (v) => v === 'female'),
  )
  put(
    'ethnicity',
    'minority',
    count(d.ethnicity, (v) => v !== majority),
  )
  put(
    'party',
    'non-party',
    count(d.party, (v) => v !== 'cpc'),
  )
  for (const c of d.education) put('education', c.value, c.count)
  for (const c of d.temperament) put('temperament', c.value, c.count)
  for (const r of s.rules) put('rule', r.code, r.short)
  put('gaps', 'high', s.gaps.high)
  put('gaps', 'medium', s.gaps.medium)
  put('gaps', 'low', s.gaps.low)
  return out
}

const SHARE_GROUPS = new Set(['age band', 'gender', 'ethnicity', 'party', 'education', 'temperament'])

/**
 * Compares the county's structure in two scenarios — the same county at two
 * dates ({@link scenarioAt}), or before and after a proposal
 * ({@link applyProposal}): every metric (size, average age, age bands, women,
 * minority and non-party members, education, temperament, teams short of each
 * rule, gaps per severity) side by side, and two Vega-Lite specifications.
 *
 * @param before - the first scenario
 * @param after - the second scenario
 * @param names - series names in the table's charts @defaultValue `{ before: before.asOf, after: after.asOf }`
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Pool
 * @example
 * const s = sampleScenario()
 * compareStructure(s, scenarioAt(s, '2031-09')).rows.find((r) => r.metric === 'average age')
 * //=> { group: 'age', metric: 'average age', before: 41.6, after: 46.6, delta: 5 }
 */
export function compareStructure(
  before: Scenario,
  after: Scenario,
  names?: { readonly before: string; readonly after: string },
): StructureComparison {
  requireScenario('compareStructure', before, 'before')
  requireScenario('compareStructure', after, 'after')
  requireArgument(
    'compareStructure',
    'names',
    '{ before, after } (strings), or nothing',
    names,
    names === undefined ||
      (typeof names === 'object' &&
        names !== null &&
        typeof names.before === 'string' &&
        typeof names.after === 'string'),
  )
  const labels = names ?? { before: before.asOf, after: after.asOf }
  const a = analyseStructure(before).county
  const b = analyseStructure(after).county
  const ma = metrics(a, before.policy.structure.minority.majorityEthnicity)
  const mb = metrics(b, after.policy.structure.minority.majorityEthnicity)
  const keys = [...ma.keys(), ...[...mb.keys()].filter((k) => !ma.has(k))]
  const rows = keys.map((k): ComparisonRow => {
    const x = ma.get(k)
    const y = mb.get(k)
    const before = x?.value ?? 0
    const after = y?.value ?? 0
    return { group: (x ?? y)!.group, metric: (x ?? y)!.metric, before, after, delta: round1(after - before) }
  })
  const share = (n: number, members: number) => (members === 0 ? 0 : round1((100 * n) / members))
  const distribution = rows
    .filter((r) => SHARE_GROUPS.has(r.group))
    .flatMap((r) => [
      { group: r.group, metric: r.metric, series: labels.before, percent: share(r.before, a.members) },
      { group: r.group, metric: r.metric, series: labels.after, percent: share(r.after, b.members) },
    ])
  const rules = rows
    .filter((r) => r.group === 'rule')
    .flatMap((r) => [
      { rule: r.metric, series: labels.before, teams: r.before },
      { rule: r.metric, series: labels.after, teams: r.after },
    ])
  const schema = 'https://vega.github.io/schema/vega-lite/v5.json'
  return {
    labels,
    before: a,
    after: b,
    rows,
    charts: {
      distribution: {
        $schema: schema,
        title: 'Structure of the county (percent of members)',
        data: { values: distribution },
        facet: { row: { field: 'group', type: 'nominal', title: null } },
        spec: {
          mark: 'bar',
          encoding: {
            y: { field: 'metric', type: 'nominal', title: null },
            yOffset: { field: 'series', type: 'nominal' },
            x: { field: 'percent', type: 'quantitative', title: '% of members' },
            color: { field: 'series', type: 'nominal', title: null },
          },
        },
        resolve: { scale: { y: 'independent' } },
      },
      rules: {
        $schema: schema,
        title: 'Teams short of each structure rule',
        data: { values: rules },
        mark: 'bar',
        encoding: {
          y: { field: 'rule', type: 'nominal', title: null },
          yOffset: { field: 'series', type: 'nominal' },
          x: { field: 'teams', type: 'quantitative', title: 'teams short' },
          color: { field: 'series', type: 'nominal', title: null },
        },
      },
    },
  }
}
