/**
 * Exact sums of doubles for the tests' own checks, sharing nothing with the
 * solvers: `x · 2^1074` as a bigint (every finite double is an integer
 * multiple of 2^−1074, so sums of these are exact).
 */
export function units(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, x)
  const hi = view.getUint32(0)
  const biased = (hi >>> 20) & 0x7ff
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4))
  if (biased !== 0) m |= 1n << 52n
  m <<= BigInt(Math.max(biased - 1, 0))
  return hi >>> 31 === 1 ? -m : m
}
