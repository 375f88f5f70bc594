import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compare, decodeBaseline, fails, renderTable, sameValue, type Measured } from '../../bench/regress.js'

const measured = fc.record({
  ms: fc.double({ min: 0.001, max: 1e6, noNaN: true }),
  value: fc.double({ min: -1e9, max: 1e9, noNaN: true }),
})
const tolerance = fc.double({ min: 1.01, max: 4, noNaN: true })

describe('bench:check comparison', () => {
  it('flags a changed answer whatever the time, and otherwise judges the time by the tolerance', () => {
    fc.assert(
      fc.property(measured, measured, tolerance, (now, recorded, tol) => {
        const r = compare('case', now, recorded, tol)
        const ratio = now.ms / recorded.ms
        expect(r.ratio).toBeCloseTo(ratio, 9)
        if (!sameValue(now.value, recorded.value)) expect(r.verdict).toBe('different')
        else if (ratio > tol) expect(r.verdict).toBe('slower')
        else if (ratio < 1 / tol) expect(r.verdict).toBe('faster')
        else expect(r.verdict).toBe('ok')
        expect(fails([r])).toBe(r.verdict === 'slower' || r.verdict === 'different')
      }),
    )
  })

  it('takes the same answer within 1e-6 relative as the same, and a real change as different', () => {
    expect(sameValue(12683.325, 12683.325 * (1 + 1e-9))).toBe(true)
    expect(sameValue(0, 1e-9)).toBe(true)
    expect(sameValue(75181.8, 75130.9)).toBe(false)
    expect(sameValue(1, NaN)).toBe(false)
    const slower = compare('rotation', { ms: 22_200, value: 75_130.9 }, { ms: 5_500, value: 75_130.9 }, 1.5)
    expect(slower.verdict).toBe('slower')
    const changed = compare('rotation', { ms: 5_400, value: 75_181.8 }, { ms: 5_500, value: 75_130.9 }, 1.5)
    expect(changed.verdict).toBe('different')
  })

  it('calls a case without recorded figures new, and one that did not run failed', () => {
    const fresh = compare('x', { ms: 10, value: 1 }, undefined, 1.5)
    expect(fresh).toMatchObject({ verdict: 'new', ratio: null, baselineMs: null })
    expect(fails([fresh])).toBe(false)
    const broken = compare('x', { error: 'solve: Infeasible' }, { ms: 10, value: 1 }, 1.5)
    expect(broken).toMatchObject({ verdict: 'failed', ms: null, error: 'solve: Infeasible' })
    expect(fails([fresh, broken])).toBe(true)
  })

  it('prints one row per case, with a failure reason that cannot break the table', () => {
    const rows = [
      compare('a', { ms: 10, value: 1 }, { ms: 10, value: 1 }, 1.5),
      compare('b', { error: 'bad | pipe\nsecond line' }, undefined, 1.5),
    ]
    const lines = renderTable(rows).split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[3]).toContain('**failed**: bad \\| pipe |')
    expect(lines[3]).not.toContain('second line')
    for (const l of lines) expect(l.startsWith('|') && l.endsWith('|')).toBe(true)
  })
})

describe('bench/baseline.json decoding', () => {
  it('never throws, and reads back what it would write', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const d = decodeBaseline(text)
        expect(typeof d).toBe('object')
      }),
    )
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(fc.string(), fc.constant('__proto__')), measured), (cases) => {
        const b = { recorded: '2026-12-07', commit: 'abc1234', machine: 'linux x64', cases }
        const text = JSON.stringify(b)
        expect(decodeBaseline(text)).toEqual(JSON.parse(text))
      }),
    )
  })

  it('names the place of what is wrong', () => {
    const ok = { recorded: 'r', commit: 'c', machine: 'm', cases: { a: { ms: 1, value: 2 } } }
    const bad = (o: unknown) => {
      const d = decodeBaseline(JSON.stringify(o))
      return 'error' in d ? d.error : null
    }
    expect(decodeBaseline('{')).toHaveProperty('error')
    expect(bad([])).toMatch(/^baseline: expected an object/)
    expect(bad({ ...ok, commit: 1 })).toBe('baseline.commit: expected a string, got 1')
    expect(bad({ ...ok, cases: { a: { ms: -1, value: 2 } } })).toBe(
      'baseline.cases["a"].ms: expected a number ≥ 0, got -1',
    )
    expect(bad({ ...ok, cases: { a: { ms: 1 } } })).toMatch(
      /^baseline\.cases\["a"\]\.value: expected a finite number/,
    )
    const m: Measured = { ms: 1, value: 2 }
    expect(decodeBaseline(JSON.stringify(ok))).toEqual({ ...ok, cases: { a: m } })
  })
})
