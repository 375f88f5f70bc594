import { describe, expect, it } from 'vitest'
import { profilePost, profileTeam } from '../../src/pool/query.js'
import { categoryOf, lastGradeOf, queryPool } from '../../src/pool/index.js'
import { fitComponents, fitScore } from '../../src/scoring/fit.js'
import { cadre, county, spec } from './fixtures.js'
import { sampleScenario } from '../../src/sample/index.js'

const ok = <A>(r: { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: A }): A => {
  if (r._tag === 'Left') throw new Error(JSON.stringify(r.left))
  return r.right
}

describe('categoryOf', () => {
  it('takes the recorded category, else derives it', () => {
    expect(categoryOf(cadre('A', { category: 'enterprise' }), true)).toBe('enterprise')
    expect(categoryOf(cadre('A', { specialties: [spec('health/medicine/hospital')] }), false)).toBe(
      'professional-technical',
    )
    expect(categoryOf(cadre('A', { specialties: [spec('health/medicine/hospital')] }), true)).toBe(
      'party-government',
    )
    expect(categoryOf(cadre('A', { specialties: [spec('enterprise/management')] }), false)).toBe('enterprise')
    expect(categoryOf(cadre('A', { specialties: [spec('economy/finance')] }), false)).toBe('party-government')
    expect(categoryOf(cadre('A'), false)).toBe('party-government')
  })
})

describe('lastGradeOf', () => {
  it('reads the latest year, the worse grade on a tie, none without assessments', () => {
    expect(lastGradeOf(cadre('A'))).toBe('competent')
    const twice = cadre('A', {
      assessments: [
        { year: 2023, grade: 'excellent' },
        { year: 2023, grade: 'basic' },
        { year: 2020, grade: 'incompetent' },
      ],
    })
    expect(lastGradeOf(twice)).toBe('basic')
    expect(lastGradeOf(cadre('A', { assessments: [] }))).toBe('none')
  })
})

describe('queryPool', () => {
  const s = county()

  it('without criteria returns the roster, in roster order, with facets', () => {
    const r = ok(queryPool(s))
    expect(r.total).toBe(13)
    expect(r.cadres.map((c) => c.cadreId)).toEqual(s.cadres.map((c) => c.id))
    expect(r.facets.gender).toEqual([
      { value: 'female', count: 2 },
      { value: 'male', count: 11 },
    ])
    // R3's latest grade is basic; everyone else has the fixture's two competent years
    expect(r.facets.lastGrade).toEqual([
      { value: 'competent', count: 12 },
      { value: 'basic', count: 1 },
    ])
    // C8 is listed young; R1–R4 young; R5 women; the rest none
    expect(r.facets.reserveGroup).toEqual([
      { value: 'young', count: 5 },
      { value: 'women', count: 1 },
      { value: 'none', count: 7 },
    ])
  })

  it('combines criteria with and, values of one criterion with or', () => {
    const r = ok(queryPool(s, { specialties: ['economy/finance'], genders: ['female'], maxAge: 31 }))
    expect(r.cadres.map((c) => c.cadreId)).toEqual(['C8'])
    expect(r.cadres[0]).toMatchObject({
      age: 30,
      field: 'economy/finance',
      postId: null,
      category: 'party-government',
    })
    const ranks = ok(queryPool(s, { ranks: ['section-chief', 'division-deputy'] }))
    expect(ranks.cadres.map((c) => c.cadreId)).toEqual(['C1', 'C6', 'R2'])
    expect(ok(queryPool(s, { parties: ['none', 'democratic-party'] })).cadres.map((c) => c.cadreId)).toEqual([
      'C5',
      'C8',
    ])
    expect(ok(queryPool(s, { lastGrades: ['basic'] })).cadres.map((c) => c.cadreId)).toEqual(['R3'])
    expect(ok(queryPool(s, { reserveGroups: ['women'] })).cadres.map((c) => c.cadreId)).toEqual(['R5'])
    expect(ok(queryPool(s, { ethnicities: ['mongol'], minAge: 40 })).cadres.map((c) => c.cadreId)).toEqual([
      'C4',
    ])
    expect(ok(queryPool(s, { minEducation: 'master' })).total).toBe(0)
    // candidates: no post, or an open one (P5, Q2)
    expect(ok(queryPool(s, { candidatesOnly: true })).cadres.map((c) => c.cadreId)).toEqual([
      'C5',
      'C7',
      'C8',
      'R1',
      'R2',
      'R3',
      'R4',
      'R5',
    ])
    expect(ok(queryPool(s, { categories: ['enterprise'] })).total).toBe(0)
  })

  it('sorts by fit to a target profile, ties by roster order, and limits the list', () => {
    const target = {
      kind: 'deputy' as const,
      rank: 'section-deputy' as const,
      specialties: ['economy/finance'],
    }
    const r = ok(queryPool(s, { sortBy: target, limit: 4 }))
    const post = profilePost(target)
    const team = profileTeam(post)
    const expected = s.cadres
      .map((c, i) => ({ id: c.id, i, fit: fitScore(s, fitComponents(s, c, post, team)) }))
      .sort((a, b) => b.fit - a.fit || a.i - b.i)
    expect(r.total).toBe(13)
    expect(r.cadres.map((c) => [c.cadreId, c.fit])).toEqual(expected.slice(0, 4).map((e) => [e.id, e.fit]))
    // the two finance specialists first
    expect(
      r.cadres
        .slice(0, 2)
        .map((c) => c.cadreId)
        .sort(),
    ).toEqual(['C6', 'C8'])
  })

  it('names the field of a value it cannot read', () => {
    const field = (q: object) => {
      const r = queryPool(s, q as never)
      return r._tag === 'Left' && r.left._tag === 'InvalidQuery' ? r.left.field : null
    }
    expect(field({ ranks: ['section-chief', 'general'] })).toBe('ranks[1]')
    expect(field({ minAge: 40, maxAge: 30 })).toBe('maxAge')
    expect(field({ maxAge: 3.5 })).toBe('maxAge')
    expect(field({ specialties: ['economy//finance'] })).toBe('specialties[0]')
    expect(field({ categories: 'enterprise' })).toBe('categories')
    expect(field({ lastGrades: ['great'] })).toBe('lastGrades[0]')
    expect(field({ minEducation: 'phd' })).toBe('minEducation')
    expect(field({ limit: -1 })).toBe('limit')
    expect(field({ sortBy: { kind: 'boss', rank: 'section-chief' } })).toBe('sortBy.kind')
    expect(field({ sortBy: { kind: 'head', rank: 'section-chief', specialties: [''] } })).toBe(
      'sortBy.specialties[0]',
    )
    const r = queryPool(s, { genders: ['other' as never] })
    expect(r._tag === 'Left' && r.left.message).toBe(
      'genders[0]: expected one of "female", "male", got "other"',
    )
  })
})

