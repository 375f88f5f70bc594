import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { validateProposal } from '../../src/check/index.js'
import { RULE_LABELS } from '../../src/domain/codes.js'
import type { Proposal } from '../../src/domain/proposal.js'
import type { Scenario } from '../../src/domain/types.js'
import { solve, type RankedProposal } from '../../src/proposals/index.js'
import { esc, renderReport, toVegaLite } from '../../src/report/html.js'
import { writeProposal } from '../../src/report/workbook.js'
import { generateScenario } from '../../src/sample/index.js'

// Soft women's rule: the proposal pays penalties; incumbents leave; assessment records for the curves.
const base = generateScenario({
  seed: 3,
  cadres: 40,
  teams: 4,
  recordYears: 2,
  policy: { structure: { women: { hard: false, min: 3, penalty: 50 } } },
})
let scenario: Scenario
let proposal: Proposal
/** Two cadres the proposal appoints, given the same name. */
let twins: readonly [string, string]

beforeAll(async () => {
  const r = await solve(base)
  if (r._tag === 'Left') throw new Error(r.left.message)
  const appointed = r.right.assignments.filter((a) => a.change !== 'stays' && a.cadreId !== null)
  twins = [appointed[0]!.cadreId!, appointed[1]!.cadreId!]
  const shared = base.cadres.find((c) => c.id === twins[0])!.name
  // The same round with two of its appointees sharing a name (the names weigh in no rule).
  scenario = { ...base, cadres: base.cadres.map((c) => (c.id === twins[1] ? { ...c, name: shared } : c)) }
  // Spread: without the fingerprint of the scenario before the renaming.
  proposal = { ...r.right }
})

async function page(...args: Parameters<typeof renderReport>): Promise<string> {
  const r = await renderReport(...args)
  if (r._tag === 'Left') throw new Error(r.left.message)
  return r.right
}

async function book(...args: Parameters<typeof writeProposal>): Promise<ExcelJS.Workbook> {
  const r = await writeProposal(...args)
  if (r._tag === 'Left') throw new Error(r.left.message)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(r.right as unknown as ArrayBuffer)
  return wb
}

const rowsOf = (ws: ExcelJS.Worksheet) =>
  ws
    .getSheetValues()
    .slice(1)
    .map((row) => (row as ExcelJS.CellValue[]).slice(1))

/** The text between `start` and the next `end` after it. */
function between(html: string, start: string, end: string): string {
  const i = html.indexOf(start)
  if (i < 0) return ''
  const j = html.indexOf(end, i + start.length)
  return html.slice(i, j < 0 ? undefined : j)
}

/** The card of a team, by its name. */
const card = (html: string, team: string) =>
  between(html, `<div class="card"><h3>${esc(team)}</h3>`, '</div>')

const teamName = (id: string) => scenario.teams.find((t) => t.id === id)!.name
const cadreName = (id: string) => scenario.cadres.find((c) => c.id === id)!.name

/** The team sheets of a workbook: every sheet between the summary and the validation. */
const teamSheets = (wb: ExcelJS.Workbook, lang: 'zh' | 'en' = 'zh') =>
  wb.worksheets.filter(
    (ws) =>
      rowsOf(ws)[0]?.includes(lang === 'zh' ? '适配度' : 'fit') &&
      rowsOf(ws)[0]?.includes(lang === 'zh' ? '班子' : 'team'),
  )

describe('the workbook holds the values, formatted (1)', () => {
  it('fits, objective and gap as full numbers with a number format: they add up to the printed totals', async () => {
    const wb = await book(scenario, proposal)
    const summary = wb.getWorksheet('概要')!
    const objective = summary.getRow(2).getCell(2)
    expect(objective.value).toBe(proposal.objective)
    expect(objective.numFmt).toBe('0.00')
    const gap = summary.getRow(4).getCell(2)
    expect(typeof gap.value).toBe('number')
    expect(gap.numFmt).toBe('0.0000%')
    let sum = 0
    for (const ws of teamSheets(wb)) {
      const head = rowsOf(ws)[0]!
      const at = head.indexOf('适配度') + 1
      ws.eachRow((row, n) => {
        const cell = row.getCell(at)
        if (n === 1 || typeof cell.value !== 'number') return
        expect(cell.numFmt).toBe('0.0')
        // Only the posts the round answers carry a fit.
        sum += cell.value
      })
    }
    expect(Math.abs(sum - proposal.parts.fit)).toBeLessThan(1e-9)
    expect(summary.getRow(5).getCell(2).value).toBe(proposal.parts.fit)
  })
})

