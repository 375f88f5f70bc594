/**
 * The parts of a report's input besides its proposals — an explanation, a
 * diagnosis, a reserve health, a solve's error — at the door: whatever they
 * hold, `renderReport` answers a page or an `InvalidReportInput` naming the
 * place (`input.explanation.ruleCosts[0].cost: expected a number, got "x"`),
 * never a TypeError from inside a section; `toHtml` throws a TypeError naming
 * `options.explanation…`. Real ones render as they did.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Proposal } from '../../src/domain/proposal.js'
import type { Scenario } from '../../src/domain/types.js'
import { applyProposal, reserveHealth, reviewReserve, type ReserveHealth } from '../../src/pool/index.js'
import {
  diagnose,
  explainProposal,
  solve,
  type Diagnosis,
  type Explanation,
  type SolveError,
} from '../../src/proposals/index.js'
import { esc, renderReport, toHtml } from '../../src/report/html.js'
import { generateScenario } from '../../src/sample/index.js'

const scenario = generateScenario({ seed: 3, cadres: 30, teams: 3 })
/** The same county where every team needs five women: no proposal, a diagnosis. */
const strict: Scenario = {
  ...scenario,
  policy: {
    ...scenario.policy,
    structure: {
      ...scenario.policy.structure,
      women: { ...scenario.policy.structure.women, min: 5 },
    },
  },
}
let proposal: Proposal
let explanation: Explanation
let diagnosis: Diagnosis
let error: SolveError
let reserve: ReserveHealth

beforeAll(async () => {
  const r = await solve(scenario)
  if (r._tag === 'Left') throw new Error(r.left.message)
  proposal = r.right
  const e = await explainProposal(scenario, proposal, { costs: 'estimate' })
  if (e._tag === 'Left') throw new Error(e.left.message)
  explanation = e.right
  const d = await diagnose(strict)
  if (d._tag === 'Left') throw new Error(d.left.message)
  diagnosis = d.right
  const none = await solve(strict)
  if (none._tag === 'Right') throw new Error('the strict county has a proposal')
  error = none.left
  const after = applyProposal(scenario, proposal)
  const review = reviewReserve(after, { criteria: { young: { maxAge: 30 } } })
  if (review._tag === 'Left') throw new Error(review.left.message)
  reserve = reserveHealth(after, review.right)
})

type Part = 'explanation' | 'diagnosis' | 'reserve' | 'error'
/** What each part is shown with: a proposal (whose team cards read the explanation's posts), or none (the summary shows the error). */
const shownWith = (part: Part, value: unknown) =>
  part === 'explanation' || part === 'reserve'
    ? ([scenario, { proposal, [part]: value }] as const)
    : ([strict, { [part]: value }] as const)

/** Renders a report with `value` as its `part` (a throw fails the property, which prints the value). */
async function rendered(part: Part, value: unknown, lang: 'zh' | 'en' = 'zh') {
  const [s, input] = shownWith(part, value)
  return renderReport(s, input as never, { lang, maxCurves: 0 })
}

/** A page, or an InvalidReportInput naming a place of `input.<part>`. */
function pageOrRefusal(part: Part, r: Awaited<ReturnType<typeof renderReport>>): boolean {
  if (r._tag === 'Right') return r.right.startsWith('<!DOCTYPE html>')
  return (
    r.left._tag === 'InvalidReportInput' &&
    new RegExp(`^input\\.${part}(\\.|\\[|: )`).test(r.left.message) &&
    r.left.message.includes(': expected ')
  )
}

type Key = string | number
/** The place of every part of a JSON value (not the value itself). */
function placesOf(v: unknown, at: readonly Key[] = []): Key[][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => [[...at, i], ...placesOf(x, [...at, i])])
  if (typeof v === 'object' && v !== null)
    return Object.entries(v).flatMap(([k, x]) => [[...at, k], ...placesOf(x, [...at, k])])
  return []
}

/** Where to mutate: the `at`-th place among those at most `depth` keys deep (shallow places, which hold the others, as often as deep ones). */
type Mutation = { readonly at: number; readonly depth: number } & (
  { readonly drop: true } | { readonly value: unknown }
)

/** A value of another kind than most: what a hand-written or stale part holds in a wrong place. */
const wrongValue = fc.oneof(
  fc.constantFrom(null, undefined, 'x', '<b>x</b>', 1, -1, Number.NaN, true, [], {}, [{}], { label: 1 }),
  fc.anything(),
)

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ at: fc.nat(), depth: fc.nat(), drop: fc.constant(true as const) }),
  fc.record({ at: fc.nat(), depth: fc.nat(), value: wrongValue }),
)

