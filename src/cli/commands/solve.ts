/**
 * `banzi solve`: staff the open posts: the best proposal (or the k best), checked by the validator.
 *
 * @module
 * @internal
 */
import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { access, open, readdir, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { isLeft } from 'fp-ts/lib/Either.js'
import { validateProposal } from '../../check/index.js'
import { type Command, CommanderError } from 'commander'
import {
  CHANGE_LABELS,
  RULE_LABELS,
  STATUS_LABELS,
  UI_PHRASES,
  wordsIn,
  type Lang,
} from '../../domain/codes.js'
import { type Change, type Proposal } from '../../domain/proposal.js'
import { type Scenario } from '../../domain/types.js'
import { rankProposals, solve, type RankedProposal } from '../../proposals/index.js'
import type { Ranking } from '../../proposals/rank.js'
import { renderReport } from '../../report/html.js'
import { writeProposal } from '../../report/workbook.js'
import {
  type CliIo,
  type Common,
  EXIT,
  addCommon,
  cadreNames,
  exitOfSolveError,
  fixed,
  json,
  progress,
  withScenario,
} from '../shared.js'

/**
 * The proposal as people read it: summary, each changed post by team, what
 * the objective is made of with each soft-rule penalty by rule and team, and
 * the incumbents who leave the teams.
 */
function describeProposal(scenario: Scenario, p: Proposal, lang: Lang): string {
  const t = wordsIn(lang)
  const name = cadreNames(scenario)
  const seats = new Map(scenario.teams.flatMap((team) => team.posts.map((post) => [post.id, { team, post }])))
  const who = (id: string | null) => (id === null ? t.vacant : name(id))
  const out = [
    `${t.status} ${STATUS_LABELS[p.status][lang]}  ${t.objective} ${fixed(p.objective)}  ${t.bound} ${fixed(p.bound)}  ${t.gap} ${p.gap === null ? '—' : `${fixed(p.gap * 100, 4)}%`}`,
  ]
  const changed = p.assignments.filter((a) => a.change !== 'stays')
  const counts = new Map<string, number>()
  for (const a of changed) counts.set(a.change, (counts.get(a.change) ?? 0) + 1)
  out.push(
    `${t.changes} ${changed.length}: ${[...counts].map(([c, n]) => `${CHANGE_LABELS[c as Change][lang]} ${n}`).join(', ')}`,
  )
  // By team, in the roster's order of teams and posts, whatever order the open posts came in.
  const order = new Map(scenario.teams.flatMap((tm) => tm.posts).map((post, i) => [post.id, i]))
  const byTeam = [...changed].sort((x, y) => (order.get(x.postId) ?? 0) - (order.get(y.postId) ?? 0))
  let team = ''
  for (const a of byTeam) {
    const seat = seats.get(a.postId)
    if (seat === undefined) continue
    if (seat.team.id !== team) {
      team = seat.team.id
      out.push(`${seat.team.name} (${seat.team.id})`)
    }
    out.push(
      `  ${seat.post.title} (${a.postId}): ${who(a.incumbentId)} → ${who(a.cadreId)}  [${CHANGE_LABELS[a.change][lang]}${a.cadreId === null ? '' : `, ${t.fit} ${fixed(a.fit, 1)}`}]`,
    )
  }
  // What the objective is made of: fit − vacancies − soft-rule penalties.
  out.push(
    `${t.totalFit} ${fixed(p.parts.fit)}  ${t.vacancyPenalties} ${fixed(p.parts.vacancies)}  ${t.softPenalties} ${fixed(p.parts.penalties)}`,
  )
  // Each soft-rule penalty paid, by rule and team (the vacancies are the change lines left vacant).
  const rules = Object.keys(RULE_LABELS)
  const teams = new Map(scenario.teams.map((team, i) => [team.id, { team, i }]))
  const paid = p.penalties
    .filter((x) => x.code !== 'establishment.vacancy')
    .map((x) => ({ x, rule: rules.indexOf(x.code), team: teams.get(x.teamId ?? '')?.i ?? -1 }))
    .sort(
      (a, b) =>
        a.rule - b.rule ||
        a.team - b.team ||
        (order.get(a.x.postId ?? '') ?? 0) - (order.get(b.x.postId ?? '') ?? 0),
    )
  if (paid.length > 0) out.push(`${t.penaltiesByRule}:`)
  for (const { x } of paid) {
    const tm = x.teamId === null ? undefined : teams.get(x.teamId)?.team
    const post = x.postId === null ? undefined : seats.get(x.postId)?.post
    const where = [
      x.teamId === null ? null : `${tm?.name ?? x.teamId} (${x.teamId})`,
      x.postId === null ? null : `${post?.title ?? x.postId} (${x.postId})`,
      x.cadreId === null ? null : who(x.cadreId),
    ].filter((w) => w !== null)
    // An average age is short by member-years, every other rule by members (or pairs).
    const short = `${Number.isInteger(x.shortfall) ? x.shortfall : fixed(x.shortfall, 1)}${x.code === 'structure.average-age' ? ` ${t.memberYears}` : ''}`
    out.push(
      `  ${RULE_LABELS[x.code][lang]} — ${where.join(' ')}: ${t.shortfall} ${short}, ${t.penalty} ${fixed(x.amount)}`,
    )
  }
  // The incumbents who leave the teams: in no post after the round.
  const leavers = p.moves
    .filter((m) => m.toPostId === null)
    .sort((x, y) => (order.get(x.fromPostId ?? '') ?? 0) - (order.get(y.fromPostId ?? '') ?? 0))
  if (leavers.length > 0) out.push(`${t.leaving}: ${leavers.length}`)
  for (const m of leavers) {
    const seat = m.fromPostId === null ? undefined : seats.get(m.fromPostId)
    out.push(
      `  ${who(m.cadreId)}${m.fromPostId === null ? '' : `: ${seat === undefined ? '' : `${seat.team.name} ${seat.post.title} `}(${m.fromPostId})`}`,
    )
  }
  return `${out.join('\n')}\n`
}

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/**
 * The stderr line of a ranking that did not run to its end (`complete:
 * false`): what stopped it, how many of the k asked for came back (or that
 * the last is not proven), and the bound on the proposals it did not prove.
 */
function incompleteLine(ranking: Ranking, k: number, lang: Lang): string {
  const bound = ranking.nextBound
  const line = UI_PHRASES.rankingIncomplete(
    ranking.stopped ?? 'solver-failure',
    ranking.length,
    k,
    bound === null ? null : fixed(bound),
  )
  return `${line[lang]}\n`
}

/**
 * The exit code of a ranking that came back with fewer than the k asked for
 * because it stopped: as the same stop before any proposal (a time limit 3,
 * a failure 1); `null` otherwise.
 */
function exitOfShortRanking(ranking: Ranking, k: number): number | null {
  if (ranking.complete || ranking.length >= k) return null
  return ranking.stopped === 'time-limit' ? EXIT.timeLimit : EXIT.failed
}

/**
 * Why `--out <path>` cannot be written, or `null`: its folder must exist and
 * be writable, and the path must not be a folder.
 */
async function whyUnwritable(path: string): Promise<string | null> {
  const folder = dirname(resolve(path))
  try {
    if (!(await stat(folder)).isDirectory()) return `${folder} is not a folder`
    await access(folder, constants.W_OK)
  } catch (e) {
    return `cannot write in the folder ${folder} (${reason(e)})`
  }
  try {
    if ((await stat(path)).isDirectory()) return 'is a folder'
  } catch {
    // No such file yet: it will be made.
  }
  return null
}

/** A file's device and inode (`stat`, so through symlinks), or `null` when there is none. */
async function identity(path: string): Promise<{ dev: bigint; ino: bigint } | null> {
  try {
    const s = await stat(path, { bigint: true })
    return { dev: s.dev, ino: s.ino }
  } catch {
    return null
  }
}

/** A path with its folder's symlinks and `.`/`..` resolved (the file's own too, when it exists). */
async function canonical(path: string): Promise<string> {
  const full = resolve(path)
  try {
    return await realpath(full)
  } catch {
    try {
      return join(await realpath(dirname(full)), basename(full))
    } catch {
      return full
    }
  }
}

/** Whether `a` and `b` are one file: the same device and inode when both exist, else the same real path. */
async function sameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([identity(a), identity(b)])
  if (x !== null && y !== null) return x.dev === y.dev && x.ino === y.ino
  return (await canonical(a)) === (await canonical(b))
}

