import { describe, expect, it } from 'vitest'
import { edit, full, type Json } from './fixtures.js'
import { messagesOf, scenarioOf } from './helpers.js'

const broken = (...edits: [path: (string | number)[], value?: Json][]) => messagesOf(edit(full(), ...edits))

describe('cross-references: ids', () => {
  it('reports a duplicate cadre id at the later cadre', () => {
    expect(broken([['cadres', 3, 'id'], 'C2'])).toContain(
      'cadres[3].id: expected a unique cadre id (cadres[1] has it too), got "C2"',
    )
  })

  it('reports a duplicate team id', () => {
    expect(broken([['teams', 1, 'id'], 'T1'])).toEqual([
      'teams[1].id: expected a unique team id (teams[0] has it too), got "T1"',
    ])
  })

  it('reports a post id used twice, even across teams', () => {
    expect(broken([['teams', 1, 'posts', 1, 'id'], 'P2'])).toEqual([
      'teams[1].posts[1].id: expected a unique post id (teams[0].posts[1] has it too), got "P2"',
      // P4 is gone, so the lock and openPosts that named it are reported too
      'openPosts[2]: expected a known post id, got "P4"',
      'locks[0].postId: expected a known post id, got "P4"',
    ])
  })

  it('reports a current post that no team has', () => {
    expect(broken([['cadres', 1, 'currentPost', 'postId'], 'P9'])).toEqual([
      'cadres[1].currentPost.postId: expected a known post id, got "P9"',
    ])
  })

  it('reports two cadres holding the same post', () => {
    expect(broken([['cadres', 1, 'currentPost', 'postId'], 'P1'])).toEqual([
      'cadres[1].currentPost.postId: expected a post no other cadre holds (cadres[0] holds it), got "P1"',
    ])
  })

  it('reports kin to an unknown cadre and to oneself', () => {
    expect(
      broken([
        ['cadres', 0, 'kin'],
        [
          { cadreId: 'C9', relation: 'sibling' },
          { cadreId: 'C1', relation: 'spouse' },
        ],
      ]),
    ).toEqual([
      'cadres[0].kin[0].cadreId: expected a known cadre id, got "C9"',
      'cadres[0].kin[1].cadreId: expected another cadre\'s id (a cadre is not their own kin), got "C1"',
    ])
  })
})

describe('cross-references: dates against asOf (2025-06)', () => {
  it('reports birth, rankSince, currentPost.since and integrity.checkedOn after asOf', () => {
    expect(
      broken(
        [['cadres', 0, 'birth'], '2025-07'],
        [['cadres', 0, 'rankSince'], '2030-01'],
        [['cadres', 0, 'currentPost', 'since'], '2025-12'],
        [['cadres', 0, 'integrity', 'checkedOn'], '2026-01'],
      ),
    ).toEqual([
      'cadres[0].birth: expected a month not after asOf (2025-06), got "2025-07"',
      'cadres[0].rankSince: expected a month not after asOf (2025-06), got "2030-01"',
      'cadres[0].currentPost.since: expected a month not after asOf (2025-06), got "2025-12"',
      'cadres[0].integrity.checkedOn: expected a month not after asOf (2025-06), got "2026-01"',
    ])
  })

  it('accepts the month of asOf itself, and a disciplinary period that ends later', () => {
    const s = scenarioOf(edit(full(), [['cadres', 1, 'rankSince'], '2025-06']))
    expect(s.cadres[1]!.rankSince).toBe('2025-06')
    expect(s.cadres[2]!.integrity.disciplinaryUntil).toBe('2026-01')
  })

  it('reports an assessment of a year after the year of asOf', () => {
    expect(broken([['cadres', 0, 'assessments', 1, 'year'], 2026])).toEqual([
      'cadres[0].assessments[1].year: expected a year not after 2025 (the year of asOf), got 2026',
    ])
    expect(scenarioOf(edit(full(), [['cadres', 0, 'assessments', 1, 'year'], 2025])).cadres).toHaveLength(4)
  })
})

