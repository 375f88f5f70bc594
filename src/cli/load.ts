/**
 * What the command line reads: a scenario from a JSON file, a roster
 * workbook, or a folder of roster files (CSV or XLSX named after their kind,
 * with LRMX forms beside them), with the round's options from `--round` and
 * `--policy` files or flags. Every problem comes back as lines to print,
 * never a throw.
 *
 * @module
 * @internal
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js'
import type { Scenario } from '../domain/types.js'
import { decodeScenario } from '../io/decode.js'
import { formatPath, type Path } from '../io/path.js'
import { sheetKindOf, type SheetKind } from '../io/roster/headers.js'
import { readRoster, type RosterFile, type RosterIssue, type RosterSources } from '../io/roster/read.js'
import { leavesOf, merged } from '../io/roster/policy-sheet.js'

/** Where the round's options come from on the command line. @internal */
export interface RoundFlags {
  readonly round?: string
  readonly policy?: string
  readonly asOf?: string
  readonly county?: string
}

/** A scenario loaded, with the warnings to show. @internal */
export interface Loaded {
  readonly scenario: Scenario
  readonly warnings: readonly string[]
}

async function readJson(path: string, what: string): Promise<Either<string[], unknown>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    return left([`${what} ${path}: ${e instanceof Error ? e.message : String(e)}`])
  }
  try {
    return right(JSON.parse(text.replace(/^\uFEFF/, '')) as unknown)
  } catch (e) {
    return left([`${what} ${path}: not JSON (${e instanceof Error ? e.message : String(e)})`])
  }
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x)

/**
 * Where a field of the round came from: the flag (with its file) that gave
 * it, and how deep the value sits in what that flag gave (a `--policy` file
 * is the policy itself: 1; a `--round` file holds the fields: 0).
 */
interface Origin {
  readonly flag: string
  readonly depth: number
}

/** The round from the flags: its fields, and which flag gave each. */
interface Round {
  readonly fields: Record<string, unknown>
  readonly origins: ReadonlyMap<string, Origin>
}

async function roundOf(flags: RoundFlags): Promise<Either<string[], Round>> {
  let round: Record<string, unknown> = {}
  const origins = new Map<string, Origin>()
  if (flags.round !== undefined) {
    const r = await readJson(flags.round, '--round')
    if (isLeft(r)) return r
    if (!isObject(r.right))
      return left([`--round ${flags.round}: expected a JSON object (asOf, county, policy, …)`])
    round = r.right
    const origin = { flag: `--round ${flags.round}`, depth: 0 }
    for (const key of Object.keys(round))
      if (key === 'policy')
        for (const leaf of leavesOf(round.policy, ['policy'])) origins.set(leaf.join('.'), origin)
      else origins.set(key, origin)
  }
  if (flags.policy !== undefined) {
    const p = await readJson(flags.policy, '--policy')
    if (isLeft(p)) return p
    // A deep-partial policy over the round's: the settings it names, each in place, the rest as they were.
    round = { ...round, policy: merged(round.policy, p.right) }
    for (const leaf of leavesOf(p.right, ['policy']))
      origins.set(leaf.join('.'), { flag: `--policy ${flags.policy}`, depth: 1 })
  }
  if (flags.asOf !== undefined) {
    round = { ...round, asOf: flags.asOf }
    origins.set('asOf', { flag: '--as-of', depth: 1 })
  }
  if (flags.county !== undefined) {
    round = { ...round, county: flags.county }
    origins.set('county', { flag: '--county', depth: 1 })
  }
  return right({ fields: round, origins })
}

/** The origin of the longest prefix of `path` that a flag gave (origins are keyed by dotted paths). */
function originOf(origins: ReadonlyMap<string, Origin>, path: readonly string[]): Origin | undefined {
  for (let n = path.length; n > 0; n--) {
    const found = origins.get(path.slice(0, n).join('.'))
    if (found !== undefined) return found
  }
  return undefined
}

/**
 * An issue as a line that names where the bad value came from: the flag (and
 * its file) that gave the field, else `file` — with the path inside it.
 */
