/**
 * A small hand-made county for the validator's tests, checked by hand against
 * docs/rules.md: four teams, sixteen incumbents and three newcomers, and a
 * proposal that breaks no rule, hard or soft. Each member of team T1 carries
 * one structure property the rules need (the only woman, the only young and
 * non-party member, the only minority member, …), so that swapping in a clone
 * with that one property changed breaks exactly one rule.
 *
 * Reference date 2024-06; ages below are whole years at that date.
 */
import type { Assignment, Proposal, Violation } from '../../src/domain/proposal.js'
import { DEFAULT_POLICY, type PolicyInput, resolvePolicy } from '../../src/domain/policy.js'
import type { Cadre, Pair, Post, Scenario, Team } from '../../src/domain/types.js'

export const AS_OF = '2024-06'

/** Birth month of someone aged `age` at {@link AS_OF}. */
export const born = (age: number): string => `${2024 - age}-01`

/** A clean, eligible cadre with no post; `over` changes any field. */
export function cadre(id: string, over: Partial<Cadre> = {}): Cadre {
  return {
    id,
    name: `干部${id}`,
    gender: 'male',
    birth: born(44),
    ethnicity: 'han',
    party: 'cpc',
    education: { level: 'bachelor', fullTime: true },
    specialties: [],
    currentPost: null,
    rank: 'section-deputy',
    rankSince: '2018-01',
    hometown: 'Q0',
    kin: [],
    assessments: [
      { year: 2022, grade: 'competent' },
      { year: 2023, grade: 'competent' },
    ],
    integrity: {
      fileAudited: true,
      personalMattersVerified: true,
      disciplineOpinionHeard: true,
      complaintsInvestigated: true,
      doubleSigned: true,
      checkedOn: '2024-01',
      clean: true,
      underInvestigation: false,
      disciplinaryUntil: null,
    },
    temperament: 'sanguine',
    reserveGroups: [],
    exceptionalPromotion: false,
    workStart: null,
    partyJoined: null,
    history: [],
    ...over,
  }
}

export const spec = (code: string) => ({ code, degree: true, years: 6, achievements: 1 })

function post(
  id: string,
  title: string,
  kind: Post['kind'],
  rank: Post['rank'],
  role: Post['role'] = null,
): Post {
  return { id, title, kind, rank, specialties: [], role, rotationExempt: false }
}

function team(
  id: string,
  name: string,
  kind: Team['kind'],
  unit: string,
  posts: Post[],
  over: Partial<Team> = {},
): Team {
  return {
    id,
    name,
    kind,
    unit,
    locality: `Q${id.slice(1)}`,
    area: { ethnicAutonomous: false, titularEthnicity: null },
    needsTitularMember: false,
    needsNonPartyMember: false,
    specialties: [],
    posts,
    ...over,
  }
}

const holds = (postId: string, since: string) => ({ currentPost: { postId, since } })

