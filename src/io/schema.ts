/**
 * The JSON Schema (draft 2020-12) of the scenario input format, generated
 * from the codecs that decode it, with the defaults of the policy filled in
 * from {@link DEFAULT_POLICY}. `docs/scenario.schema.json` is this value;
 * regenerate it with `npx tsx src/io/write-schema.ts`.
 *
 * The schema describes shapes only: cross-references (unique and known ids,
 * dates not after `asOf`, locks) are checked by `decodeScenario` alone.
 *
 * @module
 * @internal
 */
import { DEFAULT_POLICY } from '../domain/policy.js'
import { isPlainRecord, type JsonSchema } from './combinators.js'
import { scenarioCodec } from './codecs.js'

/** Adds `default` to each property of a policy schema from the matching default value. */
function withDefaults(schema: JsonSchema, defaults: unknown): JsonSchema {
  const properties = schema['properties']
  if (!isPlainRecord(defaults) || typeof properties !== 'object' || properties === null) return schema
  const out: Record<string, unknown> = {}
  for (const [key, sub] of Object.entries(properties as Record<string, JsonSchema>)) {
    const d = defaults[key]
    out[key] = isPlainRecord(d) ? withDefaults(sub, d) : d === undefined ? sub : { ...sub, default: d }
  }
  return { ...schema, properties: out }
}

/**
 * The JSON Schema of the scenario input format.
 * @returns a fresh JSON Schema object (draft 2020-12)
 * @category IO
 * @internal
 * @example
 * scenarioJsonSchema().required
 * //=> ['asOf', 'county', 'cadres', 'teams']
 */
export function scenarioJsonSchema(): JsonSchema {
  const root = scenarioCodec.schema
  const properties = root['properties'] as Record<string, JsonSchema>
  const schema: JsonSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'banzi scenario',
    ...root,
    properties: { ...properties, policy: withDefaults(properties['policy']!, DEFAULT_POLICY) },
  }
  return JSON.parse(JSON.stringify(schema)) as JsonSchema
}
