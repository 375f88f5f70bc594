/**
 * What the text output says matches the objects behind it: ranks and fit
 * components in the chosen language, no fit for a vacancy, the soft-rule
 * penalties a proposal pays and the incumbents who leave, a cadre id after a
 * name several cadres share and a post id after a title several posts share,
 * no Chinese punctuation in English, a team named once.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { cli } from './helpers.js'
import { RULE_LABELS, UI_PHRASES, UI_WORDS, VALUE_LABELS } from '../../src/domain/codes.js'
import type { Proposal } from '../../src/domain/proposal.js'
import { encodeScenario } from '../../src/io/encode.js'
import type { PoolResult, TeamGap } from '../../src/pool/index.js'
import { generateScenario } from '../../src/sample/index.js'

const dir = mkdtempSync(join(tmpdir(), 'banzi-cli-says-'))
const scenario = generateScenario({ seed: 9, cadres: 120, teams: 14 })
// Women and young members soft: the best proposal pays for teams short of them.
const soft = generateScenario({
  seed: 5,
  cadres: 150,
  policy: {
    structure: {
      women: { hard: false, min: 3, penalty: 50 },
      young: { hard: false, min: 3, penalty: 40 },
    },
  },
})
// Three years of assessment records: feedback lists with strengths and weaknesses.
const records = generateScenario({ seed: 9, cadres: 120, teams: 14, recordYears: 3 })
const county = join(dir, 'county.json')
const recordsFile = join(dir, 'records.json')
const softFile = join(dir, 'soft.json')
// P00001 forbidden to every cadre: the best proposal leaves it vacant.
const vacant = join(dir, 'vacant.json')
// Every fourth cadre from the second on named as the cadre before it: names several cadres share.
const shared = join(dir, 'shared.json')

type Encoded = { cadres: { id: string; name: string }[] } & Record<string, unknown>
let renamed: Encoded['cadres'] = []

beforeAll(() => {
  writeFileSync(county, JSON.stringify(encodeScenario(scenario)))
  writeFileSync(softFile, JSON.stringify(encodeScenario(soft)))
  writeFileSync(recordsFile, JSON.stringify(encodeScenario(records)))
  const v = encodeScenario(scenario) as Encoded
  writeFileSync(
    vacant,
    JSON.stringify({ ...v, forbidden: v.cadres.map((c) => ({ cadreId: c.id, postId: 'P00001' })) }),
  )
  const s = encodeScenario(soft) as Encoded
  s.cadres.forEach((c, i) => {
    if (i % 4 === 1) c.name = s.cadres[i - 1]!.name
  })
  renamed = s.cadres
  writeFileSync(shared, JSON.stringify(s))
})

const team = (id: string) => soft.teams.find((t) => t.id === id)!
const postOf = (id: string) => soft.teams.flatMap((t) => t.posts).find((p) => p.id === id)!
const lines = (text: string) => text.split('\n')

describe('pool: ranks and ages in the chosen language', () => {
  it.each(['zh', 'en'] as const)(
    '%s: the rank label, never its code, and the age with its unit',
    async (lang) => {
      const r = await cli('pool', county, '--query', '{"maxAge":45}', '--lang', lang)
      const j = JSON.parse(
        (await cli('pool', county, '--query', '{"maxAge":45}', '--json')).out,
      ) as PoolResult
      expect(r.code).toBe(0)
      expect(j.cadres.length).toBeGreaterThan(0)
      for (const c of j.cadres)
        expect(r.out).toContain(
          `  ${c.name} (${c.cadreId}) ${UI_PHRASES.age(c.age)[lang]} ${VALUE_LABELS.rank[c.rank][lang]}${c.field === null ? '' : ` ${c.field}`}\n`,
        )
      expect(r.out).not.toMatch(/ (section|division)-(member|deputy|chief) /)
    },
  )
})

describe('explain', () => {
  it.each(['zh', 'en'] as const)(
    '%s: the fit components by their names, team and post with a space',
    async (lang) => {
      const r = await cli('explain', county, '--post', 'P00002', '--lang', lang)
      expect(r.code).toBe(0)
      const w = (k: keyof typeof UI_WORDS) => UI_WORDS[k][lang]
      expect(r.out).toMatch(
        new RegExp(
          `\\n {2}${[w('specialty'), w('assessment'), w('experience'), w('age')]
            .map((x) => `${x.replace(/[()]/g, '\\$&')} \\d\\.\\d\\d`)
            .join(', ')}\\n`,
        ),
      )
      expect(r.out).not.toMatch(/\bspecialty \d/)
      // P00002's runners-up placed at P00016 and P00025 (another team's posts): named as the report names them.
      for (const id of ['P00016', 'P00025']) {
        const seat = scenario.teams.flatMap((t) => t.posts.map((p) => ({ t, p }))).find((x) => x.p.id === id)!
        expect(r.out).toContain(` ${seat.t.name} ${seat.p.title}`)
        expect(r.out).not.toContain(`${seat.t.name}${seat.p.title}`)
      }
    },
  )

  it('a vacancy has no fit', async () => {
    const r = await cli('explain', vacant, '--post', 'P00001')
    expect(r.code).toBe(0)
    const chosen = lines(r.out).find((l) => l.startsWith(`  ${UI_WORDS.chosen.zh}:`))
    expect(chosen).toBe(`  ${UI_WORDS.chosen.zh}: ${UI_WORDS.vacant.zh}`)
  })

  it('a post whose title its team repeats is named with its id', async () => {
    // P00083–P00085 are all the same team's 副局长; P00085's runner-up is placed at P00084.
    expect(postOf('P00084').title).toBe(postOf('P00085').title)
    const r = await cli('explain', softFile, '--post', 'P00085')
    expect(r.code).toBe(0)
    expect(r.out).toContain(` ${team('T0015').name} ${postOf('P00084').title} (P00084)`)
  })
})

describe('solve: what the proposal pays, who leaves', () => {
  let text = ''
  let en = ''
  let proposal: Proposal
  beforeAll(async () => {
    text = (await cli('solve', softFile)).out
    en = (await cli('solve', softFile, '--lang', 'en')).out
    proposal = (JSON.parse((await cli('solve', softFile, '--json')).out) as { result: Proposal }).result
  })

  it('the soft-rule penalties: their total, and each by rule and team with its amount', () => {
    expect(proposal.parts.penalties).toBe(1650)
    expect(text).toContain(`${UI_WORDS.softPenalties.zh} 1650.00`)
    expect(en).toContain(`${UI_WORDS.softPenalties.en} 1650.00`)
    expect(text).toContain(`${UI_WORDS.penaltiesByRule.zh}:`)
    const paid = proposal.penalties.filter((p) => p.code !== 'establishment.vacancy')
    expect(paid.filter((p) => p.code === 'structure.women')).toHaveLength(10)
    expect(paid.filter((p) => p.code === 'structure.young')).toHaveLength(8)
    const out = lines(text)
    for (const p of paid) {
      const at = `${team(p.teamId!).name} (${p.teamId})`
      const line = out.find(
        (l) =>
          l.includes(at) &&
          l.includes(RULE_LABELS[p.code].zh) &&
          (p.postId === null || l.includes(`(${p.postId})`)) &&
          l.includes(`${UI_WORDS.penalty.zh} ${p.amount.toFixed(2)}`) &&
          l.includes(`${UI_WORDS.shortfall.zh} ${p.shortfall}`),
      )
      expect(line, JSON.stringify(p)).toBeDefined()
    }
  })

  it('the incumbents who leave the teams, counted and named', () => {
    const leavers = proposal.moves.filter((m) => m.toPostId === null)
    expect(leavers.length).toBe(10)
    expect(text).toContain(`${UI_WORDS.leaving.zh}: ${leavers.length}\n`)
    expect(en).toContain(`${UI_WORDS.leaving.en}: ${leavers.length}\n`)
    const name = (id: string) => soft.cadres.find((c) => c.id === id)!.name
    for (const m of leavers) {
      const from = postOf(m.fromPostId!)
      expect(text).toMatch(new RegExp(`\\n {2}${name(m.cadreId)}[^\\n]*${from.title} \\(${m.fromPostId}\\)`))
    }
  })

  it('a name several cadres share is followed by the cadre id', async () => {
    const r = await cli('solve', shared)
    const p = (JSON.parse((await cli('solve', shared, '--json')).out) as { result: Proposal }).result
    const name = new Map(renamed.map((c) => [c.id, c.name]))
    const many = (id: string) => renamed.filter((c) => c.name === name.get(id)).length > 1
    const changed = p.assignments.filter((a) => a.change !== 'stays' && a.cadreId !== null)
    expect(changed.some((a) => many(a.cadreId!))).toBe(true)
    expect(changed.some((a) => !many(a.cadreId!))).toBe(true)
    for (const a of changed) {
      const line = lines(r.out).find((l) => l.includes(`(${a.postId}): `))!
      const after = line.split(' → ')[1]!
      expect(after, line).toMatch(
        many(a.cadreId!)
          ? `${name.get(a.cadreId!)} (${a.cadreId}) `
          : new RegExp(`^${name.get(a.cadreId!)}  \\[`),
      )
    }
  })
})

describe('English output counts in English', () => {
  it('check: one violation, not "1 violations"', async () => {
    const p = (JSON.parse((await cli('solve', county, '--json')).out) as { result: Proposal }).result
    const [a, b] = p.assignments.filter((x) => x.cadreId !== null)
    const broken = join(dir, 'broken.json')
    // One cadre in two posts: the one violation.
    const assignments = p.assignments.map((x) => (x === b ? { ...x, cadreId: a!.cadreId } : x))
    writeFileSync(broken, JSON.stringify({ ...p, assignments }))
    const found = JSON.parse((await cli('check', county, broken, '--json')).out) as unknown[]
    expect(found).toHaveLength(1)
    const r = await cli('check', county, broken, '--lang', 'en')
    expect(r.code).toBe(1)
    expect(r.out).toContain('independent validator: 1 violation\n')
  })
})

describe('English output has no Chinese punctuation of its own', () => {
  it('assess lists strengths and weaknesses with commas', async () => {
    const r = await cli('assess', recordsFile, '--lang', 'en')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/(strengths|weaknesses) \w[\w ]*, \w/)
    expect(r.out).not.toContain('、')
    expect((await cli('assess', recordsFile)).out).toMatch(
      new RegExp(`(${UI_WORDS.strengths.zh}|${UI_WORDS.weaknesses.zh}) [^;\\n]+、`),
    )
  })
})

describe('gaps: each gap names its team once', () => {
  it.each(['zh', 'en'] as const)('%s', async (lang) => {
    const r = await cli('gaps', county, '--lang', lang)
    const gaps = JSON.parse((await cli('gaps', county, '--json')).out) as TeamGap[]
    expect(gaps.length).toBeGreaterThan(0)
    for (const g of gaps) expect(r.out).toContain(`\n  ${g[lang]}\n`)
    for (const t of scenario.teams) expect(r.out).not.toContain(`${t.name}: ${t.name}`)
  })
})

describe('diagnose: a relaxation says its unit', () => {
  it('an average-age row moves by member-years, said so', async () => {
    // Before, "average age …: 11 (11.00)" read as eleven years over the average, where the row sums
    // (age − limit) over the team's members.
    const policy = join(dir, 'avg.json')
    writeFileSync(
      policy,
      JSON.stringify({ structure: { averageAge: { enabled: true, hard: true, max: 38 } } }),
    )
    for (const lang of ['zh', 'en'] as const) {
      const r = await cli('diagnose', county, '--policy', policy, '--lang', lang)
      expect(r.code).toBe(1)
      // The relaxation's lines, each ending with its cost; the conflict's list the labels alone.
      const rows = lines(r.out).filter((l) => l.includes('average-age-max') && /\(\d+\.\d\d\)$/.test(l))
      expect(rows.length).toBeGreaterThan(0)
      for (const row of rows) expect(row).toMatch(new RegExp(`: [\\d.]+ ${UI_WORDS.memberYears[lang]} \\(`))
    }
  })
})
