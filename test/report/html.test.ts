import { beforeAll, describe, expect, it } from 'vitest'
import type { Proposal } from '../../src/domain/proposal.js'
import { diagnose, rankProposals, solve } from '../../src/proposals/index.js'
import { combinedScores } from '../../src/assessment/index.js'
import { applyProposal, reserveHealth, reviewReserve } from '../../src/pool/index.js'
import { esc, renderReport, toHtml, toVegaLite } from '../../src/report/html.js'
import { generateScenario } from '../../src/sample/index.js'

const base = generateScenario({ seed: 31, cadres: 120, teams: 12 })
const scenario = {
  ...base,
  cadres: base.cadres.map((c, i) => (i === 0 ? { ...c, name: '<script>alert("x")</script>&\'' } : c)),
  teams: base.teams.map((t, i) => (i === 0 ? { ...t, name: '<img src=x onerror=alert(1)>' } : t)),
}
let proposal: Proposal

beforeAll(async () => {
  const r = await solve(scenario)
  if (r._tag === 'Left') throw new Error(r.left.message)
  proposal = r.right
})

async function page(...args: Parameters<typeof renderReport>): Promise<string> {
  const r = await renderReport(...args)
  if (r._tag === 'Left') throw new Error(r.left.message)
  return r.right
}

