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
import { ageAt, monthsBetween } from '../domain/time.js'
import type { Cadre, Scenario, YearMonth } from '../domain/types.js'
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

/** Why an audit was not made. @category Planning */
export interface InvalidAudit {
  readonly _tag: 'InvalidAudit'
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
 * @param scenario - a decoded scenario; ages and open periods are read at its `asOf`
 * @param options - `cadreIds`: only these cadres, in this order
 * @category Planning
 */
export function auditRecords(
  scenario: Scenario,
  options: { readonly cadreIds?: readonly string[] } = {},
): Either<InvalidAudit, RecordAudit> {
  if (typeof scenario !== 'object' || scenario === null || !Array.isArray(scenario.cadres))
    return left({
      _tag: 'InvalidAudit',
      message: 'scenario: expected a decoded scenario (call decodeScenario first)',
    })
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
  const audits = cadres.map((c) => auditCadre(c, scenario))
  return right({
    asOf: scenario.asOf,
    cadres: audits,
    inconsistent: audits.filter((a) => !a.consistent).length,
    incomplete: audits.filter((a) => !a.complete).length,
  })
}
