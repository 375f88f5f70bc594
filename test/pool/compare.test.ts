import { describe, expect, it } from 'vitest'
import { applyProposal, compareStructure, scenarioAt, teamStructures } from '../../src/pool/index.js'
import { decodeScenario, encodeScenario } from '../../src/index.js'
import type { Assignment } from '../../src/domain/proposal.js'
import { proposalOf } from '../check/fixtures.js'
import { county } from './fixtures.js'

const assignment = (postId: string, cadreId: string): Assignment => ({
  postId,
  teamId: postId.startsWith('P') ? 'T1' : 'T2',
  cadreId,
  incumbentId: null,
  change: 'lateral',
  fit: 50,
  components: null,
  exceptional: false,
})

describe('applyProposal', () => {
  it('seats the assigned cadres, unseats incumbents who are not placed, and opens nothing', () => {
    const s = county()
    const after = applyProposal(s, proposalOf([assignment('P5', 'C8'), assignment('Q2', 'C7')]))
    expect(after.openPosts).toEqual([])
    const byId = new Map(after.cadres.map((c) => [c.id, c]))
    expect(byId.get('C8')!.currentPost).toEqual({ postId: 'P5', since: '2024-06' })
    // C7 stays in Q2: the date does not change
    expect(byId.get('C7')!.currentPost).toEqual({ postId: 'Q2', since: '2021-01' })
    // C5 held the open post P5 and is not placed
    expect(byId.get('C5')!.currentPost).toBeNull()
    expect(teamStructures(after).map((t) => t.members)).toEqual([
      ['C1', 'C2', 'C3', 'C4', 'C8'],
      ['C6', 'C7'],
    ])
    expect(s.cadres.find((c) => c.id === 'C5')!.currentPost).not.toBeNull()
  })
})

describe('compareStructure', () => {
  it('compares before and after a proposal as a table', () => {
    const s = county()
    const after = applyProposal(s, proposalOf([assignment('P5', 'C8'), assignment('Q2', 'C7')]))
    const c = compareStructure(s, after, { before: 'now', after: 'proposal' })
    const row = (group: string, metric: string) =>
      c.rows.find((r) => r.group === group && r.metric === metric)
    expect(row('size', 'vacant')).toEqual({ group: 'size', metric: 'vacant', before: 2, after: 0, delta: -2 })
    expect(row('size', 'members')).toMatchObject({ before: 5, after: 7, delta: 2 })
    // members' ages: 50 56 54 52 33 → + 30 (C8) + 45 (C7): 245/5 = 49 → 320/7 = 45.7
    expect(row('age', 'average age')).toMatchObject({ before: 49, after: 45.7, delta: -3.3 })
    expect(row('gender', 'female')).toMatchObject({ before: 1, after: 2 })
    expect(row('ethnicity', 'minority')).toMatchObject({ before: 1, after: 2 })
    expect(row('party', 'non-party')).toMatchObject({ before: 0, after: 1 })
    // C8 brings a woman, a member ≤ 35 and economy/finance to T1
    expect(row('rule', 'structure.women')).toMatchObject({ before: 1, after: 0 })
    expect(row('rule', 'structure.specialty-coverage')).toMatchObject({ before: 1, after: 0 })
    expect(row('gaps', 'high')).toMatchObject({ before: 2, after: 0 })
  })

  it('moves a scenario only to months it can be written with, so that it encodes and decodes again', () => {
    const s = county()
    for (const asOf of ['2200-01', '0000-01', '1899-12', '2026-13'])
      expect(() => scenarioAt(s, asOf)).toThrow(/scenarioAt: asOf: expected a month YYYY-MM of 1900–2100/)
    const moved = scenarioAt(s, '2100-12')
    const back = decodeScenario(encodeScenario(moved))
    expect(back._tag === 'Right' && back.right.asOf).toBe('2100-12')
  })

  it('compares two dates, and gives chart-ready Vega-Lite specifications', () => {
    const s = county()
    const c = compareStructure(s, scenarioAt(s, '2029-06'))
    expect(c.labels).toEqual({ before: '2024-06', after: '2029-06' })
    expect(c.rows.find((r) => r.metric === 'average age')).toMatchObject({ before: 49, after: 54, delta: 5 })
    const chart = c.charts.distribution as {
      $schema: string
      data: { values: { series: string; metric: string; percent: number }[] }
    }
    expect(chart.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json')
    expect(chart.data.values).toContainEqual({
      group: 'gender',
      metric: 'female',
      series: '2024-06',
      percent: 20,
    })
    const rules = c.charts.rules as { data: { values: unknown[] } }
    expect(rules.data.values.length).toBe(2 * c.rows.filter((r) => r.group === 'rule').length)
    expect(JSON.parse(JSON.stringify(c.charts))).toEqual(c.charts)
  })
})
