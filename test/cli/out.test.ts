/**
 * `banzi solve --out`: a write that fails after the solve (the disk full, the
 * folder gone) is said as `--out <path>: <reason>`, exits 2, leaves no
 * partial file, and keeps the file it was to replace as it was. The failure
 * is made by `node:fs/promises` refusing the files of one folder: its
 * `writeFile` on their paths, and the writes of the handles `open` gives on
 * them.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { cli } from './helpers.js'
import { encodeScenario } from '../../src/io/encode.js'
import { generateScenario } from '../../src/sample/index.js'

const FULL = 'banzi-disk-full'

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>()
  const full = (path: unknown) => typeof path === 'string' && path.includes(FULL)
  const enospc = (path: unknown) =>
    Object.assign(new Error(`ENOSPC: no space left on device, write '${String(path)}'`), {
      code: 'ENOSPC',
    })
  const writeFile: typeof fs.writeFile = async (path, data, options) => {
    if (full(path)) {
      // Half the bytes reach the disk, then it is full.
      await fs.writeFile(path, String(data).slice(0, 10), options)
      throw enospc(path)
    }
    return fs.writeFile(path, data, options)
  }
  const open = (async (path: string, flags?: string, mode?: number) => {
    const handle = await fs.open(path, flags, mode)
    if (!full(path)) return handle
    const failing = async (data: unknown) => {
      // Half the bytes reach the disk, then it is full.
      await handle.write(String(data).slice(0, 10))
      throw enospc(path)
    }
    return new Proxy(handle, {
      get: (target, key) => {
        if (key === 'writeFile' || key === 'write') return failing
        const value: unknown = Reflect.get(target, key, target)
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
      },
    })
  }) as typeof fs.open
  return { ...fs, writeFile, open, default: { ...fs, writeFile, open } }
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

  it('keeps the file it was to replace, as it was, and leaves no other', async () => {
    const out = join(dir, 'old.json')
    writeFileSync(out, '{"the":"old proposal"}', { mode: 0o600 })
    const r = await cli('solve', county, '--out', out)
    expect(r.code).toBe(2)
    expect(r.err).toContain(`--out ${out}: ENOSPC: no space left on device`)
    expect(readFileSync(out, 'utf8')).toBe('{"the":"old proposal"}')
    if (process.platform !== 'win32') expect(statSync(out).mode & 0o777).toBe(0o600)
    expect(readdirSync(dir).sort()).toEqual(['county.json', 'old.json'])
  })
})
