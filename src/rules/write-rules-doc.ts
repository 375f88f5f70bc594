/**
 * Rewrites the generated rule table of docs/rules.md from the registry:
 * `npx tsx src/rules/write-rules-doc.ts`. Only the marked section changes;
 * the hand-written semantics around it stay. A test fails when they disagree.
 * @module
 * @internal
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { withRuleTable } from './rule-table.js'

const target = fileURLToPath(new URL('../../docs/rules.md', import.meta.url))
writeFileSync(target, withRuleTable(readFileSync(target, 'utf8')))
console.log(`wrote ${target}`)
