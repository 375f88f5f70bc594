/**
 * A seeded generalized assignment instance as a Milp (jobs to capacitated
 * agents, maximise), hard enough that branch and bound runs far past the
 * limits the solver tests set: shared by the tests of backends, of
 * javascript-lp-solver and of signals.
 */
import { MilpBuilder } from '../../src/model/milp.js'
import type { Milp } from '../../src/model/milp.js'

/** Seeded LCG so the instance is the same on every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/** `agents` × `jobs` binaries; each agent's capacity 0.8 of its fair share of its weights. */
export function gapMilp(agents: number, jobs: number, seed: number): Milp {
  const r = rng(seed)
  const b = new MilpBuilder()
  const x: number[][] = []
  for (let i = 0; i < agents; i++) {
    x.push([])
    for (let j = 0; j < jobs; j++)
      x[i]!.push(b.addColumn(`x:${i}:${j}`, 10 + Math.floor(r() * 40), 0, 1, true))
  }
  for (let j = 0; j < jobs; j++)
    b.addRow(
      `job:${j}`,
      x.map((row) => row[j]!),
      x.map(() => 1),
      1,
      1,
    )
  for (let i = 0; i < agents; i++) {
    const w = x[i]!.map(() => 5 + Math.floor(r() * 20))
    const cap = Math.floor((w.reduce((s, v) => s + v, 0) / agents) * 0.8)
    b.addRow(`agent:${i}`, x[i]!, w, -Infinity, cap)
  }
  return b.build()
}
