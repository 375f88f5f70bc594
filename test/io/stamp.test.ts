import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const script = fileURLToPath(new URL('./stamp-bytes.ts', import.meta.url))

/** The hashes `stamp-bytes.ts` prints, run in a fresh process under time zone `tz`. */
async function bytesIn(tz: string): Promise<{ roster: string; stable: string; offset: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, TZ: tz },
  })
  return JSON.parse(stdout) as { roster: string; stable: string; offset: number }
}

describe('workbook bytes', () => {
  it('are the same in every time zone (the zip dates and the document dates are one UTC instant)', async () => {
    const [utc, shanghai, honolulu] = await Promise.all(
      ['UTC', 'Asia/Shanghai', 'Pacific/Honolulu'].map(bytesIn),
    )
    // The zones really differ in the child processes.
    expect([utc!.offset, shanghai!.offset, honolulu!.offset]).toEqual([0, -480, 600])
    expect(shanghai).toMatchObject({ roster: utc!.roster, stable: utc!.stable })
    expect(honolulu).toMatchObject({ roster: utc!.roster, stable: utc!.stable })
  })
})
