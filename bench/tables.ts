/**
 * Markdown tables of the suite: one row per (instance, solver), the quality
 * table (banzi against the greedy clerk), and the ratios the issue asks for.
 */
import type { CountyResult } from './county.js'
import type { OrLibCase } from './orlib.js'
import type { Run } from './references.js'

const fmt = (v: number | null | undefined, digits = 0) =>
  v === null || v === undefined
    ? '–'
    : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const obj = (v: number | null) => (v === null ? '–' : Number.isInteger(v) ? String(v) : v.toFixed(6))

function table(head: readonly string[], rows: readonly (readonly string[])[]): void {
  console.log(`| ${head.join(' | ')} |`)
  console.log(`|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`)
  for (const r of rows) console.log(`| ${r.join(' | ')} |`)
}

/** Shortfall from the best known value, in the instance's sense, relative; `0` for a match. */
function gapToBest(r: Run, best: number | null, sense: 'min' | 'max'): string {
  if (r.objective === null || best === null) return '–'
  const g = ((sense === 'max' ? best - r.objective : r.objective - best) / Math.max(1, Math.abs(best))) * 100
  return Math.abs(g) < 1e-9 ? '0' : `${g.toFixed(g < 0.01 ? 4 : 2)} %`
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export function printTables(
  county: readonly (CountyResult | { instance: string; failure: string })[],
  orlib: readonly OrLibCase[],
  fit: { k: number } | null,
): void {
  const rows: string[][] = []
  for (const c of county) {
    if (!('runs' in c)) {
      rows.push([c.instance, '–', 'all', '–', 'crashed', '–', '–', '–', '–'])
      continue
    }
    const exact = c.runs.filter(
      (r) => r.status === 'optimal' && r.solver !== 'greedy' && r.objective !== null,
    )
    const best = exact.length > 0 ? Math.max(...exact.map((r) => r.objective!)) : null
    for (const r of c.runs)
      rows.push([
        c.instance,
        `${fmt(c.cadres)} cadres, ${fmt(c.columns)} × ${fmt(c.rows)}`,
        r.solver,
        fmt(r.timeMs),
        r.note === undefined ? r.status : `${r.status} (${r.note})`,
        obj(r.objective),
        gapToBest(r, best, 'max'),
        r.violations === null || r.violations === undefined ? '–' : String(r.violations),
        fmt(c.peakRssMb),
      ])
  }
  for (const c of orlib)
    for (const r of c.runs)
      rows.push([
        c.instance,
        c.size,
        r.solver,
        fmt(r.timeMs, r.timeMs !== null && r.timeMs < 10 ? 1 : 0),
        r.note === undefined ? r.status : `${r.status} (${r.note})`,
        obj(r.objective),
        gapToBest(r, c.optimum ?? r.objective, c.sense),
        '–',
        '–',
      ])
  console.log('\n### Speed and agreement\n')
  table(
    [
      'instance',
      'size (variables × rows)',
      'solver',
      'time ms (median of 3)',
      'status',
      'objective',
      'gap to best known',
      'violations',
      'peak RSS MB',
    ],
    rows,
  )

  const done = county.filter((c): c is CountyResult => 'runs' in c)
  console.log('\n### Quality: banzi against the greedy clerk\n')
  table(
    [
      'instance',
      'hard-rule violations (banzi / greedy)',
      'vacancies (banzi / greedy)',
      'total fit (banzi / greedy)',
      'banzi fit ÷ greedy fit',
      'worst post per team, mean fit (banzi / greedy)',
      'objective (banzi / greedy)',
    ],
    done.map((c) => [
      c.instance,
      `${c.banzi?.violations ?? '–'} / ${c.greedy.violations}`,
      `${c.banzi?.vacancies ?? '–'} / ${c.greedy.vacancies}`,
      `${fmt(c.banzi?.fit, 1)} / ${fmt(c.greedy.fit, 1)}`,
      c.banzi === null ? '–' : (c.banzi.fit / c.greedy.fit).toFixed(3),
      `${fmt(c.banzi?.worstPostFit, 1)} / ${fmt(c.greedy.worstPostFit, 1)}`,
      `${obj(c.runs[0]!.objective)} / ${obj(c.greedy.objective)}`,
    ]),
  )

  console.log('\n### Ratios\n')
  const timeOf = (runs: readonly Run[], solver: string) =>
    runs.find((r) => r.solver === solver && r.status === 'optimal')?.timeMs ?? null
  for (const c of done) {
    const b = timeOf(c.runs, 'banzi HiGHS')
    const s = timeOf(c.runs, 'scipy milp')
    if (b !== null && s !== null)
      console.log(`- ${c.instance}: banzi HiGHS / native HiGHS (scipy milp) = ${(b / s).toFixed(2)}`)
  }
  for (const c of orlib.filter((o) => o.instance.startsWith('uniform'))) {
    const l = timeOf(c.runs, 'linearSumAssignment')
    const s = timeOf(c.runs, 'scipy lsa')
    if (l !== null && s !== null)
      console.log(
        `- ${c.instance}: linearSumAssignment / scipy linear_sum_assignment = ${(l / s).toFixed(2)}`,
      )
  }
  const fitRatios = done.filter((c) => c.banzi !== null).map((c) => c.banzi!.fit / c.greedy.fit)
  if (fitRatios.length > 0)
    console.log(
      `- banzi fit / greedy fit: median ${median(fitRatios)!.toFixed(3)} over ${fitRatios.length} counties`,
    )
  if (fit !== null)
    console.log(
      `- scaling: banzi HiGHS solve time ∝ variables^${fit.k.toFixed(2)} (least squares on log-log, default counties solved to optimality)`,
    )
}
