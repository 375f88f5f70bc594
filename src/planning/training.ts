/**
 * The training plan (缺什么补什么): cadres assigned to courses so that as
 * much of their need as possible is covered, within each course's seats,
 * each cadre's hours and never two courses at once. A cadre's needs come
 * from the assessment's feedback list (the training topic of each weak or
 * falling indicator) and from the team they serve (a specialty the team's
 * structure lacks), plus any the caller adds. Exact by default — an
 * assignment/knapsack MILP on the solver the staffing uses — with a greedy
 * plan beside it as a baseline.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import { feedbackLists } from '../assessment/feedback.js'
import { monthIndex } from '../domain/time.js'
import type { Scenario, YearMonth } from '../domain/types.js'
import { array, nonEmptyString, number, object, oneOf, opt, req, yearMonth } from '../io/combinators.js'
import { scenarioIssue } from '../io/door.js'
import { formatPath } from '../io/path.js'
import { read } from '../io/read.js'
import { MilpBuilder } from '../model/milp.js'
import { teamGaps } from '../pool/structure.js'
import { highsSolver } from '../solvers/highs.js'
import type { RunOptions } from '../solvers/solver.js'

/** A course on offer (培训班次). @category Planning */
export interface Course {
  readonly id: string
  /** Its topic: a training topic code (see `TRAINING_TOPIC_LABELS`) or a specialty code a team lacks. */
  readonly topic: string
  readonly seats: number
  /** Study hours it takes and credits. */
  readonly hours: number
  /** First and last month; a cadre takes no two courses whose months overlap. */
  readonly start: YearMonth
  readonly end: YearMonth
}

/** One need of one cadre: a topic, and how much covering it is worth. @category Planning */
export interface TrainingNeedOf {
  readonly cadreId: string
  readonly topic: string
  /** Worth of covering it (≥ 0); needs of one cadre and topic add up. */
  readonly weight: number
  /** Where it comes from: `feedback` (a weak or falling indicator), `team` (a specialty the team lacks) or `given`. */
  readonly source: 'feedback' | 'team' | 'given'
}

/** Options of {@link planTraining}. @category Planning */
export interface TrainingPlanOptions {
  readonly courses: readonly Course[]
  /** Hours a cadre may spend on the plan's courses. @defaultValue 110 */
  readonly hoursPerCadre?: number
  /** Needs to add to those found. */
  readonly needs?: readonly Omit<TrainingNeedOf, 'source'>[]
  /** `exact` (MILP, proven optimal) or `greedy` (the baseline). @defaultValue 'exact' */
  readonly method?: 'exact' | 'greedy'
  /** Time limit of the exact plan, in ms. */
  readonly timeLimitMs?: number
}

/** A training plan. @category Planning */
export interface TrainingPlan {
  readonly method: 'exact' | 'greedy'
  /** `optimal` when proven; a greedy plan is `heuristic`. */
  readonly status: 'optimal' | 'time-limit' | 'heuristic'
  /** The need covered: Σ weight of every (cadre, topic) need some course of the plan covers. */
  readonly covered: number
  /** A proven upper bound on what any plan covers (`covered` when optimal; `null` for greedy). */
  readonly bound: number | null
  /** The need found in all, covered or not. */
  readonly totalNeed: number
  /** Per course, its cadres (roster order). */
  readonly courses: readonly { readonly courseId: string; readonly cadreIds: readonly string[] }[]
  /** Per cadre with a course: the courses (plan order), hours and the topics covered. */
  readonly cadres: readonly {
    readonly cadreId: string
    readonly courseIds: readonly string[]
    readonly hours: number
    readonly topics: readonly string[]
  }[]
  /** Every need found, in roster order then topic. */
  readonly needs: readonly TrainingNeedOf[]
}

/**
 * Why a plan was not made. `InvalidTrainingPlan`: an argument refused, named
 * by its place (`scenario: expected a decoded scenario …`, `scenario.asOf:
 * expected YYYY-MM, got "2026-13"`, `options.courses[0].seats: …`,
 * `options.needs[2].cadreId: …`), nothing computed; `SolverFailure`: the
 * exact plan's MILP ended without a solution.
 * @category Planning
 */
export interface InvalidTrainingPlan {
  readonly _tag: 'InvalidTrainingPlan' | 'SolverFailure'
  /** The place refused and why, or how the solve ended, in one line. */
  readonly message: string
}

