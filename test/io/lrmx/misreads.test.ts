// Misreads of real forms: numeric character references, year ranges and
// 不定等次 in 年度考核结果, and UTF-8 files that declare GB2312.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import type { Assessment, Grade } from '../../../src/domain/types.js'
import { readLrmx, type LrmxRead } from '../../../src/io/lrmx/lrmx.js'
import { readAssessments, writeAssessments } from '../../../src/io/lrmx/text.js'
import { utf16 } from '../helpers.js'

const person = (body: string, declaration = '<?xml version="1.0" encoding="UTF-8"?>') =>
  `${declaration}\n<Person><XingMing>张伟</XingMing>${body}</Person>`

const read = (data: string | Uint8Array): LrmxRead => {
  const r = readLrmx(data, 'f.lrmx')
  if (r._tag === 'Left') throw new Error(r.left.issues.map((i) => i.message).join('; '))
  return r.right
}

const TWO_PERIODS = [
  { from: '2007-07', to: '2012-03', unit: '和溪镇党政办', post: '科员' },
  { from: '2012-03', to: null, unit: '和溪镇', post: '副镇长' },
]

describe('character references', () => {
  it('reads &#xD;&#xA;, &#10; and a lone &#xD; in 简历 as line breaks', () => {
    for (const br of ['&#xD;&#xA;', '&#10;', '&#xA;', '&#13;&#10;', '&#xD;']) {
      const r = read(
        person(`<JianLi>2007.07--2012.03  和溪镇党政办  科员${br}2012.03--  和溪镇  副镇长</JianLi>`),
      )
      expect(r.form.history, br).toEqual(TWO_PERIODS)
      expect(r.unread, br).toEqual([])
    }
  })

  it('reads a name written with character references', () => {
    expect(read('<Person><XingMing>&#x738B;芳</XingMing></Person>').form.name).toBe('王芳')
    expect(read('<Person><XingMing>&#29579;&#33459;</XingMing></Person>').form.name).toBe('王芳')
  })

  it('still reads the XML entities, once: &amp;#10; is the text "&#10;"', () => {
    const r = read(person('<RenMianLiYou>工作需要&amp;&lt;调整&gt;&quot;&apos;</RenMianLiYou>'))
    expect(r.form.reason).toBe('工作需要&<调整>"\'')
    expect(read(person('<RenMianLiYou>a&amp;#10;b&amp;amp;</RenMianLiYou>')).form.reason).toBe('a&#10;b&amp;')
  })

  it('expands no entity of an entity (no billion laughs)', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE Person [<!ENTITY a "hahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><Person><XingMing>&c;&c;&c;&c;</XingMing></Person>'
    const r = readLrmx(laughs)
    if (r._tag === 'Right') expect(r.right.form.name.length).toBeLessThan(100)
  })

  it('any text written as character references reads back as the text (property)', () => {
    const codePoint = fc.integer({ min: 0x20, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff)
    fc.assert(
      fc.property(fc.array(fc.tuple(codePoint, fc.boolean()), { minLength: 1, maxLength: 20 }), (cps) => {
        const text = String.fromCodePoint(...cps.map(([c]) => c))
        fc.pre(text.trim() !== '')
        const refs = cps.map(([c, hex]) => (hex ? `&#x${c.toString(16)};` : `&#${c};`)).join('')
        expect(read(`<Person><XingMing>${refs}</XingMing></Person>`).form.name).toBe(text.trim())
      }),
      { numRuns: 300, seed: 31 },
    )
  })
})

const competent = (...years: number[]): Assessment[] => years.map((year) => ({ year, grade: 'competent' }))

describe('年度考核结果: ranges, 不定等次, clauses without years', () => {
  it('reads a range of years as every year of it', () => {
    for (const t of [
      '2020-2022年度考核均为称职',
      '2020年至2022年度考核均为称职',
      '2020—2022年度考核均为称职',
      '2020～2022年度考核均为称职',
      '2020年度--2022年度考核结果均为称职',
      '2020至2022年年度考核均为称职',
    ])
      expect(readAssessments(t), t).toEqual({ assessments: competent(2020, 2021, 2022), unread: [] })
  })

  it('never takes 不定等次 for a grade, nor grades "the other years"', () => {
    const a = readAssessments('2021年度考核不定等次，其余年度均为称职')
    expect(a.assessments).toEqual([])
    expect(a.unread.map((u) => u.text)).toEqual(['2021年度考核不定等次', '其余年度均为称职'])
    expect(a.unread[0]?.expected).toContain('不定等次')

    const b = readAssessments('2020年度考核不定等次；2021、2022年度考核均为称职')
    expect(b.assessments).toEqual(competent(2021, 2022))
    expect(b.unread.map((u) => u.text)).toEqual(['2020年度考核不定等次'])
  })

  it('leaves unread what says more than years and a grade', () => {
    for (const t of [
      '2019年以来年度考核均为称职',
      '2018年至今年度考核均为称职',
      '2022-2020年度考核均为称职',
      '2020-22年度考核均为称职',
      '2021年度考核不为优秀',
      '近三年年度考核均为称职',
      '均为称职',
    ]) {
      const r = readAssessments(t)
      expect(r.assessments, t).toEqual([])
      expect(
        r.unread.map((u) => u.text),
        t,
      ).toEqual([t])
    }
  })

  it('a grade in the next clause goes with the years just before it, and only those', () => {
    expect(readAssessments('2021年、2022年年度考核结果，均为称职')).toEqual({
      assessments: competent(2021, 2022),
      unread: [],
    })
    const r = readAssessments('2021年度考核结果，2022年度考核优秀，称职')
    expect(r.assessments).toEqual([{ year: 2022, grade: 'excellent' }])
    expect(r.unread.map((u) => u.text)).toEqual(['2021年度考核结果', '称职'])
  })

  it('still reads the usual wordings', () => {
    for (const t of [
      '2021年度考核结果：称职',
      '2021年度考核被评为称职等次',
      '2021年度考核确定为称职',
      '2021年度、2022年度考核均为称职。',
      '2021年、2022年、2023年年度考核均为称职',
    ])
      expect(readAssessments(t).unread, t).toEqual([])
  })

  it('reads a grade with a note in brackets after it, but not a note that takes the grade back', () => {
    for (const t of ['2021年度考核优秀（记嘉奖）', '2021年度考核优秀(记三等功)'])
      expect(readAssessments(t), t).toEqual({ assessments: [{ year: 2021, grade: 'excellent' }], unread: [] })
    const r = readAssessments('2021年度考核称职（不定等次）')
    expect(r.assessments).toEqual([])
    expect(r.unread.map((u) => u.text)).toEqual(['2021年度考核称职(不定等次)'])
  })

  it('leaves out a year given two grades, or a grade and 不定等次', () => {
    const r = readAssessments('2021、2022年度考核均为优秀；2021年度考核称职')
    expect(r.assessments).toEqual([{ year: 2022, grade: 'excellent' }])
    expect(r.unread).toEqual([{ text: '2021年度考核称职', expected: 'one grade for 2021' }])
    const ungradedFirst = readAssessments('2021年度考核不定等次；2021年度考核称职')
    expect(ungradedFirst.assessments).toEqual([])
    expect(ungradedFirst.unread.map((u) => u.text)).toEqual(['2021年度考核不定等次', '2021年度考核称职'])
    const gradedFirst = readAssessments('2021年度考核称职；2021年度考核不定等次')
    expect(gradedFirst.assessments).toEqual([])
    expect(gradedFirst.unread.map((u) => u.text)).toEqual(['2021年度考核不定等次'])
  })

  it('expands no range of more than a hundred years', () => {
    expect(readAssessments('2000-2100年度考核均为称职').assessments).toHaveLength(101)
    const r = readAssessments('0001-9999年度考核均为称职')
    expect(r.assessments).toEqual([])
    expect(r.unread.map((u) => u.text)).toEqual(['0001-9999年度考核均为称职'])
  })

  it('reports the clauses of a form it could not read', () => {
    const r = read(person('<NianDuKaoHeJieGuo>2021年度考核不定等次，其余年度均为称职</NianDuKaoHeJieGuo>'))
    expect(r.form.assessments).toEqual([])
    expect(r.unread.map((u) => `${u.field}: ${u.text}`)).toEqual([
      'NianDuKaoHeJieGuo: 2021年度考核不定等次',
      'NianDuKaoHeJieGuo: 其余年度均为称职',
    ])
  })

  const grade = fc.constantFrom<[string, Grade]>(
    ['优秀', 'excellent'],
    ['称职', 'competent'],
    ['基本称职', 'basic'],
    ['不称职', 'incompetent'],
  )

  it('a range a–b with one grade is exactly the b−a+1 years, each with the grade (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1950, max: 2040 }),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom('-', '--', '—', '——', '～', '~', '至', '年至', '年度至', '年-'),
        grade,
        (a, span, dash, [word, g]) => {
          const b = a + span
          const r = readAssessments(`${a}${dash}${b}年度考核均为${word}`)
          expect(r.unread).toEqual([])
          expect(r.assessments).toHaveLength(b - a + 1)
          expect(r.assessments).toEqual(
            Array.from({ length: b - a + 1 }, (_, i) => ({ year: a + i, grade: g })),
          )
        },
      ),
      { numRuns: 300, seed: 32 },
    )
  })

  it('a clause without years never changes the grades read, and is reported (property)', () => {
    const graded = fc
      .uniqueArray(fc.integer({ min: 2000, max: 2030 }), { maxLength: 5 })
      .chain((years) => fc.tuple(...years.map((year) => grade.map(([, g]) => ({ year, grade: g })))))
      .map((xs) => [...xs].sort((a, b) => a.year - b.year))
    // A clause without years that says which years in words (其余年度 …): never read.
    const yearless = fc
      .tuple(
        fc.constantFrom('其余年度', '其他年度', '以前', '历年', '不定等次'),
        fc.array(fc.constantFrom('年度考核', '均为', '不定等次', '称职', '优秀', '等次', '其余'), {
          maxLength: 4,
        }),
        fc.nat(),
      )
      .map(([words, rest, at]) => {
        const i = at % (rest.length + 1)
        return [...rest.slice(0, i), words, ...rest.slice(i)].join('')
      })
    // A year left ungraded (1999) or waiting for its grade (1998) just before the clause.
    const before = fc.constantFrom('', '1999年度考核不定等次', '1998年度考核结果')
    fc.assert(
      fc.property(graded, before, yearless, (xs, open, clause) => {
        const r = readAssessments([writeAssessments(xs), open, clause].filter((c) => c !== '').join('；'))
        expect(r.assessments).toEqual(xs)
        expect(r.unread.map((u) => u.text)).toEqual([open, clause].filter((c) => c !== ''))
      }),
      { numRuns: 300, seed: 33 },
    )
  })

  it('never throws, and gives each year at most once (property)', () => {
    const soup = fc
      .array(
        fc.constantFrom(
          '2021',
          '2022',
          '1999',
          '-',
          '至',
          '—',
          '、',
          '年',
          '年度',
          '考核',
          '均为',
          '称职',
          '优秀',
          '不定等次',
          '其余',
          '，',
          '；',
          '。',
          '\n',
          ' ',
        ),
        { maxLength: 20 },
      )
      .map((xs) => xs.join(''))
    fc.assert(
      fc.property(fc.oneof(fc.string(), soup), (t) => {
        const r = readAssessments(t)
        const years = r.assessments.map((a) => a.year)
        expect(new Set(years).size).toBe(years.length)
        expect([...years].sort((a, b) => a - b)).toEqual(years)
      }),
      { numRuns: 500, seed: 34 },
    )
  })
})

