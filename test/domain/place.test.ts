import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parsePlace, samePlace } from '../../src/domain/place.js'

describe('parsePlace', () => {
  it('reads a name as a path of administrative units', () => {
    expect(parsePlace('内蒙古自治区赤峰市青山旗和溪镇')).toEqual({
      text: '内蒙古自治区赤峰市青山旗和溪镇',
      countyCode: null,
      province: '内蒙古',
      above: ['内蒙古自治区', '赤峰市'],
      county: '青山旗',
      town: '和溪镇',
    })
  })

  it('keeps suffix characters inside names (杭州市, 新乡市, 市中区, 乡城县)', () => {
    expect(['杭州市', '新乡市', '市中区', '乡城县', '宁乡市'].map((t) => parsePlace(t).county)).toEqual([
      '杭州市',
      '新乡市',
      '市中区',
      '乡城县',
      '宁乡市',
    ])
    expect(parsePlace('广州市天河区')).toMatchObject({ above: ['广州市'], county: '天河区' })
    expect(parsePlace('桐乡市乌镇镇')).toMatchObject({ above: [], county: '桐乡市', town: '乌镇镇' })
    expect(parsePlace('吉林省长春市朝阳区')).toMatchObject({ above: ['吉林省', '长春市'], county: '朝阳区' })
    expect(parsePlace('延边朝鲜族自治州龙井市')).toMatchObject({
      above: ['延边朝鲜族自治州'],
      county: '龙井市',
    })
  })

  it('reads a province by its full or its short name (籍贯), and a county without its suffix after it', () => {
    expect(parsePlace('内蒙古青山旗')).toEqual({
      text: '内蒙古青山旗',
      countyCode: null,
      province: '内蒙古',
      above: ['内蒙古'],
      county: '青山旗',
      town: null,
    })
    expect(parsePlace('内蒙古青山')).toMatchObject({ province: '内蒙古', above: ['内蒙古'], county: '青山' })
    expect(parsePlace('内蒙古自治区青山')).toMatchObject({ province: '内蒙古', county: '青山' })
    expect(parsePlace('山东平度')).toMatchObject({ province: '山东', county: '平度' })
    expect(parsePlace('锡林郭勒盟西乌')).toMatchObject({
      province: null,
      above: ['锡林郭勒盟'],
      county: '西乌',
    })
    expect(parsePlace('吉林省长春市朝阳区')).toMatchObject({ province: '吉林' })
    expect(parsePlace('北京市朝阳区')).toMatchObject({
      province: '北京',
      above: ['北京市'],
      county: '朝阳区',
    })
    expect(parsePlace('广西南宁市青秀区')).toMatchObject({ province: '广西', above: ['广西', '南宁市'] })
    expect(parsePlace('广西壮族自治区南宁市青秀区')).toMatchObject({
      province: '广西',
      above: ['广西壮族自治区', '南宁市'],
    })
    expect(parsePlace('新疆维吾尔自治区伊犁哈萨克自治州伊宁县')).toMatchObject({
      province: '新疆',
      above: ['新疆维吾尔自治区', '伊犁哈萨克自治州'],
      county: '伊宁县',
    })
  })

  it('does not take a short name for the province where it begins a unit, a town or a village', () => {
    expect(parsePlace('吉林市船营区')).toMatchObject({ province: null, above: ['吉林市'], county: '船营区' })
    expect(parsePlace('海南藏族自治州共和县')).toMatchObject({ province: null, above: ['海南藏族自治州'] })
    expect(parsePlace('河南蒙古族自治县')).toMatchObject({ province: null, county: '河南蒙古族自治县' })
    expect(parsePlace('海南区')).toMatchObject({ province: null, county: '海南区' })
    expect(parsePlace('湖南镇')).toMatchObject({ province: null, county: null, town: '湖南镇' })
    expect(parsePlace('北京路街道')).toMatchObject({ province: null, town: '北京路街道' })
    expect(parsePlace('北京市')).toMatchObject({ province: null, county: '北京市' })
  })

  it('reads a county without its suffix only after a province or a unit above the county', () => {
    // a 市 may be a county-level city followed by a town: not read
    expect(parsePlace('桐乡市石门')).toMatchObject({ province: null, above: [], county: null, town: null })
    expect(parsePlace('内蒙古赤峰市青山')).toMatchObject({ county: null, town: null })
    expect(parsePlace('青山')).toMatchObject({ province: null, county: null, town: null })
    expect(parsePlace('清溪县和溪')).toMatchObject({ county: null, town: null })
  })

  it('reads a division code by its county, and a city or province code as no county', () => {
    expect(parsePlace('150421101').countyCode).toBe('150421')
    expect(parsePlace('150421101001').countyCode).toBe('150421')
    expect(parsePlace('150400').countyCode).toBeNull()
  })

  it('reads a name with no known suffix as no unit at all, ignoring blanks', () => {
    expect(parsePlace(' Wengniute ')).toEqual({
      text: 'Wengniute',
      countyCode: null,
      province: null,
      above: [],
      county: null,
      town: null,
    })
  })

  it('reads a name of up to 100 characters as units, and a longer text as none, matching only itself', () => {
    const name = (n: number) => `清溪县${'和'.repeat(n - 4)}镇`
    expect(parsePlace(name(100))).toMatchObject({ county: '清溪县', town: `${'和'.repeat(96)}镇` })
    expect(parsePlace(`  ${name(100)} `).county).toBe('清溪县')
    expect(parsePlace(name(101))).toMatchObject({ province: null, above: [], county: null, town: null })
    expect([
      samePlace(name(100), '清溪县'),
      samePlace(name(101), '清溪县'),
      samePlace(name(101), name(101)),
    ]).toEqual([true, false, true])
  })

  it('reads a text of 20,000 characters without overflowing the stack', () => {
    for (const text of ['市'.repeat(20000), '镇乡'.repeat(10000), `内蒙古${'青山'.repeat(10000)}`])
      expect(parsePlace(text)).toMatchObject({ text, county: null, town: null })
  })
})