describe('numbers are rounded one way, and differences subtract (2)', () => {
  it('rounds halves away from zero on the cards, and prints a gap that is the difference of the printed objectives', async () => {
    const changed = proposal.assignments.findIndex((a) => a.change !== 'stays' && a.cadreId !== null)
    const tied = {
      ...proposal,
      objective: 753.925,
      assignments: proposal.assignments.map((a, i) => (i === changed ? { ...a, fit: 46.65 } : a)),
    }
    const ranked: RankedProposal[] = [
      { rank: 1, proposal: tied, gapToBest: 0, diff: [] },
      { rank: 2, proposal: { ...proposal, objective: 750.814 }, gapToBest: 3.111, diff: [] },
    ]
    const html = await page(scenario, { ranked })
    expect(html).toContain('<td>46.7</td>')
    expect(html).not.toContain('<td>46.6</td>')
    const table = between(html, `<h2>备选方案比较</h2>`, '</table>')
    expect(table).toContain('<td>753.93</td>')
    expect(table).toContain('<td>750.81</td><td>已证明最优</td><td>3.12</td>')
  })
})

describe('a chart value outside every age band (5)', () => {
  it('is said in the language of the page', () => {
    const bands = scenario.policy.structure.ageBands.bands
    const narrowed: Scenario = {
      ...scenario,
      policy: {
        ...scenario.policy,
        structure: {
          ...scenario.policy.structure,
          ageBands: {
            ...scenario.policy.structure.ageBands,
            bands: [{ ...bands[0]!, minAge: 200 }, ...bands.slice(1)],
          },
        },
      },
    }
    const values = (lang: 'zh' | 'en') =>
      (
        toVegaLite(narrowed, undefined, { lang }).ageBands as { data: { values: { value: string }[] } }
      ).data.values.map((v) => v.value)
    expect(values('zh')).toContain('其他')
    expect(values('zh')).not.toContain('other')
    expect(values('en')).toContain('other')
  })
})

describe('soft-rule penalties are shown (6)', () => {
  it('by rule and team in the summary, marked on the cards of the teams that pay them', async () => {
    expect(proposal.penalties.length).toBeGreaterThan(0)
    const html = await page(scenario, { proposal })
    const table = between(html, '<table data-section="penalties">', '</table>')
    const rows = table.split('<tr>').slice(2)
    expect(rows).toHaveLength(proposal.penalties.length)
    proposal.penalties.forEach((p, i) => {
      expect(rows[i]).toContain(esc(RULE_LABELS[p.code].zh))
      if (p.teamId !== null) expect(rows[i]).toContain(esc(teamName(p.teamId)))
      expect(rows[i]).toContain(`<td>${p.shortfall}</td>`)
      expect(rows[i]).toContain(`<td>${p.amount.toFixed(2)}</td>`)
    })
    for (const p of proposal.penalties.filter((x) => x.teamId !== null)) {
      const c = card(html, teamName(p.teamId!))
      if (c === '') continue
      expect(c).toContain('class="penalty"')
      expect(c).toContain(esc(RULE_LABELS[p.code].zh))
    }
  })

  it('refuses, naming the place, penalties or moves it cannot read', async () => {
    const cases: [unknown, string][] = [
      [{ ...proposal, penalties: 'x' }, 'input.proposal.penalties: expected an array, got "x"'],
      [{ ...proposal, penalties: [{ code: 'nope' }] }, 'input.proposal.penalties[0]: expected a PenaltyPaid'],
      [{ ...proposal, moves: [{ cadreId: 3 }] }, 'input.proposal.moves[0]: expected a Move'],
    ]
    for (const [bad, says] of cases) {
      const r = await renderReport(scenario, { proposal: bad as Proposal })
      expect(r._tag === 'Left' && r.left.message.startsWith(says), says).toBe(true)
      const w = await writeProposal(scenario, bad as Proposal)
      expect(w._tag === 'Left' && w.left.message.startsWith(says.replace('input.', '')), says).toBe(true)
    }
  })

  it('in a sheet of the workbook, a row per penalty', async () => {
    const wb = await book(scenario, proposal)
    const ws = wb.getWorksheet('软性规则扣分')
    expect(ws).toBeDefined()
    const rows = rowsOf(ws!).slice(1)
    expect(rows).toHaveLength(proposal.penalties.length)
    expect(rows.map((r) => r[0])).toEqual(proposal.penalties.map((p) => RULE_LABELS[p.code].zh))
    expect(rows.map((r) => r[r.length - 1])).toEqual(proposal.penalties.map((p) => p.amount))
  })
})

