/**
 * Paths into the input, structural (`['cadres', 12, 'birth']`) and printed
 * the way a JavaScript user would write them (`cadres[12].birth`).
 *
 * @module
 */

/** A path into the input: object keys and array indices, from the root. @category IO */
export type Path = readonly (string | number)[]

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/
/** Longest key printed whole; a longer (unknown) key is cut so that a message stays readable. */
const MAX_KEY = 60

const printKey = (key: string): string => (key.length > MAX_KEY ? `${key.slice(0, MAX_KEY - 1)}…` : key)

/**
 * Prints a path as JavaScript accessors: `.key` for identifier keys, `[3]` for
 * array indices and `["section-member"]` for any other key; a key longer than
 * 60 characters is cut with `…`. The empty path (the input itself) prints as
 * `(root)`.
 *
 * @param path - keys and indices from the root of the input
 * @returns the printed path, on one line
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category IO
 * @example
 * formatPath(['cadres', 12, 'birth'])
 * //=> 'cadres[12].birth'
 * formatPath(['policy', 'people', 'ladder', 'minYearsAtRank', 'section-member'])
 * //=> 'policy.people.ladder.minYearsAtRank["section-member"]'
 * formatPath([])
 * //=> '(root)'
 */
export function formatPath(path: Path): string {
  if (!Array.isArray(path) || !path.every((k) => typeof k === 'string' || typeof k === 'number'))
    throw new TypeError('formatPath: path: expected an array of keys (strings) and indices (numbers)')
  if (path.length === 0) return '(root)'
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else if (IDENTIFIER.test(key)) out += out === '' ? printKey(key) : `.${printKey(key)}`
    else out += `[${JSON.stringify(printKey(key))}]`
  }
  return out
}
