import { describe, expect, it } from 'vitest'
import { decodeScenario, encodeScenario } from '../../src/io/index.js'
import { generateScenario } from '../../src/sample/index.js'
import { messagesOf, scenarioOf } from '../io/helpers.js'
import { edit, valid } from '../io/fixtures.js'

describe('the optional cadre category', () => {
  it('is decoded when given and left out when missing', () => {
    expect(scenarioOf(valid()).cadres[0]).not.toHaveProperty('category')
    const input = edit(valid(), [['cadres', 0, 'category'], 'professional-technical'])
    expect(scenarioOf(input).cadres[0]!.category).toBe('professional-technical')
  })

  it('names the path of a value it cannot read', () => {
    expect(messagesOf(edit(valid(), [['cadres', 0, 'category'], 'army']))).toEqual([
      'cadres[0].category: expected one of "party-government", "professional-technical", "enterprise", got "army"',
    ])
  })

  it('survives encoding; generated counties record it, incumbents as party and government cadres', () => {
    const s = generateScenario({ seed: 3, cadres: 60 })
    const back = decodeScenario(encodeScenario(s))
    expect(back._tag === 'Right' && back.right.cadres.map((c) => c.category)).toEqual(
      s.cadres.map((c) => c.category),
    )
    for (const c of s.cadres) {
      if (c.currentPost !== null) expect(c.category).toBe('party-government')
      expect(['party-government', 'professional-technical', 'enterprise']).toContain(c.category)
    }
  })
})
