import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeScenario } from '../../src/io/decode.js'
import { encodeScenario } from '../../src/io/encode.js'
import { readRoster, type RosterImport, type RosterSources } from '../../src/io/roster/read.js'
import { items, readMonth } from '../../src/io/roster/values.js'
import { rosterTemplate, writeRoster } from '../../src/io/roster/write.js'
import { leavesOf } from '../../src/io/roster/policy-sheet.js'
import { formatPath } from '../../src/io/path.js'
import { formOfCadre } from '../../src/io/lrmx/folder.js'
import { writeLrmx } from '../../src/io/lrmx/lrmx.js'
import { withRosterColumns } from '../../src/io/roster/doc.js'
import { generateScenario, sampleScenario } from '../../src/sample/index.js'
import type { Scenario } from '../../src/domain/types.js'
import { formulate } from '../../src/model/index.js'
import { solve } from '../../src/proposals/index.js'
import { validateProposal } from '../../src/check/index.js'
import { scenarioWarnings } from '../../src/io/warnings.js'
import { optionsOf, rosterPart, rosterSheets, toCsv, toXlsx } from './roster-files.js'

const KINDS = {
  干部: 'cadres',
  班子: 'teams',
  岗位: 'posts',
  专业: 'specialties',
  工作经历: 'history',
  亲属: 'kin',
  考核: 'assessments',
} as const

function csvSources(
  s: ReturnType<typeof generateScenario>,
  encode = (t: string): Uint8Array | string => t,
  words = false,
) {
  const out: Record<string, { name: string; data: Uint8Array | string }> = {}
  for (const [name, sheet] of Object.entries(rosterSheets(s, words)))
    out[KINDS[name as keyof typeof KINDS]] = { name: `${name}.csv`, data: encode(toCsv(sheet)) }
  return out as RosterSources
}

function right(r: Awaited<ReturnType<typeof readRoster>>): RosterImport {
  if (r._tag === 'Left') throw new Error(r.left.issues.map((i) => i.message).join('\n'))
  return r.right
}

// A clerk's roster: Chinese headers and the words clerks type.
const CADRES = `姓名,干部编号,性别,出生年月,民族,政治面貌,学历,学位,职级,任现职级时间,籍贯,现任职务,任现职时间,身份证号
张伟,C1,男,1975.03,汉族,中共党员,大学,学士,正科级,2015年6月,清溪县,和溪镇党委书记,201806,150102********0318
李娜,C2,女,1988-11,蒙古族,群众,研究生,博士,副科,2019.01,和溪镇,,,
王强,C3,男,1990.10,回,民盟盟员,大专,,科员,2016-07,青山旗,,,
`
const TEAMS = `班子编号,班子名称,班子类别,所在地
T1,和溪镇,乡镇,和溪镇
`
const POSTS = `岗位编号,班子编号,职务名称,岗位类别,职级,特殊角色,本轮调整
P1,T1,党委书记,正职,正科,党委书记,否
P2,T1,副镇长,副职,副科,,是
P3,T1,委员,成员,副科,,是
`

describe('readRoster: the values clerks type', () => {
  it('reads Chinese headers, coded words and dates into the scenario', async () => {
    const read = right(
      await readRoster(
        {
          cadres: { name: '干部.csv', data: CADRES },
          teams: { name: '班子.csv', data: TEAMS },
          posts: { name: '岗位.csv', data: POSTS },
        },
        { asOf: '2026-12', county: '清溪县' },
      ),
    )
    const [zhang, li, wang] = read.scenario.cadres
    expect(zhang).toMatchObject({
      id: 'C1',
      gender: 'male',
      birth: '1975-03',
      party: 'cpc',
      education: { level: 'bachelor', fullTime: true },
      rank: 'section-chief',
      rankSince: '2015-06',
      currentPost: { postId: 'P1', since: '2018-06' },
      hometown: '清溪县',
    })
    expect(li).toMatchObject({ gender: 'female', birth: '1988-11', party: 'none', rankSince: '2019-01' })
    expect(li?.education.level).toBe('doctorate') // 研究生 with a 博士 degree
    expect(wang).toMatchObject({ birth: '1990-10', party: 'democratic-party', rank: 'section-member' })
    expect(wang?.education.level).toBe('junior-college')
    expect(read.scenario.openPosts).toEqual(['P2', 'P3'])
    expect(read.scenario.cadres.map((c) => c.ethnicity)).toEqual(['han', 'mongol', 'hui'])
    expect(read.warnings).toEqual([
      {
        source: '干部.csv',
        code: 'hometown.unmatched',
        message:
          'row 4, column K (籍贯): 1 cadre(s) grew up in "青山旗", which matches no locality of the scenario (normal for cadres from elsewhere; otherwise check the spelling)',
      },
    ])
  })

  it('reads months however they are written, and refuses what it cannot read', () => {
    const months: [Parameters<typeof readMonth>[0], string | null][] = [
      ['1985.03', '1985-03'],
      ['1985.3', '1985-03'],
      ['1985.10', '1985-10'],
      ['1985.1', '1985-01'],
      ['1985-03', '1985-03'],
      ['1985/3', '1985-03'],
      ['1985年3月', '1985-03'],
      ['1985年03月15日', '1985-03'],
      ['198503', '1985-03'],
      ['19850315', '1985-03'],
      ['１９８５．０３', '1985-03'],
      [198503, '1985-03'],
      [1985.03, '1985-03'],
      [1985.3, '1985-03'],
      [1985.12, '1985-12'],
      [new Date(Date.UTC(1985, 2, 1)), '1985-03'],
      [1985.1, null], // a number cell: 1985.01 or 1985.10?
      ['1985/13', null],
      ['85.03', null],
      ['March 1985', null],
      [31107, null],
    ]
    for (const [cell, want] of months) {
      const r = readMonth(cell)
      expect(r.ok ? r.value : null, String(cell)).toBe(want)
    }
    expect(readMonth(1985.1, '0.00')).toEqual({ ok: true, value: '1985-10' })
  })
})

