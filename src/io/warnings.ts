/**
 * Warnings about a scenario that decodes: values that are valid but look
 * like a mistake a user would want to see before solving (a key the decoder
 * does not read, a cadre past retirement age, a specialty nobody has, a code
 * one letter away from another, codes no post wants, an id with blanks or
 * invisible characters, ids alike once normalised, a name with invisible
 * characters, a hometown that matches
 * no locality). They never stop a decode: {@link decodeScenarioWithWarnings}
 * returns them beside the scenario, {@link scenarioWarnings} computes those
 * of any scenario (all but the unread keys, which only the input has).
 *
 * @module
 */
import { requireScenario } from './door.js'
import { isLeft, right, type Either } from 'fp-ts/lib/Either.js'
import type { Label, WarningCode } from '../domain/codes.js'
import { samePlace } from '../domain/place.js'
import { ageAt, monthsToRetirement } from '../domain/time.js'
import type { Scenario } from '../domain/types.js'
import { decodeScenarioWithUnread, type UnreadInputKey } from './decode.js'
import type { InvalidScenario } from './errors.js'
import { nearestKnownKey } from './known-key.js'
import { formatPath, type Path } from './path.js'

/**
 * One warning about a decodable scenario.
 * @category IO
 */
export interface ScenarioWarning {
  readonly code: WarningCode
  /** Where, from the root of the input (the decoded scenario keeps the input's indices). */
  readonly paths: readonly Path[]
  /** What is odd, in zh-CN and en, naming the values. */
  readonly message: Label
}

/**
 * A decoded scenario with its warnings.
 * @category IO
 */
export interface DecodedScenario {
  readonly scenario: Scenario
  readonly warnings: readonly ScenarioWarning[]
}

/** The most paths one warning lists (a hometown shared by hundreds of cadres). */
const MAX_PATHS = 20

const q = (s: string): string => JSON.stringify(s)

function pastRetirement(s: Scenario, out: ScenarioWarning[]): void {
  const ages = s.policy.people.retirement.retirementAge
  s.cadres.forEach((c, i) => {
    const age = ageAt(c.birth, s.asOf)
    const limit = ages[c.gender]
    // In months, as the retirement rule counts (an age of 60.25 is reached at 60 years and 3 months).
    if (monthsToRetirement(c.birth, limit, s.asOf) > 0) return
    out.push({
      code: 'cadre.past-retirement',
      paths: [['cadres', i, 'birth']],
      message: {
        zh: `干部 ${c.name}（${c.id}）在 ${s.asOf} 已满 ${age} 岁，达到退休年龄 ${limit} 岁`,
        en: `cadre ${c.name} (${c.id}) is ${age} at ${s.asOf}, past the retirement age of ${limit}`,
      },
    })
  })
}

/** Every specialty code of the scenario with where it is used, in input order. */
function specialtyUses(s: Scenario): { held: Map<string, Path[]>; wanted: Map<string, Path[]> } {
  const held = new Map<string, Path[]>()
  const wanted = new Map<string, Path[]>()
  const add = (m: Map<string, Path[]>, code: string, path: Path) => {
    const list = m.get(code)
    if (list === undefined) m.set(code, [path])
    else list.push(path)
  }
  s.cadres.forEach((c, i) =>
    c.specialties.forEach((sp, j) => add(held, sp.code, ['cadres', i, 'specialties', j, 'code'])),
  )
  s.teams.forEach((t, ti) => {
    t.specialties.forEach((code, j) => add(wanted, code, ['teams', ti, 'specialties', j]))
    t.posts.forEach((p, pi) =>
      p.specialties.forEach((code, j) => add(wanted, code, ['teams', ti, 'posts', pi, 'specialties', j])),
    )
  })
  return { held, wanted }
}

