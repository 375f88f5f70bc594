/**
 * Study hours (学时管理): training records — a new optional input, decoded
 * with path-named issues like the scenario — and each cadre's ledger for a
 * year: the courses taken, the hours by kind and topic, and who is short of
 * the year's requirement, by how much.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js'
import type { TrainingKind } from '../domain/codes.js'
import { isMonth } from '../domain/time.js'
import type { Scenario, YearMonth } from '../domain/types.js'
import {
  array,
  isPlainRecord,
  nonEmptyString,
  number,
  object,
  oneOf,
  opt,
  req,
  yearMonth,
} from '../io/combinators.js'
import { scenarioIssue } from '../io/door.js'
import { issue, type Issue } from '../io/errors.js'
import { readDatedRecords } from '../io/read.js'

/** The kinds of training, in the order a ledger lists them. @category Planning */
export const TRAINING_KINDS: readonly TrainingKind[] = ['centralised', 'party-school', 'online', 'self-study']

/** One course a cadre took (培训记录). @category Planning */
export interface TrainingRecord {
  readonly cadreId: string
  /** The course's name. */
  readonly course: string
  /** Its topic: a training topic code (`political-theory`, …; see `TRAINING_TOPIC_LABELS`) or one of the county's own. */
  readonly topic: string
  readonly kind: TrainingKind
  /** Study hours credited (学时). */
  readonly hours: number
  /** Month the course was completed. */
  readonly completed: YearMonth
}

/** The hours a record may credit. */
const HOURS = { min: 0.5, max: 2000 } as const

const record = object('training record object', {
  cadreId: req(nonEmptyString, 'Id of the cadre; a cadre of the scenario.'),
  course: req(nonEmptyString, 'The course’s name.'),
  topic: req(nonEmptyString, 'The course’s topic (a training topic code or the county’s own).'),
  kind: opt(oneOf(TRAINING_KINDS), 'centralised', 'How it was taken (集中培训, 党校, 网络, 自学).'),
  hours: req(number(HOURS), 'Study hours credited (学时), 0.5–2000.'),
  completed: req(yearMonth, 'Month the course was completed; not after the scenario’s asOf.'),
})

const records = array(record, 'array of training records')

/** Why training records could not be decoded: every issue, in input order. @category Planning */
export interface InvalidTrainingRecords {
  readonly _tag: 'InvalidTrainingRecords'
  readonly issues: readonly Issue[]
}

/**
 * Decodes training records: shapes first (every field, with paths like
 * `[3, 'hours']`), then, when a scenario is given, that each `cadreId` is a
 * cadre of its roster and no course was completed after its `asOf`. Never
 * throws.
 *
 * @param input - anything; typically a JSON array
 * @param scenario - the scenario the records belong to, for the cross-references
 * @returns the records in input order, or every issue
 * @category Planning
 * @example
 * const r = decodeTrainingRecords([{ cadreId: 'C1', course: '党性教育', topic: 'political-theory', hours: -3, completed: '2026-05' }])
 * r._tag === 'Left' && r.left.issues[0].message
 * //=> '[0].hours: expected number in 0.5–2000, got -3'
 */
export function decodeTrainingRecords(
  input: unknown,
  scenario?: Scenario,
): Either<InvalidTrainingRecords, TrainingRecord[]> {
  const invalid = (issues: readonly Issue[]): InvalidTrainingRecords => ({
    _tag: 'InvalidTrainingRecords',
    issues,
  })
  const r = readDatedRecords(records, input, scenario, 'an array of training records', 'completed')
  return isLeft(r) ? left(invalid(r.left)) : right(r.right.map((x) => ({ ...x })))
}

/** Options of {@link studyHours}. @category Planning */
export interface StudyHoursOptions {
  /** The year of the ledger. @defaultValue the year of the scenario's `asOf` */
  readonly year?: number
  /** Hours each cadre must study in a year (每年累计不少于). @defaultValue 110 */
  readonly required?: number
}

