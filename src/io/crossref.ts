/**
 * Checks that need more than one field: ids unique and known, dates not after
 * `asOf` and a cadre's career after their birth, locks consistent with open
 * posts and forbidden pairs, posts of a team ranked consistently, and the
 * policy values that only make sense together. They run on a scenario whose
 * shapes are valid, so they read typed data; each issue points at the field
 * a user has to change.
 *
 * @module
 * @internal
 */
import type { Policy } from '../domain/policy.js'
import { RANKS, type Pair, type Post, type Scenario } from '../domain/types.js'
import { issue, type Issue } from './errors.js'
import { formatPath } from './path.js'

const rankIndex = (post: Post): number => RANKS.indexOf(post.rank)

/** Policy values that are well-formed one by one but not together. @internal */
export function policyIssues(policy: Policy): Issue[] {
  const issues: Issue[] = []
  const bandsPath = ['policy', 'structure', 'ageBands', 'bands'] as const
  let previousMax: number | undefined
  policy.structure.ageBands.bands.forEach((band, i) => {
    if (band.minAge > band.maxAge) {
      issues.push(
        issue(
          [...bandsPath, i, 'maxAge'],
          `an age not below the band's minAge (${band.minAge})`,
          band.maxAge,
        ),
      )
    } else if (previousMax !== undefined && band.minAge <= previousMax) {
      issues.push(
        issue(
          [...bandsPath, i, 'minAge'],
          `an age above the previous band's maxAge (${previousMax})`,
          band.minAge,
        ),
      )
    }
    previousMax = Math.max(previousMax ?? band.maxAge, band.maxAge)
  })
  const { min, max } = policy.structure.averageAge
  if (min !== null && max !== null && min > max) {
    issues.push(issue(['policy', 'structure', 'averageAge', 'min'], `a number not above max (${max})`, min))
  }
  const { support } = policy.fit
  if (policy.fit.weights.support > 0 && !(support.votes + support.named > 0))
    issues.push(
      issue(
        ['policy', 'fit', 'support'],
        'weights of votes and names with a positive sum while fit.weights.support is positive',
        support,
      ),
    )
  const weights = policy.fit.weights
  if (
    weights.specialty +
      weights.assessment +
      weights.experience +
      weights.age +
      weights.combined +
      weights.support <=
    0
  ) {
    issues.push(issue(['policy', 'fit', 'weights'], 'weights with a positive sum', weights))
  }
  const a = policy.assessment
  const codes = new Set<string>()
  a.indicators.forEach((x, i) => {
    if (codes.has(x.code))
      issues.push(
        issue(
          ['policy', 'assessment', 'indicators', i, 'code'],
          'an indicator code not listed before',
          x.code,
        ),
      )
    codes.add(x.code)
  })
  if (a.indicators.length > 0 && a.indicators.every((x) => x.weight <= 0))
    issues.push(
      issue(['policy', 'assessment', 'indicators'], 'indicator weights with a positive sum', a.indicators),
    )
  if (a.kinds.annual + a.kinds.ongoing + a.kinds.special <= 0)
    issues.push(issue(['policy', 'assessment', 'kinds'], 'weights with a positive sum', a.kinds))
  const e = a.evaluators
  if (e.superiors + e.peers + e.subordinates + e.public <= 0)
    issues.push(issue(['policy', 'assessment', 'evaluators'], 'weights with a positive sum', e))
  return issues
}

type Where = readonly (string | number)[]

/** The first place each key was seen, printed (`cadres[2]`), so a repeat can name it. */
class FirstSeen {
  private readonly seen = new Map<string, string>()

  /** Records `key` at `where`; returns where it was seen before, if it was. */
  add(key: string, where: Where): string | undefined {
    const earlier = this.seen.get(key)
    if (earlier === undefined) this.seen.set(key, formatPath(where))
    return earlier
  }

  has(key: string): boolean {
    return this.seen.has(key)
  }
}

/** What the checks look up: the ids of the scenario, first occurrence first. */
interface Index {
  readonly cadres: FirstSeen
  readonly posts: FirstSeen
  readonly open: ReadonlySet<string>
}

/** Unique cadre, team and post ids; posts of a team ranked consistently. */
function idIssues(s: Scenario, issues: Issue[]): Index {
  const cadres = new FirstSeen()
  s.cadres.forEach((c, i) => {
    const earlier = cadres.add(c.id, ['cadres', i])
    if (earlier !== undefined)
      issues.push(issue(['cadres', i, 'id'], `a unique cadre id (${earlier} has it too)`, c.id))
  })
  const teams = new FirstSeen()
  const posts = new FirstSeen()
  s.teams.forEach((team, t) => {
    const earlier = teams.add(team.id, ['teams', t])
    if (earlier !== undefined)
      issues.push(issue(['teams', t, 'id'], `a unique team id (${earlier} has it too)`, team.id))
    team.posts.forEach((post, p) => {
      const where = ['teams', t, 'posts', p]
      const before = posts.add(post.id, where)
      if (before !== undefined)
        issues.push(issue([...where, 'id'], `a unique post id (${before} has it too)`, post.id))
    })
    teamRankIssues(issues, t, team.posts)
  })
  return { cadres, posts, open: new Set(s.openPosts) }
}

