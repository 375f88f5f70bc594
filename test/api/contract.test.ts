// The rows of issue #19's table: each call that answered `Right`, or threw from deep inside,
// now answers a typed error naming the argument, the value and what is accepted.
import { beforeAll, describe, expect, it } from 'vitest'
import * as banzi from '../../src/index.js'
import {
  createSession,
  eligibilityOf,
  explainProposal,
  forcePair,
  formulate,
  generateScenario,
  rankProposals,
  scenarioFingerprint,
  solve,
  whyNotChosen,
  type Proposal,
  type Scenario,
} from '../../src/index.js'

const county = generateScenario({ seed: 1, cadres: 60 })
const other = generateScenario({ seed: 2, cadres: 60 })
let best: Proposal
let otherBest: Proposal

beforeAll(async () => {
  const a = await solve(county)
  const b = await solve(other)
  if (a._tag === 'Left' || b._tag === 'Left') throw new Error('expected proposals')
  best = a.right
  otherBest = b.right
})

const leftOf = <E, A>(r: { _tag: 'Left'; left: E } | { _tag: 'Right'; right: A }): E => {
  if (r._tag === 'Right') throw new Error('expected a Left')
  return r.left
}

describe('options misspelt', () => {
  it('refuses a known key misspelt by case, British spelling or a missing unit, and leaves other keys alone', async () => {
    const lap = banzi.linearSumAssignment(
      [
        [1, 2],
        [3, 4],
      ],
      { maximise: true } as never,
    )
    expect(lap._tag === 'Left' && lap.left.message).toBe(
      'options.maximise: expected a known option (did you mean "maximize"?), got true',
    )
    for (const [key, near] of [
      ['timeLimit', 'timeLimitMs'],
      ['timelimitms', 'timeLimitMs'],
    ] as const) {
      const e = leftOf(await solve(county, { [key]: 5 } as never))
      expect(e._tag === 'InvalidOptions' && e.issues.map((i) => [i.path, i.expected])).toEqual([
        [['options', key], `a known option (did you mean "${near}"?)`],
      ])
    }
    // One object for solve and rankProposals: rankProposals' keys are no misspelling of solve's.
    expect((await solve(county, { timeLimitMs: 60_000, k: 2, minDifference: 2 } as never))._tag).toBe('Right')
  })
})

describe('rankProposals refuses k out of range', () => {
  it.each([0, -3, 1.5, Number.NaN, '3'])('k = %s → InvalidOptions naming options.k', async (k) => {
    const e = leftOf(await rankProposals(county, { k } as never))
    expect(e._tag).toBe('InvalidOptions')
    if (e._tag !== 'InvalidOptions') return
    expect(e.issues).toHaveLength(1)
    expect(e.issues[0]!.path).toEqual(['options', 'k'])
    expect(e.message).toMatch(/^options\.k: expected an integer ≥ 1, got /)
  })

  it('keeps its defaults: no options still gives three proposals', async () => {
    const r = await rankProposals(county)
    expect(r._tag === 'Right' && r.right.map((x) => x.rank)).toEqual([1, 2, 3])
  })
})

describe('solve refuses a time limit out of range', () => {
  it('timeLimitMs: -5 → InvalidOptions', async () => {
    const e = leftOf(await solve(county, { timeLimitMs: -5 }))
    expect(e).toMatchObject({
      _tag: 'InvalidOptions',
      message: 'options.timeLimitMs: expected a number in 0–2147483647, got -5',
    })
  })

  it('refuses a time limit no timer can wait: a solve would stop before it started', async () => {
    // 2³¹ ms and more: Node's timers fire at once (TimeoutOverflowWarning), so "no limit" meant none at all.
    for (const timeLimitMs of [2 ** 31, Number.MAX_SAFE_INTEGER])
      expect(leftOf(await solve(county, { timeLimitMs }))).toMatchObject({
        _tag: 'InvalidOptions',
        message: `options.timeLimitMs: expected a number in 0–2147483647, got ${timeLimitMs}`,
      })
    const r = await solve(county, { timeLimitMs: 2 ** 31 - 1 })
    expect(r._tag === 'Right' && r.right.status).toBe('optimal')
  })

  it('timeLimitMs: NaN → InvalidOptions, not a SolverFailure from HiGHS', async () => {
    for (const backend of [undefined, 'highs', 'javascript-lp-solver'] as const) {
      const e = leftOf(await solve(county, { timeLimitMs: Number.NaN, ...(backend ? { backend } : {}) }))
      expect(e).toMatchObject({
        _tag: 'InvalidOptions',
        message: 'options.timeLimitMs: expected a number in 0–2147483647, got NaN',
      })
    }
  })

  it('names every bad option at once, and refuses options that are not an object', async () => {
    const e = leftOf(await solve(county, { timeLimitMs: 'soon', method: 'fast', fastPath: 1 } as never))
    expect(e._tag === 'InvalidOptions' && e.issues.map((i) => i.path[1])).toEqual([
      'timeLimitMs',
      'method',
      'fastPath',
    ])
    const notObject = leftOf(await solve(county, 5 as never))
    expect(notObject).toMatchObject({ _tag: 'InvalidOptions', issues: [{ path: ['options'] }] })
  })
})

