/**
 * Places (地名) as hometown avoidance compares them: a cadre's home county
 * (成长地) against a team's locality. A place is written either as an
 * administrative division code (GB/T 2260: six digits for a county, longer
 * codes of its towns and villages start with the county's six digits) or as
 * a name, read as a path of administrative units by their suffixes
 * (`内蒙古自治区赤峰市青山旗和溪镇`: region, city, banner, town).
 *
 * A name may begin with its province (省级行政区), as 籍贯 is commonly
 * written: by its full name (`内蒙古自治区`, `山东省`, `北京市`) or by its short
 * name without a suffix (`内蒙古`, `山东`, `北京`); both are the same province
 * (`内蒙古青山旗` is `内蒙古自治区青山旗`). A short name is not taken for the
 * province where it begins a unit's name (`吉林市`, `海南藏族自治州`,
 * `河南蒙古族自治县`) or a town's or village's path (`湖南镇`). After the
 * province or a unit above the county by its suffix (盟, 地区, 自治州…), the
 * last unit may be a county written without its suffix (`内蒙古青山`: the
 * county `青山`); after a plain 市 it may not (`桐乡市石门` may be a city and a
 * town, and is read as nothing, as before).
 *
 * Two places **match** (are in the same home county) when:
 * - they are the same text once blanks are removed; or
 * - both are codes and they share the same county (their first six digits,
 *   which do not end in `00`: a city's or a province's code matches only
 *   itself);
 * - both are names, compared level by level where both name the level: the
 *   province (by its short name), then the units between the province and the
 *   county from the county upwards (a municipality, `北京市`, stands for this
 *   level too, having no prefecture), then the county; a level named on one
 *   side only does not contradict (`内蒙古自治区青山旗` matches
 *   `赤峰市青山旗`; `赤峰市青山旗` does not match `通辽市青山旗`, nor
 *   `北京市朝阳区` `长春市朝阳区`, nor `北京市朝阳区` `辽宁省朝阳县`); and
 *   - both name a county-level unit (县, 旗, 区, 市, 自治县, 自治旗, 林区,
 *     特区), the same one: the same name, or one written without its suffix
 *     and the other that name with a suffix (`青山` matches `青山旗` and
 *     `青山区`; `青山县` does not match `青山旗`); the towns below it do not
 *     matter (`清溪县和溪镇` matches `清溪县石桥镇`: the same home county);
 *   - or one of them names no county-level unit and both name a town-level
 *     unit (镇, 乡, 苏木, 街道, 民族乡, 民族苏木), the same one (`和溪镇` matches
 *     `清溪县和溪镇`: the less specific path is extended by the other).
 *
 * Anything else does not match: a code against a name, a name without any
 * known suffix against a different text, a province or city alone against a
 * county inside it.
 *
 * A name is split into units of at least two characters, each ending in a
 * suffix, going down the levels (two towns never follow each other), the
 * first unit as short as the rest allows: `市中区` and `新乡市` are one unit
 * each, `广州市天河区` two, `桐乡市乌镇镇` a city and a town. 自治区, 自治州,
 * 自治县, 自治旗 and 特别行政区 are taken whole; a plain 州 is part of a city's
 * name (`杭州市`). A name of more than 100 characters (blanks removed) is
 * not read as units at all: it matches only the same text.
 *
 * @module
 */
import { ETHNIC_GROUPS } from './ethnicity.js'
import { shown } from './shown.js'

/** Where a unit sits: above the county, the county itself, a town or below. */
type Level = 'above' | 'county' | 'town' | 'below'

/** A place read from its text. @category Domain */
export interface Place {
  /** The text without blanks. */
  readonly text: string
  /** The six-digit county code, when the text is a division code of a county or below. */
  readonly countyCode: string | null
  /**
   * The province by its short name (`内蒙古`, `北京`), written first by its
   * full or its short name, or `null` when the text names none.
   */
  readonly province: string | null
  /** The units above the county as written, outermost first, the province included (`['内蒙古自治区', '赤峰市']`, `['内蒙古']`). */
  readonly above: readonly string[]
  /**
   * The county-level unit, or its name without a suffix where it is written
   * so after the province or a unit above the county (`青山` of `内蒙古青山`),
   * or `null` when the text names none.
   */
  readonly county: string | null
  /** The town-level unit, or `null` when the text names none. */
  readonly town: string | null
}

