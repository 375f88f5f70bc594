/**
 * The report people read: one self-contained HTML page (no script, no
 * network: styles inline, charts as inline SVG rendered from Vega-Lite when
 * the report is written) with the summary, the structure charts before and
 * after, a card per team the round changes, the ranked proposals'
 * differences, the rule costs, the diagnosis when the rules cannot all be
 * met, and the independent validator's findings. Every user string is
 * escaped. Chinese by default, English on request; a print stylesheet for A4.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import type { TopLevelSpec } from 'vega-lite'
import { validateProposal } from '../check/index.js'
import { STRUCTURE_CHART_LABELS, UI_PHRASES, VALUE_LABELS, wordsIn, type Lang } from '../domain/codes.js'
import { ethnicityLabel } from '../domain/ethnicity.js'
import type { Proposal } from '../domain/proposal.js'
import type { Scenario } from '../domain/types.js'
import {
  analyseStructure,
  applyProposal,
  reserveHealth,
  reviewReserve,
  type Distributions,
  type ReserveHealth,
} from '../pool/index.js'
import type { Diagnosis, Explanation, RankedProposal, SolveError } from '../proposals/index.js'

import {
  anyOption,
  checkOptions,
  numberOption,
  oneOfOption,
  requireArgument,
  requireScenario,
  stringOption,
  type OptionSpec,
  scenarioIssue,
} from '../io/door.js'
import { renderValue } from '../io/errors.js'
import {
  diagnosisProblem,
  explanationProblem,
  proposalProblem,
  rankedProblem,
  reserveProblem,
  solveErrorProblem,
} from './door.js'
import {
  costs,
  curves,
  diagnosis,
  esc,
  escPhrase,
  ranking,
  reserve,
  summary,
  svgOf,
  teamCards,
} from './sections.js'

export { esc } from './sections.js'

/** What a report shows: any of a proposal, a ranking, an explanation, a diagnosis, a solve's error. @category Report */
export interface ReportInput {
  /** The proposal to show; the best of `ranked` when absent. */
  readonly proposal?: Proposal
  readonly ranked?: readonly RankedProposal[]
  readonly explanation?: Explanation
  readonly diagnosis?: Diagnosis
  /** The error of a solve that found no proposal (shown with the diagnosis). */
  readonly error?: SolveError
  /**
   * The reserve pools' health to show (from `reserveHealth`, e.g. after a
   * review with criteria or recommendations of one's own); by default that
   * of a review with the default criteria, of the teams after the proposal
   * (as they are when there is none).
   */
  readonly reserve?: ReserveHealth
}

/** Options of {@link renderReport}. @category Report */
export interface ReportOptions {
  /** @defaultValue 'zh' */
  readonly lang?: 'zh' | 'en'
  /** The page's title; by default the county's name and the round's month. */
  readonly title?: string
  /**
   * At most this many assessment curves: those of the cadres the proposal
   * moves (in the proposal's order) who have assessment records; 0 shows none.
   * @defaultValue 12
   */
  readonly maxCurves?: number
}

/** Why a report was not rendered. @category Report */
export interface InvalidReportInput {
  readonly _tag: 'InvalidReportInput'
  readonly message: string
}

/** The checks of {@link ReportOptions}' keys. */
const REPORT_OPTION_SPEC: OptionSpec = {
  lang: oneOfOption(['zh', 'en']),
  title: stringOption,
  maxCurves: numberOption({ min: 0, integer: true }),
}

/** The keys of {@link ReportInput}: each read (and named) by {@link renderReport}; a near miss is refused. */
const REPORT_INPUT_SPEC: OptionSpec = {
  proposal: anyOption,
  ranked: anyOption,
  explanation: anyOption,
  diagnosis: anyOption,
  error: anyOption,
  reserve: anyOption,
}

const CSS = `
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:2rem;color:#222;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:2px solid #b22;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere;max-width:28rem}
th{background:#f3f3f3}tr.changed td{background:#fff7d6}tr.fault td{background:#fbd5c5}
.cards{display:flex;flex-wrap:wrap;gap:1rem}.card{border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;break-inside:avoid}
.charts{display:flex;flex-wrap:wrap;gap:1rem}.chart{break-inside:avoid}.ok{color:#166534}.bad{color:#b91c1c}
.card.fault{border-color:#b91c1c}.card p,.card ul{margin:.3rem 0;font-size:.9rem}.faults{color:#b91c1c}.penalty{color:#92400e}
footer{margin-top:2rem;color:#666;font-size:.8rem}
@media print{@page{size:A4;margin:15mm}body{margin:0;font-size:10pt}h2{break-after:avoid}.card,.chart,table{break-inside:avoid}}
`