describe('readRoster: every bad cell at once, at its place', () => {
  it('reports each bad cell with file, row, column and header, and imports nothing', async () => {
    const bad = CADRES.replace('1975.03', '1975/13')
      .replace(',女,', ',F女,')
      .replace('群众', '群体')
      .replace('副科,2019.01', '副科,2019.13')
      .replace('王强,C3', '王强,')
    const read = await readRoster(
      {
        cadres: { name: '干部.csv', data: bad },
        teams: { name: '班子.csv', data: TEAMS },
        posts: { name: '岗位.csv', data: POSTS.replace('P3,T1', 'P3,T9') },
      },
      { asOf: '2026-12', county: '清溪县' },
    )
    expect(read._tag).toBe('Left')
    if (read._tag !== 'Left') return
    const places = read.left.issues.map((i) => `${i.source} ${i.row}${i.column} ${i.header}`)
    expect(places).toEqual([
      '干部.csv 2D 出生年月',
      '干部.csv 3C 性别',
      '干部.csv 3F 政治面貌',
      '干部.csv 3J 任现职级时间',
      '岗位.csv 4B 班子编号',
      '干部.csv 4B 干部编号',
    ])
    expect(read.left.issues[0]?.message).toBe(
      '干部.csv, row 2, column D (出生年月): expected a month such as 1985.03, 1985-03, 1985年3月 or 198503, got "1975/13"',
    )
  })

  it('names a missing required column and a sheet that is not there', async () => {
    const read = await readRoster(
      { cadres: { name: '干部.csv', data: CADRES.replace('性别', '性 别 备注') } },
      { asOf: '2026-12', county: '清溪县' },
    )
    expect(read._tag).toBe('Left')
    if (read._tag !== 'Left') return
    expect(read.left.issues.map((i) => i.message)).toEqual([
      '干部.csv: expected a column 性别 / gender, got no such header',
      'roster: expected a sheet or file of teams (班子, 领导班子), got none',
      'roster: expected a sheet or file of posts (岗位, 职数), got none',
    ])
  })
})

describe('readRoster: files', () => {
  it('reads GBK, UTF-8 with a BOM and UTF-8 alike', async () => {
    const s = generateScenario({ seed: 3, cadres: 60, teams: 8 })
    const utf8 = right(await readRoster(csvSources(s), optionsOf(s)))
    const bom = right(
      await readRoster(
        csvSources(s, (t) => new TextEncoder().encode(`\uFEFF${t}`)),
        optionsOf(s),
      ),
    )
    const gbk = right(
      await readRoster(
        csvSources(s, (t) => new Uint8Array(iconv.encode(t, 'gbk'))),
        optionsOf(s),
      ),
    )
    expect(encodeScenario(bom.scenario)).toEqual(encodeScenario(utf8.scenario))
    expect(encodeScenario(gbk.scenario)).toEqual(encodeScenario(utf8.scenario))
  })

  it('reads a workbook, a sheet per kind, into the scenario it was written from', async () => {
    const s = generateScenario({ seed: 5, cadres: 80, teams: 10 })
    const read = right(
      await readRoster({ workbook: { name: 'county.xlsx', data: await toXlsx(s) } }, optionsOf(s)),
    )
    expect(encodeScenario(read.scenario)).toEqual(rosterPart(s))
    expect(read.warnings.filter((w) => w.code === undefined)).toEqual([])
  })

  it('reads date cells and number cells of a workbook', async () => {
    const wb = new ExcelJS.Workbook()
    const cadres = wb.addWorksheet('干部名册')
    cadres.addRow([
      '编号',
      '姓名',
      '性别',
      '出生年月',
      '民族',
      '政治面貌',
      '学历',
      '职级',
      '任现职级时间',
      '成长地',
    ])
    cadres.addRow([
      'C1',
      '张伟',
      '男',
      new Date(Date.UTC(1975, 2, 1)),
      'han',
      '中共党员',
      '本科',
      '副科',
      201506,
      '清溪县',
    ])
    const r2 = cadres.addRow([
      'C2',
      '李娜',
      '女',
      1988.1,
      'han',
      '中共党员',
      '本科',
      '副科',
      2019.03,
      '清溪县',
    ])
    r2.getCell(4).numFmt = '0.00'
    wb.addWorksheet('班子').addRows([
      ['班子编号', '班子名称', '班子类别'],
      ['T1', '和溪镇', '乡镇'],
    ])
    wb.addWorksheet('岗位').addRows([
      ['岗位编号', '班子编号', '职务名称', '岗位类别', '职级'],
      ['P1', 'T1', '副镇长', '副职', '副科'],
    ])
    wb.addWorksheet('说明').addRow(['填表说明'])
    const data = new Uint8Array(await wb.xlsx.writeBuffer())
    const read = right(
      await readRoster({ workbook: { name: 'c.xlsx', data } }, { asOf: '2026-12', county: '清溪县' }),
    )
    expect(read.scenario.cadres.map((c) => [c.birth, c.rankSince])).toEqual([
      ['1975-03', '2015-06'],
      ['1988-10', '2019-03'],
    ])
    expect(read.warnings.map((w) => w.source)).toEqual(['c.xlsx#说明'])
  })
})