/** Suffixes, longest first, with the level of the unit they end. */
const SUFFIXES: readonly (readonly [string, Level])[] = [
  ['特别行政区', 'above'],
  ['自治区', 'above'],
  ['自治州', 'above'],
  ['自治县', 'county'],
  ['自治旗', 'county'],
  ['民族乡', 'town'],
  ['民族苏木', 'town'],
  ['地区', 'above'],
  ['林区', 'county'],
  ['特区', 'county'],
  ['苏木', 'town'],
  ['街道', 'town'],
  ['嘎查', 'below'],
  ['社区', 'below'],
  ['省', 'above'],
  ['盟', 'above'],
  ['市', 'county'],
  ['县', 'county'],
  ['旗', 'county'],
  ['区', 'county'],
  ['镇', 'town'],
  ['乡', 'town'],
  ['村', 'below'],
]

/** The level of a unit ending at `end` (exclusive) and starting at `start`, if it ends in a suffix. */
function levelOf(text: string, start: number, end: number): Level | null {
  for (const [suffix, level] of SUFFIXES) {
    const from = end - suffix.length
    if (from > start && text.startsWith(suffix, from)) return level
  }
  return null
}

/** Depth of each level: units of a path go down, never up. */
const DEPTH: Readonly<Record<Level, number>> = { above: 0, county: 1, town: 2, below: 3 }

/** Whether a unit of level `next` may follow one of level `prev` (two towns in a row may not). */
const follows = (prev: Level | null, next: Level): boolean =>
  prev === null || DEPTH[next] > DEPTH[prev] || (next === prev && next !== 'town')

/** The longest suffix, in characters: a unit longer than this takes every suffix it ends in. */
const LONGEST_SUFFIX = Math.max(...SUFFIXES.map(([suffix]) => suffix.length))

/** The levels by their depth; in a row of {@link segments}' table, a level's depth is its index, and no level (the start of a name) is 4. */
const LEVELS: readonly Level[] = ['above', 'county', 'town', 'below']
const START_STATE = 4

/**
 * The segments of a name with their levels: each of at least two characters
 * and ending in a suffix, going down the levels (region, city, county, town,
 * village), the first as short as the rest allows (`新乡市` is one unit,
 * `广州市天河区` two, `桐乡市乌镇镇` is a city and a town, not two towns);
 * `null` when the name cannot be read so.
 *
 * Read from the end backwards, in time linear in the length of the name (no
 * recursion: a name of any length is read without exhausting the stack).
 */
function segments(text: string): { readonly name: string; level: Level }[] | null {
  const n = text.length
  // readable[i * 5 + s]: the text from i on, after a unit of state s, splits into units
  const readable = new Uint8Array((n + 1) * 5)
  // further[x * 4 + l]: some j >= x ends a unit of level l that takes every suffix
  // it ends in (it starts more than LONGEST_SUFFIX characters before j), the text
  // from j on being readable after it
  const further = new Uint8Array((n + 2) * 4)
  // the level of a unit ending at j and starting far enough before it
  const farLevel = (j: number): Level | null =>
    j - LONGEST_SUFFIX - 1 >= 0 ? levelOf(text, j - LONGEST_SUFFIX - 1, j) : null
  for (let s = 0; s <= START_STATE; s++) readable[n * 5 + s] = 1
  for (let i = n; i >= 0; i--) {
    if (i < n) {
      // units ending close to i: their level depends on where they start
      const near: (Level | null)[] = []
      for (let j = i + 2; j <= Math.min(n, i + LONGEST_SUFFIX + 1); j++) near.push(levelOf(text, i, j))
      for (let s = 0; s <= START_STATE; s++) {
        const prev = s === START_STATE ? null : LEVELS[s]!
        let r = false
        for (let k = 0; k < near.length && !r; k++) {
          const level = near[k]!
          r = level !== null && follows(prev, level) && readable[(i + 2 + k) * 5 + DEPTH[level]] === 1
        }
        const from = i + LONGEST_SUFFIX + 2
        for (let l = 0; l < 4 && !r; l++)
          r = from <= n && follows(prev, LEVELS[l]!) && further[from * 4 + l] === 1
        readable[i * 5 + s] = r ? 1 : 0
      }
    }
    const level = farLevel(i)
    for (let l = 0; l < 4; l++)
      further[i * 4 + l] =
        further[(i + 1) * 4 + l] === 1 || (level === LEVELS[l] && readable[i * 5 + l] === 1) ? 1 : 0
  }
  if (readable[START_STATE] !== 1) return null
  const out: { readonly name: string; level: Level }[] = []
  let prev: Level | null = null
  for (let i = 0; i < n;) {
    for (let j = i + 2; j <= n; j++) {
      const level = levelOf(text, i, j)
      if (level === null || !follows(prev, level) || readable[j * 5 + DEPTH[level]] !== 1) continue
      out.push({ name: text.slice(i, j), level })
      prev = level
      i = j
      break
    }
  }
  // A city (市) followed by a county-level unit is the prefecture above it.
  for (let k = 0; k + 1 < out.length; k++)
    if (out[k]!.level === 'county' && out[k + 1]!.level === 'county') out[k]!.level = 'above'
  return out
}

