/**
 * `decodeScenario`: untrusted input → a validated, fully populated, frozen
 * {@link Scenario}, or every issue found. Three steps, each on safer data
 * than the last: a defensive snapshot (getters, cycles, exotic objects), the
 * io-ts codecs (shapes, defaults), then the cross-reference checks (ids,
 * dates, locks), which run only when the shapes are valid.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js'
import { resolvePolicy, type Policy, type PolicyInput } from '../domain/policy.js'
import type { AssessmentRecord, Cadre, EvaluatorGroup, Scenario, Team } from '../domain/types.js'
import { collectingUnread, isPlainRecord } from './combinators.js'
import { scenarioCodec, type ScenarioInput } from './codecs.js'
import { crossReferenceIssues, policyIssues } from './crossref.js'
import {
  issue,
  issueFromValidationError,
  pathOf,
  sortByPath,
  sortIssues,
  type InvalidScenario,
  type Issue,
} from './errors.js'
import type { Path } from './path.js'
import { policyCodec } from './policy-codec.js'
import { Opaque, snapshot } from './snapshot.js'

const invalid = (issues: readonly Issue[]): InvalidScenario => ({ _tag: 'InvalidScenario', issues })

/**
 * Decodes a scenario from JSON-like input (see docs/input-format.md): checks
 * every field, fills the defaults, resolves the policy, and checks every
 * cross-reference. Never throws, whatever the input (cycles, throwing
 * getters, BigInt, Symbols, huge arrays, `null`, a string…).
 *
 * Ethnicities are read into their GB 3304 canonical codes (`汉族` → `han`) and
 * every policy number is checked against its range (`POLICY_LIMITS`). For
 * the warnings of a scenario that decodes (a cadre past retirement age, a
 * hometown matching no locality…), see `decodeScenarioWithWarnings`.
 *
 * @param input - anything; typically the result of `JSON.parse`
 * @returns `Right` of a fully populated, deep-frozen scenario that shares no
 *   reference with `input`; or `Left` of every issue found, in input order
 * @category IO
 * @example
 * const ok = decodeScenario({ asOf: '2025-06', county: 'Wengniute', cadres: [], teams: [] })
 * ok._tag === 'Right' && ok.right.policy.structure.women.min
 * //=> 1
 * const bad = decodeScenario({ asOf: '2025-13', county: 'Wengniute', cadres: [], teams: {} })
 * bad._tag === 'Left' && formatIssues(bad.left)
 * //=> '→ at asOf: expected YYYY-MM, got "2025-13"\n→ at teams: expected array, got {}'
 */
export function decodeScenario(input: unknown): Either<InvalidScenario, Scenario> {
  const r = decodeInput(input, false)
  return isLeft(r) ? r : right(r.right.scenario)
}

/**
 * A key of the input that the decoder does not read (and drops), where it
 * was found. @internal
 */
export interface UnreadInputKey {
  readonly path: Path
  readonly key: string
  /** The kind of object it is a key of, as a codec names it (`cadre object`). */
  readonly object: string
  /** The keys that object reads. */
  readonly known: readonly string[]
}

/**
 * {@link decodeScenario}, with the keys of the input it does not read (the
 * `input.unknown-key` warnings), in input order. Never throws. @internal
 */
export function decodeScenarioWithUnread(input: unknown): Either<InvalidScenario, Decoded> {
  return decodeInput(input, true)
}

/** A decoded scenario, with the keys of its input that were not read. @internal */
export interface Decoded {
  readonly scenario: Scenario
  readonly unread: readonly UnreadInputKey[]
}

function decodeInput(input: unknown, collect: boolean): Either<InvalidScenario, Decoded> {
  try {
    return decodeSnapshot(snapshot(input), collect)
  } catch (e) {
    // Unreachable by design (the snapshot is plain data); a bug must still come back as a value.
    const reason = e instanceof Error ? e.message : 'unknown error'
    return left(
      invalid([issue([], 'a scenario the decoder can read', new Opaque(`an internal error (${reason})`))]),
    )
  }
}

function decodeSnapshot(root: unknown, collect: boolean): Either<InvalidScenario, Decoded> {
  const validate = () => scenarioCodec.validate(root, [{ key: '', type: scenarioCodec, actual: root }])
  const { result: shape, unread } = collect ? collectingUnread(validate) : { result: validate(), unread: [] }
  if (isLeft(shape)) {
    const issues = shape.left.map(issueFromValidationError)
    // A well-formed policy is checked as a whole now, so its issues come with the others.
    const rawPolicy = isPlainRecord(root) ? root['policy'] : undefined
    const policy = policyCodec.validate(rawPolicy, [{ key: '', type: policyCodec, actual: rawPolicy }])
    if (rawPolicy !== undefined && !isLeft(policy)) issues.push(...policyIssues(resolve(policy.right)))
    return left(invalid(sortIssues(issues, root)))
  }
  const policy = resolve(shape.right.policy)
  const policyProblems = policyIssues(policy)
  if (policyProblems.length > 0) return left(invalid(sortIssues(policyProblems, root)))
  const scenario = build(shape.right, policy)
  const cross = crossReferenceIssues(scenario, shape.right.openPosts !== 'all')
  if (cross.length > 0) return left(invalid(sortIssues(cross, root)))
  const keys = unread.map((u): UnreadInputKey => ({
    path: pathOf(u.context),
    key: u.key,
    object: u.object,
    known: u.known,
  }))
  return right({ scenario: deepFreeze(scenario), unread: sortByPath(keys, (k) => k.path, root) })
}

