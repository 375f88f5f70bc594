/**
 * The command line's text for a terminal never carries the controls of user
 * data: a cadre named with ESC ] 0; … BEL (retitle), ESC [ 8 m (hide), a C1
 * CSI or a DEL shows them as escapes (`\u001b`), on stdout and stderr alike;
 * `--json` gives the data as it is (its JSON text escaped alike), and the live progress line keeps its own
 * controls.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { cli } from './helpers.js'
import { run } from '../../src/cli/run.js'
import { encodeScenario } from '../../src/io/encode.js'
import { generateScenario } from '../../src/sample/index.js'

const dir = mkdtempSync(join(tmpdir(), 'banzi-cli-terminal-'))
const county = join(dir, 'county.json')
const HOSTILE = '\u001b]0;pwned\u0007\u001b[8m\u009b2J\u007f\r'
const SHOWN = '\\u001b]0;pwned\\u0007\\u001b[8m\\u009b2J\\u007f\\u000d'
/** A control character but \n and \t: C0, DEL, C1. */
// eslint-disable-next-line no-control-regex -- the controls are what it looks for
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

beforeAll(() => {
  const e = encodeScenario(generateScenario({ seed: 9, cadres: 120, teams: 14 })) as {
    cadres: { name: string }[]
  }
  for (const c of e.cadres) c.name = `${c.name}${HOSTILE}`
  writeFileSync(county, JSON.stringify(e))
})

describe('text output shows the controls of user data as escapes', () => {
  it('solve: the names of the changes', async () => {
    const r = await cli('solve', county)
    expect(r.code).toBe(0)
    expect(r.out).toContain(SHOWN)
    expect(r.out).not.toMatch(CONTROL)
    expect(r.err).not.toMatch(CONTROL)
  })

  it('pool: the names found', async () => {
    const r = await cli('pool', county, '--lang', 'en')
    expect(r.code).toBe(0)
    expect(r.out).toContain(`${SHOWN} (C`)
    expect(r.out).not.toMatch(CONTROL)
  })

  it('stderr: an error that quotes what was given', async () => {
    const r = await cli('pool', county, '--time-limit', '\u001b]0;pwned\u0007')
    expect(r.code).toBe(2)
    expect(r.err).toBe('--time-limit: expected seconds > 0, got "\\u001b]0;pwned\\u0007"\n')
    expect(r.err).not.toMatch(CONTROL)
  })

  it('--json gives the names as they are, in JSON a terminal shows as text', async () => {
    const r = await cli('pool', county, '--json')
    expect(r.code).toBe(0)
    const names = (JSON.parse(r.out) as { cadres: { name: string }[] }).cadres.map((c) => c.name)
    expect(names.length).toBeGreaterThan(0)
    for (const n of names) expect(n.endsWith(HOSTILE)).toBe(true)
    // JSON.stringify escapes the C0 controls, not DEL nor C1 (a CSI, U+009B): they are escaped too.
    expect(r.out).toContain('\\u009b2J\\u007f\\r')
    expect(r.out).not.toMatch(CONTROL)
  })

  it('the live progress line on a terminal keeps its own \\r and erase', async () => {
    let out = ''
    let err = ''
    const code = await run(['solve', county], {
      stdout: (s) => (out += s),
      stderr: (s) => (err += s),
      tty: true,
    })
    expect(code).toBe(0)
    expect(err).toContain('\r求解中: ')
    expect(err).toContain('\u001b[K')
    expect(out).toContain(SHOWN)
    expect(out).not.toMatch(CONTROL)
  })
})
