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
import * as vega from 'vega'
import { compile, type TopLevelSpec } from 'vega-lite'
import { validateProposal } from '../check/index.js'
import {
  CHANGE_LABELS,
  RULE_LABELS,
  STATUS_LABELS,
  STRUCTURE_CHART_LABELS,
  UI_PHRASES,
  VALUE_LABELS,
  wordsIn,
  type Lang,
} from '../domain/codes.js'
import { ethnicityLabel } from '../domain/ethnicity.js'
import type { Proposal, Violation } from '../domain/proposal.js'
import type { Scenario } from '../domain/types.js'
import { combinedScores, comparisonCurve } from '../assessment/index.js'
import {
  analyseStructure,
  applyProposal,
  reserveHealth,
  reviewReserve,
  type Distributions,
  type ReserveHealth,
} from '../pool/index.js'
import type { Diagnosis, Explanation, RankedProposal, SolveError } from '../proposals/index.js'
import { isScenario, proposalOf, requireArgument, requireScenario } from '../io/door.js'

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

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes a string for HTML text and attribute values. @internal */
export const esc = (s: unknown): string => String(s).replace(/[&<>"']/g, (c) => ESCAPES[c] as string)

const num = (x: number | null | undefined, d = 2): string =>
  typeof x === 'number' && Number.isFinite(x) ? x.toFixed(d) : '—'

const CSS = `
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:2rem;color:#222;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:2px solid #b22;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere;max-width:28rem}
th{background:#f3f3f3}tr.changed td{background:#fff7d6}tr.fault td{background:#fbd5c5}
.cards{display:flex;flex-wrap:wrap;gap:1rem}.card{border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;break-inside:avoid}
.charts{display:flex;flex-wrap:wrap;gap:1rem}.chart{break-inside:avoid}.ok{color:#166534}.bad{color:#b91c1c}
footer{margin-top:2rem;color:#666;font-size:.8rem}
@media print{@page{size:A4;margin:15mm}body{margin:0;font-size:10pt}h2{break-after:avoid}.card,.chart,table{break-inside:avoid}}
`

/** Renders a Vega-Lite spec to SVG text, in process. */
async function svgOf(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' })
  try {
    return await view.toSVG()
  } finally {
    view.finalize()
  }
}

type Label = (value: string) => string

/** The structure charts' keys, in the order they are shown. @category Report */
export type StructureChart = 'gender' | 'ageBands' | 'ethnicity' | 'party' | 'education' | 'field'

/**
 * The structure charts of a scenario — gender, age bands, ethnicity, party,
 * education, main field — as Vega-Lite (v5) specifications with their data
 * inline: the teams as they are, and after `proposal` when one is given. Any
 * notebook or page that renders Vega-Lite shows them; `renderReport` renders
 * them to SVG.
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
  const before = analyseStructure(scenario).county.distributions
  const after =
    proposal === undefined ? null : analyseStructure(applyProposal(scenario, proposal)).county.distributions
  const labels: Record<StructureChart, Label> = {
    gender: (v) => VALUE_LABELS.gender[v as 'male']?.[lang] ?? v,
    ageBands: (v) => v,
    ethnicity: (v) => ethnicityLabel(v)[lang],
    party: (v) => VALUE_LABELS.party[v as 'cpc']?.[lang] ?? v,
    education: (v) => VALUE_LABELS.education[v as 'bachelor']?.[lang] ?? v,
    field: (v) => v,
  }
  const out = {} as Record<StructureChart, TopLevelSpec>
  for (const key of Object.keys(STRUCTURE_CHART_LABELS) as StructureChart[]) {
    const rows = (d: Distributions, series: string) =>
      (d[key] as readonly { value: string; count: number }[])
        .slice(0, 12)
        .map((c) => ({ value: labels[key](c.value), series, count: c.count }))
    out[key] = {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: STRUCTURE_CHART_LABELS[key][lang],
      width: 220,
      data: { values: [...rows(before, t.before), ...(after === null ? [] : rows(after, t.after))] },
      mark: 'bar',
      encoding: {
        y: { field: 'value', type: 'nominal', title: null, sort: null },
        yOffset: { field: 'series', type: 'nominal' },
        x: { field: 'count', type: 'quantitative', title: null },
        color: { field: 'series', type: 'nominal', title: null },
      },
      // Vega measures labels without a canvas, as Latin text: room on the left for Chinese ones.
      padding: { left: 36, top: 5, right: 5, bottom: 5 },
      config: { font: 'sans-serif' },
    }
  }
  return out
}

async function charts(scenario: Scenario, proposal: Proposal | undefined, lang: Lang): Promise<string> {
  const out: string[] = []
  for (const [key, spec] of Object.entries(toVegaLite(scenario, proposal, { lang })))
    out.push(`<div class="chart" data-chart="${key}">${await svgOf(spec)}</div>`)
  return `<h2>${esc(wordsIn(lang).structure)}</h2><div class="charts">${out.join('')}</div>`
}

/** Throws a `TypeError` naming the function unless `proposal` is a proposal of `scenario`. */
function requireSameRound(fn: string, scenario: Scenario, proposal: unknown): void {
  const wrong = proposalOf(scenario, proposal)
  requireArgument(
    fn,
    'proposal',
    `a proposal of this scenario (${wrong?.message ?? ''})`,
    proposal,
    wrong === null,
  )
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
 * @throws TypeError when `scenario` is not a decoded scenario or `proposal` not one of its proposals
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
  const violations = validateProposal(scenario, proposal)
  return `<div class="banzi">${summary(proposal, violations, lang, undefined)}${teamCards(scenario, proposal, violations, options.explanation, lang)}</div>`
}

function summary(
  p: Proposal | undefined,
  violations: readonly Violation[],
  lang: Lang,
  error: SolveError | undefined,
): string {
  const t = wordsIn(lang)
  if (p === undefined)
    return `<h2>${esc(t.summary)}</h2><p class="bad">${esc(error === undefined ? '' : `${error._tag}: ${error.message}`)}</p>`
  const counts = new Map<string, number>()
  for (const a of p.assignments)
    if (a.change !== 'stays') counts.set(a.change, (counts.get(a.change) ?? 0) + 1)
  const changes = [...counts].map(([c, n]) => `${CHANGE_LABELS[c as 'promotion'][lang]} ${n}`).join('，')
  const verdict =
    violations.length === 0
      ? `<span class="ok">${esc(t.noViolation)}</span>`
      : `<span class="bad">${esc(UI_PHRASES.violationCount(violations.length)[lang])}</span>`
  return `<h2>${esc(t.summary)}</h2><table>
<tr><th>${esc(t.status)}</th><td>${esc(STATUS_LABELS[p.status][lang])}</td></tr>
<tr><th>${esc(t.objective)}</th><td>${num(p.objective)}</td></tr>
<tr><th>${esc(t.bound)}</th><td>${num(p.bound)}</td></tr>
<tr><th>${esc(t.gap)}</th><td>${typeof p.gap === 'number' ? `${(p.gap * 100).toFixed(4)}%` : '—'}</td></tr>
<tr><th>${esc(t.changes)}</th><td>${esc(changes)}</td></tr>
<tr><th>${esc(t.validator)}</th><td>${verdict}</td></tr></table>${
    violations.length === 0
      ? ''
      : `<ul>${violations.map((v) => `<li>[${esc(RULE_LABELS[v.code][lang])}] ${esc(v.message)}</li>`).join('')}</ul>`
  }`
}

function teamCards(
  scenario: Scenario,
  p: Proposal,
  violations: readonly Violation[],
  explanation: Explanation | undefined,
  lang: Lang,
): string {
  const t = wordsIn(lang)
  const names = new Map(scenario.cadres.map((c) => [c.id, c.name]))
  const who = (id: string | null) => (id === null ? t.vacant : (names.get(id) ?? id))
  const holder = new Map(
    scenario.cadres.flatMap((c) => (c.currentPost === null ? [] : [[c.currentPost.postId, c.id]])),
  )
  const byPost = new Map(p.assignments.map((a) => [a.postId, a]))
  const faults = new Set(violations.map((v) => v.postId))
  const explained = new Map((explanation?.posts ?? []).map((e) => [e.postId, e]))
  const changedTeams = new Set(p.assignments.filter((a) => a.change !== 'stays').map((a) => a.teamId))
  const cards = scenario.teams
    .filter((team) => changedTeams.has(team.id))
    .map((team) => {
      const rows = team.posts.map((post) => {
        const a = byPost.get(post.id)
        const before = holder.get(post.id) ?? null
        const e = explained.get(post.id)
        const others =
          e === undefined || e.runnersUp.length === 0
            ? ''
            : `${esc(t.otherCandidates)}：${e.runnersUp.map((r) => `${esc(who(r.cadreId))} (${num(r.fit, 1)})`).join('，')}`
        const cls = faults.has(post.id) ? 'fault' : a !== undefined && a.change !== 'stays' ? 'changed' : ''
        return `<tr class="${cls}"><td>${esc(post.title)}</td><td>${esc(who(before))}</td><td>${esc(a === undefined ? who(before) : who(a.cadreId))}</td><td>${a === undefined ? '' : esc(CHANGE_LABELS[a.change][lang])}</td><td>${a === undefined || a.cadreId === null ? '' : num(a.fit, 1)}</td><td>${others}</td></tr>`
      })
      return `<div class="card"><h3>${esc(team.name)}</h3><table><tr><th>${esc(t.post)}</th><th>${esc(t.before)}</th><th>${esc(t.after)}</th><th>${esc(t.change)}</th><th>${esc(t.fit)}</th><th>${esc(t.explanation)}</th></tr>${rows.join('')}</table></div>`
    })
  return `<h2>${esc(t.teamsChanged)}</h2><div class="cards">${cards.join('')}</div>`
}

function ranking(scenario: Scenario, ranked: readonly RankedProposal[], lang: Lang): string {
  const t = wordsIn(lang)
  const names = new Map(scenario.cadres.map((c) => [c.id, c.name]))
  const titles = new Map(
    scenario.teams.flatMap((team) => team.posts.map((post) => [post.id, `${team.name} ${post.title}`])),
  )
  const who = (id: string | null) => (id === null ? t.vacant : (names.get(id) ?? id))
  const rows = ranked.map(
    (r) =>
      `<tr><td>${r.rank}</td><td>${num(r.proposal.objective)}</td><td>${num(r.gapToBest)}</td><td>${r.diff
        .map((d) => `${esc(titles.get(d.postId) ?? d.postId)}：${esc(who(d.best))} → ${esc(who(d.here))}`)
        .join('<br>')}</td></tr>`,
  )
  return `<h2>${esc(t.ranking)}</h2><table><tr><th>${esc(t.rank)}</th><th>${esc(t.objective)}</th><th>${esc(t.behindBest)}</th><th>${esc(t.differingPosts)}</th></tr>${rows.join('')}</table>`
}

function costs(explanation: Explanation, lang: Lang): string {
  const t = wordsIn(lang)
  const rows = explanation.ruleCosts
    .filter((c) => c.cost > 0)
    .map(
      (c) =>
        `<tr><td>${esc(RULE_LABELS[c.code][lang])}</td><td>${num(c.cost)}</td><td>${c.teamIds.length}</td></tr>`,
    )
  if (rows.length === 0) return ''
  return `<h2>${esc(t.ruleCosts)}</h2><table><tr><th>${esc(t.rule)}</th><th>${esc(t.cost)}</th><th>${esc(t.teamsBound)}</th></tr>${rows.join('')}</table>`
}

function diagnosis(d: Diagnosis, lang: Lang): string {
  const t = wordsIn(lang)
  const list = (title: string, items: readonly string[]) =>
    items.length === 0
      ? ''
      : `<h3>${esc(title)}</h3><ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`
  return `<h2>${esc(t.diagnosis)}</h2>${list(
    t.supply,
    d.supply.map((s) => (lang === 'zh' ? s.zh : s.message)),
  )}${list(
    t.conflict,
    d.conflict.map((m) => m.label),
  )}${list(
    t.relaxation,
    d.relaxations.map((r) => `${r.member.label}: ${num(r.violation, 0)} (${num(r.cost)})`),
  )}`
}

function reserve(health: ReserveHealth | null, lang: Lang): string {
  if (health === null) return ''
  const t = wordsIn(lang)
  const head = [
    t.reserveGroup,
    t.listed,
    t.entries,
    t.exits,
    t.members,
    t.teamsInNeed,
    t.perTeamInNeed,
    t.perPost,
    t.recommended,
    t.pipeline,
  ]
  const rows = health.groups.map(
    (g) =>
      `<tr><td>${esc(VALUE_LABELS.reserveGroup[g.group][lang])}</td><td>${g.listed}</td><td>${g.entries}</td><td>${g.exits}</td><td>${g.size}</td><td>${g.teamsInNeed}</td><td>${num(g.perTeamNeed)}</td><td>${num(g.perPost, 3)}</td><td>${g.recommended}</td><td>${esc(
        g.pipeline
          .map((p) => `${VALUE_LABELS.rank[p.value as 'section-chief']?.[lang] ?? p.value} ${p.count}`)
          .join('，'),
      )}</td></tr>`,
  )
  return `<h2>${esc(t.reserveHealth)}（${esc(health.asOf)}）</h2><table data-section="reserve"><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows.join('')}</table>`
}

/** The comparison curves of the cadres `proposal` moves who have assessment records, as SVG. */
async function curves(scenario: Scenario, proposal: Proposal, lang: Lang, max: number): Promise<string> {
  if (max <= 0) return ''
  const t = wordsIn(lang)
  const moved = proposal.assignments.flatMap((a) =>
    a.change === 'stays' || a.cadreId === null ? [] : [a.cadreId],
  )
  const names = new Map(scenario.cadres.map((c) => [c.id, c.name]))
  const scores = combinedScores(scenario)
  const scored = new Set(scores.cadres.filter((c) => c.years.length > 0).map((c) => c.cadreId))
  const ids = [...new Set(moved)].filter((id) => scored.has(id))
  const shown: string[] = []
  for (const id of ids.slice(0, max)) {
    const curve = comparisonCurve(scenario, id, scores)
    if (curve._tag === 'Left' || curve.right.points.length === 0) continue
    const y = (field: string, title: string | null = null) => ({
      field,
      type: 'quantitative' as const,
      title,
      scale: { zero: false },
    })
    const spec: TopLevelSpec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: UI_PHRASES.curveTitle(names.get(id) ?? id)[lang],
      width: 220,
      height: 140,
      data: { values: curve.right.points.map((p) => ({ ...p })) },
      encoding: { x: { field: 'year', type: 'ordinal', title: t.year, axis: { labelAngle: 0 } } },
      layer: [
        { mark: { type: 'area', opacity: 0.15 }, encoding: { y: y('p10', t.score), y2: { field: 'p90' } } },
        { mark: { type: 'area', opacity: 0.3 }, encoding: { y: y('p25'), y2: { field: 'p75' } } },
        { mark: { type: 'line', strokeDash: [4, 2] }, encoding: { y: y('p50') } },
        { mark: { type: 'line', point: true, color: '#b22' }, encoding: { y: y('score') } },
      ],
      padding: { left: 36, top: 5, right: 5, bottom: 5 },
      config: { font: 'sans-serif' },
    }
    shown.push(`<div class="chart curve" data-curve="${esc(id)}">${await svgOf(spec)}</div>`)
  }
  if (shown.length === 0) return ''
  const note =
    ids.length > shown.length ? `<p>${esc(UI_PHRASES.curvesShown(shown.length, ids.length)[lang])}</p>` : ''
  const legend = `<p class="legend">${esc(`${t.peerBand} · ${t.peerMedian} (- -) · ${t.score}`)}</p>`
  return `<h2>${esc(t.assessmentCurves)}</h2>${note}${legend}<div class="charts">${shown.join('')}</div>`
}

/** The reserve pools' health after a review with the default criteria, of the teams after `proposal`. */
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
 * costs, and the diagnosis. Chinese by default.
 *
 * @param scenario - the scenario of the round
 * @param input - a proposal and/or ranking, explanation, diagnosis or solve error
 * @param options - language, title
 * @returns the page, or why it was not rendered
 * @category Report
 */
export async function renderReport(
  scenario: Scenario,
  input: ReportInput,
  options: ReportOptions = {},
): Promise<Either<InvalidReportInput, string>> {
  const lang = options.lang ?? 'zh'
  if (lang !== 'zh' && lang !== 'en')
    return left({
      _tag: 'InvalidReportInput',
      message: `options.lang: expected "zh" or "en", got ${JSON.stringify(lang)}`,
    })
  if (
    input !== null &&
    typeof input === 'object' &&
    input.ranked !== undefined &&
    !Array.isArray(input.ranked)
  )
    return left({
      _tag: 'InvalidReportInput',
      message: 'input.ranked: expected an array (from rankProposals)',
    })
  if (!isScenario(scenario))
    return left({
      _tag: 'InvalidReportInput',
      message: 'scenario: expected a decoded Scenario (call decodeScenario first)',
    })
  if (typeof input !== 'object' || input === null)
    return left({
      _tag: 'InvalidReportInput',
      message: 'input: expected { proposal?, ranked?, explanation?, diagnosis?, error? }',
    })
  for (const [path, p] of [
    ['input.proposal', input.proposal],
    ...(Array.isArray(input.ranked) ? input.ranked : []).map(
      (r, i) => [`input.ranked[${i}].proposal`, (r as RankedProposal | undefined)?.proposal] as const,
    ),
  ] as const) {
    if (p === undefined && path === 'input.proposal') continue
    const wrong = proposalOf(scenario, p, path)
    if (wrong !== null) return left({ _tag: 'InvalidReportInput', message: wrong.message })
  }
  const maxCurves = options.maxCurves ?? 12
  if (typeof maxCurves !== 'number' || !Number.isInteger(maxCurves) || maxCurves < 0)
    return left({
      _tag: 'InvalidReportInput',
      message: `options.maxCurves: expected a whole number ≥ 0, got ${JSON.stringify(maxCurves)}`,
    })
  const t = wordsIn(lang)
  const proposal = input.proposal ?? input.ranked?.[0]?.proposal
  const violations = proposal === undefined ? [] : validateProposal(scenario, proposal)
  const title = options.title ?? UI_PHRASES.reportTitle(scenario.county, scenario.asOf)[lang]
  const parts = [
    `<h1>${esc(title)}</h1>`,
    summary(proposal, violations, lang, input.error),
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
      `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${CSS}</style></head>` +
      `<body>${parts.join('\n')}</body></html>\n`,
  )
}
