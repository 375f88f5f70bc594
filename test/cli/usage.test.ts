/**
 * `banzi` with no arguments is a bad call: the usage on stderr and the exit
 * code of bad input (2); `--help` and
 * `help` ask for the usage and exit 0.
 */
import { describe, expect, it } from 'vitest'
import { cli } from './helpers.js'
import { EXIT } from '../../src/cli/run.js'

describe('banzi with no arguments', () => {
  it('prints the usage on stderr and exits with the bad-input code', async () => {
    const r = await cli()
    expect(r.code).toBe(EXIT.badInput)
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err).toMatch(/^Usage: banzi \[options\] \[command\]/)
    expect(r.err).toContain('Exit codes: 0 ok, 1 infeasible or violations, 2 bad input')
  })

  it('--help and help still print the usage on stdout and exit 0', async () => {
    for (const argv of [['--help'], ['help']]) {
      const r = await cli(...argv)
      expect(r.code, argv.join(' ')).toBe(0)
      expect(r.out, argv.join(' ')).toMatch(/^Usage: banzi/)
    }
  })
})