/** Every code a cadre has, and every prefix of it: a post wanting `economy` is served by `economy/finance`. */
function coveredCodes(held: Map<string, Path[]>): Set<string> {
  const covered = new Set<string>()
  for (const code of held.keys()) {
    const parts = code.split('/')
    for (let k = 1; k <= parts.length; k++) covered.add(parts.slice(0, k).join('/'))
  }
  return covered
}

function unheldSpecialties(wanted: Map<string, Path[]>, covered: Set<string>): ScenarioWarning[] {
  const out: ScenarioWarning[] = []
  for (const [code, paths] of wanted) {
    if (covered.has(code)) continue
    out.push({
      code: 'specialty.unheld',
      paths: paths.slice(0, MAX_PATHS),
      message: {
        zh: `${paths.length} 处要求的专业 ${q(code)} 在名册中无人具备`,
        en: `specialty ${q(code)}, wanted ${paths.length} time(s), is held by no cadre of the roster`,
      },
    })
  }
  return out
}

/** Codes at most this far apart (in edits) are close: one letter for short codes, two for long ones. */
const closeness = (a: string, b: string): number => (Math.min(a.length, b.length) >= 12 ? 2 : 1)

/** The most near-miss warnings listed one by one; the rest are counted in one more. */
const MAX_NEAR_MISSES = 20

/** The most distinct codes compared pairwise for near misses (in input order, cadres' codes first). */
const MAX_COMPARED_CODES = 1000

/** The longest code compared: a longer one is no typo of a code, and would be slow to compare. */
const MAX_COMPARED_LENGTH = 64

/** A code's characters as a 32-bit set (by their code modulo 32): two codes `k` edits apart differ in at most `k` of them each way. */
function charBits(code: string): number {
  let bits = 0
  for (let i = 0; i < code.length; i++) bits |= 1 << (code.charCodeAt(i) & 31)
  return bits
}

const popcount = (x: number): number => {
  let n = 0
  for (let y = x >>> 0; y !== 0; y &= y - 1) n++
  return n
}

/**
 * Whether two codes of the same length differ only in digits, each
 * differing character being a digit on both sides (`engineering/080901` and
 * `engineering/080902`): numbered codes, no typo of each other.
 */
function differInDigitsOnly(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y && !(x >= 48 && x <= 57 && y >= 48 && y <= 57)) return false
  }
  return true
}

/** Rows of {@link withinEdits}, reused (codes are at most {@link MAX_COMPARED_LENGTH} long). */
const ROWS = [new Int32Array(MAX_COMPARED_LENGTH + 2), new Int32Array(MAX_COMPARED_LENGTH + 2)] as const

/** Farther than any distance {@link withinEdits} looks for. */
const FAR = 1 << 20

/**
 * Whether two codes are at most `k` edits apart: their Levenshtein distance,
 * computed only near the diagonal (no more than `k` edits away from it) and
 * given up once every path costs more than `k`.
 */
function withinEdits(a: string, b: string, k: number): boolean {
  if (Math.abs(a.length - b.length) > k) return false
  let s = 0
  while (s < a.length && s < b.length && a.charCodeAt(s) === b.charCodeAt(s)) s++
  let ea = a.length
  let eb = b.length
  while (ea > s && eb > s && a.charCodeAt(ea - 1) === b.charCodeAt(eb - 1)) {
    ea--
    eb--
  }
  const m = ea - s
  const n = eb - s
  if (m === 0 || n === 0) return Math.max(m, n) <= k
  let [prev, row] = ROWS
  for (let j = 0; j <= n + 1; j++) prev[j] = j <= k && j <= n ? j : FAR
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - k)
    const hi = Math.min(n, i + k)
    row[lo - 1] = lo === 1 ? i : FAR
    row[hi + 1] = FAR
    let least = FAR
    const x = a.charCodeAt(s + i - 1)
    for (let j = lo; j <= hi; j++) {
      const d = Math.min(
        row[j - 1]! + 1,
        prev[j]! + 1,
        prev[j - 1]! + (x === b.charCodeAt(s + j - 1) ? 0 : 1),
      )
      row[j] = d
      if (d < least) least = d
    }
    if (least > k) return false
    ;[prev, row] = [row, prev]
  }
  return prev[n]! <= k
}

