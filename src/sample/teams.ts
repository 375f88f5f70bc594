/**
 * The teams of the sample county and their posts: the four county-level teams
 * (party standing committee, government, people's congress, CPPCC), the
 * court, procuratorate and police, the townships (苏木 and 镇/乡, the biggest
 * group) and the departments and agencies.
 *
 * @module
 */
import type { Post, PostKind, PostRole, Rank, Team, TeamKind } from '../domain/types.js'
import { PLACE_PARTS, UNITS } from './names.js'
import type { Rng } from './random.js'

/** A post and what the generator must respect when it picks the incumbent. */
export interface PostPlan {
  readonly post: Post
  /** A party post (书记, 纪委书记, 组织委员, …): held by a CPC member. */
  readonly cpcOnly: boolean
  /** Ethnicity the incumbent has: the head of an autonomous banner is of the titular ethnicity. */
  readonly ethnicity: string | null
}

/** A team with the plans of its posts (`team.posts` lists the same posts). */
export interface TeamPlan {
  readonly team: Team
  readonly posts: readonly PostPlan[]
}

interface PostSpec {
  readonly title: string
  readonly kind: PostKind
  readonly rank: Rank
  readonly specialties?: readonly string[]
  readonly role?: PostRole
  readonly cpc?: boolean
  readonly exempt?: boolean
  readonly ethnicity?: string
}

const CHIEF: Rank = 'section-chief'
const DEPUTY: Rank = 'section-deputy'
const DIV_CHIEF: Rank = 'division-chief'
const DIV_DEPUTY: Rank = 'division-deputy'

const head = (title: string, rank: Rank, o: Partial<PostSpec> = {}): PostSpec => ({
  title,
  kind: 'head',
  rank,
  cpc: true,
  ...o,
})
const deputy = (title: string, rank: Rank, o: Partial<PostSpec> = {}): PostSpec => ({
  title,
  kind: 'deputy',
  rank,
  ...o,
})
const member = (title: string, rank: Rank, o: Partial<PostSpec> = {}): PostSpec => ({
  title,
  kind: 'member',
  rank,
  ...o,
})
const times = <T>(n: number, f: (i: number) => T): T[] =>
  Array.from({ length: Math.max(0, n) }, (_, i) => f(i))

const PARTY_COMMITTEE: readonly PostSpec[] = [
  head('旗委书记', DIV_CHIEF, { role: 'party-head', specialties: ['party/organization'] }),
  deputy('旗委副书记', DIV_DEPUTY, { cpc: true, specialties: ['party'] }),
  member('纪委书记、监委主任', DIV_DEPUTY, {
    role: 'discipline-head',
    cpc: true,
    specialties: ['party/discipline/inspection'],
  }),
  member('组织部部长', DIV_DEPUTY, {
    role: 'organization-head',
    cpc: true,
    specialties: ['party/organization/personnel'],
  }),
  member('宣传部部长', DIV_DEPUTY, { cpc: true, specialties: ['party/propaganda/media'] }),
  member('统战部部长', DIV_DEPUTY, { cpc: true, specialties: ['party/united-front'] }),
  member('政法委书记', DIV_DEPUTY, { cpc: true, specialties: ['law'] }),
  member('旗委办公室主任', DIV_DEPUTY, { cpc: true }),
  member('人武部部长', DIV_DEPUTY, { cpc: true, exempt: true }),
]
const GOVERNMENT: readonly PostSpec[] = [
  head('旗长', DIV_CHIEF, { role: 'government-head', specialties: ['economy'], ethnicity: 'mongol' }),
  deputy('常务副旗长', DIV_DEPUTY, { cpc: true, specialties: ['economy/finance'] }),
  deputy('副旗长（农牧）', DIV_DEPUTY, { specialties: ['agriculture/livestock'] }),
  deputy('副旗长（工业能源）', DIV_DEPUTY, { specialties: ['energy'] }),
  deputy('副旗长（城建交通）', DIV_DEPUTY, { specialties: ['engineering'] }),
  deputy('副旗长（教科文卫）', DIV_DEPUTY, { specialties: ['education', 'health'] }),
  deputy('副旗长（文旅）', DIV_DEPUTY, { specialties: ['culture/heritage/tourism'] }),
]
const PEOPLE_CONGRESS: readonly PostSpec[] = [
  head('人大常委会主任', DIV_CHIEF, { specialties: ['law'] }),
  ...times(3, () => deputy('人大常委会副主任', DIV_DEPUTY)),
  member('人大常委会秘书长', DIV_DEPUTY, { specialties: ['law/legal-affairs'] }),
]
const CPPCC: readonly PostSpec[] = [
  head('政协主席', DIV_CHIEF, { specialties: ['party/united-front'] }),
  ...times(3, () => deputy('政协副主席', DIV_DEPUTY)),
  member('政协秘书长', DIV_DEPUTY),
]

