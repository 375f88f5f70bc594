/**
 * `banzi bench`: a case stopped by its time limit is a result (its row gives
 * the bound proved, the exit code stays 0); only a wrong result exits 1 —
 * validator violations, an objective above the bound proved, or no proposal
 * for another reason than the time limit. Wrong results are made by a
 * `solve` that answers what the test gives it once, then solves as usual.
 */
import { isRight, left, right } from 'fp-ts/lib/Either.js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cli } from './helpers.js'
import { solve } from '../../src/proposals/index.js'
import { generateScenario } from '../../src/sample/index.js'

vi.mock('../../src/proposals/index.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/proposals/index.js')>()
  return { ...actual, solve: vi.fn(actual.solve) }
})

afterEach(() => {
  vi.mocked(solve).mockClear()
})

/** The proposal bench finds for the county of 40 cadres (its default seed), solved as usual. */
async function proposal40() {
  const r = await solve(generateScenario({ seed: 2026, cadres: 40 }), {})
  if (!isRight(r)) throw new Error('the county of 40 cadres must solve')
  return r.right
}

/** The one table row of a run. */
const rowOf = (out: string) => out.trimEnd().split('\n').at(-1)!

describe('banzi bench, exit codes', () => {
  it('a case that hits its time limit before any proposal is a result: its row, the bound, exit 0', async () => {
    const r = await cli('bench', '--sizes', '120', '--time-limit', '0.001')
    expect(r.code, r.out + r.err).toBe(0)
    expect(r.out).toContain(
      '| cadres | open posts | status | objective | bound | gap | seconds | violations |',
    )
    expect(rowOf(r.out)).toMatch(/^\| 120 \| \d+ \| time-limit \| /)
  })

  it('the bound proved before the time limit is in the row', async () => {
    vi.mocked(solve).mockResolvedValueOnce(
      left({ _tag: 'TimeLimit', bound: 123.456, message: 'no proposal' }),
    )
    const r = await cli('bench', '--sizes', '40')
    expect(r.code).toBe(0)
    expect(rowOf(r.out)).toMatch(/^\| 40 \| \d+ \| time-limit \| — \| 123\.46 \| — \| \d+\.\d\d \| — \|$/)
  })

  it('a proposal stopped by the time limit, checked and within its bound, is a result: exit 0', async () => {
    const p = await proposal40()
    vi.mocked(solve).mockResolvedValueOnce(
      right({
        ...p,
        status: 'time-limit' as const,
        bound: p.objective + 5,
        gap: 5 / Math.max(1, p.objective),
      }),
    )
    const r = await cli('bench', '--sizes', '40')
    expect(r.code).toBe(0)
    expect(rowOf(r.out)).toMatch(
      /^\| 40 \| \d+ \| time-limit \| [\d.-]+ \| [\d.-]+ \| [\d.]+% \| [\d.]+ \| 0 \|$/,
    )
  })

  it('a wrong result still exits 1: no proposal for another reason, violations, an objective above its bound', async () => {
    vi.mocked(solve).mockResolvedValueOnce(left({ _tag: 'Infeasible', conflicts: [], message: 'infeasible' }))
    const infeasible = await cli('bench', '--sizes', '40')
    expect(infeasible.code).toBe(1)
    expect(rowOf(infeasible.out)).toMatch(/\| Infeasible \|/)

    const p = await proposal40()
    // One cadre in two posts: the validator finds it.
    const filled = p.assignments.filter((x) => x.cadreId !== null)
    const [a, b] = filled
    expect(b).toBeDefined()
    const twice = {
      ...p,
      assignments: p.assignments.map((x) => (x === b ? { ...x, cadreId: a!.cadreId } : x)),
    }
    vi.mocked(solve).mockResolvedValueOnce(right(twice))
    const violations = await cli('bench', '--sizes', '40')
    expect(violations.code).toBe(1)
    expect(rowOf(violations.out)).toMatch(/\| [1-9]\d* \|$/)

    vi.mocked(solve).mockResolvedValueOnce(right({ ...p, bound: p.objective - 1 }))
    expect((await cli('bench', '--sizes', '40')).code).toBe(1)
  })

  it('a time-limited case does not hide a wrong result in another case', async () => {
    vi.mocked(solve)
      .mockResolvedValueOnce(left({ _tag: 'TimeLimit', bound: null, message: 'no proposal' }))
      .mockResolvedValueOnce(left({ _tag: 'SolverFailure', backend: 'highs', message: 'out of memory' }))
    const r = await cli('bench', '--sizes', '40,40')
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/\| time-limit \| — \| — \|/)
    expect(r.out).toMatch(/\| SolverFailure \|/)
  })
})
