/**
 * fast-check arbitraries of small, fully populated scenarios (≤ 8 cadres,
 * ≤ 3 teams) whose rules bite: quotas apply from team size 1, roles, kin
 * (within a team and across supervision links),
 * rotation and integrity cases all occur. Used by the brute-force oracles.
 */
import fc from 'fast-check'
import { resolvePolicy } from '../src/domain/policy.js'
import type { Policy, PolicyInput, RuleSwitch } from '../src/domain/policy.js'
import type { Cadre, KinRelation, Post, Rank, Scenario, Team } from '../src/domain/types.js'

const ym = (monthsBefore: number, asOf = 2026 * 12 + 8): string => {
  const m = asOf - monthsBefore
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`
}

const SPECIALTIES = [
  'economy/finance/banking',
  'economy/finance/tax',
  'agriculture/livestock/grassland',
  'law/justice/courts',
]
const RANKS_USED: Rank[] = ['section-member', 'section-deputy', 'section-chief']

const switchArb = (penalty: number): fc.Arbitrary<RuleSwitch> =>
  fc.record({
    enabled: fc.constantFrom(true, false, false),
    hard: fc.constantFrom(true, false, false),
    penalty: fc.constant(penalty),
  })

const postArb = (teamIdx: number, slot: number): fc.Arbitrary<Post> =>
  fc
    .record({
      kind: fc.constantFrom('head' as const, 'deputy' as const, 'member' as const),
      rank: fc.constantFrom<Rank>('section-deputy', 'section-chief'),
      specialties: fc.subarray(SPECIALTIES, { maxLength: 1 }),
      role: fc.constantFrom(null, null, 'party-head' as const, 'government-head' as const),
      rotationExempt: fc.boolean(),
    })
    .map((p) => ({ ...p, id: `P${teamIdx}${slot}`, title: `post ${teamIdx}.${slot}` }))

const teamArb = (t: number): fc.Arbitrary<Team> =>
  fc
    .record({
      posts: fc
        .integer({ min: 1, max: 3 })
        .chain((n) => fc.tuple(...Array.from({ length: n }, (_, s) => postArb(t, s)))),
      ethnicAutonomous: fc.boolean(),
      needsTitularMember: fc.boolean(),
      needsNonPartyMember: fc.boolean(),
      specialties: fc.subarray(['economy/finance', 'agriculture'], { maxLength: 1 }),
      locality: fc.constantFrom('Q', 'R'),
    })
    .map((r) => ({
      id: `T${t}`,
      name: `team ${t}`,
      kind: 'township' as const,
      unit: `U${t}`,
      locality: r.locality,
      area: { ethnicAutonomous: r.ethnicAutonomous, titularEthnicity: 'mongol' },
      needsTitularMember: r.needsTitularMember,
      needsNonPartyMember: r.needsNonPartyMember,
      specialties: r.specialties,
      posts: r.posts,
    }))

const cadreArb = (i: number, cadreCount: number): fc.Arbitrary<Omit<Cadre, 'currentPost'>> =>
  fc
    .record({
      gender: fc.constantFrom('male' as const, 'female' as const),
      age: fc.integer({ min: 26, max: 58 }),
      ethnicity: fc.constantFrom('han', 'han', 'mongol', 'hui'),
      party: fc.constantFrom('cpc' as const, 'cpc' as const, 'none' as const, 'democratic-party' as const),
      level: fc.constantFrom(
        'secondary' as const,
        'junior-college' as const,
        'bachelor' as const,
        'master' as const,
      ),
      specialties: fc.subarray(SPECIALTIES, { minLength: 0, maxLength: 2 }),
      years: fc.integer({ min: 0, max: 10 }),
      rank: fc.constantFrom(...RANKS_USED),
      rankMonths: fc.integer({ min: 0, max: 72 }),
      hometown: fc.constantFrom('Q', 'R', 'S'),
      kin: fc.option(fc.integer({ min: 0, max: cadreCount - 1 }), { freq: 4 }),
      grades: fc.array(
        fc.constantFrom('excellent' as const, 'competent' as const, 'competent' as const, 'basic' as const),
        {
          maxLength: 3,
        },
      ),
      complete: fc.boolean(),
      underInvestigation: fc.boolean(),
      temperament: fc.constantFrom(null, 'sanguine' as const, 'choleric' as const, 'phlegmatic' as const),
      exceptional: fc.boolean(),
      // Ages at which work started and the party was joined: 15 and 17 break the record rule's 16 and 18.
      workAge: fc.constantFrom(15, 20, 22, 22),
      partyAge: fc.option(fc.constantFrom(17, 24, 24), { freq: 3 }),
    })
    .map((r) => ({
      id: `C${i}`,
      name: `cadre ${i}`,
      gender: r.gender,
      birth: ym(r.age * 12 + 3),
      ethnicity: r.ethnicity,
      party: r.party,
      education: { level: r.level, fullTime: true },
      specialties: r.specialties.map((code) => ({
        code,
        degree: true,
        years: r.years,
        achievements: r.years % 3,
      })),
      rank: r.rank,
      rankSince: ym(r.rankMonths),
      hometown: r.hometown,
      kin: r.kin === null || r.kin === i ? [] : [{ cadreId: `C${r.kin}`, relation: 'sibling' as const }],
      assessments: r.grades.map((grade, k) => ({ year: 2025 - k, grade })),
      integrity: {
        fileAudited: true,
        personalMattersVerified: true,
        disciplineOpinionHeard: true,
        complaintsInvestigated: r.complete,
        doubleSigned: true,
        checkedOn: ym(3),
        clean: true,
        underInvestigation: r.underInvestigation && r.exceptional,
        disciplinaryUntil: null,
      },
      temperament: r.temperament,
      reserveGroups: [],
      exceptionalPromotion: r.exceptional,
      workStart: ym(r.age * 12 + 3 - r.workAge * 12),
      partyJoined: r.partyAge === null ? null : ym(r.age * 12 + 3 - r.partyAge * 12),
      history: [],
    }))

/** Options of {@link smallScenario}. */
export interface SmallScenarioOptions {
  readonly maxCadres?: number
  readonly maxOpen?: number
  readonly soft?: boolean
}

/** A random small scenario whose every rule may bite. */
export function smallScenario(opts: SmallScenarioOptions = {}): fc.Arbitrary<Scenario> {
  const maxCadres = opts.maxCadres ?? 7
  return fc
    .record({ teamCount: fc.integer({ min: 1, max: 3 }), cadreCount: fc.integer({ min: 2, max: maxCadres }) })
    .chain(({ teamCount, cadreCount }) =>
      fc.record({
        teams: fc.tuple(...Array.from({ length: teamCount }, (_, t) => teamArb(t))),
        cadres: fc.tuple(...Array.from({ length: cadreCount }, (_, i) => cadreArb(i, cadreCount))),
        holders: fc.array(fc.nat(), { minLength: cadreCount, maxLength: cadreCount }),
        tenure: fc.array(fc.integer({ min: 1, max: 150 }), { minLength: cadreCount, maxLength: cadreCount }),
        openMask: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
        policy: policyArb(opts.soft ?? true),
        vacancyAllowed: fc.constantFrom(true, true, false),
        lock: fc.option(fc.tuple(fc.nat(), fc.nat()), { freq: 5 }),
        forbid: fc.option(fc.tuple(fc.nat(), fc.nat()), { freq: 3 }),
        // Supervision links (team, leading post), sometimes: a link to the team's own post is dropped.
        supervise: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
        // Recommendation tallies (cadre, post or any, votes by rater group, named recommenders), sometimes.
        tallies: fc.array(
          fc.tuple(
            fc.nat(),
            fc.option(fc.nat(), { freq: 3 }),
            fc.array(fc.tuple(fc.constantFrom('team', 'staff', 'public'), fc.integer({ min: 0, max: 9 })), {
              maxLength: 3,
            }),
            fc.subarray(['Wang', 'Li']),
          ),
          { maxLength: 4 },
        ),
        supportWeight: fc.constantFrom(0, 0, 0.3),
      }),
    )
    .map((r) => {
      const posts = r.teams.flatMap((t) => t.posts.map((p) => p.id))
      const taken = new Set<string>()
      const cadres: Cadre[] = r.cadres.map((c, i) => {
        const h = r.holders[i]! % (posts.length + 2)
        const postId = posts[h]
        if (postId === undefined || taken.has(postId)) return { ...c, currentPost: null }
        taken.add(postId)
        return { ...c, currentPost: { postId, since: ym(r.tenure[i]!) } }
      })
      const maxOpen = opts.maxOpen ?? 4
      let openPosts = posts.filter((_, k) => r.openMask[k] === true).slice(0, maxOpen)
      if (openPosts.length === 0) openPosts = [posts[0]!]
      // Locks and forbidden pairs name candidates only: a cadre holding a closed post is not part of the round.
      const candidates = cadres.filter(
        (c) => c.currentPost === null || openPosts.includes(c.currentPost.postId),
      )
      const pick = (t: [number, number] | null) =>
        t === null || candidates.length === 0
          ? []
          : [
              {
                cadreId: candidates[t[0] % candidates.length]!.id,
                postId: openPosts[t[1] % openPosts.length]!,
              },
            ]
      const locks = pick(r.lock)
      const forbidden = pick(r.forbid).filter(
        (f) => !locks.some((l) => l.cadreId === f.cadreId && l.postId === f.postId),
      )
      const policy = resolvePolicy({
        ...r.policy,
        vacancy: { allowed: r.vacancyAllowed, penalty: 1000 },
        fit: { weights: { support: r.supportWeight } },
      })
      const seen = new Set<string>()
      const recommendations = r.tallies.flatMap(([c, p, votes, recommenders]) => {
        const cadreId = cadres[c % cadres.length]!.id
        const postId = p === null ? null : posts[p % posts.length]!
        const key = `${cadreId} ${postId}`
        if (seen.has(key)) return []
        seen.add(key)
        // One count of voters per group (a meeting has one), so that groups compare across tallies.
        const voters = { team: 9, staff: 7, public: 5 } as Record<string, number>
        const groups = new Map(votes.map(([group, n]) => [group, Math.min(n, voters[group]!)]))
        if (groups.size === 0 && recommenders.length === 0) return []
        return [
          {
            cadreId,
            postId,
            votes: [...groups].map(([group, n]) => ({ group, votes: n, voters: voters[group]! })),
            recommenders,
          },
        ]
      })
      const teams = r.teams.map((team, t) => {
        const supervisedBy = [
          ...new Set(
            r.supervise
              .filter(([to]) => to % r.teams.length === t)
              // Open posts weigh double: a link between two open sides needs the model's rows.
              .map(([, p]) => [...openPosts, ...posts][p % (openPosts.length + posts.length)]!)
              .filter((p) => !team.posts.some((own) => own.id === p)),
          ),
        ]
        return supervisedBy.length === 0 ? team : { ...team, supervisedBy }
      })
      return {
        asOf: '2026-09',
        county: 'Q',
        cadres,
        teams,
        policy,
        openPosts,
        locks,
        forbidden,
        ...(recommendations.length === 0 ? {} : { recommendations }),
      }
    })
}

function policyArb(soft: boolean): fc.Arbitrary<PolicyInput> {
  const sw = (penalty: number) =>
    soft ? switchArb(penalty) : switchArb(penalty).map((s) => ({ ...s, hard: true }))
  return fc.record({
    structure: fc.record({
      women: sw(200).map((s) => ({ ...s, minTeamSize: 1 })),
      young: sw(150).map((s) => ({ ...s, minTeamSize: 1, maxAge: 40 })),
      minority: sw(120),
      titular: sw(110),
      nonParty: sw(100),
      ageBands: sw(30).map((s) => ({
        ...s,
        minTeamSize: 2,
        bands: [
          { label: '≤40', minAge: 0, maxAge: 40 },
          { label: '≥41', minAge: 41, maxAge: 200 },
        ],
      })),
      averageAge: sw(3).map((s) => ({ ...s, minTeamSize: 1, max: 45, min: 30 })),
      specialtyCoverage: sw(40),
      specialtyCap: sw(20).map((s) => ({ ...s, maxPerField: 1 })),
      temperament: sw(15).map((s) => ({ ...s, minTeamSize: 2, minDistinct: 2 })),
    }),
    stability: fc.record({
      maxChanged: sw(60).map((s) => ({ ...s, maxChangedShare: 1 / 3, minAllowed: 1 })),
      headsNotBoth: sw(70),
    }),
    people: fc.record({
      ladder: switchArb(25),
      stepDown: switchArb(12),
      education: switchArb(25).map((s) => ({
        ...s,
        minLevelPerKind: { head: 'bachelor' as const, deputy: null, member: null },
      })),
      integrity: switchArb(25),
      // The arbitrary records only sibling links: leaving siblings out of the relations switches the rule off.
      kinAvoidance: fc
        .tuple(sw(90), fc.constantFrom<KinRelation[]>(['sibling', 'spouse'], ['spouse']))
        .map(([s, relations]) => ({ ...s, relations })),
      retirement: switchArb(20).map((s) => ({ ...s, retirementAge: { male: 60, female: 55 }, minYears: 5 })),
      hometownAvoidance: switchArb(35),
      mustRotate: switchArb(45).map((s) => ({ ...s, years: 10 })),
      shouldRotate: switchArb(5).map((s) => ({ ...s, years: 5 })),
      terms: switchArb(40).map((s) => ({ ...s, termYears: 5, maxTerms: 2 })),
      // Five years at a level, so that the arbitrary's ranks (held up to six years) reach the limit.
      levelYears: switchArb(30).map((s) => ({ ...s, years: 5 })),
      shortTenure: sw(8).map((s) => ({ ...s, years: 3 })),
      record: switchArb(30),
      recommendation: fc
        .tuple(switchArb(35), fc.constantFrom(0.2, 0.4, 1 / 3))
        .map(([s, minShare]) => ({ ...s, minShare })),
    }),
  })
}

/** The scenario with every team rule switched off: a pure assignment (the fast path's case). */
export function withoutTeamRules(s: Scenario): Scenario {
  const offAll = <T extends object>(rules: T): T =>
    Object.fromEntries(Object.entries(rules).map(([k, v]) => [k, { ...v, enabled: false }])) as T
  const policy: Policy = {
    ...s.policy,
    structure: offAll(s.policy.structure),
    stability: offAll(s.policy.stability),
    people: {
      ...s.policy.people,
      kinAvoidance: { ...s.policy.people.kinAvoidance, enabled: false },
      // Keeping a short-tenure incumbent is a row of its own (src/model/tenure-rows.ts), not a pair cost.
      shortTenure: { ...s.policy.people.shortTenure, enabled: false },
    },
  }
  return { ...s, policy }
}