// court, procuratorate and police: heads carry the avoidance roles
const JUSTICE = [
  { name: '人民法院', head: '院长', role: 'court-head', code: 'law/justice/courts' },
  { name: '人民检察院', head: '检察长', role: 'procuratorate-head', code: 'law/justice/procuratorate' },
  { name: '公安局', head: '局长', role: 'police-head', code: 'law/public-security/policing' },
] as const

const deputyTitle = (headTitle: string): string =>
  headTitle.startsWith('常务副') ? headTitle.slice(2) : `副${headTitle}`

function townshipPosts(size: number, sumu: 'sumu' | 'town' | 'xiang'): PostSpec[] {
  const mayor = { sumu: '苏木达', town: '镇长', xiang: '乡长' }[sumu]
  const rest: PostSpec[] = [
    deputy('党委副书记', DEPUTY, { cpc: true, specialties: ['party/organization'] }),
    deputy(`副${mayor}`, DEPUTY, { specialties: ['agriculture'] }),
    member('纪委书记', DEPUTY, { cpc: true, specialties: ['party/discipline'] }),
    deputy(`副${mayor}`, DEPUTY, { specialties: ['engineering'] }),
    member('组织委员', DEPUTY, { cpc: true, specialties: ['party/organization/personnel'] }),
    deputy('人大主席', DEPUTY, { specialties: ['law'] }),
    member('武装部长', DEPUTY, { cpc: true, exempt: true }),
    deputy(`副${mayor}`, DEPUTY, { specialties: ['social/poverty'] }),
    member('宣传委员', DEPUTY, { cpc: true, specialties: ['party/propaganda'] }),
  ]
  return [
    head('党委书记', CHIEF, { role: 'party-head', specialties: ['governance/grassroots'] }),
    head(mayor, CHIEF, { role: 'government-head', cpc: false, specialties: ['economy'] }),
    ...rest.slice(0, size - 2),
  ]
}

function unitPosts(size: number, headTitle: string, codes: readonly string[], role?: PostRole): PostSpec[] {
  const deputies = size >= 4 ? size - 2 : size - 1
  return [
    head(headTitle, CHIEF, { cpc: false, specialties: codes, ...(role ? { role, cpc: true } : {}) }),
    ...times(deputies, (i) =>
      deputy(deputyTitle(headTitle), DEPUTY, { specialties: i < codes.length ? [codes[i] as string] : [] }),
    ),
    ...times(size - 1 - deputies, () =>
      member('纪检监察组组长', DEPUTY, { cpc: true, specialties: ['party/discipline'] }),
    ),
  ]
}

/** Unique place names from two syllable lists, in a seeded order; numbered once exhausted. */
function placeNames(rng: Rng, parts: readonly [readonly string[], readonly string[]]): (i: number) => string {
  const all = rng.shuffle(parts[0].flatMap((a) => parts[1].map((b) => a + b)))
  return (i) => `${all[i % all.length] as string}${i >= all.length ? Math.floor(i / all.length) + 1 : ''}`
}

/**
 * Plans `count` teams (≥ 2) of the county `county`, posts numbered from `P00001`.
 * County-level teams appear from 12 teams on, the court, procuratorate and
 * police from 8; about 42% of the rest are townships, the others departments.
 */