describe('who leaves (7)', () => {
  it('counts the leavers in the summary and names each on the card of the team they leave', async () => {
    const leavers = proposal.moves.filter((m) => m.toPostId === null)
    expect(leavers.length).toBeGreaterThan(0)
    const html = await page(scenario, { proposal })
    expect(between(html, '<h2>概要</h2>', '</table>')).toContain(
      `<th>离开班子的干部</th><td>${leavers.length}</td>`,
    )
    for (const m of leavers) {
      const team = scenario.teams.find((t) => t.posts.some((p) => p.id === m.fromPostId))!
      expect(card(html, team.name)).toMatch(new RegExp(`离任[^<]*${esc(cadreName(m.cadreId))}`))
    }
  })

  it('marks in the workbook the rows whose holder leaves', async () => {
    const leavers = proposal.moves.filter((m) => m.toPostId === null)
    const wb = await book(scenario, proposal)
    const marked: string[] = []
    for (const ws of teamSheets(wb)) {
      const [head, ...rows] = rowsOf(ws)
      const at = head!.indexOf('离任')
      expect(at).toBeGreaterThan(0)
      for (const r of rows) if (r[at] === '离任') marked.push(String(r[head!.indexOf('岗位编号')]))
    }
    expect(marked.sort()).toEqual(leavers.map((m) => m.fromPostId).sort())
    expect(rowsOf(wb.getWorksheet('概要')!)).toContainEqual(['离开班子的干部', leavers.length])
  })
})

describe('team-level violations (8)', () => {
  it('are marked on the card of their team', async () => {
    const hard = generateScenario({
      seed: 3,
      cadres: 40,
      teams: 4,
      policy: { structure: { women: { min: 2 } } },
    })
    const r = await solve(hard)
    if (r._tag === 'Left') throw new Error(r.left.message)
    const p = r.right
    const women = new Set(hard.cadres.filter((c) => c.gender === 'female').map((c) => c.id))
    const used = new Set(p.assignments.map((a) => a.cadreId))
    const spare = hard.cadres.filter((c) => c.gender === 'male' && !used.has(c.id) && c.currentPost === null)
    let broken: Proposal | null = null
    for (const [i, a] of p.assignments.entries()) {
      if (a.cadreId === null || !women.has(a.cadreId)) continue
      for (const s of spare) {
        const q = { ...p, assignments: p.assignments.map((x, j) => (j === i ? { ...x, cadreId: s.id } : x)) }
        if (validateProposal(hard, q).some((v) => v.postId === null && v.teamId !== null)) broken = q
        if (broken !== null) break
      }
      if (broken !== null) break
    }
    expect(broken).not.toBeNull()
    const html = await page(hard, { proposal: broken! })
    const found = validateProposal(hard, broken!).filter((v) => v.postId === null && v.teamId !== null)
    for (const v of found) {
      const team = hard.teams.find((t) => t.id === v.teamId)!
      const c = between(html, `<div class="card fault"><h3>${esc(team.name)}</h3>`, '</div>')
      expect(c).toContain(esc(v.message))
    }
  })
})

describe('the workbook’s summary counts changes as the report does (9)', () => {
  it('leaves out the cadres who stay', async () => {
    expect(proposal.assignments.some((a) => a.change === 'stays')).toBe(true)
    const rows = rowsOf((await book(scenario, proposal)).getWorksheet('概要')!)
    expect(rows.map((r) => r[0])).not.toContain('变动: 留任')
    const counted = rows.filter((r) => String(r[0]).startsWith('变动')).reduce((n, r) => n + Number(r[1]), 0)
    expect(counted).toBe(proposal.assignments.filter((a) => a.change !== 'stays').length)
  })
})

describe('cadres who share a name (10)', () => {
  it('carry their id on the cards, the ranking’s differences and the curves’ titles', async () => {
    const name = cadreName(twins[0])
    expect(cadreName(twins[1])).toBe(name)
    const ranked: RankedProposal[] = [
      { rank: 1, proposal, gapToBest: 0, diff: [] },
      {
        rank: 2,
        proposal,
        gapToBest: 0,
        diff: [
          {
            postId: proposal.assignments[0]!.postId,
            teamId: proposal.assignments[0]!.teamId,
            best: twins[0],
            here: twins[1],
          },
        ],
      },
    ]
    const html = await page(scenario, { ranked })
    const cards = between(html, '<div class="cards">', '<h2>')
    for (const id of twins) expect(cards).toContain(`${esc(name)}（${id}）`)
    const diffs = between(html, '<h2>备选方案比较</h2>', '</table>')
    expect(diffs).toContain(`${esc(name)}（${twins[0]}） → ${esc(name)}（${twins[1]}）`)
    const curves = between(html, '<h2>新任人选的考核曲线</h2>', '<footer>')
    for (const id of twins)
      if (curves.includes(`data-curve="${id}"`)) expect(curves).toContain(`${name}（${id}）：`)
    // A name no one else has stays as it is.
    const lone = scenario.cadres.find((c) => !twins.includes(c.id) && cards.includes(esc(c.name)))!
    expect(cards).not.toContain(`${esc(lone.name)}（${lone.id}）`)
  })

  it('have a cadre-id column in the workbook’s team sheets', async () => {
    const wb = await book(scenario, proposal)
    const ids: string[] = []
    for (const ws of teamSheets(wb)) {
      const [head, ...rows] = rowsOf(ws)
      const at = head!.indexOf('干部编号')
      expect(at).toBeGreaterThan(0)
      for (const r of rows) ids.push(String(r[at]))
    }
    for (const id of twins) expect(ids).toContain(id)
  })
})

