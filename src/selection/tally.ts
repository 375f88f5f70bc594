/**
 * Recommendations shape proposals: a round's recommendations (民主推荐 by
 * rater group, 实名制推荐 by named recommenders) and the reserve's real-name
 * recommendations counted into the scenario's tallies, which the fit's
 * `support` component and the gate `recommendation.required` read.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js'
import type { GroupVotes, Recommendation, RecommendationTally, Scenario } from '../domain/types.js'
import { decodeScenario } from '../io/decode.js'
import { encodeScenario } from '../io/encode.js'
import { renderValue } from '../io/errors.js'
import type { RoundRecommendation } from './types.js'
import { scenarioIssue } from '../io/door.js'

/** Why recommendations could not be counted into a scenario. @category Selection */
export interface InvalidTally {
  readonly _tag: 'InvalidTally'
  /**
   * Every problem, each naming the record by its place in the array given
   * (`[3].voters: a democratic recommendation needs its voters …`).
   */
  readonly issues: readonly string[]
  readonly message: string
}

/**
 * Counts recommendations into tallies, one per cadre and post (a reserve
 * recommendation counts for any post): a democratic recommendation adds its
 * rater group's votes of its voters, a real-name one its recommender (names
 * trimmed). Refused, each with its place: a kind other than `democratic` or
 * `real-name`, a democratic recommendation without its voters (it cannot be
 * read as a share), a rater group counted twice for one cadre and post, and
 * a group whose voters on one post differ between records (a meeting has
 * one count of those who took part).
 *
 * @param recommendations - a round's recommendations and/or reserve recommendations
 * @returns the tallies, in the order their cadre and post first appear, or every issue
 * @category Selection
 * @example
 * const t = tallyRecommendations([
 *   { postId: 'P1', cadreId: 'C1', kind: 'democratic', recommender: '班子成员', votes: 7, voters: 9, reason: '', date: '2026-03-02' },
 *   { postId: 'P1', cadreId: 'C1', kind: 'real-name', recommender: '王明', votes: null, reason: '', date: '2026-03-02' },
 * ])
 * t._tag === 'Right' && t.right
 * //=> [{ cadreId: 'C1', postId: 'P1', votes: [{ group: '班子成员', votes: 7, voters: 9 }], recommenders: ['王明'] }]
 */
export function tallyRecommendations(
  recommendations: readonly (RoundRecommendation | Recommendation)[],
): Either<InvalidTally, RecommendationTally[]> {
  return count(recommendations, null)
}

const invalid = (issues: string[]) =>
  left<InvalidTally>({ _tag: 'InvalidTally', issues, message: issues.join('\n') })

/**
 * The tallies of the records, every problem named by the record's place
 * (`[3].voters`); with a scenario, also each id known to it and each date not
 * after its `asOf`.
 */
function count(
  recommendations: unknown,
  scenario: Scenario | null,
): Either<InvalidTally, RecommendationTally[]> {
  if (!Array.isArray(recommendations))
    return invalid([
      `recommendations: expected an array of recommendations, got ${renderValue(recommendations)}`,
    ])
  const { problems, tallies } = tally(recommendations as readonly unknown[], scenario, (i) => `[${i}]`)
  return problems.length > 0 ? invalid(problems.map((p) => `${p.path}: ${p.text}`)) : right(tallies)
}

/** One problem of a tally: the place of the record's field, and what is wrong there. @internal */
export interface TallyProblem {
  readonly path: string
  readonly text: string
}

/**
 * The problems the tally finds in `recommendations`, each at its place as
 * `place(i)` names the i-th record (`[3]`, `round.recommendations[3]`): what
 * a round checks before it records recommendations, so that it never holds
 * what `withRecommendations` refuses.
 * @internal
 */
export function tallyProblems(
  recommendations: readonly unknown[],
  place: (i: number) => string,
): readonly TallyProblem[] {
  return tally(recommendations, null, place).problems
}

