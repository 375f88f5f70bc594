/**
 * Witnesses: the incumbents that make a team meet its hard structure rules
 * before the round starts (a woman, a young member, a minority or titular
 * member, a non-party member), so that "every incumbent who may stay, stays"
 * is a feasible proposal whatever posts are open.
 *
 * @module
 */
import type { Policy } from '../domain/policy.js'
import type { Rng } from './random.js'
import type { PostPlan, TeamPlan } from './teams.js'

/** What an incumbent must be so that the team meets a structure rule without the round. */
export interface Witness {
  readonly rules: readonly string[]
  readonly female?: boolean
  readonly maxAge?: number
  readonly ethnicity?: string
  readonly nonParty?: boolean
}
export type Need = Omit<Witness, 'rules'> & { readonly rule: string }

/** The members a team needs under the hard structure rules of `policy`, one need per person. */
export function teamNeeds(plan: TeamPlan, policy: Policy): Need[] {
  const s = policy.structure
  const { team } = plan
  const n = team.posts.length
  const needs: Need[] = []
  const add = (on: boolean, min: number, need: Need): void => {
    if (on) for (let i = 0; i < Math.min(min, n); i++) needs.push(need)
  }
  const hard = (r: { enabled: boolean; hard: boolean }): boolean => r.enabled && r.hard
  add(hard(s.women) && n >= s.women.minTeamSize, s.women.min, { rule: 'women', female: true })
  add(hard(s.young) && n >= s.young.minTeamSize, s.young.min, { rule: 'young', maxAge: s.young.maxAge })
  add(hard(s.youngTown) && s.youngTown.teamKinds.includes(team.kind), s.youngTown.min, {
    rule: 'young-town',
    maxAge: s.youngTown.maxAge,
  })
  add(hard(s.minority) && team.area.ethnicAutonomous, s.minority.min, {
    rule: 'minority',
    ethnicity: 'minority',
  })
  const titular = team.area.titularEthnicity
  if (titular !== null && titular !== s.minority.majorityEthnicity) {
    add(hard(s.titular) && team.needsTitularMember, s.titular.min, { rule: 'titular', ethnicity: titular })
  }
  add(hard(s.nonParty) && team.needsNonPartyMember, s.nonParty.min, { rule: 'non-party', nonParty: true })
  return needs
}

/** Assigns each need to a post: often one person meets several rules (a young Mongol woman). */
export function placeWitnesses(rng: Rng, plan: TeamPlan, needs: readonly Need[]): Map<number, Witness> {
  const slots = new Map<number, Witness>()
  const idx = plan.posts.map((_, i) => i)
  const order = [
    ...rng.shuffle(idx.filter((i) => plan.posts[i]?.post.kind !== 'head')),
    ...rng.shuffle(idx.filter((i) => plan.posts[i]?.post.kind === 'head')),
  ]
  const fits = (i: number, need: Need): boolean => {
    const p = plan.posts[i] as PostPlan
    const w = slots.get(i)
    if (w?.rules.includes(need.rule)) return false
    if (need.nonParty && p.cpcOnly) return false
    if (
      need.ethnicity &&
      p.ethnicity !== null &&
      need.ethnicity !== 'minority' &&
      need.ethnicity !== p.ethnicity
    )
      return false
    return !(need.ethnicity && w?.ethnicity && w.ethnicity !== 'minority' && need.ethnicity !== 'minority')
  }
  for (const need of needs) {
    const used = [...slots.keys()]
    let at = used.length > 0 && rng.chance(0.4) ? used.find((i) => fits(i, need)) : undefined
    at ??= order.find((i) => !slots.has(i) && fits(i, need)) ?? used.find((i) => fits(i, need))
    if (at === undefined) continue
    const { rule, ...traits } = need
    const w = slots.get(at)
    const ethnicity =
      w?.ethnicity && w.ethnicity !== 'minority' ? w.ethnicity : (traits.ethnicity ?? w?.ethnicity)
    const maxAge = Math.min(w?.maxAge ?? Infinity, traits.maxAge ?? Infinity)
    slots.set(at, {
      ...w,
      ...traits,
      rules: [...(w?.rules ?? []), rule],
      ...(maxAge < Infinity ? { maxAge } : {}),
      ...(ethnicity ? { ethnicity } : {}),
    })
  }
  return slots
}
