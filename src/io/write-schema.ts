/**
 * Writes docs/scenario.schema.json from the codecs, formatted by the
 * project's prettier settings: `npx tsx src/io/write-schema.ts`.
 * A test fails when the file and the codecs disagree.
 * @module
 * @internal
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { scenarioJsonSchema } from './schema.js'

const target = fileURLToPath(new URL('../../docs/scenario.schema.json', import.meta.url))
// prettier is a dev dependency: this script is a development tool, never part of the bundle
const prettier = await import('prettier')
const options = (await prettier.resolveConfig(target)) ?? {}
writeFileSync(
  target,
  await prettier.format(JSON.stringify(scenarioJsonSchema()), { ...options, parser: 'json' }),
)
console.log(`wrote ${target}`)