describe('queryPool at the door', () => {
  const s = county()

  it('refuses a criterion misspelt by case as InvalidOptions naming the key it misses, never matching everyone', () => {
    expect(queryPool(s, { minage: 50 } as never)).toMatchObject({
      _tag: 'Left',
      left: {
        _tag: 'InvalidOptions',
        issues: [
          { path: ['query', 'minage'], expected: 'a known option (did you mean "minAge"?)', got: '50' },
        ],
        message: 'query.minage: expected a known option (did you mean "minAge"?), got 50',
      },
    })
    const maxAge = queryPool(s, { MaxAge: 35 } as never)
    expect(maxAge._tag === 'Left' && maxAge.left.message).toBe(
      'query.MaxAge: expected a known option (did you mean "maxAge"?), got 35',
    )
    const profile = queryPool(s, {
      sortBy: { kind: 'head', rank: 'section-chief', Specialties: ['economy'] },
    } as never)
    expect(
      profile._tag === 'Left' && profile.left._tag === 'InvalidOptions' && profile.left.issues[0]!.path,
    ).toEqual(['query', 'sortBy', 'Specialties'])
  })

  it('refuses the singular of a list criterion, or a criterion a few edits off, naming the one it misses', () => {
    // Before, { gender: ['female'] } filtered nothing: the query matched every cadre.
    const misses: [string, string][] = [
      ['gender', 'genders'],
      ['category', 'categories'],
      ['specialty', 'specialties'],
      ['rank', 'ranks'],
      ['ethnicity', 'ethnicities'],
      ['party', 'parties'],
      ['lastGrade', 'lastGrades'],
      ['reserveGroup', 'reserveGroups'],
      ['candidates', 'candidatesOnly'],
      ['limt', 'limit'],
    ]
    for (const [key, meant] of misses) {
      const r = queryPool(s, { [key]: ['x'] } as never)
      expect(r).toMatchObject({
        _tag: 'Left',
        left: {
          _tag: 'InvalidOptions',
          issues: [{ path: ['query', key], expected: `a known key (did you mean "${meant}"?)` }],
        },
      })
    }
    const profile = queryPool(s, { sortBy: { kind: 'head', rank: 'section-chief', specialty: [] } } as never)
    expect(profile._tag === 'Left' && profile.left.message).toBe(
      'query.sortBy.specialty: expected a known key (did you mean "specialties"?), got []',
    )
  })

  it('leaves alone a key that is no near miss of a criterion, and keeps its own error for a query that is no object', () => {
    expect(queryPool(s, { note: 'x' } as never)).toEqual(queryPool(s, {}))
    expect(queryPool(s, [] as never)).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'InvalidQuery', field: 'query' },
    })
  })
})

describe('queryPool by ethnicity', () => {
  it('reads ethnic groups in any form the decoder reads, and refuses what is none', () => {
    const s = sampleScenario()
    const total = (ethnicities: string[]) => {
      const r = queryPool(s, { ethnicities })
      if (r._tag === 'Left') throw new Error(r.left.message)
      return r.right.total
    }
    const han = total(['han'])
    expect(han).toBeGreaterThan(0)
    expect(total(['汉族'])).toBe(han)
    expect(total(['Han', '01'])).toBe(han)
    const bad = queryPool(s, { ethnicities: ['Hann'] })
    expect(bad._tag === 'Left' && bad.left._tag === 'InvalidQuery' && bad.left.field).toBe('ethnicities[0]')
  })
})
