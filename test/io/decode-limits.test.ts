/**
 * Inputs that are valid, or invalid, in ways that once made decoding throw,
 * hang or read something the user did not mean: very long place names, many
 * specialty codes, GB numbers as a spreadsheet exports them, dictionary keys
 * every object has, and many issues under one object.
 */
import { describe, expect, it } from 'vitest'
import { samePlace } from '../../src/domain/place.js'
import { issue, sortIssues, type Issue } from '../../src/io/errors.js'
import { decodeScenario, formatPath } from '../../src/io/index.js'
import { levenshtein } from '../../src/io/known-key.js'
import { decodeScenarioWithWarnings, type ScenarioWarning } from '../../src/io/warnings.js'
import type { Path } from '../../src/io/path.js'
import { edit, valid, type Json } from './fixtures.js'
import { issuesOf, scenarioOf } from './helpers.js'

/** The warnings of an input that decodes. */
function warningsOf(input: Json): readonly ScenarioWarning[] {
  const r = decodeScenarioWithWarnings(input)
  if (r._tag === 'Left') throw new Error(r.left.issues.map((i) => i.message).join('\n'))
  return r.right.warnings
}

const nearMisses = (input: Json) => warningsOf(input).filter((w) => w.code === 'specialty.near-miss')

/** The valid input with its one cadre holding these specialty codes. */
const holding = (codes: readonly string[]): Json =>
  edit(valid(), [['cadres', 0, 'specialties'], codes.map((code) => ({ code }))])

describe('place names of any length', () => {
  it('reads a hometown of 20,000 characters without overflowing the stack, as matching only itself', () => {
    const long = '市'.repeat(20000)
    const r = decodeScenarioWithWarnings(edit(valid(), [['cadres', 0, 'hometown'], long]))
    expect(r._tag).toBe('Right')
    expect(r._tag === 'Right' && r.right.warnings.map((w) => w.code)).toEqual(['hometown.unmatched'])
    expect([
      samePlace(long, long),
      samePlace(long, `${long}县`),
      samePlace('镇乡'.repeat(1000), '镇乡'),
    ]).toEqual([true, false, false])
  })
})

describe('specialty near misses', () => {
  it('takes numbered codes differing in digits for no typo, even 1,000 of them', () => {
    const codes = Array.from({ length: 1000 }, (_, i) => `economy/field${String(i).padStart(4, '0')}`)
    expect(nearMisses(holding(codes))).toEqual([])
    expect(nearMisses(holding(['engineering/080901', 'engineering/080902', 'engineering/081001']))).toEqual(
      [],
    )
  })

  it('still warns of a digit left out or of a letter in a numbered code', () => {
    const shown = (input: Json) => nearMisses(input).map((w) => w.message.en)
    expect(shown(holding(['engineering/080901', 'engineering/080901', 'engineering/08090']))).toEqual([
      'specialty code "engineering/08090" (used 1 time(s)) is one or two letters away from "engineering/080901" (used 2 time(s)); a typo?',
    ])
    expect(shown(holding(['law/0301', 'law/0301', 'law/03O1']))).toEqual([
      'specialty code "law/03O1" (used 1 time(s)) is one or two letters away from "law/0301" (used 2 time(s)); a typo?',
    ])
  })

  it('lists at most 20 near misses, and counts the others in one more warning', () => {
    const letters = 'abcdefghij'
    const codes = [...letters].flatMap((x) => [...letters].map((y) => `economy/f${x}${y}`))
    let pairs = 0
    for (let i = 0; i < codes.length; i++)
      for (let j = i + 1; j < codes.length; j++) if (levenshtein(codes[i]!, codes[j]!) <= 1) pairs++
    const warnings = nearMisses(holding(codes))
    expect(warnings).toHaveLength(21)
    expect(warnings[20]!.message.en).toBe(
      `${pairs - 20} more pair(s) of specialty codes are one or two letters apart, not listed one by one (only the first 20 are)`,
    )
    expect(warnings[20]!.paths).toHaveLength(20)
    expect(warnings[20]!.paths.every((p) => formatPath(p).startsWith('cadres[0].specialties['))).toBe(true)
  })

  it('compares codes one or two edits apart exactly as the edit distance does', () => {
    // long codes (12 characters or more) may be two edits apart, short ones one
    const codes = [
      'economy/finance',
      'economy/finnace',
      'economy/fiannce',
      'economy/fnance',
      'law/civil',
      'law/civl',
      'law/cvl',
    ]
    const warned = nearMisses(holding(codes)).map((w) =>
      w.message.en
        .match(/"([^"]+)".*"([^"]+)"/)!
        .slice(1, 3)
        .sort()
        .join(' ~ '),
    )
    const want: string[] = []
    for (let i = 0; i < codes.length; i++)
      for (let j = i + 1; j < codes.length; j++) {
        const [a, b] = [codes[i]!, codes[j]!]
        if (levenshtein(a, b) <= (Math.min(a.length, b.length) >= 12 ? 2 : 1))
          want.push([a, b].sort().join(' ~ '))
      }
    expect(warned.sort()).toEqual(want.sort())
  })
})

