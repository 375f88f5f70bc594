/**
 * Roster cells a clerk writes or Excel exports that were read otherwise than
 * meant (a day glued to the month, `1985.1` from a CSV, a date whose format
 * was lost, tab-separated text, a policy key naming every object's
 * prototype, two sheets of one kind, a blank 本轮调整 column, a padded name):
 * each is now read as meant or refused naming its place.
 */
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readRoster, type RosterSources } from '../../src/io/roster/read.js'
import { delimiterOf, unwrapFormula } from '../../src/io/roster/tables.js'
import { CSV_TEXT, readMonth } from '../../src/io/roster/values.js'
import { utf16 } from './helpers.js'

const CADRE_HEADER = [
  '干部编号',
  '姓名',
  '性别',
  '出生年月',
  '民族',
  '政治面貌',
  '学历',
  '职级',
  '任现职级时间',
  '籍贯',
  '现任岗位编号',
  '任现职时间',
]
const cadreRow = (over: Record<string, unknown> = {}) => {
  const base: Record<string, unknown> = {
    干部编号: 'C1',
    姓名: '张三',
    性别: '男',
    出生年月: '1985.03',
    民族: '汉族',
    政治面貌: '中共党员',
    学历: '大学',
    职级: '正科级',
    任现职级时间: '2018.01',
    籍贯: '青山旗',
    现任岗位编号: 'P1',
    任现职时间: '2019.05',
  }
  const r = { ...base, ...over }
  return CADRE_HEADER.map((h) => r[h] ?? null)
}
const TEAMS = { header: ['班子编号', '班子名称', '班子类别'], rows: [['T1', '和溪镇党委', '党委']] }
const POSTS = {
  header: ['岗位编号', '班子编号', '职务名称', '岗位类别', '职级'],
  rows: [
    ['P1', 'T1', '党委书记', '正职', '正科级'],
    ['P2', 'T1', '副书记', '副职', '副科级'],
  ],
}
const OPTIONS = { asOf: '2026-12', county: '青山旗' }

async function workbook(
  sheets: Record<string, { header: unknown[]; rows: unknown[][] }>,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  for (const [name, s] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name)
    ws.addRow(s.header)
    for (const r of s.rows) ws.addRow(r)
  }
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

const read = async (sheets: Record<string, { header: unknown[]; rows: unknown[][] }>, options = {}) =>
  readRoster({ workbook: { name: 'c.xlsx', data: await workbook(sheets) } }, { ...OPTIONS, ...options })

const messages = (r: Awaited<ReturnType<typeof readRoster>>): string[] =>
  r._tag === 'Left' ? r.left.issues.map((i) => i.message) : []

