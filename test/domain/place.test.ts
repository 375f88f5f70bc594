import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parsePlace, samePlace } from '../../src/domain/place.js'

describe('parsePlace', () => {
  it('reads a name as a path of administrative units', () => {
    expect(parsePlace('内蒙古自治区赤峰市青山旗和溪镇')).toEqual({
      text: '内蒙古自治区赤峰市青山旗和溪镇',
      countyCode: null,
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

  it('reads a division code by its county, and a city or province code as no county', () => {
    expect(parsePlace('150421101').countyCode).toBe('150421')
    expect(parsePlace('150421101001').countyCode).toBe('150421')
    expect(parsePlace('150400').countyCode).toBeNull()
  })

  it('reads a name with no known suffix as no unit at all, ignoring blanks', () => {
    expect(parsePlace(' Wengniute ')).toEqual({
      text: 'Wengniute',
      countyCode: null,
      above: [],
      county: null,
      town: null,
    })
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
})
