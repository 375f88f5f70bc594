/**
 * Hometown avoidance (地域回避) and rotation (轮岗交流): rules about where a
 * cadre may serve and how long they may stay.
 *
 * @module
 */
import { samePlace } from '../domain/place.js'
import { monthsBetween } from '../domain/time.js'
import { pairRule, type PairFacts, type PairRule } from './verdict.js'

/** @category Rules */
export const hometown: PairRule = pairRule({
  code: 'avoidance.hometown',
  occasion: 'appointment',
  reads: { cadre: ['hometown'], post: ['role'], team: ['locality'] },
  switchOf: (p) => p.people.hometownAvoidance,
  // Only the locality of a post under avoidance matters; every other post has the same verdict.
  // The verdict depends on (hometown, locality) alone, so the per-class scan agrees with each pair.
  postKey: (post, team, { policy }) =>
    post.role !== null && policy.people.hometownAvoidance.roles.includes(post.role) ? team.locality : null,
  breaks: ({ ctx, cadre, post, team }) =>
    post.role !== null &&
    ctx.scenario.policy.people.hometownAvoidance.roles.includes(post.role) &&
    samePlace(cadre.hometown, team.locality),
  finding: ({ cadre, post, team }) => ({
    message:
      cadre.hometown === team.locality
        ? `${cadre.name} grew up in ${team.locality}; ${post.title} (${post.role}) must be held by an outsider`
        : `${cadre.name} grew up in ${cadre.hometown}, the same county as ${team.locality}; ${post.title} (${post.role}) must be held by an outsider`,
    facts: { hometown: cadre.hometown, role: post.role },
  }),
})

/** A rotation rule: staying `years` or more in a post that is not exempt. */
function rotation(
  code: 'rotation.must-move' | 'rotation.should-move',
  verb: string,
  which: 'mustRotate' | 'shouldRotate',
): PairRule {
  const months = ({ ctx, cadre }: PairFacts) => {
    const since = cadre.currentPost?.since
    return since === undefined ? 0 : monthsBetween(since, ctx.scenario.asOf)
  }
  const limit = ({ ctx }: PairFacts) => ctx.scenario.policy.people[which].years * 12
  return pairRule({
    code,
    occasion: 'stay',
    reads: { cadre: ['currentPost'], post: ['rotationExempt'] },
    switchOf: (p) => p.people[which],
    breaks: (pair) => !pair.post.rotationExempt && months(pair) >= limit(pair),
    finding: (pair) => ({
      message: `${pair.cadre.name} has held ${pair.post.title} for ${months(pair)} months and ${verb}`,
      facts: { months: months(pair), limit: limit(pair) },
    }),
  })
}

/** @category Rules */
export const mustRotate: PairRule = rotation('rotation.must-move', 'must move', 'mustRotate')

/** @category Rules */
export const shouldRotate: PairRule = rotation('rotation.should-move', 'should move', 'shouldRotate')