/** One cadre's study hours in a year. @category Planning */
export interface StudyLedger {
  readonly cadreId: string
  readonly name: string
  readonly total: number
  readonly byKind: Readonly<Record<TrainingKind, number>>
  /** Hours by topic, largest first. */
  readonly byTopic: readonly { readonly topic: string; readonly hours: number }[]
  /** The year's courses, in the order of the records. */
  readonly courses: readonly TrainingRecord[]
  /**
   * Hours short of the requirement, exactly: more than 0 whenever the year's
   * hours are under `required`, by however little (109.996 hours against 110
   * are 0.004 short); 0 when met. Hours are summed as written, without
   * rounding (see {@link studyHours}).
   */
  readonly short: number
}

/** Every cadre's study hours in a year. @category Planning */
export interface StudyHours {
  readonly year: number
  readonly required: number
  /** In roster order. */
  readonly cadres: readonly StudyLedger[]
  /** The cadres short of the requirement, most short first (then roster order). */
  readonly shortOf: readonly string[]
}

/**
 * Why a ledger was not made: the argument refused, named by its place
 * (`scenario: expected a decoded scenario …`, `scenario.asOf: expected
 * YYYY-MM, got "2026-13"`, `options.required: …`, `trainings[3]: expected a
 * training record …`, `trainings[3].hours: expected number in 0.5–2000, got
 * NaN`, `trainings[3].completed: expected YYYY-MM, got "2026-13"`). Nothing
 * was computed.
 * @category Planning
 */
export interface InvalidStudyHours {
  readonly _tag: 'InvalidStudyHours'
  /** The place refused and why, in one line. */
  readonly message: string
}

/** A decimal: `units × 10^−scale`. */
interface Decimal {
  readonly units: bigint
  readonly scale: number
}

/**
 * A finite number as the decimal it is written as (its shortest form:
 * `33.3` is 333 × 10⁻¹, not the binary fraction nearest it).
 */
function decimalOf(x: number): Decimal {
  // String() writes every finite number in this form; the hours and requirement are checked finite.
  const [, minus = '', whole = '0', fraction = '', exponent = '0'] =
    /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x)) ?? []
  const scale = fraction.length - Number(exponent)
  const units = BigInt(`${minus}${whole}${fraction}`)
  return scale >= 0 ? { units, scale } : { units: units * 10n ** BigInt(-scale), scale: 0 }
}

/**
 * A sum of hours kept exact, as an integer count of its last decimal place:
 * so 33.3 + 33.3 + 33.4 is 100 (not 99.99999999999999), and 109.996 is
 * 0.004 short of 110 — a shortfall is never rounded away, nor made up by the
 * binary error of a sum.
 */
class ExactSum implements Decimal {
  units = 0n
  scale = 0

  /** Adds `d`, or subtracts it with `sign` −1. */
  add(d: Decimal, sign: 1n | -1n = 1n): this {
    if (d.scale > this.scale) {
      this.units *= 10n ** BigInt(d.scale - this.scale)
      this.scale = d.scale
    }
    const units = d.scale === this.scale ? d.units : d.units * 10n ** BigInt(this.scale - d.scale)
    this.units += sign * units
    return this
  }

  /** The sum, as the number nearest it. */
  value(): number {
    return Number(`${this.units}e-${this.scale}`)
  }

  /** Whether the sum is above 0. */
  positive(): boolean {
    return this.units > 0n
  }
}

/**
 * The study-hours ledger of every cadre for a year (学时管理): the courses
 * completed that year, hours by kind and topic, and how far each cadre is
 * short of `required` hours. Records of cadres not on the roster are left
 * out (decode them against the scenario to have them reported). Hours are
 * summed exactly as written, never rounded: a cadre is short, and in
 * `shortOf`, exactly when their hours are under `required`.
 *
 * Never throws: a scenario that is not one, an `asOf` or `completed` that is
 * not a real month (`"2026-13"`), hours that are not a number in 0.5–2000
 * (`NaN`) or options out of range answer {@link InvalidStudyHours} naming
 * the place.
 *
 * @param scenario - a decoded scenario
 * @param trainings - training records (from {@link decodeTrainingRecords})
 * @param options - the year and the hours required
 * @category Planning
 */
