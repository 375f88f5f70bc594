import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { isRight } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { ENUMS } from '../../src/io/enums.js'
import { decodeScenario, encodeScenario } from '../../src/io/index.js'
import { scenarioJsonSchema } from '../../src/io/schema.js'
import { edit, full, valid, type Json } from './fixtures.js'
import { jsonMutation, mutate } from './mutations.js'
import { scenarioOf } from './helpers.js'

type Schema = { readonly [key: string]: unknown }

const committed = JSON.parse(
  readFileSync(new URL('../../docs/scenario.schema.json', import.meta.url), 'utf8'),
) as Schema

const typeOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v

/**
 * A validator for the part of JSON Schema 2020-12 the generated schema uses
 * (type, enum, const, pattern, minLength, minimum, maximum, properties,
 * required, additionalProperties, propertyNames, not, items, anyOf). Returns
 * the failing paths.
 */
function validate(schema: Schema, v: unknown, path = '$'): string[] {
  const errors: string[] = []
  const type = schema['type'] as string | undefined
  if (type !== undefined && type !== typeOf(v) && !(type === 'number' && typeOf(v) === 'integer')) {
    return [`${path}: type ${type}`]
  }
  if (schema['enum'] !== undefined && !(schema['enum'] as unknown[]).includes(v)) errors.push(`${path}: enum`)
  if ('const' in schema && schema['const'] !== v) errors.push(`${path}: const`)
  if (typeof v === 'string') {
    if (schema['pattern'] !== undefined && !new RegExp(schema['pattern'] as string, 'u').test(v)) {
      errors.push(`${path}: pattern`)
    }
    if (schema['minLength'] !== undefined && v.length < (schema['minLength'] as number))
      errors.push(`${path}: minLength`)
  }
  if (typeof v === 'number') {
    if (schema['minimum'] !== undefined && v < (schema['minimum'] as number)) errors.push(`${path}: minimum`)
    if (schema['maximum'] !== undefined && v > (schema['maximum'] as number)) errors.push(`${path}: maximum`)
  }
  if (schema['not'] !== undefined && validate(schema['not'] as Schema, v, path).length === 0)
    errors.push(`${path}: not`)
  if (schema['anyOf'] !== undefined) {
    const branches = schema['anyOf'] as Schema[]
    if (branches.every((b) => validate(b, v, path).length > 0)) errors.push(`${path}: anyOf`)
  }
  if (typeOf(v) === 'object') {
    const o = v as Record<string, unknown>
    const properties = (schema['properties'] ?? {}) as Record<string, Schema>
    for (const k of (schema['required'] ?? []) as string[])
      if (!(k in o)) errors.push(`${path}.${k}: required`)
    for (const [k, x] of Object.entries(o)) {
      if (schema['propertyNames'] !== undefined && validate(schema['propertyNames'] as Schema, k).length > 0)
        errors.push(`${path}.${k}: propertyNames`)
      if (properties[k] !== undefined) errors.push(...validate(properties[k], x, `${path}.${k}`))
      else if (schema['additionalProperties'] === false) errors.push(`${path}.${k}: additionalProperties`)
    }
  }
  if (Array.isArray(v) && schema['items'] !== undefined) {
    v.forEach((x, i) => errors.push(...validate(schema['items'] as Schema, x, `${path}[${i}]`)))
  }
  return errors
}

/** Every `enum` list in the schema. */
function enumsOf(schema: unknown): unknown[][] {
  if (Array.isArray(schema)) return schema.flatMap(enumsOf)
  if (schema === null || typeof schema !== 'object') return []
  const own = (schema as Schema)['enum']
  return [...(Array.isArray(own) ? [own] : []), ...Object.values(schema).flatMap(enumsOf)]
}

describe('docs/scenario.schema.json', () => {
  it('is the schema generated from the codecs (regenerate: npx tsx src/io/write-schema.ts)', () => {
    expect(committed).toEqual(scenarioJsonSchema())
  })

  it('lists exactly the enumerations of the codecs', () => {
    const inSchema = new Set(enumsOf(committed).map((e) => JSON.stringify(e)))
    const inCodecs = new Set(Object.values(ENUMS).map((e) => JSON.stringify(e)))
    expect([...inSchema].sort()).toEqual([...inCodecs].sort())
  })

  it('requires what the decoder requires', () => {
    expect(committed['required']).toEqual(['asOf', 'county', 'cadres', 'teams'])
    const cadre = ((committed['properties'] as Record<string, Schema>)['cadres']!['items'] as Schema)[
      'required'
    ]
    expect(cadre).toEqual([
      'id',
      'name',
      'gender',
      'birth',
      'ethnicity',
      'party',
      'education',
      'rank',
      'rankSince',
      'hometown',
    ])
  })

  it('accepts the sample inputs and their encoded scenarios', () => {
    for (const input of [valid(), full()]) {
      expect(validate(committed, input)).toEqual([])
      expect(validate(committed, encodeScenario(scenarioOf(input)))).toEqual([])
    }
  })

  it('rejects a bad enum value, a missing field, a bad month and a policy typo', () => {
    const input = edit(
      full(),
      [['cadres', 0, 'gender'], 'f'],
      [['cadres', 1, 'name']],
      [['asOf'], '2025-13'],
      [['policy', 'structure', 'woman'], {}],
    )
    expect(validate(committed, input)).toEqual([
      '$.asOf: pattern',
      '$.cadres[0].gender: enum',
      '$.cadres[1].name: required',
      '$.policy.structure.woman: additionalProperties',
    ])
  })

  it('refuses an ethnicity no reading of it names a group: a number not of GB 3304, digits in a name', () => {
    for (const e of ['mongol', '蒙古族', ' Mongolian ', "De'ang", '02', '2', '98'])
      expect(validate(committed, edit(full(), [['cadres', 0, 'ethnicity'], e]))).toEqual([])
    for (const e of ['1.0', '57', '99', '001', 'han1', ' ', '-'])
      expect(validate(committed, edit(full(), [['cadres', 0, 'ethnicity'], e]))).toEqual([
        '$.cadres[0].ethnicity: pattern',
      ])
  })

  it('refuses the dictionary keys the decoder refuses (__proto__, constructor, prototype)', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const indicators = JSON.parse(`{"ability": 80, ${JSON.stringify(key)}: 50}`) as Json
      const input = edit(full(), [
        ['cadres', 0, 'assessmentRecords'],
        [{ year: 2024, kind: 'annual', indicators }],
      ])
      expect(isRight(decodeScenario(input))).toBe(false)
      expect(validate(committed, input)).toEqual([
        `$.cadres[0].assessmentRecords[0].indicators.${key}: propertyNames`,
      ])
    }
  })

  it('accepts every JSON input the decoder accepts', () => {
    fc.assert(
      fc.property(fc.array(jsonMutation, { minLength: 1, maxLength: 2 }), (ms) => {
        const input = mutate(full(), ms)
        if (isRight(decodeScenario(input))) expect(validate(committed, input)).toEqual([])
      }),
      { seed: 42, numRuns: 300 },
    )
  })
})