describe('GB 3304 numbers as a spreadsheet exports them', () => {
  const expected =
    'one of China\'s 56 ethnic groups (GB 3304); a GB 3304 number is written in digits only, 1–56, 97 or 98 ("01" or "1")'

  it('refuses "1.0", "2.0" and "1-1" for a cadre, saying how a number is written, rather than reading 10, 20 or 11', () => {
    for (const form of ['1.0', '2.0', '0.2', '1-1', '01.0']) {
      const issues = issuesOf(edit(valid(), [['cadres', 0, 'ethnicity'], form]))
      expect(issues.map((i) => [formatPath(i.path), i.expected, i.got])).toEqual([
        ['cadres[0].ethnicity', expected, JSON.stringify(form)],
      ])
    }
    expect(scenarioOf(edit(valid(), [['cadres', 0, 'ethnicity'], ' 01 '])).cadres[0]!.ethnicity).toBe('han')
  })

  it('refuses them the same way for a titular and a majority ethnicity', () => {
    const input = edit(
      valid(),
      [['teams', 0, 'area'], { ethnicAutonomous: true, titularEthnicity: '2.0' }],
      [['policy'], { structure: { minority: { majorityEthnicity: '1.0' } } }],
    )
    const issues = issuesOf(input)
    expect(issues.map((i) => [formatPath(i.path), i.expected])).toEqual([
      ['teams[0].area.titularEthnicity', expected],
      ['policy.structure.minority.majorityEthnicity', expected],
    ])
  })
})

describe('dictionary keys every object has', () => {
  it('refuses an indicator "__proto__" (once silently dropped), "constructor" or "prototype" at its path', () => {
    const input = edit(valid(), [
      ['cadres', 0, 'assessmentRecords'],
      [{ year: 2024, kind: 'annual', indicators: { ability: 80 } }],
    ])
    const withKey = (key: string): unknown =>
      JSON.parse(JSON.stringify(input).replace('{"ability":80}', `{${JSON.stringify(key)}:50,"ability":80}`))
    expect(scenarioOf(input).cadres[0]!.assessmentRecords![0]!.indicators!).toEqual({ ability: 80 })
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const r = decodeScenario(withKey(key))
      expect(r._tag === 'Left' && r.left.issues.map((i) => [i.path, i.expected, i.got])).toEqual([
        [
          ['cadres', 0, 'assessmentRecords', 0, 'indicators', key],
          'a key other than "__proto__", "constructor" and "prototype" (names every object has)',
          '50',
        ],
      ])
    }
  })
})

/** The order of issues before key ranks were read once: one Object.keys per comparison. */
function naiveSort(issues: readonly Issue[], input: unknown): Issue[] {
  const isRecord = (u: unknown): u is Record<string, unknown> =>
    typeof u === 'object' &&
    u !== null &&
    !Array.isArray(u) &&
    [null, Object.prototype].includes(Object.getPrototypeOf(u))
  const keyRank = (prefix: Path, key: string): number => {
    let node: unknown = input
    for (const k of prefix) {
      if (isRecord(node)) node = node[k as string]
      else if (Array.isArray(node)) node = node[k as number]
      else return Number.POSITIVE_INFINITY
    }
    const rank = isRecord(node) ? Object.keys(node).indexOf(key) : -1
    return rank < 0 ? Number.POSITIVE_INFINITY : rank
  }
  return [...issues].sort((a, b) => {
    for (let i = 0; i < Math.min(a.path.length, b.path.length); i++) {
      const [x, y] = [a.path[i]!, b.path[i]!]
      if (x === y) continue
      if (typeof x === 'number' && typeof y === 'number') return x - y
      if (typeof x === 'string' && typeof y === 'string') {
        const [rx, ry] = [keyRank(a.path.slice(0, i), x), keyRank(a.path.slice(0, i), y)]
        return rx === ry ? 0 : rx < ry ? -1 : 1
      }
      return 0
    }
    return a.path.length - b.path.length
  })
}

describe('many issues', () => {
  it('sorts 20,000 issues under one object into input order (once minutes: a search of its keys per comparison)', () => {
    const n = 20000
    const policy = Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 1]))
    const issues = Array.from({ length: n }, (_, i) => issue(['policy', `k${n - 1 - i}`], 'x', 1))
    const sorted = sortIssues(issues, { policy })
    expect(sorted.map((i) => i.path[1])).toEqual(Object.keys(policy))
  })

  it('sorts as before: keys in input order, keys the input lacks last, indices by number, parents first', () => {
    const input = {
      b: { y: [{ q: 1, p: 2 }, 3], x: 1 },
      a: [1, { s: 1, r: 2 }],
      c: 'text',
    }
    const paths: Path[] = [
      ['a', 1, 'r'],
      ['zz'],
      ['b', 'x'],
      ['a', 1, 's'],
      ['b', 'y', 0, 'p'],
      ['c', 'deep'],
      ['b'],
      ['a', 0],
      ['b', 'y', 0, 'q'],
      ['b', 'missing'],
      ['a', 1, 'missing'],
      ['c'],
      ['b', 'y', 1],
      ['a', 'odd'],
      ['yy'],
      [],
      ['b', 'y', 0, 'q', 'deeper'],
      ['a', 1],
    ]
    const issues = paths.map((p) => issue(p, 'x', 1))
    const want = naiveSort(issues, input).map((i) => formatPath(i.path))
    expect(sortIssues(issues, input).map((i) => formatPath(i.path))).toEqual(want)
    expect(sortIssues([...issues].reverse(), input).map((i) => formatPath(i.path))).toEqual(
      naiveSort([...issues].reverse(), input).map((i) => formatPath(i.path)),
    )
    expect(want.slice(0, 3)).toEqual(['(root)', 'b', 'b.y[0].q'])
  })
})
