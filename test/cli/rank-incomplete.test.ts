/**
 * `banzi solve --top k` on a ranking a stop ended early: a line on stderr
 * says so, and when fewer than k came back for the time limit the exit code
 * is the time limit's (3), the proposals found still printed and written. The
 * stop is made deterministic: `rankProposals` runs as it is, on a backend
 * whose first solve ends past the deadline (or whose second stops unproven).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { encodeScenario } from '../../src/io/encode.js'
import { generateScenario } from '../../src/sample/index.js'
import { highsSolver } from '../../src/solvers/highs.js'
import type { RankOptions } from '../../src/proposals/index.js'
import type { Solver } from '../../src/solvers/solver.js'
import { cli } from './helpers.js'

/** How the backend under the CLI's ranking behaves. */
const backend = { mode: 'plain' as 'plain' | 'late' | 'unproven' }

vi.mock('../../src/proposals/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/proposals/index.js')>()
  return {
    ...original,
    rankProposals: (scenario: Parameters<typeof original.rankProposals>[0], options: RankOptions = {}) => {
      if (backend.mode === 'plain') return original.rankProposals(scenario, options)
      const limit = options.timeLimitMs ?? 60_000
      let calls = 0
      const solver: Solver = {
        name: 'highs',
        solve: async (m, o) => {
          calls++
          const started = performance.now()
          const r = await highsSolver.solve(m, { ...o, timeLimitMs: 60_000 })
          if (backend.mode === 'unproven')
            return calls === 2 ? { ...r, status: 'time-limit', bound: (r.objective ?? 0) + 1 } : r
          // The first solve ends past the ranking's deadline.
          const late = limit + 50 - (performance.now() - started)
          if (late > 0) await new Promise((resolve) => setTimeout(resolve, late))
          return r
        },
      }
      // Diverse by 3 posts: every round is a solve (no exchange of two occupants reaches the next).
      return original.rankProposals(scenario, {
        ...options,
        mode: 'diverse',
        minDifference: 3,
        backend: solver,
      })
    },
  }
})

const dir = mkdtempSync(join(tmpdir(), 'banzi-cli-rank-'))
const county = join(dir, 'county.json')

beforeAll(() => {
  writeFileSync(county, JSON.stringify(encodeScenario(generateScenario({ seed: 1, cadres: 120 }))))
})

describe('banzi solve --top on an incomplete ranking', () => {
  it('fewer than k for the time limit: a line on stderr, exit 3, the proposal found printed and written', async () => {
    backend.mode = 'late'
    const out = join(dir, 'ranked.json')
    const r = await cli('solve', county, '--top', '3', '--time-limit', '0.3', '--lang', 'en', '--out', out)
    expect(r.code).toBe(3)
    expect(r.err).toMatch(
      /ranking incomplete \(stopped by the time limit\): 1 of 3 proposals, more may exist; bound for the rest \d/,
    )
    expect(r.out).toContain('independent validator: 0 violations')
    expect((JSON.parse(readFileSync(out, 'utf8')) as unknown[]).length).toBe(1)

    const zh = await cli('solve', county, '--top', '3', '--time-limit', '0.3')
    expect(zh.code).toBe(3)
    expect(zh.err).toContain('排序未完成（到达时限）：得到 1 个方案，要求 3 个，可能还有其他方案')

    const machine = await cli('solve', county, '--top', '3', '--time-limit', '0.3', '--json')
    expect(machine.code).toBe(3)
    const parsed = JSON.parse(machine.out) as {
      result: unknown[]
      ranking: { complete: boolean; stopped: string | null; nextBound: number | null }
    }
    expect(parsed.result).toHaveLength(1)
    expect(parsed.ranking).toMatchObject({ complete: false, stopped: 'time-limit' })
    expect(typeof parsed.ranking.nextBound).toBe('number')
  })

  it('k proposals, the last unproven: a line on stderr, exit 0 as for one unproven proposal', async () => {
    backend.mode = 'unproven'
    const r = await cli('solve', county, '--top', '2', '--lang', 'en')
    expect(r.code).toBe(0)
    expect(r.err).toContain(
      'ranking incomplete (stopped by the time limit): 2 of 2 proposals, the last not proven optimal',
    )
  })

  it('a complete ranking says nothing more and exits 0; its JSON says complete', async () => {
    backend.mode = 'plain'
    const r = await cli('solve', county, '--top', '2', '--json')
    expect(r.code).toBe(0)
    expect(r.err).not.toContain('排序未完成')
    const parsed = JSON.parse(r.out) as { result: unknown[]; ranking: unknown }
    expect(parsed.result).toHaveLength(2)
    expect(parsed.ranking).toEqual({ complete: true, stopped: null, nextBound: null })
  })
})