describe('rosterTemplate', () => {
  it('has every sheet with its headers and lists of accepted words, and reads as an empty roster', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await rosterTemplate()) as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '干部',
      '班子',
      '岗位',
      '专业',
      '工作经历',
      '亲属',
      '考核',
      '政策',
    ])
    const cadres = wb.getWorksheet('干部') as ExcelJS.Worksheet
    expect(cadres.getRow(1).getCell(3).value).toBe('性别')
    const rules = (
      cadres as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }
    ).dataValidations.model
    expect(Object.values(rules).map((r) => r.formulae[0])).toContain('"男,女"')
    const read = await readRoster(
      { workbook: { name: 't.xlsx', data: await rosterTemplate() } },
      { asOf: '2026-12', county: 'X' },
    )
    expect(read._tag === 'Right' && read.right.scenario.cadres.length).toBe(0)
  })
})

/**
 * A generated county varied where a roster round trip has gone wrong: its open posts listed in the
 * order `keys` gives (a scenario's own: proposals list the posts in it, and its fingerprint covers
 * it), and the teams `empty` picks among those led by no post given `supervisedBy: []` (the same as
 * none: `rosterPart` compares them as one).
 */
function varied(s: Scenario, keys: readonly number[], empty: readonly boolean[]): Scenario {
  const e = encodeScenario(s) as { openPosts: string[]; teams: { supervisedBy?: string[] }[] }
  e.openPosts = e.openPosts
    .map((id, i) => ({ id, key: keys[i % keys.length] as number }))
    .sort((a, b) => a.key - b.key)
    .map((o) => o.id)
  e.teams.forEach((t, i) => {
    if (t.supervisedBy === undefined && empty[i % empty.length] === true) t.supervisedBy = []
  })
  const decoded = decodeScenario(e)
  if (decoded._tag === 'Left') throw new Error(JSON.stringify(decoded.left.issues[0]))
  return decoded.right
}
const orderKeys = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 40 })
const emptyTeams = fc.array(fc.boolean(), { minLength: 1, maxLength: 8 })

