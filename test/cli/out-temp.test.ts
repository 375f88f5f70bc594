/**
 * `banzi solve --out` writes first into a file of its own beside the result,
 * made anew (`wx`) under a random name: a file or symlink already at that
 * name is never followed nor replaced; another name is tried, and when every
 * name tried is taken the write fails as any other does (exit 2, the old
 * output kept, no file left). The names are made predictable here by
 * `node:crypto`'s `randomBytes` answering the same bytes while `same.left`
 * says so.
 */
import {
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { cli } from './helpers.js'
import { encodeScenario } from '../../src/io/encode.js'
import { generateScenario } from '../../src/sample/index.js'

const same = vi.hoisted(() => ({ left: 0 }))

vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>()
  const randomBytes = ((size: number) => {
    if (same.left <= 0) return crypto.randomBytes(size)
    same.left--
    return Buffer.alloc(size, 0xab)
  }) as typeof crypto.randomBytes
  return { ...crypto, randomBytes, default: { ...crypto, randomBytes } }
})

const dir = mkdtempSync(join(tmpdir(), 'banzi-cli-out-temp-'))
const county = join(dir, 'county.json')
const victim = join(dir, 'victim.txt')
/** The name the write tries while `randomBytes` answers 0xab bytes (8 of them). */
const taken = (out: string) => join(dir, `.${out}.${'ab'.repeat(8)}.part`)

beforeAll(() => {
  writeFileSync(county, JSON.stringify(encodeScenario(generateScenario({ seed: 9, cadres: 120, teams: 14 }))))
  writeFileSync(victim, 'not yours')
})

describe.runIf(process.platform !== 'win32')('banzi solve --out: the file it writes first', () => {
  it('is not a symlink planted at its name: another name is taken, the symlink left alone', async () => {
    symlinkSync(victim, taken('a.json'))
    same.left = 1
    const r = await cli('solve', county, '--out', join(dir, 'a.json'))
    expect(same.left).toBe(0)
    expect(r.code).toBe(0)
    expect(readFileSync(victim, 'utf8')).toBe('not yours')
    expect(readlinkSync(taken('a.json'))).toBe(victim)
    expect(lstatSync(join(dir, 'a.json')).isFile()).toBe(true)
    expect(JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'))).toHaveProperty('assignments')
  })

  it('when every name tried is taken, fails: exit 2, the old output kept, nothing left', async () => {
    const out = join(dir, 'b.json')
    writeFileSync(out, 'old')
    writeFileSync(taken('b.json'), 'planted')
    same.left = 1000
    const r = await cli('solve', county, '--out', out)
    same.left = 0
    expect(r.code).toBe(2)
    expect(r.err).toContain(`--out ${out}: EEXIST`)
    expect(readFileSync(out, 'utf8')).toBe('old')
    expect(readFileSync(taken('b.json'), 'utf8')).toBe('planted')
    expect(readdirSync(dir).filter((f) => f.startsWith('.b.json.'))).toEqual([
      `.b.json.${'ab'.repeat(8)}.part`,
    ])
  })
})
