/**
 * The eligibility report of a scenario: for every open post, the eligible
 * cadres with their fit, and every blocked candidate with all the codes that
 * block them (not only the first, as `eligibility` counts them). What an
 * organization department reads before any solve: who could take each post,
 * and which rule keeps the others out.
 *
 * @module
 */
import { requireArgument, requireScenario } from '../io/door.js'
import type { PairRuleCode } from '../domain/codes.js'
import { RANKS, type Scenario } from '../domain/types.js'
import { contextFor } from '../rules/context.js'
import { pairVerdicts, type PairPenalty, type ScenarioContext } from '../rules/index.js'
import { PairScan } from '../rules/pair-scan.js'
import { componentsOf, scoreOf } from './fit.js'

/** An eligible cadre of one open post. @category Scoring */
export interface EligibleCadre {
  readonly cadreId: string
  readonly fit: number
  readonly stay: boolean
  readonly promotion: boolean
  readonly penalties: readonly PairPenalty[]
  /** `fit − Σ penalties`: what the pair adds to the objective. */
  readonly net: number
}

/** A candidate blocked from one open post, with every blocking code in rule order. @category Scoring */
export interface BlockedCadre {
  readonly cadreId: string
  readonly codes: readonly PairRuleCode[]
}

/** Eligibility of one open post. @category Scoring */
export interface PostEligibility {
  readonly postId: string
  readonly teamId: string
  /** By net value, best first; ties by roster order. */
  readonly eligible: readonly EligibleCadre[]
  /** In roster order. */
  readonly blocked: readonly BlockedCadre[]
}

/**
 * For every open post (in `openPosts` order), its eligible candidates with
 * fit and its blocked candidates with their blocking codes. Candidates are
 * the cadres with no post or holding an open one.
 *
 * @param scenario - a decoded scenario
 * @param context - the scenario's context, when the caller already built it
 * @returns one entry per open post
 * @throws TypeError when `scenario` is not a decoded scenario (docs/guide.md, "What throws")
 * @category Scoring
 * @example
 * eligibilityOf(sampleScenario())[0].blocked[0]
 * //=> { cadreId: 'C00001', codes: ['ladder.skip-rung', 'age.years-to-retirement'] }
 */
export function eligibilityOf(scenario: Scenario, context?: ScenarioContext): PostEligibility[] {
  requireScenario('eligibilityOf', scenario)
  const ctx = contextFor('eligibilityOf', scenario, context)
  const scan = new PairScan(ctx)
  return scenario.openPosts.map((postId, postPos) => {
    const loc = ctx.postLocation.get(postId)!
    const team = scenario.teams[loc.team]!
    const post = team.posts[loc.slot]!
    const eligible: { e: EligibleCadre; order: number }[] = []
    const blocked: BlockedCadre[] = []
    for (const c of ctx.candidates) {
      const cadre = scenario.cadres[c]!
      const { codes, penalties } = verdictsOf(scan, c, postPos)
      if (codes.length > 0) {
        blocked.push({ cadreId: cadre.id, codes })
        continue
      }
      const fit = scoreOf(scenario, componentsOf(scenario, cadre, post))
      const stay = ctx.incumbentOf.get(postId) === c
      const net = fit - penalties.reduce((s, p) => s + p.amount, 0)
      const promotion = !stay && RANKS.indexOf(post.rank) > RANKS.indexOf(cadre.rank)
      eligible.push({ e: { cadreId: cadre.id, fit, stay, promotion, penalties, net }, order: c })
    }
    eligible.sort((a, b) => b.e.net - a.e.net || a.order - b.order)
    return { postId, teamId: team.id, eligible: eligible.map((x) => x.e), blocked }
  })
}

/**
 * Every blocking code of a pair (as {@link pairVerdicts} orders them), and its
 * penalties with their messages when nothing blocks it. An appointment is looked
 * up in the scan (messages built only for the penalties); a stay is evaluated alone.
 */
function verdictsOf(
  scan: PairScan,
  c: number,
  postPos: number,
): { codes: PairRuleCode[]; penalties: readonly PairPenalty[] } {
  const { ctx } = scan
  if (c === scan.incumbent[postPos]) {
    const verdicts = pairVerdicts(ctx, c, ctx.scenario.openPosts[postPos]!)
    return {
      codes: verdicts.flatMap((v) => (v._tag === 'blocked' ? [v.code] : [])),
      penalties: verdicts.flatMap((v) =>
        v._tag === 'penalty' ? [{ code: v.code, amount: v.amount, message: v.message }] : [],
      ),
    }
  }
  const o = scan.outcome(c, postPos)
  const kin = scan.kin(c, postPos)
  const codes: PairRuleCode[] = scan.isForbidden(c, postPos)
    ? ['forbidden-pair', ...o.blocked]
    : [...o.blocked]
  if (kin !== null && kin._tag === 'blocked') codes.push(kin.code)
  return { codes, penalties: codes.length > 0 ? [] : scan.penalties(c, postPos, o, kin) }
}

/**
 * Blocks per rule code over an eligibility report: a pair blocked by two
 * rules counts under both. Codes in alphabetical order, for a stable print.
 *
 * @param report - the result of {@link eligibilityOf}
 * @returns `[code, count]` pairs of every code that blocks at least one pair
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Scoring
 * @example
 * blockSummary(eligibilityOf(sampleScenario())).slice(0, 2)
 * //=> [['age.max-at-appointment', 5566], ['age.years-to-retirement', 1513]]
 */
export function blockSummary(report: readonly PostEligibility[]): [PairRuleCode, number][] {
  requireArgument(
    'blockSummary',
    'report',
    'the report of eligibilityOf',
    report,
    Array.isArray(report) &&
      report.every(
        (p) =>
          typeof p === 'object' &&
          p !== null &&
          Array.isArray((p as PostEligibility).blocked) &&
          (p as PostEligibility).blocked.every(
            (b) => typeof b === 'object' && b !== null && Array.isArray(b.codes),
          ),
      ),
  )
  const counts = new Map<PairRuleCode, number>()
  for (const post of report)
    for (const b of post.blocked) for (const code of b.codes) counts.set(code, (counts.get(code) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
}
