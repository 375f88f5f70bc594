/**
 * Words the faces share: why a candidate did not get a post, said the same
 * way by the command line and the proposal workbook; what a rule costs, said
 * the same way by the command line and the report.
 *
 * @module
 * @internal
 */
import {
  PUNCTUATION,
  RULE_LABELS,
  RUNNER_UP_LABELS,
  UI_PHRASES,
  UI_WORDS,
  type Lang,
} from '../domain/codes.js'
import type { Scenario } from '../domain/types.js'
import type { Relaxation, RuleCost, RunnerUpOutcome } from '../proposals/index.js'

/**
 * A name and, when it does not say alone what it names, the id to show beside
 * it: a cadre's name shared by another cadre, a post's title that another
 * post of the same team has.
 * @internal
 */
export interface Named {
  readonly name: string
  readonly id: string | null
}

/** Each value's count in `values`. */
const counted = (values: readonly string[]): Map<string, number> => {
  const n = new Map<string, number>()
  for (const v of values) n.set(v, (n.get(v) ?? 0) + 1)
  return n
}

/**
 * The cadres of a scenario by id, each with their id beside the name when
 * another cadre has the same name (an unknown id as it is).
 * @internal
 */
export function cadreNames(scenario: Scenario): (id: string) => Named {
  const names = new Map(scenario.cadres.map((c) => [c.id, c.name]))
  const n = counted(scenario.cadres.map((c) => c.name))
  return (id) => {
    const name = names.get(id)
    return name === undefined ? { name: id, id: null } : { name, id: (n.get(name) ?? 0) > 1 ? id : null }
  }
}

/**
 * The posts of a scenario by id: the team's name and the post's title, with
 * the post's id when another post of the team has the same title (two
 * 副院长 of one court); an unknown id as it is.
 * @internal
 */
export function postNames(scenario: Scenario): (id: string) => { readonly team: string } & Named {
  const posts = new Map(
    scenario.teams.flatMap((team) => {
      const titles = counted(team.posts.map((p) => p.title))
      return team.posts.map((p) => [
        p.id,
        { team: team.name, title: p.title, shared: titles.get(p.title)! > 1 },
      ])
    }),
  )
  return (id) => {
    const p = posts.get(id)
    return p === undefined
      ? { team: '', name: id, id: null }
      : { team: p.team, name: p.title, id: p.shared ? id : null }
  }
}

/** A name as text, its id in brackets beside it when it has one to show (`乌云（C00753）`, `Wu (C00753)`). @internal */
export const namedText = (n: Named, lang: Lang): string =>
  n.id === null ? n.name : `${n.name}${PUNCTUATION.open[lang]}${n.id}${PUNCTUATION.close[lang]}`

/**
 * `x` in units of `10^-d`, rounded as people round: `x` snapped to 1e-9 (its
 * decimal value: 46.65 is stored as 46.6499…), then halves away from zero
 * (46.65 → 46.7, 69.25 → 69.3, −0.05 → −0.1); `null` when `x` is not finite.
 */
function units(x: number, d: number): bigint | null {
  if (!Number.isFinite(x)) return null
  // toFixed(9) writes the decimal value to 1e-9 (exact for |x| < 1e21), a string to round by its digits.
  const [whole, nine] = Math.abs(x).toFixed(9).split('.') as [string, string]
  const frac = nine.padEnd(d + 1, '0')
  const n = BigInt(whole + frac.slice(0, d)) + (frac[d]! >= '5' ? 1n : 0n)
  return x < 0 ? -n : n
}

/** A number of units of `10^-d` as its decimal text (`-0.1`, `3.12`; never `-0.0`). */
function unitText(n: bigint, d: number): string {
  const digits = (n < 0n ? -n : n).toString().padStart(d + 1, '0')
  const text = d === 0 ? digits : `${digits.slice(0, -d)}.${digits.slice(-d)}`
  return n < 0n ? `-${text}` : text
}

/**
 * A number as the faces print it, to `d` decimals: snapped to 1e-9, halves
 * rounded away from zero (46.65 → `46.7`, 69.25 → `69.3`), `—` when it is
 * not finite. Every number of the report and the workbook's text is printed
 * here.
 * @internal
 */
export function fixed(x: number, d: number): string {
  const n = units(x, d)
  return n === null ? '—' : unitText(n, d)
}

/**
 * The difference `a − b` as the difference of the printed values (753.925 and
 * 750.814 print 753.93 and 750.81: their difference `3.12`, not 3.11), so
 * that the numbers on the page subtract.
 * @internal
 */
export function fixedDiff(a: number, b: number, d: number): string {
  const x = units(a, d)
  const y = units(b, d)
  return x === null || y === null ? '—' : unitText(x - y, d)
}

const two = fixed

/**
 * Why a runner-up did not get the post, in words: where they were placed (by
 * `title`), by how much their fit was lower, the soft rules the pair breaks
 * and what they cost, a lock, the team's structure; for a blocked candidate
 * the findings (English) or the rules' labels (Chinese).
 * @internal
 */
export function runnerUpReason(
  o: RunnerUpOutcome,
  lang: 'zh' | 'en',
  title: (postId: string) => string,
): string {
  switch (o._tag) {
    case 'PlacedElsewhere':
      return `${RUNNER_UP_LABELS.PlacedElsewhere[lang]} ${title(o.postId)}`
    case 'LowerFit':
      return `${RUNNER_UP_LABELS.LowerFit[lang]} ${two(o.by, 1)}`
    case 'Penalised':
      return `${RUNNER_UP_LABELS.Penalised[lang]} ${o.codes.map((c) => RULE_LABELS[c][lang]).join('、')} (−${two(o.amount, 2)})`
    case 'Locked':
      return RUNNER_UP_LABELS.Locked[lang]
    case 'TeamRules':
      return RUNNER_UP_LABELS.TeamRules[lang]
    case 'Blocked':
      return lang === 'en' && o.messages.length > 0
        ? o.messages.join('; ')
        : o.codes.map((c) => RULE_LABELS[c][lang]).join('、')
  }
}

/**
 * Whether a rule cost is worth a line: any cost but 0 (a negative one says
 * the proposal is not an optimum, or a solve went wrong), and a bounded cost
 * whose range reaches past 0.
 * @internal
 */
export const costShown = (c: RuleCost): boolean => c.cost !== 0 || (c.method === 'bounded' && c.upper !== 0)

/**
 * A rule cost as people read it: the cost, or for a bounded one its range
 * (`[cost, upper]`, or at least `cost` when the stopped re-solve proved no
 * upper limit).
 * @internal
 */
export function costText(c: RuleCost, lang: Lang, fmt: (x: number) => string): string {
  if (c.method !== 'bounded' || c.upper === c.cost) return fmt(c.cost)
  return UI_PHRASES.costRange(fmt(c.cost), c.upper === null ? null : fmt(c.upper))[lang]
}

/**
 * How far a relaxation moves its member, as printed: a whole amount as a
 * whole number, another to two places (a fractional one printed 0 before);
 * an average-age row's amount is the team's total excess over the limit,
 * Σ (age − limit) over its members, in member-years — said so, since it read
 * as years of the average (`11` for a team of nine 1.2 years over). @internal
 */
export function relaxationAmount(r: Relaxation, lang: Lang): string {
  const whole = Math.abs(r.violation - Math.round(r.violation)) < 1e-6
  const n = fixed(r.violation, whole ? 0 : 2)
  return r.member.kind === 'rule' && r.member.code === 'structure.average-age'
    ? `${n} ${UI_WORDS.memberYears[lang]}`
    : n
}
