/**
 * The dated record of a fictional cadre (三龄两历): work start, party date and
 * work history, consistent with the birth, rank and post already drawn. Derived
 * without drawing from the random stream, so that adding the record changed no
 * other trait of the sample county. About one reserve cadre in fifty gets a
 * record that disagrees with itself, so that the sample trips `record.inconsistent`.
 *
 * @module
 */
import type { PartyAffiliation, WorkPeriod, YearMonth } from '../domain/types.js'
import { fromMonth } from './cadres.js'

/** What the record is derived from (month indices). */
export interface RecordBasis {
  readonly birth: number
  readonly careerStart: number
  readonly rankSince: number
  readonly asOf: number
  readonly party: PartyAffiliation
  readonly county: string
  /** The post held and since when, if any. */
  readonly post: { readonly id: string; readonly since: number } | null
  /** May carry a planted inconsistency: a reserve cadre no rule of the round relies on. */
  readonly mayBeFlawed: boolean
}

/** The record fields of a cadre. */
export interface DatedRecord {
  workStart: YearMonth | null
  partyJoined: YearMonth | null
  history: WorkPeriod[]
}

/** Builds the record; the birth month picks the planted flaw, if any. */
export function datedRecord(b: RecordBasis): DatedRecord {
  // joined in their twenties, never after the reference month
  const joined = Math.min(b.birth + 12 * (21 + (b.birth % 9)), b.asOf)
  const record: DatedRecord = {
    workStart: fromMonth(b.careerStart),
    partyJoined: b.party === 'cpc' ? fromMonth(joined) : null,
    history: [],
  }
  const since = b.post?.since ?? b.rankSince
  const where = b.post === null ? 'section staff' : `post ${b.post.id}`
  if (since > b.careerStart)
    record.history.push({
      from: fromMonth(b.careerStart),
      to: fromMonth(since),
      unit: b.county,
      post: 'staff',
    })
  record.history.push({ from: fromMonth(since), to: null, unit: b.county, post: where })
  if (!b.mayBeFlawed) return record
  switch (b.birth % 50) {
    case 0: // a party date at 17, or a party date of a non-member
      record.partyJoined = fromMonth(b.birth + 12 * 17)
      break
    case 1: // work at 15
      record.workStart = fromMonth(b.birth + 12 * 15)
      break
    case 2: // the earlier period runs on into the current one
      if (record.history.length === 2)
        record.history[0] = { ...record.history[0]!, to: fromMonth(Math.min(since + 6, b.asOf)) }
      else record.history.push({ from: fromMonth(since), to: null, unit: b.county, post: 'acting' })
      break
  }
  return record
}
