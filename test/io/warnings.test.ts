import { describe, expect, it } from 'vitest'
import { formatPath } from '../../src/io/path.js'
import { WARNING_LABELS } from '../../src/domain/codes.js'
import { decodeScenarioWithWarnings, scenarioWarnings, type ScenarioWarning } from '../../src/io/warnings.js'
import { sampleScenario } from '../../src/sample/index.js'
import { edit, full, valid, type Json } from './fixtures.js'

/** `code @ path, path…: en message` of each warning of an input that decodes. */
function warningsOf(input: Json): string[] {
  const r = decodeScenarioWithWarnings(input)
  if (r._tag === 'Left') throw new Error(r.left.issues.map((i) => i.message).join('\n'))
  return r.right.warnings.map(show)
}
const show = (w: ScenarioWarning): string =>
  `${w.code} @ ${w.paths.map(formatPath).join(', ')}: ${w.message.en}`

describe('decodeScenarioWithWarnings', () => {
  it('gives the decoded scenario with no warning when nothing looks odd', () => {
    const r = decodeScenarioWithWarnings(edit(valid(), [['cadres', 0, 'hometown'], 'Wengniute']))
    expect(r._tag === 'Right' && r.right.warnings).toEqual([])
  })

  it('gives the issues when the input does not decode', () => {
    const r = decodeScenarioWithWarnings(edit(valid(), [['cadres', 0, 'birth'], '1985/13']))
    expect(r._tag === 'Left' && r.left.issues.map((i) => i.message)).toEqual([
      'cadres[0].birth: expected YYYY-MM, got "1985/13"',
    ])
  })

  it('warns of a cadre past the retirement age of their gender at asOf', () => {
    const input = edit(valid(), [['cadres', 0, 'birth'], '1969-05'], [['cadres', 0, 'hometown'], 'Wengniute'])
    expect(warningsOf(input)).toEqual([
      'cadre.past-retirement @ cadres[0].birth: cadre Bao Lin (C1) is 56 at 2025-06, past the retirement age of 55',
    ])
    // the policy's age counts: 60 for a man by default
    expect(warningsOf(edit(input, [['cadres', 0, 'gender'], 'male']))).toEqual([])
  })

  it('warns of a specialty a post or team wants that no cadre has, and of a code spelt close to another', () => {
    const input = edit(
      full(),
      [['teams', 0, 'posts', 1, 'specialties'], ['economy/finanse']],
      [
        ['teams', 1, 'specialties'],
        ['economy/finance', 'law'],
      ],
    )
    expect(warningsOf(input).filter((w) => w.startsWith('specialty'))).toEqual([
      'specialty.unheld @ teams[0].posts[1].specialties[0]: specialty "economy/finanse", wanted 1 time(s), is held by no cadre of the roster',
      'specialty.unheld @ teams[1].specialties[1]: specialty "law", wanted 1 time(s), is held by no cadre of the roster',
      'specialty.near-miss @ teams[0].posts[1].specialties[0]: specialty code "economy/finanse" (used 1 time(s)) is one or two letters away from "economy/finance" (used 1 time(s)); a typo?',
    ])
  })

  it('does not take a code for a typo of its parent or child, nor a wanted parent of a held code for unheld', () => {
    const input = edit(full(), [
      ['teams', 1, 'specialties'],
      ['economy', 'economy/finance/banking'],
    ])
    expect(warningsOf(input).filter((w) => w.startsWith('specialty'))).toEqual([])
  })

  it('warns once of specialty codes in no category a post or team wants (majors written for codes)', () => {
    const input = edit(full(), [
      ['cadres', 1, 'specialties'],
      [{ code: '汉语言文学' }, { code: '法学' }, { code: 'economy/trade' }],
    ])
    expect(warningsOf(input).filter((w) => w.startsWith('specialty'))).toEqual([
      'specialty.unwanted @ cadres[1].specialties[0].code, cadres[1].specialties[1].code: 2 specialty code(s) cadres hold ("汉语言文学", "法学"; 2 use(s)) are in no category a post or team wants, so they add nothing to any fit; majors written where codes belong?',
    ])
    // A scenario that wants no specialty at all says nothing of the codes cadres hold.
    const none = edit(input, [['teams', 0, 'specialties'], []], [['teams', 0, 'posts', 1, 'specialties'], []])
    expect(warningsOf(none).filter((w) => w.startsWith('specialty'))).toEqual([])
  })

  it('warns of ids with leading, trailing or inner blanks', () => {
    const input = edit(
      valid(),
      [['cadres', 0, 'id'], ' C1'],
      [['cadres', 0, 'hometown'], 'Wengniute'],
      [['teams', 0, 'posts', 0, 'id'], 'P 1'],
    )
    expect(warningsOf(input)).toEqual([
      'id.blanks @ cadres[0].id: cadre id " C1" has blanks (leading, trailing or inner); every reference must repeat them exactly',
      'id.blanks @ teams[0].posts[0].id: post id "P 1" has blanks (leading, trailing or inner); every reference must repeat them exactly',
    ])
  })

  it('warns of ids with invisible characters (zero-width space, word joiner, soft hyphen), written as escapes', () => {
    const input = edit(
      valid(),
      [['cadres', 0, 'id'], 'C\u200b1'],
      [['cadres', 0, 'hometown'], 'Wengniute'],
      [['teams', 0, 'id'], 'T\u20601'],
      [['teams', 0, 'posts', 0, 'id'], 'P\u00ad 1'],
    )
    expect(warningsOf(input)).toEqual([
      'id.blanks @ cadres[0].id: cadre id "C\\u200B1" has invisible characters (U+200B); every reference must repeat them exactly',
      'id.blanks @ teams[0].id: team id "T\\u20601" has invisible characters (U+2060); every reference must repeat them exactly',
      'id.blanks @ teams[0].posts[0].id: post id "P\\u00AD 1" has blanks and invisible characters (U+00AD); every reference must repeat them exactly',
      // The post has no title of its own: its id is its title.
      'name.invisible @ teams[0].posts[0].title: post title "P\\u00AD 1" has invisible characters (U+00AD): it shows as a name without them would',
    ])
  })

  it('warns of names and titles with invisible characters (zero-width space, direction override), not of blanks', () => {
    const input = edit(
      valid(),
      [['cadres', 0, 'name'], '张\u200b三'],
      [['cadres', 0, 'hometown'], 'Wengniute'],
      [['teams', 0, 'name'], '\u202e乡镇'],
      [['teams', 0, 'posts', 0, 'title'], '书 记'],
    )
    expect(warningsOf(input)).toEqual([
      'name.invisible @ cadres[0].name: cadre name "张\\u200B三" has invisible characters (U+200B): it shows as a name without them would',
      'name.invisible @ teams[0].name: team name "\\u202E乡镇" has invisible characters (U+202E): it shows as a name without them would',
    ])
  })

  it('warns of two ids of one kind equal once normalised (NFKC), at the later one', () => {
    const input = edit(
      full(),
      [['cadres', 1, 'id'], '\uff23\uff11'],
      [['cadres', 1, 'currentPost'], null],
      [['teams', 0, 'posts', 1, 'id'], '\uff30\uff11'],
    )
    expect(warningsOf(input).filter((w) => w.startsWith('id.'))).toEqual([
      'id.lookalike @ cadres[1].id: cadre id "\uff23\uff11" reads the same as "C1" (cadres[0].id) once normalised (NFKC: full-width and compatibility characters); they are different ids, and every reference must repeat each exactly',
      'id.lookalike @ teams[0].posts[1].id: post id "\uff30\uff11" reads the same as "P1" (teams[0].posts[0].id) once normalised (NFKC: full-width and compatibility characters); they are different ids, and every reference must repeat each exactly',
    ])
    // a team id and a post id may look alike: they are ids of different kinds
    expect(
      warningsOf(edit(full(), [['teams', 1, 'id'], '\uff30\uff11'])).filter((w) => w.startsWith('id.')),
    ).toEqual([])
  })

  it('warns once per hometown that matches no locality, with the number of cadres', () => {
    const input = edit(
      full(),
      [['cadres', 0, 'hometown'], 'Wengnuite'],
      [['cadres', 1, 'hometown'], 'Wengnuite'],
      [['cadres', 2, 'hometown'], 'Wudan'],
    )
    expect(warningsOf(input)).toEqual([
      'hometown.unmatched @ cadres[0].hometown, cadres[1].hometown: 2 cadre(s) grew up in "Wengnuite", which matches no locality of the scenario (normal for cadres from elsewhere; otherwise check the spelling)',
    ])
  })

  it('matches hometowns by home county: a town of a team’s county is no warning', () => {
    const input = edit(valid(), [['county'], '清溪县'], [['cadres', 0, 'hometown'], '清溪县和溪镇'])
    expect(warningsOf(input)).toEqual([])
  })
})

describe('scenarioWarnings', () => {
  it('has zh and en for every warning of the sample county, which has a few of them', () => {
    const ws = scenarioWarnings(sampleScenario())
    const codes = new Set(ws.map((w) => w.code))
    // cadres born in the six neighbouring counties: one line per county, not one per cadre
    expect(ws.filter((w) => w.code === 'hometown.unmatched')).toHaveLength(6)
    expect([...codes].every((c) => c in WARNING_LABELS)).toBe(true)
    for (const w of ws) {
      expect(w.message.zh).toMatch(/[\u4e00-\u9fff]/)
      expect(w.paths.length).toBeGreaterThanOrEqual(1)
      expect(w.paths.length).toBeLessThanOrEqual(20)
    }
    expect(scenarioWarnings(sampleScenario())).toEqual(ws)
  })
})
