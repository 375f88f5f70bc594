import { describe, expect, it } from 'vitest'
import { boolean, collectingUnread, either, object, req } from '../../src/io/combinators.js'
import { decodeScenario } from '../../src/io/decode.js'
import { formatPath } from '../../src/io/path.js'
import { decodeScenarioWithWarnings, scenarioWarnings, type ScenarioWarning } from '../../src/io/warnings.js'
import { edit, full, valid, type Json } from './fixtures.js'
import { messagesOf, scenarioOf } from './helpers.js'

const show = (w: ScenarioWarning): string =>
  `${w.code} @ ${w.paths.map(formatPath).join(', ')}: ${w.message.en}`

/** The `input.unknown-key` warnings of an input that decodes, shown as `code @ paths: en message`. */
function unknownKeys(input: Json): string[] {
  const r = decodeScenarioWithWarnings(input)
  if (r._tag === 'Left') throw new Error(r.left.issues.map((i) => i.message).join('\n'))
  return r.right.warnings.filter((w) => w.code === 'input.unknown-key').map(show)
}

describe('input.unknown-key: keys the decoder does not read', () => {
  it('warns of a misspelt key of the scenario, naming the key it is close to', () => {
    const input = edit(full(), [['forbiden'], [{ cadreId: 'C3', postId: 'P1' }]], [['openposts'], []])
    expect(unknownKeys(input)).toEqual([
      'input.unknown-key @ forbiden: key "forbiden" of the scenario object is not read (it is ignored); did you mean "forbidden"?',
      'input.unknown-key @ openposts: key "openposts" of the scenario object is not read (it is ignored); did you mean "openPosts"?',
    ])
  })

  it('warns at the path of a misspelt key of a cadre, a post or a tenure', () => {
    const input = edit(
      full(),
      [['cadres', 1, 'reserveGroup'], ['young']],
      [['cadres', 2, 'currentpost'], { postId: 'P3', since: '2020-01' }],
      [['cadres', 0, 'currentPost', 'sinse'], '2016-03'],
      [['teams', 1, 'posts', 1, 'rotationExemp'], true],
      [['lock'], []],
    )
    expect(unknownKeys(input)).toEqual([
      'input.unknown-key @ cadres[0].currentPost.sinse: key "sinse" of the current post object is not read (it is ignored); did you mean "since"?',
      'input.unknown-key @ cadres[1].reserveGroup: key "reserveGroup" of the cadre object is not read (it is ignored); did you mean "reserveGroups"?',
      'input.unknown-key @ cadres[2].currentpost: key "currentpost" of the cadre object is not read (it is ignored); did you mean "currentPost"?',
      'input.unknown-key @ teams[1].posts[1].rotationExemp: key "rotationExemp" of the post object is not read (it is ignored); did you mean "rotationExempt"?',
      'input.unknown-key @ lock: key "lock" of the scenario object is not read (it is ignored); did you mean "locks"?',
    ])
    // still read as before: dropped, the fields keep their defaults
    const s = scenarioOf(input)
    expect(s.cadres[1]!.reserveGroups).toEqual([])
    expect(s.teams[1]!.posts[1]!.rotationExempt).toBe(false)
  })

  it('warns once of a key found in many objects of a kind, with the count, and without a guess when none is close', () => {
    const input = edit(
      full(),
      [['cadres', 0, 'note'], 'transferred'],
      [['cadres', 2, 'note'], 'on leave'],
      [['teams', 0, 'note'], 'merged 2024'],
    )
    expect(unknownKeys(input)).toEqual([
      'input.unknown-key @ cadres[0].note, cadres[2].note: key "note" of 2 cadre objects is not read (it is ignored)',
      'input.unknown-key @ teams[0].note: key "note" of the team object is not read (it is ignored)',
    ])
  })

  it('comes first among the warnings, in zh and en', () => {
    const r = decodeScenarioWithWarnings(edit(valid(), [['forbiden'], []]))
    expect(r._tag === 'Right' && r.right.warnings.map((w) => [w.code, w.message.zh])).toEqual([
      [
        'input.unknown-key',
        '键 "forbiden"（1 处）不是输入格式的字段，未被读取（已忽略）；是否应为 "forbidden"？',
      ],
      [
        'hometown.unmatched',
        '1 名干部的成长地 "Ongniud" 不在本县任何任职地内（外地成长的干部属正常情况；否则请检查拼写）',
      ],
    ])
  })

  it('says nothing of the known keys, of dictionary keys, nor of "$schema" (documented as ignored)', () => {
    const input = edit(full(), [['$schema'], './scenario.schema.json'])
    expect(unknownKeys(input)).toEqual([])
    expect(unknownKeys(edit(valid(), [['policy'], { structure: { women: { min: 0 } } }]))).toEqual([])
  })

  it('leaves the policy and the tallies strict: an unknown key there is an issue, not a warning', () => {
    expect(messagesOf(edit(valid(), [['policy'], { structure: { woman: {} } }]))).toEqual([
      'policy.structure.woman: expected a known key (did you mean "women"?), got {}',
    ])
  })

  it('lists 20 distinct keys one by one and counts the rest in one more warning', () => {
    const input = valid() as { [key: string]: Json }
    for (let k = 0; k < 25; k++) input[`extra${k}`] = k
    const warnings = unknownKeys(input)
    expect(warnings).toHaveLength(21)
    expect(warnings[20]).toBe(
      'input.unknown-key @ extra20, extra21, extra22, extra23, extra24: 5 more key(s) not read, not listed one by one (only the first 20 are)',
    )
  })

  it('is not part of decodeScenario nor of scenarioWarnings, which see no input keys', () => {
    const input = edit(valid(), [['forbiden'], []], [['cadres', 0, 'hometown'], 'Wengniute'])
    const r = decodeScenario(input)
    expect(r._tag === 'Right' && scenarioWarnings(r.right)).toEqual([])
  })

  it('does not count the keys a failed branch of an either dropped', () => {
    const codec = either(
      object('a object', { x: req(boolean, 'x') }),
      object('b object', { y: req(boolean, 'y') }),
    )
    const { result, unread } = collectingUnread(() =>
      codec.validate({ y: true }, [{ key: '', type: codec, actual: {} }]),
    )
    expect(result._tag).toBe('Right')
    expect(unread).toEqual([])
    const more = collectingUnread(() =>
      codec.validate({ y: true, z: 1 }, [{ key: '', type: codec, actual: {} }]),
    )
    expect(more.unread.map((u) => [u.object, u.key])).toEqual([['b object', 'z']])
  })
})
