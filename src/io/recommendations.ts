/**
 * `decodeRecommendations`: the real-name recommendation records (实名制推荐)
 * that may accompany a scenario, decoded with the same readable, path-named
 * issues as the scenario.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js'
import type { FrontlineExperience, Recommendation, Scenario } from '../domain/types.js'
import { array, literals, nonEmptyString, object, oneOf, opt, req, yearMonth } from './combinators.js'
import { RESERVE_GROUPS } from './enums.js'
import type { Issue } from './errors.js'
import { readDatedRecords } from './read.js'

const FRONTLINE = literals<FrontlineExperience>({
  poverty: true,
  pollution: true,
  risk: true,
  grassroots: true,
  'hard-problem': true,
})

const recommendation = object('recommendation object', {
  cadreId: req(nonEmptyString, 'Id of the cadre recommended; a cadre of the scenario.'),
  recommender: req(nonEmptyString, 'Name of the recommender (推荐人), who stays accountable.'),
  recommenderPost: req(nonEmptyString, 'Post or capacity of the recommender.'),
  date: req(yearMonth, 'Month of the recommendation; not after the scenario’s asOf.'),
  reason: req(nonEmptyString, 'Why the cadre is recommended.'),
  groups: opt(array(oneOf(RESERVE_GROUPS)), [], 'Reserve groups recommended for; empty means any.'),
  frontline: opt(
    array(oneOf(FRONTLINE)),
    [],
    'Frontline experience (三大攻坚战, grassroots, hard problems).',
  ),
  responsibility: req(nonEmptyString, 'The responsibility the recommender signs for (推荐责任).'),
})

const recommendations = array(recommendation, 'array of recommendations')

/** Why recommendation records could not be decoded: every issue found, in input order. @category IO */
export interface InvalidRecommendations {
  readonly _tag: 'InvalidRecommendations'
  readonly issues: readonly Issue[]
}

/**
 * Decodes real-name recommendation records: shapes first (every field, with
 * paths like `[3, 'date']`), then, when a scenario is given, that each
 * `cadreId` is a cadre of its roster and no date is after its `asOf`.
 * Never throws.
 *
 * @param input - anything; typically a JSON array
 * @param scenario - the scenario the records belong to, for the cross-references
 * @returns `Right` of the records in input order, or `Left` of every issue
 * @category IO
 * @example
 * const r = decodeRecommendations([{ cadreId: 'C1', recommender: '王明', recommenderPost: '组织部部长',
 *   date: '2026-13', reason: '实绩突出', responsibility: '对推荐人选负责' }])
 * r._tag === 'Left' && r.left.issues[0].message
 * //=> '[0].date: expected YYYY-MM, got "2026-13"'
 */
export function decodeRecommendations(
  input: unknown,
  scenario?: Scenario,
): Either<InvalidRecommendations, Recommendation[]> {
  const invalid = (issues: readonly Issue[]): InvalidRecommendations => ({
    _tag: 'InvalidRecommendations',
    issues,
  })
  const r = readDatedRecords(recommendations, input, scenario, 'an array of recommendations', 'date')
  if (isLeft(r)) return left(invalid(r.left))
  return right(
    r.right.map((x) => ({
      cadreId: x.cadreId,
      recommender: x.recommender,
      recommenderPost: x.recommenderPost,
      date: x.date,
      reason: x.reason,
      groups: [...x.groups],
      frontline: [...x.frontline],
      responsibility: x.responsibility,
    })),
  )
}
