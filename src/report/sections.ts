/**
 * The sections of the report (summary, team cards, ranking, rule costs,
 * diagnosis, reserve health, assessment curves) and what they share:
 * escaping every user string, numbers, charts rendered to SVG in process.
 *
 * @module
 * @internal
 */
import * as vega from 'vega'
import { compile, type TopLevelSpec } from 'vega-lite'
import {
  CHANGE_LABELS,
  COST_METHOD_LABELS,
  PUNCTUATION,
  RULE_LABELS,
  STATUS_LABELS,
  UI_PHRASES,
  VALUE_LABELS,
  wordsIn,
  type Label,
  type Lang,
} from '../domain/codes.js'
import type { PenaltyPaid, Proposal, Violation } from '../domain/proposal.js'
import type { Scenario } from '../domain/types.js'
import { combinedScores, comparisonCurve } from '../assessment/index.js'
import { type ReserveHealth } from '../pool/index.js'
import type { Diagnosis, Explanation, RankedProposal, SolveError } from '../proposals/index.js'
import {
  cadreNames,
  costShown,
  costText,
  fixed,
  fixedDiff,
  namedText,
  postNames,
  relaxationAmount,
  type Named,
} from './words.js'

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * What in a string could reach past it and reorder the text around it: the
 * Unicode `Bidi_Control` characters — the embeddings and overrides
 * (U+202A–U+202E), the isolates (U+2066–U+2069), and the marks ALM, LRM, RLM
 * (U+061C, U+200E, U+200F) — and the paragraph separators of the
 * bidirectional algorithm (U+2029, U+001C–U+001E, U+0085), which would end an
 * isolate early. A right-to-left override in one cadre's name would otherwise
 * show the names and fit scores after it reversed (`(8.94) 02erdaC`).
 */
// eslint-disable-next-line no-control-regex -- the separators are what it finds
const REACHING = /[\p{Bidi_Control}\u001C-\u001E\u0085\u2029]/gu

/** Where a {@link REACHING} character stood: U+FFFD, seen, so that two names differing by one never look the same. */
const SHOWN_FOR_CONTROL = '\uFFFD'

/**
 * A right-to-left character (bidi classes R and AL: Hebrew, Arabic, Syriac,
 * Thaana, N'Ko …, by the blocks Unicode gives those classes by default) or an
 * Arabic digit (AN): text that would draw the neutral characters and numbers
 * next to it into its own direction.
 */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFE\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u

/** A string with every {@link REACHING} character replaced by a visible U+FFFD. @internal */
export const neutral = (s: string): string => s.replace(REACHING, SHOWN_FOR_CONTROL)

/**
 * Escapes a string for an HTML attribute value: markup characters as
 * references, {@link REACHING} characters replaced by U+FFFD.
 * @internal
 */
