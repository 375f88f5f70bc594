/**
 * The doors of the two faces of a proposal, the workbook (writeProposal) and
 * the report (renderReport): options and proposals they cannot use are a
 * typed Left naming the place and the value, never a TypeError — and the two
 * refuse the same proposals in the same words.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Proposal } from '../../src/domain/proposal.js'
import { rankProposals, solve, type RankedProposal } from '../../src/proposals/index.js'
import { renderReport, toHtml } from '../../src/report/html.js'
import { writeProposal } from '../../src/report/workbook.js'
import { generateScenario } from '../../src/sample/index.js'

const scenario = generateScenario({ seed: 3, cadres: 40, teams: 4 })
const other = generateScenario({ seed: 4, cadres: 40, teams: 4 })
let proposal: Proposal
/** The proposal as kept in a JSON file: no fingerprint, checked by its ids. */
let stored: Record<string, unknown> & { assignments: Record<string, unknown>[] }
let ranked: readonly RankedProposal[]

beforeAll(async () => {
  const r = await solve(scenario)
  if (r._tag === 'Left') throw new Error(r.left.message)
  proposal = r.right
  stored = JSON.parse(JSON.stringify(proposal)) as typeof stored
  const k = await rankProposals(scenario, { k: 2 })
  if (k._tag === 'Left') throw new Error(k.left.message)
  ranked = k.right
})

const leftOf = <E>(r: { _tag: 'Left'; left: E } | { _tag: 'Right' }): E => {
  if (r._tag === 'Right') throw new Error('expected a Left')
  return r.left
}

/** A stored proposal with one change this version does not know. */
const withChange = (i: number, change: unknown) => ({
  ...stored,
  assignments: stored.assignments.map((a, j) => (j === i ? { ...a, change } : a)),
})

const CHANGES = 'one of "stays", "promotion", "lateral", "demotion", "vacant"'

describe('writeProposal and renderReport at the door', () => {
  it('refuse null or a number for options as their own typed Left', async () => {
    for (const options of [null, 2025]) {
      const message = `options: expected an options object (or nothing, for the defaults), got ${options}`
      expect(leftOf(await writeProposal(scenario, proposal, options as never))).toEqual({
        _tag: 'InvalidProposalInput',
        message,
      })
      expect(leftOf(await renderReport(scenario, { proposal }, options as never))).toEqual({
        _tag: 'InvalidReportInput',
        message,
      })
    }
  })

  it('refuse an option misspelt by case, naming the key it misses', async () => {
    expect(leftOf(await writeProposal(scenario, proposal, { Lang: 'en' } as never)).message).toBe(
      'options.Lang: expected a known option (did you mean "lang"?), got "en"',
    )
    expect(leftOf(await renderReport(scenario, { proposal }, { maxcurves: 2 } as never)).message).toBe(
      'options.maxcurves: expected a known option (did you mean "maxCurves"?), got 2',
    )
    expect(leftOf(await renderReport(scenario, { Proposal: proposal } as never)).message).toMatch(
      /^input\.Proposal: expected a known option \(did you mean "proposal"\?\)/,
    )
  })

  it('refuse a proposal of another scenario as a Left, as the report does', async () => {
    const book = leftOf(await writeProposal(other, proposal))
    expect(book._tag).toBe('InvalidProposalInput')
    expect(book.message).toMatch(/^proposal: it was built from another scenario \(fingerprint /)
    expect(leftOf(await renderReport(other, { proposal })).message).toMatch(
      /^input\.proposal: it was built from another scenario/,
    )
    expect(leftOf(await writeProposal({} as never, proposal)).message).toBe(
      'scenario: expected a decoded Scenario (call decodeScenario first), got {}',
    )
  })

  it('refuse a stored proposal with a change or status this version does not know, or without parts, naming the path', async () => {
    const transfer = withChange(3, 'transfer')
    expect(leftOf(await writeProposal(scenario, transfer as never))).toEqual({
      _tag: 'InvalidProposalInput',
      message: `proposal.assignments[3].change: expected ${CHANGES}, got "transfer"`,
    })
    expect(leftOf(await renderReport(scenario, { proposal: transfer as never }))).toEqual({
      _tag: 'InvalidReportInput',
      message: `input.proposal.assignments[3].change: expected ${CHANGES}, got "transfer"`,
    })
    expect(leftOf(await writeProposal(scenario, { ...stored, status: 'Optimal' } as never)).message).toBe(
      'proposal.status: expected one of "optimal", "time-limit", "interrupted", "memory-limit", got "Optimal"',
    )
    const { parts: _, ...partless } = stored
    expect(leftOf(await writeProposal(scenario, partless as never)).message).toBe(
      'proposal.parts: expected { fit, vacancies, penalties } (numbers), got nothing',
    )
    expect(leftOf(await renderReport(scenario, { proposal: partless as never })).message).toBe(
      'input.proposal.parts: expected { fit, vacancies, penalties } (numbers), got nothing',
    )
    // A ranking's proposals too, at their place in it.
    const badRanking = [ranked[0]!, { ...ranked[1]!, proposal: transfer }]
    expect(leftOf(await writeProposal(scenario, badRanking as never)).message).toBe(
      `proposal[1].proposal.assignments[3].change: expected ${CHANGES}, got "transfer"`,
    )
    expect(leftOf(await renderReport(scenario, { ranked: badRanking as never })).message).toBe(
      `input.ranked[1].proposal.assignments[3].change: expected ${CHANGES}, got "transfer"`,
    )
    expect(() => toHtml(scenario, transfer as never)).toThrow(TypeError)
    expect(() => toHtml(scenario, transfer as never)).toThrow(
      `toHtml: proposal: expected a proposal of this scenario (proposal.assignments[3].change: expected ${CHANGES}, got "transfer"), got {`,
    )
  })

  it('refuse the same proposals in the same words', async () => {
    const { parts: _, ...partless } = stored
    for (const bad of [
      withChange(0, 'transfer'),
      withChange(1, null),
      { ...stored, status: 'Optimal' },
      { ...stored, status: undefined },
      partless,
      { ...stored, parts: { fit: '1', vacancies: 0, penalties: 0 } },
      { ...stored, assignments: stored.assignments.slice(1) },
      { ...stored, objective: 'high' },
      null,
    ]) {
      const book = leftOf(await writeProposal(scenario, bad as never)).message
      const page = leftOf(await renderReport(scenario, { proposal: bad as never })).message
      expect(`input.${book}`).toBe(page)
    }
  })

  it('write and render a stored proposal this version knows', async () => {
    expect((await writeProposal(scenario, stored as never))._tag).toBe('Right')
    expect((await renderReport(scenario, { proposal: stored as never }))._tag).toBe('Right')
    expect((await writeProposal(scenario, JSON.parse(JSON.stringify(ranked)) as never))._tag).toBe('Right')
  })
})