type Label = (value: string) => string

/** The structure charts' keys, in the order they are shown. @category Report */
export type StructureChart = 'gender' | 'ageBands' | 'ethnicity' | 'party' | 'education' | 'field'

/**
 * The structure charts of a scenario — gender, age bands, ethnicity, party,
 * education, main field — as Vega-Lite (v5) specifications with their data
 * inline: the teams as they are (every current holder, those of the open
 * posts included), and after `proposal` when one is given. A chart shows at
 * most 12 values, chosen once for both series (by the larger of the two
 * counts, ties by value), each with both bars (0 where a series has none),
 * and says "top 12 of N" in its title when it leaves some out. Any notebook
 * or page that renders Vega-Lite shows them; `renderReport` renders them to
 * SVG.
 *
 * @param scenario - the scenario
 * @param proposal - a proposal of the scenario, for the after series
 * @param options - language of the titles and labels (default `zh`)
 * @throws TypeError when `scenario` is not a decoded scenario or `proposal` not one of its proposals
 * @category Report
 */
export function toVegaLite(
  scenario: Scenario,
  proposal?: Proposal,
  options: { readonly lang?: 'zh' | 'en' } = {},
): Record<StructureChart, TopLevelSpec> {
  requireScenario('toVegaLite', scenario)
  if (proposal !== undefined) requireSameRound('toVegaLite', scenario, proposal)
  const lang = options?.lang === 'en' ? 'en' : 'zh'
  const t = wordsIn(lang)
  const before = analyseStructure(asHeld(scenario)).county.distributions
  const after =
    proposal === undefined ? null : analyseStructure(applyProposal(scenario, proposal)).county.distributions
  const labels: Record<StructureChart, Label> = {
    gender: (v) => VALUE_LABELS.gender[v as 'male']?.[lang] ?? v,
    // A value outside every band of the policy is the analysis' `other`.
    ageBands: (v) => (v === 'other' ? t.otherBand : v),
    ethnicity: (v) => ethnicityLabel(v)[lang],
    party: (v) => VALUE_LABELS.party[v as 'cpc']?.[lang] ?? v,
    education: (v) => VALUE_LABELS.education[v as 'bachelor']?.[lang] ?? v,
    field: (v) => v,
  }
  const out = {} as Record<StructureChart, TopLevelSpec>
  for (const key of Object.keys(STRUCTURE_CHART_LABELS) as StructureChart[]) {
    const { values, of } = shownValues(key, before, after)
    const countOf = (d: Distributions) => new Map(d[key].map((c) => [c.value, c.count]))
    const rows = (d: Distributions, series: string) => {
      const counts = countOf(d)
      return values.map((v) => {
        const value = labels[key](v)
        const count = counts.get(v) ?? 0
        // What the bar says to a screen reader, in the page's words (Vega would name the fields: `count: 3`).
        return { value, series, count, said: UI_PHRASES.chartMark(series, value, count)[lang] }
      })
    }
    const title = STRUCTURE_CHART_LABELS[key][lang]
    out[key] = {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: values.length < of ? `${title}${UI_PHRASES.topOf(values.length, of)[lang]}` : title,
      width: 220,
      data: { values: [...rows(before, t.before), ...(after === null ? [] : rows(after, t.after))] },
      mark: 'bar',
      encoding: {
        y: { field: 'value', type: 'nominal', title: null, sort: null },
        yOffset: { field: 'series', type: 'nominal' },
        x: { field: 'count', type: 'quantitative', title: null },
        color: { field: 'series', type: 'nominal', title: null },
        description: { field: 'said' },
      },
      // Vega measures labels without a canvas, as Latin text: room on the left for Chinese ones.
      padding: { left: 36, top: 5, right: 5, bottom: 5 },
      config: { font: 'sans-serif' },
    }
  }
  return out
}

/** At most this many values in a structure chart. */
const MAX_CHART_VALUES = 12