const course = object('course object', {
  id: req(nonEmptyString, 'The course’s id.'),
  topic: req(nonEmptyString, 'Its topic.'),
  seats: req(number({ min: 0, max: 100_000, integer: true }), 'Seats.'),
  hours: req(number({ min: 0.5, max: 2000 }), 'Study hours.'),
  start: req(yearMonth, 'First month.'),
  end: req(yearMonth, 'Last month.'),
})
const optionsCodec = object('training plan options', {
  courses: req(array(course), 'The courses on offer.'),
  hoursPerCadre: opt(number({ min: 0, max: 2000 }), 110, 'Hours a cadre may spend.'),
  needs: opt(
    array(
      object('need object', {
        cadreId: req(nonEmptyString, 'The cadre.'),
        topic: req(nonEmptyString, 'The topic.'),
        weight: req(number({ min: 0, max: 1e6 }), 'Worth.'),
      }),
    ),
    [],
    'Needs to add.',
  ),
  method: opt(oneOf(['exact', 'greedy'] as const), 'exact', '`exact` or `greedy`.'),
  timeLimitMs: opt(number({ min: 1, max: 86_400_000 }), 60_000, 'Time limit, ms.'),
})

/**
 * The needs of every cadre: the training topic of each weak or falling
 * indicator of their feedback list (weight: 1 per reason), a specialty their
 * team's structure lacks (weight 1, for each member of the team), and the
 * given ones; one entry per cadre and topic, weights added.
 */
function needsOf(scenario: Scenario, given: readonly Omit<TrainingNeedOf, 'source'>[]): TrainingNeedOf[] {
  const out = new Map<string, TrainingNeedOf>()
  const add = (n: TrainingNeedOf) => {
    const key = `${n.cadreId}\u0000${n.topic}`
    const had = out.get(key)
    out.set(key, had === undefined ? n : { ...had, weight: had.weight + n.weight })
  }
  for (const list of feedbackLists(scenario))
    for (const t of list.training)
      add({ cadreId: list.cadreId, topic: t.topic, weight: t.because.length, source: 'feedback' })
  const teamOf = new Map(scenario.teams.flatMap((t) => t.posts.map((p) => [p.id, t.id] as const)))
  const members = new Map<string, string[]>()
  for (const c of scenario.cadres) {
    const team = c.currentPost === null ? undefined : teamOf.get(c.currentPost.postId)
    if (team !== undefined) listOf(members, team).push(c.id)
  }
  for (const g of teamGaps(scenario))
    if (g.code === 'structure.specialty-coverage' && g.shortfall > 0)
      for (const id of members.get(g.teamId) ?? [])
        add({ cadreId: id, topic: g.tag.slice('covers-'.length), weight: 1, source: 'team' })
  for (const n of given) add({ ...n, source: 'given' })
  const order = new Map(scenario.cadres.map((c, i) => [c.id, i]))
  return [...out.values()]
    .filter((n) => n.weight > 0 && order.has(n.cadreId))
    .sort(
      (a, b) =>
        order.get(a.cadreId)! - order.get(b.cadreId)! || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0),
    )
}

/** The list of `key` in `m`, made on first use. */
function listOf<K, V>(m: Map<K, V[]>, key: K): V[] {
  let list = m.get(key)
  if (list === undefined) m.set(key, (list = []))
  return list
}

const overlap = (a: Course, b: Course) =>
  monthIndex(a.start) <= monthIndex(b.end) && monthIndex(b.start) <= monthIndex(a.end)

/** A candidate pair: a cadre, a course of a topic they need, and the need's index. */
interface Pair {
  readonly cadre: number
  readonly course: number
  readonly need: number
}

/**
 * The greedy plan: needs by weight (then roster order), each given the first
 * course of its topic with a free seat that fits the cadre's hours and does
 * not overlap their other courses.
 */
function greedy(
  pairs: readonly Pair[],
  needs: readonly TrainingNeedOf[],
  courses: readonly Course[],
  hours: number,
): Pair[] {
  const seats = courses.map((c) => c.seats)
  const used = new Map<number, number>()
  const taken = new Map<number, number[]>()
  const byNeed = new Map<number, Pair[]>()
  for (const p of pairs) listOf(byNeed, p.need).push(p)
  const order = [...byNeed.keys()].sort((a, b) => needs[b]!.weight - needs[a]!.weight || a - b)
  const out: Pair[] = []
  for (const n of order)
    for (const p of byNeed.get(n)!) {
      const k = courses[p.course]!
      const mine = taken.get(p.cadre) ?? []
      if (seats[p.course]! <= 0 || (used.get(p.cadre) ?? 0) + k.hours > hours + 1e-9) continue
      if (mine.some((j) => overlap(courses[j]!, k))) continue
      seats[p.course]!--
      used.set(p.cadre, (used.get(p.cadre) ?? 0) + k.hours)
      taken.set(p.cadre, [...mine, p.course])
      out.push(p)
      break
    }
  return out
}

