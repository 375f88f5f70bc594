import { beforeAll, describe, expect, it } from 'vitest'
import type { Proposal } from '../../src/domain/proposal.js'
import { diagnose, rankProposals, solve } from '../../src/proposals/index.js'
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

  it('is deterministic, and refuses what it cannot render', async () => {
    expect(await page(scenario, { proposal })).toBe(await page(scenario, { proposal }))
    expect((await renderReport(scenario, null as never))._tag).toBe('Left')
    expect((await renderReport(scenario, { proposal }, { lang: 'fr' as 'en' }))._tag).toBe('Left')
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
