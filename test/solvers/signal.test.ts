/**
 * Solves sharing one AbortSignal: banzi adds a single listener to it however
 * many solves are in flight (Node warns past ten listeners on one signal, and
 * the caller's signal is not banzi's to change), removes it with the last,
 * and an abort still reaches every solve.
 */
import { describe, expect, it } from 'vitest'
import { MilpBuilder } from '../../src/model/milp.js'
import type { Milp } from '../../src/model/milp.js'
import { highsSolver } from '../../src/solvers/highs.js'
import { jsLpSolver } from '../../src/solvers/jslp.js'
import { whenAborted } from '../../src/solvers/node-worker.js'
import type { Solver } from '../../src/solvers/solver.js'
import { gapMilp } from './gap-milp.js'

/** A signal whose abort listeners are counted: the most at once, and how many are left. */
function counted(signal: AbortSignal): { most: number; live: number } {
  const seen = { most: 0, live: 0 }
  const add = signal.addEventListener.bind(signal)
  const remove = signal.removeEventListener.bind(signal)
  const listeners = new Set<unknown>()
  signal.addEventListener = ((type: string, listener: EventListener, o?: AddEventListenerOptions) => {
    if (type === 'abort') listeners.add(listener)
    seen.live = listeners.size
    seen.most = Math.max(seen.most, seen.live)
    add(type, listener, o)
  }) as AbortSignal['addEventListener']
  signal.removeEventListener = ((type: string, listener: EventListener, o?: EventListenerOptions) => {
    if (type === 'abort') listeners.delete(listener)
    seen.live = listeners.size
    remove(type, listener, o)
  }) as AbortSignal['removeEventListener']
  return seen
}

/** max Σ c_j x_j, Σ x_j ≤ 2 over `n` binaries (seeded costs). */
function small(seed: number, n = 12): Milp {
  const b = new MilpBuilder()
  const cols = Array.from({ length: n }, (_, j) =>
    b.addColumn(`x${j}`, 1 + ((seed * 7 + j * 13) % 17), 0, 1, true),
  )
  b.addRow(
    'r',
    cols,
    cols.map(() => 1),
    -Infinity,
    2,
  )
  return b.build()
}

/** A generalized assignment instance (20 agents, 200 jobs) both backends take seconds or more on. */
const hard = (seed: number): Milp => gapMilp(20, 200, seed)

// Twelve javascript-lp-solver workers start in about a second; twelve HiGHS workers, each loading
// its wasm module, take far longer on two cores, and three show the same.
const backends: { solver: Solver; n: number }[] = [
  { solver: highsSolver, n: 3 },
  { solver: jsLpSolver, n: 12 },
]

describe.each(backends)('$solver.name solves sharing one signal', ({ solver, n }) => {
  it(`add one abort listener for ${n} solves in flight, and leave none`, async () => {
    const ac = new AbortController()
    const seen = counted(ac.signal)
    const warnings: string[] = []
    const warned = (w: Error) => warnings.push(w.name)
    process.on('warning', warned)
    try {
      const rs = await Promise.all(
        Array.from({ length: n }, (_, i) => solver.solve(small(i), { signal: ac.signal })),
      )
      expect(rs.map((r) => r.status)).toEqual(rs.map(() => 'optimal'))
      // Warnings are emitted on a later tick.
      await new Promise((resolve) => setTimeout(resolve, 20))
    } finally {
      process.off('warning', warned)
    }
    expect(seen.most).toBe(1)
    expect(seen.live).toBe(0)
    expect(warnings).not.toContain('MaxListenersExceededWarning')
  }, 60_000)

  it('reach every solve in flight with one abort', async () => {
    const ac = new AbortController()
    const seen = counted(ac.signal)
    const p = Promise.all(
      [1, 2, 3].map((seed) => solver.solve(hard(seed), { timeLimitMs: 30_000, signal: ac.signal })),
    )
    setTimeout(() => ac.abort(), 300)
    const rs = await p
    expect(rs.map((r) => r.status)).toEqual(['interrupted', 'interrupted', 'interrupted'])
    expect(seen.live).toBe(0)
  }, 60_000)
})

describe('whenAborted', () => {
  it('runs at once on a signal already aborted, and adds no listener', () => {
    const ac = new AbortController()
    ac.abort()
    const seen = counted(ac.signal)
    let runs = 0
    whenAborted(ac.signal, () => runs++)()
    expect([runs, seen.most]).toEqual([1, 0])
  })

  it('runs each watch once, only those still watching, and one that throws keeps none of the others from running', async () => {
    const ac = new AbortController()
    const ran: string[] = []
    const errors: unknown[] = []
    const onError = (e: unknown) => errors.push(e)
    process.on('uncaughtException', onError)
    try {
      whenAborted(ac.signal, () => ran.push('a'))
      const stop = whenAborted(ac.signal, () => ran.push('b'))
      whenAborted(ac.signal, () => {
        throw new Error('c')
      })
      whenAborted(ac.signal, () => ran.push('d'))
      stop()
      ac.abort()
      ac.abort()
      await new Promise((resolve) => setTimeout(resolve, 0))
    } finally {
      process.off('uncaughtException', onError)
    }
    expect(ran).toEqual(['a', 'd'])
    expect(errors).toHaveLength(1)
  })
})
