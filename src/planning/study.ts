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
import type { Scenario, YearMonth } from '../domain/types.js'
import { array, nonEmptyString, number, object, oneOf, opt, req, yearMonth } from '../io/combinators.js'
import type { Issue } from '../io/errors.js'
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

const record = object('training record object', {
  cadreId: req(nonEmptyString, 'Id of the cadre; a cadre of the scenario.'),
  course: req(nonEmptyString, 'The course’s name.'),
  topic: req(nonEmptyString, 'The course’s topic (a training topic code or the county’s own).'),
  kind: opt(oneOf(TRAINING_KINDS), 'centralised', 'How it was taken (集中培训, 党校, 网络, 自学).'),
  hours: req(number({ min: 0.5, max: 2000 }), 'Study hours credited (学时), 0.5–2000.'),
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
  /** Hours short of the requirement (0 when met). */
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

/** Why a ledger was not made. @category Planning */
export interface InvalidStudyHours {
  readonly _tag: 'InvalidStudyHours'
  readonly message: string
}

const round2 = (x: number) => Math.round(x * 100) / 100

/**
 * The study-hours ledger of every cadre for a year (学时管理): the courses
 * completed that year, hours by kind and topic, and how far each cadre is
 * short of `required` hours. Records of cadres not on the roster are left
 * out (decode them against the scenario to have them reported).
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
  if (typeof scenario !== 'object' || scenario === null || !Array.isArray(scenario.cadres))
    return invalid('scenario: expected a decoded scenario (call decodeScenario first)')
  if (!Array.isArray(trainings))
    return invalid('trainings: expected an array of training records (decodeTrainingRecords)')
  const year = options.year ?? Number(scenario.asOf.slice(0, 4))
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 2100)
    return invalid(`options.year: expected a year in 1900–2100, got ${JSON.stringify(year)}`)
  const required = options.required ?? 110
  if (typeof required !== 'number' || !Number.isFinite(required) || required < 0 || required > 2000)
    return invalid(`options.required: expected hours in 0–2000, got ${JSON.stringify(required)}`)
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
    if (r.completed.slice(0, 4) !== String(year)) continue
    byCadre.set(r.cadreId, [...(byCadre.get(r.cadreId) ?? []), r])
  }
  const cadres = scenario.cadres.map((c): StudyLedger => {
    const courses = byCadre.get(c.id) ?? []
    const byKind = Object.fromEntries(TRAINING_KINDS.map((k) => [k, 0])) as Record<TrainingKind, number>
    const topics = new Map<string, number>()
    let total = 0
    for (const r of courses) {
      total += r.hours
      byKind[r.kind] += r.hours
      topics.set(r.topic, (topics.get(r.topic) ?? 0) + r.hours)
    }
    for (const k of TRAINING_KINDS) byKind[k] = round2(byKind[k])
    return {
      cadreId: c.id,
      name: c.name,
      total: round2(total),
      byKind,
      byTopic: [...topics]
        .map(([topic, hours]) => ({ topic, hours: round2(hours) }))
        .sort((a, b) => b.hours - a.hours || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0)),
      courses,
      short: round2(Math.max(0, required - total)),
    }
  })
  const order = new Map(cadres.map((c, i) => [c.cadreId, i]))
  const shortOf = cadres
    .filter((c) => c.short > 0)
    .sort((a, b) => b.short - a.short || order.get(a.cadreId)! - order.get(b.cadreId)!)
    .map((c) => c.cadreId)
  return right({ year, required, cadres, shortOf })
}