/** Distributions whose values have an order of their own (bands, levels), kept in a chart. */
const ORDERED: ReadonlySet<StructureChart> = new Set(['gender', 'ageBands', 'party', 'education'])

/**
 * The values a chart shows, chosen once for both series: every value of
 * either, ranked by the larger of its two counts (ties by value), the first
 * {@link MAX_CHART_VALUES} kept; shown in the distribution's own order when it
 * has one, else in rank order. `of` is how many values there are.
 */
function shownValues(
  key: StructureChart,
  before: Distributions,
  after: Distributions | null,
): { readonly values: readonly string[]; readonly of: number } {
  const most = new Map<string, number>()
  for (const d of after === null ? [before] : [before, after])
    for (const c of d[key]) most.set(c.value, Math.max(most.get(c.value) ?? 0, c.count))
  const ranked = [...most.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([value]) => value)
  const kept = new Set(ranked.slice(0, MAX_CHART_VALUES))
  // `most` holds the values in the order the distributions list them: before's, then after's own.
  const values = ORDERED.has(key) ? [...most.keys()].filter((v) => kept.has(v)) : [...kept]
  return { values, of: most.size }
}

/**
 * The teams with every current holder counted: no post open, so the
 * incumbents of the open posts are members (the structure analysis counts an
 * open post as vacant — what the round will fill).
 */
const asHeld = (scenario: Scenario): Scenario => ({ ...scenario, openPosts: [] })

async function charts(scenario: Scenario, proposal: Proposal | undefined, lang: Lang): Promise<string> {
  const out: string[] = []
  for (const [key, spec] of Object.entries(toVegaLite(scenario, proposal, { lang })))
    out.push(`<div class="chart" data-chart="${key}">${await svgOf(spec)}</div>`)
  return `<h2>${esc(wordsIn(lang).structure)}</h2><div class="charts">${out.join('')}</div>`
}

/** Throws a `TypeError` naming the function unless `proposal` is a proposal of `scenario` the report can show. */
function requireSameRound(fn: string, scenario: Scenario, proposal: unknown): void {
  const wrong = proposalProblem(scenario, proposal, 'proposal')
  requireArgument(fn, 'proposal', `a proposal of this scenario (${wrong ?? ''})`, proposal, wrong === null)
}

/**
 * A proposal as an HTML fragment for a notebook or a page of one's own: the
 * summary with the independent validator's verdict and a card per team the
 * proposal changes (no charts: see {@link toVegaLite}); every user string
 * escaped, no script.
 *
 * @param scenario - the scenario of the proposal
 * @param proposal - the proposal
 * @param options - language (default `zh`) and an explanation for the other candidates
 * @throws TypeError when `scenario` is not a decoded scenario, `proposal` not one of its proposals, or
 * `options.explanation` not an explanation the report can show (naming the place: `toHtml:
 * options.explanation.posts: expected an array, got "x"`)
 * @category Report
 */
export function toHtml(
  scenario: Scenario,
  proposal: Proposal,
  options: { readonly lang?: 'zh' | 'en'; readonly explanation?: Explanation } = {},
): string {
  requireScenario('toHtml', scenario)
  requireSameRound('toHtml', scenario, proposal)
  const lang = options?.lang === 'en' ? 'en' : 'zh'
  const explanation = options?.explanation
  const wrong = explanation === undefined ? null : explanationProblem(explanation, 'options.explanation')
  if (wrong !== null) throw new TypeError(`toHtml: ${wrong}`)
  const violations = validateProposal(scenario, proposal)
  return `<div class="banzi">${summary(scenario, proposal, violations, lang, undefined)}${teamCards(scenario, proposal, violations, explanation, lang)}</div>`
}

function defaultReserve(scenario: Scenario, proposal: Proposal | undefined): ReserveHealth | null {
  const after = proposal === undefined ? scenario : applyProposal(scenario, proposal)
  const review = reviewReserve(after)
  // The default criteria are valid: a review fails only on a scenario's date that is not a month.
  return review._tag === 'Left' ? null : reserveHealth(after, review.right)
}