/** The roster: incumbents C1–C4, C8–C16 and newcomers C5–C7 (the comments say what each one is for). */
export const CADRES: readonly Cadre[] = [
  // T1 乡镇1
  cadre('C1', {
    name: '巴特尔',
    birth: born(48),
    rank: 'section-chief',
    rankSince: '2015-01',
    ...holds('P11', '2019-01'),
    specialties: [spec('economy/finance/banking')],
    temperament: null,
  }),
  cadre('C2', {
    name: '李强',
    birth: born(45),
    rank: 'section-chief',
    rankSince: '2016-01',
    ...holds('P12', '2021-01'),
  }),
  cadre('C3', { name: '赵刚', birth: born(50), ...holds('P13', '2015-01') }),
  cadre('C4', {
    name: '孙伟',
    birth: born(47),
    rank: 'section-chief',
    rankSince: '2016-01',
    ...holds('P15', '2020-01'),
  }),
  // the only minority (and titular) member, the only one aged ≥ 51; promoted section-deputy → section-chief
  cadre('C5', { name: '其木格', birth: born(52), ethnicity: 'mongol' }),
  // the only woman; promoted section-member → section-deputy; second economy/finance main field
  cadre('C6', {
    name: '王芳',
    gender: 'female',
    birth: born(38),
    rank: 'section-member',
    rankSince: '2019-01',
    specialties: [spec('economy/finance/tax')],
    temperament: 'choleric',
  }),
  // the only member aged ≤ 35, the only non-party member, the only agriculture specialist; lateral
  cadre('C7', {
    name: '张磊',
    birth: born(30),
    party: 'none',
    rankSince: '2021-01',
    specialties: [spec('agriculture/crops')],
  }),
  // T2 党委2 and T3 政府2, one unit U2
  cadre('C8', {
    name: '刘洋',
    birth: born(50),
    rank: 'section-chief',
    rankSince: '2014-01',
    ...holds('P21', '2020-01'),
  }),
  cadre('C9', { name: '陈静', gender: 'female', birth: born(33), ...holds('P22', '2022-01') }),
  cadre('C10', { name: '杨帆', birth: born(44), ...holds('P23', '2022-01') }),
  cadre('C11', {
    name: '黄斌',
    birth: born(46),
    rank: 'section-chief',
    rankSince: '2015-01',
    ...holds('P31', '2021-06'),
  }),
  cadre('C12', { name: '周敏', gender: 'female', birth: born(34), ...holds('P32', '2022-01') }),
  cadre('C13', { name: '吴军', birth: born(41), ...holds('P33', '2022-01') }),
  // T4 局4: untouched, all men over 35 (breaks women and young, but is not checked)
  cadre('C14', { name: '郑海', birth: born(50), rank: 'section-chief', ...holds('P41', '2020-01') }),
  cadre('C15', { name: '冯涛', birth: born(49), ...holds('P42', '2020-01') }),
  cadre('C16', { name: '何平', birth: born(48), ...holds('P43', '2020-01') }),
]

export const TEAMS: readonly Team[] = [
  team(
    'T1',
    '乡镇1',
    'township',
    'U1',
    [
      post('P11', '党委书记', 'head', 'section-chief', 'party-head'),
      post('P12', '镇长', 'head', 'section-chief', 'government-head'),
      post('P13', '副镇长', 'deputy', 'section-deputy'),
      post('P14', '副镇长', 'deputy', 'section-deputy'),
      post('P15', '人大主席', 'head', 'section-chief'),
      post('P16', '党委副书记', 'deputy', 'section-chief'),
    ],
    {
      area: { ethnicAutonomous: true, titularEthnicity: 'mongol' },
      needsTitularMember: true,
      needsNonPartyMember: true,
      specialties: ['economy/finance', 'agriculture'],
    },
  ),
  team('T2', '党委2', 'party-committee', 'U2', [
    post('P21', '书记', 'head', 'section-chief', 'party-head'),
    post('P22', '副书记', 'deputy', 'section-deputy'),
    post('P23', '委员', 'member', 'section-deputy'),
  ]),
  team('T3', '政府2', 'government', 'U2', [
    post('P31', '乡长', 'head', 'section-chief', 'government-head'),
    post('P32', '副乡长', 'deputy', 'section-deputy'),
    post('P33', '委员', 'member', 'section-deputy'),
  ]),
  team('T4', '局4', 'department', 'U4', [
    post('P41', '局长', 'head', 'section-chief'),
    post('P42', '副局长', 'deputy', 'section-deputy'),
    post('P43', '委员', 'member', 'section-deputy'),
  ]),
]

/** Open posts and who takes them in the valid proposal, with the fit it states. */
export const PLAN: readonly { readonly postId: string; readonly cadreId: string; readonly fit: number }[] = [
  { postId: 'P12', cadreId: 'C2', fit: 80 }, // stays
  { postId: 'P13', cadreId: 'C6', fit: 70 }, // replaces C3: the one change of T1 (2 allowed)
  { postId: 'P14', cadreId: 'C7', fit: 65 }, // fills a post without incumbent
  { postId: 'P15', cadreId: 'C4', fit: 75 }, // stays
  { postId: 'P16', cadreId: 'C5', fit: 60 }, // fills a post without incumbent
  { postId: 'P21', cadreId: 'C8', fit: 85 }, // stays
  { postId: 'P31', cadreId: 'C11', fit: 90 }, // stays
]

/** Σ fit of {@link PLAN}. */
export const PLAN_FIT = 525

