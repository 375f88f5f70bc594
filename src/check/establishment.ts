/**
 * Rules about the proposal as a whole, always hard (docs/rules.md,
 * "Establishment and the proposal as a whole"): ids exist, every open post is
 * answered exactly once, one post per cadre, vacancies, locks.
 *
 * @module
 */
import type { RuleCode } from '../domain/codes.js'
import type { Cadre } from '../domain/types.js'
import { ALWAYS_HARD, cadreName, describe, emit, type Finding, type Place, seatName } from './findings.js'
import { memberOf, type Seat, type Staffing } from './members.js'

/** Establishment rules have no switch: always on, always hard. */
const hard = (out: Finding[], code: RuleCode, place: Place, message: string, shortfall = 1): void =>
  emit(out, ALWAYS_HARD, code, place, shortfall, message)

const atSeat = (seat: Seat, cadreId: string | null): Place => ({
  teamIndex: seat.teamIndex,
  postIndex: seat.postIndex,
  teamId: seat.team.id,
  postId: seat.post.id,
  cadreId,
})

const outside = (s: Staffing, postId: string | null, cadreId: string | null): Place => ({
  teamIndex: s.scenario.teams.length,
  postIndex: 0,
  teamId: null,
  postId,
  cadreId,
})

/** `establishment.unknown-id`: every post, cadre and team id the proposal (or `openPosts`) names exists. */
function unknownIds(s: Staffing, out: Finding[]): void {
  const code = 'establishment.unknown-id'
  for (const id of s.scenario.openPosts) {
    if (!s.seats.has(id)) hard(out, code, outside(s, id, null), `open post ${id} is no post of any team`)
  }
  for (const e of s.entries) {
    const seat = e.postId === null ? undefined : s.seats.get(e.postId)
    const cadreKnown = e.cadreId === null ? e.cadreIdValid : s.cadres.has(e.cadreId)
    if (seat === undefined) {
      const what = cadreKnown ? '' : ` and unknown cadre ${describe(e.rawCadreId)}`
      hard(
        out,
        code,
        outside(s, e.postId, e.cadreId),
        `assignment #${e.index} names unknown post ${describe(e.rawPostId)}${what}`,
      )
    } else if (!cadreKnown) {
      hard(
        out,
        code,
        atSeat(seat, e.cadreId),
        `${seatName(seat.team, seat.post)}: assignment #${e.index} names unknown cadre ${describe(e.rawCadreId)}`,
      )
    }
    if (typeof e.rawTeamId === 'string' && !s.teamIds.has(e.rawTeamId)) {
      const place = seat === undefined ? outside(s, e.postId, e.cadreId) : atSeat(seat, e.cadreId)
      hard(out, code, place, `assignment #${e.index} names unknown team ${describe(e.rawTeamId)}`)
    }
  }
}

/**
 * `establishment.post-coverage`: every open post appears exactly once; a closed
 * post listed with its own incumbent is answered needlessly.
 * `establishment.closed-post-changed`: a closed post listed with anyone else
 * (another cadre, or vacant while it has a holder) would change a post the
 * round does not open.
 */
function coverage(s: Staffing, out: Finding[]): void {
  const code = 'establishment.post-coverage'
  for (const id of s.open) {
    const seat = s.seats.get(id) as Seat
    const n = s.answers.get(id)?.length ?? 0
    if (n !== 1) {
      const msg =
        n === 0 ? 'open post missing from the proposal' : `open post answered ${n} times, expected once`
      hard(out, code, atSeat(seat, null), `${seatName(seat.team, seat.post)}: ${msg}`, Math.abs(n - 1))
    }
  }
  for (const e of s.entries) {
    const seat = e.postId === null ? undefined : s.seats.get(e.postId)
    if (seat === undefined || s.open.has(seat.post.id)) continue
    const holder = s.incumbents.get(seat.post.id) ?? null
    const where = seatName(seat.team, seat.post)
    if (e.cadreIdValid && e.cadreId === (holder?.id ?? null)) {
      hard(
        out,
        code,
        atSeat(seat, e.cadreId),
        `${where}: closed post appears in the proposal (assignment #${e.index})`,
      )
      continue
    }
    const now = holder === null ? 'is vacant' : `is held by ${cadreName(holder)}`
    const named = e.cadreIdValid
      ? e.cadreId === null
        ? 'leaves it vacant'
        : `gives it to ${describeCadre(s, e.cadreId)}`
      : `names ${describe(e.rawCadreId)}`
    hard(
      out,
      'establishment.closed-post-changed',
      atSeat(seat, e.cadreId),
      `${where}: the post is not open this round and ${now}, but assignment #${e.index} ${named}`,
    )
  }
}

