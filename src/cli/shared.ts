/**
 * What the commands of the command line share: where they write, the exit
 * codes, the options every command takes, loading the scenario, progress on
 * stderr, and the way numbers and JSON are printed.
 *
 * @module
 * @internal
 */
import { CommanderError, Option, type Command } from 'commander'
import { isLeft } from 'fp-ts/lib/Either.js'
import { wordsIn, type Lang, type UiWord } from '../domain/codes.js'
import type { Scenario } from '../domain/types.js'
import type { SolveError } from '../proposals/index.js'
import type { ProgressEvent } from '../solvers/index.js'
import { loadScenario, type RoundFlags } from './load.js'

/** Where the command line writes. @internal */
export interface CliIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /** Whether stderr is a terminal (a live progress line) or not (plain lines). */
  readonly tty: boolean
  /**
   * The command line's own terminal controls on stderr (the live progress
   * line's `\r` and erase-to-end), written as they are; `stderr` when absent.
   * Nothing from the input goes through it.
   */
  readonly control?: (text: string) => void
}

/** C0 controls but \n and \t, DEL, and C1 controls (U+0080–U+009F). */
// eslint-disable-next-line no-control-regex -- the controls are what it finds
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/**
 * Text as it may reach a terminal: each control character that could move
 * the cursor, retitle, hide or clear it (C0 but \n and \t, DEL, C1) shown as
 * its escape, `\u001b` for ESC. @internal
 */
export const visible = (text: string): string =>
  text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)

/** DEL and C1 controls: what `JSON.stringify` leaves raw (it escapes the C0 ones). */
const RAW_IN_JSON = /[\u007f-\u009f]/g

/**
 * JSON text with DEL and the C1 controls written as escapes too (`\u009b`):
 * the same JSON value, none of whose characters a terminal acts on (a C1 CSI
 * can clear a screen). They can only stand inside strings, where the escape
 * means the character. @internal
 */
export const jsonVisible = (text: string): string =>
  text.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)

/**
 * The one place the command line's text reaches a terminal: what goes to
 * stderr, and to stdout unless `json()`, passes through {@link visible};
 * commander's usage and errors included. With `--json` stdout is JSON for a
 * program, the same value `JSON.stringify` wrote, through
 * {@link jsonVisible}. Files written with `--out` do not go through it, nor
 * {@link CliIo.control}. @internal
 */
export function terminalIo(io: CliIo, json: () => boolean): CliIo {
  return {
    stdout: (text) => io.stdout(json() ? jsonVisible(text) : visible(text)),
    stderr: (text) => io.stderr(visible(text)),
    control: io.control ?? io.stderr,
    tty: io.tty,
  }
}

/** Exit codes, as documented in docs/cli.md. @internal */
export const EXIT = { ok: 0, failed: 1, badInput: 2, timeLimit: 3 } as const

/** The options every command takes. @internal */
export interface Common extends RoundFlags {
  readonly json?: boolean
  readonly lang: Lang
  readonly timeLimit: number
}

/** Pretty JSON with a final newline. @internal */
export const json = (x: unknown): string => `${JSON.stringify(x, null, 2)}\n`
/** A number to `d` decimals, `—` when there is none. @internal */
export const fixed = (x: number | null | undefined, d = 2): string =>
  typeof x === 'number' && Number.isFinite(x) ? x.toFixed(d) : '—'

/**
 * Each post named as the report names it: its team, a space, its title; with
 * its id after it when another post of the county reads the same (two
 * 副局长 of one team), so two posts never read as one. An unknown id as
 * itself. @internal
 */
export function postTitles(scenario: Scenario): (postId: string) => string {
  const seats = scenario.teams.flatMap((team) =>
    team.posts.map((post) => ({ id: post.id, text: `${team.name} ${post.title}` })),
  )
  const uses = new Map<string, number>()
  for (const s of seats) uses.set(s.text, (uses.get(s.text) ?? 0) + 1)
  const titles = new Map(
    seats.map((s) => [s.id, (uses.get(s.text) ?? 0) > 1 ? `${s.text} (${s.id})` : s.text]),
  )
  return (id) => titles.get(id) ?? id
}

