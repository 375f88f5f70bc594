import { describe, expect, it } from 'vitest'
import { renderValue } from '../../src/io/errors.js'
import { formatIssues, formatPath } from '../../src/io/index.js'
import { edit, valid } from './fixtures.js'
import { issuesOf } from './helpers.js'

describe('formatPath', () => {
  it('prints keys as accessors and indices in brackets', () => {
    expect(formatPath(['cadres', 12, 'birth'])).toBe('cadres[12].birth')
    expect(formatPath([3, 'x'])).toBe('[3].x')
  })

  it('quotes keys that are not identifiers', () => {
    expect(formatPath(['policy', 'people', 'ladder', 'minYearsAtRank', 'section-member'])).toBe(
      'policy.people.ladder.minYearsAtRank["section-member"]',
    )
    expect(formatPath(['a b', '', '0'])).toBe('["a b"][""]["0"]')
  })

  it('keeps a key with a line break on one line', () => {
    expect(formatPath(['policy', 'wo\nmen'])).toBe('policy["wo\\nmen"]')
  })

  it('cuts a very long key', () => {
    expect(formatPath(['policy', 'k'.repeat(100)])).toBe(`policy.${'k'.repeat(59)}…`)
  })

  it('prints the empty path as (root)', () => {
    expect(formatPath([])).toBe('(root)')
  })
})

describe('formatIssues', () => {
  it('prints one line per issue', () => {
    const input = edit(
      valid(),
      [['cadres', 0, 'birth'], '1985/13'],
      [['county'], ''],
      [['policy'], { woman: 1 }],
    )
    expect(formatIssues({ _tag: 'InvalidScenario', issues: issuesOf(input) })).toMatchInlineSnapshot(`
      "→ at county: expected non-empty string, got ""
      → at cadres[0].birth: expected YYYY-MM, got "1985/13"
      → at policy.woman: expected a known key (one of "structure", "stability", "people", "fit", "vacancy", "assessment"), got 1"
    `)
  })

  it('prints nothing for no issues', () => {
    expect(formatIssues({ _tag: 'InvalidScenario', issues: [] })).toBe('')
  })
})

describe('renderValue', () => {
  it('renders what JSON cannot say', () => {
    expect([Number.NaN, -Infinity, -0, 10n, Symbol('s'), Symbol(), undefined, null].map(renderValue)).toEqual(
      ['NaN', '-Infinity', '-0', '10n', 'Symbol("s")', 'Symbol()', 'undefined', 'null'],
    )
  })

  it('cuts long values to about 60 characters', () => {
    expect(renderValue('x'.repeat(500))).toBe(`"${'x'.repeat(58)}…`)
    expect(renderValue(Array.from({ length: 100 }, (_, i) => i))).toBe('[0,1,2,3,4,5,6,7,…]')
    expect(renderValue({ name: 'y'.repeat(100) })).toHaveLength(60)
  })

  it('cuts deep values', () => {
    expect(renderValue([[[[['deep']]]]])).toBe('[[[[…]]]]')
  })
})