/** Whether `parent` is `child` up to one of its `/`. */
const isParent = (parent: string, child: string): boolean =>
  child.length > parent.length && child.charCodeAt(parent.length) === 47 && child.startsWith(parent)

function nearMisses(
  held: Map<string, Path[]>,
  wanted: Map<string, Path[]>,
  covered: Set<string>,
): ScenarioWarning[] {
  const uses = new Map<string, Path[]>()
  for (const m of [held, wanted])
    for (const [code, paths] of m) {
      const list = uses.get(code)
      if (list === undefined) uses.set(code, [...paths])
      else for (const p of paths) list.push(p)
    }
  const codes = [...uses.keys()].filter((c) => c.length <= MAX_COMPARED_LENGTH).slice(0, MAX_COMPARED_CODES)
  const bits = codes.map(charBits)
  const out: ScenarioWarning[] = []
  let more = 0
  const morePaths: Path[] = []
  for (let i = 0; i < codes.length; i++) {
    for (let j = i + 1; j < codes.length; j++) {
      const a = codes[i]!
      const b = codes[j]!
      const limit = closeness(a, b)
      if (Math.abs(a.length - b.length) > limit) continue
      if (popcount(bits[i]! & ~bits[j]!) > limit || popcount(bits[j]! & ~bits[i]!) > limit) continue
      // numbered codes are no typo of each other, nor a code and its own parent or child
      if (differInDigitsOnly(a, b) || !withinEdits(a, b, limit)) continue
      if (isParent(a, b) || isParent(b, a)) continue
      // the suspect spelling is the rarer one, then the one no cadre has, then the later one
      const na = uses.get(a)!.length
      const nb = uses.get(b)!.length
      const aFirst = na !== nb ? na < nb : covered.has(b) && !covered.has(a)
      const [odd, usual] = aFirst ? [a, b] : [b, a]
      const paths = uses.get(odd)!
      if (out.length >= MAX_NEAR_MISSES) {
        more++
        if (morePaths.length < MAX_PATHS) morePaths.push(paths[0]!)
        continue
      }
      out.push({
        code: 'specialty.near-miss',
        paths: paths.slice(0, MAX_PATHS),
        message: {
          zh: `专业代码 ${q(odd)}（${paths.length} 处）与 ${q(usual)}（${uses.get(usual)!.length} 处）仅差一两个字母，是否拼写错误？`,
          en: `specialty code ${q(odd)} (used ${paths.length} time(s)) is one or two letters away from ${q(usual)} (used ${uses.get(usual)!.length} time(s)); a typo?`,
        },
      })
    }
  }
  if (more > 0)
    out.push({
      code: 'specialty.near-miss',
      paths: morePaths,
      message: {
        zh: `另有 ${more} 对专业代码仅差一两个字母，未逐一列出（只列出前 ${MAX_NEAR_MISSES} 对）`,
        en: `${more} more pair(s) of specialty codes are one or two letters apart, not listed one by one (only the first ${MAX_NEAR_MISSES} are)`,
      },
    })
  return out
}

/** The most codes a {@link unwantedSpecialties} message names. */
const MAX_CODES = 8

/**
 * The codes cadres hold whose category (the code up to its first `/`) no post
 * or team wants, so that they add nothing to any fit (see `codeMatch`): one
 * warning for all of them, when the scenario wants any specialty at all.
 */
