/**
 * One county case of the suite, run in its own process (so that peak RSS is
 * the case's own): banzi with HiGHS (median of 3), banzi with
 * javascript-lp-solver (capped), the greedy baseline, and — when installed —
 * CBC on the exported LP and scipy's milp on the exported MPS.
 */
import { validateProposal } from '../src/check/index.js'
import type { Proposal } from '../src/domain/proposal.js'
import { exportModel } from '../src/model/export.js'
import { formulate, sizeOf } from '../src/model/index.js'
import { solveModel } from '../src/proposals/index.js'
import { greedy } from './greedy.js'
import { countyInstance } from './instances.js'
import type { Variant } from './instances.js'
import { runCbc, runScipyMilp, tempFile } from './references.js'
import type { Run } from './references.js'

export interface CountyConfig {
  readonly timeLimitMs: number
  /** javascript-lp-solver's cap, or 0 to leave it out. */
  readonly jslpCapMs: number
  readonly references: boolean
  /** Above this many columns the references are not run (their own limits, and file sizes of hundreds of MB). */
  readonly referenceMaxColumns: number
}

/** Quality facts of one proposal, for the banzi-vs-greedy table. */
export interface Quality {
  readonly violations: number
  readonly vacancies: number
  readonly fit: number
  /** Mean over teams of the fit of the team's worst filled open post. */
  readonly worstPostFit: number
}

export interface CountyResult {
  readonly instance: string
  readonly cadres: number
  readonly variant: Variant
  readonly teams: number
  readonly openPosts: number
  readonly columns: number
  readonly rows: number
  readonly formulateMs: number
  readonly runs: readonly (Run & { violations: number | null })[]
  readonly banzi: Quality | null
  readonly greedy: Quality & { objective: number; swaps: number }
  readonly peakRssMb: number
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

function quality(p: Proposal, violations: number): Quality {
  const worst = new Map<string, number>()
  let fit = 0
  let vacancies = 0
  for (const a of p.assignments) {
    if (a.cadreId === null) {
      vacancies++
      continue
    }
    fit += a.fit
    worst.set(a.teamId, Math.min(worst.get(a.teamId) ?? Infinity, a.fit))
  }
  const w = [...worst.values()]
  return {
    violations,
    vacancies,
    fit,
    worstPostFit: w.length === 0 ? 0 : w.reduce((s, v) => s + v, 0) / w.length,
  }
}

export async function countyCase(cadres: number, variant: Variant, cfg: CountyConfig): Promise<CountyResult> {
  const scenario = countyInstance(cadres, variant)
  let t = performance.now()
  const model = formulate(scenario)
  const formulateMs = performance.now() - t
  const size = sizeOf(model.milp)
  const runs: (Run & { violations: number | null })[] = []

  const times: number[] = []
  let best: Proposal | null = null
  let status = 'n/a'
  let note: string | undefined
  for (let r = 0; r < 3; r++) {
    t = performance.now()
    const res = await solveModel(model, { timeLimitMs: cfg.timeLimitMs })
    times.push(performance.now() - t)
    if (res._tag === 'Left') {
      status = res.left._tag
      note = res.left.message.split('\n')[0]
    } else {
      status = res.right.status
      best = res.right
    }
    if (status !== 'optimal') break // a time-limited or failed case is not repeated
  }
  const banziViolations = best === null ? null : validateProposal(scenario, best).length
  runs.push({
    solver: 'banzi HiGHS',
    status,
    objective: best?.objective ?? null,
    timeMs: median(times),
    violations: banziViolations,
    ...(note === undefined ? {} : { note }),
  })

  if (cfg.jslpCapMs > 0) {
    t = performance.now()
    const res = await solveModel(model, { backend: 'javascript-lp-solver', timeLimitMs: cfg.jslpCapMs })
    const ms = performance.now() - t
    runs.push(
      res._tag === 'Left'
        ? {
            solver: 'banzi jslp',
            status: res.left._tag,
            objective: null,
            timeMs: ms,
            violations: null,
            note: res.left.message.split('\n')[0]!.slice(0, 120),
          }
        : {
            solver: 'banzi jslp',
            status: res.right.status,
            objective: res.right.objective,
            timeMs: ms,
            violations: validateProposal(scenario, res.right).length,
          },
    )
  }

  const g = greedy(model)
  runs.push({
    solver: 'greedy',
    status: 'heuristic',
    objective: g.objective,
    timeMs: g.timeMs,
    violations: g.violations.length,
  })

  if (cfg.references && size.columns <= cfg.referenceMaxColumns) {
    const name = `county-${cadres}-${variant}`
    const limitS = Math.ceil(cfg.timeLimitMs / 1000)
    runs.push({ ...runCbc(tempFile(`${name}.lp`, exportModel(model, 'lp')), limitS), violations: null })
    runs.push({
      ...runScipyMilp(tempFile(`${name}.mps`, exportModel(model, 'mps')), limitS),
      violations: null,
    })
  } else if (cfg.references)
    runs.push({
      solver: 'references',
      status: 'not run',
      objective: null,
      timeMs: null,
      violations: null,
      note: `${size.columns} columns > ${cfg.referenceMaxColumns}`,
    })

  return {
    instance: `county-${cadres}${variant === 'default' ? '' : `-${variant}`}`,
    cadres,
    variant,
    teams: scenario.teams.length,
    openPosts: scenario.openPosts.length,
    columns: size.columns,
    rows: size.rows,
    formulateMs,
    runs,
    banzi: best === null ? null : quality(best, banziViolations!),
    greedy: { ...quality(g.proposal, g.violations.length), objective: g.objective, swaps: g.swaps },
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }
}