function describeCadre(s: Staffing, id: string): string {
  const cadre = s.cadres.get(id)
  return cadre === undefined ? `unknown cadre ${describe(id)}` : cadreName(cadre)
}

/** `establishment.one-post-per-cadre`: a cadre holds at most one post, counting incumbents of closed posts. */
function onePost(s: Staffing, out: Finding[]): void {
  const holdings = new Map<string, { cadre: Cadre; seats: Seat[] }>()
  s.scenario.teams.forEach((team) =>
    team.posts.forEach((post) => {
      const cadre = memberOf(s, post.id)
      const seat = s.seats.get(post.id)
      if (cadre === null || seat === undefined || seat.team !== team) return
      const h = holdings.get(cadre.id)
      if (h === undefined) holdings.set(cadre.id, { cadre, seats: [seat] })
      else h.seats.push(seat)
    }),
  )
  for (const { cadre, seats } of holdings.values()) {
    if (seats.length < 2) continue
    // The finding sits at the last open post held: that assignment is the one to undo.
    const at =
      [...seats].reverse().find((seat) => s.open.has(seat.post.id)) ?? (seats[seats.length - 1] as Seat)
    const list = seats.map((seat) => seatName(seat.team, seat.post)).join('; ')
    hard(
      out,
      'establishment.one-post-per-cadre',
      atSeat(at, cadre.id),
      `${cadreName(cadre)} holds ${seats.length} posts: ${list}`,
      seats.length - 1,
    )
  }
}

/** `establishment.vacancy`: an empty open post is a violation, or a soft cost when vacancies are allowed. */
function vacancies(s: Staffing, out: Finding[]): void {
  const { allowed, penalty } = s.scenario.policy.vacancy
  const rule = { enabled: true, hard: !allowed, penalty }
  for (const id of s.open) {
    if (s.filled.has(id)) continue
    const seat = s.seats.get(id) as Seat
    const why = allowed ? `costs ${penalty}` : 'vacancies are not allowed'
    emit(
      out,
      rule,
      'establishment.vacancy',
      atSeat(seat, null),
      1,
      `${seatName(seat.team, seat.post)}: left vacant (${why})`,
    )
  }
}

/**
 * `lock`: every locked pair holds after the proposal. A lock on an open post
 * holds when the post's member is that cadre; a lock on a closed post holds
 * when the cadre is its incumbent (the post is kept as it is).
 */
function locks(s: Staffing, out: Finding[]): void {
  for (const lock of s.scenario.locks) {
    const seat = s.seats.get(lock.postId)
    const member = seat === undefined ? null : memberOf(s, lock.postId)
    if (member?.id === lock.cadreId) continue
    const cadre = s.cadres.get(lock.cadreId)
    const who = cadre === undefined ? `cadre ${lock.cadreId}` : cadreName(cadre)
    if (seat === undefined) {
      hard(
        out,
        'lock',
        outside(s, lock.postId, lock.cadreId),
        `locked pair ${who} → post ${lock.postId}: no such post`,
      )
    } else {
      const now = member === null ? 'nobody' : cadreName(member)
      hard(
        out,
        'lock',
        atSeat(seat, lock.cadreId),
        `${seatName(seat.team, seat.post)}: locked to ${who}, holds ${now}`,
      )
    }
  }
}

/** All establishment findings of a proposal. */
export function checkEstablishment(s: Staffing, out: Finding[]): void {
  unknownIds(s, out)
  coverage(s, out)
  onePost(s, out)
  vacancies(s, out)
  locks(s, out)
}