/** Current posts, kin and dates of each cadre. */
function cadreIssues(s: Scenario, index: Index, issues: Issue[]): void {
  const holders = new FirstSeen()
  const asOfYear = Number(s.asOf.slice(0, 4))
  const indicators = new Set(s.policy.assessment.indicators.map((x) => x.code))
  const notAfterAsOf = (path: Where, month: string | null) => {
    // YYYY-MM strings of four-digit years compare as the months they name
    if (month !== null && month > s.asOf)
      issues.push(issue(path, `a month not after asOf (${s.asOf})`, month))
  }
  s.cadres.forEach((c, i) => {
    const at = (...rest: (string | number)[]): Where => ['cadres', i, ...rest]
    const birthYear = Number(c.birth.slice(0, 4))
    // A birth after asOf is the one issue: the career is not compared with it.
    const born = c.birth <= s.asOf
    // A month of the cadre's career: not after asOf, and after the birth (one issue a month).
    const ofCareer = (path: Where, month: string | null) => {
      if (month === null) return
      if (month > s.asOf) notAfterAsOf(path, month)
      else if (born && month <= c.birth)
        issues.push(issue(path, `a month after the birth (${c.birth})`, month))
    }
    notAfterAsOf(at('birth'), c.birth)
    ofCareer(at('rankSince'), c.rankSince)
    ofCareer(at('workStart'), c.workStart)
    ofCareer(at('partyJoined'), c.partyJoined)
    c.history.forEach((h, j) => {
      ofCareer(at('history', j, 'from'), h.from)
      ofCareer(at('history', j, 'to'), h.to)
    })
    if (c.currentPost !== null) {
      const { postId, since } = c.currentPost
      const earlier = index.posts.has(postId) ? holders.add(postId, ['cadres', i]) : undefined
      if (!index.posts.has(postId)) issues.push(issue(at('currentPost', 'postId'), 'a known post id', postId))
      else if (earlier !== undefined) {
        issues.push(
          issue(at('currentPost', 'postId'), `a post no other cadre holds (${earlier} holds it)`, postId),
        )
      }
      ofCareer(at('currentPost', 'since'), since)
    }
    c.kin.forEach((k, j) => {
      if (k.cadreId === c.id) {
        issues.push(
          issue(at('kin', j, 'cadreId'), "another cadre's id (a cadre is not their own kin)", k.cadreId),
        )
      } else if (!index.cadres.has(k.cadreId)) {
        issues.push(issue(at('kin', j, 'cadreId'), 'a known cadre id', k.cadreId))
      }
    })
    // One grade a year: with two, which one counts would depend on their order.
    const gradedAt = new Map<number, number>()
    c.assessments.forEach((a, j) => {
      if (a.year > asOfYear) {
        issues.push(
          issue(at('assessments', j, 'year'), `a year not after ${asOfYear} (the year of asOf)`, a.year),
        )
      } else if (born && a.year <= birthYear) {
        issues.push(issue(at('assessments', j, 'year'), `a year after the birth (${c.birth})`, a.year))
      }
      const earlier = gradedAt.get(a.year)
      if (earlier !== undefined)
        issues.push(
          issue(
            at('assessments', j, 'year'),
            `a year graded once (assessments[${earlier}] grades ${a.year} already)`,
            a.year,
          ),
        )
      else gradedAt.set(a.year, j)
    })
    // Likewise one annual record a year.
    const annualAt = new Map<number, number>()
    c.assessmentRecords?.forEach((r, j) => {
      if (r.kind === 'annual') {
        const earlier = annualAt.get(r.year)
        if (earlier !== undefined)
          issues.push(
            issue(
              at('assessmentRecords', j, 'year'),
              `one annual record a year (assessmentRecords[${earlier}] is the annual record of ${r.year})`,
              r.year,
            ),
          )
        else annualAt.set(r.year, j)
      }
      if (r.year > asOfYear) {
        issues.push(
          issue(
            at('assessmentRecords', j, 'year'),
            `a year not after ${asOfYear} (the year of asOf)`,
            r.year,
          ),
        )
      } else if (born && r.year <= birthYear) {
        issues.push(issue(at('assessmentRecords', j, 'year'), `a year after the birth (${c.birth})`, r.year))
      }
      for (const code of Object.keys(r.indicators ?? {}))
        if (!indicators.has(code))
          issues.push(
            issue(
              at('assessmentRecords', j, 'indicators', code),
              `an indicator of policy.assessment.indicators (${[...indicators].join(', ')})`,
              code,
            ),
          )
    })
    notAfterAsOf(at('integrity', 'checkedOn'), c.integrity.checkedOn)
  })
}

