/** What the selection tests share: unwrapping a step, an inspection that passes, a relaxed county. */
import type { Either } from 'fp-ts/lib/Either.js'
import type { Scenario } from '../../src/domain/types.js'
import type { Inspection } from '../../src/selection/index.js'

/** The right of a step, or a thrown error with the refusal's message. */
export const get = <A>(r: Either<{ readonly message: string }, A>): A => {
  if (r._tag === 'Left') throw new Error(r.left.message)
  return r.right
}

/** The left of a step that must be refused. */
export const refusal = <E, A>(r: Either<E, A>): E => {
  if (r._tag === 'Right') throw new Error('expected a refusal')
  return r.left
}

/** An inspection of a candidate with the four checks done, both signatures and a fit conclusion; `over` changes it. */
export const inspectionOf = (
  postId: string,
  cadreId: string,
  over: Partial<Inspection> = {},
): Inspection => ({
  postId,
  cadreId,
  by: '考察组 李明',
  date: '2026-10-12',
  fourMusts: {
    fileAudited: true,
    personalMattersVerified: true,
    disciplineOpinionHeard: true,
    complaintsInvestigated: true,
  },
  signatures: { discipline: '纪委书记 王刚', organization: '组织部长 赵敏' },
  conclusion: 'fit',
  findings: '',
  ...over,
})

const soften = <T extends object>(rules: T): T =>
  Object.fromEntries(Object.entries(rules).map(([k, r]) => [k, { ...(r as object), hard: false }])) as T

/** Every rule soft and no lock: many staffings are feasible, so posts have many candidates. */
export const relaxed = (s: Scenario): Scenario => ({
  ...s,
  locks: [],
  policy: {
    ...s.policy,
    structure: soften(s.policy.structure),
    stability: soften(s.policy.stability),
    people: soften(s.policy.people),
  },
})