function unwantedSpecialties(held: Map<string, Path[]>, wanted: Map<string, Path[]>): ScenarioWarning[] {
  if (wanted.size === 0) return []
  const category = (code: string): string => code.split('/')[0]!
  const wantedCategories = new Set([...wanted.keys()].map(category))
  const unwanted = [...held].filter(([code]) => !wantedCategories.has(category(code)))
  if (unwanted.length === 0) return []
  const paths = unwanted.flatMap(([, p]) => p)
  const named = unwanted.slice(0, MAX_CODES).map(([code]) => q(code))
  const more = unwanted.length > MAX_CODES ? ` …` : ''
  return [
    {
      code: 'specialty.unwanted',
      paths: paths.slice(0, MAX_PATHS),
      message: {
        zh: `干部具备的 ${unwanted.length} 个专业代码（${named.join('、')}${more}，共 ${paths.length} 处）不属于任何岗位或班子要求的专业类别，对人岗相适度没有贡献；是否把所学专业名称当作专业代码填写？`,
        en: `${unwanted.length} specialty code(s) cadres hold (${named.join(', ')}${more}; ${paths.length} use(s)) are in no category a post or team wants, so they add nothing to any fit; majors written where codes belong?`,
      },
    },
  ]
}

/** A blank, or an invisible (format) character: zero-width space, word joiner, soft hyphen, BOM… */
const BLANK_OR_INVISIBLE = /[\s\p{Cf}]/u
const BLANK = /\s/
const INVISIBLE = /\p{Cf}/gu

/** A string quoted as JSON, with its invisible characters and blanks other than spaces written `\uXXXX`. */
const shown = (s: string): string =>
  q(s).replace(
    /[^\S ]|\p{Cf}/gu,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  )

/** `U+200B, U+00AD`: the distinct invisible characters of a string. */
const codePoints = (s: string): string =>
  [...new Set(s.match(INVISIBLE))]
    .map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
    .join(', ')

type IdKind = 'cadre' | 'team' | 'post'

/** Each cadre, team and post id of a scenario, by kind, in input order. */
function eachId(
  s: Scenario,
  f: (id: string, path: Path, kind: IdKind, what: { zh: string; en: string }) => void,
): void {
  s.cadres.forEach((c, i) => f(c.id, ['cadres', i, 'id'], 'cadre', { zh: '干部', en: 'cadre' }))
  s.teams.forEach((t, ti) => {
    f(t.id, ['teams', ti, 'id'], 'team', { zh: '班子', en: 'team' })
    t.posts.forEach((p, pi) => f(p.id, ['teams', ti, 'posts', pi, 'id'], 'post', { zh: '岗位', en: 'post' }))
  })
}

function blankIds(s: Scenario, out: ScenarioWarning[]): void {
  eachId(s, (id, path, _, what) => {
    if (!BLANK_OR_INVISIBLE.test(id)) return
    const blanks = BLANK.test(id)
    const invisible = codePoints(id)
    const message =
      invisible === ''
        ? {
            zh: `${what.zh}编号 ${q(id)} 含空白字符（首尾或中间），引用它时须一字不差`,
            en: `${what.en} id ${q(id)} has blanks (leading, trailing or inner); every reference must repeat them exactly`,
          }
        : {
            zh: `${what.zh}编号 ${shown(id)} 含${blanks ? '空白字符和' : ''}不可见字符（${invisible}），引用它时须一字不差`,
            en: `${what.en} id ${shown(id)} has ${blanks ? 'blanks and ' : ''}invisible characters (${invisible}); every reference must repeat them exactly`,
          }
    out.push({ code: 'id.blanks', paths: [path], message })
  })
}

/**
 * Names (a cadre's, a team's) and post titles with invisible (format)
 * characters: a zero-width space makes 张\u200B三 look like 张三 in every
 * list and report, a direction override (U+202E) reverses what follows it.
 * Blanks are usual in names (张 三, padded) and not warned of.
 */
