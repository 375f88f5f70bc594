import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { cli } from './helpers.js'
import { encodeScenario } from '../../src/io/encode.js'
import { writeRoster } from '../../src/io/roster/write.js'
import { generateScenario } from '../../src/sample/index.js'
import { eligibilityOf } from '../../src/scoring/index.js'

const dir = mkdtempSync(join(tmpdir(), 'banzi-cli-'))
const scenario = generateScenario({ seed: 9, cadres: 120, teams: 14 })
const county = join(dir, 'county.json')
const round = join(dir, 'round.json')
const workbook = join(dir, 'county.xlsx')

beforeAll(async () => {
  const e = encodeScenario(scenario) as Record<string, unknown>
  writeFileSync(county, JSON.stringify(e))
  writeFileSync(round, JSON.stringify({ asOf: e.asOf, county: e.county, policy: e.policy }))
  writeFileSync(workbook, await writeRoster(scenario))
})

describe('banzi (command line)', () => {
  it('prints help with the exit codes and an example for every command', async () => {
    const top = await cli('--help')
    expect(top.code).toBe(0)
    expect(top.out).toContain('Exit codes: 0 ok, 1 infeasible or violations, 2 bad input, 3 time limit')
    for (const command of [
      'solve',
      'check',
      'diagnose',
      'gaps',
      'pool',
      'explain',
      'why-not',
      'assess',
      'bench',
    ]) {
      const h = await cli(command, '--help')
      expect(h.code, command).toBe(0)
      expect(h.out, command).toContain('Example: banzi')
    }
  })

  it('solve: the proven best proposal, checked, in Chinese by default and in JSON on request', async () => {
    const text = await cli('solve', county)
    expect(text.code).toBe(0)
    expect(text.out).toContain('状态 已证明最优')
    expect(text.out).toContain('独立校验: 0 项违规')
    const machine = await cli('solve', county, '--json')
    const parsed = JSON.parse(machine.out) as {
      result: { status: string; objective: number }
      violations: unknown[][]
    }
    expect(parsed.result.status).toBe('optimal')
    expect(parsed.violations).toEqual([[]])
    const en = await cli('solve', county, '--lang', 'en')
    expect(en.out).toContain('status proven optimal')
  })

  it('solve a roster workbook with its round, write the ranking, and check what was written', async () => {
    const out = join(dir, 'ranked.json')
    const solved = await cli('solve', workbook, '--round', round, '--top', '2', '--out', out)
    expect(solved.code).toBe(0)
    expect(solved.out).toContain('# 2')
    const ranked = JSON.parse(readFileSync(out, 'utf8')) as { rank: number }[]
    expect(ranked.map((r) => r.rank)).toEqual([1, 2])
    const checked = await cli('check', county, out)
    expect(checked).toMatchObject({ code: 0, out: '独立校验: 0 项违规\n' })
    const book = join(dir, 'proposal.xlsx')
    expect((await cli('solve', county, '--out', book)).code).toBe(0)
    expect(readFileSync(book).subarray(0, 2).toString()).toBe('PK')
    const report = join(dir, 'report.html')
    expect((await cli('solve', county, '--top', '2', '--out', report)).code).toBe(0)
    expect(readFileSync(report, 'utf8')).toContain('备选方案比较')
    expect((await cli('solve', county, '--out', join(dir, 'proposal.pdf'))).code).toBe(2)
  })

  it('check: a proposal that breaks a rule exits 1 and names it', async () => {
    const solved = JSON.parse((await cli('solve', county, '--json')).out) as {
      result: { assignments: { cadreId: string | null }[] }
    }
    const p = solved.result
    const a = p.assignments.find((x) => x.cadreId !== null)
    const b = p.assignments.find((x) => x.cadreId !== null && x !== a)
    if (a === undefined || b === undefined) throw new Error('fixture: two filled posts')
    b.cadreId = a.cadreId // one cadre in two posts
    const broken = join(dir, 'broken.json')
    writeFileSync(broken, JSON.stringify(p))
    const checked = await cli('check', county, broken, '--lang', 'en')
    expect(checked.code).toBe(1)
    expect(checked.out).toMatch(/independent validator: (1 violation|([2-9]|\d{2,}) violations)\n/)
    expect(checked.out).toContain('holds 2 posts')
  })

  it('bad input exits 2 with the place named', async () => {
    const bad = join(dir, 'bad.json')
    const e = encodeScenario(scenario) as { cadres: { birth: string }[] }
    ;(e.cadres[3] as { birth: string }).birth = '1985/13'
    writeFileSync(bad, JSON.stringify(e))
    const r = await cli('solve', bad)
    expect(r.code).toBe(2)
    expect(r.err).toContain('cadres[3].birth: expected YYYY-MM, got "1985/13"')
    expect((await cli('solve', join(dir, 'missing.json'))).code).toBe(2)
    expect((await cli('solve', workbook)).err).toContain('needs the round')
    expect((await cli('solve', county, '--time-limit', '-1')).code).toBe(2)
    expect((await cli('solve', county, '--top', 'x')).code).toBe(2)
    expect((await cli('solve', county, '--lang', 'fr')).code).toBe(2)
    expect((await cli('frobnicate')).code).toBe(2)
    expect((await cli('pool', county, '--query', '{"maxAge":"old"}')).code).toBe(2)
  })

  it('diagnose: an impossible policy exits 1 with the conflict; gaps and pool answer', async () => {
    const strict = join(dir, 'strict.json')
    writeFileSync(strict, JSON.stringify({ structure: { women: { min: 5 } } }))
    const d = await cli('diagnose', county, '--policy', strict)
    expect(d.code).toBe(1)
    expect(d.out).toContain('硬性规则无法同时满足')
    expect((await cli('solve', county, '--policy', strict)).code).toBe(1)
    const g = await cli('gaps', county, '--json')
    expect(g.code).toBe(0)
    expect(Array.isArray(JSON.parse(g.out))).toBe(true)
    const p = await cli('pool', county, '--query', '{"maxAge":40}', '--json')
    expect(p.code).toBe(0)
    expect((JSON.parse(p.out) as { total: number }).total).toBeGreaterThan(0)
  })

  it('explain, why-not, assess and bench answer; unknown ids exit 2', async () => {
    const post = scenario.openPosts[0] as string
    const e = await cli('explain', county, '--post', post, '--json')
    expect(e.code).toBe(0)
    const explained = JSON.parse(e.out) as { post: { postId: string; runnersUp: unknown[] } }
    expect(explained.post.postId).toBe(post)
    expect((await cli('explain', county, '--post', 'NOPE')).code).toBe(2)
    const cadre = scenario.cadres[0]?.id as string
    const w = await cli('why-not', county, '--cadre', cadre, '--post', post, '--json')
    expect(w.code).toBe(0)
    expect((JSON.parse(w.out) as { cadreId: string }).cadreId).toBe(cadre)
    expect((await cli('why-not', county, '--cadre', 'NOPE', '--post', post)).code).toBe(2)
    // In words: whom the best proposal prefers, both fits labelled.
    const others = eligibilityOf(scenario)[0]!.eligible.map((x) => x.cadreId)
    let said = ''
    for (const c of others.slice(0, 4)) {
      said = (await cli('why-not', county, '--cadre', c, '--post', post, '--lang', 'en')).out
      if (said.includes('the best proposal prefers')) break
    }
    expect(said).toMatch(/the best proposal prefers: .+ \(fit \d+\.\d; this cadre's fit \d+\.\d\)/)
    const a = await cli('assess', county, '--cadre', cadre, '--json')
    expect(a.code).toBe(0)
    expect((JSON.parse(a.out) as { cadreId: string }[]).map((f) => f.cadreId)).toEqual([cadre])
    expect((await cli('assess', county, '--cadre', 'NOPE')).code).toBe(2)
    const b = await cli('bench', '--sizes', '40')
    expect(b.code).toBe(0)
    expect(b.out).toMatch(/\| 40 \| \d+ \| optimal \|/)
    expect((await cli('bench', '--sizes', '5')).code).toBe(2)
  })
})
