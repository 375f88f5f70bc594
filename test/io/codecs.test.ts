import { describe, expect, it } from 'vitest'
import { edit, full, valid, type Json } from './fixtures.js'
import { issuesOf, messagesOf, scenarioOf } from './helpers.js'

const one = (...edits: [path: (string | number)[], value?: Json][]) => messagesOf(edit(full(), ...edits))

describe('shape issues: months', () => {
  it.each([
    ['1985/13', 'cadres[1].birth: expected YYYY-MM, got "1985/13"'],
    ['1985-13', 'cadres[1].birth: expected YYYY-MM, got "1985-13"'],
    ['1985-00', 'cadres[1].birth: expected YYYY-MM, got "1985-00"'],
    ['1985-1', 'cadres[1].birth: expected YYYY-MM, got "1985-1"'],
    ['1985-01-15', 'cadres[1].birth: expected YYYY-MM, got "1985-01-15"'],
    [198501, 'cadres[1].birth: expected YYYY-MM, got 198501'],
    ['1899-12', 'cadres[1].birth: expected YYYY-MM with a year in 1900–2100, got "1899-12"'],
    ['2101-01', 'cadres[1].birth: expected YYYY-MM with a year in 1900–2100, got "2101-01"'],
  ])('rejects the month %j', (value, message) => {
    expect(one([['cadres', 1, 'birth'], value])).toEqual([message])
  })

  it('accepts the first and last months of the range', () => {
    expect(scenarioOf(edit(full(), [['cadres', 1, 'birth'], '1900-01'])).cadres[1]!.birth).toBe('1900-01')
    expect(scenarioOf(edit(full(), [['asOf'], '2100-12'])).asOf).toBe('2100-12')
  })

  it('pins the parts of an issue', () => {
    expect(issuesOf(edit(full(), [['cadres', 1, 'birth'], '1985/13']))).toEqual([
      {
        path: ['cadres', 1, 'birth'],
        expected: 'YYYY-MM',
        got: '"1985/13"',
        message: 'cadres[1].birth: expected YYYY-MM, got "1985/13"',
      },
    ])
  })
})

describe('shape issues: enumerations list their values', () => {
  it.each([
    [['cadres', 0, 'gender'], 'expected one of "male", "female"'],
    [['cadres', 0, 'party'], 'expected one of "cpc", "democratic-party", "none"'],
    [
      ['cadres', 0, 'education', 'level'],
      'expected one of "secondary", "junior-college", "bachelor", "master", "doctorate"',
    ],
    [
      ['cadres', 0, 'rank'],
      'expected one of "section-member", "section-deputy", "section-chief", "division-deputy", "division-chief"',
    ],
    [['teams', 0, 'posts', 0, 'kind'], 'expected one of "head", "deputy", "member"'],
    [
      ['teams', 0, 'posts', 0, 'role'],
      'expected one of "party-head", "government-head", "discipline-head", "organization-head", "court-head", "procuratorate-head", "police-head" or null',
    ],
    [
      ['cadres', 0, 'assessments', 0, 'grade'],
      'expected one of "excellent", "competent", "basic", "incompetent"',
    ],
    [
      ['cadres', 0, 'temperament'],
      'expected one of "sanguine", "choleric", "phlegmatic", "melancholic" or null',
    ],
    [['cadres', 0, 'reserveGroups', 1], 'expected one of "young", "women", "minority", "non-party"'],
    [
      ['teams', 1, 'kind'],
      'expected one of "party-committee", "government", "people-congress", "cppcc", "township", "department", "agency"',
    ],
    [
      ['cadres', 0, 'kin', 0, 'relation'],
      'expected one of "spouse", "parent", "child", "sibling", "in-law", "collateral"',
    ],
  ])('at %j: %s', (path, expected) => {
    const [message] = one([path, 'Unknown'])
    expect(message).toBe(`${path.join('.').replace(/\.(\d+)/g, '[$1]')}: ${expected}, got "Unknown"`)
  })
})