/** Each listed open post known and listed once. */
function openPostIssues(s: Scenario, index: Index, issues: Issue[]): void {
  const listed = new FirstSeen()
  s.openPosts.forEach((postId, k) => {
    if (!index.posts.has(postId)) {
      issues.push(issue(['openPosts', k], 'a known post id', postId))
      return
    }
    const earlier = listed.add(postId, ['openPosts', k])
    if (earlier !== undefined)
      issues.push(issue(['openPosts', k], `a post id listed once (${earlier} lists it)`, postId))
  })
}

const pairKey = (p: Pair): string => JSON.stringify([p.cadreId, p.postId])

/** Unknown ids of a lock or forbidden pair; true when both are known. */
function knownPair(index: Index, issues: Issue[], pair: Pair, path: Where): boolean {
  const knownCadre = index.cadres.has(pair.cadreId)
  const knownPost = index.posts.has(pair.postId)
  if (!knownCadre) issues.push(issue([...path, 'cadreId'], 'a known cadre id', pair.cadreId))
  if (!knownPost) issues.push(issue([...path, 'postId'], 'a known post id', pair.postId))
  return knownCadre && knownPost
}

/** Locks that can all hold together, none forbidden. */
function lockIssues(s: Scenario, index: Index, issues: Issue[]): void {
  // the first cadre of a duplicated id counts, as for every other lookup by id
  const heldBy = new Map<string, string>()
  for (const c of s.cadres)
    if (c.currentPost !== null && !heldBy.has(c.id)) heldBy.set(c.id, c.currentPost.postId)
  const pairs = new FirstSeen()
  const posts = new FirstSeen()
  const cadres = new FirstSeen()
  s.locks.forEach((lock, k) => {
    const at = (...rest: (string | number)[]): Where => ['locks', k, ...rest]
    if (!knownPair(index, issues, lock, at())) return
    const same = pairs.add(pairKey(lock), at())
    if (same !== undefined) {
      issues.push(issue(at(), `a pair not locked before (${same} is the same pair)`, lock))
      return
    }
    if (!index.open.has(lock.postId)) {
      issues.push(issue(at('postId'), 'an open post (one listed in openPosts)', lock.postId))
    }
    const otherPost = posts.add(lock.postId, at())
    if (otherPost !== undefined) {
      issues.push(issue(at('postId'), `a post no other lock takes (${otherPost} takes it)`, lock.postId))
    }
    const otherCadre = cadres.add(lock.cadreId, at())
    if (otherCadre !== undefined) {
      issues.push(
        issue(at('cadreId'), `a cadre no other lock places (${otherCadre} places them)`, lock.cadreId),
      )
    }
    // Moving a cadre out of a post the round does not touch would leave that post held by nobody, unasked.
    const held = heldBy.get(lock.cadreId)
    if (held !== undefined && held !== lock.postId && index.posts.has(held) && !index.open.has(held)) {
      const expected = `a cadre free to move (they hold ${JSON.stringify(held)}, which is not open)`
      issues.push(issue(at('cadreId'), expected, lock.cadreId))
    }
  })
  s.forbidden.forEach((pair, k) => {
    knownPair(index, issues, pair, ['forbidden', k])
    const locked = pairs.add(pairKey(pair), ['forbidden', k])
    if (locked !== undefined && locked.startsWith('locks')) {
      issues.push(issue(['forbidden', k], `a pair that is not locked (${locked} locks it)`, pair))
    }
  })
}

/**
 * The cross-reference checks of a scenario whose shapes are valid.
 *
 * @param s - the scenario as decoded (openPosts expanded)
 * @param openPostsListed - whether the input listed openPosts (rather than "all")
 * @returns the issues, in the order the checks found them
 * @internal
 */
export function crossReferenceIssues(s: Scenario, openPostsListed: boolean): Issue[] {
  const issues: Issue[] = []
  const index = idIssues(s, issues)
  cadreIssues(s, index, issues)
  if (openPostsListed) openPostIssues(s, index, issues)
  lockIssues(s, index, issues)
  supervisionIssues(s, index, issues)
  recommendationIssues(s, index, issues)
  return issues
}

/**
 * Each tally names a known cadre and a known post (or any post), one tally per
 * cadre and post, each rater group once, votes not above voters, each
 * recommender once.
 */
