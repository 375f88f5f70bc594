/**
 * What an unknown key of the policy should have been: the nearest known key
 * when there is one (`woman` → `women`), else the list of known keys.
 *
 * @module
 * @internal
 */

/** Edits (insert, delete, replace one character) from `a` to `b`. @internal */
export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(row[j - 1]! + 1, prev[j]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    prev = row
  }
  return prev[b.length]!
}

/**
 * The `expected` of an unknown key: the nearest known key within a third of its
 * length in edits (at least one), else all known keys.
 * @internal
 */
export function knownKeyExpectation(key: string, known: readonly string[]): string {
  // a key far longer than any known key is no typo, and would make the edit distance slow
  const near = (key.length > 64 ? [] : known)
    .map((k) => ({ k, d: levenshtein(key.toLowerCase(), k.toLowerCase()) }))
    .filter(({ k, d }) => d <= Math.max(1, Math.floor(k.length / 3)))
    .sort((x, y) => x.d - y.d)[0]
  return near !== undefined
    ? `a known key (did you mean "${near.k}"?)`
    : `a known key (one of ${known.map((k) => JSON.stringify(k)).join(', ')})`
}
