import { describe, expect, it } from 'vitest'
import { ETHNIC_GROUPS, ethnicGroup, ethnicityLabel, parseEthnicity } from '../../src/domain/ethnicity.js'
import { ETHNICITIES } from '../../src/sample/names.js'

describe('ETHNIC_GROUPS (GB 3304)', () => {
  it('lists the 56 groups numbered 01–56 in order, then 97 and 98', () => {
    expect(ETHNIC_GROUPS.map((e) => e.gb)).toEqual([
      ...Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')),
      '97',
      '98',
    ])
    expect(new Set(ETHNIC_GROUPS.map((e) => e.code)).size).toBe(58)
  })

  it('has the GB 3304 names at spot-checked numbers', () => {
    const at = (gb: string) => ETHNIC_GROUPS.find((e) => e.gb === gb)
    expect([at('01'), at('02'), at('10'), at('31'), at('46'), at('56')].map((e) => [e?.zh, e?.en])).toEqual([
      ['汉族', 'Han'],
      ['蒙古族', 'Mongol'],
      ['朝鲜族', 'Korean'],
      ['达斡尔族', 'Daur'],
      ['德昂族', "De'ang"],
      ['基诺族', 'Jino'],
    ])
  })

  it('keeps the codes the sample generator writes', () => {
    for (const code of ETHNICITIES) expect(ethnicGroup(code)?.code).toBe(code)
  })

  it('reads every form of every group into its own code, and no form into two groups', () => {
    for (const e of ETHNIC_GROUPS) {
      const forms = [e.code, e.gb, String(Number(e.gb)), e.zh, e.en, e.en.toUpperCase(), ...e.aliases]
      if (e.zh.endsWith('族')) forms.push(e.zh.slice(0, -1))
      for (const f of forms) expect([f, parseEthnicity(f)]).toEqual([f, e.code])
    }
  })
})

describe('parseEthnicity', () => {
  it('accepts the code, the GB number, the Chinese name with or without 族 and the English name in any case', () => {
    expect(['han', '01', '1', '汉族', '汉', 'Han', 'HAN', ' han '].map(parseEthnicity)).toEqual(
      Array(8).fill('han'),
    )
    expect(['蒙古族', '蒙古', 'Mongol', 'mongolian', '02'].map(parseEthnicity)).toEqual(
      Array(5).fill('mongol'),
    )
    expect(['土族', '土家族', '水', "De'ang", 'deang'].map(parseEthnicity)).toEqual([
      'tu',
      'tujia',
      'sui',
      'deang',
      'deang',
    ])
  })

  it('rejects anything else', () => {
    expect(['Hann', '', '0', '57', '00', '汉族族', 'minority'].map(parseEthnicity)).toEqual(
      Array(7).fill(undefined),
    )
  })
})

describe('parseEthnicity (GB numbers)', () => {
  it('reads a GB number from its digits alone, not "1.0", "2.0" or "1-1" (once korean, lisu, manchu)', () => {
    expect(['01', '1', ' 02 ', '2', '56', '97', '98'].map(parseEthnicity)).toEqual([
      'han',
      'han',
      'mongol',
      'mongol',
      'jino',
      'other',
      'foreign-origin',
    ])
    expect(
      ['1.0', '01.0', '2.0', '0.2', '1-1', '0 1', '1 0', '1.', '.1', '1e0', '+1', '001', '１'].map(
        parseEthnicity,
      ),
    ).toEqual(Array(13).fill(undefined))
  })

  it('still reads names with their punctuation dropped', () => {
    expect(
      ["De'ang", 'De-ang', 'de ang', 'De.ang', 'Han Chinese', 'han-chinese'].map(parseEthnicity),
    ).toEqual(['deang', 'deang', 'deang', 'deang', 'han', 'han'])
  })
})

describe('ethnicityLabel', () => {
  it('gives the zh and en names of a code, and a code not in the table as itself', () => {
    expect(ethnicityLabel('mongol')).toEqual({ zh: '蒙古族', en: 'Mongol' })
    expect(ethnicityLabel('klingon')).toEqual({ zh: 'klingon', en: 'klingon' })
  })
})
