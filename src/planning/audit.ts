/**
 * The record audit before any appointment (档案必审): every cadre's 三龄两历
 * — age, work age, party age, education, experience — as one checklist, each
 * item `ok`, `missing` or in `conflict`, with the fields involved. The
 * conflicts are those the record rule (`record.inconsistent`) blocks
 * appointment on: `recordConflicts`, the same checks, never a second copy.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import { AUDIT_ITEM_LABELS, type AuditItem, type Label } from '../domain/codes.js'
import { ageAt, isMonth, monthsBetween } from '../domain/time.js'
import type { Cadre, Scenario, YearMonth } from '../domain/types.js'
import { isPlainRecord } from '../io/combinators.js'
import { scenarioIssue } from '../io/door.js'
import { issue, type Issue } from '../io/errors.js'
import type { Path } from '../io/path.js'
import { recordConflicts, type RecordConflict } from '../rules/record.js'

/** The audit's items, in the order of a checklist. @category Planning */
export const AUDIT_ITEMS: readonly AuditItem[] = ['age', 'work-age', 'party-age', 'education', 'experience']

/** One item of a cadre's checklist. @category Planning */
export interface AuditCheck {
  readonly item: AuditItem
  readonly label: Label
  /** `missing`: the record lacks what the item needs; `conflict`: the record disagrees with itself there. */
  readonly status: 'ok' | 'missing' | 'conflict'
  /** The fields of the cadre the item read, or those in conflict. */
  readonly fields: readonly string[]
  /** What the record says (`47 years`, `since 2001-07 (25 years)`), or why it is missing or in conflict. */
  readonly notes: readonly string[]
}

/** One cadre's checklist. @category Planning */
export interface CadreAudit {
  readonly cadreId: string
  readonly name: string
  readonly checks: readonly AuditCheck[]
  /** The conflicts the record rule blocks appointment on. */
  readonly conflicts: readonly RecordConflict[]
  /** No conflict: the record rule would not block the cadre. */
  readonly consistent: boolean
  /** Nothing missing. */
  readonly complete: boolean
  /** The integrity record says the file was audited (档案必审, one of 凡提四必). */
  readonly fileAudited: boolean
}

/** The audit of a roster at a month. @category Planning */
export interface RecordAudit {
  readonly asOf: YearMonth
  readonly cadres: readonly CadreAudit[]
  /** Cadres with a conflict, and with something missing. */
  readonly inconsistent: number
  readonly incomplete: number
}

/**
 * Why an audit was not made: the argument refused, named by its place
 * (`scenario: expected a decoded scenario …`, `scenario.asOf: expected
 * YYYY-MM, got "2026-13"`, `scenario.cadres[3].birth: expected YYYY-MM, got
 * "1990-13"`, `options.cadreIds[0]: no cadre "C9" in the scenario`). A date
 * of an audited record that is not a real month is refused rather than read
 * as another (`1990-13` as 1991-01, an age a month off). Nothing was
 * computed.
 * @category Planning
 */
export interface InvalidAudit {
  readonly _tag: 'InvalidAudit'
  /** The place refused and why, in one line. */
  readonly message: string
}

/**
 * The one item a conflict is the fault of: the item whose date is checked
 * against another's. The birth date is what the others are read against (an
 * age at joining the party or starting work), and the work start what the
 * history is read against, so: a conflict with a history period or the
 * current post is the experience's; else one with the party or its date, the
 * party age's; else one with the work start, the work age's; else the age's.
 */
function itemOf(conflict: RecordConflict): AuditItem {
  const has = (test: (f: string) => boolean) => conflict.fields.some(test)
  if (has((f) => f.startsWith('history') || f.startsWith('currentPost'))) return 'experience'
  if (has((f) => f === 'party' || f === 'partyJoined')) return 'party-age'
  if (has((f) => f === 'workStart')) return 'work-age'
  return 'age'
}

const MONTH = 'YYYY-MM'
const MONTH_OR_NULL = 'YYYY-MM or null'
const monthOrNull = (x: unknown): boolean => x === null || isMonth(x)

/**
 * The first part of a cadre's record the audit reads that it cannot read —
 * a date that is not a real month, a list or record missing — or `null`.
 * `at` is the cadre's path (`['scenario', 'cadres', 3]`).
 */
function unreadable(cadre: unknown, at: Path): Issue | null {
  if (!isPlainRecord(cadre)) return issue(at, 'a cadre', cadre)
  const c = cadre
  if (!isMonth(c.birth)) return issue([...at, 'birth'], MONTH, c.birth)
  if (typeof c.party !== 'string') return issue([...at, 'party'], 'a party affiliation', c.party)
  for (const key of ['workStart', 'partyJoined'] as const)
    if (!monthOrNull(c[key])) return issue([...at, key], MONTH_OR_NULL, c[key])
  const edu = c.education
  if (!isPlainRecord(edu) || typeof edu.level !== 'string' || typeof edu.fullTime !== 'boolean')
    return issue([...at, 'education'], 'an education { level, fullTime }', edu)
  if (!Array.isArray(c.history))
    return issue([...at, 'history'], 'an array of periods { from, to }', c.history)
  for (const [i, h] of (c.history as unknown[]).entries()) {
    if (!isPlainRecord(h)) return issue([...at, 'history', i], 'a period { from, to }', h)
    if (!isMonth(h.from)) return issue([...at, 'history', i, 'from'], MONTH, h.from)
    if (!monthOrNull(h.to)) return issue([...at, 'history', i, 'to'], MONTH_OR_NULL, h.to)
  }
  const post = c.currentPost
  if (post !== null) {
    if (!isPlainRecord(post))
      return issue([...at, 'currentPost'], 'a post held { postId, since }, or null', post)
    if (!isMonth(post.since)) return issue([...at, 'currentPost', 'since'], MONTH, post.since)
  }
  if (!isPlainRecord(c.integrity) || typeof c.integrity.fileAudited !== 'boolean')
    return issue([...at, 'integrity'], 'an integrity record { fileAudited, … }', c.integrity)
  return null
}