describe('readRoster: round trip and robustness (properties)', () => {
  it('CSV files written from a generated county read back into the same scenario', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        orderKeys,
        emptyTeams,
        async (seed, keys, empty) => {
          const s = varied(generateScenario({ seed, cadres: 40, teams: 6 }), keys, empty)
          const words = seed % 2 === 0
          const read = right(
            await readRoster(
              csvSources(s, (t) => t, words),
              optionsOf(s),
            ),
          )
          expect(encodeScenario(read.scenario)).toEqual(rosterPart(s))
        },
      ),
      { numRuns: 8, seed: 14 },
    )
  })

  it('writeRoster then readRoster gives the same scenario', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        orderKeys,
        emptyTeams,
        async (seed, keys, empty) => {
          const s = varied(generateScenario({ seed, cadres: 40, teams: 6 }), keys, empty)
          const data = await writeRoster(s)
          const read = right(await readRoster({ workbook: { name: 'w.xlsx', data } }, optionsOf(s)))
          // Up to supervisedBy [] ≡ absent (see rosterPart); open posts in their own order, not as a set.
          expect(encodeScenario(read.scenario)).toEqual(rosterPart(s))
          expect(read.scenario.openPosts).toEqual(s.openPosts)
          expect(read.warnings.filter((w) => w.code === undefined)).toEqual([])
        },
      ),
      { numRuns: 5, seed: 15 },
    )
  })

  it('keeps the order of the open posts, numbering them in 调整顺序 only when it is not team order', async () => {
    const s = generateScenario({ seed: 4, cadres: 30, teams: 4 })
    const header = async (data: Uint8Array) => {
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(data as unknown as ArrayBuffer)
      return (wb.getWorksheet('岗位')?.getRow(1).values as unknown[]).slice(1)
    }
    expect(await header(await writeRoster(s))).not.toContain('调整顺序')
    const reversed = varied(s, [...s.openPosts.keys()].reverse(), [false])
    expect(reversed.openPosts).toEqual([...s.openPosts].reverse())
    const data = await writeRoster(reversed)
    expect(await header(data)).toContain('调整顺序')
    const read = right(await readRoster({ workbook: { name: 'w.xlsx', data } }, optionsOf(s)))
    expect(read.scenario.openPosts).toEqual(reversed.openPosts)
  })

  it('reads 调整顺序: numbered posts first, the others after them in team order; bad numbers at their cells', async () => {
    const read = (posts: string) =>
      readRoster(
        {
          cadres: { name: 'c.csv', data: CADRES },
          teams: { name: 't.csv', data: TEAMS },
          posts: { name: 'p.csv', data: posts },
        },
        { asOf: '2026-12', county: '青山旗' },
      )
    const head = '岗位编号,班子编号,职务名称,岗位类别,职级,特殊角色'
    const open = async (posts: string) => right(await read(posts)).scenario.openPosts
    expect(
      await open(
        `${head},本轮调整,调整顺序\nP1,T1,党委书记,正职,正科,党委书记,是,\nP2,T1,副镇长,副职,副科,,是,\nP3,T1,委员,成员,副科,,是,１\n`,
      ),
    ).toEqual(['P3', 'P1', 'P2'])
    // Without an open column every post is open, in the order given.
    expect(
      await open(
        `${head},调整顺序\nP1,T1,党委书记,正职,正科,党委书记,3\nP2,T1,副镇长,副职,副科,,2\nP3,T1,委员,成员,副科,,1\n`,
      ),
    ).toEqual(['P3', 'P2', 'P1'])
    const bad = await read(
      `${head},本轮调整,调整顺序\nP1,T1,党委书记,正职,正科,党委书记,否,1\nP2,T1,副镇长,副职,副科,,是,2\nP3,T1,委员,成员,副科,,是,2\nP4,T1,委员,成员,副科,,是,0\n`,
    )
    expect(bad._tag === 'Left' && bad.left.issues.map((i) => i.message)).toEqual([
      'p.csv, row 2, column H (调整顺序): expected nothing: the post is not open this round (本轮调整 is not 是), got "1"',
      'p.csv, row 4, column H (调整顺序): expected a number no other post has (row 3 has 2), got "2"',
      'p.csv, row 5, column H (调整顺序): expected a whole number from 1 (1, 2, 3 …), got "0"',
    ])
  })

  it('reads supervisedBy [] of a team back as none, which means the same everywhere downstream', async () => {
    const s = generateScenario({ seed: 9, cadres: 40, teams: 6 })
    const e = encodeScenario(s) as { teams: { supervisedBy?: string[] }[] }
    const none = e.teams.findIndex((t) => t.supervisedBy === undefined)
    expect(none).toBeGreaterThanOrEqual(0)
    ;(e.teams[none] as { supervisedBy?: string[] }).supervisedBy = []
    const decoded = decodeScenario(e)
    if (decoded._tag === 'Left') throw new Error('invalid')
    const withEmpty = decoded.right
    expect(withEmpty.teams[none]?.supervisedBy).toEqual([])
    const read = right(
      await readRoster({ workbook: { name: 'w.xlsx', data: await writeRoster(withEmpty) } }, optionsOf(s)),
    )
    expect(read.scenario.teams[none]?.supervisedBy).toBeUndefined()
    // Downstream, [] and absent are one: the same model, the same proposal, the same findings.
    const shape = (m: ReturnType<typeof formulate>['milp']) => ({
      columns: [...m.colNames],
      rows: [...m.rowNames],
      cost: [...m.colCost],
      lower: [...m.rowLower],
      upper: [...m.rowUpper],
      index: [...m.rowIndex],
      value: [...m.rowValue],
    })
    expect(shape(formulate(read.scenario).milp)).toEqual(shape(formulate(withEmpty).milp))
    const pa = await solve(withEmpty)
    const pb = await solve(read.scenario)
    if (pa._tag === 'Left' || pb._tag === 'Left') throw new Error('not solved')
    expect(pb.right.assignments).toEqual(pa.right.assignments)
    expect(validateProposal(read.scenario, pa.right)).toEqual(validateProposal(withEmpty, pa.right))
    expect(scenarioWarnings(read.scenario)).toEqual(scenarioWarnings(withEmpty))
  })

  // Texts as clerks write them: full-width forms, brackets of both widths, list separators, quotes,
  // compatibility characters; the roster keeps them as written (only surrounding blanks are trimmed).
  const clerkText = fc
    .array(
      fc.constantFrom(
        '副',
        '旗',
        '长',
        '（',
        '）',
        '(',
        ')',
        'Ａ',
        '１',
        'Ｘ',
        'x',
        '、',
        ',',
        '，',
        ';',
        '；',
        '"',
        '　',
        ' ',
        'ﬁ',
        '①',
        '㈱',
        '今',
        '.',
      ),
      { minLength: 1, maxLength: 10 },
    )
    .map((cs) => cs.join(''))
    .filter((t) => t.trim() === t && t !== '')
  /** The encoded scenario, as far as these tests change it. */
  type Item = { id: string } & Record<string, unknown>
  type Encoded = Record<string, unknown> & { cadres: Item[]; teams: (Item & { posts: Item[] })[] }
  const renamed = (e: unknown, from: string, to: string): Encoded =>
    JSON.parse(JSON.stringify(e).split(JSON.stringify(from)).join(JSON.stringify(to))) as Encoded

  it('writeRoster then readRoster keeps full-width, bracketed and separator-holding texts as written', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.record({
          cadreId: clerkText,
          postId: clerkText,
          name: clerkText,
          title: clerkText,
          unit: clerkText,
          locality: clerkText,
          hometown: clerkText,
          historyUnit: clerkText,
          historyPost: clerkText,
          specialty: clerkText,
        }),
        async (seed, t) => {
          const s0 = generateScenario({ seed, cadres: 20, teams: 2 })
          const e0 = encodeScenario(s0) as Encoded
          // Unique new ids: a prefix no generated id has.
          let e = renamed(e0, e0.cadres[0]!.id, `新${t.cadreId}`)
          e = renamed(e, e.teams[0]!.posts[0]!.id, `岗${t.postId}`)
          e.cadres[1]!.name = t.name
          e.teams[0]!.posts[0]!.title = t.title
          e.teams[0]!.unit = t.unit
          e.teams[1]!.locality = t.locality
          e.cadres[2]!.hometown = t.hometown
          e.cadres[3]!.history = [{ from: '2010-01', to: null, unit: t.historyUnit, post: t.historyPost }]
          e.teams[0]!.specialties = [t.specialty]
          e.teams[1]!.supervisedBy = [`岗${t.postId}`]
          const decoded = decodeScenario(e)
          if (decoded._tag === 'Left') throw new Error(JSON.stringify(decoded.left.issues[0]))
          const s = decoded.right
          const data = await writeRoster(s)
          const read = right(await readRoster({ workbook: { name: 'w.xlsx', data } }, optionsOf(s)))
          expect(encodeScenario(read.scenario)).toEqual(rosterPart(s))
        },
      ),
      { numRuns: 12, seed: 16 },
    )
  })

  it('reads the sample county back from its workbook as it was written (titles such as 副旗长（农牧）)', async () => {
    const s = sampleScenario()
    const read = right(
      await readRoster({ workbook: { name: 'w.xlsx', data: await writeRoster(s) } }, optionsOf(s)),
    )
    expect(encodeScenario(read.scenario)).toEqual(rosterPart(s))
  })

  it('keeps two ids that differ only in width apart (X1 and Ｘ1)', async () => {
    const e0 = encodeScenario(generateScenario({ seed: 1, cadres: 20, teams: 2 })) as Encoded
    const e = renamed(renamed(e0, e0.cadres[0]!.id, 'X1'), e0.cadres[1]!.id, 'Ｘ1')
    const decoded = decodeScenario(e)
    if (decoded._tag === 'Left') throw new Error('invalid')
    const s = decoded.right
    const read = right(
      await readRoster({ workbook: { name: 'w.xlsx', data: await writeRoster(s) } }, optionsOf(s)),
    )
    expect(encodeScenario(read.scenario)).toEqual(rosterPart(s))
  })

  it('reads list items in quotes whole, and trims the blanks around an item', () => {
    expect(items('"P,1"、P2')).toEqual(['P,1', 'P2'])
    expect(items('"经济、金融"， "a""b" ; c ')).toEqual(['经济、金融', 'a"b', 'c'])
    expect(items('Ａ、（b）')).toEqual(['Ａ', '（b）'])
    expect(items(' 、,')).toEqual([])
  })

  it('keeps the texts of policy settings as written (a band labelled ４０岁以下（青）)', async () => {
    const e = encodeScenario(generateScenario({ seed: 34, cadres: 20, teams: 2 })) as Record<string, unknown>
    e.policy = {
      structure: {
        ageBands: {
          bands: [
            { label: '４０岁以下（青）', minAge: 0, maxAge: 40 },
            { label: 'Ａ', minAge: 41, maxAge: 200 },
          ],
        },
      },
    }
    const decoded = decodeScenario(e)
    if (decoded._tag === 'Left') throw new Error('invalid')
    const s = decoded.right
    const read = right(
      await readRoster(
        { workbook: { name: 'w.xlsx', data: await writeRoster(s) } },
        { asOf: s.asOf, county: s.county, locks: e.locks, forbidden: e.forbidden },
      ),
    )
    expect(read.scenario.policy.structure.ageBands.bands.map((b) => b.label)).toEqual([
      '４０岁以下（青）',
      'Ａ',
    ])
  })

  it('carries the policy in its 政策 sheet: month and county are all a workbook needs', async () => {
    const s = generateScenario({ seed: 33, cadres: 40, teams: 6 })
    const data = await writeRoster(s)
    const read = right(
      await readRoster(
        { workbook: { name: 'w.xlsx', data } },
        { asOf: s.asOf, county: s.county, locks: [], forbidden: [] },
      ),
    )
    expect(encodeScenario(read.scenario)).toEqual({ ...rosterPart(s), locks: [], forbidden: [] })
    // options.policy goes on top of the sheet's, setting by setting.
    const over = right(
      await readRoster(
        { workbook: { name: 'w.xlsx', data } },
        { asOf: s.asOf, county: s.county, policy: { structure: { women: { min: 2 } } } },
      ),
    )
    expect(over.scenario.policy.structure.women.min).toBe(2)
    expect(over.scenario.policy.structure.young).toEqual(s.policy.structure.young)
    // The round's recommendation tallies come with the options, checked against the roster.
    const cadreId = s.cadres[0]!.id
    const tallies = [{ cadreId, votes: [{ group: '班子成员', votes: 5, voters: 7 }] }]
    const recs = right(
      await readRoster({ workbook: { name: 'w.xlsx', data } }, { ...optionsOf(s), recommendations: tallies }),
    )
    expect(recs.scenario.recommendations).toEqual([{ ...tallies[0], postId: null, recommenders: [] }])
    const bad = await readRoster(
      { workbook: { name: 'w.xlsx', data } },
      { ...optionsOf(s), recommendations: [{ cadreId: 'NOBODY', recommenders: ['王明'] }] },
    )
    expect(bad._tag === 'Left' && bad.left.issues.map((i) => i.message)).toEqual([
      'options, column recommendations[0].cadreId: expected a known cadre id, got "NOBODY"',
    ])
  })

  it('reports a bad policy setting at its row of the 政策 sheet', async () => {
    const csv = '参数,值\nstructure.women.min,lots\nstructure..min,1\nstructure.young.maxAge,[1,\n'
    const read = await readRoster(
      {
        cadres: { name: '干部.csv', data: CADRES },
        teams: { name: '班子.csv', data: TEAMS },
        posts: { name: '岗位.csv', data: POSTS },
        policy: { name: '政策.csv', data: csv },
      },
      { asOf: '2026-12', county: '清溪县' },
    )
    expect(read._tag === 'Left' && read.left.issues.map((i) => `${i.source} ${i.row}${i.column}`)).toEqual([
      '政策.csv 3A',
      '政策.csv 4B',
      '政策.csv 2B',
    ])
  })

  it('blames a bad options.policy value on the options, not on the 政策 cell it replaced', async () => {
    const s = generateScenario({ seed: 33, cadres: 40, teams: 6 })
    const data = await writeRoster(s) // its 政策 sheet sets every setting, validly
    const read = (policy: unknown) =>
      readRoster({ workbook: { name: 'w.xlsx', data } }, { asOf: s.asOf, county: s.county, policy } as never)
    const issues = async (policy: unknown) => {
      const r = await read(policy)
      return r._tag === 'Left' ? r.left.issues.map((i) => [i.source, i.row, i.column, i.header]) : []
    }
    expect(await issues({ structure: { women: { min: 'lots' } } })).toEqual([
      ['options', null, 'policy.structure.women.min', null],
    ])
    // A setting replaced whole: nothing of the sheet's cells below it is blamed.
    expect(await issues({ structure: { women: 5 } })).toEqual([
      ['options', null, 'policy.structure.women', null],
    ])
    const bad = await read({ structure: { women: { min: 'lots' } } })
    expect(bad._tag === 'Left' && bad.left.issues[0]!.message).toMatch(
      /^options, column policy\.structure\.women\.min: expected /,
    )
    // A bad value of the sheet itself is still at its cell.
    const sheetBad = await readRoster(
      {
        cadres: { name: '干部.csv', data: CADRES },
        teams: { name: '班子.csv', data: TEAMS },
        posts: { name: '岗位.csv', data: POSTS },
        policy: { name: '政策.csv', data: '参数,值\nstructure.women.min,-3\nstructure.young.maxAge,40\n' },
      },
      { asOf: '2026-12', county: '清溪县', policy: { structure: { young: { maxAge: 'old' } } } } as never,
    )
    expect(
      sheetBad._tag === 'Left' && sheetBad.left.issues.map((i) => `${i.source} ${i.row}${i.column}`),
    ).toEqual(['政策.csv 2B', 'options nullpolicy.structure.young.maxAge'])
  })

  it('blames an options.policy value of {} on the options too, never on the 政策 cell it replaced', async () => {
    const s = generateScenario({ seed: 33, cadres: 40, teams: 6 })
    const data = await writeRoster(s) // its 政策 sheet sets every setting, validly
    const issues = async (policy: unknown) => {
      const r = await readRoster({ workbook: { name: 'w.xlsx', data } }, {
        asOf: s.asOf,
        county: s.county,
        policy,
      } as never)
      return r._tag === 'Left' ? r.left.issues.map((i) => [i.source, i.row, i.column, i.header]) : []
    }
    for (const v of [{}, [], 'x', -1])
      expect(await issues({ structure: { women: { min: v } } })).toEqual([
        ['options', null, 'policy.structure.women.min', null],
      ])
    // {} where the sheet has a section merges nothing: no issue, the sheet's settings stand.
    expect(await issues({ structure: { women: {} } })).toEqual([])
    // Property: {} put over any setting of the sheet is the options' own value wherever it is refused.
    const settings = leavesOf((encodeScenario(s) as { policy: unknown }).policy, [])
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...settings), async (path) => {
        const policy = path.reduceRight<unknown>((v, k) => ({ [k]: v }), {})
        for (const [source, row, column] of await issues(policy)) {
          expect([source, row]).toEqual(['options', null])
          expect(String(column).startsWith(formatPath(['policy', ...path]))).toBe(true)
        }
      }),
      { seed: 5, numRuns: 25 },
    )
  })

  it('writes the same bytes for the same scenario', async () => {
    const s = generateScenario({ seed: 8, cadres: 30, teams: 4 })
    const a = await writeRoster(s)
    await new Promise((r) => setTimeout(r, 1100)) // past a second: zip dates have 2 s resolution
    await new Promise((r) => setTimeout(r, 1100))
    expect(Buffer.from(await writeRoster(s)).equals(Buffer.from(a))).toBe(true)
  })

  it('never throws on arbitrary cells, sheet shapes or bytes', async () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom('1985.03', '男', '女', '中共党员', '正科', 'P1', 'T1', 'C1', '是', ''),
      fc.double().map(String),
    )
    const csv = fc
      .array(fc.array(cell, { maxLength: 12 }), { maxLength: 6 })
      .map((rows) => rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n'))
    await fc.assert(
      fc.asyncProperty(csv, csv, csv, fc.uint8Array({ maxLength: 64 }), async (a, b, c, bytes) => {
        const header = (t: string, h: string) => `${h}\n${t}`
        const sources = {
          cadres: {
            name: 'a.csv',
            data: header(
              a,
              '干部编号,姓名,性别,出生年月,民族,政治面貌,学历,职级,任现职级时间,成长地,现任职务',
            ),
          },
          teams: { name: 'b.csv', data: header(b, '班子编号,班子名称,班子类别') },
          posts: { name: 'c.csv', data: header(c, '岗位编号,班子编号,岗位类别,职级,本轮调整') },
          kin: { name: 'd.bin', data: bytes },
        }
        const r = await readRoster(sources, { asOf: '2026-12', county: 'X' })
        expect(['Left', 'Right']).toContain(r._tag)
        const w = await readRoster(
          { workbook: { name: 'x.xlsx', data: bytes } },
          { asOf: '2026-12', county: 'X' },
        )
        expect(w._tag).toBe('Left')
      }),
      { numRuns: 150, seed: 7 },
    )
  })

  it('never throws on workbooks of arbitrary cells and sheet shapes', async () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.double({ noNaN: false }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.date({
        noInvalidDate: true,
        min: new Date(Date.UTC(1900, 0, 1)),
        max: new Date(Date.UTC(2100, 0, 1)),
      }),
      fc.constantFrom(
        '干部编号',
        '姓名',
        '性别',
        '出生年月',
        '班子编号',
        '岗位编号',
        '男',
        '1985.03',
        'P1',
        'T1',
      ),
    )
    const sheet = fc.record({
      name: fc.constantFrom('干部', '班子', '岗位', '工作经历', '亲属', '考核', '专业', '其他'),
      rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 6 }),
    })
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(sheet, { selector: (s) => s.name, maxLength: 5 }), async (sheets) => {
        const wb = new ExcelJS.Workbook()
        for (const s of sheets) wb.addWorksheet(s.name).addRows(s.rows)
        const data = new Uint8Array(await wb.xlsx.writeBuffer())
        const r = await readRoster({ workbook: { name: 'x.xlsx', data } }, { asOf: '2026-12', county: 'X' })
        expect(['Left', 'Right']).toContain(r._tag)
      }),
      { numRuns: 60, seed: 16 },
    )
  })

  it('refuses arguments that are not sources or options, with a message', async () => {
    for (const [sources, options] of [
      [null, { asOf: '2026-12', county: 'X' }],
      [{ cadres: 3 }, { asOf: '2026-12', county: 'X' }],
      [{}, null],
      [
        { cadres: { name: 'a', data: 'x' } },
        { asOf: '2026-12', county: 'X', headers: { cadres: { nope: ['x'] } } },
      ],
    ] as const) {
      const r = await readRoster(sources as never, options as never)
      expect(r._tag).toBe('Left')
    }
  })
})