function recommendationIssues(s: Scenario, index: Index, issues: Issue[]): void {
  const listed = new FirstSeen()
  /** `group post` → the voters first given and where. */
  const voters = new Map<string, { readonly voters: number; readonly at: string }>()
  const blank = (name: string) => name.trim() === ''
  ;(s.recommendations ?? []).forEach((t, k) => {
    const at = (...rest: (string | number)[]): Where => ['recommendations', k, ...rest]
    if (t.votes.length === 0 && t.recommenders.length === 0)
      issues.push(issue(at(), 'votes or recommenders (an empty tally recommends no one)', t))
    if (!index.cadres.has(t.cadreId)) issues.push(issue(at('cadreId'), 'a known cadre id', t.cadreId))
    if (t.postId !== null && !index.posts.has(t.postId))
      issues.push(issue(at('postId'), 'a known post id, or null for any post', t.postId))
    const earlier = listed.add(`${t.cadreId}\u0000${t.postId ?? ''}`, at())
    if (earlier !== undefined)
      issues.push(
        issue(
          at(),
          `one tally per cadre and ${t.postId === null ? 'for any post' : 'post'} (${earlier} has this one)`,
          { cadreId: t.cadreId, postId: t.postId },
        ),
      )
    const groups = new FirstSeen()
    t.votes.forEach((v, g) => {
      if (blank(v.group)) issues.push(issue(at('votes', g, 'group'), 'a rater group’s name', v.group))
      const before = groups.add(v.group.trim(), at('votes', g))
      if (before !== undefined)
        issues.push(issue(at('votes', g, 'group'), `a rater group listed once (${before} lists it)`, v.group))
      if (v.votes > v.voters)
        issues.push(issue(at('votes', g, 'votes'), `at most the voters (${v.voters})`, v.votes))
      // One meeting, one count of those who took part: a group's voters on a post are the same in every tally.
      const key = `${v.group}\u0000${t.postId ?? ''}`
      const first = voters.get(key)
      if (first === undefined) voters.set(key, { voters: v.voters, at: formatPath(at('votes', g, 'voters')) })
      else if (first.voters !== v.voters)
        issues.push(
          issue(
            at('votes', g, 'voters'),
            `the group’s voters as ${first.at} gives them (${first.voters})`,
            v.voters,
          ),
        )
    })
    const names = new FirstSeen()
    t.recommenders.forEach((name, r) => {
      if (blank(name)) issues.push(issue(at('recommenders', r), 'a recommender’s name', name))
      const before = names.add(name.trim(), at('recommenders', r))
      if (before !== undefined)
        issues.push(issue(at('recommenders', r), `a recommender listed once (${before} lists them)`, name))
    })
  })
}

/** Each supervising post of a team known, not one of the team's own, and listed once. */
function supervisionIssues(s: Scenario, index: Index, issues: Issue[]): void {
  s.teams.forEach((team, t) => {
    const own = new Set(team.posts.map((p) => p.id))
    const listed = new FirstSeen()
    ;(team.supervisedBy ?? []).forEach((postId, k) => {
      const where = ['teams', t, 'supervisedBy', k]
      if (!index.posts.has(postId)) issues.push(issue(where, 'a known post id', postId))
      else if (own.has(postId)) issues.push(issue(where, 'a post of another team', postId))
      else {
        const earlier = listed.add(postId, where)
        if (earlier !== undefined)
          issues.push(issue(where, `a post id listed once (${earlier} lists it)`, postId))
      }
    })
  })
}

/**
 * A head post ranked below a deputy or member post of its team, or a deputy
 * below a member, cannot be ordered on the ladder: reported at the lower post,
 * naming the highest post it should not be below.
 */
function teamRankIssues(issues: Issue[], t: number, posts: readonly Post[]): void {
  const highest = (kinds: readonly Post['kind'][]) => {
    let best: number | undefined
    posts.forEach((p, i) => {
      if (kinds.includes(p.kind) && (best === undefined || rankIndex(p) > rankIndex(posts[best]!))) best = i
    })
    return best
  }
  const belowHead = highest(['deputy', 'member'])
  const belowDeputy = highest(['member'])
  posts.forEach((post, p) => {
    const other = post.kind === 'head' ? belowHead : post.kind === 'deputy' ? belowDeputy : undefined
    if (other === undefined || rankIndex(post) >= rankIndex(posts[other]!)) return
    const lower = post.kind === 'head' ? 'deputy and member posts' : 'member posts'
    issues.push(
      issue(
        ['teams', t, 'posts', p, 'rank'],
        `a rank not below the team's ${lower} (${formatPath(['teams', t, 'posts', other])} is ${JSON.stringify(posts[other]!.rank)})`,
        post.rank,
      ),
    )
  })
}
