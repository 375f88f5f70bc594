/**
 * `banzi solve --out` and the files around it: it never overwrites a file
 * the solve reads (the scenario, the roster workbook or a folder roster's
 * file, `--round`, `--policy`), however the two paths are spelled; the file
 * it writes keeps the mode of the one it replaces, or is 0600 when new (the
 * data is personal); and the file it writes first, beside it, is never one
 * that was there before (a symlink planted at its name is not followed).
 */
import {
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
  chmodSync,
  chownSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { cli } from './helpers.js'
import { encodeScenario } from '../../src/io/encode.js'
import { writeRoster } from '../../src/io/roster/write.js'
import { generateScenario } from '../../src/sample/index.js'

const dir = mkdtempSync(join(tmpdir(), 'banzi-cli-out-safety-'))
const scenario = generateScenario({ seed: 9, cadres: 120, teams: 14 })
const county = join(dir, 'county.json')
const workbook = join(dir, 'county.xlsx')
const round = join(dir, 'round.json')
const policy = join(dir, 'policy.json')
const posix = process.platform !== 'win32'

beforeAll(async () => {
  const e = encodeScenario(scenario) as Record<string, unknown>
  writeFileSync(county, JSON.stringify(e))
  writeFileSync(workbook, await writeRoster(scenario))
  writeFileSync(round, JSON.stringify({ asOf: e.asOf, county: e.county, policy: e.policy }))
  writeFileSync(policy, JSON.stringify({}))
})

/** The inputs, copied into a folder of their own (one a case: a case that overwrites one spoils no other). */
function inputs(name: string) {
  const at = join(dir, name.replace(/\W+/g, '_'))
  mkdirSync(join(at, 'roster'), { recursive: true })
  const copy = (from: string, to: string) => {
    copyFileSync(from, join(at, to))
    return join(at, to)
  }
  const files = {
    at,
    county: copy(county, 'county.json'),
    workbook: copy(workbook, 'county.xlsx'),
    round: copy(round, 'round.json'),
    policy: copy(policy, 'policy.json'),
    folder: join(at, 'roster'),
    inFolder: copy(workbook, join('roster', 'county.xlsx')),
    symlink: join(at, 'link-to-county.json'),
    hardLink: join(at, 'hard-link-to-county.json'),
  }
  symlinkSync(files.county, files.symlink)
  linkSync(files.county, files.hardLink)
  return files
}

type Files = ReturnType<typeof inputs>

describe('banzi solve --out never overwrites what the solve reads', () => {
  it.each<[string, (f: Files) => { args: string[]; out: string; input: string; what: string }]>([
    [
      'the scenario, the same path',
      (f) => ({ args: [f.county], out: f.county, input: f.county, what: 'the roster' }),
    ],
    [
      'the scenario, spelled ./x against x (relative, with . and ..)',
      (f) => ({
        args: [relative(process.cwd(), f.county)],
        out: join(f.at, '.', 'roster', '..', 'county.json'),
        input: relative(process.cwd(), f.county),
        what: 'the roster',
      }),
    ],
    [
      'the scenario, through a symlink as --out',
      (f) => ({ args: [f.county], out: f.symlink, input: f.county, what: 'the roster' }),
    ],
    [
      'the scenario, read through a symlink',
      (f) => ({ args: [f.symlink], out: f.county, input: f.symlink, what: 'the roster' }),
    ],
    [
      'the scenario, through a hard link',
      (f) => ({ args: [f.county], out: f.hardLink, input: f.county, what: 'the roster' }),
    ],
    [
      'the roster workbook',
      (f) => ({
        args: [f.workbook, '--round', f.round],
        out: f.workbook,
        input: f.workbook,
        what: 'the roster',
      }),
    ],
    [
      'a folder roster’s workbook',
      (f) => ({
        args: [f.folder, '--round', f.round],
        out: f.inFolder,
        input: f.inFolder,
        what: 'the roster folder’s file',
      }),
    ],
    [
      '--round',
      (f) => ({ args: [f.workbook, '--round', f.round], out: f.round, input: f.round, what: '--round' }),
    ],
    [
      '--policy',
      (f) => ({ args: [f.county, '--policy', f.policy], out: f.policy, input: f.policy, what: '--policy' }),
    ],
  ])('%s: exit 2 naming both, nothing written', async (name, make) => {
    const f = inputs(name)
    const { args, out, input, what } = make(f)
    const before = readFileSync(input)
    const r = await cli('solve', ...args, '--out', out)
    expect(r.code).toBe(2)
    // After the roster's warnings, if any; refused before the solve: no progress, no proposal.
    expect(r.err.split('\n').slice(-2)).toEqual([
      `--out ${out}: is the same file as ${what} ${input}: refusing to overwrite an input (nothing written)`,
      '',
    ])
    expect(r.err).not.toContain('求解中')
    expect(r.out).toBe('')
    expect(readFileSync(input)).toEqual(before)
    expect(readFileSync(out)).toEqual(before)
    expect(lstatSync(f.symlink).isSymbolicLink()).toBe(true)
    expect(readdirSync(f.at).filter((x) => x.endsWith('.part'))).toEqual([])
  })

  it('a new file beside the inputs is written', async () => {
    const f = inputs('new file')
    const out = join(f.at, 'proposal.json')
    const r = await cli('solve', f.workbook, '--round', f.round, '--policy', f.policy, '--out', out)
    expect(r.code).toBe(0)
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('assignments')
  })
})

describe.runIf(posix)('banzi solve --out: the mode of what it writes', () => {
  it.each([0o600, 0o640, 0o604])('a file of mode %o it replaces keeps its mode', async (mode) => {
    const out = join(dir, `mode-${mode.toString(8)}.json`)
    writeFileSync(out, 'old')
    chmodSync(out, mode)
    const r = await cli('solve', county, '--out', out)
    expect(r.code).toBe(0)
    expect(readFileSync(out, 'utf8')).not.toBe('old')
    expect(statSync(out).mode & 0o777).toBe(mode)
  })

  it('a new file is readable by its owner alone (0600)', async () => {
    const out = join(dir, 'new.json')
    const r = await cli('solve', county, '--out', out)
    expect(r.code).toBe(0)
    expect(statSync(out).mode & 0o777).toBe(0o600)
  })

  it.runIf(process.getuid?.() === 0)('a file it replaces keeps its group too', async () => {
    const out = join(dir, 'group.json')
    writeFileSync(out, 'old')
    chmodSync(out, 0o640)
    chownSync(out, 0, 4242)
    const r = await cli('solve', county, '--out', out)
    expect(r.code).toBe(0)
    expect(statSync(out).gid).toBe(4242)
    expect(statSync(out).mode & 0o777).toBe(0o640)
  })
})

describe.runIf(posix)('banzi solve --out: the file written first, beside the result', () => {
  it('a symlink planted at the name it once had (.NAME.PID.part) is not followed', async () => {
    const victim = join(dir, 'victim.txt')
    writeFileSync(victim, 'not yours')
    const out = join(dir, 'planted.json')
    const planted = join(dir, `.planted.json.${process.pid}.part`)
    symlinkSync(victim, planted)
    const r = await cli('solve', county, '--out', out)
    expect(r.code).toBe(0)
    expect(readFileSync(victim, 'utf8')).toBe('not yours')
    expect(lstatSync(out).isFile()).toBe(true)
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('assignments')
    // What was planted is not its own: left as it was.
    expect(readlinkSync(planted)).toBe(victim)
  })
})