/** A copy of a real part with one place dropped (a key, an item) or replaced by a value of another kind. */
function mutated(real: unknown, m: Mutation): unknown {
  const copy = JSON.parse(JSON.stringify(real)) as unknown
  const all = placesOf(copy)
  const deepest = Math.max(...all.map((p) => p.length))
  const places = all.filter((p) => p.length <= 1 + (m.depth % deepest))
  const place = places[m.at % places.length]!
  let holder = copy as Record<Key, unknown>
  for (const k of place.slice(0, -1)) holder = holder[k] as Record<Key, unknown>
  const last = place[place.length - 1]!
  if (!('drop' in m)) holder[last] = m.value
  else if (Array.isArray(holder)) holder.splice(last as number, 1)
  else delete holder[last]
  return copy
}

const reals = (): Record<Part, unknown> => ({ explanation, diagnosis, reserve, error })

/** What the page shows of a solve's error: its tag and message, strings. */
const solveErrorLike = (v: unknown): boolean =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  typeof (v as { _tag?: unknown })._tag === 'string' &&
  typeof (v as { message?: unknown }).message === 'string'

describe('renderReport never throws for an explanation, diagnosis, reserve or error of any shape', () => {
  const parts: readonly Part[] = ['explanation', 'diagnosis', 'reserve', 'error']

  it.each(parts)('input.%s: any value answers a page or a refusal naming its place', async (part) => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (value) => {
        expect(pageOrRefusal(part, await rendered(part, value))).toBe(true)
      }),
      { numRuns: 40 },
    )
  })

  it.each(parts)('input.%s: a real one with a key dropped or a value of another kind', async (part) => {
    await fc.assert(
      fc.asyncProperty(mutation, fc.constantFrom('zh' as const, 'en' as const), async (m, lang) => {
        const value = mutated(reals()[part], m)
        const r = await rendered(part, value, lang)
        expect(pageOrRefusal(part, r)).toBe(true)
        if (part === 'error') expect(r._tag === 'Right').toBe(solveErrorLike(value))
      }),
      { numRuns: 25 },
    )
  })

  it('input.error: shows a { _tag, message } of strings, and refuses anything else', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.anything(), fc.record({ _tag: fc.anything(), message: fc.anything() })),
        async (value) => {
          const r = await rendered('error', value)
          expect(pageOrRefusal('error', r)).toBe(true)
          expect(r._tag === 'Right').toBe(value === undefined || solveErrorLike(value))
        },
      ),
      { numRuns: 40 },
    )
  })
})

describe('the refusals name the first place, in input order', () => {
  const refusal = async (part: Part, value: unknown) => {
    const r = await rendered(part, value)
    return r._tag === 'Left' ? r.left : null
  }

  it('of an explanation', async () => {
    const cases: [unknown, string][] = [
      [{}, 'input.explanation.ruleCosts: expected an array, got nothing'],
      [[], 'input.explanation: expected an Explanation (from explainProposal), got []'],
      [{ ruleCosts: 1 }, 'input.explanation.ruleCosts: expected an array, got 1'],
      [{ ruleCosts: [], posts: 'x' }, 'input.explanation.posts: expected an array, got "x"'],
      [
        { ruleCosts: [{}], posts: [] },
        'input.explanation.ruleCosts[0].code: expected a rule code (a key of RULE_LABELS), got nothing',
      ],
      [
        { objective: 'x', ruleCosts: [{ rule: null, cost: 'x' }], posts: [] },
        'input.explanation.ruleCosts[0].cost: expected a number, got "x"',
      ],
      [
        { ruleCosts: [], posts: [{ postId: proposal.assignments[0]!.postId, runnersUp: 5 }] },
        'input.explanation.posts[0].runnersUp: expected an array, got 5',
      ],
    ]
    for (const [value, message] of cases)
      expect(await refusal('explanation', value)).toEqual({ _tag: 'InvalidReportInput', message })
  })

  it('of a diagnosis, a reserve health and an error', async () => {
    const cases: [Part, unknown, string][] = [
      ['diagnosis', {}, 'input.diagnosis.supply: expected an array, got nothing'],
      ['diagnosis', { feasible: false }, 'input.diagnosis.supply: expected an array, got nothing'],
      [
        'diagnosis',
        { feasible: false, conflicts: 1 },
        'input.diagnosis.supply: expected an array, got nothing',
      ],
      ['diagnosis', [], 'input.diagnosis: expected a Diagnosis (from diagnose), got []'],
      [
        'diagnosis',
        { supply: [], conflict: [{ label: 2 }], relaxations: [] },
        'input.diagnosis.conflict[0].label: expected a string, got 2',
      ],
      ['reserve', {}, 'input.reserve.asOf: expected YYYY-MM, got nothing'],
      ['reserve', { entries: 1 }, 'input.reserve.asOf: expected YYYY-MM, got nothing'],
      ['reserve', [], 'input.reserve: expected a ReserveHealth (from reserveHealth), got []'],
      ['error', {}, 'input.error._tag: expected a string, got nothing'],
      ['error', 'x', 'input.error: expected a SolveError ({ _tag, message }), got "x"'],
      ['error', { _tag: 'X' }, 'input.error.message: expected a string, got nothing'],
    ]
    for (const [part, value, message] of cases)
      expect(await refusal(part, value)).toEqual({ _tag: 'InvalidReportInput', message })
  })

  it('of counts the page would print as they are: never markup', async () => {
    const [young, ...rest] = reserve.groups
    const hostile = { ...reserve, groups: [{ ...young!, listed: '<script>alert(1)</script>' }, ...rest] }
    expect((await refusal('reserve', hostile))?.message).toBe(
      'input.reserve.groups[0].listed: expected a number, got "<script>alert(1)</script>"',
    )
  })

  it('of an error given with a proposal too, which the page would not show', async () => {
    const r = await renderReport(scenario, { proposal, error: { _tag: 'X' } as never })
    expect(r._tag === 'Left' && r.left.message).toBe('input.error.message: expected a string, got nothing')
  })
})