function tally(
  recommendations: readonly unknown[],
  scenario: Scenario | null,
  place: (i: number) => string,
): { problems: TallyProblem[]; tallies: RecommendationTally[] } {
  const cadres = scenario === null ? null : new Set(scenario.cadres.map((c) => c.id))
  const posts = scenario === null ? null : new Set(scenario.teams.flatMap((t) => t.posts.map((p) => p.id)))
  const problems: TallyProblem[] = []
  const issue = (path: string, text: string) => problems.push({ path, text })
  const tallies = new Map<
    string,
    { cadreId: string; postId: string | null; votes: GroupVotes[]; named: string[] }
  >()
  /** Where each rater group was counted for a cadre and post, and each group's voters on a post. */
  const counted = new Map<string, number>()
  const voters = new Map<string, { readonly voters: number; readonly at: number }>()
  const name = (x: unknown) => typeof x === 'string' && x.trim() !== ''
  recommendations.forEach((u, i) => {
    const at = place(i)
    if (typeof u !== 'object' || u === null || Array.isArray(u)) {
      issue(`${at}`, `expected a recommendation object, got ${renderValue(u)}`)
      return
    }
    const r = u as Record<string, unknown>
    const kind = 'kind' in r ? r['kind'] : undefined
    if (kind !== undefined && kind !== 'democratic' && kind !== 'real-name') {
      issue(`${at}.kind`, `expected "democratic" or "real-name", got ${renderValue(kind)}`)
      return
    }
    const cadreId = r['cadreId']
    if (typeof cadreId !== 'string' || cadreId === '') {
      issue(`${at}.cadreId`, `expected a cadre id, got ${renderValue(cadreId)}`)
      return
    }
    if (cadres !== null && !cadres.has(cadreId)) {
      issue(`${at}.cadreId`, `expected a cadre of the scenario, got ${renderValue(cadreId)}`)
      return
    }
    // A round's recommendation names its post; a reserve recommendation (no kind) counts for any post.
    const postId = kind === undefined ? null : r['postId']
    if (postId !== null && (typeof postId !== 'string' || postId === '')) {
      issue(`${at}.postId`, `expected a post id, got ${renderValue(postId)}`)
      return
    }
    if (postId !== null && posts !== null && !posts.has(postId)) {
      issue(`${at}.postId`, `expected a post of the scenario, got ${renderValue(postId)}`)
      return
    }
    const recommender = r['recommender']
    if (!name(recommender)) {
      issue(`${at}.recommender`, `expected a name, got ${renderValue(recommender)}`)
      return
    }
    const who = (recommender as string).trim()
    const date = r['date']
    if (scenario !== null && typeof date === 'string' && date.slice(0, 7) > scenario.asOf) {
      issue(
        `${at}.date`,
        `expected a date not after the scenario's month ${scenario.asOf}, got ${renderValue(date)}`,
      )
      return
    }
    const key = `${cadreId}\u0000${postId ?? ''}`
    let t = tallies.get(key)
    if (t === undefined) tallies.set(key, (t = { cadreId, postId, votes: [], named: [] }))
    if (kind !== 'democratic') {
      if (!t.named.includes(who)) t.named.push(who)
      return
    }
    const votes = r['votes']
    const n = r['voters'] ?? null
    if (typeof votes !== 'number' || !Number.isInteger(votes) || votes < 0) {
      issue(`${at}.votes`, `expected a whole number of votes, got ${renderValue(votes)}`)
      return
    }
    if (n === null) {
      issue(`${at}.voters`, `a democratic recommendation needs its voters to be read as a share`)
      return
    }
    if (typeof n !== 'number' || !Number.isInteger(n) || n < Math.max(1, votes)) {
      issue(
        `${at}.voters`,
        `expected a whole number of voters ≥ ${Math.max(1, votes)}, got ${renderValue(n)}`,
      )
      return
    }
    const before = counted.get(`${key}\u0000${who}`)
    if (before !== undefined) {
      issue(
        `${at}.recommender`,
        `the rater group "${who}" is already counted for ${cadreId} and ${postId ?? 'any post'} (${place(before)})`,
      )
      return
    }
    const meeting = voters.get(`${who}\u0000${postId ?? ''}`)
    if (meeting !== undefined && meeting.voters !== n) {
      issue(
        `${at}.voters`,
        `expected the group's voters as ${place(meeting.at)} gives them (${meeting.voters}), got ${n}`,
      )
      return
    }
    counted.set(`${key}\u0000${who}`, i)
    if (meeting === undefined) voters.set(`${who}\u0000${postId ?? ''}`, { voters: n, at: i })
    t.votes.push({ group: who, votes, voters: n })
  })
  return {
    problems,
    tallies: [...tallies.values()].map((t) => ({
      cadreId: t.cadreId,
      postId: t.postId,
      votes: t.votes,
      recommenders: t.named,
    })),
  }
}

/**
 * The scenario with `recommendations` counted into its tallies
 * ({@link tallyRecommendations}), replacing any it had: each record's cadre
 * and post must be the scenario's and its date not after the scenario's
 * month (each refusal names the record), and the scenario is checked again
 * as a decoded one is. Solve it to let the support component and the gate
 * read the tallies.
 *
 * @param scenario - a decoded scenario
 * @param recommendations - a round's recommendations and/or reserve recommendations
 * @returns the new scenario, or every issue, each naming its place
 * @category Selection
 */
export function withRecommendations(
  scenario: Scenario,
  recommendations: readonly (RoundRecommendation | Recommendation)[],
): Either<InvalidTally, Scenario> {
  const notScenario = scenarioIssue(scenario)
  if (notScenario !== null)
    return left({ _tag: 'InvalidTally', issues: [notScenario.message], message: notScenario.message })
  const tallies = count(recommendations, scenario)
  if (isLeft(tallies)) return tallies
  const input = { ...(encodeScenario(scenario) as Record<string, unknown>), recommendations: tallies.right }
  const decoded = decodeScenario(input)
  if (isLeft(decoded)) {
    const issues = decoded.left.issues.map((i) => i.message)
    return left({ _tag: 'InvalidTally', issues, message: issues.join('\n') })
  }
  return right(decoded.right)
}