/** What a folder roster reads (docs/cli.md): its CSV, XLSX and LRMX files. */
const ROSTER_FILES = new Set(['.csv', '.xlsx', '.lrmx'])

/**
 * The files a solve reads, each with how it is named: the roster (a file, or
 * the files a folder roster reads), `--round` and `--policy`.
 */
async function inputsOf(roster: string, o: Common): Promise<{ what: string; path: string }[]> {
  const inputs: { what: string; path: string }[] = []
  let folder = false
  try {
    folder = (await stat(roster)).isDirectory()
  } catch {
    // Not there: the load said so already; compared as a path below.
  }
  if (!folder) inputs.push({ what: 'the roster', path: roster })
  else
    for (const name of await readdir(roster).catch(() => [] as string[]))
      if (ROSTER_FILES.has(extname(name).toLowerCase()))
        inputs.push({ what: 'the roster folder’s file', path: join(roster, name) })
  if (o.round !== undefined) inputs.push({ what: '--round', path: o.round })
  if (o.policy !== undefined) inputs.push({ what: '--policy', path: o.policy })
  return inputs
}

/** Why `--out <path>` would overwrite a file the solve reads, or `null`. */
async function whyOverwritesInput(out: string, roster: string, o: Common): Promise<string | null> {
  for (const input of await inputsOf(roster, o))
    if (await sameFile(out, input.path))
      return `is the same file as ${input.what} ${input.path}: refusing to overwrite an input (nothing written)`
  return null
}

