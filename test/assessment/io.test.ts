/**
 * Detailed assessment records and the assessment policy in the input format:
 * decoded and validated with path-named issues, and round-tripped by
 * encodeScenario.
 */
import { describe, expect, it } from 'vitest'
import { encodeScenario } from '../../src/io/index.js'
import { generateScenario } from '../../src/sample/index.js'
import { edit, valid, type Json } from '../io/fixtures.js'
import { messagesOf, scenarioOf } from '../io/helpers.js'

const records: Json = [
  {
    year: 2024,
    kind: 'annual',
    grade: 'excellent',
    indicators: { political: 92, performance: 95 },
  },
  { year: 2024, kind: 'ongoing', evaluators: { superiors: 88, public: 90 } },
  { year: 2023, kind: 'special', score: 81.5 },
]

describe('assessment records in the input format', () => {
  it('decodes them, leaving missing parts out', () => {
    const s = scenarioOf(edit(valid(), [['cadres', 0, 'assessmentRecords'], records]))
    expect(s.cadres[0]!.assessmentRecords).toEqual(records)
    expect('assessmentRecords' in scenarioOf(valid()).cadres[0]!).toBe(false)
  })

  it('names the place of each bad field', () => {
    const bad = edit(valid(), [
      ['cadres', 0, 'assessmentRecords'],
      [
        { year: 2024, kind: 'yearly' },
        { year: 2024, kind: 'annual', indicators: { political: 120 } },
        { year: 2024, kind: 'ongoing', evaluators: { boss: 80 } },
      ],
    ])
    expect(messagesOf(bad)).toEqual([
      'cadres[0].assessmentRecords[0].kind: expected one of "annual", "ongoing", "special", got "yearly"',
      'cadres[0].assessmentRecords[1].indicators.political: expected number in 0–100, got 120',
      'cadres[0].assessmentRecords[2].evaluators.boss: expected a known key (one of "superiors", "peers", "subordinates", "public"), got 80',
    ])
  })

  it('checks years and indicator codes against asOf and the policy', () => {
    const bad = edit(valid(), [
      ['cadres', 0, 'assessmentRecords'],
      [
        { year: 2026, kind: 'annual', score: 80 },
        { year: 2024, kind: 'annual', indicators: { charisma: 80 } },
      ],
    ])
    expect(messagesOf(bad)).toEqual([
      'cadres[0].assessmentRecords[0].year: expected a year not after 2025 (the year of asOf), got 2026',
      'cadres[0].assessmentRecords[1].indicators.charisma: expected an indicator of policy.assessment.indicators (political, ability, diligence, performance, integrity), got "charisma"',
    ])
    // a county's own indicator list makes it known
    const own = edit(
      structuredClone(bad),
      [['cadres', 0, 'assessmentRecords', 0, 'year'], 2023],
      [
        ['policy'],
        { assessment: { indicators: [{ code: 'charisma', weight: 1, training: 'public-speaking' }] } },
      ],
    )
    expect(scenarioOf(own).cadres[0]!.assessmentRecords![1]!.indicators).toEqual({ charisma: 80 })
  })

  it('checks the assessment policy', () => {
    const bad = edit(valid(), [
      ['policy'],
      {
        assessment: {
          kinds: { annual: 0, ongoing: 0, special: 0 },
          indicators: [
            { code: 'a', weight: 1, training: 't' },
            { code: 'a', weight: 1, training: 't' },
          ],
          feedback: { deviaton: 1 },
        },
      },
    ])
    expect(messagesOf(bad)).toEqual([
      'policy.assessment.feedback.deviaton: expected a known key (did you mean "deviation"?), got 1',
    ])
    const together = edit(valid(), [
      ['policy'],
      {
        assessment: {
          kinds: { annual: 0, ongoing: 0, special: 0 },
          indicators: [
            { code: 'a', weight: 1, training: 't' },
            { code: 'a', weight: 1, training: 't' },
          ],
        },
      },
    ])
    expect(messagesOf(together)).toEqual([
      'policy.assessment.kinds: expected weights with a positive sum, got {"annual":0,"ongoing":0,"special":0}',
      'policy.assessment.indicators[1].code: expected an indicator code not listed before, got "a"',
    ])
  })

  it('round-trips a generated county with records through encodeScenario', () => {
    const s = generateScenario({ seed: 3, cadres: 40, recordYears: 5 })
    const json = JSON.stringify(encodeScenario(s))
    const again = scenarioOf(JSON.parse(json))
    expect(again.cadres).toEqual(s.cadres)
    expect(again.policy).toEqual(s.policy)
    // byte for byte: key order included
    expect(JSON.stringify(encodeScenario(again))).toBe(json)
  })
})

describe('generated records', () => {
  it('change nothing else of a generated county', () => {
    const plain = generateScenario({ seed: 5, cadres: 60 })
    const detailed = generateScenario({ seed: 5, cadres: 60, recordYears: 5 })
    expect(detailed.cadres.map(({ assessmentRecords: _, ...rest }) => rest)).toEqual(plain.cadres)
    expect(detailed.teams).toEqual(plain.teams)
    expect(detailed.openPosts).toEqual(plain.openPosts)
    expect(plain.cadres.every((c) => c.assessmentRecords === undefined)).toBe(true)
  })

  it('agree with the yearly grades', () => {
    const s = generateScenario({ seed: 5, cadres: 60, recordYears: 5 })
    for (const c of s.cadres)
      for (const a of c.assessments) {
        const r = c.assessmentRecords!.find((x) => x.year === a.year && x.kind === 'annual')
        if (r !== undefined) expect(r.grade).toBe(a.grade)
      }
  })
})
