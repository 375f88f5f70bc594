import { describe, expect, it } from 'vitest'
import { eligibilityOf, whyNot } from '../../src/index.js'
import { sampleScenario } from '../../src/sample/index.js'
import { REASON_ZH, RULE_LABELS } from '../../src/domain/codes.js'

/** Names of rules that hold a number as a word of their own (凡提四必, 三龄两历), not a policy's value. */
const NAMES = ['凡提四必', '三龄两历']

describe('the rules’ labels (3)', () => {
  it('hold no number: the policy’s numbers are said by the findings, which a label must not contradict', () => {
    for (const [code, label] of Object.entries(RULE_LABELS)) {
      const zh = NAMES.reduce((s, n) => s.split(n).join(''), label.zh)
      expect(zh, code).not.toMatch(/[0-9０-９二三四五六七八九十百两]/)
      expect(label.en, code).not.toMatch(
        /\d|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|twice)\b/i,
      )
    }
  })
})

describe('the kin-avoidance finding (4)', () => {
  it('names the relative, not their id, when the facts carry the name', () => {
    const text = REASON_ZH['avoidance.kin']('乌力吉', '镇长', { kin: 'C00753', kinNames: '乌云' })
    expect(text).toContain('乌力吉与乌云有亲属关系')
    expect(text).not.toContain('C00753')
  })

  it('gets the names from the rules: whyNot of a blocked kin pair of the sample county says them in Chinese', () => {
    const s = sampleScenario()
    const report = eligibilityOf(s)
    let checked = 0
    for (const post of report)
      for (const b of post.blocked)
        if (b.codes.includes('avoidance.kin') && checked < 5) {
          const w = whyNot(s, b.cadreId, post.postId)
          if (w._tag === 'Left') throw new Error(w.left.message)
          const r = w.right.reasons.find((x) => x.code === 'avoidance.kin')!
          const ids = String(r.facts.kin).split(',')
          const names = ids.map((id) => s.cadres.find((c) => c.id === id)!.name)
          expect(r.zh).toContain(`与${names.join('、')}有亲属关系`)
          for (const id of ids) expect(r.zh).not.toContain(id)
          checked++
        }
    expect(checked).toBeGreaterThan(0)
  })
})
