/**
 * 身份证号 (GB 11643-1999): `readIdNumber` reads back the birth month and
 * gender of every well-formed number (built here with its check character),
 * finds every single-digit mistype, leaves masked numbers alone; and
 * `readRoster` warns at the cell when a number disagrees with the row,
 * without the number in the message or in the scenario.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readIdNumber } from '../../src/io/roster/id-number.js'
import { readRoster } from '../../src/roster.js'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const withCheck = (body: string): string => {
  const sum = [...body].reduce((t, d, i) => t + Number(d) * WEIGHTS[i]!, 0)
  return body + '10X98765432'[sum % 11]!
}
const pad = (n: number, w: number) => String(n).padStart(w, '0')

const idArb = fc
  .record({
    region: fc.integer({ min: 110000, max: 659999 }),
    year: fc.integer({ min: 1930, max: 2010 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    serial: fc.integer({ min: 0, max: 999 }),
  })
  .map((r) => ({
    ...r,
    id: withCheck(`${r.region}${r.year}${pad(r.month, 2)}${pad(r.day, 2)}${pad(r.serial, 3)}`),
    gender: r.serial % 2 === 1 ? 'male' : 'female',
  }))

describe('readIdNumber', () => {
  it('reads the birth month and gender of a well-formed number, written with blanks or a lower-case x', () => {
    fc.assert(
      fc.property(idArb, ({ id, year, month, gender }) => {
        const want = { kind: 'read', birth: `${year}-${pad(month, 2)}`, gender }
        expect(readIdNumber(id)).toEqual(want)
        expect(readIdNumber(` ${id.slice(0, 6)} ${id.slice(6).toLowerCase()} `)).toEqual(want)
      }),
      { seed: 42, numRuns: 300 },
    )
  })

  it('finds every single-digit mistype by its check character', () => {
    fc.assert(
      fc.property(idArb, fc.nat(16), fc.integer({ min: 1, max: 9 }), ({ id }, at, shift) => {
        const typo = id.slice(0, at) + String((Number(id[at]) + shift) % 10) + id.slice(at + 1)
        expect(readIdNumber(typo).kind).toBe('unreadable')
      }),
      { seed: 42, numRuns: 300 },
    )
  })

  it('reads the 15-digit form, refuses impossible dates and other shapes, and leaves masked numbers alone', () => {
    expect(readIdNumber('110105491231003')).toEqual({ kind: 'read', birth: '1949-12', gender: 'male' })
    expect(readIdNumber('11010519491231002X')).toEqual({ kind: 'read', birth: '1949-12', gender: 'female' })
    expect(readIdNumber('110105490231002').kind).toBe('unreadable') // 31 February
    expect(readIdNumber('1101051949123100').kind).toBe('unreadable')
    expect(readIdNumber('(none)').kind).toBe('unreadable')
    expect(readIdNumber('150102********0318')).toEqual({ kind: 'masked' })
    expect(readIdNumber('150102××××××××0318')).toEqual({ kind: 'masked' })
  })
})

describe('readRoster and 身份证号', () => {
  const TEAMS = '班子编号,班子名称,班子类别,所在地\nT1,和溪镇,乡镇,和溪镇\n'
  const POSTS = '岗位编号,班子编号,职务名称,岗位类别,职级,本轮调整\nP1,T1,副镇长,副职,副科,是\n'
  const roster = (ids: readonly string[]) =>
    readRoster(
      {
        cadres: {
          name: '干部.csv',
          data:
            '姓名,干部编号,性别,出生年月,民族,政治面貌,学历,职级,任现职级时间,籍贯,身份证号\n' +
            ids
              .map((id, i) => `张${i},C${i},女,1949.12,汉族,中共党员,大学,科员,2015.06,和溪镇,${id}\n`)
              .join(''),
        },
        teams: { name: '班子.csv', data: TEAMS },
        posts: { name: '岗位.csv', data: POSTS },
      },
      { asOf: '2026-12', county: '清溪县' },
    )

  it('warns at the cell when the number disagrees with the row or cannot be read, and never shows or keeps it', async () => {
    const ids = ['11010519491231002X', '110105194912310038', '110105195001310023', '11010519491231002Y', '']
    const read = await roster(ids)
    if (read._tag === 'Left') throw new Error(read.left.issues.map((i) => i.message).join('\n'))
    const messages = read.right.warnings.map((w) => w.message)
    const about = (row: number) => messages.filter((m) => m.startsWith(`row ${row}, column K (身份证号)`))
    expect(about(2)).toEqual([])
    expect(about(3)).toEqual([
      "row 3, column K (身份证号): the identity number says a man, where 性别 says female; the roster's values are used (check which is right)",
    ])
    expect(about(4)).toEqual([
      "row 4, column K (身份证号): the identity number says born 1950-01, where 出生年月 says 1949-12; the roster's values are used (check which is right)",
    ])
    expect(about(5)).toEqual([
      'row 5, column K (身份证号): not an identity number: it is neither 18 characters (17 digits and a check digit or X) nor 15 digits',
    ])
    expect(about(6)).toEqual([])
    expect(messages.filter((m) => m.includes('columns not read'))).toEqual([])
    const json = JSON.stringify(read.right)
    for (const id of ids.filter((x) => x !== '')) expect(json).not.toContain(id.slice(6, 14))
    expect(read.right.scenario.cadres.map((c) => [c.birth, c.gender])).toEqual(
      ids.map(() => ['1949-12', 'female']),
    )
  })
})
