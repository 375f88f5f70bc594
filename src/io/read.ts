/**
 * Reading an input with a codec: the value, or every issue with its path in
 * input order — the one way the scenario's side inputs (selection records,
 * training options) are read.
 *
 * @module
 * @internal
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js'
import type { Codec } from './combinators.js'
import { issue, issueFromValidationError, sortIssues, type Issue } from './errors.js'
import { snapshot } from './snapshot.js'

/** Reads `input` with `c`: the value, or the issues in input order. @internal */
export function read<A>(c: Codec<A>, input: unknown, what: string): Either<readonly Issue[], A> {
  let root: unknown
  try {
    root = snapshot(input)
  } catch {
    return left([issue([], what, 'an unreadable value')])
  }
  const r = c.validate(root, [{ key: '', type: c, actual: root }])
  return isLeft(r) ? left(sortIssues(r.left.map(issueFromValidationError), root)) : right(r.right)
}
