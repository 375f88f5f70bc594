/**
 * China's ethnic groups (民族) as GB 3304 lists them: the 56 recognised
 * groups, numbered 01 (汉族 Han) to 56 (基诺族 Jino), and the two residual
 * codes 97 (其他, other) and 98 (外国血统中国籍人士, Chinese citizens of
 * foreign origin). A scenario stores an ethnicity as the lowercase romanised
 * code of this table (`han`, `mongol`, `hui`…); {@link parseEthnicity} reads
 * the forms a user writes (the GB number, the Chinese name with or without
 * 族, the English name in any case) into that code.
 *
 * @module
 */
import { shown } from './shown.js'
import type { Label } from './codes.js'

/** One ethnic group of GB 3304. @category Domain */
export interface EthnicGroup {
  /** Canonical code, as stored in a scenario: lowercase romanised (`mongol`). */
  readonly code: string
  /** The two-digit GB 3304 number (`02`). */
  readonly gb: string
  /** Chinese name, with 族 where it has one (`蒙古族`). */
  readonly zh: string
  /** English name (`Mongol`). */
  readonly en: string
  /** Other English spellings accepted on input (`Mongolian`). */
  readonly aliases: readonly string[]
}

const g = (gb: string, code: string, zh: string, en: string, ...aliases: string[]): EthnicGroup => ({
  code,
  gb,
  zh,
  en,
  aliases,
})

/**
 * The groups of GB 3304 in its order: 01–56, then 97 and 98.
 * @category Domain
 */
export const ETHNIC_GROUPS: readonly EthnicGroup[] = Object.freeze([
  g('01', 'han', '汉族', 'Han', 'Han Chinese'),
  g('02', 'mongol', '蒙古族', 'Mongol', 'Mongolian'),
  g('03', 'hui', '回族', 'Hui'),
  g('04', 'tibetan', '藏族', 'Tibetan', 'Zang'),
  g('05', 'uyghur', '维吾尔族', 'Uyghur', 'Uygur', 'Uighur'),
  g('06', 'miao', '苗族', 'Miao', 'Hmong'),
  g('07', 'yi', '彝族', 'Yi'),
  g('08', 'zhuang', '壮族', 'Zhuang'),
  g('09', 'bouyei', '布依族', 'Bouyei', 'Buyi'),
  g('10', 'korean', '朝鲜族', 'Korean', 'Chaoxian'),
  g('11', 'manchu', '满族', 'Manchu', 'Man'),
  g('12', 'dong', '侗族', 'Dong'),
  g('13', 'yao', '瑶族', 'Yao'),
  g('14', 'bai', '白族', 'Bai'),
  g('15', 'tujia', '土家族', 'Tujia'),
  g('16', 'hani', '哈尼族', 'Hani'),
  g('17', 'kazakh', '哈萨克族', 'Kazakh', 'Kazak'),
  g('18', 'dai', '傣族', 'Dai'),
  g('19', 'li', '黎族', 'Li'),
  g('20', 'lisu', '傈僳族', 'Lisu'),
  g('21', 'va', '佤族', 'Va', 'Wa'),
  g('22', 'she', '畲族', 'She'),
  g('23', 'gaoshan', '高山族', 'Gaoshan'),
  g('24', 'lahu', '拉祜族', 'Lahu'),
  g('25', 'sui', '水族', 'Sui', 'Shui'),
  g('26', 'dongxiang', '东乡族', 'Dongxiang'),
  g('27', 'naxi', '纳西族', 'Naxi', 'Nakhi'),
  g('28', 'jingpo', '景颇族', 'Jingpo'),
  g('29', 'kyrgyz', '柯尔克孜族', 'Kyrgyz', 'Kirgiz', 'Kirghiz'),
  g('30', 'tu', '土族', 'Tu', 'Monguor'),
  g('31', 'daur', '达斡尔族', 'Daur', 'Dagur'),
  g('32', 'mulao', '仫佬族', 'Mulao', 'Mulam'),
  g('33', 'qiang', '羌族', 'Qiang'),
  g('34', 'blang', '布朗族', 'Blang', 'Bulang'),
  g('35', 'salar', '撒拉族', 'Salar'),
  g('36', 'maonan', '毛南族', 'Maonan'),
  g('37', 'gelao', '仡佬族', 'Gelao', 'Gelo'),
  g('38', 'xibe', '锡伯族', 'Xibe', 'Sibe', 'Xibo'),
  g('39', 'achang', '阿昌族', 'Achang'),
  g('40', 'pumi', '普米族', 'Pumi', 'Primi'),
  g('41', 'tajik', '塔吉克族', 'Tajik'),
  g('42', 'nu', '怒族', 'Nu'),
  g('43', 'uzbek', '乌孜别克族', 'Uzbek'),
  g('44', 'russian', '俄罗斯族', 'Russian'),
  g('45', 'evenki', '鄂温克族', 'Evenki', 'Ewenki'),
  g('46', 'deang', '德昂族', "De'ang", 'Deang', 'Benglong'),
  g('47', 'bonan', '保安族', 'Bonan', 'Baoan'),
  g('48', 'yugur', '裕固族', 'Yugur', 'Yughur'),
  g('49', 'gin', '京族', 'Gin', 'Jing'),
  g('50', 'tatar', '塔塔尔族', 'Tatar'),
  g('51', 'derung', '独龙族', 'Derung', 'Drung', 'Dulong'),
  g('52', 'oroqen', '鄂伦春族', 'Oroqen', 'Orochon'),
  g('53', 'hezhen', '赫哲族', 'Hezhen', 'Nanai'),
  g('54', 'monba', '门巴族', 'Monba', 'Moinba', 'Menba'),
  g('55', 'lhoba', '珞巴族', 'Lhoba', 'Luoba'),
  g('56', 'jino', '基诺族', 'Jino', 'Jinuo'),
  g('97', 'other', '其他', 'Other', 'Unrecognised'),
  g('98', 'foreign-origin', '外国血统中国籍人士', 'Foreign origin'),
])