describe('toHtml refuses an explanation it cannot show with a TypeError naming options.explanation', () => {
  it('for the malformed explanations the report refuses', () => {
    const cases: [unknown, string][] = [
      [{}, 'toHtml: options.explanation.ruleCosts: expected an array, got nothing'],
      [[], 'toHtml: options.explanation: expected an Explanation (from explainProposal), got []'],
      [{ ruleCosts: [], posts: 'x' }, 'toHtml: options.explanation.posts: expected an array, got "x"'],
    ]
    for (const [value, message] of cases) {
      expect(() => toHtml(scenario, proposal, { explanation: value as never })).toThrow(TypeError)
      expect(() => toHtml(scenario, proposal, { explanation: value as never })).toThrow(message)
    }
  })

  it('never with a TypeError from inside: a fragment, or the door’s TypeError', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          mutation.map((m) => mutated(explanation, m)),
        ),
        (value) => {
          try {
            expect(toHtml(scenario, proposal, { explanation: value as never })).toMatch(
              /^<div class="banzi">/,
            )
          } catch (e) {
            expect(e).toBeInstanceOf(TypeError)
            expect((e as Error).message).toMatch(/^toHtml: options\.explanation(\.|\[|: )/)
          }
        },
      ),
      { numRuns: 150 },
    )
  })
})

describe('real parts render as they did', () => {
  it('an explanation, a reserve health, a diagnosis and an error: their rows, escaped', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const a = await rendered('explanation', explanation, lang)
      if (a._tag === 'Left') throw new Error(a.left.message)
      const costs = a.right.slice(a.right.indexOf('<table data-section="rule-costs">'))
      const shown = explanation.ruleCosts.filter((c) => c.cost !== 0)
      expect(shown.length).toBeGreaterThan(0)
      expect(costs.slice(0, costs.indexOf('</table>')).match(/<tr>/g)).toHaveLength(shown.length + 1)
      // The runners-up of the posts the proposal changes, in their team cards.
      const moved = new Set(proposal.assignments.filter((x) => x.change !== 'stays').map((x) => x.postId))
      const runner = explanation.posts.find((p) => moved.has(p.postId) && p.runnersUp.length > 0)!
        .runnersUp[0]!
      const name = scenario.cadres.find((c) => c.id === runner.cadreId)!.name
      expect(a.right).toContain(`${esc(name)} (${runner.fit.toFixed(1)})`)

      const b = await rendered('reserve', reserve, lang)
      if (b._tag === 'Left') throw new Error(b.left.message)
      const young = reserve.groups[0]!
      expect(b.right).toContain(
        `<td>${young.listed}</td><td>${young.entries}</td><td>${young.exits}</td><td>${young.size}</td>`,
      )

      const labelled: Diagnosis = {
        ...diagnosis,
        conflict: diagnosis.conflict.map((m, i) => (i === 0 ? { ...m, label: '<b>x</b>' } : m)),
      }
      expect(
        diagnosis.supply.length + diagnosis.conflict.length + diagnosis.relaxations.length,
      ).toBeGreaterThan(2)
      const c = await renderReport(strict, { diagnosis: labelled, error }, { lang, maxCurves: 0 })
      if (c._tag === 'Left') throw new Error(c.left.message)
      expect(c.right).toContain('<li>&lt;b&gt;x&lt;/b&gt;</li>')
      expect(c.right).not.toContain('<b>x</b>')
      expect(c.right).toContain(esc(`${error._tag}: ${error.message}`))
      for (const s of diagnosis.supply) expect(c.right).toContain(esc(lang === 'zh' ? s.zh : s.message))
    }
  })

  it('the same page from a part kept as JSON, and toHtml shows the runners-up', async () => {
    for (const part of ['explanation', 'diagnosis', 'reserve', 'error'] as const) {
      const real = reals()[part]
      const a = await rendered(part, real)
      const b = await rendered(part, JSON.parse(JSON.stringify(real)))
      expect(a._tag, part).toBe('Right')
      expect(b).toEqual(a)
    }
    expect(toHtml(scenario, proposal, { explanation })).toContain('其他人选')
    expect(
      toHtml(scenario, proposal, { explanation: JSON.parse(JSON.stringify(explanation)) as never }),
    ).toBe(toHtml(scenario, proposal, { explanation }))
  })
})
