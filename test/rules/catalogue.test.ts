/**
 * The rule registry and the generated table of docs/rules.md: the committed
 * page equals a fresh rendering, and the registry agrees with the rules
 * themselves (each pair rule's switch is the one the registry names).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { RULE_LABELS } from '../../src/domain/codes.js'
import { DEFAULT_POLICY } from '../../src/domain/policy.js'
import { RULE_CATALOGUE } from '../../src/rules/catalogue.js'
import { PAIR_RULES } from '../../src/rules/index.js'
import { renderRuleTable, TABLE_MARKS, withRuleTable } from '../../src/rules/rule-table.js'

const page = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8')
const at = (path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], DEFAULT_POLICY)

describe('RULE_CATALOGUE', () => {
  it('has one entry per labelled rule code, under its own code', () => {
    expect(Object.keys(RULE_CATALOGUE).sort()).toEqual(Object.keys(RULE_LABELS).sort())
    for (const [code, entry] of Object.entries(RULE_CATALOGUE)) expect(entry.code).toBe(code)
  })

  it('names the switch each pair rule reads', () => {
    for (const rule of PAIR_RULES) {
      const path = RULE_CATALOGUE[rule.code].policy
      expect(path, rule.code).not.toBeNull()
      expect(at(path!), rule.code).toBe(rule.switchOf(DEFAULT_POLICY))
    }
  })

  it('names policy paths that exist', () => {
    for (const entry of Object.values(RULE_CATALOGUE))
      if (entry.policy !== null) expect(at(entry.policy), entry.code).toBeTypeOf('object')
  })
})

describe('docs/rules.md', () => {
  it('holds the table generated from the registry (run npx tsx src/rules/write-rules-doc.ts)', () => {
    expect(withRuleTable(page)).toBe(page)
  })

  it('keeps the hand-written sections around the table', () => {
    expect(page.indexOf(TABLE_MARKS.start)).toBeGreaterThan(0)
    expect(page).toContain('## Rules about people (pair rules)')
    expect(page).toContain('## Structure rules (team rules)')
  })

  it('shows a rule switched off or soft under another policy', () => {
    const policy = {
      ...DEFAULT_POLICY,
      people: { ...DEFAULT_POLICY.people, terms: { ...DEFAULT_POLICY.people.terms, enabled: false } },
    }
    expect(renderRuleTable(policy)).toContain('| `tenure.max-terms` | 同一职位连续任职任期上限 | stay | ')
    expect(renderRuleTable(policy)).toMatch(/`tenure\.max-terms`[^\n]*\| off, hard \|/)
  })

  it('shows every default value exactly: a share of 1/3 is 1/3, not 0.333', () => {
    // 0.333 of a 6-post team allows 1 change where 1/3 allows 2: a county copying the printed number
    // would get another rule.
    expect(renderRuleTable()).toMatch(/`stability\.max-changed`[^\n]*`maxChangedShare`: 1\/3;/)
    const policy = {
      ...DEFAULT_POLICY,
      stability: {
        ...DEFAULT_POLICY.stability,
        maxChanged: { ...DEFAULT_POLICY.stability.maxChanged, maxChangedShare: 0.3335 },
      },
    }
    expect(renderRuleTable(policy)).toMatch(/`maxChangedShare`: 0\.3335;/)
  })
})