describe('months as clerks write them', () => {
  it('reads a day only after a separator of its own, and only a day of the month', () => {
    for (const ok of [
      '1985.03',
      '1985-3',
      '1985年3月',
      '1985年3月15日',
      '1985.03.15',
      '1985/3/31',
      '19850331',
    ])
      expect(readMonth(ok)).toEqual({ ok: true, value: '1985-03' })
    for (const bad of ['1985.031', '1985.123', '1985年03月45日', '1985.03.32', '19850332', '1985.03.0'])
      expect(readMonth(bad).ok).toBe(false)
  })

  it('never reads a month and glued digits as a month (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom('.', '-', '/'),
        (year, m, extra, sep) => {
          const mm = String(m).padStart(2, '0')
          expect(readMonth(`${year}${sep}${mm}`)).toEqual({ ok: true, value: `${year}-${mm}` })
          expect(readMonth(`${year}${sep}${mm}${extra}`).ok).toBe(false)
        },
      ),
    )
  })

  it('refuses 1985.1 from a CSV file (Excel writes 1985.10 so), and still reads it typed as text', () => {
    const csv = readMonth('1985.1', CSV_TEXT)
    expect(csv.ok).toBe(false)
    if (!csv.ok) expect(csv.expected).toContain('1985.10')
    expect(readMonth('1985.1')).toEqual({ ok: true, value: '1985-01' })
    expect(readMonth('1985.2', CSV_TEXT)).toEqual({ ok: true, value: '1985-02' })
    expect(readMonth('1985.10', CSV_TEXT)).toEqual({ ok: true, value: '1985-10' })
  })

  it('names the day a lost date format leaves as a serial number', () => {
    const r = readMonth(31107)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.expected).toContain('1985-03-01')
    // A year typed alone is not taken for a serial.
    const year = readMonth(1985)
    if (!year.ok) expect(year.expected).not.toContain('serial')
  })

  it('refuses 1985.1 in a CSV roster, naming the cell', async () => {
    const csv = [CADRE_HEADER.join(','), cadreRow({ 出生年月: '1985.1' }).join(',')].join('\n')
    const sources: RosterSources = {
      cadres: { name: 'cadres.csv', data: csv },
      teams: { name: 'teams.csv', data: [TEAMS.header, ...TEAMS.rows].map((r) => r.join(',')).join('\n') },
      posts: { name: 'posts.csv', data: [POSTS.header, ...POSTS.rows].map((r) => r.join(',')).join('\n') },
    }
    const r = await readRoster(sources, OPTIONS)
    expect(messages(r)).toEqual([
      expect.stringMatching(/^cadres\.csv, row 2, column D \(出生年月\): .*1985\.10/),
    ])
  })
})

describe('CSV files', () => {
  it('reads a cell written ="…" (a value exports keep as text) as its text', async () => {
    expect(unwrapFormula('="1985.10"')).toBe('1985.10')
    expect(unwrapFormula('="say ""hi"""')).toBe('say "hi"')
    expect(unwrapFormula('=SUM(A1)')).toBe('=SUM(A1)')
    const csv = [
      CADRE_HEADER.join(','),
      cadreRow({ 出生年月: '="1985.10"', 干部编号: '="00123"' }).join(','),
    ].join('\n')
    const r = await readRoster(
      {
        cadres: { name: 'cadres.csv', data: csv },
        teams: { name: 'teams.csv', data: [TEAMS.header, ...TEAMS.rows].map((x) => x.join(',')).join('\n') },
        posts: { name: 'posts.csv', data: [POSTS.header, ...POSTS.rows].map((x) => x.join(',')).join('\n') },
      },
      OPTIONS,
    )
    expect(r._tag).toBe('Right')
    if (r._tag === 'Right')
      expect(r.right.scenario.cadres.map((c) => [c.id, c.birth])).toEqual([['00123', '1985-10']])
  })

  it('takes a tab as the delimiter when the first line has more tabs than commas', () => {
    expect(delimiterOf('a\tb\tc\n1,5\t2\t3')).toBe('\t')
    expect(delimiterOf('\n\na,b\tc\n')).toBe(',')
    expect(delimiterOf('')).toBe(',')
  })

  it("reads Excel's Unicode text export (UTF-16 with tabs), and UTF-16 big-endian", async () => {
    const lines = (rows: unknown[][], sep: string) =>
      rows.map((r) => r.map((c) => c ?? '').join(sep)).join('\r\n')
    for (const bigEndian of [false, true]) {
      const sources: RosterSources = {
        cadres: { name: 'cadres.txt', data: utf16(lines([CADRE_HEADER, cadreRow()], '\t'), bigEndian) },
        teams: { name: 'teams.txt', data: utf16(lines([TEAMS.header, ...TEAMS.rows], '\t'), bigEndian) },
        posts: { name: 'posts.txt', data: utf16(lines([POSTS.header, ...POSTS.rows], '\t'), bigEndian) },
      }
      const r = await readRoster(sources, OPTIONS)
      expect(r._tag).toBe('Right')
      if (r._tag === 'Right')
        expect(r.right.scenario.cadres.map((c) => [c.name, c.birth])).toEqual([['张三', '1985-03']])
    }
  })
})

