/**
 * What an unknown key should have been: the nearest known key when there is
 * one (`woman` → `women`), else the list of known keys. An error in the
 * policy (strict), a warning elsewhere (`input.unknown-key`).
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
 * The known key nearest to an unknown key: within a third of its length in
 * edits (at least one), case aside; `undefined` when none is that close.
 * @internal
 */
export function nearestKnownKey(key: string, known: readonly string[]): string | undefined {
  // a key far longer than any known key is no typo, and would make the edit distance slow
  if (key.length > 64) return undefined
  const lower = key.toLowerCase()
  return known
    .map((k) => ({ k, d: levenshtein(lower, k.toLowerCase()) }))
    .filter(({ k, d }) => d <= Math.max(1, Math.floor(k.length / 3)))
    .sort((x, y) => x.d - y.d)[0]?.k
}

/**
 * The `expected` of an unknown key: the nearest known key (see
 * {@link nearestKnownKey}), else all known keys.
 * @internal
 */
export function knownKeyExpectation(key: string, known: readonly string[]): string {
  const near = nearestKnownKey(key, known)
  return near !== undefined
    ? `a known key (did you mean "${near}"?)`
    : `a known key (one of ${known.map((k) => JSON.stringify(k)).join(', ')})`
}