function invisibleNames(s: Scenario, out: ScenarioWarning[]): void {
  const check = (name: string, path: Path, what: { zh: string; en: string }) => {
    const invisible = codePoints(name)
    if (invisible === '') return
    out.push({
      code: 'name.invisible',
      paths: [path],
      message: {
        zh: `${what.zh} ${shown(name)} 含不可见字符（${invisible}），显示时与不含它们的名称无从区分`,
        en: `${what.en} ${shown(name)} has invisible characters (${invisible}): it shows as a name without them would`,
      },
    })
  }
  s.cadres.forEach((c, i) => check(c.name, ['cadres', i, 'name'], { zh: '干部姓名', en: 'cadre name' }))
  s.teams.forEach((t, ti) => {
    check(t.name, ['teams', ti, 'name'], { zh: '班子名称', en: 'team name' })
    t.posts.forEach((p, pi) =>
      check(p.title, ['teams', ti, 'posts', pi, 'title'], { zh: '岗位名称', en: 'post title' }),
    )
  })
}

/**
 * Ids of one kind that differ but read the same once normalised (NFKC:
 * full-width `Ｃ1` and `C1`), at the later one. Equal ids are errors (see
 * `crossref.ts`), not warned of.
 */
function lookalikeIds(s: Scenario, out: ScenarioWarning[]): void {
  const first: Record<IdKind, Map<string, { id: string; path: Path }>> = {
    cadre: new Map(),
    team: new Map(),
    post: new Map(),
  }
  eachId(s, (id, path, kind, what) => {
    const seen = first[kind]
    const normal = id.normalize('NFKC')
    const earlier = seen.get(normal)
    if (earlier === undefined) {
      seen.set(normal, { id, path })
      return
    }
    if (earlier.id === id) return
    out.push({
      code: 'id.lookalike',
      paths: [path],
      message: {
        zh: `${what.zh}编号 ${shown(id)} 规范化（NFKC，全角与兼容字符）后与 ${formatPath(earlier.path)} 的 ${shown(earlier.id)} 相同；二者是不同的编号，引用时须一字不差`,
        en: `${what.en} id ${shown(id)} reads the same as ${shown(earlier.id)} (${formatPath(earlier.path)}) once normalised (NFKC: full-width and compatibility characters); they are different ids, and every reference must repeat each exactly`,
      },
    })
  })
}

function unmatchedHometowns(s: Scenario, out: ScenarioWarning[]): void {
  const localities = [...new Set([s.county, ...s.teams.map((t) => t.locality)])]
  const byHometown = new Map<string, Path[]>()
  s.cadres.forEach((c, i) => {
    const list = byHometown.get(c.hometown)
    if (list === undefined) byHometown.set(c.hometown, [['cadres', i, 'hometown']])
    else list.push(['cadres', i, 'hometown'])
  })
  for (const [hometown, paths] of byHometown) {
    if (localities.some((l) => samePlace(hometown, l))) continue
    out.push({
      code: 'hometown.unmatched',
      paths: paths.slice(0, MAX_PATHS),
      message: {
        zh: `${paths.length} 名干部的成长地 ${q(hometown)} 不在本县任何任职地内（外地成长的干部属正常情况；否则请检查拼写）`,
        en: `${paths.length} cadre(s) grew up in ${q(hometown)}, which matches no locality of the scenario (normal for cadres from elsewhere; otherwise check the spelling)`,
      },
    })
  }
}

/** The most distinct unread keys (of one kind of object) warned of one by one; the rest are counted in one more. */
const MAX_UNREAD_KEYS = 20

/**
 * One warning per key the decoder does not read, in input order, keys of the
 * same name in the same kind of object together (a `note` in every cadre),
 * with the known key it is close to, if any.
 */
