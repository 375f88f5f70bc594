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

/** `text` as UTF-16 bytes with a byte-order mark, little- or big-endian (as Excel's and editors' exports). */
export function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2)
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe])
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i)
    out[2 + 2 * i] = bigEndian ? u >> 8 : u & 0xff
    out[3 + 2 * i] = bigEndian ? u & 0xff : u >> 8
  }
  return out
}
