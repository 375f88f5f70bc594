import { describe, expect, it } from 'vitest'
import { validateProposal } from '../../src/check/index.js'
import { planRotation } from '../../src/planning/index.js'
import { generateScenario } from '../../src/sample/index.js'
import { decodeScenario, encodeScenario } from '../../src/io/index.js'
import { monthsAfter, monthsBetween } from '../../src/domain/time.js'

const months = (from: string, to: string) =>
  (+to.slice(0, 4) - +from.slice(0, 4)) * 12 + (+to.slice(5, 7) - +from.slice(5, 7))

describe('planRotation (交流预判), round by round with look-ahead', () => {
  for (const seed of [3, 41]) {
    it(`seed ${seed}: every round passes the validator on its county; whoever must rotate moves by their deadline or is reported`, async () => {
      const scenario = generateScenario({ seed, cadres: 160, teams: 16, openShare: 0.2 })
      const r = await planRotation(scenario, { years: 3, roundsPerYear: 1, method: 'round-by-round' })
      if (r._tag === 'Left') throw new Error(r.left.message)
      const { rounds, unmet } = r.right
      expect(rounds.map((x) => x.at)).toEqual(
        [0, 1, 2].map((n) => `${+scenario.asOf.slice(0, 4) + n}${scenario.asOf.slice(4)}`),
      )
      const limit = scenario.policy.people.mustRotate.years * 12
      const exempt = new Set(
        scenario.teams.flatMap((t) => t.posts.filter((p) => p.rotationExempt).map((p) => p.id)),
      )
      let mustSeen = 0
      rounds.forEach((round, i) => {
        expect(validateProposal(round.scenario, round.proposal)).toEqual([])
        const next = rounds[i + 1]?.at ?? `${+round.at.slice(0, 4) + 1}${round.at.slice(4)}`
        for (const c of round.scenario.cadres) {
          const post = c.currentPost
          if (post === null || exempt.has(post.postId) || months(post.since, next) < limit) continue
          mustSeen++
          const stays = round.proposal.assignments.some((a) => a.postId === post.postId && a.cadreId === c.id)
          if (stays) expect(unmet.some((u) => u.cadreId === c.id && u.round === round.at)).toBe(true)
          else expect(round.mustMove).toContain(c.id)
        }
      })
      expect(mustSeen).toBeGreaterThan(0)
    }, 120_000)
  }

  it('reports a must-move it cannot make under a fractional mustRotate.years (9.3: due after 112 whole months), without throwing', async () => {
    const base = generateScenario({ seed: 6, cadres: 120, teams: 12, openShare: 0.2 })
    const years = 9.3
    const policy = {
      ...base.policy,
      people: { ...base.policy.people, mustRotate: { ...base.policy.people.mustRotate, years } },
    }
    const next = monthsAfter(base.asOf, 12)
    const exempt = new Set(
      base.teams.flatMap((t) => t.posts.filter((p) => p.rotationExempt).map((p) => p.id)),
    )
    // Someone who falls due before the next round, locked to the post they must leave.
    const m = base.cadres.find(
      (c) =>
        c.currentPost !== null &&
        !exempt.has(c.currentPost.postId) &&
        monthsBetween(c.currentPost.since, next) >= years * 12 &&
        monthsBetween(c.currentPost.since, base.asOf) < years * 12,
    )!
    const post = m.currentPost!
    const s = {
      ...base,
      policy,
      locks: [{ cadreId: m.id, postId: post.postId }],
      openPosts: [...new Set([...base.openPosts, post.postId])],
    }
    const r = await planRotation(s, { years: 1, method: 'round-by-round' })
    if (r._tag === 'Left') throw new Error(r.left.message)
    const unmet = r.right.unmet.find((u) => u.cadreId === m.id)
    expect(unmet).toMatchObject({ postId: post.postId, round: base.asOf, due: monthsAfter(post.since, 112) })
    // The first whole month at which 9.3 years (111.6 months) are held.
    expect(monthsBetween(post.since, unmet!.due)).toBeGreaterThanOrEqual(years * 12)
    expect(monthsBetween(post.since, monthsAfter(unmet!.due, -1))).toBeLessThan(years * 12)
    for (const u of r.right.unmet) expect(u.due).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/)
  }, 120_000)

  it('names bad options', async () => {
    const scenario = generateScenario({ seed: 3, cadres: 60, teams: 6 })
    expect(await planRotation(scenario, { years: 0 })).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'InvalidPlanOptions' },
    })
    expect(await planRotation(scenario, { roundsPerYear: 5 })).toMatchObject({
      _tag: 'Left',
      left: { message: 'options.roundsPerYear: expected a whole number in 1–4, got 5' },
    })
  })
})

describe('planRotation and recommendation tallies', () => {
  it('keeps the tallies in the first round only, without the cadres who retire', async () => {
    const s = generateScenario({ seed: 3, cadres: 80, teams: 8 })
    const recommendations = s.cadres.map((c) => ({
      cadreId: c.id,
      postId: null,
      votes: [],
      recommenders: ['王明'],
    }))
    const plan = await planRotation({ ...s, recommendations }, { years: 4, method: 'round-by-round' })
    if (plan._tag === 'Left') throw new Error(plan.left.message)
    const [first, ...later] = plan.right.rounds
    const present = new Set(first!.scenario.cadres.map((c) => c.id))
    expect(present.size).toBeLessThan(s.cadres.length) // someone retires at once
    expect(first!.scenario.recommendations?.length).toBe(present.size)
    expect(first!.scenario.recommendations!.every((t) => present.has(t.cadreId))).toBe(true)
    for (const r of later) expect(r.scenario.recommendations).toBeUndefined()
    // Each round's county reads back as a scenario: no tally names a cadre who has left.
    for (const r of plan.right.rounds) expect(decodeScenario(encodeScenario(r.scenario))._tag).toBe('Right')
  })
})