describe('samePlace (the home county of hometown avoidance)', () => {
  const cases: [string, string, boolean][] = [
    // the reviewer's case, both ways
    ['清溪县和溪镇', '和溪镇', true],
    ['和溪镇', '清溪县和溪镇', true],
    // the same county, whatever the town
    ['清溪县和溪镇', '清溪县', true],
    ['清溪县', '清溪县石桥镇', true],
    ['清溪县和溪镇', '清溪县石桥镇', true],
    ['内蒙古自治区赤峰市青山旗', '青山旗', true],
    ['赤峰市青山旗', '内蒙古自治区赤峰市青山旗和溪镇', true],
    ['通辽市霍林郭勒市', '霍林郭勒市', true],
    ['桐乡市乌镇镇', '乌镇镇', true],
    ['北京市朝阳区', '长春市朝阳区', false],
    // different counties, or not enough to tell
    ['甲县和溪镇', '乙县和溪镇', false],
    ['赤峰市青山旗', '通辽市青山旗', false],
    ['内蒙古自治区', '内蒙古自治区青山旗', false],
    ['赤峰市', '赤峰市青山旗', false],
    ['和溪镇', '石桥镇', false],
    ['清溪县石桥镇', '和溪镇', false],
    ['清溪县', '石桥县', false],
    // codes: the county's six digits
    ['150421', '150421101', true],
    ['150421101001', '150421203', true],
    ['150421', '150422', false],
    ['150400', '150421', false],
    ['150400', '150400', true],
    // a code against a name: unknown
    ['150421', '青山旗', false],
    // a province by its short name, a county without its suffix (籍贯)
    ['内蒙古青山旗', '青山旗', true],
    ['内蒙古青山', '青山旗', true],
    ['内蒙古自治区青山旗', '赤峰市青山旗', true],
    ['内蒙古青山旗', '内蒙古自治区赤峰市青山旗', true],
    ['内蒙古青山', '内蒙古自治区赤峰市青山旗和溪镇', true],
    ['广西青山县', '广西壮族自治区青山县', true],
    ['广西自治区青山县', '广西壮族自治区青山县', true],
    ['新疆伊宁县', '新疆维吾尔自治区伊犁哈萨克自治州伊宁县', true],
    ['山东平度', '青岛市平度市', true],
    ['北京朝阳', '北京市朝阳区', true],
    ['北京朝阳区', '朝阳区', true],
    ['锡林郭勒盟西乌', '西乌旗', true],
    ['吉林省吉林市船营区', '吉林市船营区', true],
    ['海南藏族自治州共和县', '青海省海南藏族自治州共和县', true],
    ['河南蒙古族自治县', '青海河南蒙古族自治县', true],
    ['北京路街道', '越秀区北京路街道', true],
    // ... but not where a level both name differs, nor two different suffixes
    ['山东省青山县', '内蒙古青山旗', false],
    ['山东省青山旗', '内蒙古青山旗', false],
    ['山东青山', '内蒙古青山旗', false],
    ['内蒙古青山', '湖北省武汉市青山区', false],
    ['北京市朝阳区', '辽宁省朝阳县', false],
    ['北京朝阳区', '辽宁朝阳区', false],
    ['北京朝阳', '长春市朝阳区', false],
    ['内蒙古赤峰市青山旗', '内蒙古通辽市青山旗', false],
    ['内蒙古青山县', '内蒙古青山旗', false],
    ['内蒙古青山', '内蒙古白山旗', false],
    ['朝阳区', '朝阳县', false],
    // ... nor a county without its suffix where nothing says it is a county
    ['青山', '青山区', false],
    ['桐乡市石门', '石门县', false],
    ['内蒙古', '内蒙古自治区', false],
    ['内蒙古', '内蒙古青山旗', false],
    // names without suffixes: exactly, blanks aside
    ['Wengniute', 'Wengniute', true],
    ['Wengniute', ' Wengniute', true],
    ['Wengniute', 'Ongniud', false],
    ['Q', 'R', false],
  ]
  it.each(cases)('%s ~ %s: %s', (a, b, want) => {
    expect(samePlace(a, b)).toBe(want)
    expect(samePlace(b, a)).toBe(want)
  })
})

