import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseOrLibrary } from '../../src/io/orlib.js'
import { ASSIGN_FILES, loadAssign } from '../fixtures/orlib/parse.js'
import { GAP_FILES } from '../fixtures/orlib/gap.js'

const fixture = (path: string) => readFileSync(new URL(`../fixtures/orlib/${path}`, import.meta.url), 'utf8')

describe('parseOrLibrary(text, "assign")', () => {
  it.each(ASSIGN_FILES)('reads %s as the fixture reader does', (name) => {
    const r = parseOrLibrary(fixture(`assign/${name}.txt`), 'assign')
    if (r._tag === 'Left') throw new Error(r.left.message)
    const expected = loadAssign(name)
    expect(r.right.cost.rows).toBe(expected.rows)
    expect(r.right.cost.data).toEqual(expected.data)
  })

  it('names the token, line and column of a non-integer', () => {
    const r = parseOrLibrary('2\n 4 1\n 2 x\n', 'assign')
    expect(r).toEqual({
      _tag: 'Left',
      left: {
        _tag: 'OrLibraryError',
        format: 'assign',
        token: 5,
        line: 3,
        column: 4,
        message: 'token 5 (line 3, column 4): expected cost (2, 2) of 4 (an integer), found "x"',
      },
    })
  })

  it('quotes the offending token as JSON: control characters escaped, a long token cut', () => {
    const nul = parseOrLibrary('2\u0000 4 1 2 9', 'assign')
    expect(nul._tag === 'Left' && nul.left.message).toBe(
      'token 1 (line 1, column 1): expected the size n (an integer), found "2\\u0000"',
    )
    const bell = parseOrLibrary('1 7 \u0007', 'assign')
    expect(bell._tag === 'Left' && bell.left.message).toBe(
      'token 3 (line 1, column 5): unexpected "\\u0007" after the 1 × 1 costs',
    )
    const long = parseOrLibrary(`1 ${'x'.repeat(100_000)}`, 'assign')
    expect(long._tag === 'Left' && long.left.message.length).toBeLessThan(200)
  })

  it('says where a short file ends', () => {
    const r = parseOrLibrary('3\n 1 2 3\n', 'assign')
    expect(r._tag === 'Left' && r.left.message).toBe(
      'token 5 (line 3, column 1): expected cost (2, 1) of 9, but the text ends after 4 tokens',
    )
  })

  it('rejects trailing tokens and a size below 1', () => {
    const extra = parseOrLibrary('1 7 8', 'assign')
    expect(extra._tag === 'Left' && extra.left.message).toBe(
      'token 3 (line 1, column 5): unexpected "8" after the 1 × 1 costs',
    )
    const empty = parseOrLibrary('   \n', 'assign')
    expect(empty._tag === 'Left' && empty.left.token).toBe(1)
    const zero = parseOrLibrary('0', 'assign')
    expect(zero._tag === 'Left' && zero.left.message).toContain('expected the size n of at least 1, found 0')
  })
})

describe('parseOrLibrary(text, "gap")', () => {
  it.each(GAP_FILES)('reads every problem of %s with consistent sizes', (name) => {
    const r = parseOrLibrary(fixture(`gap/${name}.txt`), 'gap')
    if (r._tag === 'Left') throw new Error(r.left.message)
    // Per the OR-Library format: gap1–gap12 hold 5 problems each, gapa–gapd 6.
    expect(r.right.problems).toHaveLength(/^gap[a-d]$/.test(name) ? 6 : 5)
    for (const p of r.right.problems) {
      expect(p.cost).toHaveLength(p.agents)
      expect(p.weight.every((row) => row.length === p.jobs)).toBe(true)
      expect(p.capacity).toHaveLength(p.agents)
    }
  })

  it('reads the first problem of gap1 as published (c515-1: 5 agents, 15 jobs)', () => {
    const r = parseOrLibrary(fixture('gap/gap1.txt'), 'gap')
    if (r._tag === 'Left') throw new Error(r.left.message)
    const p = r.right.problems[0]!
    expect([p.agents, p.jobs]).toEqual([5, 15])
    // First tokens of gap1.txt after "5 / 5 15".
    expect(Array.from(p.cost[0]!.slice(0, 3))).toEqual([17, 21, 22])
  })

  it('names the missing capacity of a truncated problem', () => {
    const r = parseOrLibrary('1\n2 2\n1 2 3 4\n1 1 1 1\n10\n', 'gap')
    expect(r._tag === 'Left' && r.left.message).toBe(
      'token 13 (line 6, column 1): expected capacity of agent 2 of problem 1, but the text ends after 12 tokens',
    )
  })

  it('checks a declared size against the text before allocating: Left, never a RangeError', () => {
    const assign = parseOrLibrary('1000000\n 1 2', 'assign')
    expect(assign._tag === 'Left' && assign.left.message).toBe(
      'token 4 (line 2, column 5): expected cost (1, 3) of 1000000000000, but the text ends after 3 tokens',
    )
    // 20,000 × 20,000 would allocate about 3 GB before reading a number.
    const started = Date.now()
    const gap = parseOrLibrary('1\n20000 20000\n 1 2 3', 'gap')
    expect(gap._tag === 'Left' && gap.left.message).toBe(
      'token 7 (line 3, column 7): expected cost (agent 1, job 4) of problem 1, but the text ends after 6 tokens',
    )
    expect(Date.now() - started).toBeLessThan(1_000)
    // A bad token before the end is still named first.
    const bad = parseOrLibrary('1000 1 x', 'assign')
    expect(bad._tag === 'Left' && bad.left.message).toContain('found "x"')
  })

  it('returns Left, never throws, on malformed text of either format', () => {
    for (const text of ['', '-', '1 1 1', '1\n1 1\n1.5 1 1', 'x'.repeat(50), '2 1 1 5 5 5'])
      for (const format of ['assign', 'gap'] as const) expect(parseOrLibrary(text, format)._tag).toBe('Left')
  })
})
