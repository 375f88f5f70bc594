/**
 * Hand-written inputs for the io tests: a minimal scenario (every optional
 * field left out) and a full one (two teams of a small Inner Mongolia banner,
 * with kin, assessments, integrity, locks and forbidden pairs). Each test
 * copies one with `valid()` / `full()` and breaks it on purpose.
 */

/** A JSON value, as the tests write inputs. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/**
 * Changes `input` in place at each path (a missing value deletes the key) and
 * returns it: `edit(valid(), [['cadres', 0, 'birth'], '1985/13'])`.
 */
export function edit(input: Json, ...edits: [path: (string | number)[], value?: Json][]): Json {
  for (const [path, value] of edits) {
    let node = input as Record<string | number, Json>
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>
    const last = path[path.length - 1]!
    if (value === undefined) delete node[last]
    else node[last] = value
  }
  return input
}

/** The smallest valid input: one team with one post and one cadre, all defaults. */
export const valid = (): Json => ({
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
      education: { level: 'bachelor' },
      rank: 'section-deputy',
      rankSince: '2021-07',
      hometown: 'Ongniud',
    },
  ],
  teams: [
    {
      id: 'T1',
      name: 'Wudan town party committee',
      kind: 'township',
      posts: [{ id: 'P1', kind: 'head', rank: 'section-chief' }],
    },
  ],
})

const cadre = (id: string, extra: { [key: string]: Json } = {}): Json => ({
  id,
  name: `Cadre ${id}`,
  gender: 'male',
  birth: '1980-01',
  ethnicity: 'han',
  party: 'cpc',
  education: { level: 'master', fullTime: false },
  rank: 'section-chief',
  rankSince: '2018-01',
  hometown: 'Wengniute',
  ...extra,
})

/** A full input: every field of the format used at least once. */
export const full = (): Json => ({
  asOf: '2025-06',
  county: 'Wengniute',
  cadres: [
    cadre('C1', {
      gender: 'female',
      ethnicity: 'mongol',
      specialties: [
        { code: 'economy/finance/banking', degree: true, years: 6, achievements: 2 },
        { code: 'agriculture' },
      ],
      currentPost: { postId: 'P1', since: '2016-03' },
      kin: [{ cadreId: 'C3', relation: 'spouse' }],
      assessments: [
        { year: 2023, grade: 'excellent', score: 93.5 },
        { year: 2024, grade: 'competent' },
      ],
      integrity: {
        fileAudited: true,
        personalMattersVerified: true,
        disciplineOpinionHeard: true,
        complaintsInvestigated: true,
        doubleSigned: true,
        checkedOn: '2025-01',
        clean: true,
      },
      temperament: 'sanguine',
      reserveGroups: ['women', 'minority'],
    }),
    cadre('C2', { party: 'none', rank: 'section-deputy', currentPost: { postId: 'P2', since: '2020-09' } }),
    cadre('C3', {
      exceptionalPromotion: true,
      temperament: 'phlegmatic',
      integrity: { disciplinaryUntil: '2026-01' },
    }),
    cadre('C4', { birth: '1994-11', rank: 'section-member', rankSince: '2019-07', reserveGroups: ['young'] }),
  ],
  teams: [
    {
      id: 'T1',
      name: 'Wudan town party committee',
      kind: 'township',
      unit: 'Wudan',
      area: { ethnicAutonomous: true, titularEthnicity: 'mongol' },
      needsTitularMember: true,
      specialties: ['agriculture'],
      posts: [
        { id: 'P1', title: 'Party secretary', kind: 'head', rank: 'section-chief', role: 'party-head' },
        { id: 'P2', kind: 'deputy', rank: 'section-deputy', specialties: ['economy/finance'] },
      ],
    },
    {
      id: 'T2',
      name: 'Wudan town government',
      kind: 'government',
      unit: 'Wudan',
      locality: 'Wudan',
      needsNonPartyMember: true,
      posts: [
        { id: 'P3', kind: 'head', rank: 'section-chief', role: 'government-head', rotationExempt: true },
        { id: 'P4', kind: 'member', rank: 'section-member' },
      ],
    },
  ],
  policy: {
    structure: { women: { hard: false }, youngTown: { enabled: true } },
    people: { ladder: { minYearsAtRank: { 'section-deputy': 3 } } },
    vacancy: { penalty: 500 },
  },
  openPosts: ['P1', 'P3', 'P4'],
  locks: [{ cadreId: 'C4', postId: 'P4' }],
  forbidden: [{ cadreId: 'C3', postId: 'P1' }],
})