describe('renderReport', () => {
  it('one self-contained page: no script, no external resource, six charts as inline SVG', async () => {
    const html = await page(scenario, { proposal })
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/\b(src|href)=["']?(https?:|\/\/)/i)
    expect(html.match(/<div class="chart"[^>]*><svg/g)).toHaveLength(6)
    expect(html).toContain('已证明最优')
    expect(html).toContain('每条硬性规则均满足（0 项违规）')
    expect(html).toContain('@media print')
  })

  it('escapes every user string', async () => {
    const html = await page(scenario, { proposal })
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img src=x')
    expect(esc('<script>alert("x")</script>&\'')).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;',
    )
  })

  it('shows the validator’s findings of a faulty proposal, in English on request', async () => {
    const filled = proposal.assignments.filter((a) => a.cadreId !== null)
    const [a, b] = filled as [(typeof filled)[number], (typeof filled)[number]]
    const broken = {
      ...proposal,
      assignments: proposal.assignments.map((x) => (x === b ? { ...x, cadreId: a.cadreId } : x)),
    }
    const html = await page(scenario, { proposal: broken }, { lang: 'en' })
    expect(html).toMatch(/[1-9]\d* violations/)
    expect(html).toContain('class="fault"')
    expect(html).toContain('<html lang="en">')
  })

  it('shows a ranking’s differences and a diagnosis', async () => {
    const ranked = await rankProposals(scenario, { k: 2 })
    if (ranked._tag === 'Left') throw new Error(ranked.left.message)
    expect(await page(scenario, { ranked: ranked.right })).toContain('备选方案比较')
    const strict = {
      ...scenario,
      policy: {
        ...scenario.policy,
        structure: { ...scenario.policy.structure, women: { ...scenario.policy.structure.women, min: 5 } },
      },
    }
    const d = await diagnose(strict)
    if (d._tag === 'Left') throw new Error(d.left.message)
    const error = await solve(strict)
    const html = await page(strict, {
      diagnosis: d.right,
      error: error._tag === 'Left' ? error.left : undefined,
    })
    expect(html).toContain('无法同时满足的原因')
    expect(html).toContain('Infeasible')
  })

  it('shows the reserve pools after the round, and the assessment curves of the cadres it moves', async () => {
    const html = await page(scenario, { proposal })
    const table = html.slice(html.indexOf('<table data-section="reserve">'))
    expect(table.slice(0, table.indexOf('</table>')).match(/<tr>/g)).toHaveLength(5)
    for (const group of ['年轻干部', '女干部', '少数民族干部', '党外干部'])
      expect(table).toContain(`<td>${group}</td>`)
    const after = reviewReserve(applyProposal(scenario, proposal))
    if (after._tag === 'Left') throw new Error(after.left.message)
    const health = reserveHealth(applyProposal(scenario, proposal), after.right)
    const young = health.groups[0]!
    expect(table).toContain(
      `<td>年轻干部</td><td>${young.listed}</td><td>${young.entries}</td><td>${young.exits}</td><td>${young.size}</td>`,
    )

    const moved = new Set(proposal.assignments.filter((a) => a.change !== 'stays').map((a) => a.cadreId))
    const scored = new Set(
      combinedScores(scenario)
        .cadres.filter((c) => c.years.length > 0)
        .map((c) => c.cadreId),
    )
    const expected = [...moved].filter((id) => id !== null && scored.has(id))
    const curves = [...html.matchAll(/<div class="chart curve" data-curve="([^"]*)"><svg/g)].map((m) => m[1])
    expect(curves).toEqual(expected.slice(0, 12))
    expect(curves.length).toBeGreaterThan(0)

    const two = await page(scenario, { proposal }, { maxCurves: 2 })
    expect(two.match(/data-curve=/g)).toHaveLength(Math.min(2, expected.length))
    expect(await page(scenario, { proposal }, { maxCurves: 0 })).not.toContain('data-curve=')
    for (const bad of [-1, 1.5, Number.NaN, '3'])
      expect((await renderReport(scenario, { proposal }, { maxCurves: bad as number }))._tag).toBe('Left')
  })

  it('a reserve health of one’s own is shown as given', async () => {
    const review = reviewReserve(scenario, { criteria: { young: { maxAge: 30 } } })
    if (review._tag === 'Left') throw new Error(review.left.message)
    const health = reserveHealth(scenario, review.right)
    const html = await page(scenario, { proposal, reserve: health }, { lang: 'en' })
    const young = health.groups[0]!
    expect(html).toContain(
      `<td>young cadres</td><td>${young.listed}</td><td>${young.entries}</td><td>${young.exits}</td><td>${young.size}</td>`,
    )
  })

  it('a moved cadre’s name in a curve’s title is text, not markup', async () => {
    const html0 = await page(scenario, { proposal })
    const moved = /data-curve="([^"]*)"/.exec(html0)![1]
    const evil = {
      ...scenario,
      cadres: scenario.cadres.map((c) => (c.id === moved ? { ...c, name: '<script>alert(2)</script>' } : c)),
    }
    const again = await solve(evil)
    if (again._tag === 'Left') throw new Error(again.left.message)
    const html = await page(evil, { proposal: again.right })
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;')
  })

  it('is deterministic, and refuses what it cannot render', async () => {
    expect(await page(scenario, { proposal })).toBe(await page(scenario, { proposal }))
    expect((await renderReport(scenario, null as never))._tag).toBe('Left')
    expect((await renderReport(scenario, { proposal }, { lang: 'fr' as 'en' }))._tag).toBe('Left')
    // A proposal of another county is refused, never drawn as if it fitted.
    const other = generateScenario({ seed: 32, cadres: 120, teams: 12 })
    expect(await renderReport(other, { proposal })).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'InvalidReportInput', message: expect.stringMatching(/another scenario/) },
    })
    expect((await renderReport({} as never, { proposal }))._tag).toBe('Left')
    expect(() => toHtml(other, proposal)).toThrow(/^toHtml: proposal: expected a proposal of this scenario/)
  })

  it('display helpers: toHtml gives the summary and team cards, toVegaLite the six chart specs with their data', () => {
    const html = toHtml(scenario, proposal, { lang: 'en' })
    expect(html.startsWith('<div class="banzi">')).toBe(true)
    expect(html).toContain('every hard rule holds (0 violations)')
    expect(html).not.toMatch(/<script/i)
    const specs = toVegaLite(scenario, proposal)
    expect(Object.keys(specs)).toEqual(['gender', 'ageBands', 'ethnicity', 'party', 'education', 'field'])
    const gender = specs.gender as { data: { values: { series: string; count: number }[] } }
    const series = new Set(gender.data.values.map((v) => v.series))
    expect([...series]).toEqual(['调整前', '调整后'])
    expect(JSON.parse(JSON.stringify(specs))).toEqual(specs)
  })
})
