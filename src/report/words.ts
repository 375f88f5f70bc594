/**
 * Words the faces share: why a candidate did not get a post, said the same
 * way by the command line and the proposal workbook; what a rule costs, said
 * the same way by the command line and the report.
 *
 * @module
 * @internal
 */
import { RULE_LABELS, RUNNER_UP_LABELS, UI_PHRASES, type Lang } from '../domain/codes.js'
import type { RuleCost, RunnerUpOutcome } from '../proposals/index.js'

const two = (x: number, d: number): string => (Number.isFinite(x) ? x.toFixed(d) : '—')

/**
 * Why a runner-up did not get the post, in words: where they were placed (by
 * `title`), by how much their fit was lower, the soft rules the pair breaks
 * and what they cost, a lock, the team's structure; for a blocked candidate
 * the findings (English) or the rules' labels (Chinese).
 * @internal
 */
export function runnerUpReason(
  o: RunnerUpOutcome,
  lang: 'zh' | 'en',
  title: (postId: string) => string,
): string {
  switch (o._tag) {
    case 'PlacedElsewhere':
      return `${RUNNER_UP_LABELS.PlacedElsewhere[lang]} ${title(o.postId)}`
    case 'LowerFit':
      return `${RUNNER_UP_LABELS.LowerFit[lang]} ${two(o.by, 1)}`
    case 'Penalised':
      return `${RUNNER_UP_LABELS.Penalised[lang]} ${o.codes.map((c) => RULE_LABELS[c][lang]).join('、')} (−${two(o.amount, 2)})`
    case 'Locked':
      return RUNNER_UP_LABELS.Locked[lang]
    case 'TeamRules':
      return RUNNER_UP_LABELS.TeamRules[lang]
    case 'Blocked':
      return lang === 'en' && o.messages.length > 0
        ? o.messages.join('; ')
        : o.codes.map((c) => RULE_LABELS[c][lang]).join('、')
  }
}

/**
 * Whether a rule cost is worth a line: any cost but 0 (a negative one says
 * the proposal is not an optimum, or a solve went wrong), and a bounded cost
 * whose range reaches past 0.
 * @internal
 */
export const costShown = (c: RuleCost): boolean => c.cost !== 0 || (c.method === 'bounded' && c.upper !== 0)

/**
 * A rule cost as people read it: the cost, or for a bounded one its range
 * (`[cost, upper]`, or at least `cost` when the stopped re-solve proved no
 * upper limit).
 * @internal
 */
export function costText(c: RuleCost, lang: Lang, fmt: (x: number) => string): string {
  if (c.method !== 'bounded' || c.upper === c.cost) return fmt(c.cost)
  return UI_PHRASES.costRange(fmt(c.cost), c.upper === null ? null : fmt(c.upper))[lang]
}
