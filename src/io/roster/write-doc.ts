/**
 * Rewrites the generated header table of docs/import-export.md:
 * `npx tsx src/io/roster/write-doc.ts`.
 * @module
 * @internal
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { withRosterColumns } from './doc.js'

const target = fileURLToPath(new URL('../../../docs/import-export.md', import.meta.url))
writeFileSync(target, withRosterColumns(readFileSync(target, 'utf8')))
console.log(`wrote ${target}`)
