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
import type { RoundRecommendation } from './types.js'

/** Why recommendations could not be counted into a scenario. @category Selection */
export interface InvalidTally {
  readonly _tag: 'InvalidTally'
  /** Every problem, each naming its place (`recommendations[3].voters: …`). */
  readonly issues: readonly string[]
  readonly message: string
}

const isRound = (r: RoundRecommendation | Recommendation): r is RoundRecommendation => 'kind' in r

/**
 * Counts recommendations into tallies, one per cadre and post (a reserve
 * recommendation counts for any post): a democratic recommendation adds its
 * rater group's votes of its voters, a real-name one its recommender. A
 * democratic recommendation without its voters cannot be read as a share,
 * and a rater group counted twice for one cadre and post is ambiguous: both
 * are reported, each with its place.
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
  const invalid = (issues: string[]) =>
    left<InvalidTally>({ _tag: 'InvalidTally', issues, message: issues.join('\n') })
  if (!Array.isArray(recommendations))
    return invalid(['recommendations: expected an array of recommendations'])
  const issues: string[] = []
  const tallies = new Map<
    string,
    { cadreId: string; postId: string | null; votes: GroupVotes[]; named: string[] }
  >()
  const where = new Map<string, number>()
  ;(recommendations as readonly unknown[]).forEach((u, i) => {
    const at = `[${i}]`
    if (typeof u !== 'object' || u === null) {
      issues.push(`${at}: expected a recommendation object, got ${JSON.stringify(u)}`)
      return
    }
    const r = u as RoundRecommendation | Recommendation
    if (typeof r.cadreId !== 'string' || r.cadreId === '') {
      issues.push(`${at}.cadreId: expected a cadre id, got ${JSON.stringify(r.cadreId)}`)
      return
    }
    const postId = isRound(r) ? r.postId : null
    if (postId !== null && (typeof postId !== 'string' || postId === '')) {
      issues.push(`${at}.postId: expected a post id, got ${JSON.stringify(postId)}`)
      return
    }
    if (typeof r.recommender !== 'string' || r.recommender === '') {
      issues.push(`${at}.recommender: expected a name, got ${JSON.stringify(r.recommender)}`)
      return
    }
    const key = `${r.cadreId}\u0000${postId ?? ''}`
    let t = tallies.get(key)
    if (t === undefined) tallies.set(key, (t = { cadreId: r.cadreId, postId, votes: [], named: [] }))
    if (isRound(r) && r.kind === 'democratic') {
      const votes = r.votes
      const voters = r.voters ?? null
      if (typeof votes !== 'number' || !Number.isInteger(votes) || votes < 0)
        issues.push(`${at}.votes: expected a whole number of votes, got ${JSON.stringify(votes)}`)
      else if (voters === null)
        issues.push(`${at}.voters: a democratic recommendation needs its voters to be read as a share`)
      else if (typeof voters !== 'number' || !Number.isInteger(voters) || voters < Math.max(1, votes))
        issues.push(
          `${at}.voters: expected a whole number of voters ≥ ${Math.max(1, votes)}, got ${JSON.stringify(voters)}`,
        )
      else {
        const gk = `${key}\u0000${r.recommender}`
        const before = where.get(gk)
        if (before !== undefined)
          issues.push(
            `${at}.recommender: the rater group "${r.recommender}" is already counted for ${r.cadreId} and ${postId} ([${before}])`,
          )
        else {
          where.set(gk, i)
          t.votes.push({ group: r.recommender, votes, voters })
        }
      }
    } else if (!t.named.includes(r.recommender)) t.named.push(r.recommender)
  })
  if (issues.length > 0) return invalid(issues)
  return right(
    [...tallies.values()].map((t) => ({
      cadreId: t.cadreId,
      postId: t.postId,
      votes: t.votes,
      recommenders: t.named,
    })),
  )
}

/**
 * The scenario with `recommendations` counted into its tallies
 * ({@link tallyRecommendations}), replacing any it had, checked as a decoded
 * scenario is (known cadres and posts, one tally per cadre and post): solve
 * it to let the support component and the gate read them.
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
  if (typeof scenario !== 'object' || scenario === null || !Array.isArray(scenario.cadres))
    return left({
      _tag: 'InvalidTally',
      issues: ['scenario: expected a decoded scenario (call decodeScenario first)'],
      message: 'scenario: expected a decoded scenario (call decodeScenario first)',
    })
  const tallies = tallyRecommendations(recommendations)
  if (isLeft(tallies)) return tallies
  const input = { ...(encodeScenario(scenario) as Record<string, unknown>), recommendations: tallies.right }
  const decoded = decodeScenario(input)
  if (isLeft(decoded)) {
    const issues = decoded.left.issues.map((i) => i.message)
    return left({ _tag: 'InvalidTally', issues, message: issues.join('\n') })
  }
  return right(decoded.right)
}