/**
 * Each cadre named by name; with the id after it, `name (C00012)`, when
 * several cadres of the roster share that name, so two people never read as
 * one. An unknown id as itself. @internal
 */
export function cadreNames(scenario: Scenario): (cadreId: string) => string {
  const uses = new Map<string, number>()
  for (const c of scenario.cadres) uses.set(c.name, (uses.get(c.name) ?? 0) + 1)
  const names = new Map(
    scenario.cadres.map((c) => [c.id, (uses.get(c.name) ?? 0) > 1 ? `${c.name} (${c.id})` : c.name]),
  )
  return (id) => names.get(id) ?? id
}

/** A progress reporter on stderr: a live line on a terminal, a line a second otherwise. @internal */
export function progress(
  io: CliIo,
  t: Readonly<Record<UiWord, string>>,
): { onProgress: (e: ProgressEvent) => void; done: () => void } {
  let last = -Infinity
  let live = false
  const control = io.control ?? io.stderr
  const line = (e: ProgressEvent) =>
    `${t.progress}: ${t.incumbent} ${fixed(e.incumbent)} ${t.bound} ${fixed(e.bound)} ${t.gap} ${e.gap === null ? '—' : `${(e.gap * 100).toFixed(3)}%`} ${(e.elapsedMs / 1000).toFixed(1)} s`
  return {
    onProgress: (e) => {
      if (io.tty) {
        // A line of numbers and words of our own: its controls go as they are.
        control(`\r${line(e)}\u001b[K`)
        live = true
      } else if (e.elapsedMs - last >= 1000) {
        last = e.elapsedMs
        io.stderr(`${line(e)}\n`)
      }
    },
    done: () => {
      if (live) io.stderr('\n')
    },
  }
}

/** The exit code of a solve that did not give a proposal. @internal */
export function exitOfSolveError(e: SolveError): number {
  switch (e._tag) {
    case 'TimeLimit':
      return EXIT.timeLimit
    // What the call was given does not fit: bad input, as a roster that does not read.
    case 'InvalidOptions':
    case 'InvalidArgument':
    case 'ScenarioMismatch':
    case 'UnknownId':
      return EXIT.badInput
    default:
      return EXIT.failed
  }
}

/** Loads the scenario of a command, prints its warnings, then runs `then` on it. @internal */
export async function withScenario(
  io: CliIo,
  path: string,
  o: Common,
  then: (s: Scenario) => Promise<number>,
): Promise<number> {
  const loaded = await loadScenario(path, o)
  if (isLeft(loaded)) {
    for (const line of loaded.left) io.stderr(`${line}\n`)
    return EXIT.badInput
  }
  for (const w of loaded.right.warnings) io.stderr(`${wordsIn(o.lang).warning}: ${w}\n`)
  return then(loaded.right.scenario)
}

/** Adds the options every command takes. @internal */
export function addCommon(c: Command): Command {
  return c
    .option(
      '--round <file>',
      'JSON with the round: asOf, county, policy, openPosts, locks, forbidden, recommendations',
    )
    .option('--policy <file>', 'JSON policy (deep-partial), over the round’s')
    .option('--as-of <YYYY-MM>', 'reference month of the round')
    .option('--county <name>', 'the county')
    .option('--json', 'print machine-readable JSON on stdout')
    .addOption(new Option('--lang <lang>', 'language of the text output').choices(['zh', 'en']).default('zh'))
    .addOption(
      new Option('--time-limit <seconds>', 'stop after this many seconds')
        .default(60)
        .argParser((v: string) => {
          const n = Number(v)
          if (!Number.isFinite(n) || n <= 0)
            throw new CommanderError(
              EXIT.badInput,
              'banzi.timeLimit',
              `--time-limit: expected seconds > 0, got "${v}"`,
            )
          return n
        }),
    )
}