function auditCadre(cadre: Cadre, scenario: Scenario): CadreAudit {
  const asOf = scenario.asOf
  const conflicts = recordConflicts(cadre, scenario.policy.people.record, asOf)
  const inConflict = (item: AuditItem) => conflicts.filter((c) => itemOf(c) === item)
  const check = (item: AuditItem, fields: string[], ok: string[], missing: string | null): AuditCheck => {
    const found = inConflict(item)
    if (found.length > 0)
      return {
        item,
        label: AUDIT_ITEM_LABELS[item],
        status: 'conflict',
        fields: [...new Set(found.flatMap((c) => c.fields))],
        notes: found.map((c) => c.why),
      }
    if (missing !== null)
      return { item, label: AUDIT_ITEM_LABELS[item], status: 'missing', fields, notes: [missing] }
    return { item, label: AUDIT_ITEM_LABELS[item], status: 'ok', fields, notes: ok }
  }
  const since = (ym: YearMonth) => `since ${ym} (${Math.floor(monthsBetween(ym, asOf) / 12)} years)`
  const checks = [
    check('age', ['birth'], [`born ${cadre.birth}, ${ageAt(cadre.birth, asOf)} years old`], null),
    check(
      'work-age',
      ['workStart'],
      cadre.workStart === null ? [] : [`working ${since(cadre.workStart)}`],
      cadre.workStart === null ? 'no work start (参加工作时间) on record' : null,
    ),
    check(
      'party-age',
      ['party', 'partyJoined'],
      cadre.party !== 'cpc'
        ? [`not a party member (${cadre.party})`]
        : cadre.partyJoined === null
          ? []
          : [`member ${since(cadre.partyJoined)}`],
      cadre.party === 'cpc' && cadre.partyJoined === null
        ? 'a party member with no joining date (入党时间) on record'
        : null,
    ),
    check(
      'education',
      ['education'],
      [`${cadre.education.level}, ${cadre.education.fullTime ? 'full-time' : 'in-service'}`],
      null,
    ),
    check(
      'experience',
      ['history', 'currentPost'],
      [`${cadre.history.length} periods of work history`],
      cadre.history.length === 0 ? 'no work history (工作经历) on record' : null,
    ),
  ]
  return {
    cadreId: cadre.id,
    name: cadre.name,
    checks,
    conflicts,
    consistent: conflicts.length === 0,
    complete: checks.every((c) => c.status !== 'missing'),
    fileAudited: cadre.integrity.fileAudited,
  }
}

/**
 * The record audit (档案必审) of the roster, or of some cadres: per cadre the
 * checklist of 三龄两历, the conflicts the record rule blocks appointment on,
 * and whether the file is marked audited.
 *
 * Never throws: a scenario that is not one, an `asOf` or a date of an
 * audited record that is not a real month (`"1990-13"`), or options that are
 * not of their kind answer {@link InvalidAudit} naming the place.
 *
 * @param scenario - a decoded scenario; ages and open periods are read at its `asOf`
 * @param options - `cadreIds`: only these cadres, in this order
 * @category Planning
 */
export function auditRecords(
  scenario: Scenario,
  options: { readonly cadreIds?: readonly string[] } = {},
): Either<InvalidAudit, RecordAudit> {
  const refused = (found: Issue) => left<InvalidAudit>({ _tag: 'InvalidAudit', message: found.message })
  // Its asOf a real month too: monthIndex reads "2026-13" as 2027-01, and every age would be a month off.
  const notScenario = scenarioIssue(scenario)
  if (notScenario !== null) return refused(notScenario)
  const limits: unknown = scenario.policy.people.record
  if (
    !isPlainRecord(limits) ||
    typeof limits.minPartyAge !== 'number' ||
    typeof limits.minWorkAge !== 'number'
  )
    return refused(
      issue(['scenario', 'policy', 'people', 'record'], 'a rule { minPartyAge, minWorkAge, … }', limits),
    )
  if (options !== undefined && !isPlainRecord(options))
    return refused(issue(['options'], 'an options object (or nothing, for the defaults)', options))
  const byId = new Map(scenario.cadres.map((c) => [c.id, c]))
  let cadres: readonly Cadre[] = scenario.cadres
  if (options.cadreIds !== undefined) {
    if (!Array.isArray(options.cadreIds))
      return left({ _tag: 'InvalidAudit', message: 'options.cadreIds: expected an array of cadre ids' })
    const picked: Cadre[] = []
    for (const [i, id] of (options.cadreIds as readonly unknown[]).entries()) {
      const c = typeof id === 'string' ? byId.get(id) : undefined
      if (c === undefined)
        return left({
          _tag: 'InvalidAudit',
          message: `options.cadreIds[${i}]: no cadre ${JSON.stringify(id)} in the scenario`,
        })
      picked.push(c)
    }
    cadres = picked
  }
  const index = new Map(scenario.cadres.map((c, i) => [c, i]))
  for (const c of cadres) {
    const found = unreadable(c, ['scenario', 'cadres', index.get(c)!])
    if (found !== null) return refused(found)
  }
  const audits = cadres.map((c) => auditCadre(c, scenario))
  return right({
    asOf: scenario.asOf,
    cadres: audits,
    inconsistent: audits.filter((a) => !a.consistent).length,
    incomplete: audits.filter((a) => !a.complete).length,
  })
}