/** The valid scenario, with {@link DEFAULT_POLICY}. */
export function scenario(over: Partial<Scenario> = {}): Scenario {
  return {
    asOf: AS_OF,
    county: 'Q0',
    cadres: CADRES,
    teams: TEAMS,
    policy: DEFAULT_POLICY,
    openPosts: PLAN.map((p) => p.postId),
    locks: [],
    forbidden: [],
    ...over,
  }
}

function teamOf(postId: string): Team {
  const t = TEAMS.find((t) => t.posts.some((p) => p.id === postId))
  if (t === undefined) throw new Error(`fixture: no post ${postId}`)
  return t
}

/** An assignment as a solver would write it. */
export function assignment(postId: string, cadreId: string | null, fit = 50): Assignment {
  const incumbentId = CADRES.find((c) => c.currentPost?.postId === postId)?.id ?? null
  return {
    postId,
    teamId: teamOf(postId).id,
    cadreId,
    incumbentId,
    change: cadreId === null ? 'vacant' : cadreId === incumbentId ? 'stays' : 'lateral',
    fit: cadreId === null ? 0 : fit,
    components: null,
    exceptional: false,
  }
}

/** A proposal around the given assignments (its other fields are consistent but never read). */
export function proposalOf(assignments: readonly Assignment[]): Proposal {
  const fit = assignments.reduce((sum, a) => sum + a.fit, 0)
  return {
    assignments,
    objective: fit,
    parts: { fit, vacancies: 0, penalties: 0 },
    penalties: [],
    moves: [],
    status: 'optimal',
    bound: fit,
    gap: 0,
    backend: 'fixture',
  }
}

/** The valid proposal of {@link PLAN}. */
export function proposal(): Proposal {
  return proposalOf(PLAN.map((p) => assignment(p.postId, p.cadreId, p.fit)))
}

// ---------------------------------------------------------------------------
// mutations
// ---------------------------------------------------------------------------

/** The roster cadre `id`. */
export function cadreOf(id: string): Cadre {
  const c = CADRES.find((c) => c.id === id)
  if (c === undefined) throw new Error(`fixture: no cadre ${id}`)
  return c
}

/** A newcomer copied from cadre `id` with some fields changed; holds no post. */
export function cloneOf(id: string, newId: string, over: Partial<Cadre> = {}): Cadre {
  return { ...cadreOf(id), id: newId, name: `${cadreOf(id).name}′`, currentPost: null, ...over }
}

/** The scenario with cadres added, or replaced when the id exists. */
export function withCadres(s: Scenario, ...cadres: Cadre[]): Scenario {
  const ids = new Set(cadres.map((c) => c.id))
  return { ...s, cadres: [...s.cadres.filter((c) => !ids.has(c.id)), ...cadres] }
}

/** The scenario with a policy patch over the default. */
export function withPolicy(s: Scenario, patch: PolicyInput): Scenario {
  return { ...s, policy: resolvePolicy(patch) }
}

/** The proposal with post `postId` given to `cadreId` (`null`: left vacant). */
export function assign(p: Proposal, postId: string, cadreId: string | null): Proposal {
  return proposalOf(p.assignments.map((a) => (a.postId === postId ? assignment(postId, cadreId, a.fit) : a)))
}

/** Assigns a fresh clone of the post's planned cadre with `over` changed, and adds it to the scenario. */
export function swapClone(
  postId: string,
  over: Partial<Cadre>,
  s: Scenario = scenario(),
  p: Proposal = proposal(),
): { scenario: Scenario; proposal: Proposal; clone: Cadre } {
  const planned = PLAN.find((x) => x.postId === postId)
  if (planned === undefined) throw new Error(`fixture: ${postId} is not open`)
  const clone = cloneOf(planned.cadreId, 'X1', over)
  return { scenario: withCadres(s, clone), proposal: assign(p, postId, 'X1'), clone }
}

/** `code @ team/post/cadre` of each violation, for compact assertions. */
export const where = (vs: readonly Violation[]): string[] =>
  vs.map((v) => `${v.code} @ ${v.teamId ?? '-'}/${v.postId ?? '-'}/${v.cadreId ?? '-'}`)

/** A pair, for locks and forbidden pairs. */
export const pair = (cadreId: string, postId: string): Pair => ({ cadreId, postId })