describe('encoding', () => {
  const GB = '<?xml version="1.0" encoding="GB2312"?>'
  const utf8 = (s: string) => new TextEncoder().encode(s)

  it('reads UTF-8 bytes as UTF-8 even when the declaration says GB2312 or GBK', () => {
    for (const declaration of [
      GB,
      '<?xml version="1.0" encoding="GBK"?>',
      "<?xml version='1.0' encoding='gb18030'?>",
    ]) {
      const text = person('<XingBie>女</XingBie><MinZu>汉族</MinZu>', declaration).replace('张伟', '王芳')
      const r = read(utf8(text))
      expect(r.form).toMatchObject({ name: '王芳', gender: 'female', ethnicity: '汉族' })
      expect(read(utf8(text))).toEqual(read(text))
    }
  })

  it('reads UTF-16 with its byte-order mark, either byte order', () => {
    const text = person('<XingBie>女</XingBie><MinZu>汉族</MinZu>').replace('张伟', '王芳')
    for (const bigEndian of [false, true]) expect(read(utf16(text, bigEndian))).toEqual(read(text))
  })

  it('still reads GBK bytes as GBK, declared or not', () => {
    const text = person('<XingBie>女</XingBie><MinZu>汉族</MinZu>', GB).replace('张伟', '王芳')
    expect(read(new Uint8Array(iconv.encode(text, 'gbk')))).toEqual(read(text))
    const undeclared = text.replace(GB, '<?xml version="1.0"?>')
    expect(read(new Uint8Array(iconv.encode(undeclared, 'gbk')))).toEqual(read(undeclared))
  })

  it('reads every GB2312 fixture as its GBK text', () => {
    const dir = fileURLToPath(new URL('../../fixtures/lrmx/', import.meta.url))
    const gbk = readdirSync(dir)
      .filter((f) => f.endsWith('.lrmx'))
      .map((f) => new Uint8Array(readFileSync(join(dir, f))))
      .filter((b) => /encoding="GB2312"/.test(new TextDecoder('latin1').decode(b.subarray(0, 100))))
    expect(gbk.length).toBeGreaterThan(0)
    for (const b of gbk) expect(read(b)).toEqual(read(iconv.decode(Buffer.from(b), 'gb18030')))
  })
})