/**
 * Renders the report of a round as one self-contained HTML page: no script,
 * no external resource (styles inline, charts as inline SVG rendered from
 * Vega-Lite in process), every user string escaped. Shows what `input`
 * holds: the summary with the independent validator's verdict (recomputed
 * here, never taken from the proposal), the structure charts before and
 * after, a card per team the proposal changes (with the other candidates when
 * an explanation is given), the ranked alternatives' differences, the rule
 * costs, and the diagnosis. Chinese by default. Never throws: what it cannot
 * show — options, a proposal, or an explanation, diagnosis, reserve health or
 * solve error without what its section reads (docs/report.md) — is refused,
 * naming the place (`input.explanation.ruleCosts[0].cost: expected a number,
 * got "x"`).
 *
 * @param scenario - the scenario of the round
 * @param input - a proposal and/or ranking, explanation, diagnosis, solve error or reserve health
 * @param options - language, title
 * @returns the page, or why it was not rendered
 * @category Report
 */
export async function renderReport(
  scenario: Scenario,
  input: ReportInput,
  options: ReportOptions = {},
): Promise<Either<InvalidReportInput, string>> {
  const refuse = (message: string) => left<InvalidReportInput>({ _tag: 'InvalidReportInput', message })
  const checked = checkOptions<ReportOptions>(options, REPORT_OPTION_SPEC)
  if (checked._tag === 'Left') return refuse(checked.left.message)
  const lang = options.lang ?? 'zh'
  if (
    input !== null &&
    typeof input === 'object' &&
    input.ranked !== undefined &&
    !Array.isArray(input.ranked)
  )
    return refuse(`input.ranked: expected an array (from rankProposals), got ${renderValue(input.ranked)}`)
  const notScenario = scenarioIssue(scenario)
  if (notScenario !== null) return refuse(notScenario.message)
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return refuse(
      `input: expected { proposal?, ranked?, explanation?, diagnosis?, error?, reserve? }, got ${renderValue(input)}`,
    )
  const keys = checkOptions<ReportInput>(input, REPORT_INPUT_SPEC, 'input')
  if (keys._tag === 'Left') return refuse(keys.left.message)
  const problem =
    (input.proposal === undefined ? null : proposalProblem(scenario, input.proposal, 'input.proposal')) ??
    (input.ranked ?? []).reduce<string | null>(
      (found, r, i) => found ?? rankedProblem(scenario, r, `input.ranked[${i}]`),
      null,
    ) ??
    (input.explanation === undefined ? null : explanationProblem(input.explanation, 'input.explanation')) ??
    (input.diagnosis === undefined ? null : diagnosisProblem(input.diagnosis, 'input.diagnosis')) ??
    (input.error === undefined ? null : solveErrorProblem(input.error, 'input.error')) ??
    // `null`, as nothing: the default review's health.
    (input.reserve === undefined || input.reserve === null
      ? null
      : reserveProblem(input.reserve, 'input.reserve'))
  if (problem !== null) return refuse(problem)
  const maxCurves = options.maxCurves ?? 12
  const t = wordsIn(lang)
  const proposal = input.proposal ?? input.ranked?.[0]?.proposal
  const violations = proposal === undefined ? [] : validateProposal(scenario, proposal)
  // Escaped: the county's name and the month each by itself in the default title.
  const title =
    options.title === undefined
      ? escPhrase(
          (county, asOf) => UI_PHRASES.reportTitle(county, asOf)[lang],
          scenario.county,
          scenario.asOf,
        )
      : esc(options.title)
  const parts = [
    `<h1>${title}</h1>`,
    summary(scenario, proposal, violations, lang, input.error),
    await charts(scenario, proposal, lang),
    proposal === undefined ? '' : teamCards(scenario, proposal, violations, input.explanation, lang),
    input.ranked === undefined || input.ranked.length < 2 ? '' : ranking(scenario, input.ranked, lang),
    input.explanation === undefined ? '' : costs(input.explanation, lang),
    input.diagnosis === undefined ? '' : diagnosis(input.diagnosis, lang),
    reserve(input.reserve ?? defaultReserve(scenario, proposal), lang),
    proposal === undefined ? '' : await curves(scenario, proposal, lang, maxCurves),
    `<footer>${esc(t.made)}</footer>`,
  ]
  return right(
    `<!DOCTYPE html>\n<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">` +
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${CSS}</style></head>` +
      `<body>${parts.join('\n')}</body></html>\n`,
  )
}
