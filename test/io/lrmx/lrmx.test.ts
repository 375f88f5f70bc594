import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import type { LrmxForm } from '../../../src/io/lrmx/form.js'
import { formOfCadre, readLrmxFolder } from '../../../src/io/lrmx/folder.js'
import { readLrmx, writeLrmx } from '../../../src/io/lrmx/lrmx.js'
import { readAssessments, readResume, writeResume } from '../../../src/io/lrmx/text.js'
import { generateScenario, sampleScenario } from '../../../src/sample/index.js'

// A form as a county's editor writes it: GB2312 declared, a wrapped résumé line, odd lines.
const FORM = `<?xml version="1.0" encoding="UTF-8"?>
<Person>
  <XingMing>张伟</XingMing>
  <XingBie>男</XingBie>
  <ChuShengNianYue>197503</ChuShengNianYue>
  <MinZu>汉族</MinZu>
  <JiGuan>内蒙古清溪县</JiGuan>
  <ChuShengDi>内蒙古清溪县</ChuShengDi>
  <RuDangShiJian>1996.06</RuDangShiJian>
  <ZhengZhiMianMao>中共党员</ZhengZhiMianMao>
  <CanJiaGongZuoShiJian>199807</CanJiaGongZuoShiJian>
  <QuanRiZhiJiaoYu_XueLi>大学</QuanRiZhiJiaoYu_XueLi>
  <QuanRiZhiJiaoYu_XueWei>农学学士</QuanRiZhiJiaoYu_XueWei>
  <QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi>内蒙古农业大学农学专业</QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi>
  <XianRenZhiWu>和溪镇党委书记</XianRenZhiWu>
  <NiRenZhiWu>清溪县农牧局局长</NiRenZhiWu>
  <JianLi>1994.09--1998.07  内蒙古农业大学农学专业学习
1998.07--2005.03  清溪县和溪镇党政办科员
2005.03—2011.06  清溪县农牧局副局长
2011.06--  清溪县和溪镇党委副书记、镇长（其间：2012.03--2012.07在市委党校
    中青班学习）
(其间：2014年挂职锻炼)
2018.13--2019.01  清溪县某局某职</JianLi>
  <NianDuKaoHeJieGuo>2021、2022年度考核均为称职；2023年度考核优秀；2020年度考核待定</NianDuKaoHeJieGuo>
  <JiaTingChengYuan>
    <Item><ChengWei>妻子</ChengWei><XingMing>李娜</XingMing><ChuShengRiQi>1978.11</ChuShengRiQi><ZhengZhiMianMao>群众</ZhengZhiMianMao><GongZuoDanWeiJiZhiWu>清溪县第一中学教师</GongZuoDanWeiJiZhiWu></Item>
    <Item><ChengWei>父亲</ChengWei><XingMing>张建国</XingMing><ChuShengRiQi>1950</ChuShengRiQi><ZhengZhiMianMao>中共党员</ZhengZhiMianMao><GongZuoDanWeiJiZhiWu>已退休</GongZuoDanWeiJiZhiWu></Item>
    <Item><ChengWei>干亲</ChengWei><XingMing>王某</XingMing><ChuShengRiQi></ChuShengRiQi><ZhengZhiMianMao></ZhengZhiMianMao><GongZuoDanWeiJiZhiWu></GongZuoDanWeiJiZhiWu></Item>
  </JiaTingChengYuan>
  <JiSuanNianLingShiJian>202612</JiSuanNianLingShiJian>
  <ShenFenZheng>150000197503010000</ShenFenZheng>
  <ZhaoPian>iVBORw0KGgo=</ZhaoPian>
</Person>`