/** The policy completed with the defaults, copied so that freezing it never freezes DEFAULT_POLICY. */
function resolve(input: PolicyInput | undefined): Policy {
  return structuredClone(resolvePolicy(input))
}

function build(input: ScenarioInput, policy: Policy): Scenario {
  const teams = input.teams.map((t): Team => ({
    id: t.id,
    name: t.name,
    kind: t.kind,
    unit: t.unit ?? t.id,
    locality: t.locality ?? input.county,
    area: { ethnicAutonomous: t.area.ethnicAutonomous, titularEthnicity: t.area.titularEthnicity },
    needsTitularMember: t.needsTitularMember,
    needsNonPartyMember: t.needsNonPartyMember,
    specialties: [...t.specialties],
    posts: t.posts.map((p) => ({
      id: p.id,
      title: p.title ?? p.id,
      kind: p.kind,
      rank: p.rank,
      specialties: [...p.specialties],
      role: p.role,
      rotationExempt: p.rotationExempt,
    })),
    ...(t.supervisedBy === undefined ? {} : { supervisedBy: [...t.supervisedBy] }),
  }))
  const cadres = input.cadres.map((c): Cadre => ({
    id: c.id,
    name: c.name,
    gender: c.gender,
    birth: c.birth,
    ethnicity: c.ethnicity,
    party: c.party,
    education: { level: c.education.level, fullTime: c.education.fullTime },
    specialties: c.specialties.map((s) => ({
      code: s.code,
      degree: s.degree,
      years: s.years,
      achievements: s.achievements,
    })),
    currentPost: c.currentPost === null ? null : { postId: c.currentPost.postId, since: c.currentPost.since },
    rank: c.rank,
    rankSince: c.rankSince,
    hometown: c.hometown,
    kin: c.kin.map((k) => ({ cadreId: k.cadreId, relation: k.relation })),
    // `score` is left out rather than set to undefined: JSON cannot say undefined
    assessments: c.assessments.map((a) =>
      a.score === undefined || a.score === null
        ? { year: a.year, grade: a.grade }
        : { year: a.year, grade: a.grade, score: a.score },
    ),
    ...(c.assessmentRecords === undefined ? {} : { assessmentRecords: c.assessmentRecords.map(record) }),
    integrity: { ...c.integrity },
    temperament: c.temperament,
    reserveGroups: [...c.reserveGroups],
    exceptionalPromotion: c.exceptionalPromotion,
    workStart: c.workStart,
    partyJoined: c.partyJoined,
    history: c.history.map((h) => ({ from: h.from, to: h.to, unit: h.unit, post: h.post })),
    // left out rather than set to undefined, as `score` is
    ...(c.category === undefined ? {} : { category: c.category }),
  }))
  return {
    asOf: input.asOf,
    county: input.county,
    cadres,
    teams,
    policy,
    openPosts:
      input.openPosts === 'all' ? teams.flatMap((t) => t.posts.map((p) => p.id)) : [...input.openPosts],
    locks: input.locks.map((l) => ({ cadreId: l.cadreId, postId: l.postId })),
    forbidden: input.forbidden.map((f) => ({ cadreId: f.cadreId, postId: f.postId })),
    ...(input.recommendations === undefined
      ? {}
      : {
          recommendations: input.recommendations.map((t) => ({
            cadreId: t.cadreId,
            postId: t.postId,
            votes: t.votes.map((v) => ({ group: v.group, votes: v.votes, voters: v.voters })),
            recommenders: [...t.recommenders],
          })),
        }),
  }
}

type RecordInput = NonNullable<ScenarioInput['cadres'][number]['assessmentRecords']>[number]

/** A detailed record with its missing parts left out (JSON cannot say undefined). */
function record(r: RecordInput): AssessmentRecord {
  const evaluators: Partial<Record<EvaluatorGroup, number>> = {}
  if (r.evaluators !== undefined)
    for (const [g, v] of Object.entries(r.evaluators))
      if (v !== undefined) evaluators[g as EvaluatorGroup] = v
  return {
    year: r.year,
    kind: r.kind,
    ...(r.grade === undefined ? {} : { grade: r.grade }),
    ...(r.score === undefined ? {} : { score: r.score }),
    ...(r.indicators === undefined ? {} : { indicators: { ...r.indicators } }),
    ...(r.evaluators === undefined ? {} : { evaluators }),
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}