/**
 * The 34 provincial-level units (省级行政区): the short name, then the full
 * names it is written with (the official one first).
 */
const PROVINCES: readonly (readonly [string, ...string[]])[] = [
  ['北京', '北京市'],
  ['天津', '天津市'],
  ['上海', '上海市'],
  ['重庆', '重庆市'],
  ['河北', '河北省'],
  ['山西', '山西省'],
  ['辽宁', '辽宁省'],
  ['吉林', '吉林省'],
  ['黑龙江', '黑龙江省'],
  ['江苏', '江苏省'],
  ['浙江', '浙江省'],
  ['安徽', '安徽省'],
  ['福建', '福建省'],
  ['江西', '江西省'],
  ['山东', '山东省'],
  ['河南', '河南省'],
  ['湖北', '湖北省'],
  ['湖南', '湖南省'],
  ['广东', '广东省'],
  ['海南', '海南省'],
  ['四川', '四川省'],
  ['贵州', '贵州省'],
  ['云南', '云南省'],
  ['陕西', '陕西省'],
  ['甘肃', '甘肃省'],
  ['青海', '青海省'],
  ['台湾', '台湾省'],
  ['内蒙古', '内蒙古自治区'],
  ['广西', '广西壮族自治区', '广西自治区'],
  ['西藏', '西藏自治区'],
  ['宁夏', '宁夏回族自治区', '宁夏自治区'],
  ['新疆', '新疆维吾尔自治区', '新疆自治区'],
  ['香港', '香港特别行政区'],
  ['澳门', '澳门特别行政区'],
]

/** Short name of a province by its full names. */
const PROVINCE_OF_FULL_NAME: ReadonlyMap<string, string> = new Map(
  PROVINCES.flatMap(([short, ...full]) => full.map((f) => [f, short] as const)),
)

/**
 * Provinces with no prefecture between them and their counties: the
 * municipality stands for that level (`北京市朝阳区` is not `长春市朝阳区`).
 */
const NO_PREFECTURE: ReadonlyMap<string, string> = new Map([
  ['北京', '北京市'],
  ['天津', '天津市'],
  ['上海', '上海市'],
  ['重庆', '重庆市'],
  ['香港', '香港特别行政区'],
  ['澳门', '澳门特别行政区'],
])

/**
 * An autonomous unit named by its ethnicities alone, with or without 族
 * (`藏族自治州`, `维吾尔自治区`): the end of a name such as `海南藏族自治州`.
 */
const ETHNICITIES_ONLY = new RegExp(
  `^(?:${ETHNIC_GROUPS.filter((e) => e.zh.endsWith('族'))
    .map((e) => `${e.zh.slice(0, -1)}族?`)
    .join('|')})+自治(?:区|州|县|旗)$`,
)

/** Suffixes of county-level units, longest first. */
const COUNTY_SUFFIXES = SUFFIXES.filter(([, level]) => level === 'county').map(([suffix]) => suffix)

/**
 * Whether two counties are the same: the same name, or one written without
 * its suffix and the other that name with a county-level suffix (`青山` and
 * `青山旗`, not `青山县` and `青山旗`).
 */