describe('readLrmx', () => {
  it('reads the form: dates, résumé periods, grades, family; odd lines come back unread', () => {
    const r = readLrmx(FORM, 'zhang.lrmx')
    expect(r._tag).toBe('Right')
    if (r._tag !== 'Right') return
    const { form, unread } = r.right
    expect(form).toMatchObject({
      name: '张伟',
      gender: 'male',
      birth: '1975-03',
      ethnicity: '汉族',
      ancestralHome: '内蒙古清溪县',
      partyJoined: '1996-06',
      party: 'cpc',
      workStart: '1998-07',
      currentPost: '和溪镇党委书记',
      proposedPost: '清溪县农牧局局长',
      asOf: '2026-12',
      idNumber: '150000197503010000',
    })
    expect(form.fullTimeEducation).toEqual({
      level: '大学',
      degree: '农学学士',
      school: '内蒙古农业大学农学专业',
      degreeSchool: '',
    })
    expect(form.history).toEqual([
      { from: '1998-07', to: '2005-03', unit: '清溪县和溪镇党政办', post: '科员' },
      { from: '2005-03', to: '2011-06', unit: '清溪县农牧局', post: '副局长' },
      { from: '2011-06', to: null, unit: '清溪县和溪镇', post: '党委副书记、镇长' },
    ])
    expect(form.assessments).toEqual([
      { year: 2021, grade: 'competent' },
      { year: 2022, grade: 'competent' },
      { year: 2023, grade: 'excellent' },
    ])
    expect(form.family.map((f) => [f.title, f.relation, f.birth])).toEqual([
      ['妻子', 'spouse', '1978-11'],
      ['父亲', 'parent', null],
      ['干亲', null, null],
    ])
    expect(form.photo).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    expect(unread.map((u) => `${u.field}: ${u.text}`)).toEqual([
      'JianLi: 1994.09--1998.07  内蒙古农业大学农学专业学习',
      'JianLi: 2018.13--2019.01  清溪县某局某职',
      'NianDuKaoHeJieGuo: 2020年度考核待定',
      'JiaTingChengYuan[2].ChengWei: 干亲',
    ])
  })

  it('reads a GBK file whose declaration says GB2312 as the same form', () => {
    const gbk = new Uint8Array(iconv.encode(FORM.replace('encoding="UTF-8"', 'encoding="GB2312"'), 'gbk'))
    const a = readLrmx(FORM)
    const b = readLrmx(gbk)
    expect(b).toEqual(a)
  })

  it('refuses what is not a form, with the reason', () => {
    const cases: [unknown, string][] = [
      ['<Person><XingMing>张伟</XingMing', 'form.lrmx: expected well-formed XML'],
      ['<Cadre/>', 'form.lrmx: expected an XML document with a root <Person>'],
      ['<Person><XingBie>男</XingBie></Person>', 'form.lrmx XingMing: expected 姓名, got nothing'],
      [
        '<Person><XingMing>张伟</XingMing><ChuShengNianYue>1975.13</ChuShengNianYue></Person>',
        'ChuShengNianYue',
      ],
      [42, 'expected the bytes or text of an LRMX file'],
    ]
    for (const [input, message] of cases) {
      const r = readLrmx(input as string)
      expect(r._tag).toBe('Left')
      if (r._tag === 'Left') expect(r.left.issues[0]?.message).toContain(message)
    }
  })
})

describe('résumé and assessment text', () => {
  it('reads the usual ways of writing a period', () => {
    for (const line of [
      '2005.03--2011.06  清溪县农牧局副局长',
      '2005.03-2011.06 清溪县农牧局副局长',
      '2005.03—2011.06清溪县农牧局副局长',
      '2005年3月至2011年6月 清溪县农牧局副局长',
      '2005.3--2011.6　清溪县农牧局副局长',
    ])
      expect(readResume(line).periods, line).toEqual([
        { from: '2005-03', to: '2011-06', unit: '清溪县农牧局', post: '副局长' },
      ])
    expect(readResume('2011.06--至今  清溪县和溪镇 党委书记').periods).toEqual([
      { from: '2011-06', to: null, unit: '清溪县和溪镇', post: '党委书记' },
    ])
  })

  it('keeps units and posts as written: brackets after the post, 今 and dates in the unit, full-width forms', () => {
    const H = (unit: string, post: string, to: string | null = null) => [{ from: '2001-01', to, unit, post }]
    for (const periods of [
      H('青山旗人民政府', '副旗长（农牧）'),
      H('青山旗农牧局', '副局长(主持工作)'),
      H('今日报社', '记者'),
      H('今日报社', '记者', '2005-06'),
      H('2020.1号院管委会', '主任'),
      H('Ａ局', '科员'),
    ])
      expect(readResume(writeResume(periods)), JSON.stringify(periods)).toEqual({ periods, unread: [] })
    // An open period is written 至今; a bare 今 begins the unit.
    expect(writeResume(H('今日报社', '记者'))).toBe('2001.01--至今  今日报社  记者')
    expect(readResume('2001.01--  今日报社  记者').periods).toEqual(H('今日报社', '记者'))
    // Dates are matched folded, the text kept as written.
    expect(readResume('２００１．０１－－２００５．０６  Ａ局  科员').periods).toEqual(
      H('Ａ局', '科员', '2005-06'),
    )
    // A bracket after a blank, or one saying 其间, is a note; one right after the post is the post's.
    expect(readResume('2001.01--至今  青山旗农牧局  科员 （借调市委办）').periods).toEqual(
      H('青山旗农牧局', '科员'),
    )
    expect(readResume('2001.01--至今  和溪镇  镇长（其间：2012.03--2012.07在党校学习）').periods).toEqual(
      H('和溪镇', '镇长'),
    )
  })

  it('reads grades without taking 基本称职 for 称职', () => {
    expect(readAssessments('2021年度考核基本称职，2022年度考核不称职').assessments).toEqual([
      { year: 2021, grade: 'basic' },
      { year: 2022, grade: 'incompetent' },
    ])
    expect(readAssessments('2021年、2022年年度考核结果，均为称职').assessments).toEqual([
      { year: 2021, grade: 'competent' },
      { year: 2022, grade: 'competent' },
    ])
    expect(readAssessments('2021年度考核优秀；2021年度考核称职').unread).toHaveLength(1)
  })
})

