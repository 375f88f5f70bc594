/**
 * Places (地名) as hometown avoidance compares them: a cadre's home county
 * (成长地) against a team's locality. A place is written either as an
 * administrative division code (GB/T 2260: six digits for a county, longer
 * codes of its towns and villages start with the county's six digits) or as
 * a name, read as a path of administrative units by their suffixes
 * (`内蒙古自治区赤峰市青山旗和溪镇`: region, city, banner, town).
 *
 * Two places **match** (are in the same home county) when:
 * - they are the same text once blanks are removed; or
 * - both are codes and they share the same county (their first six digits,
 *   which do not end in `00`: a city's or a province's code matches only
 *   itself);
 * - both are names, both name a county-level unit (县, 旗, 区, 市, 自治县,
 *   自治旗, 林区, 特区), the same one, and the units above it that both name
 *   agree from the county upwards (`赤峰市青山旗` matches `青山旗` and
 *   `内蒙古自治区赤峰市青山旗`, not `通辽市青山旗`); the towns below it do not
 *   matter (`清溪县和溪镇` matches `清溪县石桥镇`: the same home county);
 * - both are names, one of them names no county-level unit, and both name a
 *   town-level unit (镇, 乡, 苏木, 街道, 民族乡, 民族苏木), the same one, with
 *   everything both name above it agreeing (`和溪镇` matches `清溪县和溪镇`:
 *   the less specific path is extended by the other).
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
 * name (`杭州市`).
 *
 * @module
 */
import { shown } from './shown.js'

/** Where a unit sits: above the county, the county itself, a town or below. */
type Level = 'above' | 'county' | 'town' | 'below'

/** A place read from its text. @category Domain */
export interface Place {
  /** The text without blanks. */
  readonly text: string
  /** The six-digit county code, when the text is a division code of a county or below. */
  readonly countyCode: string | null
  /** The units above the county, outermost first (`['内蒙古自治区', '赤峰市']`). */
  readonly above: readonly string[]
  /** The county-level unit, or `null` when the text names none. */
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

/**
 * The segments of a name with their levels: each of at least two characters
 * and ending in a suffix, going down the levels (region, city, county, town,
 * village), the first as short as the rest allows (`新乡市` is one unit,
 * `广州市天河区` two, `桐乡市乌镇镇` is a city and a town, not two towns);
 * `null` when the name cannot be read so.
 */
function segments(text: string): { readonly name: string; level: Level }[] | null {
  const n = text.length
  // memo of "the text from i on, after a unit of level prev, splits into units"
  const memo = new Map<number, boolean>()
  const readable = (i: number, prev: Level | null): boolean => {
    if (i === n) return true
    const k = i * 5 + (prev === null ? 4 : DEPTH[prev])
    let r = memo.get(k)
    if (r === undefined) {
      r = false
      for (let j = i + 2; j <= n && !r; j++) {
        const level = levelOf(text, i, j)
        r = level !== null && follows(prev, level) && readable(j, level)
      }
      memo.set(k, r)
    }
    return r
  }
  if (!readable(0, null)) return null
  const out: { readonly name: string; level: Level }[] = []
  let prev: Level | null = null
  for (let i = 0; i < n;) {
    for (let j = i + 2; j <= n; j++) {
      const level = levelOf(text, i, j)
      if (level === null || !follows(prev, level) || !readable(j, level)) continue
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
 * //=> { text: '内蒙古自治区赤峰市青山旗和溪镇', countyCode: null, above: ['内蒙古自治区', '赤峰市'], county: '青山旗', town: '和溪镇' }
 */
export function parsePlace(text: string): Place {
  if (!(typeof text === 'string'))
    throw new TypeError(`parsePlace: text: expected a string, got ${shown(text)}`)
  const t = text.replace(/\s+/g, '')
  if (CODE.test(t)) {
    const county = t.slice(0, 6)
    const countyCode = county.endsWith('00') ? null : county
    return { text: t, countyCode, above: [], county: null, town: null }
  }
  const parts = segments(t) ?? []
  const countyAt = parts.findIndex((p) => p.level === 'county')
  const town = parts.find((p) => p.level === 'town')?.name ?? null
  const lastAbove = countyAt >= 0 ? countyAt : parts.findIndex((p) => p.level !== 'above')
  const above = parts.slice(0, lastAbove < 0 ? parts.length : lastAbove).map((p) => p.name)
  return { text: t, countyCode: null, above, county: countyAt >= 0 ? parts[countyAt]!.name : null, town }
}

/** One list ends the other: they agree from the innermost unit outwards. */
function agreeUpwards(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 1; i <= Math.min(a.length, b.length); i++)
    if (a[a.length - i] !== b[b.length - i]) return false
  return true
}

const isCode = (p: Place): boolean => CODE.test(p.text)

/**
 * Whether two parsed places are in the same home county (see the module's
 * description).
 *
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Domain
 * @example
 * placesMatch(parsePlace('清溪县和溪镇'), parsePlace('和溪镇'))
 * //=> true
 */
export function placesMatch(a: Place, b: Place): boolean {
  if (!(typeof a === 'object' && a !== null && typeof a.text === 'string' && Array.isArray(a.above)))
    throw new TypeError(`placesMatch: a: expected a Place (from parsePlace), got ${shown(a)}`)
  if (!(typeof b === 'object' && b !== null && typeof b.text === 'string' && Array.isArray(b.above)))
    throw new TypeError(`placesMatch: b: expected a Place (from parsePlace), got ${shown(b)}`)
  if (a.text === b.text) return true
  if (isCode(a) || isCode(b)) return a.countyCode !== null && a.countyCode === b.countyCode
  if (!agreeUpwards(a.above, b.above)) return false
  if (a.county !== null && b.county !== null) return a.county === b.county
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
