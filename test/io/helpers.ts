/** Shared assertions of the io tests. */
import { isLeft, isRight } from 'fp-ts/lib/Either.js'
import type { Scenario } from '../../src/domain/types.js'
import { decodeScenario, type Issue } from '../../src/io/index.js'

/** The issues of an input that must not decode. */
export function issuesOf(input: unknown): readonly Issue[] {
  const r = decodeScenario(input)
  if (isRight(r)) throw new Error('expected the input to be rejected, but it decoded')
  return r.left.issues
}

/** The issue messages of an input that must not decode. */
export const messagesOf = (input: unknown): string[] => issuesOf(input).map((i) => i.message)

/** The scenario of an input that must decode. */
export function scenarioOf(input: unknown): Scenario {
  const r = decodeScenario(input)
  if (isLeft(r))
    throw new Error(`expected the input to decode:\n${r.left.issues.map((i) => i.message).join('\n')}`)
  return r.right
}
