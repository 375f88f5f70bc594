/**
 * Prints the SHA-256 of a roster workbook and of a proposal workbook of a
 * small generated county, for test/io/stamp.test.ts to run under several time
 * zones (`TZ=…`): the bytes must not depend on the machine's zone.
 */
import { createHash } from 'node:crypto'
import { writeRoster } from '../../src/io/roster/write.js'
import { generateScenario } from '../../src/sample/index.js'
import ExcelJS from 'exceljs'
import { stable } from '../../src/io/roster/write.js'

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex')
const scenario = generateScenario({ seed: 8, cadres: 30, teams: 4 })
const wb = new ExcelJS.Workbook()
wb.addWorksheet('a').addRow(['x', 1])
process.stdout.write(
  `${JSON.stringify({
    roster: sha(await writeRoster(scenario)),
    stable: sha(await stable(wb)),
    offset: new Date(2000, 0, 1).getTimezoneOffset(),
  })}\n`,
)
