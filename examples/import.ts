/**
 * Roster import and export: read the sample county's workbook (examples/data,
 * written by `writeRoster` in the layout departments keep), staff it, check
 * the proposal and write it as the workbook a department files; a cadre's
 * appointment form (LRMX) written and read back; then a roster with
 * mistakes, reported cell by cell.
 *
 *   npx tsx examples/import.ts
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { solve, validateProposal } from '../src/index.js'
import { formOfCadre, readLrmx, readRoster, writeLrmx, writeProposal } from '../src/roster.js'

const data = (file: string) => readFileSync(fileURLToPath(new URL(`data/${file}`, import.meta.url)))

// What a roster does not say (month, county, policy) comes beside it.
const round = JSON.parse(data('sample-county.round.json').toString('utf8'))
const read = await readRoster(
  { workbook: { name: 'sample-county.xlsx', data: data('sample-county.xlsx') } },
  round,
)
if (read._tag === 'Left') {
  for (const issue of read.left.issues) console.error(issue.message)
  process.exit(1)
}
const { scenario, warnings } = read.right
console.log(
  `read ${scenario.cadres.length} cadres, ${scenario.teams.length} teams, ${scenario.openPosts.length} open posts; ${warnings.length} warnings`,
)

const result = await solve(scenario, { timeLimitMs: 60_000 })
if (result._tag === 'Left') throw new Error(`${result.left._tag}: ${result.left.message}`)
const proposal = result.right
const changed = proposal.assignments.filter((a) => a.change !== 'stays').length
console.log(`status ${proposal.status}, objective ${proposal.objective.toFixed(2)}, ${changed} changes`)
const violations = validateProposal(scenario, proposal)
console.log(`validator: ${violations.length} violations`)
if (violations.length > 0) process.exit(1)

// The proposal as the workbook a department files.
const out = mkdtempSync(join(tmpdir(), 'banzi-import-'))
const book = await writeProposal(scenario, proposal)
if (book._tag === 'Left') throw new Error(book.left.message)
writeFileSync(join(out, 'proposal.xlsx'), book.right)
console.log(`wrote ${join(out, 'proposal.xlsx')} (${book.right.length} bytes)`)

// The appointment form of the first promoted cadre, as an LRMX file, read back.
const promoted = proposal.assignments.find((a) => a.change === 'promotion' && a.cadreId !== null)
if (promoted?.cadreId == null) process.exit(1)
const form = formOfCadre(scenario, promoted.cadreId, { reason: '工作需要' })
if (form._tag === 'Left') throw new Error(form.left.message)
const lrmx = readLrmx(writeLrmx(form.right), `${promoted.cadreId}.lrmx`)
if (lrmx._tag === 'Left') throw new Error(lrmx.left.issues[0]?.message)
console.log(
  `form of ${lrmx.right.form.name}: ${lrmx.right.form.history.length} résumé periods, ${lrmx.right.form.assessments.length} grades, ${lrmx.right.form.family.length} relatives`,
)

// A clerk's CSV with three mistakes: every one comes back at its cell, and nothing is imported.
const cadres = `姓名,干部编号,性别,出生年月,民族,政治面貌,学历,职级,任现职级时间,籍贯,备注
张伟,C1,男,1975.13,han,中共党员,大学,正科级,2015年6月,清溪县,
李娜,C2,女士,1988-11,mongol,群众,研究生,副科,2019.01,和溪镇,
王强,C3,男,1990.10,hui,民盟盟员,大专,科级,2016-07,青山旗,
`
const bad = await readRoster(
  {
    cadres: { name: '干部.csv', data: cadres },
    teams: { name: '班子.csv', data: '班子编号,班子名称,班子类别\nT1,和溪镇,乡镇\n' },
    posts: { name: '岗位.csv', data: '岗位编号,班子编号,岗位类别,职级\nP1,T1,副职,副科\n' },
  },
  { asOf: '2026-12', county: '清溪县' },
)
if (bad._tag === 'Right') process.exit(1)
for (const issue of bad.left.issues) console.log(`  ${issue.message}`)
if (bad.left.issues.length !== 3) process.exit(1)
