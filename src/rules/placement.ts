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

function monthsInPost(asOf: string, since: string | undefined): number {
  return since === undefined ? 0 : monthsBetween(since, asOf)
}

/** @category Rules */
export const mustRotate: PairRule = {
  code: 'rotation.must-move',
  occasion: 'stay',
  switchOf: (p) => p.people.mustRotate,
  check: ({ ctx, cadre, post }) => {
    const months = monthsInPost(ctx.scenario.asOf, cadre.currentPost?.since)
    const limit = ctx.scenario.policy.people.mustRotate.years * 12
    return !post.rotationExempt && months >= limit
      ? {
          message: `${cadre.name} has held ${post.title} for ${months} months and must move`,
          facts: { months, limit },
        }
      : null
  },
}

/** @category Rules */
export const shouldRotate: PairRule = {
  code: 'rotation.should-move',
  occasion: 'stay',
  switchOf: (p) => p.people.shouldRotate,
  check: ({ ctx, cadre, post }) => {
    const months = monthsInPost(ctx.scenario.asOf, cadre.currentPost?.since)
    const limit = ctx.scenario.policy.people.shouldRotate.years * 12
    return !post.rotationExempt && months >= limit
      ? {
          message: `${cadre.name} has held ${post.title} for ${months} months and should move`,
          facts: { months, limit },
        }
      : null
  },
}