describe("cross-references: a cadre's career after their birth", () => {
  it('reports currentPost.since before the birth at its path, naming the birth month', () => {
    // C4 was born 1994-11: a tenure since 1950 would be 75 years long
    expect(broken([['cadres', 3, 'currentPost'], { postId: 'P4', since: '1950-01' }])).toEqual([
      'cadres[3].currentPost.since: expected a month after the birth (1994-11), got "1950-01"',
    ])
  })

  it('reports rankSince, workStart, partyJoined, history months and assessment years before the birth', () => {
    // C1 was born 1980-01; the birth month itself is no month of a career either
    expect(
      broken(
        [['cadres', 0, 'rankSince'], '1979-12'],
        [['cadres', 0, 'assessments', 0, 'year'], 1979],
        [['cadres', 0, 'workStart'], '1980-01'],
        [['cadres', 0, 'partyJoined'], '1960-07'],
        [['cadres', 0, 'history'], [{ from: '1975-01', to: '1979-06', unit: 'Wudan', post: 'clerk' }]],
        [['cadres', 0, 'assessmentRecords'], [{ year: 1980, kind: 'annual', grade: 'competent' }]],
      ),
    ).toEqual([
      'cadres[0].rankSince: expected a month after the birth (1980-01), got "1979-12"',
      'cadres[0].assessments[0].year: expected a year after the birth (1980-01), got 1979',
      'cadres[0].workStart: expected a month after the birth (1980-01), got "1980-01"',
      'cadres[0].partyJoined: expected a month after the birth (1980-01), got "1960-07"',
      'cadres[0].history[0].from: expected a month after the birth (1980-01), got "1975-01"',
      'cadres[0].history[0].to: expected a month after the birth (1980-01), got "1979-06"',
      'cadres[0].assessmentRecords[0].year: expected a year after the birth (1980-01), got 1980',
    ])
  })

  it('accepts the month after the birth, and reports only the birth when it is after asOf', () => {
    const s = scenarioOf(edit(full(), [['cadres', 0, 'workStart'], '1980-02']))
    expect(s.cadres[0]!.workStart).toBe('1980-02')
    expect(broken([['cadres', 0, 'birth'], '2025-09'])).toEqual([
      'cadres[0].birth: expected a month not after asOf (2025-06), got "2025-09"',
    ])
  })
})

describe('cross-references: open posts, locks and forbidden pairs', () => {
  it('reports a year graded twice, and a second annual record of a year (which would count by order)', () => {
    expect(broken([['cadres', 0, 'assessments', 1, 'year'], 2023])).toEqual([
      'cadres[0].assessments[1].year: expected a year graded once (assessments[0] grades 2023 already), got 2023',
    ])
    const records: Json[] = [
      { year: 2023, kind: 'annual', grade: 'excellent' },
      { year: 2023, kind: 'ongoing', score: 80 },
      { year: 2023, kind: 'annual', grade: 'incompetent' },
    ]
    expect(broken([['cadres', 0, 'assessmentRecords'], records])).toEqual([
      'cadres[0].assessmentRecords[2].year: expected one annual record a year (assessmentRecords[0] is the annual record of 2023), got 2023',
    ])
  })

  it('reports unknown and repeated open posts', () => {
    expect(broken([['openPosts'], ['P1', 'P9', 'P3', 'P4', 'P1']])).toEqual([
      'openPosts[1]: expected a known post id, got "P9"',
      'openPosts[4]: expected a post id listed once (openPosts[0] lists it), got "P1"',
    ])
  })

  it('reports locks and forbidden pairs naming unknown cadres or posts', () => {
    expect(
      broken(
        [['locks', 0], { cadreId: 'C9', postId: 'P9' }],
        [['forbidden', 0], { cadreId: 'C8', postId: 'P8' }],
      ),
    ).toEqual([
      'locks[0].cadreId: expected a known cadre id, got "C9"',
      'locks[0].postId: expected a known post id, got "P9"',
      'forbidden[0].cadreId: expected a known cadre id, got "C8"',
      'forbidden[0].postId: expected a known post id, got "P8"',
    ])
  })

  it('reports a lock on a post that is not open', () => {
    expect(broken([['locks', 0, 'postId'], 'P2'])).toEqual([
      'locks[0].postId: expected an open post (one listed in openPosts), got "P2"',
    ])
  })

  it('reports two locks on one post, and one cadre locked twice', () => {
    expect(
      broken([
        ['locks'],
        [
          { cadreId: 'C4', postId: 'P4' },
          { cadreId: 'C3', postId: 'P4' },
          { cadreId: 'C4', postId: 'P3' },
        ],
      ]),
    ).toEqual([
      'locks[1].postId: expected a post no other lock takes (locks[0] takes it), got "P4"',
      'locks[2].cadreId: expected a cadre no other lock places (locks[0] places them), got "C4"',
    ])
  })

  it('reports the same lock listed twice once', () => {
    expect(broken([['locks', 1], { cadreId: 'C4', postId: 'P4' }])).toEqual([
      'locks[1]: expected a pair not locked before (locks[0] is the same pair), got {"cadreId":"C4","postId":"P4"}',
    ])
  })

  it('reports a pair both locked and forbidden', () => {
    expect(broken([['forbidden', 1], { cadreId: 'C4', postId: 'P4' }])).toEqual([
      'forbidden[1]: expected a pair that is not locked (locks[0] locks it), got {"cadreId":"C4","postId":"P4"}',
    ])
  })

  it('reports a cadre locked into an open post while holding a closed one', () => {
    // C2 holds P2, which is not open: moving them would leave P2 held twice or empty unasked
    expect(broken([['locks', 0, 'cadreId'], 'C2'])).toEqual([
      'locks[0].cadreId: expected a cadre free to move (they hold "P2", which is not open), got "C2"',
    ])
    expect(scenarioOf(edit(full(), [['locks', 0, 'cadreId'], 'C2'], [['openPosts'], 'all'])).locks).toEqual([
      { cadreId: 'C2', postId: 'P4' },
    ])
  })
})

