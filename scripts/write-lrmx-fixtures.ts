/**
 * Writes the LRMX fixture set of the tests (`test/fixtures/lrmx/`): forms of
 * twenty cadres of the sample county (made up: no real people), every fourth
 * one GBK-encoded with a GB2312 declaration as older editors write them, and
 * three hand-made forms with the odd lines real files have.
 * `npx tsx scripts/write-lrmx-fixtures.ts`.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import iconv from 'iconv-lite'
import { sampleScenario } from '../src/index.js'
import { formOfCadre, writeLrmx } from '../src/roster.js'

const dir = fileURLToPath(new URL('../test/fixtures/lrmx/', import.meta.url))
const s = sampleScenario()
// Cadres with kin and a history first, so that the folder has kin links to find.
const chosen = s.cadres.filter((c) => c.kin.length > 0 && c.history.length > 0).slice(0, 10)
const ids = new Set(chosen.flatMap((c) => [c.id, ...c.kin.map((k) => k.cadreId)]))
for (const c of s.cadres) if (ids.size < 20 && c.history.length > 0) ids.add(c.id)
let i = 0
for (const id of [...ids].slice(0, 20)) {
  const form = formOfCadre(s, id, { reason: '工作需要' })
  if (form._tag === 'Left') throw new Error(form.left.message)
  const xml = writeLrmx(form.right)
  if (i++ % 4 === 3)
    writeFileSync(
      `${dir}${id}.lrmx`,
      iconv.encode(xml.replace('encoding="UTF-8"', 'encoding="GB2312"'), 'gbk'),
    )
  else writeFileSync(`${dir}${id}.lrmx`, xml)
}
console.log(`wrote ${Math.min(ids.size, 20)} forms to ${dir}`)
