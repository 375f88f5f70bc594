/**
 * Record consistency (三龄两历: age, length of service, party standing,
 * education and work history must agree across a cadre's record). A finding
 * blocks appointment until the record is resolved; the message and facts name
 * the conflicting fields. The checks, with `minPartyAge` and `minWorkAge` of
 * the policy (18 and 16):
 * - a party date for a cadre who is not a party member;
 * - joined the party before `minPartyAge`, started work before `minWorkAge`;
 * - a history period that ends before it starts, or starts before work started;
 * - two history periods that overlap (sharing a boundary month is not an overlap:
 *   one post ends in the month the next begins);
 * - the current post taken before work started.
 *
 * @module
 */
import { monthIndex } from '../domain/time.js'
import type { Cadre, YearMonth } from '../domain/types.js'
import type { ScenarioContext } from './context.js'
import { pairRule, type PairRule } from './verdict.js'

/** One conflict in a record: the fields that disagree, and why. @category Rules */
export interface RecordConflict {
  /** Paths of the conflicting fields inside the cadre, e.g. `['birth', 'partyJoined']`. */
  readonly fields: readonly string[]
  readonly why: string
}

/**
 * Every conflict in a cadre's record at the reference month, in the order of
 * the module's list.
 * @category Rules
 * @example
 * recordConflicts({ ...cadre, birth: '1990-05', partyJoined: '2008-01' }, { minPartyAge: 18, minWorkAge: 16 })
 * //=> [{ fields: ['birth', 'partyJoined'], why: 'joined the party at 17 (2008-01), before 18' }]
 */
export function recordConflicts(
  cadre: Cadre,
  limits: { readonly minPartyAge: number; readonly minWorkAge: number },
  asOf?: YearMonth,
): RecordConflict[] {
  const out: RecordConflict[] = []
  const birth = monthIndex(cadre.birth)
  const ageAt = (ym: YearMonth) => Math.floor((monthIndex(ym) - birth) / 12)
  const { partyJoined, workStart, history } = cadre
  if (partyJoined !== null && cadre.party !== 'cpc')
    out.push({
      fields: ['party', 'partyJoined'],
      why: `has a party date (${partyJoined}) but party is ${cadre.party}`,
    })
  if (partyJoined !== null && monthIndex(partyJoined) - birth < 12 * limits.minPartyAge)
    out.push({
      fields: ['birth', 'partyJoined'],
      why: `joined the party at ${ageAt(partyJoined)} (${partyJoined}), before ${limits.minPartyAge}`,
    })
  if (workStart !== null && monthIndex(workStart) - birth < 12 * limits.minWorkAge)
    out.push({
      fields: ['birth', 'workStart'],
      why: `started work at ${ageAt(workStart)} (${workStart}), before ${limits.minWorkAge}`,
    })
  // An open period runs to the reference month (or forever when none is given).
  const end = (to: YearMonth | null) =>
    to === null ? (asOf === undefined ? Infinity : monthIndex(asOf)) : monthIndex(to)
  history.forEach((h, i) => {
    if (h.to !== null && monthIndex(h.to) < monthIndex(h.from))
      out.push({
        fields: [`history[${i}].from`, `history[${i}].to`],
        why: `period ${i} ends (${h.to}) before it starts (${h.from})`,
      })
    if (workStart !== null && monthIndex(h.from) < monthIndex(workStart))
      out.push({
        fields: ['workStart', `history[${i}].from`],
        why: `period ${i} starts (${h.from}) before work started (${workStart})`,
      })
  })
  history.forEach((a, i) =>
    history.slice(i + 1).forEach((b, k) => {
      const j = i + 1 + k
      if (monthIndex(a.from) < end(b.to) && monthIndex(b.from) < end(a.to))
        out.push({
          fields: [`history[${i}]`, `history[${j}]`],
          why: `periods ${i} (${a.post}, ${a.from}–${a.to ?? 'now'}) and ${j} (${b.post}, ${b.from}–${b.to ?? 'now'}) overlap`,
        })
    }),
  )
  const since = cadre.currentPost?.since
  if (since !== undefined && workStart !== null && monthIndex(since) < monthIndex(workStart))
    out.push({
      fields: ['workStart', 'currentPost.since'],
      why: `took the current post (${since}) before work started (${workStart})`,
    })
  return out
}

// A record does not depend on the post: found once per cadre of a context, not once per pair.
const found = new WeakMap<ScenarioContext, RecordConflict[][]>()

function conflictsOf(ctx: ScenarioContext, cadreIdx: number): RecordConflict[] {
  let list = found.get(ctx)
  if (list === undefined) found.set(ctx, (list = []))
  return (list[cadreIdx] ??= recordConflicts(
    ctx.scenario.cadres[cadreIdx]!,
    ctx.scenario.policy.people.record,
    ctx.scenario.asOf,
  ))
}

/** @category Rules */
export const recordConsistency: PairRule = pairRule({
  code: 'record.inconsistent',
  occasion: 'appointment',
  reads: { cadre: ['birth', 'party', 'partyJoined', 'workStart', 'history', 'currentPost'] },
  switchOf: (p) => p.people.record,
  breaks: ({ ctx, cadreIdx }) => conflictsOf(ctx, cadreIdx).length > 0,
  finding: ({ ctx, cadre, cadreIdx }) => {
    const conflicts = conflictsOf(ctx, cadreIdx)
    const fields = [...new Set(conflicts.flatMap((c) => c.fields))]
    return {
      message: `${cadre.name}'s record disagrees with itself: ${conflicts.map((c) => c.why).join('; ')} (fields: ${fields.join(', ')})`,
      facts: { fields: fields.join(', '), conflicts: conflicts.length },
    }
  },
})