function sameCounty(a: string, b: string): boolean {
  const bare = (c: string) => !COUNTY_SUFFIXES.some((x) => c.endsWith(x))
  const suffixed = (stem: string, c: string) => COUNTY_SUFFIXES.some((x) => stem + x === c)
  return a === b || (bare(a) && suffixed(a, b)) || (bare(b) && suffixed(b, a))
}

/**
 * The units of a name (see {@link segments}), or, when it cannot be read so,
 * units above the county followed by a county written without its suffix
 * (`锡林郭勒盟西乌`, `北京市朝阳`; after a province's short name,
 * `afterProvince`, the county alone: `青山` of `内蒙古青山`). The unit before
 * such a county ends in a suffix above the county or is a province; `null`
 * when the name cannot be read either way.
 */
function path(text: string, afterProvince: boolean): { readonly name: string; level: Level }[] | null {
  const whole = segments(text)
  if (whole !== null) return whole
  // the county holds no suffix: it begins at or after the last one's first character
  let from = 0
  for (let i = text.length - 1; i > 0 && from === 0; i--)
    if (SUFFIXES.some(([suffix]) => text.startsWith(suffix, i))) from = i
  for (let k = text.length - 2; k >= from; k--) {
    if (k > 0 && levelOf(text, 0, k) === null) continue
    const bare = text.slice(k)
    const head = k === 0 ? [] : segments(text.slice(0, k))
    if (head === null) continue
    const last = head.at(-1)
    const ok =
      last === undefined
        ? afterProvince
        : levelOf(last.name, 0, last.name.length) === 'above' ||
          (head.length === 1 && !afterProvince && PROVINCE_OF_FULL_NAME.has(last.name))
    if (!ok) continue
    if (last !== undefined) last.level = 'above'
    return [...head, { name: bare, level: 'county' }]
  }
  return null
}

/**
 * The units of a name and its province: a province's short name at the
 * start is the province when the rest reads as units beginning above the
 * town (`内蒙古青山旗`, `山东平度`), and the name does not begin with the
 * province's full name, nor the rest with a suffix (`吉林市`) or an
 * autonomous unit named by ethnicities alone (`海南藏族自治州`); otherwise a
 * first unit above the county that is a province's full name
 * (`内蒙古自治区`, `北京市` before a county).
 */
function readName(t: string): { province: string | null; parts: { readonly name: string; level: Level }[] } {
  for (const [short, ...full] of PROVINCES) {
    if (!t.startsWith(short)) continue
    if (full.some((f) => t.startsWith(f))) break
    const rest = t.slice(short.length)
    if (SUFFIXES.some(([suffix]) => rest.startsWith(suffix))) break
    const parts = path(rest, true)
    const first = parts?.[0]
    if (parts === null || first === undefined || DEPTH[first.level] > DEPTH.county) break
    if (ETHNICITIES_ONLY.test(first.name)) break
    return { province: short, parts: [{ name: short, level: 'above' }, ...parts] }
  }
  const parts = path(t, false) ?? []
  const first = parts[0]
  const province = first?.level === 'above' ? (PROVINCE_OF_FULL_NAME.get(first.name) ?? null) : null
  return { province, parts }
}

/**
 * The longest name read as units, in characters once blanks are removed: a
 * full path down to a village (`新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县…村`)
 * is well below it; a longer text is no place name and matches only the
 * same text.
 */
const PLACE_NAME_LIMIT = 100

/** Division codes: 6 digits (county), 9 (town) or 12 (village). */
const CODE = /^(\d{6}|\d{9}|\d{12})$/

/**
 * Reads a place from its text (see the module's description).
 *
 * @param text - a place name or division code
 * @returns the place; a name with no known suffix has no units at all
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Domain
 * @example
 * parsePlace('内蒙古自治区赤峰市青山旗和溪镇')
 * //=> { text: '内蒙古自治区赤峰市青山旗和溪镇', countyCode: null, province: '内蒙古', above: ['内蒙古自治区', '赤峰市'], county: '青山旗', town: '和溪镇' }
 */
