import { describe, expect, it } from 'vitest'
import { DEFAULT_POLICY, resolvePolicy } from '../../src/domain/policy.js'

describe('resolvePolicy', () => {
  it('returns the defaults for an empty policy', () => {
    expect(resolvePolicy({})).toEqual(DEFAULT_POLICY)
    expect(resolvePolicy()).toEqual(DEFAULT_POLICY)
  })

  it('merges a partial rule key by key', () => {
    expect(resolvePolicy({ structure: { women: { hard: false } } }).structure.women).toEqual({
      enabled: true,
      hard: false,
      penalty: 200,
      min: 1,
      minTeamSize: 3,
    })
  })

  it('replaces arrays and accepts null where a bound may be null', () => {
    const p = resolvePolicy({
      people: { assessment: { blockingGrades: ['incompetent'] } },
      structure: { averageAge: { max: null } },
    })
    expect(p.people.assessment.blockingGrades).toEqual(['incompetent'])
    expect(p.structure.averageAge.max).toBeNull()
  })

  it('ignores inherited keys and never replaces a section by a non-object', () => {
    const p = resolvePolicy(
      JSON.parse('{"constructor": {"x": 1}, "structure": null, "people": {"__proto__": {"y": 2}}}'),
    )
    expect(p).toEqual(DEFAULT_POLICY)
    expect(Object.hasOwn(p, 'constructor')).toBe(false)
  })

  it('does not change the defaults', () => {
    const before = JSON.stringify(DEFAULT_POLICY)
    resolvePolicy({ structure: { women: { min: 3 } } })
    expect(JSON.stringify(DEFAULT_POLICY)).toBe(before)
  })
})