describe('ranking differences name their posts (11)', () => {
  it('by id when two posts of a team share a title', async () => {
    const team = scenario.teams.find((t) => new Set(t.posts.map((p) => p.title)).size < t.posts.length)!
    const title = team.posts.find((p, i) => team.posts.findIndex((q) => q.title === p.title) !== i)!.title
    const [a, b] = team.posts.filter((p) => p.title === title) as unknown as [{ id: string }, { id: string }]
    const ranked: RankedProposal[] = [
      { rank: 1, proposal, gapToBest: 0, diff: [] },
      {
        rank: 2,
        proposal,
        gapToBest: 0,
        diff: [
          { postId: a.id, teamId: team.id, best: twins[0], here: null },
          { postId: b.id, teamId: team.id, best: null, here: twins[0] },
        ],
      },
    ]
    const diffs = between(await page(scenario, { ranked }), '<h2>备选方案比较</h2>', '</table>')
    expect(diffs).toContain(`${esc(team.name)} ${esc(title)}（${a.id}）`)
    expect(diffs).toContain(`${esc(team.name)} ${esc(title)}（${b.id}）`)
  })
})

describe('the English face and the charts’ words (12)', () => {
  it('has no Chinese punctuation of its own in English, and counts one violation in the singular', async () => {
    const ranked: RankedProposal[] = [
      { rank: 1, proposal, gapToBest: 0, diff: [] },
      {
        rank: 2,
        proposal,
        gapToBest: 0,
        diff: [
          {
            postId: proposal.assignments[0]!.postId,
            teamId: proposal.assignments[0]!.teamId,
            best: null,
            here: null,
          },
        ],
      },
    ]
    let html = await page(scenario, { ranked }, { lang: 'en' })
    html = html.replace(/<svg[\s\S]*?<\/svg>/g, '')
    const user = [
      scenario.county,
      ...scenario.cadres.map((c) => c.name),
      ...scenario.teams.flatMap((t) => [t.name, ...t.posts.map((p) => p.title)]),
    ].sort((x, y) => y.length - x.length)
    for (const s of user) html = html.split(esc(s)).join('')
    expect(html.match(/[\u3000-\u303f\uff00-\uffef]/g) ?? []).toEqual([])
    expect(html).toContain('Reserve pools (')
    const filled = proposal.assignments.filter((a) => a.cadreId !== null)
    const twice = {
      ...proposal,
      assignments: proposal.assignments.map((x) =>
        x === filled[1] ? { ...x, cadreId: filled[0]!.cadreId } : x,
      ),
    }
    const one = await page(scenario, { proposal: twice }, { lang: 'en' })
    const n = validateProposal(scenario, twice).length
    expect(one).toContain(`${n} violation${n === 1 ? '' : 's'}<`)
    if (n === 1) expect(one).not.toContain('1 violations')
  })

  it('keeps team and post apart in the workbook', async () => {
    const ranked: RankedProposal[] = [
      { rank: 1, proposal, gapToBest: 0, diff: [] },
      {
        rank: 2,
        proposal,
        gapToBest: 0,
        diff: [{ postId: 'P00027', teamId: 'T0004', best: null, here: null }],
      },
    ]
    const wb = await book(scenario, ranked, { lang: 'en' })
    const post = scenario.teams
      .flatMap((t) => t.posts.map((p) => ({ t, p })))
      .find((x) => x.p.id === 'P00027')!
    const rows = rowsOf(wb.getWorksheet('Ranking')!)
    expect(
      rows.flat().some((v) => typeof v === 'string' && v.startsWith(`${post.t.name} ${post.p.title}`)),
    ).toBe(true)
  })

  it('labels the zh charts’ marks in Chinese and shows the 25–75 % band in the curves’ legend', async () => {
    const html = await page(scenario, { proposal })
    const labels = html.match(/aria-label="[^"]*"/g) ?? []
    expect(labels.length).toBeGreaterThan(0)
    for (const l of labels) expect(l).not.toMatch(/\b(count|value|series|score|p10|p25|p50|p75|p90):/)
    expect(between(html, '<p class="legend">', '</p>')).toContain('25%–75%')
  })
})
