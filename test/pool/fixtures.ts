/**
 * A small county for the pool's tests, computed by hand (reference date
 * 2024-06; ages are whole years at it).
 *
 * T1 乡镇1 (township, 5 posts, autonomous area, titular mongol, needs economy/finance):
 *   P1 C1 m 50 law/justice/courts choleric · P2 C2 m 56 law/justice/procuratorate choleric
 *   P3 C3 m 54 agriculture/livestock/grassland choleric · P4 C4 m 52 mongol party/organization (no temperament)
 *   P5 C5 m 53 non-party (open in this round)
 *   → members C1–C4: no woman, no one ≤ 35, economy/finance not covered, no one ≤ 40, average age 53 > 50,
 *     one temperament type (needs 3), one post vacant.
 * T2 财政局 (department, 2 posts): Q1 C6 f 33 economy/finance/banking sanguine; Q2 C7 m 45 (open).
 * Without a post: C8 f 30 mongol democratic-party section-member, economy/finance/tax, listed young;
 *   R1–R5 listed cadres who fail one reserve condition each.
 */
import { resolvePolicy } from '../../src/domain/policy.js'
import type { Cadre, Post, Scenario, Team } from '../../src/domain/types.js'
import { born, cadre, spec } from '../check/fixtures.js'

export { born, cadre, spec }

const post = (id: string, kind: Post['kind'], rank: Post['rank']): Post => ({
  id,
  title: id,
  kind,
  rank,
  specialties: [],
  role: null,
  rotationExempt: false,
})

export const TEAMS: readonly Team[] = [
  {
    id: 'T1',
    name: '乡镇1',
    kind: 'township',
    unit: 'U1',
    locality: 'Q1',
    area: { ethnicAutonomous: true, titularEthnicity: 'mongol' },
    needsTitularMember: true,
    needsNonPartyMember: false,
    specialties: ['economy/finance'],
    posts: [
      post('P1', 'head', 'section-chief'),
      post('P2', 'deputy', 'section-deputy'),
      post('P3', 'deputy', 'section-deputy'),
      post('P4', 'member', 'section-deputy'),
      post('P5', 'member', 'section-deputy'),
    ],
  },
  {
    id: 'T2',
    name: '财政局',
    kind: 'department',
    unit: 'U2',
    locality: 'Q2',
    area: { ethnicAutonomous: false, titularEthnicity: null },
    needsTitularMember: false,
    needsNonPartyMember: false,
    specialties: [],
    posts: [post('Q1', 'head', 'section-chief'), post('Q2', 'deputy', 'section-deputy')],
  },
]

const holds = (postId: string) => ({ currentPost: { postId, since: '2021-01' } })

export const CADRES: readonly Cadre[] = [
  cadre('C1', {
    birth: born(50),
    rank: 'section-chief',
    temperament: 'choleric',
    specialties: [spec('law/justice/courts')],
    ...holds('P1'),
  }),
  cadre('C2', {
    birth: born(56),
    temperament: 'choleric',
    specialties: [spec('law/justice/procuratorate')],
    ...holds('P2'),
  }),
  cadre('C3', {
    birth: born(54),
    temperament: 'choleric',
    specialties: [spec('agriculture/livestock/grassland')],
    ...holds('P3'),
  }),
  cadre('C4', {
    birth: born(52),
    ethnicity: 'mongol',
    temperament: null,
    specialties: [spec('party/organization')],
    ...holds('P4'),
  }),
  cadre('C5', { birth: born(53), party: 'none', temperament: 'phlegmatic', ...holds('P5') }),
  cadre('C6', {
    gender: 'female',
    birth: born(33),
    rank: 'section-chief',
    specialties: [spec('economy/finance/banking')],
    ...holds('Q1'),
  }),
  cadre('C7', { birth: born(45), ...holds('Q2') }),
  cadre('C8', {
    gender: 'female',
    birth: born(30),
    ethnicity: 'mongol',
    party: 'democratic-party',
    rank: 'section-member',
    specialties: [spec('economy/finance/tax')],
    reserveGroups: ['young'],
  }),
  cadre('R1', { birth: born(36), reserveGroups: ['young'] }),
  cadre('R2', { birth: born(30), rank: 'division-deputy', reserveGroups: ['young'] }),
  cadre('R3', { birth: born(30), assessments: [{ year: 2023, grade: 'basic' }], reserveGroups: ['young'] }),
  cadre('R4', {
    birth: born(30),
    reserveGroups: ['young'],
    integrity: { ...cadre('x').integrity, underInvestigation: true },
  }),
  cadre('R5', { birth: born(30), reserveGroups: ['women'] }),
]

/** The county, with P5 and Q2 open, average age ≤ 50 switched on (soft) and three temperament types wanted. */
export function county(over: Partial<Scenario> = {}): Scenario {
  return {
    asOf: '2024-06',
    county: 'Q0',
    cadres: CADRES,
    teams: TEAMS,
    policy: resolvePolicy({
      structure: { averageAge: { enabled: true, max: 50 }, temperament: { minDistinct: 3 } },
    }),
    openPosts: ['P5', 'Q2'],
    locks: [],
    forbidden: [],
    ...over,
  }
}