export function planTeams(rng: Rng, count: number, county: string): TeamPlan[] {
  const plans: TeamPlan[] = []
  let postNo = 0
  const add = (
    name: string,
    kind: TeamKind,
    specs: readonly PostSpec[],
    o: {
      specialties: readonly string[]
      autonomous: boolean
      titular: boolean
      nonParty: boolean
      unit?: string
    },
  ): string => {
    const id = `T${String(plans.length + 1).padStart(4, '0')}`
    const posts = specs.map((s): PostPlan => {
      postNo += 1
      const post: Post = {
        id: `P${String(postNo).padStart(5, '0')}`,
        title: s.title,
        kind: s.kind,
        rank: s.rank,
        specialties: s.specialties ?? [],
        role: s.role ?? null,
        rotationExempt: s.exempt ?? false,
      }
      return { post, cpcOnly: s.cpc ?? false, ethnicity: s.ethnicity ?? null }
    })
    const team: Team = {
      id,
      name,
      kind,
      unit: o.unit ?? id,
      locality: county,
      area: { ethnicAutonomous: o.autonomous, titularEthnicity: o.autonomous ? 'mongol' : null },
      needsTitularMember: o.autonomous && o.titular,
      needsNonPartyMember: o.nonParty,
      specialties: o.specialties,
      posts: posts.map((p) => p.post),
    }
    plans.push({ team, posts })
    return id
  }

  const hasCounty = count >= 12
  const hasJustice = count >= 8
  const rest = count - (hasCounty ? 4 : 0) - (hasJustice ? 3 : 0)
  const townships = rest <= 1 ? rest : Math.max(1, Math.round(rest * 0.42))
  const county4 = { autonomous: true, titular: true }

  if (hasCounty) {
    const unit = add(`${county}委常委会`, 'party-committee', PARTY_COMMITTEE, {
      ...county4,
      nonParty: false,
      specialties: ['party/organization', 'economy/planning'],
    })
    add(`${county}人民政府`, 'government', GOVERNMENT, {
      ...county4,
      nonParty: true,
      unit,
      specialties: ['economy/planning/development', 'agriculture/livestock/grassland'],
    })
    add(`${county}人大常委会`, 'people-congress', PEOPLE_CONGRESS, {
      ...county4,
      nonParty: true,
      specialties: ['law/legal-affairs'],
    })
    add(`${county}政协`, 'cppcc', CPPCC, { ...county4, nonParty: true, specialties: ['party/united-front'] })
  }

  const sumuName = placeNames(rng, PLACE_PARTS.sumu)
  const townName = placeNames(rng, PLACE_PARTS.town)
  let sumus = 0
  let towns = 0
  for (let i = 0; i < townships; i++) {
    const type = rng.weighted<'sumu' | 'town' | 'xiang'>([
      ['sumu', 55],
      ['town', 35],
      ['xiang', 10],
    ])
    const name =
      type === 'sumu' ? `${sumuName(sumus++)}苏木` : `${townName(towns++)}${type === 'town' ? '镇' : '乡'}`
    const size = rng.weighted([
      [6, 25],
      [7, 35],
      [8, 25],
      [9, 15],
    ])
    const autonomous = type === 'sumu' || rng.chance(0.6)
    const land =
      type === 'sumu'
        ? rng.pick(['agriculture/livestock/grassland', 'environment/ecology/grassland-protection'])
        : rng.pick(['agriculture/farming/grain', 'engineering/water/irrigation', 'social/poverty/relief'])
    add(name, 'township', townshipPosts(size, type), {
      autonomous,
      titular: rng.chance(type === 'sumu' ? 0.7 : 0.15),
      nonParty: false,
      specialties: rng.chance(0.7) ? ['governance/grassroots/village', land] : [land],
    })
  }

  const departments = rest - townships
  for (let i = 0; i < (hasJustice ? 3 : 0); i++) {
    const j = JUSTICE[i] as (typeof JUSTICE)[number]
    const size = rng.int(4, 6)
    add(`${county}${j.name}`, 'agency', unitPosts(size, j.head, [j.code], j.role), {
      autonomous: true,
      titular: false,
      nonParty: false,
      specialties: [j.code],
    })
  }
  for (let i = 0; i < departments; i++) {
    const u = UNITS[i % UNITS.length] as (typeof UNITS)[number]
    const cycle = Math.floor(i / UNITS.length)
    const size = rng.weighted(
      u.kind === 'department'
        ? [
            [3, 15],
            [4, 25],
            [5, 30],
            [6, 20],
            [7, 10],
          ]
        : [
            [3, 25],
            [4, 35],
            [5, 25],
            [6, 15],
          ],
    )
    const autonomous = u.titular || rng.chance(0.85)
    add(
      `${county}${u.name}${cycle > 0 ? `（${cycle + 1}）` : ''}`,
      u.kind,
      unitPosts(size, u.head, u.specialties),
      {
        autonomous,
        titular: u.titular || rng.chance(0.2),
        nonParty: size >= 5 && rng.chance(0.35),
        specialties: u.specialties,
      },
    )
  }
  return plans
}