// Characters the round trip changes, drawn into the forms' texts: what XML 1.0 cannot hold, carriage
// returns and line breaks of every kind, tabs.
const NOT_XML = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000B',
  '\u000C',
  '\u000E',
  '\u001F',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDFFF',
]
const BREAKS = ['\r', '\r\n', '\n', '\u2028', '\u2029']
const ODD = [...NOT_XML, ...BREAKS, '\t']
/** A character outside XML 1.0's `Char` production (a surrogate in a pair is a character of its own). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u

// What the round trip keeps of a text (docs/import-export.md, LRMX): the characters XML 1.0 cannot
// hold are left out, and the surrounding blanks (spaces, tabs, line breaks) trimmed; CR, tabs and line
// breaks inside are kept. Inside a résumé unit or post a line break goes too, with the blanks around it.
const kept = (t: string) => t.replace(new RegExp(NOT_XML_CHAR.source, 'gu'), '').trim()
const keptInResume = (t: string) => kept(kept(t).replace(/\s*(?:\r\n?|[\n\u2028\u2029])\s*/g, ''))

// Arbitrary forms: dates as months; texts with blanks, line breaks and controls anywhere.
const word = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...'清溪和县镇局办科员长a1-（）&<>"\' ') },
    { weight: 1, arbitrary: fc.constantFrom(...ODD) },
  ),
  minLength: 1,
  maxLength: 12,
})
const text = fc.oneof(fc.constant(''), word)
/** `s` with `c` put in at `at` (modulo its length + 1). */
const putIn = ([s, at, c]: readonly [string, number, string]) => {
  const i = at % (s.length + 1)
  return `${s.slice(0, i)}${c}${s.slice(i)}`
}
const ym = fc
  .tuple(fc.integer({ min: 1940, max: 2030 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`)
// Units and posts as written: full-width forms, brackets right after the post, a unit beginning
// with 今, 至今 or a date, full-width digits.
const listedUnit = fc.constantFrom(
  '清溪县和溪镇',
  '清溪县农牧局',
  '青山旗党委',
  '某某中学',
  '清溪县 和溪镇',
  '今日报社',
  '至今大厦管理处',
  '2020.1号院管委会',
  '２０２０．１号院',
  'Ａ局',
  '青山旗（牧区）工委',
)
const listedPost = fc.constantFrom(
  '科员',
  '副镇长',
  '党委书记',
  '局长',
  '书记',
  '教师',
  '副主任科员',
  '干部',
  '副旗长（农牧）',
  '副局长(主持工作)',
  'Ａ组组长',
  '㈱经理',
)
// Either as listed, or with a line break, a control or a tab (a unit) put in.
const unit = fc.oneof(listedUnit, fc.tuple(listedUnit, fc.nat(), fc.constantFrom(...ODD)).map(putIn))
const post = fc.oneof(
  listedPost,
  fc.tuple(listedPost, fc.nat(), fc.constantFrom(...NOT_XML, ...BREAKS)).map(putIn),
)
const form: fc.Arbitrary<LrmxForm> = fc.record({
  name: word.filter((s) => kept(s) !== ''),
  gender: fc.constantFrom('male', 'female', null),
  birth: fc.option(ym, { nil: null }),
  ethnicity: text,
  ancestralHome: text,
  birthplace: text,
  partyJoined: fc.option(ym, { nil: null }),
  party: fc.constantFrom('cpc', 'democratic-party', 'none'),
  workStart: fc.option(ym, { nil: null }),
  health: text,
  professionalTitle: text,
  expertise: text,
  fullTimeEducation: fc.record({ level: text, degree: text, school: text, degreeSchool: text }),
  inServiceEducation: fc.record({ level: text, degree: text, school: text, degreeSchool: text }),
  currentPost: text,
  proposedPost: text,
  removedPost: text,
  history: fc.array(fc.record({ from: ym, to: fc.option(ym, { nil: null }), unit, post }), { maxLength: 6 }),
  rewards: text,
  assessments: fc
    .uniqueArray(fc.integer({ min: 2000, max: 2030 }), { maxLength: 5 })
    .chain((years) =>
      fc.tuple(
        ...years.map((year) =>
          fc.constantFrom('excellent', 'competent', 'basic', 'incompetent').map((grade) => ({ year, grade })),
        ),
      ),
    )
    .map((xs) => [...xs].sort((a, b) => a.year - b.year)),
  reason: text,
  family: fc.array(
    fc
      .record({
        title: fc.constantFrom('妻子', '丈夫', '父亲', '母亲', '儿子', '女儿', '哥哥'),
        name: text,
        birth: fc.option(ym, { nil: null }),
        party: text,
        work: text,
      })
      .map((f) => ({
        ...f,
        relation: (
          {
            妻子: 'spouse',
            丈夫: 'spouse',
            父亲: 'parent',
            母亲: 'parent',
            儿子: 'child',
            女儿: 'child',
            哥哥: 'sibling',
          } as const
        )[f.title],
        birthText: f.birth === null ? '' : f.birth.replace('-', '.'),
      })),
    { maxLength: 4 },
  ),
  submittingUnit: text,
  asOf: fc.option(ym, { nil: null }),
  filledOn: fc.option(ym, { nil: null }),
  filledBy: text,
  idNumber: text,
  photo: fc.option(fc.uint8Array({ minLength: 1, maxLength: 40 }), { nil: null }),
}) as fc.Arbitrary<LrmxForm>

/** The form `readLrmx(writeLrmx(f))` gives: `f` with each text as the round trip keeps it. */
function roundTrip(f: LrmxForm): LrmxForm {
  const edu = (e: LrmxForm['fullTimeEducation']) => ({
    level: kept(e.level),
    degree: kept(e.degree),
    school: kept(e.school),
    degreeSchool: kept(e.degreeSchool),
  })
  return {
    ...f,
    name: kept(f.name),
    ethnicity: kept(f.ethnicity),
    ancestralHome: kept(f.ancestralHome),
    birthplace: kept(f.birthplace),
    health: kept(f.health),
    professionalTitle: kept(f.professionalTitle),
    expertise: kept(f.expertise),
    fullTimeEducation: edu(f.fullTimeEducation),
    inServiceEducation: edu(f.inServiceEducation),
    currentPost: kept(f.currentPost),
    proposedPost: kept(f.proposedPost),
    removedPost: kept(f.removedPost),
    history: f.history.map((h) => ({ ...h, unit: keptInResume(h.unit), post: keptInResume(h.post) })),
    rewards: kept(f.rewards),
    reason: kept(f.reason),
    family: f.family.map((m) => ({ ...m, name: kept(m.name), party: kept(m.party), work: kept(m.work) })),
    submittingUnit: kept(f.submittingUnit),
    filledBy: kept(f.filledBy),
    idNumber: kept(f.idNumber),
  }
}

describe('writeLrmx: what XML cannot hold, carriage returns, line separators, blanks', () => {
  const s = sampleScenario()
  const made = formOfCadre(s, s.cadres[0]!.id)
  if (made._tag === 'Left') throw new Error(made.left.message)
  const base = made.right
  const back = (f: LrmxForm) => {
    const r = readLrmx(writeLrmx(f))
    if (r._tag === 'Left') throw new Error(r.left.issues[0]?.message)
    return r.right
  }

  it('leaves out the characters XML 1.0 cannot hold, so that any XML parser reads the file', () => {
    const f = {
      ...base,
      name: '张\u0001伟',
      currentPost: '\uFFFE清溪县\uD800农牧局局长\uFFFF',
      rewards: 'a\u0000b\u000Bc\u000Cd\u001Fe',
      family: base.family.map((m) => ({ ...m, work: `${m.work}\u0008` })),
    }
    const xml = writeLrmx(f)
    expect(xml).not.toMatch(NOT_XML_CHAR)
    const r = back(f)
    expect(r.unread).toEqual([])
    expect(r.form).toEqual({
      ...f,
      name: '张伟',
      currentPost: '清溪县农牧局局长',
      rewards: 'abcde',
      family: base.family,
    })
    // A surrogate pair is one character, kept.
    expect(back({ ...base, rewards: '𠀀' }).form.rewards).toBe('𠀀')
  })

  it('a carriage return reads back as itself (written &#xD;, as the editors write it)', () => {
    const f = { ...base, rewards: '2019年嘉奖\r\n2021年记三等功\r2022年', reason: '工作\n需要' }
    expect(writeLrmx(f)).toContain('2019年嘉奖&#xD;\n2021年记三等功&#xD;2022年')
    expect(back(f).form).toEqual(f)
  })

  it('a résumé unit holding U+2028 or U+2029 is read: the separator is a line break, dropped inside a unit', () => {
    const history = [
      { from: '1998-07', to: '2002-09', unit: '清溪县\u2028和溪镇', post: '科员' },
      { from: '2002-09', to: null, unit: '清溪县农牧局', post: '副\u2029局长' },
    ]
    const r = back({ ...base, history })
    expect(r.unread).toEqual([])
    expect(r.form.history).toEqual([
      { from: '1998-07', to: '2002-09', unit: '清溪县和溪镇', post: '科员' },
      { from: '2002-09', to: null, unit: '清溪县农牧局', post: '副局长' },
    ])
    // Read as line breaks between periods too, and in the assessment results.
    expect(readResume('2001.01--2005.06  A局  科员\u20282005.06--至今  B局  局长').periods).toEqual([
      { from: '2001-01', to: '2005-06', unit: 'A局', post: '科员' },
      { from: '2005-06', to: null, unit: 'B局', post: '局长' },
    ])
    expect(readAssessments('2021年度考核优秀\u20292022年度考核称职')).toEqual({
      assessments: [
        { year: 2021, grade: 'excellent' },
        { year: 2022, grade: 'competent' },
      ],
      unread: [],
    })
  })

  it('the blanks around a text, a leading tab among them, are trimmed (those inside are kept)', () => {
    const r = back({ ...base, health: '\t健康', expertise: '农牧\t经济 ' })
    expect([r.form.health, r.form.expertise]).toEqual(['健康', '农牧\t经济'])
  })
})

describe('writeLrmx / readLrmx (properties)', () => {
  it('readLrmx(writeLrmx(form)) is the form as the round trip keeps it, nothing unread; the file is XML 1.0', () => {
    fc.assert(
      fc.property(form, (f) => {
        const xml = writeLrmx(f)
        expect(xml).not.toMatch(NOT_XML_CHAR)
        const r = readLrmx(xml)
        expect(r._tag).toBe('Right')
        if (r._tag !== 'Right') return
        expect(r.right.unread).toEqual([])
        expect(r.right.form).toEqual(roundTrip(f))
      }),
      { numRuns: 300, seed: 20 },
    )
  })

  it('a form of clean texts comes back exactly', () => {
    const clean = (t: string) => kept(t).replace(/[\r\n\t\u2028\u2029]/g, '')
    fc.assert(
      fc.property(form, (g) => {
        // The generated form, its texts made clean: nothing the round trip changes.
        const f = JSON.parse(JSON.stringify({ ...g, photo: null }), (_, v: unknown) =>
          typeof v === 'string' ? clean(v) : v,
        ) as LrmxForm
        fc.pre(f.name !== '')
        const r = readLrmx(writeLrmx({ ...f, photo: g.photo }))
        expect(r._tag === 'Right' && r.right.form).toEqual({ ...f, photo: g.photo })
      }),
      { numRuns: 200, seed: 22 },
    )
  })

  it('never throws on arbitrary bytes, text or XML of the right shape', () => {
    const xmlish = fc
      .array(
        fc.constantFrom(
          '<Person>',
          '</Person>',
          '<JianLi>',
          '</JianLi>',
          '<Item>',
          '</Item>',
          '<JiaTingChengYuan>',
          '</JiaTingChengYuan>',
          '<XingMing>',
          '</XingMing>',
          '2001.03--',
          '张',
          '&amp;',
          '&',
          '&#xD;&#xA;',
          '&#x738B;',
          '&#0;',
          '&#xD800;',
          '&#99999999;',
          '<!DOCTYPE x [<!ENTITY a "b">]>',
          '\n',
        ),
        { maxLength: 30 },
      )
      .map((xs) => xs.join(''))
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.string(), xmlish), (input) => {
        const r = readLrmx(input)
        expect(['Left', 'Right']).toContain(r._tag)
      }),
      { numRuns: 500, seed: 21 },
    )
  })
})

/** `xml` with the first `<el>…</el>` followed by a copy of it, its text `copy` (by default the same). */
function twice(xml: string, el: string, copy?: (inner: string) => string): string {
  const m = new RegExp(`<${el}>([\\s\\S]*?)</${el}>`).exec(xml)
  if (m === null) throw new Error(`no <${el}>`)
  const again = copy === undefined ? m[0] : `<${el}>${copy(m[1]!)}</${el}>`
  return xml.replace(m[0], `${m[0]}\n${again}`)
}

/** The elements `writeLrmx` writes under `<Person>`, and those of them a form is refused for. */
const ELEMENTS = [
  'XingMing',
  'XingBie',
  'ChuShengNianYue',
  'MinZu',
  'JiGuan',
  'ChuShengDi',
  'RuDangShiJian',
  'ZhengZhiMianMao',
  'CanJiaGongZuoShiJian',
  'JianKangZhuangKuang',
  'ZhuanYeJiShuZhiWu',
  'ShuXiZhuanYeYouHeZhuanChang',
  'QuanRiZhiJiaoYu_XueLi',
  'ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi',
  'XianRenZhiWu',
  'NiRenZhiWu',
  'NiMianZhiWu',
  'JianLi',
  'JiangChengQingKuang',
  'NianDuKaoHeJieGuo',
  'RenMianLiYou',
  'JiaTingChengYuan',
  'ChengBaoDanWei',
  'JiSuanNianLingShiJian',
  'TianBiaoShiJian',
  'TianBiaoRen',
  'ShenFenZheng',
  'ZhaoPian',
]
const CORE = [
  'XingMing',
  'XingBie',
  'ChuShengNianYue',
  'RuDangShiJian',
  'ZhengZhiMianMao',
  'CanJiaGongZuoShiJian',
]

describe('readLrmx: an element written twice (a re-saved or merged file)', () => {
  it('reads the copies when they agree: the same form, the same lines unread', () => {
    const once = readLrmx(FORM, 'zhang.lrmx')
    for (const el of [...ELEMENTS.filter((e) => FORM.includes(`<${e}>`)), 'ChengWei'])
      expect(readLrmx(twice(FORM, el), 'zhang.lrmx'), el).toEqual(once)
    // An Item twice is two members alike, each read: a list, not a field.
    const items = readLrmx(twice(FORM, 'Item'), 'zhang.lrmx')
    expect(items._tag === 'Right' && items.right.form.family.map((m) => m.name)).toEqual([
      '李娜',
      '李娜',
      '张建国',
      '王某',
    ])
  })

  it('refuses a core field given twice with different values, naming the element and both texts', () => {
    const r = readLrmx(
      twice(FORM, 'XingMing', () => '张三'),
      'zhang.lrmx',
    )
    expect(r).toEqual({
      _tag: 'Left',
      left: {
        _tag: 'InvalidLrmx',
        issues: [
          {
            file: 'zhang.lrmx',
            field: 'XingMing',
            text: '张伟\n张三',
            copies: ['张伟', '张三'],
            expected: 'one value (<XingMing> once, or its copies alike)',
            message: 'zhang.lrmx XingMing: given twice with different values: "张伟", "张三"',
          },
        ],
      },
    })
    for (const el of [
      'ChuShengNianYue',
      'RuDangShiJian',
      'ZhengZhiMianMao',
      'XingBie',
      'CanJiaGongZuoShiJian',
    ]) {
      const bad = readLrmx(
        twice(FORM, el, (t) => (el === 'XingBie' ? '女' : `${t.slice(0, 4)}01`)),
        'zhang.lrmx',
      )
      expect(bad._tag === 'Left' && bad.left.issues.map((i) => [i.field, i.copies?.length]), el).toEqual([
        [el, 2],
      ])
      expect(bad._tag === 'Left' && bad.left.issues[0]!.message, el).toContain(
        `zhang.lrmx ${el}: given twice with different values: `,
      )
    }
  })

  it('leaves any other field given twice with different values out of the form, unread with both texts', () => {
    const cases: [string, (f: LrmxForm) => unknown][] = [
      ['MinZu', (f) => f.ethnicity],
      ['JiGuan', (f) => f.ancestralHome],
      ['JianLi', (f) => f.history],
      ['NianDuKaoHeJieGuo', (f) => f.assessments],
      ['JiaTingChengYuan', (f) => f.family],
      ['ShenFenZheng', (f) => f.idNumber],
      ['ZhaoPian', (f) => f.photo],
      ['JiSuanNianLingShiJian', (f) => f.asOf],
    ]
    const empty = readLrmx('<Person><XingMing>张伟</XingMing></Person>')
    if (empty._tag === 'Left') throw new Error('expected a form')
    for (const [el, of] of cases) {
      const r = readLrmx(
        twice(FORM, el, (t) => `${t}改`),
        'zhang.lrmx',
      )
      if (r._tag === 'Left') throw new Error(`${el}: ${r.left.issues[0]?.message}`)
      expect(of(r.right.form), el).toEqual(of(empty.right.form))
      const said = r.right.unread.filter((u) => u.field === el)
      expect(
        said.map((u) => u.copies?.length),
        el,
      ).toEqual([2])
      expect(said[0]!.message, el).toMatch(
        new RegExp(`^zhang\\.lrmx ${el}: given twice with different values`),
      )
    }
    const r = readLrmx(
      twice(FORM, 'JiGuan', () => '青山旗'),
      'zhang.lrmx',
    )
    expect(r._tag === 'Right' && r.right.unread.find((u) => u.field === 'JiGuan')).toEqual({
      file: 'zhang.lrmx',
      field: 'JiGuan',
      text: '内蒙古清溪县\n青山旗',
      copies: ['内蒙古清溪县', '青山旗'],
      expected: 'one value (<JiGuan> once, or its copies alike)',
      message: 'zhang.lrmx JiGuan: given twice with different values: "内蒙古清溪县", "青山旗"',
    })
    // The 身份证号 and the photo are kept in `copies`, never shown in a message.
    const id = readLrmx(
      twice(FORM, 'ShenFenZheng', () => '150000197503019999'),
      'zhang.lrmx',
    )
    const said = id._tag === 'Right' ? id.right.unread.find((u) => u.field === 'ShenFenZheng') : undefined
    expect(said?.copies).toEqual(['150000197503010000', '150000197503019999'])
    expect(`${said?.message} ${said?.text}`).not.toMatch(/15000019750301/)
    // A family member's field given twice: that field unread, the member kept.
    const member = readLrmx(
      twice(FORM, 'ChengWei', () => '丈夫'),
      'zhang.lrmx',
    )
    if (member._tag === 'Left') throw new Error('expected a form')
    expect(member.right.form.family[0]).toMatchObject({ title: '', relation: null, name: '李娜' })
    expect(member.right.unread.filter((u) => u.field?.startsWith('JiaTingChengYuan[0]'))).toEqual([
      expect.objectContaining({ field: 'JiaTingChengYuan[0].ChengWei', copies: ['妻子', '丈夫'] }),
    ])
  })

  it('any element written twice: alike, the file reads as once; different, never silently absent (property)', () => {
    fc.assert(
      fc.property(form, fc.constantFrom(...ELEMENTS), fc.boolean(), (f, el, alike) => {
        const xml = writeLrmx(f)
        const once = readLrmx(xml)
        const r = readLrmx(twice(xml, el, alike ? undefined : (t) => `${t}改`))
        if (alike) {
          expect(r).toEqual(once)
          return
        }
        const found = r._tag === 'Left' ? r.left.issues : r.right.unread
        expect(r._tag).toBe(CORE.includes(el) ? 'Left' : 'Right')
        expect(found.filter((i) => i.field === el).map((i) => i.copies?.length)).toEqual([2])
      }),
      { numRuns: 300, seed: 23 },
    )
  })
})

describe('the door of formOfCadre and writeLrmx', () => {
  const s = sampleScenario()
  const id = s.cadres[0]!.id

  it('formOfCadre answers a Left naming the argument, never throws', () => {
    const tagOf = (r: ReturnType<typeof formOfCadre>) => (r._tag === 'Left' ? r.left._tag : 'Right')
    const messageOf = (r: ReturnType<typeof formOfCadre>) => (r._tag === 'Left' ? r.left.message : '')
    for (const bad of [undefined, null, 42, {}, { cadres: [] }, [s]]) {
      const r = formOfCadre(bad as never, id)
      expect(tagOf(r)).toBe('InvalidArgument')
      expect(messageOf(r)).toMatch(/^scenario: expected a decoded Scenario/)
    }
    expect(messageOf(formOfCadre(s, 42 as never))).toBe('cadreId: expected a cadre id (a string), got 42')
    const nul = formOfCadre(s, id, null as never)
    expect(tagOf(nul)).toBe('InvalidOptions')
    expect(messageOf(nul)).toMatch(/^proposed: expected an options object/)
    expect(messageOf(formOfCadre(s, id, { post: 3 } as never))).toBe(
      'proposed.post: expected a string, got 3',
    )
    expect(messageOf(formOfCadre(s, 'nope'))).toBe('no cadre with id "nope"')
    expect(tagOf(formOfCadre(s, id, undefined))).toBe('Right')
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(s), fc.constant(id)), { maxLength: 3 }),
        (args) => {
          expect(() => (formOfCadre as (...a: unknown[]) => unknown)(...args)).not.toThrow()
        },
      ),
      { numRuns: 300, seed: 24 },
    )
  })

  it('writeLrmx throws a TypeError naming the field of a malformed form, never a bare one', () => {
    const made = formOfCadre(s, id)
    if (made._tag === 'Left') throw new Error(made.left.message)
    const f = made.right
    const cases: [unknown, string][] = [
      [undefined, 'writeLrmx: form: expected a form (LrmxForm: from readLrmx or formOfCadre), got undefined'],
      [null, 'writeLrmx: form: expected a form (LrmxForm: from readLrmx or formOfCadre), got null'],
      [{ ...f, name: undefined }, 'writeLrmx: form.name: expected a string, got undefined'],
      [{ ...f, birth: '1975-3' }, 'writeLrmx: form.birth: expected a month YYYY-MM, or null, got "1975-3"'],
      [{ ...f, gender: 'x' }, 'writeLrmx: form.gender: expected one of "male", "female", or null, got "x"'],
      [
        { ...f, fullTimeEducation: undefined },
        'writeLrmx: form.fullTimeEducation: expected an education entry',
      ],
      [{ ...f, history: null }, 'writeLrmx: form.history: expected an array, got null'],
      [
        { ...f, history: [{ from: '2001-01', to: 5, unit: 'a', post: 'b' }] },
        'writeLrmx: form.history[0].to: expected a month',
      ],
      [
        { ...f, assessments: [{ year: 2020, grade: 'good' }] },
        'writeLrmx: form.assessments[0].grade: expected one of',
      ],
      [
        { ...f, family: [{ title: '妻子' }] },
        'writeLrmx: form.family[0].name: expected a string, got undefined',
      ],
      [{ ...f, photo: [1, 2] }, 'writeLrmx: form.photo: expected bytes (a Uint8Array), or null, got [1,2]'],
    ]
    for (const [bad, message] of cases) {
      expect(() => writeLrmx(bad as LrmxForm)).toThrow(TypeError)
      expect(() => writeLrmx(bad as LrmxForm)).toThrow(message)
    }
    // A key that is no field of a form is left alone, even one that holds itself.
    const cyclic: Record<string, unknown> = { ...f }
    cyclic.self = cyclic
    expect(writeLrmx(cyclic as unknown as LrmxForm)).toBe(writeLrmx(f))
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(f)), { maxLength: 2 }),
        (args) => {
          try {
            ;(writeLrmx as (...a: unknown[]) => unknown)(...args)
          } catch (e) {
            expect(e).toBeInstanceOf(TypeError)
            expect((e as Error).message).toMatch(/^writeLrmx: form(\.|\[|:)/)
          }
        },
      ),
      { numRuns: 300, seed: 25 },
    )
  })
})

describe('forms of a scenario', () => {
  it('a cadre written as a form reads back with the same personal data, résumé and grades', () => {
    for (const seed of [1, 2, 3]) {
      const s = generateScenario({ seed, cadres: 60, teams: 8 })
      for (const c of s.cadres) {
        const f = formOfCadre(s, c.id)
        if (f._tag === 'Left') throw new Error(f.left.message)
        const r = readLrmx(writeLrmx(f.right))
        if (r._tag === 'Left') throw new Error(r.left.issues[0]?.message)
        expect(r.right.unread).toEqual([])
        expect(r.right.form).toEqual(f.right)
        expect(r.right.form.history).toEqual(c.history)
        expect(r.right.form.assessments).toEqual(c.assessments.map(({ year, grade }) => ({ year, grade })))
      }
    }
    expect(formOfCadre(sampleScenario(), 'nope')._tag).toBe('Left')
  })

  it('a folder turns the relatives who have forms of their own into kin links', () => {
    const s = sampleScenario()
    const withKin = s.cadres.filter((c) => c.kin.length > 0).slice(0, 6)
    const ids = new Set(withKin.flatMap((c) => [c.id, ...c.kin.map((k) => k.cadreId)]))
    const files = [...ids].map((id) => {
      const f = formOfCadre(s, id)
      if (f._tag === 'Left') throw new Error(f.left.message)
      return { name: `${id}.lrmx`, data: writeLrmx(f.right) }
    })
    files.push({ name: 'broken.lrmx', data: '<Person>' })
    const r = readLrmxFolder(files)
    expect(r._tag).toBe('Right')
    if (r._tag !== 'Right') return
    expect(r.right.forms).toHaveLength(ids.size)
    expect(r.right.issues.map((i) => i.file)).toEqual(['broken.lrmx'])
    const links = r.right.kin.map((k) => `${k.file}→${k.kinFile}:${k.relation}`).sort()
    const want = [...ids]
      .flatMap((id) =>
        (s.cadres.find((c) => c.id === id)?.kin ?? [])
          .filter((k) => ids.has(k.cadreId))
          .map((k) => `${id}.lrmx→${k.cadreId}.lrmx:${k.relation}`),
      )
      .sort()
    expect(links).toEqual(want)
    expect(links.length).toBeGreaterThan(0)
  })

  it('matches a relative to a form as the roster merge does: blanks and full-width forms aside', () => {
    // Before, a form of 张 三 (padded with a full-width blank) was no kin of the form naming 张三.
    const s = sampleScenario()
    const c = s.cadres.find((x) => x.kin.length > 0)!
    const relative = c.kin[0]!
    const own = formOfCadre(s, c.id)
    const theirs = formOfCadre(s, relative.cadreId)
    if (own._tag === 'Left' || theirs._tag === 'Left') throw new Error('expected forms')
    const name = theirs.right.name
    const padded = [...name].join('\u3000')
    const files = [
      { name: 'own.lrmx', data: writeLrmx(own.right) },
      { name: 'theirs.lrmx', data: writeLrmx({ ...theirs.right, name: padded }) },
    ]
    const r = readLrmxFolder(files)
    if (r._tag === 'Left') throw new Error('expected forms')
    expect(r.right.forms.map((f) => f.form.name)).toContain(padded)
    expect(r.right.kin).toContainEqual({
      file: 'own.lrmx',
      kinFile: 'theirs.lrmx',
      relation: relative.relation,
    })
  })
})

describe('the fixture folder (test/fixtures/lrmx)', () => {
  const dir = fileURLToPath(new URL('../../fixtures/lrmx/', import.meta.url))
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.lrmx'))
    .sort()
    .map((name) => ({ name, data: new Uint8Array(readFileSync(join(dir, name))) }))

  it('reads every form but the broken one, GBK or not, and says what it could not read', () => {
    expect(files.length).toBeGreaterThanOrEqual(20)
    const r = readLrmxFolder(files)
    expect(r._tag).toBe('Right')
    if (r._tag !== 'Right') return
    expect(r.right.forms).toHaveLength(files.length - 1)
    expect(r.right.kin.length).toBeGreaterThan(0)
    expect(r.right.issues.map((i) => `${i.file} ${i.field}: ${i.text}`)).toEqual([
      'no-name.lrmx XingMing: ',
      'no-name.lrmx XingBie: 男士',
      'no-name.lrmx ChuShengNianYue: 1975/13',
      'odd-resume.lrmx JianLi: 2005.09--2009.07  内蒙古大学经济管理学院学习',
      'odd-resume.lrmx JianLi: 2020.3~2020.13  清溪县某办',
      'odd-resume.lrmx NianDuKaoHeJieGuo: 2020年度考核结果为',
      'odd-resume.lrmx JiaTingChengYuan[2].ChuShengRiQi: 1960年代',
    ])
    const odd = r.right.forms.find((f) => f.file === 'odd-resume.lrmx')?.form
    expect(odd?.history).toEqual([
      { from: '2009-08', to: '2012-03', unit: '清溪县财政局', post: '科员' },
      { from: '2012-03', to: '2016-09', unit: '清溪县财政局预算股', post: '股长' },
      { from: '2016-09', to: null, unit: '清溪县财政局', post: '副局长' },
      { from: '2019-03', to: '2020-03', unit: '挂职清溪县和溪镇', post: '党委副书记' },
    ])
    expect(odd?.assessments).toEqual([
      { year: 2021, grade: 'excellent' },
      { year: 2022, grade: 'competent' },
      { year: 2023, grade: 'competent' },
    ])
    const gbk = r.right.forms.find((f) => f.file === 'gbk-undeclared.lrmx')?.form
    expect(gbk).toMatchObject({
      name: '钱卫东',
      ethnicity: '回族',
      party: 'democratic-party',
      birth: '1979-11',
    })
  })

  it('holds forms that are the sample county as it is today (npx tsx scripts/write-lrmx-fixtures.ts rewrites them)', () => {
    const s = sampleScenario()
    for (const f of files.filter((f) => f.name.startsWith('C'))) {
      const form = formOfCadre(s, f.name.replace('.lrmx', ''), { reason: '工作需要' })
      const r = readLrmx(f.data, f.name)
      expect(form._tag === 'Right' && r._tag === 'Right' && r.right.form).toEqual(
        form._tag === 'Right' && form.right,
      )
    }
  })
})