function unreadKeys(unread: readonly UnreadInputKey[]): ScenarioWarning[] {
  const groups = new Map<string, { first: UnreadInputKey; paths: Path[] }>()
  for (const u of unread) {
    const id = `${u.object}\u0000${u.key}`
    const g = groups.get(id)
    if (g === undefined) groups.set(id, { first: u, paths: [u.path] })
    else g.paths.push(u.path)
  }
  const out: ScenarioWarning[] = []
  const morePaths: Path[] = []
  let more = 0
  for (const { first, paths } of groups.values()) {
    if (out.length >= MAX_UNREAD_KEYS) {
      more++
      if (morePaths.length < MAX_PATHS) morePaths.push(paths[0]!)
      continue
    }
    const near = nearestKnownKey(first.key, first.known)
    const n = paths.length
    const where = n === 1 ? `the ${first.object}` : `${n} ${first.object}s`
    out.push({
      code: 'input.unknown-key',
      paths: paths.slice(0, MAX_PATHS),
      message: {
        zh: `键 ${shown(first.key)}（${n} 处）不是输入格式的字段，未被读取（已忽略）${near === undefined ? '' : `；是否应为 ${q(near)}？`}`,
        en: `key ${shown(first.key)} of ${where} is not read (it is ignored)${near === undefined ? '' : `; did you mean ${q(near)}?`}`,
      },
    })
  }
  if (more > 0)
    out.push({
      code: 'input.unknown-key',
      paths: morePaths,
      message: {
        zh: `另有 ${more} 个未读取的键，未逐一列出（只列出前 ${MAX_UNREAD_KEYS} 个）`,
        en: `${more} more key(s) not read, not listed one by one (only the first ${MAX_UNREAD_KEYS} are)`,
      },
    })
  return out
}

/**
 * The warnings of a scenario (see {@link WarningCode}), grouped by code in
 * the order of {@link WARNING_LABELS}, each group in input order. A warning
 * lists at most 20 paths; its message gives the full count. Keys the decoder
 * does not read (`input.unknown-key`) are the input's, not the scenario's:
 * see {@link decodeScenarioWithWarnings}.
 *
 * @param s - a scenario (decoded or built in code)
 * @returns the warnings; empty when nothing looks odd
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category IO
 * @example
 * scenarioWarnings(sampleScenario()).filter((w) => w.code === 'hometown.unmatched').length
 * //=> 6 (one per neighbouring county the sample's non-local cadres come from)
 */
export function scenarioWarnings(s: Scenario): ScenarioWarning[] {
  requireScenario('scenarioWarnings', s, 's')
  const out: ScenarioWarning[] = []
  pastRetirement(s, out)
  const { held, wanted } = specialtyUses(s)
  const covered = coveredCodes(held)
  // appended one by one: a spread of many warnings into push() would overflow the stack
  for (const w of unheldSpecialties(wanted, covered)) out.push(w)
  for (const w of nearMisses(held, wanted, covered)) out.push(w)
  for (const w of unwantedSpecialties(held, wanted)) out.push(w)
  blankIds(s, out)
  lookalikeIds(s, out)
  invisibleNames(s, out)
  unmatchedHometowns(s, out)
  return out
}

/**
 * {@link decodeScenario}, with the warnings beside the scenario: first one
 * per key of the input the decoder does not read (`input.unknown-key`: only
 * the input has them), then the {@link scenarioWarnings} of the decoded
 * scenario. Never throws.
 *
 * @param input - anything; typically the result of `JSON.parse`
 * @returns `Right` of the scenario and its warnings, or `Left` of every issue
 * @category IO
 * @example
 * const r = decodeScenarioWithWarnings(JSON.parse(text))
 * if (r._tag === 'Right') for (const w of r.right.warnings) console.warn(w.message.en)
 */
export function decodeScenarioWithWarnings(input: unknown): Either<InvalidScenario, DecodedScenario> {
  const decoded = decodeScenarioWithUnread(input)
  if (isLeft(decoded)) return decoded
  const { scenario, unread } = decoded.right
  const warnings = unreadKeys(unread)
  // appended one by one, as in scenarioWarnings
  for (const w of scenarioWarnings(scenario)) warnings.push(w)
  return right({ scenario, warnings })
}
