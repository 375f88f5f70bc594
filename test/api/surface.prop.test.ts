// The public API's contract (issue #19): every function exported by src/index.ts and by the
// subpath entries banzi/roster (src/roster.ts) and banzi/report (src/report.ts), called with
// arbitrary JSON-like arguments (and the real things mixed in), answers a value or an Either.
// Anything it throws is a programmer error listed in docs/guide.md's "What throws" table, a
// TypeError or RangeError whose message names the function and the argument.
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import * as banzi from '../../src/index.js'
import type { Proposal } from '../../src/index.js'
import * as report from '../../src/report.js'
import * as roster from '../../src/roster.js'

const guide = readFileSync(new URL('../../docs/guide.md', import.meta.url), 'utf8')

/** The functions of the "What throws" table: the first cell of each row, in backquotes. */
function documentedThrowers(): Set<string> {
  const start = guide.indexOf('## What throws')
  if (start < 0) throw new Error('docs/guide.md has no "What throws" section')
  const end = guide.indexOf('\n## ', start + 1)
  const section = guide.slice(start, end < 0 ? undefined : end)
  const names = new Set<string>()
  for (const line of section.split('\n')) {
    const m = /^\|\s*`([A-Za-z]+)`/.exec(line)
    if (m !== null) names.add(m[1]!)
  }
  return names
}

const county = banzi.generateScenario({ seed: 3, cadres: 20, teams: 2 })
let proposal: Proposal

beforeAll(async () => {
  const r = await banzi.solve(county)
  if (r._tag === 'Left') throw new Error('expected a proposal')
  proposal = r.right
})

// Each entry's functions once (the subpaths re-export none of the main entry's).
const functions = [...Object.entries(banzi), ...Object.entries(roster), ...Object.entries(report)]
  .filter((e): e is [string, (...args: unknown[]) => unknown] => typeof e[1] === 'function')
  .sort((a, b) => (a[0] < b[0] ? -1 : 1))

/** Arguments: JSON-like values, edge values, and real domain objects (so that deeper doors are reached too). */
const argument = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom<unknown>(
        undefined,
        null,
        Number.NaN,
        -1,
        0,
        1.5,
        '',
        'x',
        {},
        [],
        [
          [1, 2],
          [3, 4],
        ],
        { timeLimitMs: Number.NaN },
        { k: 0 },
        county,
        county.cadres[0],
        county.teams[0],
        county.teams[0]!.posts[0],
        county.policy,
        county.openPosts[0],
        county.cadres[0]!.id,
      ),
    },
    { weight: 1, arbitrary: fc.constant('proposal').map(() => proposal) },
  )

/** Whether a thrown value is a documented programmer error of `name`. */
function documentedError(name: string, e: unknown, documented: ReadonlySet<string>): string | null {
  if (!(e instanceof TypeError || e instanceof RangeError))
    return `${name} threw ${String(e)}, not a TypeError or RangeError`
  if (!documented.has(name)) return `${name} threw "${e.message}" but is not in docs/guide.md's "What throws"`
  // `fn: argument: expected …`, `fn: options.key: expected …`, `fn: items[3]: expected …`
  const names = new RegExp(`^${name}: [A-Za-z_$][\\w$]*(\\[\\d+\\])?(\\.[\\w$]+)*( × [\\w$]+)?: expected `)
  return names.test(e.message) ? null : `${name} threw "${e.message}", which does not name the argument`
}

describe('the public surface answers a value or an Either', () => {
  const documented = documentedThrowers()

  it('lists only exported functions in "What throws"', () => {
    const exported = new Set(functions.map(([name]) => name))
    expect([...documented].filter((n) => !exported.has(n))).toEqual([])
  })

  it.each(functions)('%s, called with arbitrary arguments', async (name, f) => {
    const runs = f.length === 0 ? 8 : 60
    await fc.assert(
      fc.asyncProperty(fc.array(argument(), { maxLength: 4 }), async (args) => {
        let result: unknown
        try {
          result = f(...args)
          if (result instanceof Promise) result = await result
        } catch (e) {
          const problem = documentedError(name, e, documented)
          if (problem !== null) throw new Error(problem, { cause: e })
          return
        }
        // An Either's error is a tagged value, never an exception in disguise.
        if (typeof result === 'object' && result !== null && (result as { _tag?: unknown })._tag === 'Left') {
          const left = (result as { left: unknown }).left
          expect(typeof left === 'object' && left !== null && typeof (left as { _tag?: unknown })._tag).toBe(
            'string',
          )
        }
      }),
      { numRuns: runs, seed: 19 },
    )
  })
})