/** How many names `writeWhole` tries for its file before it gives up. */
const TRIES = 8

/**
 * Writes `data` to `path` whole or not at all: into a file of its own beside
 * it, renamed onto `path` once written (removed on a failure). That file has
 * a name no one can guess and is made anew (`wx`: a file or symlink already
 * there is never followed; another name is tried), readable by its owner
 * alone while written; the result keeps the mode (and, where it can, the
 * group) of the file it replaces, or stays 0600 when there was none.
 * Answers why it failed, or `null`.
 */
async function writeWhole(path: string, data: string | Uint8Array): Promise<string | null> {
  const folder = dirname(resolve(path))
  let part: string | null = null
  let handle: FileHandle | null = null
  try {
    let before: { mode: number; gid: number } | null = null
    try {
      const s = await stat(path)
      if (s.isFile()) before = { mode: s.mode & 0o777, gid: s.gid }
    } catch {
      // No such file yet: it is made 0600.
    }
    for (let tries = 1; handle === null; tries++) {
      const name = join(folder, `.${basename(path)}.${randomBytes(8).toString('hex')}.part`)
      try {
        handle = await open(name, 'wx', 0o600)
        part = name
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || tries >= TRIES) throw e
      }
    }
    await handle.writeFile(data)
    let mode = before?.mode ?? 0o600
    if (before !== null && (await handle.stat()).gid !== before.gid)
      // The replaced file's group, or none of its access when that group cannot be kept.
      await handle.chown(-1, before.gid).catch(() => {
        mode &= 0o707
      })
    await handle.chmod(mode)
    await handle.close()
    handle = null
    await rename(part as string, path)
    return null
  } catch (e) {
    await handle?.close().catch(() => undefined)
    if (part !== null) await rm(part, { force: true }).catch(() => undefined)
    return reason(e)
  }
}

