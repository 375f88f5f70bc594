/**
 * Ethnicities are read into the canonical codes of GB 3304 (src/domain/ethnicity.ts)
 * wherever the input names one, so that the minority and titular rules count
 * what the user meant: a roster written "汉族" is a roster of Han cadres.
 */
import { describe, expect, it } from 'vitest'
import { validateProposal } from '../../src/check/index.js'
import { solve } from '../../src/proposals/index.js'
import { ETHNIC_GROUPS } from '../../src/domain/ethnicity.js'
import { encodeScenario } from '../../src/io/index.js'
import { scenarioJsonSchema } from '../../src/io/schema.js'
import { edit, valid, type Json } from './fixtures.js'
import { messagesOf, scenarioOf } from './helpers.js'

/** One township team in an autonomous area, one head post, one section-chief cadre of `ethnicity`. */
const oneHead = (ethnicity: string, area: Json = { ethnicAutonomous: true, titularEthnicity: null }): Json =>
  edit(
    valid(),
    [['cadres', 0, 'ethnicity'], ethnicity],
    [['cadres', 0, 'rank'], 'section-chief'],
    [['cadres', 0, 'rankSince'], '2015-01'],
    [['teams', 0, 'area'], area],
  )

describe('ethnicity on decode', () => {
  it('reads every accepted form of a cadre’s ethnicity into its canonical code', () => {
    const forms = ['han', '汉族', '汉', 'Han', 'HAN', '01', '1']
    for (const f of forms) expect(scenarioOf(oneHead(f)).cadres[0]!.ethnicity).toBe('han')
    expect(scenarioOf(oneHead('蒙古族')).cadres[0]!.ethnicity).toBe('mongol')
    expect(scenarioOf(oneHead('Mongolian')).cadres[0]!.ethnicity).toBe('mongol')
  })

  it('reads the titular ethnicity of an area and the policy’s majority ethnicity the same way', () => {
    const s = scenarioOf(
      edit(oneHead('mongol', { ethnicAutonomous: true, titularEthnicity: '蒙古族' }), [
        ['policy'],
        { structure: { minority: { majorityEthnicity: '汉族' } } },
      ]),
    )
    expect(s.teams[0]!.area.titularEthnicity).toBe('mongol')
    expect(s.policy.structure.minority.majorityEthnicity).toBe('han')
  })

  it('encodes the canonical code, which decodes to itself', () => {
    const s = scenarioOf(oneHead('蒙古族', { ethnicAutonomous: true, titularEthnicity: '02' }))
    const json = encodeScenario(s) as { cadres: { ethnicity: string }[]; teams: { area: unknown }[] }
    expect([json.cadres[0]!.ethnicity, json.teams[0]!.area]).toEqual([
      'mongol',
      { ethnicAutonomous: true, titularEthnicity: 'mongol' },
    ])
    expect(scenarioOf(json)).toEqual(s)
  })

  it('lists the canonical codes in the JSON Schema', () => {
    type Node = { properties: Record<string, Node>; items: Node; examples?: unknown; description?: string }
    const root = scenarioJsonSchema() as unknown as Node
    const cadre = root.properties['cadres']!.items.properties['ethnicity']!
    expect(cadre.examples).toEqual(ETHNIC_GROUPS.map((e) => e.code))
    expect(cadre.description).toMatch(/GB 3304/)
  })

  it('rejects an ethnicity that names no group, at its path', () => {
    expect(messagesOf(oneHead('Hann'))).toEqual([
      `cadres[0].ethnicity: expected one of China's 56 ethnic groups (GB 3304), got "Hann"`,
    ])
    expect(
      messagesOf(
        edit(oneHead('han', { titularEthnicity: 'Mongo' }), [
          ['policy'],
          { structure: { minority: { majorityEthnicity: 'majority' } } },
        ]),
      ),
    ).toEqual([
      `teams[0].area.titularEthnicity: expected one of China's 56 ethnic groups (GB 3304) or null, got "Mongo"`,
      `policy.structure.minority.majorityEthnicity: expected one of China's 56 ethnic groups (GB 3304), got "majority"`,
    ])
  })
})

describe('ethnicity in the rules', () => {
  it('counts no minority member in a roster of Han cadres written "汉族": the hard minority rule cannot hold', async () => {
    const r = await solve(scenarioOf(oneHead('汉族')))
    expect(r._tag === 'Left' && r.left._tag).toBe('Infeasible')
  })

  it('counts a cadre written "蒙古族" as a member of the titular ethnicity 蒙古族', async () => {
    const input = edit(oneHead('蒙古族', { ethnicAutonomous: false, titularEthnicity: 'Mongol' }), [
      ['teams', 0, 'needsTitularMember'],
      true,
    ])
    const s = scenarioOf(input)
    const r = await solve(s)
    expect(r._tag === 'Right' && r.right.status).toBe('optimal')
    if (r._tag === 'Right') {
      expect(r.right.assignments.map((a) => a.cadreId)).toEqual(['C1'])
      expect(validateProposal(s, r.right)).toEqual([])
    }
  })
})