export const escAttr = (s: unknown): string =>
  neutral(String(s)).replace(/[&<>"']/g, (c) => ESCAPES[c] as string)

/**
 * Escapes a string for HTML text — every user string of the report goes
 * through here — so that it can neither be markup nor change how the text
 * around it is shown: markup characters as references; bidirectional controls
 * and paragraph separators replaced by a visible U+FFFD; and a string that
 * holds right-to-left text isolated (FSI … PDI, as `<bdi>` would, but valid in
 * `<title>` too), so that it keeps to itself the direction it has — the
 * numbers and names after it are shown in their order. Strings of left-to-right
 * text alone come out as they are: in the page's left-to-right paragraphs,
 * they reorder nothing.
 * @internal
 */
export const esc = (s: unknown): string => {
  const text = escAttr(s)
  return RTL.test(text) ? `\u2068${text}\u2069` : text
}

/**
 * A phrase of the report's words with user strings in it (a county's name in
 * the title), escaped: the words as {@link esc} escapes them, and each user
 * string escaped by itself, so that a right-to-left one is isolated from the
 * words and numbers around it. `phrase` puts its arguments in the words.
 * @internal
 */
export function escPhrase(phrase: (...slots: string[]) => string, ...parts: readonly unknown[]): string {
  // Private-use characters hold the places: the report's words have none, and a user string put in is not scanned again.
  const slots = parts.map((_, i) => String.fromCharCode(0xe000 + i))
  return esc(phrase(...slots)).replace(/[\ue000-\ue0ff]/g, (c) => esc(parts[c.charCodeAt(0) - 0xe000]))
}

/** A number to `d` decimals (halves away from zero: {@link fixed}), `—` when there is none. @internal */
export const num = (x: number | null | undefined, d = 2): string =>
  typeof x === 'number' ? fixed(x, d) : '—'

/** The items of `xs` by `key`, each group in the order of `xs`. */
function groupBy<A>(xs: readonly A[], key: (x: A) => string): Map<string, A[]> {
  const out = new Map<string, A[]>()
  for (const x of xs) out.set(key(x), [...(out.get(key(x)) ?? []), x])
  return out
}

/** A name as HTML, escaped, with its id (escaped by itself) in brackets beside it when it has one to show. */
const escNamed = (n: Named, lang: Lang): string =>
  n.id === null
    ? esc(n.name)
    : `${esc(n.name)}${esc(PUNCTUATION.open[lang])}${esc(n.id)}${esc(PUNCTUATION.close[lang])}`

/** The cadres as HTML by id (their id beside a shared name), `vacant` for none. */
function whoHtml(scenario: Scenario, lang: Lang): (id: string | null) => string {
  const named = cadreNames(scenario)
  const vacant = esc(wordsIn(lang).vacant)
  return (id) => (id === null ? vacant : escNamed(named(id), lang))
}

/** The incumbents who leave the teams (moves to no post), in the proposal's order. */
const leavers = (p: Proposal) => p.moves.filter((m) => m.toPostId === null && m.fromPostId !== null)

/** A soft rule paid, as HTML: `[rule] post: shortfall 1, penalty 50.00` (the post when it is about one). */
function penaltyHtml(x: PenaltyPaid, lang: Lang, post: (id: string) => string): string {
  const at = x.postId === null ? '' : `${post(x.postId)}${esc(PUNCTUATION.colon[lang])}`
  return `[${esc(RULE_LABELS[x.code]?.[lang] ?? x.code)}] ${at}${esc(UI_PHRASES.penaltyPaid(x.shortfall, num(x.amount))[lang])}`
}

/**
 * Renders a Vega-Lite spec to SVG text, in process. The SVG's text (labels,
 * titles, their `aria-label`s) comes from the spec's strings, the user's among
 * them: its bidirectional controls and paragraph separators are replaced by
 * U+FFFD, as {@link esc} replaces them in the page. Each label and title is
 * an SVG `<text>` of its own, a paragraph of its own: what is left in it
 * cannot reach the text of another.
 * @internal
 */
export async function svgOf(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' })
  try {
    return neutral(await view.toSVG())
  } finally {
    view.finalize()
  }
}

/**
 * The label of `value` in `labels`, or the value itself when it has none: a
 * proposal kept as JSON may hold a status or change this version does not
 * know (the report's door refuses it; a section shows it as it is).
 */
const labelIn = (labels: Readonly<Record<string, Label>>, value: string, lang: Lang): string =>
  Object.hasOwn(labels, value) ? labels[value]![lang] : value

/** The summary: status, objective, changes and the validator's verdict (or the error of a solve that found none). @internal */
export function summary(
  scenario: Scenario,
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
  const changes = [...counts]
    .map(([c, n]) => `${labelIn(CHANGE_LABELS, c, lang)} ${n}`)
    .join(PUNCTUATION.list[lang])
  const verdict =
    violations.length === 0
      ? `<span class="ok">${esc(t.noViolation)}</span>`
      : `<span class="bad">${esc(UI_PHRASES.violationCount(violations.length)[lang])}</span>`
  return `<h2>${esc(t.summary)}</h2><table>
<tr><th>${esc(t.status)}</th><td>${esc(labelIn(STATUS_LABELS, p.status, lang))}</td></tr>
<tr><th>${esc(t.objective)}</th><td>${num(p.objective)}</td></tr>
<tr><th>${esc(t.bound)}</th><td>${num(p.bound)}</td></tr>
<tr><th>${esc(t.gap)}</th><td>${typeof p.gap === 'number' ? `${num(p.gap * 100, 4)}%` : '—'}</td></tr>
<tr><th>${esc(t.softPenalties)}</th><td>${num(p.parts.penalties)}</td></tr>
<tr><th>${esc(t.changes)}</th><td>${esc(changes)}</td></tr>
<tr><th>${esc(t.leaving)}</th><td>${leavers(p).length}</td></tr>
<tr><th>${esc(t.validator)}</th><td>${verdict}</td></tr></table>${
    violations.length === 0
      ? ''
      : `<ul>${violations.map((v) => `<li>[${esc(RULE_LABELS[v.code][lang])}] ${esc(v.message)}</li>`).join('')}</ul>`
  }${penalties(scenario, p, lang)}`
}

/** The soft rules the proposal breaks, by rule and team: what each falls short by, and what it costs. */
function penalties(scenario: Scenario, p: Proposal, lang: Lang): string {
  if (p.penalties.length === 0) return ''
  const t = wordsIn(lang)
  const teams = new Map(scenario.teams.map((x) => [x.id, x.name]))
  const post = postNames(scenario)
  const who = whoHtml(scenario, lang)
  const head = [t.rule, t.team, t.postHeld, t.cadre, t.shortfall, t.penalty]
  const rows = p.penalties.map(
    (x) =>
      `<tr><td>${esc(RULE_LABELS[x.code]?.[lang] ?? x.code)}</td><td>${x.teamId === null ? '' : esc(teams.get(x.teamId) ?? x.teamId)}</td><td>${x.postId === null ? '' : escNamed(post(x.postId), lang)}</td><td>${x.cadreId === null ? '' : who(x.cadreId)}</td><td>${x.shortfall}</td><td>${num(x.amount)}</td></tr>`,
  )
  return `<h3>${esc(t.penaltiesByRule)}</h3><table data-section="penalties"><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows.join('')}</table>`
}

/** A card per team the proposal changes, with its posts before and after and the findings. @internal */
export function teamCards(
  scenario: Scenario,
  p: Proposal,
  violations: readonly Violation[],
  explanation: Explanation | undefined,
  lang: Lang,
): string {
  const t = wordsIn(lang)
  const P = {
    list: esc(PUNCTUATION.list[lang]),
    colon: esc(PUNCTUATION.colon[lang]),
    open: esc(PUNCTUATION.open[lang]),
    close: esc(PUNCTUATION.close[lang]),
  }
  const who = whoHtml(scenario, lang)
  const post = postNames(scenario)
  const holder = new Map(
    scenario.cadres.flatMap((c) => (c.currentPost === null ? [] : [[c.currentPost.postId, c.id]])),
  )
  const byPost = new Map(p.assignments.map((a) => [a.postId, a]))
  const faults = new Set(violations.map((v) => v.postId))
  // The findings about a team as a whole (women, minority members …): said on its card.
  const teamFaults = groupBy(
    violations.filter((v) => v.postId === null && v.teamId !== null),
    (v) => v.teamId!,
  )
  const paid = groupBy(
    p.penalties.filter((x) => x.teamId !== null),
    (x) => x.teamId!,
  )
  const teamOf = new Map(scenario.teams.flatMap((team) => team.posts.map((x) => [x.id, team.id])))
  const leaving = groupBy(leavers(p), (m) => teamOf.get(m.fromPostId!) ?? '')
  const explained = new Map((explanation?.posts ?? []).map((e) => [e.postId, e]))
  const changedTeams = new Set(p.assignments.filter((a) => a.change !== 'stays').map((a) => a.teamId))
  const cards = scenario.teams
    .filter((team) => changedTeams.has(team.id) || teamFaults.has(team.id))
    .map((team) => {
      const rows = team.posts.map((x) => {
        const a = byPost.get(x.id)
        const before = holder.get(x.id) ?? null
        const e = explained.get(x.id)
        const others =
          e === undefined || e.runnersUp.length === 0
            ? ''
            : `${esc(t.otherCandidates)}${P.colon}${e.runnersUp.map((r) => `${who(r.cadreId)} (${num(r.fit, 1)})`).join(P.list)}`
        const cls = faults.has(x.id) ? 'fault' : a !== undefined && a.change !== 'stays' ? 'changed' : ''
        return `<tr class="${cls}"><td>${esc(x.title)}</td><td>${who(before)}</td><td>${a === undefined ? who(before) : who(a.cadreId)}</td><td>${a === undefined ? '' : esc(labelIn(CHANGE_LABELS, a.change, lang))}</td><td>${a === undefined || a.cadreId === null ? '' : num(a.fit, 1)}</td><td>${others}</td></tr>`
      })
      const gone = (leaving.get(team.id) ?? []).map(
        (m) =>
          `<p class="leaves">${esc(t.leaves)}${P.colon}${who(m.cadreId)}${P.open}${escNamed(post(m.fromPostId!), lang)}${P.close}</p>`,
      )
      const found = teamFaults.get(team.id) ?? []
      const faulted =
        found.length === 0
          ? ''
          : `<ul class="faults">${found.map((v) => `<li>[${esc(RULE_LABELS[v.code][lang])}] ${esc(v.message)}</li>`).join('')}</ul>`
      const penalised = (paid.get(team.id) ?? []).map(
        (x) =>
          `<p class="penalty">${esc(t.softPenalties)}${P.colon}${penaltyHtml(x, lang, (id) => escNamed(post(id), lang))}</p>`,
      )
      return `<div class="card${found.length > 0 ? ' fault' : ''}"><h3>${esc(team.name)}</h3><table><tr><th>${esc(t.post)}</th><th>${esc(t.before)}</th><th>${esc(t.after)}</th><th>${esc(t.change)}</th><th>${esc(t.fit)}</th><th>${esc(t.explanation)}</th></tr>${rows.join('')}</table>${faulted}${gone.join('')}${penalised.join('')}</div>`
    })
  return `<h2>${esc(t.teamsChanged)}</h2><div class="cards">${cards.join('')}</div>`
}

/** The ranked proposals and where each differs from the best. @internal */
export function ranking(scenario: Scenario, ranked: readonly RankedProposal[], lang: Lang): string {
  const t = wordsIn(lang)
  const who = whoHtml(scenario, lang)
  const post = postNames(scenario)
  // Escaped here, each user string by itself: a right-to-left team name is isolated from the post's title;
  // the post's id beside a title another post of the team has, so that two such posts read apart.
  const title = (id: string) => {
    const x = post(id)
    return x.team === '' ? esc(id) : `${esc(x.team)} ${escNamed(x, lang)}`
  }
  const best = (ranked.find((r) => r.rank === 1) ?? ranked[0])!.proposal.objective
  const rows = ranked.map(
    (r) =>
      // Behind the best: the difference of the objectives as printed, so that the column subtracts.
      `<tr><td>${r.rank}</td><td>${num(r.proposal.objective)}</td><td>${esc(labelIn(STATUS_LABELS, r.proposal.status, lang))}</td><td>${fixedDiff(best, r.proposal.objective, 2)}</td><td>${r.diff
        .map((d) => `${title(d.postId)}${esc(PUNCTUATION.colon[lang])}${who(d.best)} → ${who(d.here)}`)
        .join('<br>')}</td></tr>`,
  )
  return `<h2>${esc(t.ranking)}</h2><table><tr><th>${esc(t.rank)}</th><th>${esc(t.objective)}</th><th>${esc(t.status)}</th><th>${esc(t.behindBest)}</th><th>${esc(t.differingPosts)}</th></tr>${rows.join('')}</table>`
}

/** What each rule costs the county (an explanation's rule costs), with how it was found. @internal */
export function costs(explanation: Explanation, lang: Lang): string {
  const t = wordsIn(lang)
  const rows = explanation.ruleCosts
    .filter(costShown)
    .map(
      (c) =>
        `<tr><td>${esc(RULE_LABELS[c.code][lang])}</td><td>${esc(costText(c, lang, (x) => num(x)))}</td><td>${esc(COST_METHOD_LABELS[c.method][lang])}</td><td>${c.teamIds.length}</td></tr>`,
    )
  if (rows.length === 0) return ''
  return `<h2>${esc(t.ruleCosts)}</h2><table data-section="rule-costs"><tr><th>${esc(t.rule)}</th><th>${esc(t.cost)}</th><th>${esc(t.costMethod)}</th><th>${esc(t.teamsBound)}</th></tr>${rows.join('')}</table>`
}

/** Why the rules cannot all be met. @internal */
export function diagnosis(d: Diagnosis, lang: Lang): string {
  const t = wordsIn(lang)
  // Items as HTML, each escaped by itself: a label is isolated from the numbers after it.
  const list = (title: string, items: readonly string[]) =>
    items.length === 0 ? '' : `<h3>${esc(title)}</h3><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`
  return `<h2>${esc(t.diagnosis)}</h2>${list(
    t.supply,
    d.supply.map((s) => esc(lang === 'zh' ? s.zh : s.message)),
  )}${list(
    t.conflict,
    d.conflict.map((m) => esc(m.label)),
  )}${list(
    t.relaxation,
    d.relaxations.map((r) => `${esc(r.member.label)}: ${esc(relaxationAmount(r, lang))} (${num(r.cost)})`),
  )}`
}

/** The reserve pools' health after the round. @internal */
export function reserve(health: ReserveHealth | null, lang: Lang): string {
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
          .join(PUNCTUATION.list[lang]),
      )}</td></tr>`,
  )
  return `<h2>${esc(t.reserveHealth)}${esc(PUNCTUATION.open[lang])}${esc(health.asOf)}${esc(PUNCTUATION.close[lang])}</h2><table data-section="reserve"><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows.join('')}</table>`
}

/** The comparison curves of the cadres `proposal` moves who have assessment records, as SVG. */
/** The assessment curves of the cadres the proposal moves, against their peers. @internal */
export async function curves(
  scenario: Scenario,
  proposal: Proposal,
  lang: Lang,
  max: number,
): Promise<string> {
  if (max <= 0) return ''
  const t = wordsIn(lang)
  const moved = proposal.assignments.flatMap((a) =>
    a.change === 'stays' || a.cadreId === null ? [] : [a.cadreId],
  )
  const named = cadreNames(scenario)
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
    // What each mark says to a screen reader, in the page's words (Vega would name the fields: `p90: 95.44`).
    const said = (year: number, what: string, value: string) =>
      UI_PHRASES.curveMark(String(year), what, value)[lang]
    const band = (lo: number, hi: number) => `${fixed(lo, 1)}–${fixed(hi, 1)}`
    const described = (field: string) => ({ description: { field } })
    const spec: TopLevelSpec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: UI_PHRASES.curveTitle(namedText(named(id), lang))[lang],
      width: 220,
      height: 140,
      data: {
        values: curve.right.points.map((p) => ({
          ...p,
          saidOuter: said(p.year, t.peerBand, band(p.p10, p.p90)),
          saidInner: said(p.year, t.peerBandInner, band(p.p25, p.p75)),
          saidMedian: said(p.year, t.peerMedian, fixed(p.p50, 1)),
          saidScore: said(p.year, t.score, p.score === null ? '—' : fixed(p.score, 1)),
        })),
      },
      encoding: { x: { field: 'year', type: 'ordinal', title: t.year, axis: { labelAngle: 0 } } },
      layer: [
        {
          mark: { type: 'area', opacity: 0.15 },
          encoding: { y: y('p10', t.score), y2: { field: 'p90' }, ...described('saidOuter') },
        },
        {
          mark: { type: 'area', opacity: 0.3 },
          encoding: { y: y('p25'), y2: { field: 'p75' }, ...described('saidInner') },
        },
        { mark: { type: 'line', strokeDash: [4, 2] }, encoding: { y: y('p50'), ...described('saidMedian') } },
        {
          mark: { type: 'line', point: true, color: '#b22' },
          encoding: { y: y('score'), ...described('saidScore') },
        },
      ],
      padding: { left: 36, top: 5, right: 5, bottom: 5 },
      config: { font: 'sans-serif' },
    }
    shown.push(`<div class="chart curve" data-curve="${escAttr(id)}">${await svgOf(spec)}</div>`)
  }
  if (shown.length === 0) return ''
  const note =
    ids.length > shown.length ? `<p>${esc(UI_PHRASES.curvesShown(shown.length, ids.length)[lang])}</p>` : ''
  const legend = `<p class="legend">${esc(`${t.peerBand} · ${t.peerBandInner} · ${t.peerMedian} (- -) · ${t.score}`)}</p>`
  return `<h2>${esc(t.assessmentCurves)}</h2>${note}${legend}<div class="charts">${shown.join('')}</div>`
}

/** The reserve pools' health after a review with the default criteria, of the teams after `proposal`. */