describe('a proposal of another scenario is refused', () => {
  it('explainProposal → ScenarioMismatch, carrying both fingerprints', async () => {
    expect(otherBest.scenarioFingerprint).toBe(scenarioFingerprint(other))
    expect(scenarioFingerprint(other)).not.toBe(scenarioFingerprint(county))
    const e = leftOf(await explainProposal(county, otherBest, { costs: 'none' }))
    expect(e._tag).toBe('ScenarioMismatch')
    expect(e.message).toContain(scenarioFingerprint(other))
  })

  it('forcePair and whyNotChosen refuse it too', async () => {
    const cadre = county.cadres[0]!.id
    const post = county.openPosts[0]!
    expect(leftOf(await forcePair(county, otherBest, cadre, post))._tag).toBe('ScenarioMismatch')
    expect(leftOf(await whyNotChosen(county, otherBest, cadre, post))._tag).toBe('ScenarioMismatch')
  })

  it('a proposal read back from JSON has no fingerprint and is checked by its ids', async () => {
    const copy = JSON.parse(JSON.stringify(best)) as Proposal
    expect(copy.scenarioFingerprint).toBeUndefined()
    expect((await explainProposal(county, copy, { costs: 'none' }))._tag).toBe('Right')
    const moved = { ...copy, assignments: [...copy.assignments].reverse() }
    expect(leftOf(await explainProposal(county, moved, { costs: 'none' }))._tag).toBe('ScenarioMismatch')
    const unknownPost = {
      ...copy,
      assignments: copy.assignments.map((a, i) => (i === 0 ? { ...a, postId: 'P-none' } : a)),
    }
    expect(leftOf(await explainProposal(county, unknownPost, { costs: 'none' }))).toMatchObject({
      _tag: 'UnknownId',
      kind: 'post',
      id: 'P-none',
    })
  })

  it('the fingerprint is not part of the proposal: JSON and deep equality do not see it', async () => {
    expect(Object.keys(best)).not.toContain('scenarioFingerprint')
    const again = await solve(county)
    expect(again._tag === 'Right' && JSON.stringify(again.right)).toBe(JSON.stringify(best))
  })
})

describe('forcePair answers UnknownId', () => {
  it('for an unknown post, as whyNot does', async () => {
    const e = leftOf(await forcePair(county, best, county.cadres[0]!.id, 'NOPE'))
    expect(e).toEqual({
      _tag: 'UnknownId',
      kind: 'post',
      id: 'NOPE',
      message: 'no post with id "NOPE" in this scenario',
    })
    expect(banzi.whyNot(county, county.cadres[0]!.id, 'NOPE')).toEqual({ _tag: 'Left', left: e })
  })

  it('for an unknown cadre', async () => {
    const e = leftOf(await forcePair(county, best, 'C-none', county.openPosts[0]!))
    expect(e).toMatchObject({ _tag: 'UnknownId', kind: 'cadre', id: 'C-none' })
  })

  it('with its arguments slipped (no proposal), InvalidArgument naming proposal — not a TypeError', async () => {
    const slipped = forcePair as unknown as (...a: unknown[]) => ReturnType<typeof forcePair>
    const e = leftOf(await slipped(county, county.cadres[0]!.id, 'NOPE'))
    expect(e).toMatchObject({ _tag: 'InvalidArgument', argument: 'proposal' })
    expect(e.message).toMatch(/^proposal: expected a Proposal/)
  })
})

describe('generateScenario, the one documented exception', () => {
  it('throws a RangeError naming the option, the value and the range', () => {
    expect(() => generateScenario({ cadres: 5 })).toThrow(
      new RangeError('generateScenario: options.cadres: expected an integer in 20–10000, got 5'),
    )
  })

  it('names a bad policy option by its path, and refuses options that are not an object', () => {
    expect(() => generateScenario({ policy: { structure: { women: { min: -1 } } } } as never)).toThrow(
      /^generateScenario: options\.policy\.structure\.women\.min: expected/,
    )
    expect(() => generateScenario(null as never)).toThrow(
      new TypeError(
        'generateScenario: options: expected an options object (or nothing, for the defaults), got null',
      ),
    )
  })
})

