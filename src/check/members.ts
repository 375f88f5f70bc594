/**
 * Who sits where after a proposal (docs/rules.md, "Members of a team after a
 * proposal"), computed from the scenario and the proposal's `assignments`
 * alone (who holds which post, the fit each states, and whether it records an
 * exceptional promotion). Every other field of a proposal is ignored: a
 * solver's own account of its result is what the validator checks, not what
 * it trusts.
 *
 * @module
 */
import type { Proposal } from '../domain/proposal.js'
import type { Cadre, Post, Scenario, Team } from '../domain/types.js'
import { monthIndex } from './time.js'

/** A post with its team and its position, for messages and report order. */
export interface Seat {
  readonly team: Team
  readonly post: Post
  readonly teamIndex: number
  readonly postIndex: number
}

/** One element of `proposal.assignments`, read defensively. */
export interface Entry {
  /** Position in `proposal.assignments`. */
  readonly index: number
  /** The post id when it is a string, else `null`. */
  readonly postId: string | null
  readonly rawPostId: unknown
  /** `true` when the cadre id is a string or `null` (vacant). */
  readonly cadreIdValid: boolean
  /** The cadre id when it is a string, else `null`. */
  readonly cadreId: string | null
  readonly rawCadreId: unknown
  readonly rawTeamId: unknown
  /** The fit the proposal states, `0` when it is not a finite number. */
  readonly fit: number
  /** Whether the entry records an exceptional promotion (破格): `exceptional` is `true`. */
  readonly exceptional: boolean
}

/** The scenario indexed, and the proposal read against it. */
export interface Staffing {
  readonly scenario: Scenario
  /** Month index of `scenario.asOf`. */
  readonly asOf: number
  readonly cadres: ReadonlyMap<string, Cadre>
  readonly seats: ReadonlyMap<string, Seat>
  readonly teamIds: ReadonlySet<string>
  /** Ids of the open posts that exist. */
  readonly open: ReadonlySet<string>
  /** Post id → its incumbent: the first cadre of the roster whose `currentPost.postId` is that post. */
  readonly incumbents: ReadonlyMap<string, Cadre>
  readonly entries: readonly Entry[]
  /** Open post id → every entry that names it, in proposal order. */
  readonly answers: ReadonlyMap<string, readonly Entry[]>
  /** Open post id → its member: the known cadre of its first entry. Absent when the post is empty. */
  readonly filled: ReadonlyMap<string, Cadre>
}

/** Reads a property without letting a throwing getter or proxy escape. */
function read(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object') return undefined
  try {
    return (value as Record<string, unknown>)[key]
  } catch {
    return undefined
  }
}

function readEntries(proposal: Proposal): Entry[] {
  const list = read(proposal, 'assignments')
  if (!Array.isArray(list)) return []
  return list.map((item: unknown, index): Entry => {
    const rawPostId = read(item, 'postId')
    const rawCadreId = read(item, 'cadreId')
    const fit = read(item, 'fit')
    return {
      index,
      postId: typeof rawPostId === 'string' ? rawPostId : null,
      rawPostId,
      cadreIdValid: typeof rawCadreId === 'string' || rawCadreId === null,
      cadreId: typeof rawCadreId === 'string' ? rawCadreId : null,
      rawCadreId,
      rawTeamId: read(item, 'teamId'),
      fit: typeof fit === 'number' && Number.isFinite(fit) ? fit : 0,
      exceptional: read(item, 'exceptional') === true,
    }
  })
}

/** Indexes the scenario and reads the proposal's assignments against it. */
export function staff(scenario: Scenario, proposal: Proposal): Staffing {
  const cadres = new Map<string, Cadre>()
  for (const c of scenario.cadres) if (!cadres.has(c.id)) cadres.set(c.id, c)
  const seats = new Map<string, Seat>()
  scenario.teams.forEach((team, teamIndex) =>
    team.posts.forEach((post, postIndex) => {
      if (!seats.has(post.id)) seats.set(post.id, { team, post, teamIndex, postIndex })
    }),
  )
  const incumbents = new Map<string, Cadre>()
  for (const c of cadres.values()) {
    const postId = c.currentPost?.postId
    if (postId !== undefined && seats.has(postId) && !incumbents.has(postId)) incumbents.set(postId, c)
  }
  const open = new Set(scenario.openPosts.filter((id) => seats.has(id)))
  const entries = readEntries(proposal)
  const answers = new Map<string, Entry[]>()
  for (const e of entries) {
    if (e.postId === null || !open.has(e.postId)) continue
    const list = answers.get(e.postId)
    if (list === undefined) answers.set(e.postId, [e])
    else list.push(e)
  }
  const filled = new Map<string, Cadre>()
  for (const [postId, list] of answers) {
    const first = list[0]
    const cadre = first?.cadreId == null ? undefined : cadres.get(first.cadreId)
    if (cadre !== undefined) filled.set(postId, cadre)
  }
  return {
    scenario,
    asOf: monthIndex(scenario.asOf),
    cadres,
    seats,
    teamIds: new Set(scenario.teams.map((t) => t.id)),
    open,
    incumbents,
    entries,
    answers,
    filled,
  }
}

/** The member of a post after the proposal: the assignee of an open post, the incumbent of a closed one. */
export function memberOf(s: Staffing, postId: string): Cadre | null {
  if (s.open.has(postId)) return s.filled.get(postId) ?? null
  return s.incumbents.get(postId) ?? null
}

/** Members of a team, one per post (`null` for an empty post), in post order. */
export function teamMembers(s: Staffing, team: Team): (Cadre | null)[] {
  return team.posts.map((p) => memberOf(s, p.id))
}

/** Team rules apply only to a team with at least one open post. */
export function hasOpenPost(s: Staffing, team: Team): boolean {
  return team.posts.some((p) => s.open.has(p.id))
}

/** An open post that had an incumbent and whose member is now someone else or nobody. */
export function isChanged(s: Staffing, postId: string): boolean {
  if (!s.open.has(postId)) return false
  const incumbent = s.incumbents.get(postId)
  if (incumbent === undefined) return false
  return s.filled.get(postId)?.id !== incumbent.id
}
