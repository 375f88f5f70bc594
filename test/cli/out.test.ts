/**
 * `banzi solve --out`: a write that fails after the solve (the disk full, the
 * folder gone) is said as `--out <path>: <reason>`, exits 2, and leaves no
 * partial file. The failure is made by `node:fs/promises`' `writeFile`
 * refusing the files of one folder.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { cli } from './helpers.js'
import { encodeScenario } from '../../src/io/encode.js'
import { generateScenario } from '../../src/sample/index.js'

const FULL = 'banzi-disk-full'

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>()
  const writeFile: typeof fs.writeFile = async (path, data, options) => {
    if (String(path).includes(FULL)) {
      // Half the bytes reach the disk, then it is full.
      await fs.writeFile(path, String(data).slice(0, 10), options)
      throw Object.assign(new Error(`ENOSPC: no space left on device, write '${String(path)}'`), {
        code: 'ENOSPC',
      })
    }
    return fs.writeFile(path, data, options)
  }
  return { ...fs, writeFile, default: { ...fs, writeFile } }
})

const dir = mkdtempSync(join(tmpdir(), FULL))
const county = join(dir, 'county.json')

beforeAll(() => {
  writeFileSync(county, JSON.stringify(encodeScenario(generateScenario({ seed: 9, cadres: 120, teams: 14 }))))
})

describe('banzi solve --out, when the write fails', () => {
  it.each(['x.json', 'x.html'])('%s: says --out <path>: <reason>, exits 2, leaves no file', async (name) => {
    const out = join(dir, name)
    const r = await cli('solve', county, '--out', out)
    expect(r.code).toBe(2)
    expect(r.err).toContain(`--out ${out}: ENOSPC: no space left on device`)
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(dir)).toEqual(['county.json'])
  })
})