export function studyHours(
  scenario: Scenario,
  trainings: readonly TrainingRecord[],
  options: StudyHoursOptions = {},
): Either<InvalidStudyHours, StudyHours> {
  const invalid = (message: string) => left<InvalidStudyHours>({ _tag: 'InvalidStudyHours', message })
  const refused = (path: (string | number)[], expected: string, value: unknown) =>
    invalid(issue(path, expected, value).message)
  const notScenario = scenarioIssue(scenario)
  if (notScenario !== null) return invalid(notScenario.message)
  if (!Array.isArray(trainings))
    return invalid('trainings: expected an array of training records (decodeTrainingRecords)')
  if (options !== undefined && !isPlainRecord(options))
    return refused(['options'], 'an options object (or nothing, for the defaults)', options)
  const year = options.year ?? Number(scenario.asOf.slice(0, 4))
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 2100)
    return invalid(`options.year: expected a year in 1900–2100, got ${JSON.stringify(year)}`)
  const required = options.required ?? 110
  if (typeof required !== 'number' || !Number.isFinite(required) || required < 0 || required > 2000)
    return invalid(`options.required: expected hours in 0–2000, got ${JSON.stringify(required)}`)
  const requiredHours = decimalOf(required)
  const byCadre = new Map<string, TrainingRecord[]>()
  for (const [i, t] of (trainings as readonly unknown[]).entries()) {
    const r = t as TrainingRecord
    if (
      typeof r !== 'object' ||
      r === null ||
      typeof r.cadreId !== 'string' ||
      typeof r.hours !== 'number' ||
      typeof r.completed !== 'string' ||
      !TRAINING_KINDS.includes(r.kind)
    )
      return invalid(`trainings[${i}]: expected a training record (decodeTrainingRecords)`)
    // What the decoder holds a record to: hours it credits, a real month ("2026-13" is none of 2026).
    if (!Number.isFinite(r.hours) || r.hours < HOURS.min || r.hours > HOURS.max)
      return refused(['trainings', i, 'hours'], `number in ${HOURS.min}–${HOURS.max}`, r.hours)
    if (!isMonth(r.completed)) return refused(['trainings', i, 'completed'], 'YYYY-MM', r.completed)
    if (r.completed.slice(0, 4) !== String(year)) continue
    byCadre.set(r.cadreId, [...(byCadre.get(r.cadreId) ?? []), r])
  }
  const cadres = scenario.cadres.map((c): StudyLedger => {
    const courses = byCadre.get(c.id) ?? []
    const kinds = new Map(TRAINING_KINDS.map((k) => [k, new ExactSum()]))
    const topics = new Map<string, ExactSum>()
    const total = new ExactSum()
    for (const r of courses) {
      const hours = decimalOf(r.hours)
      total.add(hours)
      kinds.get(r.kind)!.add(hours)
      let topic = topics.get(r.topic)
      if (topic === undefined) topics.set(r.topic, (topic = new ExactSum()))
      topic.add(hours)
    }
    // What is still owed: the requirement less every hour, exact (positive exactly when short).
    const owed = new ExactSum().add(requiredHours).add(total, -1n)
    return {
      cadreId: c.id,
      name: c.name,
      total: total.value(),
      byKind: Object.fromEntries(TRAINING_KINDS.map((k) => [k, kinds.get(k)!.value()])) as Record<
        TrainingKind,
        number
      >,
      byTopic: [...topics]
        .map(([topic, hours]) => ({ topic, hours: hours.value() }))
        .sort((a, b) => b.hours - a.hours || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0)),
      courses,
      short: owed.positive() ? owed.value() : 0,
    }
  })
  const order = new Map(cadres.map((c, i) => [c.cadreId, i]))
  const shortOf = cadres
    .filter((c) => c.short > 0)
    .sort((a, b) => b.short - a.short || order.get(a.cadreId)! - order.get(b.cadreId)!)
    .map((c) => c.cadreId)
  return right({ year, required, cadres, shortOf })
}
