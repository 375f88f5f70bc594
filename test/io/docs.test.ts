import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { validateProposal } from '../../src/check/index.js'
import { decodeScenario, decodeScenarioWithWarnings, formatIssues } from '../../src/io/index.js'
import { solve } from '../../src/proposals/index.js'
import { edit, type Json } from './fixtures.js'
import { scenarioOf } from './helpers.js'

// The examples of docs/input-format.md are checked here so that the page cannot rot.
const page = readFileSync(new URL('../../docs/input-format.md', import.meta.url), 'utf8')
const blocks = (lang: string): string[] =>
  [...page.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!)

const printed = (input: unknown): string => {
  const r = decodeScenario(input)
  return r._tag === 'Left' ? `${formatIssues(r.left)}\n` : 'decoded'
}

describe('docs/input-format.md', () => {
  const [validInput, brokenInput] = blocks('json').map((b) => JSON.parse(b) as Json)
  const [warnings, shapeIssues, crossIssues] = blocks('text')

  it('shows a valid input, which solves optimally and passes the validator', async () => {
    const s = scenarioOf(validInput)
    expect(s.cadres.map((c) => c.ethnicity)).toEqual(['mongol', 'han', 'mongol', 'han'])
    const r = await solve(s)
    expect(r._tag === 'Right' && r.right.status).toBe('optimal')
    if (r._tag === 'Right') {
      expect(r.right.assignments.map((a) => [a.postId, a.cadreId])).toEqual([
        ['P1', 'C2'],
        ['P3', 'C3'],
      ])
      expect(validateProposal(s, r.right)).toEqual([])
    }
  })

  it('shows the warnings of the valid input', () => {
    const r = decodeScenarioWithWarnings(validInput)
    expect(r._tag === 'Right' && `${r.right.warnings.map((w) => w.message.en).join('\n')}\n`).toBe(warnings)
  })

  it('shows what formatIssues prints for the input with mistakes', () => {
    expect(printed(brokenInput)).toBe(shapeIssues)
  })

  it('shows the cross-reference issues of the edited valid input', () => {
    const input = edit(
      structuredClone(validInput!),
      [['cadres', 1, 'id'], 'C1'],
      [['cadres', 1, 'rankSince'], '2026-01'],
      [['teams', 0, 'posts', 2, 'rank'], 'section-chief'],
      [['locks', 0], { cadreId: 'C1', postId: 'P3' }],
    )
    expect(printed(input)).toBe(crossIssues)
  })
})
