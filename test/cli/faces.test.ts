/**
 * What the command line says when it is given something wrong, and how it
 * words what it finds: a proposal file that is no proposal, an --out it
 * cannot write, a bad field named by its file or flag, the gaps' count of
 * open posts, the rule costs' method, a vote share against its threshold.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { cli } from './helpers.js'
import { REASON_ZH } from '../../src/domain/codes.js'
import { encodeScenario } from '../../src/io/encode.js'
import { writeRoster } from '../../src/io/roster/write.js'
import { generateScenario } from '../../src/sample/index.js'

const dir = mkdtempSync(join(tmpdir(), 'banzi-cli-faces-'))
const scenario = generateScenario({ seed: 9, cadres: 120, teams: 14 })
const county = join(dir, 'county.json')
const workbook = join(dir, 'county.xlsx')
const file = (name: string, content: unknown): string => {
  const path = join(dir, name)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}

beforeAll(async () => {
  writeFileSync(county, JSON.stringify(encodeScenario(scenario)))
  writeFileSync(workbook, await writeRoster(scenario))
})

describe('banzi check: a proposal file that holds no proposal is bad input', () => {
  it.each([
    ['{}', {}, 'assignments: expected a list of assignments { postId, cadreId }, got nothing'],
    ['null', null, 'expected a proposal (an object with assignments'],
    ['[]', [], 'expected a proposal (an object with assignments'],
    ['"str"', 'str', 'got "str"'],
    ['{"assignments":"x"}', { assignments: 'x' }, 'assignments: expected a list of assignments'],
    ['{"assignments":[null]}', { assignments: [null] }, 'assignments[0]: expected an assignment'],
    [
      'an assignment without cadreId',
      { assignments: [{ postId: 'P1' }] },
      'assignments[0].cadreId: expected a cadre id (text), or null for a vacancy, got nothing',
    ],
    ['a ranking of strings', ['x'], '[0]: expected a ranked proposal'],
  ])('%s: exit 2, naming the file and what was expected', async (name, content, says) => {
    const path = file(`proposal-${name.replace(/\W+/g, '_')}.json`, JSON.stringify(content))
    const r = await cli('check', county, path)
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err).toContain(`proposal ${path}:`)
    expect(r.err).toContain(says)
  })
})

describe('banzi solve --out', () => {
  it('a folder that does not exist is bad input, found before the solve', async () => {
    const out = join(dir, 'no', 'such', 'x.json')
    const r = await cli('solve', county, '--out', out)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(new RegExp(`^--out ${out.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: .*no such file`))
    // Refused before solving: no progress, no proposal printed.
    expect(r.out).toBe('')
    expect(r.err).not.toContain('求解中')
    expect(existsSync(out)).toBe(false)
  })

  it('a path that is a folder, or whose folder is a file, is bad input', async () => {
    const folder = join(dir, 'folder.json')
    writeFileSync(join(dir, 'plain'), 'x')
    mkdirSync(folder)
    const a = await cli('solve', county, '--out', folder)
    expect(a).toMatchObject({ code: 2, err: `--out ${folder}: is a folder\n` })
    const b = await cli('solve', county, '--out', join(dir, 'plain', 'x.json'))
    expect(b.code).toBe(2)
    expect(b.err).toContain('is not a folder')
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([])
  })
})

describe('bad fields are named with the file or the flag they came from', () => {
  it('a scenario file’s field, with the file', async () => {
    const e = encodeScenario(scenario) as { cadres: { birth: string }[] }
    e.cadres[3]!.birth = '1985/13'
    const bad = file('bad.json', e)
    const r = await cli('solve', bad)
    expect(r.code).toBe(2)
    expect(r.err).toBe(`${bad}: cadres[3].birth: expected YYYY-MM, got "1985/13"\n`)
  })

  it('--as-of, --policy and --round fields, with the flag', async () => {
    const policy = file('policy.json', { structure: { women: { min: 'lots' } } })
    const r = await cli('gaps', county, '--as-of', '2026-13', '--policy', policy)
    expect(r.code).toBe(2)
    expect(r.err.split('\n').sort()).toEqual(
      [
        '',
        '--as-of: expected YYYY-MM, got "2026-13"',
        `--policy ${policy}: structure.women.min: expected integer in 0–1000, got "lots"`,
      ].sort(),
    )
    const round = file('round.json', {
      asOf: '2026-12',
      county: 'X',
      policy: { structure: { young: { maxAge: 'x' } } },
    })
    const w = await cli('gaps', workbook, '--round', round)
    expect(w.code).toBe(2)
    expect(w.err).toContain(`--round ${round}: policy.structure.young.maxAge: expected `)
    // A roster workbook carries a policy sheet: a bad --policy value is the flag's, not the sheet's.
    const p = await cli('gaps', workbook, '--as-of', '2026-12', '--county', 'X', '--policy', policy)
    expect(p).toMatchObject({
      code: 2,
      err: `--policy ${policy}: structure.women.min: expected integer in 0–1000, got "lots"\n`,
    })
  })
})

describe('what the command line says of what it finds', () => {
  it('gaps says the posts open this round count as vacant', async () => {
    const zh = await cli('gaps', county)
    expect(zh.code).toBe(0)
    expect(zh.out.split('\n')[0]).toMatch(
      new RegExp(
        `^结构缺口: \\d+（本轮调整的 ${scenario.openPosts.length} 个岗位按空缺计，其现任者不计入班子）$`,
      ),
    )
    const en = await cli('gaps', county, '--lang', 'en')
    expect(en.out.split('\n')[0]).toContain(
      `(the ${scenario.openPosts.length} posts open this round count as vacant; their incumbents are not counted)`,
    )
  })

  it('explain prints how each rule cost was found, in the words of the language', async () => {
    const post = scenario.openPosts[0] as string
    const r = await cli('explain', county, '--post', post, '--costs', 'estimate')
    expect(r.code).toBe(0)
    const lines = r.out.split('\n').filter((l) => l.includes('规则代价'))
    expect(lines.length).toBeGreaterThan(0)
    for (const l of lines) expect(l).toMatch(/ \(估计\)$/)
    expect(r.out).not.toContain('(estimate)')
  })

  it('why-not: a vote share below its threshold never reads as equal to it', () => {
    const say = (share: number, minShare: number) =>
      REASON_ZH['recommendation.required']('甲', '乡长', { groups: 1, share, minShare })
    expect(say(0.497, 0.5)).toContain('平均得票率49.7%，须不低于50%')
    expect(say(0.4999, 0.5)).toContain('平均得票率49.9%，须不低于50%')
    expect(say(0.66666, 0.6667)).toContain('平均得票率66.6%，须不低于66.7%')
    // A share a hair below: as many decimals as it takes.
    expect(say(0.5 - 1e-12, 0.5)).toContain('平均得票率49.99%，须不低于50%')
    expect(say(0.3, 0.5)).toContain('平均得票率30%，须不低于50%')
    expect(say(0.57, 0.6)).toContain('平均得票率57%，须不低于60%')
  })

  it('a requirement in fractional years reads in the whole months that meet it, never "1.5个月"', () => {
    // 2.04 years at rank: the ladder rule asks for 25 whole months (24.48 rounded up).
    expect(
      REASON_ZH['ladder.min-years']('甲', '乡长', { rank: 'section-deputy', months: 12, needed: 24.48 }),
    ).toContain('晋升须满2年1个月')
    expect(REASON_ZH['rotation.must-move']('甲', '乡长', { months: 61, limit: 61.5 })).toContain(
      '已5年1个月，满5年2个月必须交流',
    )
  })
})

describe('banzi solve: the changes by team', () => {
  it('names each team once, in the roster order, whatever order the open posts came in', async () => {
    const shuffled = { ...scenario, openPosts: [...scenario.openPosts].reverse() }
    const path = file('county-reversed.json', encodeScenario(shuffled))
    const r = await cli('solve', path, '--lang', 'en')
    expect(r.code).toBe(0)
    const headings = r.out.split('\n').filter((l) => /^\S.* \(T\d+\)$/.test(l))
    expect(headings.length).toBeGreaterThan(1)
    expect(new Set(headings).size).toBe(headings.length)
    const order = scenario.teams.map((t) => `${t.name} (${t.id})`)
    const at = headings.map((h) => order.indexOf(h))
    expect(at).toEqual([...at].sort((a, b) => a - b))
  })
})
