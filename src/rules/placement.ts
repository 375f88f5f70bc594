/**
 * Hometown avoidance (地域回避) and rotation (轮岗交流): rules about where a
 * cadre may serve and how long they may stay.
 *
 * @module
 */
import { monthsBetween } from '../domain/time.js'
import type { PairRule } from './verdict.js'

/** @category Rules */
export const hometown: PairRule = {
  code: 'avoidance.hometown',
  occasion: 'appointment',
  reads: { cadre: ['hometown'], post: ['role'], team: ['locality'] },
  switchOf: (p) => p.people.hometownAvoidance,
  check: ({ ctx, cadre, post, team }) =>
    post.role !== null &&
    ctx.scenario.policy.people.hometownAvoidance.roles.includes(post.role) &&
    cadre.hometown === team.locality
      ? {
          message: `${cadre.name} grew up in ${team.locality}; ${post.title} (${post.role}) must be held by an outsider`,
          facts: { hometown: cadre.hometown, role: post.role },
        }
      : null,
}

/** A rotation rule: staying `years` or more in a post that is not exempt. */
function rotation(
  code: 'rotation.must-move' | 'rotation.should-move',
  verb: string,
  which: 'mustRotate' | 'shouldRotate',
): PairRule {
  return {
    code,
    occasion: 'stay',
    reads: { cadre: ['currentPost'], post: ['rotationExempt'] },
    switchOf: (p) => p.people[which],
    check: ({ ctx, cadre, post }) => {
      const since = cadre.currentPost?.since
      const months = since === undefined ? 0 : monthsBetween(since, ctx.scenario.asOf)
      const limit = ctx.scenario.policy.people[which].years * 12
      return !post.rotationExempt && months >= limit
        ? {
            message: `${cadre.name} has held ${post.title} for ${months} months and ${verb}`,
            facts: { months, limit },
          }
        : null
    },
  }
}

/** @category Rules */
export const mustRotate: PairRule = rotation('rotation.must-move', 'must move', 'mustRotate')

/** @category Rules */
export const shouldRotate: PairRule = rotation('rotation.should-move', 'should move', 'shouldRotate')