/**
 * A name form lowercased, without spaces, hyphens, apostrophes and dots:
 * `"De'ang"` → `deang`. Only names are read so: a GB number is read from its
 * digits alone (`"1.0"` is not `"10"`).
 */
const key = (s: string): string => s.toLowerCase().replace(/[\s\-'’.·]/g, '')

const byCode = new Map<string, EthnicGroup>(ETHNIC_GROUPS.map((e) => [e.code, e]))

/** Every accepted spelling of a name → the group; built once. Spellings are unique (checked by a test). */
const byName: ReadonlyMap<string, EthnicGroup> = (() => {
  const m = new Map<string, EthnicGroup>()
  for (const e of ETHNIC_GROUPS) {
    const forms = [e.code, e.zh, e.en, ...e.aliases]
    if (e.zh.endsWith('族')) forms.push(e.zh.slice(0, -1))
    for (const f of forms) m.set(key(f), e)
  }
  return m
})()

/** The GB 3304 numbers, with and without the leading zero (`"02"`, `"2"`) → the group. */
const byNumber: ReadonlyMap<string, EthnicGroup> = new Map(
  ETHNIC_GROUPS.flatMap((e) => [[e.gb, e] as const, [String(Number(e.gb)), e] as const]),
)

/** A GB 3304 number as it is written: one or two digits, nothing else. */
const NUMBER = /^\d{1,2}$/

/**
 * The canonical code of an ethnicity written in any accepted form: the
 * canonical code (`mongol`), the GB 3304 number (`"02"` or `"2"`), the
 * Chinese name with or without 族 (`蒙古族`, `蒙古`), or the English name or
 * one of its usual spellings in any case (`Mongol`, `MONGOLIAN`); blanks
 * around are ignored. A GB number is one or two digits and nothing else:
 * `"1.0"`, `"2.0"` or `"1-1"` (a number as a spreadsheet may export it) names
 * no group.
 *
 * @param text - what the user wrote
 * @returns the canonical code, or `undefined` when the text names no group
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Domain
 * @example
 * [parseEthnicity('汉族'), parseEthnicity('Han'), parseEthnicity('01'), parseEthnicity('Hann')]
 * //=> ['han', 'han', 'han', undefined]
 */
export function parseEthnicity(text: string): string | undefined {
  if (!(typeof text === 'string'))
    throw new TypeError(`parseEthnicity: text: expected a string, got ${shown(text)}`)
  const t = text.trim()
  // a number is read from its digits only: "1.0" or "1-1" is no GB number, nor a name
  if (NUMBER.test(t)) return byNumber.get(t)?.code
  const k = key(t)
  return /\d/.test(k) ? undefined : byName.get(k)?.code
}

/**
 * The group of a canonical code, for its labels and GB number.
 *
 * @param code - a canonical code (`mongol`)
 * @returns the group, or `undefined` for a code not in the table
 * @category Domain
 * @example
 * ethnicGroup('mongol')?.zh
 * //=> '蒙古族'
 */
export function ethnicGroup(code: string): EthnicGroup | undefined {
  return byCode.get(code)
}

/**
 * The zh-CN and en labels of an ethnicity, for reports (`{ zh: '蒙古族', en:
 * 'Mongol' }`); a code not in the table is its own label.
 *
 * @param code - a canonical code
 * @returns its labels
 * @category Domain
 * @example
 * ethnicityLabel('mongol')
 * //=> { zh: '蒙古族', en: 'Mongol' }
 */
export function ethnicityLabel(code: string): Label {
  const e = byCode.get(code)
  return e === undefined ? { zh: code, en: code } : { zh: e.zh, en: e.en }
}
