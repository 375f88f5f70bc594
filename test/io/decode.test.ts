import { isLeft } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { DEFAULT_POLICY } from '../../src/domain/policy.js'
import { decodeScenario, encodeScenario, formatIssues } from '../../src/io/index.js'
import { edit, full, valid } from './fixtures.js'
import { messagesOf, scenarioOf } from './helpers.js'

const isDeepFrozen = (v: unknown): boolean =>
  typeof v !== 'object' || v === null || (Object.isFrozen(v) && Object.values(v).every(isDeepFrozen))

describe('decodeScenario: valid input', () => {
  it('decodes the minimal input and fills every default', () => {
    expect(scenarioOf(valid())).toEqual({
      asOf: '2025-06',
      county: 'Wengniute',
      cadres: [
        {
          id: 'C1',
          name: 'Bao Lin',
          gender: 'female',
          birth: '1988-03',
          ethnicity: 'mongol',
          party: 'cpc',
          education: { level: 'bachelor', fullTime: true },
          specialties: [],
          currentPost: null,
          rank: 'section-deputy',
          rankSince: '2021-07',
          hometown: 'Ongniud',
          kin: [],
          assessments: [],
          integrity: {
            fileAudited: false,
            personalMattersVerified: false,
            disciplineOpinionHeard: false,
            complaintsInvestigated: false,
            doubleSigned: false,
            checkedOn: null,
            clean: false,
            underInvestigation: false,
            disciplinaryUntil: null,
          },
          temperament: null,
          reserveGroups: [],
          exceptionalPromotion: false,
          workStart: null,
          partyJoined: null,
          history: [],
        },
      ],
      teams: [
        {
          id: 'T1',
          name: 'Wudan town party committee',
          kind: 'township',
          unit: 'T1',
          locality: 'Wengniute',
          area: { ethnicAutonomous: false, titularEthnicity: null },
          needsTitularMember: false,
          needsNonPartyMember: false,
          specialties: [],
          posts: [
            {
              id: 'P1',
              title: 'P1',
              kind: 'head',
              rank: 'section-chief',
              specialties: [],
              role: null,
              rotationExempt: false,
            },
          ],
        },
      ],
      policy: DEFAULT_POLICY,
      openPosts: ['P1'],
      locks: [],
      forbidden: [],
    })
  })

  it('keeps what the full input gives and defaults only what it leaves out', () => {
    const s = scenarioOf(full())
    const [c1, , c3] = s.cadres
    expect(c1!.specialties).toEqual([
      { code: 'economy/finance/banking', degree: true, years: 6, achievements: 2 },
      { code: 'agriculture', degree: false, years: 0, achievements: 0 },
    ])
    expect(c1!.assessments).toEqual([
      { year: 2023, grade: 'excellent', score: 93.5 },
      { year: 2024, grade: 'competent' },
    ])
    // a missing score is left out, not set to undefined
    expect(Object.keys(c1!.assessments[1]!)).toEqual(['year', 'grade'])
    expect(c1!.integrity.underInvestigation).toBe(false)
    expect(c1!.integrity.clean).toBe(true)
    expect(c3!.integrity).toMatchObject({ fileAudited: false, disciplinaryUntil: '2026-01', checkedOn: null })
    expect(s.teams.map((t) => [t.unit, t.locality])).toEqual([
      ['Wudan', 'Wengniute'],
      ['Wudan', 'Wudan'],
    ])
    expect(s.teams[0]!.posts.map((p) => p.title)).toEqual(['Party secretary', 'P2'])
    expect(s.openPosts).toEqual(['P1', 'P3', 'P4'])
  })

  it('resolves a partial policy against the defaults', () => {
    const { policy } = scenarioOf(full())
    expect(policy.structure.women).toEqual({ ...DEFAULT_POLICY.structure.women, hard: false })
    expect(policy.structure.youngTown.enabled).toBe(true)
    expect(policy.people.ladder.minYearsAtRank).toEqual({
      ...DEFAULT_POLICY.people.ladder.minYearsAtRank,
      'section-deputy': 3,
    })
    expect(policy.vacancy).toEqual({ allowed: true, penalty: 500 })
    expect(policy.fit).toEqual(DEFAULT_POLICY.fit)
  })

  it('reads openPosts "all" (the default) as every post in team order', () => {
    const all = ['P1', 'P2', 'P3', 'P4']
    expect(scenarioOf(edit(full(), [['openPosts']])).openPosts).toEqual(all)
    expect(scenarioOf(edit(full(), [['openPosts'], 'all'])).openPosts).toEqual(all)
    expect(scenarioOf(edit(full(), [['openPosts'], []], [['locks'], []])).openPosts).toEqual([])
  })

  it('ignores unknown keys outside the policy, and does not copy them', () => {
    const input = edit(valid(), [['comment'], 'draft 3'], [['cadres', 0, 'nickname'], 'Xiao Bao'])
    const s = scenarioOf(input)
    expect(Object.keys(s)).not.toContain('comment')
    expect(Object.keys(s.cadres[0]!)).not.toContain('nickname')
  })

  it('round-trips: decoding the encoded scenario gives it back', () => {
    for (const input of [valid(), full()]) {
      const s = scenarioOf(input)
      const encoded = encodeScenario(s)
      expect(JSON.parse(JSON.stringify(encoded))).toEqual(encoded)
      expect(scenarioOf(encoded)).toEqual(s)
      expect(scenarioOf(JSON.parse(JSON.stringify(encoded)))).toEqual(s)
    }
  })

  it('returns a deep-frozen scenario that shares nothing with the input', () => {
    const input = full() as { cadres: { specialties: unknown[] }[]; policy: unknown }
    const s = scenarioOf(input)
    expect(isDeepFrozen(s)).toBe(true)
    input.cadres[0]!.specialties.push({ code: 'law' })
    expect(s.cadres[0]!.specialties).toHaveLength(2)
    // the defaults are copied, never frozen in place
    expect(Object.isFrozen(DEFAULT_POLICY.structure.ageBands.bands)).toBe(false)
    expect(s.policy.structure.ageBands.bands).not.toBe(DEFAULT_POLICY.structure.ageBands.bands)
  })

  it('encodes into fresh, mutable data', () => {
    const s = scenarioOf(full())
    const encoded = encodeScenario(s) as { cadres: unknown[] }
    encoded.cadres.pop()
    expect(s.cadres).toHaveLength(4)
  })

  it('reads getters once, and copies class instances by their own fields', () => {
    let reads = 0
    const input = valid() as Record<string, unknown>
    const county = input['county']
    Object.defineProperty(input, 'county', { enumerable: true, get: () => (reads++, county) })
    class Education {
      level = 'bachelor'
    }
    edit(input as never, [['cadres', 0, 'education'], new Education() as never])
    expect(scenarioOf(input).county).toBe('Wengniute')
    expect(reads).toBe(1)
  })
})

