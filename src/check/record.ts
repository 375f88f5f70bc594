/**
 * Record consistency (docs/rules.md, `record.inconsistent`), re-checked from the
 * cadre's record alone with the validator's own month arithmetic: the field
 * pairs that disagree, for the message.
 *
 * @module
 */
import type { Cadre } from '../domain/types.js'
import { monthIndex } from './time.js'

/** `fields: why` of each disagreement in the record; `[]` when it agrees with itself. */
export function recordDisagreements(
  cadre: Cadre,
  asOf: number,
  minPartyAge: number,
  minWorkAge: number,
): string[] {
  const out: string[] = []
  const birth = monthIndex(cadre.birth)
  const joined = monthIndex(cadre.partyJoined)
  const work = monthIndex(cadre.workStart)
  if (cadre.partyJoined !== null && cadre.party !== 'cpc')
    out.push(`party/partyJoined: a ${cadre.party} cadre with a party date`)
  // NaN compares false: a missing date is not a disagreement.
  if (joined - birth < 12 * minPartyAge) out.push(`birth/partyJoined: party member before ${minPartyAge}`)
  if (work - birth < 12 * minWorkAge) out.push(`birth/workStart: working before ${minWorkAge}`)
  const periods = cadre.history.map((h) => ({
    from: monthIndex(h.from),
    // a period still running ends at the reference month
    to: h.to === null ? asOf : monthIndex(h.to),
  }))
  periods.forEach((p, i) => {
    if (p.to < p.from) out.push(`history[${i}]: ends before it starts`)
    if (p.from < work) out.push(`workStart/history[${i}]: starts before work started`)
    for (let j = i + 1; j < periods.length; j++) {
      const q = periods[j]!
      if (p.from < q.to && q.from < p.to) out.push(`history[${i}]/history[${j}]: overlap`)
    }
  })
  if (monthIndex(cadre.currentPost?.since) < work)
    out.push('workStart/currentPost.since: post taken before work started')
  return out
}