describe('eligibility vs eligibilityOf: one public name', () => {
  it('eligibility(ctx) is internal; eligibilityOf(scenario) is the public report', () => {
    expect('eligibility' in banzi).toBe(false)
    expect(eligibilityOf(county)).toHaveLength(county.openPosts.length)
    // The columnar pairs stay reachable through the model.
    expect(formulate(county).eligibility.size).toBeGreaterThan(0)
  })

  it('eligibilityOf given something else throws a TypeError naming the argument', () => {
    expect(() => eligibilityOf(formulate(county).ctx as unknown as Scenario)).toThrow(
      /^eligibilityOf: scenario: expected a decoded Scenario \(call decodeScenario first\), got /,
    )
  })
})

describe('entry points that take a scenario check that they got one', () => {
  it.each([undefined, null, {}, 42, 'county.json'])('solve(%o) → InvalidArgument', async (x) => {
    const e = leftOf(await solve(x as never))
    expect(e).toMatchObject({ _tag: 'InvalidArgument', argument: 'scenario' })
    expect(e.message).toContain('call decodeScenario first')
  })

  it('input not yet decoded is not a scenario; its canonical JSON form is one', async () => {
    const raw = { asOf: '2026-09', county: '青山旗', cadres: [], teams: [], policy: {} }
    expect(banzi.isScenario(raw)).toBe(false)
    expect(leftOf(await rankProposals(raw as never))._tag).toBe('InvalidArgument')
    expect(leftOf(await banzi.diagnose(raw as never))._tag).toBe('InvalidArgument')
    expect(banzi.isScenario(county)).toBe(true)
    expect(banzi.isScenario(JSON.parse(JSON.stringify(banzi.encodeScenario(county))))).toBe(true)
  })

  it('a scenario whose asOf was edited into no month is refused at scenario.asOf, everywhere', async () => {
    // Before, solve answered "optimal" for asOf 2026-13 with a staffing the validator faulted 7 times
    // (ages and tenures read at no month): the door checked the shape, not the month.
    for (const asOf of ['2026-13', '2026-00', '26-09', '1899-12']) {
      const bad = { ...county, asOf } as Scenario
      expect(banzi.isScenario(bad)).toBe(false)
      const message = `scenario.asOf: expected YYYY-MM, got "${asOf}"`
      expect(leftOf(await solve(bad))).toMatchObject({
        _tag: 'InvalidArgument',
        argument: 'scenario.asOf',
        message,
      })
      expect(leftOf(await rankProposals(bad))).toMatchObject({ message })
      expect(() => formulate(bad)).toThrow(`formulate: ${message}`)
      expect(() => eligibilityOf(bad)).toThrow(`eligibilityOf: ${message}`)
      expect(leftOf(await banzi.planRotation(bad, { years: 1 }))).toMatchObject({ message })
      expect(leftOf(banzi.simulate(bad))).toMatchObject({ message })
      expect(leftOf(banzi.auditRecords(bad))).toMatchObject({ message })
    }
  })

  it('createSession throws a TypeError naming its argument', () => {
    expect(() => createSession({} as never)).toThrow(/^createSession: source: expected a decoded Scenario/)
  })
})

describe('the validator and applyProposal refuse a proposal of another scenario', () => {
  it('throws a TypeError naming the proposal, rather than validating it as if it fitted', () => {
    for (const f of [banzi.validateProposal, banzi.auditProposal, banzi.applyProposal] as const)
      expect(() => (f as (s: Scenario, p: Proposal) => unknown)(county, otherBest)).toThrow(
        /^\w+: proposal: expected a proposal of this scenario \(fingerprint \w+\), got one of another scenario/,
      )
    expect(banzi.validateProposal(county, best)).toEqual([])
  })
})