describe('the TSDoc examples', () => {
  it('of decodeScenario and encodeScenario hold', () => {
    const ok = decodeScenario({ asOf: '2025-06', county: 'Wengniute', cadres: [], teams: [] })
    expect(ok._tag === 'Right' && ok.right.policy.structure.women.min).toBe(1)
    expect(ok._tag === 'Right' && (encodeScenario(ok.right) as { openPosts: string[] }).openPosts).toEqual([])
    const bad = decodeScenario({ asOf: '2025-13', county: 'Wengniute', cadres: [], teams: {} })
    expect(bad._tag === 'Left' && formatIssues(bad.left)).toBe(
      '→ at asOf: expected YYYY-MM, got "2025-13"\n→ at teams: expected array, got {}',
    )
  })
})

describe('decodeScenario: hostile input', () => {
  it('rejects what is not a scenario object', () => {
    expect(messagesOf(null)).toEqual(['(root): expected scenario object, got null'])
    expect(messagesOf('scenario.json')).toEqual(['(root): expected scenario object, got "scenario.json"'])
    expect(messagesOf([valid()])).toEqual([
      '(root): expected scenario object, got [{"asOf":"2025-06","county":"Wengniute","cadres":[{…}],"tea…',
    ])
    expect(messagesOf(undefined)).toEqual(['(root): expected scenario object, got undefined'])
    expect(messagesOf(new Date(0))).toEqual(['(root): expected scenario object, got a Date'])
  })

  it('reports a cycle where it closes', () => {
    const input = valid() as { cadres: Record<string, unknown>[] }
    input.cadres[0]!['education'] = input
    expect(messagesOf(input)).toEqual([
      'cadres[0].education: expected education object, got a circular reference to (root)',
    ])
  })

  it('accepts the same object twice when it is not a cycle', () => {
    const input = valid() as { cadres: Record<string, unknown>[] }
    const education = { level: 'master' }
    input.cadres.push(
      { ...input.cadres[0], id: 'C2', education },
      { ...input.cadres[0], id: 'C3', education },
    )
    expect(scenarioOf(input).cadres.map((c) => c.education.level)).toEqual(['bachelor', 'master', 'master'])
  })

  it('reports a getter that throws, and still reports the other issues', () => {
    const input = edit(valid(), [['asOf'], '2025-13']) as Record<string, unknown>
    Object.defineProperty(input, 'teams', {
      enumerable: true,
      get() {
        throw new Error('sheet not loaded')
      },
    })
    expect(messagesOf(input)).toEqual([
      'asOf: expected YYYY-MM, got "2025-13"',
      'teams: expected array, got an unreadable value (reading it threw Error: sheet not loaded)',
    ])
  })

  it('reports BigInt, Symbol, functions, Maps and revoked proxies', () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    const input = edit(
      valid(),
      [['asOf'], 202506n as never],
      [['county'], Symbol('Wengniute') as never],
      [['cadres'], new Map() as never],
      [['teams'], (() => []) as never],
      [['policy'], proxy as never],
    )
    const messages = messagesOf(input)
    expect(messages.slice(0, 4)).toEqual([
      'asOf: expected YYYY-MM, got 202506n',
      'county: expected non-empty string, got Symbol("Wengniute")',
      'cadres: expected array, got a Map',
      'teams: expected array, got a function',
    ])
    // the rest of the message is the engine's own words
    expect(messages[4]).toMatch(/^policy: expected policy object, got an unreadable value \(TypeError: .*\)$/)
    expect(messages).toHaveLength(5)
  })

  it('refuses a huge array without walking it', () => {
    const input = edit(valid(), [['cadres'], new Array(2 ** 31) as never])
    expect(messagesOf(input)).toEqual([
      'cadres: expected array, got an array of 2147483648 items (more than 100000)',
    ])
  })

  it('reports every item of a long broken list without overflowing the stack', () => {
    const issues = messagesOf(edit(valid(), [['cadres'], new Array(100_000) as never]))
    expect(issues).toHaveLength(100_000)
    expect(issues[99_999]).toBe('cadres[99999]: expected cadre object, got undefined')
  })

  it('stops at a depth no scenario reaches', () => {
    let deep: unknown = 'bottom'
    for (let i = 0; i < 100_000; i++) deep = [deep]
    const input = edit(valid(), [['teams', 0, 'posts', 0, 'specialties'], deep as never])
    expect(messagesOf(input)).toEqual([
      'teams[0].posts[0].specialties[0]: expected specialty code like "economy/finance/banking", got [[[[…]]]]',
    ])
  })

  it('treats "__proto__" and "constructor" keys as plain data', () => {
    const input = JSON.parse(
      '{"__proto__": {"asOf": "1999-01"}, "constructor": 1, "asOf": "2025-06", "county": "W", "cadres": [], "teams": [], "policy": {"__proto__": {}, "constructor": {}}}',
    ) as unknown
    expect(messagesOf(input)).toEqual([
      'policy.__proto__: expected a known key (one of "structure", "stability", "people", "fit", "vacancy", "assessment"), got {}',
      'policy.constructor: expected a known key (one of "structure", "stability", "people", "fit", "vacancy", "assessment"), got {}',
    ])
    expect(scenarioOf(edit(input as never, [['policy']])).asOf).toBe('2025-06')
  })

  it('never throws on an internal failure either', () => {
    const r = decodeScenario(
      new Proxy(
        {},
        {
          getPrototypeOf() {
            throw new Error('trap')
          },
        },
      ),
    )
    expect(isLeft(r)).toBe(true)
  })
})