/**
 * Plans training to the gaps (缺什么补什么): assigns cadres to `courses` so
 * that the need covered — the weight of every (cadre, topic) need at least
 * one of their courses covers — is as large as possible, with no course over
 * its seats, no cadre over `hoursPerCadre` and no cadre in two courses whose
 * months overlap. The exact plan is a MILP (a binary per cadre and course of
 * a topic they need, one per need covered) solved to proven optimality; the
 * greedy plan (`method: 'greedy'`) is the baseline it never falls below.
 *
 * Never throws: a scenario that is not one (or whose `asOf` is not a real
 * month) and options out of range answer {@link InvalidTrainingPlan} naming
 * the place.
 *
 * @param scenario - a decoded scenario: its feedback lists and team gaps give the needs
 * @param options - the courses, hours per cadre, needs to add, method, time limit
 * @category Planning
 */
export async function planTraining(
  scenario: Scenario,
  options: TrainingPlanOptions,
): Promise<Either<InvalidTrainingPlan, TrainingPlan>> {
  const invalid = (message: string) => left<InvalidTrainingPlan>({ _tag: 'InvalidTrainingPlan', message })
  // Its asOf a real month too: the feedback's years and the team gaps' ages are read at it.
  const notScenario = scenarioIssue(scenario)
  if (notScenario !== null) return invalid(notScenario.message)
  const o = read(optionsCodec, options, 'training plan options')
  if (o._tag === 'Left') return invalid(o.left.map((i) => `options.${i.message}`).join('; '))
  const { courses, hoursPerCadre, method, timeLimitMs } = o.right
  const ids = new Set<string>()
  for (const [i, k] of courses.entries()) {
    if (ids.has(k.id)) return invalid(`options.courses[${i}].id: "${k.id}" is listed twice`)
    ids.add(k.id)
    if (monthIndex(k.end) < monthIndex(k.start))
      return invalid(`options.courses[${i}].end: ${k.end} is before its start ${k.start}`)
  }
  const index = new Map(scenario.cadres.map((c, i) => [c.id, i]))
  for (const [i, n] of o.right.needs.entries())
    if (!index.has(n.cadreId))
      return invalid(
        `${formatPath(['options', 'needs', i, 'cadreId'])}: no cadre "${n.cadreId}" in the scenario`,
      )
  const needs = needsOf(scenario, o.right.needs)
  const totalNeed = needs.reduce((s, n) => s + n.weight, 0)
  const pairs: Pair[] = []
  needs.forEach((n, i) =>
    courses.forEach((k, j) => {
      if (k.topic === n.topic && k.seats > 0 && k.hours <= hoursPerCadre + 1e-9)
        pairs.push({ cadre: index.get(n.cadreId)!, course: j, need: i })
    }),
  )
  let chosen: Pair[]
  let status: TrainingPlan['status'] = 'heuristic'
  let bound: number | null = null
  if (method === 'greedy') chosen = greedy(pairs, needs, courses, hoursPerCadre)
  else {
    // x[p] for each pair, y[n] for each need: y[n] ≤ Σ x of its pairs; seats; hours; overlaps.
    const b = new MilpBuilder()
    const x = pairs.map((p) =>
      b.addColumn(`x:${scenario.cadres[p.cadre]!.id}:${courses[p.course]!.id}`, 0, 0, 1, true),
    )
    const y = needs.map((n) => b.addColumn(`y:${n.cadreId}:${n.topic}`, n.weight, 0, 1, false))
    const ofNeed = new Map<number, number[]>()
    const ofCourse = new Map<number, number[]>()
    const ofCadre = new Map<number, number[]>()
    pairs.forEach((p, i) => {
      listOf(ofNeed, p.need).push(i)
      listOf(ofCourse, p.course).push(i)
      listOf(ofCadre, p.cadre).push(i)
    })
    needs.forEach((n, i) => {
      const ps = ofNeed.get(i) ?? []
      b.addRow(
        `cover:${n.cadreId}:${n.topic}`,
        [y[i]!, ...ps.map((k) => x[k]!)],
        [1, ...ps.map(() => -1)],
        -Infinity,
        0,
      )
    })
    for (const [j, ps] of ofCourse)
      if (ps.length > courses[j]!.seats)
        b.addRow(
          `seats:${courses[j]!.id}`,
          ps.map((k) => x[k]!),
          1,
          -Infinity,
          courses[j]!.seats,
        )
    for (const [c, ps] of ofCadre) {
      const hours = ps.map((k) => courses[pairs[k]!.course]!.hours)
      if (hours.reduce((s, h) => s + h, 0) > hoursPerCadre + 1e-9)
        b.addRow(
          `hours:${scenario.cadres[c]!.id}`,
          ps.map((k) => x[k]!),
          hours,
          -Infinity,
          hoursPerCadre,
        )
      // Courses at the same time: at most one of those running in each month they share.
      const months = new Map<number, number[]>()
      for (const k of ps) {
        const course = courses[pairs[k]!.course]!
        for (let m = monthIndex(course.start); m <= monthIndex(course.end); m++) listOf(months, m).push(k)
      }
      const seen = new Set<string>()
      for (const [m, ks] of [...months].sort((a, b) => a[0] - b[0])) {
        const key = [...new Set(ks)].sort((a, b) => a - b).join(',')
        if (ks.length < 2 || seen.has(key)) continue
        seen.add(key)
        b.addRow(
          `once:${scenario.cadres[c]!.id}:${m}`,
          ks.map((k) => x[k]!),
          1,
          -Infinity,
          1,
        )
      }
    }
    // The greedy plan as a start: the exact plan never falls below it.
    const start = greedy(pairs, needs, courses, hoursPerCadre)
    const milp = b.build()
    const values = new Float64Array(milp.colCost.length)
    const column = new Map(pairs.map((p, i) => [p, x[i]!]))
    for (const p of start) {
      values[column.get(p)!] = 1
      values[y[p.need]!] = 1
    }
    const indices = Int32Array.from(values.keys())
    const run: RunOptions = { timeLimitMs, start: { indices, values } }
    const r = await highsSolver.solve(milp, run)
    if (r.values === null)
      return left({
        _tag: 'SolverFailure',
        message: `the training MILP ended ${r.status}${r.message === undefined ? '' : `: ${r.message}`}`,
      })
    chosen = pairs.filter((_, i) => r.values![x[i]!]! > 0.5)
    status = r.status === 'optimal' ? 'optimal' : 'time-limit'
    bound = r.bound
  }
  return right(planOf(method, status, bound, totalNeed, chosen, needs, courses, scenario))
}