export function parsePlace(text: string): Place {
  if (!(typeof text === 'string'))
    throw new TypeError(`parsePlace: text: expected a string, got ${shown(text)}`)
  const t = text.replace(/\s+/g, '')
  if (CODE.test(t)) {
    const county = t.slice(0, 6)
    const countyCode = county.endsWith('00') ? null : county
    return { text: t, countyCode, province: null, above: [], county: null, town: null }
  }
  if (t.length > PLACE_NAME_LIMIT)
    return { text: t, countyCode: null, province: null, above: [], county: null, town: null }
  const { province, parts } = readName(t)
  const countyAt = parts.findIndex((p) => p.level === 'county')
  const town = parts.find((p) => p.level === 'town')?.name ?? null
  const lastAbove = countyAt >= 0 ? countyAt : parts.findIndex((p) => p.level !== 'above')
  const above = parts.slice(0, lastAbove < 0 ? parts.length : lastAbove).map((p) => p.name)
  const county = countyAt >= 0 ? parts[countyAt]!.name : null
  return { text: t, countyCode: null, province, above, county, town }
}

/** One list ends the other: they agree from the innermost unit outwards. */
function agreeUpwards(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 1; i <= Math.min(a.length, b.length); i++)
    if (a[a.length - i] !== b[b.length - i]) return false
  return true
}

const isCode = (p: Place): boolean => CODE.test(p.text)

/**
 * The units between the province and the county: those above the county
 * after the province; a municipality (`北京市`) when nothing is between.
 */
function prefectures(p: Place): readonly string[] {
  const province = p.province ?? null
  if (province === null) return p.above
  const rest = p.above.slice(1)
  const municipality = NO_PREFECTURE.get(province)
  return rest.length === 0 && municipality !== undefined ? [municipality] : rest
}

/**
 * Whether two parsed places are in the same home county (see the module's
 * description).
 *
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Domain
 * @example
 * [placesMatch(parsePlace('清溪县和溪镇'), parsePlace('和溪镇')), placesMatch(parsePlace('内蒙古青山'), parsePlace('赤峰市青山旗'))]
 * //=> [true, true]
 */
export function placesMatch(a: Place, b: Place): boolean {
  if (!(typeof a === 'object' && a !== null && typeof a.text === 'string' && Array.isArray(a.above)))
    throw new TypeError(`placesMatch: a: expected a Place (from parsePlace), got ${shown(a)}`)
  if (!(typeof b === 'object' && b !== null && typeof b.text === 'string' && Array.isArray(b.above)))
    throw new TypeError(`placesMatch: b: expected a Place (from parsePlace), got ${shown(b)}`)
  if (a.text === b.text) return true
  if (isCode(a) || isCode(b)) return a.countyCode !== null && a.countyCode === b.countyCode
  const pa = a.province ?? null
  const pb = b.province ?? null
  if (pa !== null && pb !== null && pa !== pb) return false
  if (!agreeUpwards(prefectures(a), prefectures(b))) return false
  if (a.county !== null && b.county !== null) return sameCounty(a.county, b.county)
  return a.town !== null && a.town === b.town
}

/** Parsed places by text: a roster has few distinct hometowns and localities. */
const cache = new Map<string, Place>()
const CACHE_LIMIT = 4096

/**
 * Whether a cadre's hometown is in a locality's county: {@link placesMatch}
 * of the two texts, each read once and remembered.
 *
 * @param hometown - the cadre's home county (成长地), a name or a division code
 * @param locality - a team's locality
 * @returns `true` when hometown avoidance concerns the pair
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Domain
 * @example
 * [samePlace('清溪县和溪镇', '和溪镇'), samePlace('150421', '150421101'), samePlace('清溪县', '石桥县')]
 * //=> [true, true, false]
 */
export function samePlace(hometown: string, locality: string): boolean {
  if (!(typeof hometown === 'string'))
    throw new TypeError(`samePlace: hometown: expected a string, got ${shown(hometown)}`)
  if (!(typeof locality === 'string'))
    throw new TypeError(`samePlace: locality: expected a string, got ${shown(locality)}`)
  if (hometown === locality) return true
  return placesMatch(place(hometown), place(locality))
}

function place(text: string): Place {
  let p = cache.get(text)
  if (p === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear()
    p = parsePlace(text)
    cache.set(text, p)
  }
  return p
}