describe('cross-references: ranks of a team', () => {
  it('reports a head post ranked below a deputy or member post of its team', () => {
    expect(broken([['teams', 0, 'posts', 1, 'rank'], 'division-deputy'])).toEqual([
      'teams[0].posts[0].rank: expected a rank not below the team\'s deputy and member posts (teams[0].posts[1] is "division-deputy"), got "section-chief"',
    ])
  })

  it('reports a deputy post ranked below a member post', () => {
    const input = edit(full(), [
      ['teams', 0, 'posts', 2],
      { id: 'P5', kind: 'member', rank: 'section-chief' },
    ])
    expect(messagesOf(input)).toEqual([
      'teams[0].posts[1].rank: expected a rank not below the team\'s member posts (teams[0].posts[2] is "section-chief"), got "section-deputy"',
    ])
  })

  it('accepts posts of equal rank and teams without a head', () => {
    const input = edit(
      full(),
      [['teams', 1, 'posts', 1, 'rank'], 'section-chief'],
      [['teams', 1, 'posts', 0, 'kind'], 'member'],
    )
    expect(scenarioOf(input).teams[1]!.posts.map((p) => p.kind)).toEqual(['member', 'member'])
  })
})

describe('cross-references: reporting', () => {
  it('reports every cross-reference issue together, in input order', () => {
    expect(
      broken(
        [['forbidden', 0, 'postId'], 'P0'],
        [['cadres', 2, 'kin'], [{ cadreId: 'C3', relation: 'parent' }]],
        [['teams', 1, 'id'], 'T1'],
        [['cadres', 0, 'birth'], '2031-01'],
      ),
    ).toEqual([
      'cadres[0].birth: expected a month not after asOf (2025-06), got "2031-01"',
      'cadres[2].kin[0].cadreId: expected another cadre\'s id (a cadre is not their own kin), got "C3"',
      'teams[1].id: expected a unique team id (teams[0] has it too), got "T1"',
      'forbidden[0].postId: expected a known post id, got "P0"',
    ])
  })

  it('runs only once the shapes are valid', () => {
    expect(broken([['cadres', 1, 'id'], 'C1'], [['asOf'], 'June'])).toEqual([
      'asOf: expected YYYY-MM, got "June"',
    ])
  })
})

describe('cross-references: supervision links', () => {
  it('reports an unknown post, a post of the team itself and a repeat, each at its path', () => {
    expect(
      broken([
        ['teams', 1, 'supervisedBy'],
        ['P999', 'P3', 'P1', 'P1'],
      ]),
    ).toEqual([
      'teams[1].supervisedBy[0]: expected a known post id, got "P999"',
      'teams[1].supervisedBy[1]: expected a post of another team, got "P3"',
      'teams[1].supervisedBy[3]: expected a post id listed once (teams[1].supervisedBy[2] lists it), got "P1"',
    ])
  })

  it('decodes a valid link, and a team without one has none', () => {
    const s = scenarioOf(edit(full(), [['teams', 1, 'supervisedBy'], ['P1']]))
    expect(s.teams.map((t) => t.supervisedBy)).toEqual([undefined, ['P1']])
  })

  it('reports a link that is not a list of ids', () => {
    expect(broken([['teams', 0, 'supervisedBy'], 'P3'])).toHaveLength(1)
    expect(broken([['teams', 0, 'supervisedBy'], [7]])[0]).toMatch(/^teams\[0\]\.supervisedBy\[0\]: /)
  })
})