function issueLine(
  file: string,
  origins: ReadonlyMap<string, Origin>,
  path: Path,
  expected: string,
  got: string,
): string {
  const origin = originOf(origins, path.map(String))
  const inside = origin === undefined ? path : path.slice(origin.depth)
  const at = inside.length === 0 ? '' : ` ${formatPath(inside)}:`
  return `${origin?.flag ?? file}:${at} expected ${expected}, got ${got}`
}

/**
 * An issue `readRoster` found in what the flags gave (placed at `options`,
 * its path as the column) as a line naming the flag; any other issue as it is.
 */
function rosterLine(origins: ReadonlyMap<string, Origin>, i: RosterIssue): string {
  if (i.source !== 'options' || i.column === null) return i.message
  const path = i.column.split(/[.[\]]+/).filter((k) => k !== '')
  const origin = originOf(origins, path)
  if (origin === undefined) return i.message
  const inside = origin.depth === 0 ? i.column : i.column.slice(path[0]!.length).replace(/^\./, '')
  return `${origin.flag}:${inside === '' ? '' : ` ${inside}:`} expected ${i.expected}, got ${i.got}`
}

const kindOfFile = (name: string): SheetKind | undefined => sheetKindOf(basename(name, extname(name)))

/**
 * Loads the scenario a command works on. `path` is a JSON scenario
 * (`.json`; `--round`/`--policy`/`--as-of`/`--county` override its fields), a
 * roster workbook (`.xlsx`) or a folder of roster files; a roster needs the
 * round's month and county from `--round` or the flags.
 * @internal
 */
export async function loadScenario(path: string, flags: RoundFlags): Promise<Either<string[], Loaded>> {
  const round = await roundOf(flags)
  if (isLeft(round)) return round
  let info
  try {
    info = await stat(path)
  } catch (e) {
    return left([`${path}: ${e instanceof Error ? e.message : String(e)}`])
  }
  if (info.isFile() && extname(path).toLowerCase() === '.json') {
    const json = await readJson(path, 'scenario')
    if (isLeft(json)) return json
    const fields = round.right.fields
    // The flags' fields over the file's; a policy goes over the file's policy, setting by setting.
    const input = isObject(json.right)
      ? {
          ...json.right,
          ...fields,
          ...(fields.policy === undefined ? {} : { policy: merged(json.right.policy, fields.policy) }),
        }
      : json.right
    const decoded = decodeScenario(input)
    if (isLeft(decoded))
      return left(
        decoded.left.issues.map((i) => issueLine(path, round.right.origins, i.path, i.expected, i.got)),
      )
    return right({ scenario: decoded.right, warnings: [] })
  }
  const sources: { -readonly [K in keyof RosterSources]: RosterSources[K] } = {}
  if (info.isFile()) sources.workbook = { name: basename(path), data: new Uint8Array(await readFile(path)) }
  else {
    const lrmx: RosterFile[] = []
    for (const name of (await readdir(path)).sort()) {
      const ext = extname(name).toLowerCase()
      const file = (): Promise<RosterFile> =>
        readFile(join(path, name)).then((b) => ({ name, data: new Uint8Array(b) }))
      if (ext === '.lrmx') lrmx.push(await file())
      else if (ext === '.csv' || ext === '.xlsx') {
        const kind = kindOfFile(name)
        if (kind !== undefined) sources[kind] = await file()
        else if (ext === '.xlsx' && sources.workbook === undefined) sources.workbook = await file()
      }
    }
    if (lrmx.length > 0) sources.lrmx = lrmx
  }
  const options = round.right.fields
  if (typeof options.asOf !== 'string' || typeof options.county !== 'string')
    return left([
      `${path}: a roster needs the round's month and county: --round round.json, or --as-of YYYY-MM --county NAME`,
    ])
  const read = await readRoster(sources, options as { asOf: string; county: string })
  if (isLeft(read)) return left(read.left.issues.map((i) => rosterLine(round.right.origins, i)))
  return right({
    scenario: read.right.scenario,
    warnings: read.right.warnings.map((w) => `${w.source}: ${w.message}`),
  })
}

/** Reads a JSON file (a proposal, a query) for a command. @internal */
export const loadJson = readJson