describe('samePlace (properties)', () => {
  // two-character stems from characters that are no suffix
  const stem = fc
    .tuple(fc.constantFrom(...'青白沙云北金榆和石清溪山河'), fc.constantFrom(...'山泉湖岭川溪桥林源口'))
    .map(([a, b]) => a + b)
  const county = fc.tuple(stem, fc.constantFrom('县', '旗', '区', '市')).map(([a, b]) => a + b)
  const town = fc.tuple(stem, fc.constantFrom('镇', '乡', '苏木', '街道')).map(([a, b]) => a + b)
  const city = stem.map((a) => `${a}市`)
  const runs = { seed: 42, numRuns: 300 }

  it('matches a county, any of its towns and its path under a city, whichever way round', () => {
    fc.assert(
      fc.property(city, county, town, town, (ci, c, t1, t2) => {
        for (const [a, b] of [
          [c + t1, c],
          [c + t1, t1],
          [c + t1, c + t2],
          [ci + c, c + t1],
          [ci + c + t1, t1],
        ] as const) {
          expect(samePlace(a, b)).toBe(true)
          expect(samePlace(b, a)).toBe(true)
        }
      }),
      runs,
    )
  })

  it('does not match towns of two different counties, nor the same county under two cities', () => {
    fc.assert(
      fc.property(city, city, county, county, town, (ci1, ci2, c1, c2, t) => {
        fc.pre(c1 !== c2 && ci1 !== ci2)
        expect(samePlace(c1 + t, c2 + t)).toBe(false)
        expect(samePlace(c1, c2 + t)).toBe(false)
        expect(samePlace(ci1 + c1, ci2 + c1)).toBe(false)
      }),
      runs,
    )
  })

  // provinces with a prefecture level (a municipality has none), by short and full names
  const PROVINCES: readonly (readonly [string, ...string[]])[] = [
    ['内蒙古', '内蒙古自治区'],
    ['山东', '山东省'],
    ['河北', '河北省'],
    ['黑龙江', '黑龙江省'],
    ['广西', '广西壮族自治区', '广西自治区'],
    ['新疆', '新疆维吾尔自治区'],
    ['西藏', '西藏自治区'],
    ['宁夏', '宁夏回族自治区'],
  ]
  const province = fc.integer({ min: 0, max: PROVINCES.length - 1 })
  /** One way of writing a place of a province, city and county (stem and suffix), all drawn by `fc`. */
  const writing = fc.record({
    province: fc.constantFrom('none', 'short', 'full'),
    full: fc.nat(),
    city: fc.boolean(),
    suffix: fc.boolean(),
    town: fc.option(town, { nil: null }),
  })
  type Writing = typeof writing extends fc.Arbitrary<infer W> ? W : never
  const written = (p: number, ci: string, stem: string, suffix: string, w: Writing): string => {
    const names = PROVINCES[p]!
    const full = names.slice(1)
    const prov = w.province === 'none' ? '' : w.province === 'short' ? names[0] : full[w.full % full.length]!
    // a county without its suffix is read only right after the province
    const bare = !w.suffix && prov !== '' && !w.city
    return prov + (w.city ? ci : '') + stem + (bare ? '' : suffix) + (bare || w.town === null ? '' : w.town)
  }
  const countySuffix = fc.constantFrom('县', '旗', '区', '市')

  it('matches a county however its province, city and suffix are written or left out', () => {
    fc.assert(
      fc.property(province, city, stem, countySuffix, writing, writing, (p, ci, st, sx, w1, w2) => {
        const a = written(p, ci, st, sx, w1)
        const b = written(p, ci, st, sx, w2)
        expect(samePlace(a, b)).toBe(true)
        expect(samePlace(b, a)).toBe(true)
      }),
      { seed: 42, numRuns: 1000 },
    )
  })

  it('does not match places that differ at a level both name: province, city or county', () => {
    fc.assert(
      fc.property(
        fc.tuple(province, province),
        fc.tuple(city, city),
        fc.tuple(stem, stem),
        fc.tuple(countySuffix, countySuffix),
        writing,
        writing,
        ([p1, p2], [ci1, ci2], [st1, st2], [sx1, sx2], w1, w2) => {
          const differ = (a: string, b: string) => {
            expect(samePlace(a, b)).toBe(false)
            expect(samePlace(b, a)).toBe(false)
          }
          const both = (w: Writing): Writing => ({
            ...w,
            province: w.province === 'none' ? 'short' : w.province,
          })
          // another province, both named
          if (p1 !== p2) differ(written(p1, ci1, st1, sx1, both(w1)), written(p2, ci1, st1, sx1, both(w2)))
          // another city, both named
          if (ci1 !== ci2)
            differ(
              written(p1, ci1, st1, sx1, { ...w1, city: true }),
              written(p1, ci2, st1, sx1, { ...w2, city: true }),
            )
          // another county, with or without suffixes
          if (st1 !== st2) differ(written(p1, ci1, st1, sx1, w1), written(p1, ci1, st2, sx2, w2))
          // the same name with two different suffixes, both written
          if (sx1 !== sx2)
            differ(
              written(p1, ci1, st1, sx1, { ...w1, suffix: true }),
              written(p1, ci1, st1, sx2, { ...w2, suffix: true }),
            )
        },
      ),
      { seed: 42, numRuns: 1000 },
    )
  })
})
