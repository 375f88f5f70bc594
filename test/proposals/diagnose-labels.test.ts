import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ruleRowLabel } from '../../src/domain/codes.js'
import { diagnose } from '../../src/proposals/diagnose.js'
import { createSession } from '../../src/proposals/index.js'
import { generateScenario } from '../../src/sample/index.js'

describe('rule row labels', () => {
  it("a counted rule's label carries the row's bound, in both languages", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), (n) => {
        const women = ruleRowLabel('structure.women', `women>=${n}`)
        expect(women.zh).toBe(`至少${n}名女干部`)
        expect(women.en).toMatch(new RegExp(`^at least ${n} wom[ae]n$`))
        const changed = ruleRowLabel('stability.max-changed', `changed<=${n}`)
        expect(changed).toEqual({ en: `at most ${n} changed`, zh: `调整不超过${n}人` })
        for (const [code, tag] of [
          ['structure.young', 'young'],
          ['structure.minority', 'minority'],
          ['structure.non-party', 'non-party'],
          ['structure.titular', 'titular'],
        ] as const) {
          const l = ruleRowLabel(code, `${tag}>=${n}`)
          expect(l.zh).toMatch(new RegExp(`^至少${n}名`))
          expect(l.en).toMatch(new RegExp(`^at least ${n} `))
        }
      }),
      { seed: 17, numRuns: 60 },
    )
  })

  it('a row the table does not count shows the rule label and its detail, never a wrong number', () => {
    expect(ruleRowLabel('structure.specialty-cap', 'field-agriculture<=2')).toEqual({
      en: 'members of one field (field-agriculture<=2)',
      zh: '同一领域人数上限（field-agriculture<=2）',
    })
  })

  it("the diagnosis names a women quota by its bound, not 'at least one woman'", async () => {
    const s = generateScenario({ seed: 1, cadres: 60, policy: { structure: { women: { min: 6 } } } })
    const d = await diagnose(s)
    if (d._tag === 'Left') throw new Error(d.left.message)
    expect(d.right.feasible).toBe(false)
    const women = d.right.conflict.filter((m) => m.kind === 'rule' && m.code === 'structure.women')
    expect(women.length).toBeGreaterThan(0)
    for (const m of women) {
      expect(m.label).toContain('at least 6 women / 至少6名女干部')
      expect(m.label).not.toContain('one woman')
    }
  })

  it("a session's edited quota is named by the bound in force, in its conflict and its diagnosis", async () => {
    const session = createSession(generateScenario({ seed: 1, cadres: 60 }))
    const quota = session.model.ruleRows.find((r) => r.hard && /women>=1$/.test(r.detail))!
    session.setRowBounds(session.model.milp.rowNames[quota.row]!, 99, Infinity)
    const r = await session.solve()
    if (r._tag === 'Right' || r.left._tag !== 'Infeasible') throw new Error('expected Infeasible')
    expect(r.left.message).toContain(
      'at least 99 women (was 1, now ≥ 99) / 至少99名女干部（原为1） needs at least 99',
    )
    expect(r.left.message).not.toContain('one woman')
    const d = await session.diagnose()
    if (d._tag === 'Left') throw new Error(d.left.message)
    const labels = d.right.conflict.map((m) => m.label).join('\n')
    expect(labels).toContain('at least 99 women (was 1, now ≥ 99) / 至少99名女干部（原为1）')
    expect(labels).not.toContain('one woman')
  })
})