function planOf(
  method: 'exact' | 'greedy',
  status: TrainingPlan['status'],
  bound: number | null,
  totalNeed: number,
  chosen: readonly Pair[],
  needs: readonly TrainingNeedOf[],
  courses: readonly Course[],
  scenario: Scenario,
): TrainingPlan {
  // One course per (cadre, course), even where it covers several needs of the cadre.
  const byCadre = new Map<number, Set<number>>()
  for (const p of chosen) byCadre.set(p.cadre, (byCadre.get(p.cadre) ?? new Set()).add(p.course))
  const index = new Map(scenario.cadres.map((c, i) => [c.id, i]))
  const coveredNeeds = needs.filter((n) =>
    [...(byCadre.get(index.get(n.cadreId)!) ?? [])].some((j) => courses[j]!.topic === n.topic),
  )
  const covered = Math.round(coveredNeeds.reduce((s, n) => s + n.weight, 0) * 1e6) / 1e6
  const cadres = [...byCadre]
    .sort((a, b) => a[0] - b[0])
    .map(([c, ks]) => {
      const list = [...ks].sort((a, b) => a - b)
      return {
        cadreId: scenario.cadres[c]!.id,
        courseIds: list.map((j) => courses[j]!.id),
        hours: list.reduce((s, j) => s + courses[j]!.hours, 0),
        topics: [...new Set(list.map((j) => courses[j]!.topic))].sort(),
      }
    })
  return {
    method,
    status,
    covered,
    bound: status === 'optimal' ? covered : bound,
    totalNeed,
    courses: courses.map((k) => ({
      courseId: k.id,
      cadreIds: cadres.filter((c) => c.courseIds.includes(k.id)).map((c) => c.cadreId),
    })),
    cadres,
    needs,
  }
}