describe('shape issues: numbers, ids, booleans and containers', () => {
  it('rejects negative, non-finite and out-of-range numbers', () => {
    expect(
      one(
        [['cadres', 0, 'specialties', 0, 'years'], -1],
        [['cadres', 0, 'specialties', 0, 'achievements'], Number.NaN as never],
        [['cadres', 0, 'specialties', 1, 'years'], Number.POSITIVE_INFINITY as never],
        [['cadres', 0, 'assessments', 0, 'score'], 101],
        [['cadres', 0, 'assessments', 1, 'year'], 2024.5],
        [['cadres', 1, 'specialties'], [{ code: 'law', degree: 'yes' }]],
      ),
    ).toEqual([
      'cadres[0].specialties[0].years: expected number ≥ 0, got -1',
      'cadres[0].specialties[0].achievements: expected number ≥ 0, got NaN',
      'cadres[0].specialties[1].years: expected number ≥ 0, got Infinity',
      'cadres[0].assessments[0].score: expected number in 0–100 or null, got 101',
      'cadres[0].assessments[1].year: expected integer in 1900–2100, got 2024.5',
      'cadres[1].specialties[0].degree: expected boolean, got "yes"',
    ])
  })

  it('reads a null score as no score', () => {
    const s = scenarioOf(edit(full(), [['cadres', 0, 'assessments', 0, 'score'], null]))
    expect(s.cadres[0]!.assessments[0]).toEqual({ year: 2023, grade: 'excellent' })
  })

  it('rejects empty and non-string ids and specialty codes', () => {
    expect(
      one(
        [['cadres', 0, 'id'], ''],
        [['teams', 0, 'posts', 1, 'id'], 7],
        [['locks', 0, 'postId'], null],
        [['teams', 0, 'specialties', 0], 'economy//banking'],
      ),
    ).toEqual([
      'cadres[0].id: expected non-empty string, got ""',
      'teams[0].specialties[0]: expected specialty code like "economy/finance/banking", got "economy//banking"',
      'teams[0].posts[1].id: expected non-empty string, got 7',
      'locks[0].postId: expected non-empty string, got null',
    ])
  })

  it('says "nothing" for a missing required field', () => {
    expect(messagesOf(edit(valid(), [['cadres', 0, 'rank']], [['teams', 0, 'posts', 0, 'kind']]))).toEqual([
      'cadres[0].rank: expected one of "section-member", "section-deputy", "section-chief", "division-deputy", "division-chief", got nothing',
      'teams[0].posts[0].kind: expected one of "head", "deputy", "member", got nothing',
    ])
  })

  it('names the container a value should have been', () => {
    expect(
      one(
        [['cadres', 0, 'currentPost'], 'P1'],
        [['cadres', 0, 'education'], 'bachelor'],
        [['cadres', 0, 'integrity'], null],
        [['teams', 0, 'area'], []],
        [['teams', 1, 'posts'], { P3: {} }],
        [['openPosts'], 'some'],
        [
          ['forbidden', 0],
          ['C3', 'P1'],
        ],
      ),
    ).toEqual([
      'cadres[0].education: expected education object, got "bachelor"',
      'cadres[0].currentPost: expected current post object or null, got "P1"',
      'cadres[0].integrity: expected integrity object, got null',
      'teams[0].area: expected area object, got []',
      'teams[1].posts: expected array, got {"P3":{}}',
      'openPosts: expected "all" or array of post ids, got "some"',
      'forbidden[0]: expected pair object, got ["C3","P1"]',
    ])
  })

  it('reports the bad items of an openPosts list', () => {
    expect(one([['openPosts'], ['P1', '', 3]])).toEqual([
      'openPosts[1]: expected non-empty string, got ""',
      'openPosts[2]: expected non-empty string, got 3',
    ])
  })
})

