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
import { scenarioIssue } from './door.js'
import { monthIndex } from '../domain/time.js'
import type { Scenario } from '../domain/types.js'

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

/**
 * Reads records that name cadres of a scenario, each dated by a month (a
 * side input such as recommendations or training records): their shape with
 * `c`, then, when a scenario is given, that each `cadreId` is a cadre of its
 * roster and no `dateKey` month is after its `asOf`. Every issue, with its
 * path.
 * @internal
 */
export function readDatedRecords<A extends { readonly cadreId: string }>(
  c: Codec<readonly A[]>,
  input: unknown,
  scenario: Scenario | undefined,
  what: string,
  dateKey: keyof A & string,
): Either<readonly Issue[], readonly A[]> {
  const notScenario = scenario === undefined ? null : scenarioIssue(scenario)
  if (notScenario !== null) return left([notScenario])
  const r = read(c, input, what)
  if (isLeft(r) || scenario === undefined) return r
  const known = new Set(scenario.cadres.map((x) => x.id))
  const asOf = monthIndex(scenario.asOf)
  const issues: Issue[] = []
  r.right.forEach((x, i) => {
    if (!known.has(x.cadreId)) issues.push(issue([i, 'cadreId'], 'a cadre id of the scenario', x.cadreId))
    const month = x[dateKey] as unknown as string
    if (monthIndex(month) > asOf)
      issues.push(issue([i, dateKey], `a month not after asOf ${scenario.asOf}`, month))
  })
  return issues.length > 0 ? left(issues) : r
}