describe('the bundled sample files (examples/data)', () => {
  const file = (name: string) =>
    readFileSync(fileURLToPath(new URL(`../../examples/data/${name}`, import.meta.url)))
  it('are the sample county as it is today (npx tsx scripts/write-sample-data.ts rewrites them)', async () => {
    const s = sampleScenario()
    expect(JSON.parse(file('sample-county.json').toString('utf8'))).toEqual(encodeScenario(s))
    expect(Buffer.from(await writeRoster(s)).equals(file('sample-county.xlsx'))).toBe(true)
  })
})

describe('docs/import-export.md', () => {
  it('holds the column table generated from the header table (npx tsx src/io/roster/write-doc.ts)', () => {
    const page = readFileSync(fileURLToPath(new URL('../../docs/import-export.md', import.meta.url)), 'utf8')
    expect(page).toBe(withRosterColumns(page))
  })
})

describe('a department workbook (test/fixtures/roster, made by scripts/write-roster-fixtures.ts)', () => {
  const fixture = (name: string) =>
    new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/roster/${name}`, import.meta.url))))
  const county = generateScenario({ seed: 320, cadres: 320, teams: 32 })
  const options = { asOf: county.asOf, county: county.county }

  it('reads 320 cadres under a title row, with dates typed four ways and posts named by title', async () => {
    const read = right(
      await readRoster({ workbook: { name: 'county-320.xlsx', data: fixture('county-320.xlsx') } }, options),
    )
    expect(read.scenario.cadres).toHaveLength(320)
    // Posts by team name and title: the same seats under one title are interchangeable, taken in row order.
    const title = new Map(county.teams.flatMap((t) => t.posts.map((p) => [p.id, `${t.name}${p.title}`])))
    const row = (c: (typeof county.cadres)[number]) => [
      c.id,
      c.gender,
      c.birth,
      c.party,
      c.rank,
      c.rankSince,
      c.currentPost === null ? null : [title.get(c.currentPost.postId), c.currentPost.since],
    ]
    const got = read.scenario.cadres.map(row)
    const want = county.cadres.map(row)
    const held = read.scenario.cadres.flatMap((c) => (c.currentPost === null ? [] : [c.currentPost.postId]))
    expect(new Set(held).size).toBe(county.cadres.filter((c) => c.currentPost !== null).length)
    expect(got).toEqual(want)
    expect(read.scenario.openPosts).toEqual(county.openPosts)
    expect(read.warnings.filter((w) => w.code === undefined).map((w) => w.message)).toEqual([
      'rows above the header row 2 skipped',
      'columns not read: 序号, 备注',
    ])
  })

  it('reports exactly the 30 deliberate mistakes of the broken copy, each at its cell', async () => {
    const read = await readRoster(
      { workbook: { name: 'broken.xlsx', data: fixture('county-320-broken.xlsx') } },
      options,
    )
    expect(read._tag).toBe('Left')
    if (read._tag !== 'Left') return
    const expected = JSON.parse(
      readFileSync(
        fileURLToPath(new URL('../fixtures/roster/county-320-broken.expected.json', import.meta.url)),
        'utf8',
      ),
    ) as { row: number; column: string; header: string }[]
    const got = read.left.issues
      .map((i) => ({ row: i.row, column: i.column, header: i.header }))
      .sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || String(a.column).localeCompare(String(b.column)))
    expect(got).toEqual(expected)
    expect(read.left.issues.every((i) => i.source === 'broken.xlsx#干部花名册')).toBe(true)
  })
})

describe('readRoster with LRMX forms', () => {
  it('fills history, grades and kin links from the forms when the workbook has no such sheets', async () => {
    const s = generateScenario({ seed: 12, cadres: 60, teams: 8 })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await writeRoster(s)) as unknown as ArrayBuffer)
    for (const name of ['工作经历', '亲属', '考核'])
      wb.removeWorksheet((wb.getWorksheet(name) as ExcelJS.Worksheet).id)
    const data = new Uint8Array(await wb.xlsx.writeBuffer())
    const lrmx = s.cadres.map((c) => {
      const f = formOfCadre(s, c.id)
      if (f._tag === 'Left') throw new Error(f.left.message)
      return { name: `${c.id}.lrmx`, data: writeLrmx(f.right) }
    })
    lrmx.push({ name: 'stranger.lrmx', data: '<Person><XingMing>无此人</XingMing></Person>' })
    const read = right(await readRoster({ workbook: { name: 'w.xlsx', data }, lrmx }, optionsOf(s)))
    // A form carries grades, not scores.
    const want = rosterPart(s) as { cadres: { assessments: { score?: number }[] }[] }
    for (const c of want.cadres) c.assessments = c.assessments.map(({ score: _, ...a }) => a)
    expect(encodeScenario(read.scenario)).toEqual(want)
    expect(read.warnings.filter((w) => w.code === undefined).map((w) => `${w.source}: ${w.message}`)).toEqual(
      ['stranger.lrmx: form of 无此人 matches no cadre of the roster: not read'],
    )
    expect(s.cadres.some((c) => c.kin.length > 0) && s.cadres.some((c) => c.history.length > 0)).toBe(true)
  })

  it('says so, naming both cadres, when a family member matches two cadres of the roster', async () => {
    const e = encodeScenario(generateScenario({ seed: 12, cadres: 20, teams: 4 })) as {
      cadres: { id: string; name: string; birth: string; kin: unknown[] }[]
    }
    const [a, b, c] = e.cadres as [(typeof e.cadres)[0], (typeof e.cadres)[0], (typeof e.cadres)[0]]
    // Two cadres of one name and birth month; a's form names one of them as his wife.
    b.name = '王芳'
    c.name = '王　芳'
    c.birth = b.birth
    for (const x of e.cadres) x.kin = []
    const decoded = decodeScenario({
      ...e,
      cadres: e.cadres.map((x) => (x === a ? { ...x, kin: [{ cadreId: b.id, relation: 'spouse' }] } : x)),
    })
    const plain = decodeScenario(e)
    if (decoded._tag === 'Left' || plain._tag === 'Left') throw new Error('invalid')
    const form = formOfCadre(decoded.right, a.id)
    if (form._tag === 'Left') throw new Error(form.left.message)
    const read = right(
      await readRoster(
        {
          workbook: { name: 'w.xlsx', data: await writeRoster(plain.right) },
          lrmx: [{ name: `${a.id}.lrmx`, data: writeLrmx(form.right) }],
        },
        optionsOf(plain.right),
      ),
    )
    // No link is guessed ...
    expect(read.scenario.cadres.find((x) => x.id === a.id)?.kin).toEqual([])
    // ... and none is dropped unsaid: the warning names the file, the member and both cadres.
    expect(read.warnings.filter((w) => w.code === undefined).map((w) => `${w.source}: ${w.message}`)).toEqual(
      [
        `${a.id}.lrmx: JiaTingChengYuan[0] (配偶 王芳): matches 2 cadres of the roster by name and birth month, "${b.id}", "${c.id}": no kin link made, so kin avoidance does not see it; give the link in the kin sheet (亲属)`,
      ],
    )
  })

  it('reports a form that cannot be read, at its file and element', async () => {
    const s = generateScenario({ seed: 12, cadres: 20, teams: 4 })
    const lrmx = [
      {
        name: 'bad.lrmx',
        data: '<Person><XingMing>张伟</XingMing><ChuShengNianYue>1985/13</ChuShengNianYue></Person>',
      },
    ]
    const read = await readRoster(
      { workbook: { name: 'w.xlsx', data: await writeRoster(s) }, lrmx },
      optionsOf(s),
    )
    expect(read._tag === 'Left' && read.left.issues.map((i) => i.message)).toEqual([
      'bad.lrmx, ChuShengNianYue: expected a month such as 1985.03, 1985-03, 1985年3月 or 198503, got "1985/13"',
    ])
  })
})