describe('shape issues: policy', () => {
  const policy = (p: Json) => messagesOf(edit(valid(), [['policy'], p]))

  it('reports an unknown key, suggesting the nearest known one', () => {
    expect(policy({ structure: { woman: { min: 2 } } })).toEqual([
      'policy.structure.woman: expected a known key (did you mean "women"?), got {"min":2}',
    ])
    expect(policy({ people: { ladder: { minYearsAtRank: { 'section-chef': 4 } } } })).toEqual([
      'policy.people.ladder.minYearsAtRank["section-chef"]: expected a known key (did you mean "section-chief"?), got 4',
    ])
  })

  it('lists the known keys when no key is near', () => {
    expect(policy({ budget: 3 })).toEqual([
      'policy.budget: expected a known key (one of "structure", "stability", "people", "fit", "vacancy", "assessment"), got 3',
    ])
  })

  it('checks every number, share, level and list', () => {
    expect(
      policy({
        structure: {
          women: { penalty: -5, min: 1.5 },
          youngTown: { teamKinds: ['town'] },
          averageAge: { max: Number.NaN as never },
        },
        stability: { maxChanged: { maxChangedShare: 1.5 } },
        people: { education: { minLevel: 'college' }, assessment: { blockingGrades: ['poor'] } },
        vacancy: { allowed: 'no' },
      }),
    ).toEqual([
      'policy.structure.women.penalty: expected number in 0–1000000, got -5',
      'policy.structure.women.min: expected integer in 0–1000, got 1.5',
      'policy.structure.youngTown.teamKinds[0]: expected one of "party-committee", "government", "people-congress", "cppcc", "township", "department", "agency", got "town"',
      'policy.structure.averageAge.max: expected number in 16–80 or null, got NaN',
      'policy.stability.maxChanged.maxChangedShare: expected number in 0–1, got 1.5',
      'policy.people.education.minLevel: expected one of "secondary", "junior-college", "bachelor", "master", "doctorate", got "college"',
      'policy.people.assessment.blockingGrades[0]: expected one of "excellent", "competent", "basic", "incompetent", got "poor"',
      'policy.vacancy.allowed: expected boolean, got "no"',
    ])
  })

  it('checks that age bands ascend without overlap', () => {
    expect(
      policy({
        structure: {
          ageBands: {
            bands: [
              { label: 'young', minAge: 0, maxAge: 40 },
              { label: 'middle', minAge: 40, maxAge: 50 },
              { label: 'old', minAge: 60, maxAge: 55 },
            ],
          },
        },
      }),
    ).toEqual([
      "policy.structure.ageBands.bands[1].minAge: expected an age above the previous band's maxAge (40), got 40",
      "policy.structure.ageBands.bands[2].maxAge: expected an age not below the band's minAge (60), got 55",
    ])
  })

  it('checks the average-age bounds and the fit weights once completed by the defaults', () => {
    expect(
      policy({
        structure: { averageAge: { min: 50 } },
        fit: { weights: { specialty: 0, assessment: 0, experience: 0, age: 0 } },
      }),
    ).toEqual([
      'policy.structure.averageAge.min: expected a number not above max (48), got 50',
      'policy.fit.weights: expected weights with a positive sum, got {"specialty":0,"assessment":0,"experience":0,"age":0,"combi…',
    ])
  })

  it('reports policy value issues together with the other shape issues', () => {
    const input = edit(valid(), [['asOf'], '2025'], [['policy'], { structure: { averageAge: { min: 50 } } }])
    expect(messagesOf(input)).toEqual([
      'asOf: expected YYYY-MM, got "2025"',
      'policy.structure.averageAge.min: expected a number not above max (48), got 50',
    ])
  })
})

describe('shape issues: all of them, in input order', () => {
  it('reports every issue, by array index and by the order of keys in the input', () => {
    const input = edit(
      full(),
      [['cadres', 3, 'birth'], '1994/11'],
      [['cadres', 0, 'gender'], 'F'],
      [['teams', 1, 'posts', 0, 'rank'], 'chief'],
      [['asOf'], '25-06'],
      [['cadres', 0, 'birth']],
      [['policy', 'vacancy', 'penalty'], -1],
    )
    expect(messagesOf(input)).toEqual([
      'asOf: expected YYYY-MM, got "25-06"',
      'cadres[0].gender: expected one of "male", "female", got "F"',
      'cadres[0].birth: expected YYYY-MM, got nothing',
      'cadres[3].birth: expected YYYY-MM, got "1994/11"',
      'teams[1].posts[0].rank: expected one of "section-member", "section-deputy", "section-chief", "division-deputy", "division-chief", got "chief"',
      'policy.vacancy.penalty: expected number in 0–1000000, got -1',
    ])
  })
})
