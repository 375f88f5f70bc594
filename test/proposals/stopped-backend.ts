/**
 * A backend whose every optimal solve "stops" as a time limit would: an
 * incumbent that staffs like the optimum but with its auxiliary columns at
 * their worst — every temperament indicator (`has:`) as low, every head
 * change (`changed:`) and every slack as high as the rows allow — the
 * incumbent a stopped MILP may hold (`has ≤ Σ x` leaves `has = 0` feasible,
 * paying slack for a temperament the team has). Its bound is the optimum plus
 * `margin`, a valid bound for the model it was given.
 */
import { editMilp } from '../../src/model/index.js'
import { highsSolver } from '../../src/solvers/highs.js'
import type { Solver } from '../../src/solvers/solver.js'

export function stoppedBackend(margin: number): Solver & { stops: number; incumbents: number[] } {
  const backend = {
    name: 'stopped',
    /** How many solves stopped, and the objective of each incumbent handed back (its slack paid). */
    stops: 0,
    incumbents: [] as number[],
    async solve(...[m, options]: Parameters<Solver['solve']>) {
      const r = await highsSolver.solve(m, options)
      if (r.status !== 'optimal' || r.values === null) return r
      const x = r.values
      const colBounds: (readonly [number, number, number])[] = []
      const colCosts: (readonly [number, number])[] = []
      m.colNames.forEach((name, j) => {
        if (name.startsWith('x:') || name.startsWith('vacant:')) {
          const v = Math.round(x[j]!)
          colBounds.push([j, v, v])
          colCosts.push([j, 0])
        } else if (name.startsWith('has:')) colCosts.push([j, -1])
        else if (name.startsWith('changed:') || name.startsWith('slack:')) {
          colCosts.push([j, 1])
          // An unbounded slack (average age) is raised by a few units, not without end.
          if (m.colUpper[j] === Infinity) colBounds.push([j, m.colLower[j]!, x[j]! + 7])
        } else colCosts.push([j, 0])
      })
      const worst = await highsSolver.solve(editMilp(m, { colBounds, colCosts }), options)
      if (worst.status !== 'optimal' || worst.values === null) throw new Error(`worst: ${worst.status}`)
      let objective = 0
      for (let j = 0; j < m.colCost.length; j++) objective += m.colCost[j]! * worst.values[j]!
      backend.stops++
      backend.incumbents.push(objective)
      return {
        ...r,
        status: 'time-limit' as const,
        values: worst.values,
        objective,
        bound: r.objective! + margin,
      }
    },
  }
  return backend
}
