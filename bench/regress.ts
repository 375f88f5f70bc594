/**
 * The comparison behind `npm run bench:check`: a run of the check's cases
 * against the figures recorded in `bench/baseline.json` on the same machine.
 * A case is `slower` when its time exceeds the recorded one by more than the
 * tolerance (a ratio, 1.5 by default: this 2-core machine's noise is ±20 %),
 * `faster` below its inverse, and `different` when its value (an optimum, a
 * plan's value, an assignment's total) is not the recorded one — a changed
 * answer is flagged whatever the time, so the check also catches a wrong
 * number. Pure functions, tested in test/bench/regress.test.ts.
 */

/** What one case measured: the median time of its runs and the value it answered. */
export interface Measured {
  readonly ms: number
  /** The case's answer; two runs of the same code give the same value. */
  readonly value: number
}

/** The recorded figures (`bench/baseline.json`). */
export interface Baseline {
  /** When and where they were recorded (free text, for the reader). */
  readonly recorded: string
  readonly commit: string
  readonly machine: string
  readonly cases: Readonly<Record<string, Measured>>
}

/** How a case compares with its recorded figures. */
export type Verdict = 'ok' | 'slower' | 'faster' | 'different' | 'new' | 'failed'

/** One row of the check's table. */
export interface Compared {
  readonly name: string
  readonly verdict: Verdict
  readonly ms: number | null
  readonly baselineMs: number | null
  /** `ms / baselineMs` (null when either is missing). */
  readonly ratio: number | null
  readonly value: number | null
  readonly baselineValue: number | null
  /** Why the case failed to run (verdict `failed`). */
  readonly error: string | null
}

/** Values agree within this relative tolerance (the solver's own tolerance is finer). */
const VALUE_TOLERANCE = 1e-6

/** Whether two answers are the same, within {@link VALUE_TOLERANCE} relative to the larger. */
export function sameValue(a: number, b: number): boolean {
  if (a === b) return true
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false
  return Math.abs(a - b) <= VALUE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b))
}

/**
 * Compares one case's run (`now`: its figures, or the error it failed with)
 * with its recorded figures (`undefined`: none recorded). `tolerance` > 1.
 */
export function compare(
  name: string,
  now: Measured | { readonly error: string },
  recorded: Measured | undefined,
  tolerance: number,
): Compared {
  const base = {
    name,
    baselineMs: recorded?.ms ?? null,
    baselineValue: recorded?.value ?? null,
  }
  if ('error' in now)
    return { ...base, verdict: 'failed', ms: null, ratio: null, value: null, error: now.error }
  const ratio = recorded === undefined || !(recorded.ms > 0) ? null : now.ms / recorded.ms
  const verdict: Verdict =
    recorded === undefined
      ? 'new'
      : !sameValue(now.value, recorded.value)
        ? 'different'
        : ratio !== null && ratio > tolerance
          ? 'slower'
          : ratio !== null && ratio < 1 / tolerance
            ? 'faster'
            : 'ok'
  return { ...base, verdict, ms: now.ms, ratio, value: now.value, error: null }
}

/** Whether the check fails: a case slower than the tolerance, answering differently, or failing. */
export function fails(rows: readonly Compared[]): boolean {
  return rows.some((r) => r.verdict === 'slower' || r.verdict === 'different' || r.verdict === 'failed')
}

const num = (v: number | null, digits: number) =>
  v === null
    ? '–'
    : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

/** The check's table, in Markdown. */
export function renderTable(rows: readonly Compared[]): string {
  const lines = [
    '| case | ms | recorded ms | × recorded | value | recorded value | verdict |',
    '|---|---:|---:|---:|---:|---:|---|',
  ]
  for (const r of rows)
    lines.push(
      `| ${r.name} | ${num(r.ms, 0)} | ${num(r.baselineMs, 0)} | ${num(r.ratio, 2)} | ${num(r.value, 3)} | ${num(r.baselineValue, 3)} | ${r.verdict === 'ok' || r.verdict === 'new' || r.verdict === 'faster' ? r.verdict : `**${r.verdict}**`}${r.error === null ? '' : `: ${r.error.replace(/\|/g, '\\|').split('\n')[0]!}`} |`,
    )
  return lines.join('\n')
}

/** A measured figure read from JSON: a finite number `ms ≥ 0` and a finite `value`. */
function measuredAt(v: unknown, where: string): Measured | string {
  if (typeof v !== 'object' || v === null) return `${where}: expected an object, got ${JSON.stringify(v)}`
  const { ms, value } = v as Record<string, unknown>
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
    return `${where}.ms: expected a number ≥ 0, got ${JSON.stringify(ms)}`
  if (typeof value !== 'number' || !Number.isFinite(value))
    return `${where}.value: expected a finite number, got ${JSON.stringify(value)}`
  return { ms, value }
}

/**
 * Reads the recorded figures from the text of `bench/baseline.json`, or says
 * what is wrong with it, naming the place.
 */
export function decodeBaseline(text: string): Baseline | { readonly error: string } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    return { error: `baseline: not JSON (${(e as Error).message})` }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { error: `baseline: expected an object, got ${JSON.stringify(json)}` }
  const o = json as Record<string, unknown>
  for (const key of ['recorded', 'commit', 'machine'] as const)
    if (typeof o[key] !== 'string')
      return { error: `baseline.${key}: expected a string, got ${JSON.stringify(o[key])}` }
  if (typeof o.cases !== 'object' || o.cases === null || Array.isArray(o.cases))
    return { error: `baseline.cases: expected an object, got ${JSON.stringify(o.cases)}` }
  const entries: [string, Measured][] = []
  for (const [name, v] of Object.entries(o.cases)) {
    const m = measuredAt(v, `baseline.cases[${JSON.stringify(name)}]`)
    if (typeof m === 'string') return { error: m }
    entries.push([name, m])
  }
  // Own properties whatever the names (`__proto__` included).
  const cases = Object.fromEntries(entries)
  return { recorded: o.recorded as string, commit: o.commit as string, machine: o.machine as string, cases }
}
