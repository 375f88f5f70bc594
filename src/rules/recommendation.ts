/**
 * No promotion without recommendation (推荐是提拔的必经程序): the gate reads
 * the scenario's recommendation tallies for the post and for any post.
 *
 * @module
 */
import { isRecommended, isTalliedPost, supportReading } from '../scoring/support.js'
import { pairRule, type PairRule } from './verdict.js'

/** @category Rules */
export const recommendationRequired: PairRule = pairRule({
  code: 'recommendation.required',
  occasion: 'promotion',
  // The tallies are scenario data, not a field of the cadre's or the post's record.
  reads: { cadre: [] },
  switchOf: (p) => p.people.recommendation,
  // A post a tally names has a verdict of its own; every other post reads the any-post tallies alike.
  postKey: (post, _team, scenario) => (isTalliedPost(scenario, post.id) ? post.id : null),
  breaks: ({ ctx, cadre, post }) =>
    !isRecommended(
      supportReading(ctx.scenario, cadre.id, post.id),
      ctx.scenario.policy.people.recommendation.minShare,
    ),
  finding: ({ ctx, cadre, post }) => {
    const r = supportReading(ctx.scenario, cadre.id, post.id)
    const { minShare } = ctx.scenario.policy.people.recommendation
    const share = r.share
    // Rounded down to 4 decimals for the message: never printed at or above the minShare it misses.
    const shown = Math.floor(share * 1e4 + 1e-9) / 1e4
    return {
      message:
        r.groups > 0
          ? `${cadre.name} is not recommended for ${post.title}: mean vote share ${shown} over ${r.groups} rater group(s), needs above 0 and at least ${minShare}, and no real-name recommender`
          : `${cadre.name} is not recommended for ${post.title}: no democratic votes and no real-name recommender`,
      facts: { share, groups: r.groups, named: r.named, minShare },
    }
  },
})