/** Adds `solve` to the program; `exit` records the exit code of its run. @internal */
export function solveCommand(program: Command, io: CliIo, exit: (code: number) => void): void {
  addCommon(
    program
      .command('solve')
      .description('staff the open posts: the best proposal (or the k best), checked by the validator')
      .argument('<roster>', 'scenario .json, roster workbook .xlsx, or a folder of roster files')
      .option('--top <k>', 'rank the k best proposals', (v: string) => {
        const n = Number(v)
        if (!Number.isInteger(n) || n < 1 || n > 100)
          throw new CommanderError(EXIT.badInput, 'banzi.top', `--top: expected an integer 1–100, got "${v}"`)
        return n
      })
      .option(
        '--out <file>',
        'write the proposal(s): .json, .xlsx (the workbook a department files) or .html (the report)',
      )
      .addHelpText(
        'after',
        '\nExample: banzi solve county.xlsx --round round.json --top 3 --out proposals.json',
      ),
  ).action(async (path: string, o: Common & { top?: number; out?: string }) => {
    exit(
      await withScenario(io, path, o, async (scenario) => {
        const t = wordsIn(o.lang)
        const format = o.out === undefined ? null : extname(o.out).toLowerCase()
        if (format !== null && format !== '.json' && format !== '.xlsx' && format !== '.html') {
          io.stderr(`--out ${o.out}: ${t.unsupportedOut}\n`)
          return EXIT.badInput
        }
        // Where the result goes is checked before the solve, not found wrong after it.
        const unwritable =
          o.out === undefined
            ? null
            : ((await whyOverwritesInput(o.out, path, o)) ?? (await whyUnwritable(o.out)))
        if (unwritable !== null) {
          io.stderr(`--out ${o.out}: ${unwritable}\n`)
          return EXIT.badInput
        }
        const p = progress(io, t)
        const options = { timeLimitMs: o.timeLimit * 1000, onProgress: p.onProgress }
        const result =
          o.top === undefined
            ? await solve(scenario, options)
            : await rankProposals(scenario, { ...options, k: o.top })
        p.done()
        if (isLeft(result)) {
          if (o.json === true) io.stdout(json(result.left))
          else io.stderr(`${result.left._tag}: ${result.left.message}\n`)
          return exitOfSolveError(result.left)
        }
        // A ranking a stop ended early says so: the proposals found are still printed and written.
        const ranking = o.top !== undefined && Array.isArray(result.right) ? (result.right as Ranking) : null
        if (ranking !== null && !ranking.complete) io.stderr(incompleteLine(ranking, o.top!, o.lang))
        const proposals = Array.isArray(result.right)
          ? result.right.map((r) => r.proposal)
          : [result.right as Proposal]
        const violations = proposals.map((p) => validateProposal(scenario, p))
        if (o.out !== undefined) {
          let data: string | Uint8Array
          if (format === '.json') data = json(result.right)
          else if (format === '.html') {
            const ranked = Array.isArray(result.right)
              ? (result.right as readonly RankedProposal[])
              : undefined
            const page = await renderReport(
              scenario,
              ranked === undefined ? { proposal: proposals[0] } : { ranked },
              {
                lang: o.lang,
              },
            )
            if (isLeft(page)) {
              io.stderr(`--out ${o.out}: ${page.left.message}\n`)
              return EXIT.failed
            }
            data = page.right
          } else {
            const book = await writeProposal(scenario, result.right, { lang: o.lang })
            if (isLeft(book)) {
              io.stderr(`--out ${o.out}: ${book.left.message}\n`)
              return EXIT.failed
            }
            data = book.right
          }
          // Again just before the write: an input may have been put there during the solve.
          const overwrites = await whyOverwritesInput(o.out, path, o)
          if (overwrites !== null) {
            io.stderr(`--out ${o.out}: ${overwrites}\n`)
            return EXIT.badInput
          }
          const failed = await writeWhole(o.out, data)
          if (failed !== null) {
            io.stderr(`--out ${o.out}: ${failed}\n`)
            return EXIT.badInput
          }
        }
        if (o.json === true)
          io.stdout(
            json(
              ranking === null
                ? { result: result.right, violations }
                : {
                    result: result.right,
                    ranking: {
                      complete: ranking.complete,
                      stopped: ranking.stopped,
                      nextBound: ranking.nextBound,
                    },
                    violations,
                  },
            ),
          )
        else
          proposals.forEach((p, i) => {
            if (proposals.length > 1) io.stdout(`\n# ${i + 1}\n`)
            io.stdout(describeProposal(scenario, p, o.lang))
            io.stdout(`${t.validator}: ${UI_PHRASES.violationCount(violations[i]?.length ?? 0)[o.lang]}\n`)
            for (const v of violations[i] ?? []) io.stdout(`  ${v.message}\n`)
          })
        if (violations.some((v) => v.length > 0)) return EXIT.failed
        return (ranking === null ? null : exitOfShortRanking(ranking, o.top!)) ?? EXIT.ok
      }),
    )
  })
}