describe('options of the other entry points', () => {
  it('a session refuses bad options of solve and diagnose', async () => {
    const session = createSession(county)
    const solved = leftOf(await session.solve({ timeLimitMs: Number.NaN }))
    expect(solved).toMatchObject({ _tag: 'InvalidOptions', issues: [{ path: ['options', 'timeLimitMs'] }] })
    const diagnosed = leftOf(await session.diagnose({ method: 'fast' } as never))
    expect(diagnosed._tag).toBe('InvalidOptions')
  })

  it('solveMany refuses bad options for every scenario, and a non-scenario in its place', async () => {
    const refused = await banzi.solveMany([county, other], { concurrency: 0 })
    expect(refused.map((r) => r._tag === 'Left' && r.left._tag)).toEqual(['InvalidOptions', 'InvalidOptions'])
    const mixed = await banzi.solveMany([county, {} as Scenario])
    expect(mixed[0]!._tag).toBe('Right')
    expect(mixed[1]).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'InvalidArgument', argument: 'scenarios[1]' },
    })
  })

  it('explainProposal refuses runnersUp and costs out of range', async () => {
    const e = leftOf(await explainProposal(county, best, { runnersUp: -1, costs: 'all' } as never))
    expect(e._tag === 'InvalidOptions' && e.issues.map((i) => i.message)).toEqual([
      'options.costs: expected one of "exact", "estimate", "none", got "all"',
      'options.runnersUp: expected an integer ≥ 0, got -1',
    ])
  })

  it('plain-value calls throw a RangeError naming the option', () => {
    expect(() => banzi.staffingPlan(county, { limit: -1 })).toThrow(
      new RangeError('staffingPlan: options.limit: expected an integer ≥ 0, got -1'),
    )
    expect(() => banzi.adjustmentCandidates(county, { lookbackYears: Number.NaN })).toThrow(
      /^adjustmentCandidates: options\.lookbackYears: expected an integer ≥ 0, got NaN$/,
    )
    expect(() => banzi.configureHighs(undefined as never)).toThrow(TypeError)
    expect(() => banzi.configureHighs(5 as never)).toThrow(
      'configureHighs: options: expected an object ({} restores the defaults), got 5',
    )
  })

  it('numeric methods answer Left for arguments of the wrong kind', async () => {
    expect(leftOf(banzi.ahpWeights(undefined as never))).toMatchObject({
      _tag: 'InvalidArgument',
      argument: 'matrix',
    })
    expect(leftOf(banzi.ahpWeights([[1]], { maxCr: -1 }))._tag).toBe('InvalidOptions')
    expect(leftOf(banzi.topsis([[1, 2]], 'w' as never))).toMatchObject({ argument: 'weights' })
    expect(leftOf(banzi.entropyWeights(null as never))).toMatchObject({ argument: 'rows' })
    expect(leftOf(await banzi.generalizedAssignment(undefined as never))._tag).toBe('InvalidInstance')
  })

  it('Either calls about a scenario keep their error type and name the scenario', () => {
    const q = leftOf(banzi.queryPool({} as never))
    expect(q).toMatchObject({ _tag: 'InvalidQuery', field: 'scenario' })
    expect(q.message).toContain('call decodeScenario first')
    expect(leftOf(banzi.reviewReserve(null as never))).toMatchObject({ field: 'scenario' })
    expect(leftOf(banzi.feedbackList(42 as never, 'C00001'))._tag).toBe('InvalidArgument')
  })
})

describe('the exported backends refuse bad run options as a status, not a HiGHS exception', () => {
  it('highsSolver and jsLpSolver answer status error naming the option', async () => {
    const milp = formulate(county).milp
    for (const backend of [banzi.highsSolver, banzi.jsLpSolver]) {
      const r = await backend.solve(milp, { timeLimitMs: Number.NaN })
      expect(r).toMatchObject({
        status: 'error',
        message: 'options.timeLimitMs: expected a number in 0–2147483647, got NaN',
      })
      expect((await backend.solve({} as never, {})).message).toMatch(/^model: expected a Milp/)
    }
  })
})

describe('options objects that were read loosely', () => {
  it('linearSumAssignment refuses options that are not { maximize: boolean }', () => {
    expect(leftOf(banzi.linearSumAssignment([[1]], { maximize: 'yes' } as never))).toMatchObject({
      _tag: 'InvalidOptions',
      message: 'options.maximize: expected true or false, got "yes"',
    })
    expect(banzi.linearSumAssignment([[1]])._tag).toBe('Right')
  })

  it('queryPool and reviewReserve refuse a query or options that are not objects, and bad recommendations', () => {
    expect(leftOf(banzi.queryPool(county, 5 as never))).toMatchObject({ field: 'query' })
    expect(leftOf(banzi.queryPool(county, { maxAge: Number.NaN }))).toMatchObject({ got: 'NaN' })
    expect(leftOf(banzi.reviewReserve(county, 5 as never))).toMatchObject({ field: 'options' })
    expect(leftOf(banzi.reviewReserve(county, { recommendations: [1] as never }))).toMatchObject({
      field: 'recommendations[0]',
    })
  })
})
