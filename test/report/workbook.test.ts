import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Proposal } from '../../src/domain/proposal.js'
import { explainProposal, rankProposals, solve } from '../../src/proposals/index.js'
import { writeProposal } from '../../src/report/workbook.js'
import { generateScenario } from '../../src/sample/index.js'

const scenario = generateScenario({ seed: 21, cadres: 150, teams: 16 })
let proposal: Proposal

beforeAll(async () => {
  const r = await solve(scenario)
  if (r._tag === 'Left') throw new Error(r.left.message)
  proposal = r.right
})

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  return wb
}

async function written(...args: Parameters<typeof writeProposal>): Promise<ExcelJS.Workbook> {
  const r = await writeProposal(...args)
  if (r._tag === 'Left') throw new Error(r.left.message)
  return open(r.right)
}

const values = (ws: ExcelJS.Worksheet) =>
  ws
    .getSheetValues()
    .slice(1)
    .map((row) => (row as ExcelJS.CellValue[]).slice(1))

/** The header row of the first team sheet. */
const wbHeader = (wb: ExcelJS.Workbook) => values(wb.worksheets[1]!)[0]!

describe('writeProposal', () => {
  it('summary, a sheet per kind of team with every changed post highlighted, the validator’s result', async () => {
    const wb = await written(scenario, proposal)
    const names = wb.worksheets.map((w) => w.name)
    expect(names[0]).toBe('概要')
    expect(names.slice(-2)).toEqual(['校验', '软性规则扣分'])
    const summary = values(wb.getWorksheet('概要') as ExcelJS.Worksheet)
    expect(summary[0]).toEqual(['状态', '已证明最优'])
    expect(summary[1]).toEqual(['目标值', proposal.objective])
    // The team sheets: between the summary and the validation (the soft-rule penalties come after).
    const teamSheets = wb.worksheets.slice(1, names.indexOf('校验'))
    let highlighted = 0
    let rows = 0
    for (const ws of teamSheets)
      ws.eachRow((row, n) => {
        if (n === 1) return
        rows++
        const fill = row.getCell(1).fill as ExcelJS.FillPattern | undefined
        if (fill?.fgColor?.argb === 'FFFFF2CC') highlighted++
      })
    const touched = new Set(proposal.assignments.map((a) => a.teamId))
    expect(rows).toBe(scenario.teams.filter((t) => touched.has(t.id)).reduce((n, t) => n + t.posts.length, 0))
    expect(highlighted).toBe(proposal.assignments.filter((a) => a.change !== 'stays').length)
    expect(values(wb.getWorksheet('校验') as ExcelJS.Worksheet)[1]).toEqual([
      '每条硬性规则均满足（0 项违规）',
    ])
  })

  it('shows the combined and support components in columns of their own when the policy weighs them', async () => {
    const plain = wbHeader(await written(scenario, proposal))
    expect(plain).not.toContain('推荐得票')
    expect(plain).not.toContain('综合考核')
    const weighted = generateScenario({
      seed: 21,
      cadres: 150,
      teams: 16,
      recordYears: 2,
      policy: { fit: { weights: { combined: 0.2, support: 0.2 } } },
    })
    const withTallies = {
      ...weighted,
      recommendations: [
        {
          cadreId: weighted.cadres[0]!.id,
          postId: null,
          votes: [{ group: '全体', votes: 30, voters: 40 }],
          recommenders: [],
        },
      ],
    }
    const r = await solve(withTallies)
    if (r._tag === 'Left') throw new Error(r.left.message)
    const wb = await written(withTallies, r.right)
    const ws = wb.worksheets[1]!
    const header = values(ws)[0]!
    expect(header.slice(9, 15)).toEqual([
      '专业匹配(0–1)',
      '考核(0–1)',
      '经历(0–1)',
      '年龄适配(0–1)',
      '综合考核(0–1)',
      '推荐得票(0–1)',
    ])
    expect(header[15]).toBe('说明')
    // Each filled post's support cell is its assignment's support component.
    const support = new Map(r.right.assignments.map((a) => [a.postId, a.components?.support]))
    ws.eachRow((row, n) => {
      if (n === 1) return
      const want = support.get(String(row.getCell(3).value))
      if (want !== undefined) expect(row.getCell(15).value).toBe(want)
    })
  })

  it('lists what the validator finds in a proposal that breaks a rule, and marks the posts', async () => {
    const filled = proposal.assignments.filter((a) => a.cadreId !== null)
    const [a, b] = filled as [(typeof filled)[number], (typeof filled)[number]]
    const broken: Proposal = {
      ...proposal,
      assignments: proposal.assignments.map((x) => (x === b ? { ...x, cadreId: a.cadreId } : x)),
    }
    const wb = await written(scenario, broken, { lang: 'en' })
    const v = values(wb.getWorksheet('Validation') as ExcelJS.Worksheet).slice(1)
    expect(v.length).toBeGreaterThan(0)
    expect(v.some((row) => String(row[4]).includes('holds 2 posts'))).toBe(true)
    expect(
      values(wb.getWorksheet('Summary') as ExcelJS.Worksheet).find(
        (r) => r[0] === 'validator violations',
      )?.[1],
    ).toBe(v.length)
  })

  it('refuses an explanation whose runners-up it cannot read, naming the place, never throwing', async () => {
    // Before, runnersUp: [{}] threw "reading '_tag'" and a Penalised outcome with codes: 3 threw
    // "o.codes.map is not a function" from inside the sheets.
    const e = await explainProposal(scenario, proposal, { costs: 'none' })
    if (e._tag === 'Left') throw new Error(e.left.message)
    const post = e.right.posts.find((p) => p.runnersUp.length > 0)!
    const withRunnerUp = (r: unknown) => ({ ...e.right, posts: [{ ...post, runnersUp: [r] }] })
    const cases: [unknown, string][] = [
      [withRunnerUp({}), 'options.explanation.posts[0].runnersUp[0].cadreId: expected a string, got nothing'],
      [
        withRunnerUp({ ...post.runnersUp[0]!, outcome: { _tag: 'Penalised', codes: 3, amount: 1 } }),
        'options.explanation.posts[0].runnersUp[0].outcome: expected a RunnerUpOutcome',
      ],
      [
        withRunnerUp({ ...post.runnersUp[0]!, outcome: { _tag: 'Blocked', codes: ['nope'], messages: [] } }),
        'options.explanation.posts[0].runnersUp[0].outcome: expected a RunnerUpOutcome',
      ],
      [{ posts: 'x' }, 'options.explanation.posts: expected an array, got "x"'],
    ]
    for (const [explanation, message] of cases) {
      const r = await writeProposal(scenario, proposal, { explanation: explanation as never })
      expect(r._tag).toBe('Left')
      if (r._tag === 'Left') expect(r.left.message.startsWith(message)).toBe(true)
    }
  })

  it('explains each post with its runners-up, and compares a ranking', async () => {
    const e = await explainProposal(scenario, proposal, { costs: 'none' })
    if (e._tag === 'Left') throw new Error(e.left.message)
    const wb = await written(scenario, proposal, { explanation: e.right })
    const notes = wb.worksheets.slice(1, -1).flatMap((ws) => values(ws).map((r) => String(r[13] ?? '')))
    expect(notes.some((n) => n.startsWith('其他人选: '))).toBe(true)
    const ranked = await rankProposals(scenario, { k: 3 })
    if (ranked._tag === 'Left') throw new Error(ranked.left.message)
    const rw = await written(scenario, ranked.right)
    const table = values(rw.getWorksheet('方案比较') as ExcelJS.Worksheet)
    expect(table.filter((r) => typeof r[0] === 'number').map((r) => r[0])).toEqual([1, 2, 3])
    // Each proposal says its own status: a ranking a time limit stopped may end with one not proven.
    expect(table[0]?.slice(0, 4)).toEqual(['名次', '目标值', '状态', '与最优差'])
    const stopped = ranked.right.map((r, i) =>
      i === 2 ? { ...r, proposal: { ...r.proposal, status: 'time-limit' as const } } : r,
    )
    const sw = values((await written(scenario, stopped)).getWorksheet('方案比较') as ExcelJS.Worksheet)
    expect(sw.filter((r) => typeof r[0] === 'number').map((r) => r[2])).toEqual([
      '已证明最优',
      '已证明最优',
      '到达时限',
    ])
  })

  it('gives the same bytes for the same input, and refuses what is not a proposal', async () => {
    const a = await writeProposal(scenario, proposal)
    await new Promise((r) => setTimeout(r, 2100))
    const b = await writeProposal(scenario, proposal)
    expect(
      a._tag === 'Right' && b._tag === 'Right' && Buffer.from(a.right).equals(Buffer.from(b.right)),
    ).toBe(true)
    expect((await writeProposal(scenario, []))._tag).toBe('Left')
    expect((await writeProposal(scenario, {} as Proposal))._tag).toBe('Left')
    expect((await writeProposal(scenario, proposal, { lang: 'fr' as 'en' }))._tag).toBe('Left')
  })
})
