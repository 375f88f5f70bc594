/**
 * `--policy` and a `--round`'s policy go over the policy they meet, setting
 * by setting: a JSON scenario's own settings, a round's, a roster's 政策
 * sheet all keep what the flag does not name; a bad value is named with the
 * file that gave it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadScenario } from '../../src/cli/load.js'
import { encodeScenario } from '../../src/io/encode.js'
import { generateScenario } from '../../src/sample/index.js'

const dir = mkdtempSync(join(tmpdir(), 'banzi-load-'))
const file = (name: string, value: unknown): string => {
  const path = join(dir, name)
  writeFileSync(path, JSON.stringify(value))
  return path
}

const base = encodeScenario(
  generateScenario({ seed: 5, cadres: 40, policy: { structure: { women: { min: 2 } } } }),
) as Record<string, unknown>

describe('a policy given by a flag', () => {
  it("goes over a JSON scenario's own policy, keeping the settings it does not name", async () => {
    const county = file('county.json', base)
    const policy = file('young.json', { structure: { young: { maxAge: 36 } } })
    const r = await loadScenario(county, { policy })
    if (r._tag === 'Left') throw new Error(r.left.join('\n'))
    expect(r.right.scenario.policy.structure.women.min).toBe(2)
    expect(r.right.scenario.policy.structure.young.maxAge).toBe(36)
  })

  it("goes over a round's policy, which goes over the scenario's", async () => {
    const county = file('county2.json', base)
    const round = file('round.json', { policy: { structure: { young: { maxAge: 38, min: 2 } } } })
    const policy = file('young2.json', { structure: { young: { maxAge: 36 } } })
    const r = await loadScenario(county, { round, policy })
    if (r._tag === 'Left') throw new Error(r.left.join('\n'))
    const { women, young } = r.right.scenario.policy.structure
    expect([women.min, young.min, young.maxAge]).toEqual([2, 2, 36])
  })

  it('names the file that gave a bad value, and only that one', async () => {
    const county = file('county3.json', {
      ...base,
      policy: { structure: { women: { min: 'two' } } },
    })
    const policy = file('young3.json', { structure: { young: { maxAge: 'old' } } })
    const r = await loadScenario(county, { policy })
    if (r._tag === 'Right') throw new Error('expected issues')
    expect(r.left.some((l) => l.startsWith(`${county}: policy.structure.women.min: expected`))).toBe(true)
    expect(r.left.some((l) => l.startsWith(`--policy ${policy}: structure.young.maxAge: expected`))).toBe(
      true,
    )
  })
})
