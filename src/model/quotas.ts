/**
 * The count quotas of a team (docs/rules.md, structure rules): "at least
 * `min` members with a property". One table, so that a new quota is one entry
 * here and nothing else — the model rows, the conflict messages and the slack
 * columns all come from the same mechanism.
 *
 * @module
 */
import type { TeamRuleCode } from '../domain/codes.js'
import type { RuleSwitch } from '../domain/policy.js'
import type { Team } from '../domain/types.js'
import type { ScenarioContext } from '../rules/index.js'

/** "At least `min` members with `has`", for one team. @internal */
export interface Quota {
  readonly code: TeamRuleCode
  /** Short name used in row and column names. */
  readonly tag: string
  /** What is counted, for messages ("women", "members aged ≤ 35"). */
  readonly what: string
  readonly min: number
  readonly rule: RuleSwitch
  readonly has: (cadreIdx: number) => boolean
}

/** The enabled count quotas that apply to `team`. @internal */
export function quotasOf(ctx: ScenarioContext, team: Team): Quota[] {
  const s = ctx.scenario.policy.structure
  const n = team.posts.length
  const cadre = (c: number) => ctx.scenario.cadres[c]!
  const age = (c: number) => ctx.ages[c]!
  const titular = team.area.titularEthnicity
  const all: (Quota & { readonly applies: boolean })[] = [
    {
      code: 'structure.women',
      tag: 'women',
      what: 'women',
      min: s.women.min,
      rule: s.women,
      applies: n >= s.women.minTeamSize,
      has: (c) => cadre(c).gender === 'female',
    },
    {
      code: 'structure.young',
      tag: 'young',
      what: `members aged ≤ ${s.young.maxAge}`,
      min: s.young.min,
      rule: s.young,
      applies: n >= s.young.minTeamSize,
      has: (c) => age(c) <= s.young.maxAge,
    },
    {
      code: 'structure.young-town',
      tag: 'young-town',
      what: `members aged ≤ ${s.youngTown.maxAge}`,
      min: s.youngTown.min,
      rule: s.youngTown,
      applies: s.youngTown.teamKinds.includes(team.kind),
      has: (c) => age(c) <= s.youngTown.maxAge,
    },
    {
      code: 'structure.minority',
      tag: 'minority',
      what: 'minority members',
      min: s.minority.min,
      rule: s.minority,
      applies: team.area.ethnicAutonomous,
      has: (c) => cadre(c).ethnicity !== s.minority.majorityEthnicity,
    },
    {
      code: 'structure.titular',
      tag: 'titular',
      what: `${titular ?? ''} members`,
      min: s.titular.min,
      rule: s.titular,
      applies: team.needsTitularMember && titular !== null,
      has: (c) => cadre(c).ethnicity === titular,
    },
    {
      code: 'structure.non-party',
      tag: 'non-party',
      what: 'non-party members',
      min: s.nonParty.min,
      rule: s.nonParty,
      applies: team.needsNonPartyMember,
      has: (c) => cadre(c).party !== 'cpc',
    },
    ...s.ageBands.bands.map((band) => ({
      code: 'structure.age-bands' as const,
      tag: `age-${band.minAge}-${band.maxAge}`,
      what: `members aged ${band.label}`,
      min: s.ageBands.minPerBand,
      rule: s.ageBands,
      applies: n >= s.ageBands.minTeamSize,
      has: (c: number) => age(c) >= band.minAge && age(c) <= band.maxAge,
    })),
    ...team.specialties.map((code) => ({
      code: 'structure.specialty-coverage' as const,
      tag: `covers-${code}`,
      what: `members covering ${code}`,
      min: 1,
      rule: s.specialtyCoverage,
      applies: true,
      has: (c: number) =>
        cadre(c).specialties.some((sp) => sp.code === code || sp.code.startsWith(code + '/')),
    })),
  ]
  return all.filter((q) => q.rule.enabled && q.applies)
}