describe('sheets and options', () => {
  it('refuses a policy key that names every object’s prototype, and pollutes nothing', async () => {
    for (const path of ['__proto__.polluted', 'constructor.prototype.hacked', 'structure.__proto__.x']) {
      const r = await read({
        干部: { header: CADRE_HEADER, rows: [cadreRow()] },
        班子: TEAMS,
        岗位: POSTS,
        政策: { header: ['参数', '值'], rows: [[path, 1]] },
      })
      expect(messages(r)).toEqual([expect.stringContaining('expected a setting of the policy')])
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      expect(({} as Record<string, unknown>).hacked).toBeUndefined()
      expect(({} as Record<string, unknown>).x).toBeUndefined()
    }
  })

  it('refuses two sheets of one kind, naming both, rather than read the first', async () => {
    const r = await read({
      '干部（2025年）': { header: CADRE_HEADER, rows: [cadreRow()] },
      '干部（2026年）': { header: CADRE_HEADER, rows: [cadreRow({ 姓名: '李四' })] },
      班子: TEAMS,
      岗位: POSTS,
    })
    expect(messages(r)).toEqual([
      'c.xlsx#干部（2026年）: expected one sheet of cadres (干部（2025年） is one): remove or rename the other, got a second, 干部（2026年）',
    ])
  })

  it('says so when the 本轮调整 column marks no post, unless the caller names the open posts', async () => {
    const posts = { header: [...POSTS.header, '本轮调整'], rows: POSTS.rows.map((r) => [...r, null]) }
    const sheets = { 干部: { header: CADRE_HEADER, rows: [cadreRow()] }, 班子: TEAMS, 岗位: posts }
    const blank = await read(sheets)
    expect(blank._tag).toBe('Right')
    if (blank._tag === 'Right') {
      expect(blank.right.scenario.openPosts).toEqual([])
      expect(blank.right.warnings.map((w) => w.message)).toContainEqual(
        expect.stringContaining('marks no post'),
      )
    }
    const named = await read(sheets, { openPosts: ['P2'] })
    if (named._tag === 'Right')
      expect(named.right.warnings.map((w) => w.message)).not.toContainEqual(
        expect.stringContaining('marks no post'),
      )
  })

  it('answers headers that are no object with an issue, not a throw', async () => {
    const data = await workbook({
      干部: { header: CADRE_HEADER, rows: [cadreRow()] },
      班子: TEAMS,
      岗位: POSTS,
    })
    for (const headers of [null, 3, { cadres: null }, { cadres: 'x' }]) {
      const r = await readRoster(
        { workbook: { name: 'c.xlsx', data } },
        { ...OPTIONS, headers: headers as never },
      )
      expect(r._tag).toBe('Left')
      expect(messages(r).join('\n')).toMatch(/^options, column headers/)
    }
  })

  it('matches an appointment form to a cadre whose name the roster pads (张　三)', async () => {
    const form = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<Person><XingMing>张三</XingMing><XingBie>男</XingBie><ChuShengNianYue>198503</ChuShengNianYue>',
      '<JianLi>2007.07--2012.03  和溪镇党政办  科员</JianLi></Person>',
    ].join('')
    for (const name of ['张　三', '张 三', '张三']) {
      const r = await readRoster(
        {
          workbook: {
            name: 'c.xlsx',
            data: await workbook({
              干部: { header: CADRE_HEADER, rows: [cadreRow({ 姓名: name })] },
              班子: TEAMS,
              岗位: POSTS,
            }),
          },
          lrmx: [{ name: 'a.lrmx', data: form }],
        },
        OPTIONS,
      )
      expect(r._tag).toBe('Right')
      if (r._tag === 'Right') {
        expect(r.right.scenario.cadres[0]!.history).toHaveLength(1)
        expect(r.right.warnings.map((w) => w.message)).not.toContainEqual(
          expect.stringContaining('matches no cadre'),
        )
      }
    }
  })
})
