/**
 * A minimal WebAssembly assembler for `lap-wasm.ts`: LEB128, sections and
 * the instructions its row scans use (WebAssembly core specification,
 * §5), so the module is built from readable code at load time, with no
 * build step and no binary blob.
 * Internal: not part of the public API.
 *
 * @module
 * @internal
 */

/** Unsigned LEB128. */
export const uleb = (x: number): number[] => {
  const out: number[] = []
  do {
    let b = x & 0x7f
    x >>>= 7
    if (x !== 0) b |= 0x80
    out.push(b)
  } while (x !== 0)
  return out
}

/** Signed LEB128 (small integers only). */
export const sleb = (x: number): number[] => {
  const out: number[] = []
  for (;;) {
    const b = x & 0x7f
    x >>= 7
    if ((x === 0 && (b & 0x40) === 0) || (x === -1 && (b & 0x40) !== 0)) {
      out.push(b)
      return out
    }
    out.push(b | 0x80)
  }
}

export const vec = (items: readonly (readonly number[])[]): number[] => [
  ...uleb(items.length),
  ...items.flat(),
]
export const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))]
export const section = (id: number, body: readonly number[]): number[] => [id, ...uleb(body.length), ...body]

export const I32 = 0x7f
export const F64 = 0x7c
export const EMPTY = 0x40

// Instructions (WebAssembly core specification, §5.4).
export const get = (k: number): number[] => [0x20, ...uleb(k)]
export const set = (k: number): number[] => [0x21, ...uleb(k)]
export const i32 = (x: number): number[] => [0x41, ...sleb(x)]
export const f64Inf = [0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0x7f]
/** The quiet NaN `0x7ff8000000000000`. */
export const f64NaN = [0x44, 0, 0, 0, 0, 0, 0, 0xf8, 0x7f]
/** Loads and stores with their alignment (log2) and a constant offset. */
export const i32Load = (offset = 0): number[] => [0x28, 2, ...uleb(offset)]
export const f64Load = (offset = 0): number[] => [0x2b, 3, ...uleb(offset)]
export const i32Store = (offset = 0): number[] => [0x36, 2, ...uleb(offset)]
export const f64Store = (offset = 0): number[] => [0x39, 3, ...uleb(offset)]
export const BLOCK = [0x02, EMPTY]
export const LOOP = [0x03, EMPTY]
export const IF = [0x04, EMPTY]
export const ELSE = 0x05
export const END = 0x0b
export const br = (depth: number): number[] => [0x0c, ...uleb(depth)]
export const brIf = (depth: number): number[] => [0x0d, ...uleb(depth)]
/** `while (j < n) { body; j += 1 }` over the locals `j` and `n`: a block around a loop. */
export const countTo = (j: number, n: number, body: readonly number[]): number[] => [
  ...BLOCK,
  ...LOOP,
  ...get(j),
  ...get(n),
  I32_GE_S,
  ...brIf(1),
  ...body,
  ...get(j),
  ...i32(1),
  I32_ADD,
  ...set(j),
  ...br(0),
  END,
  END,
]
/** The address of element `k` of the array at `base` (locals), of `2^shift` bytes each: `base + (k << shift)`. */
export const at = (base: number, k: number, shift: number): number[] => [
  ...get(base),
  ...get(k),
  ...i32(shift),
  I32_SHL,
  I32_ADD,
]
export const RETURN = 0x0f
export const I32_EQ = 0x46
export const I32_GE_S = 0x4e
export const I32_ADD = 0x6a
export const I32_SUB = 0x6b
export const I32_MUL = 0x6c
export const I32_SHL = 0x74
export const F64_EQ = 0x61
export const F64_LT = 0x63
export const F64_LE = 0x65
export const F64_ADD = 0xa0
export const F64_SUB = 0xa1
export const F64_FROM_I32 = 0xb7
/** `memory.copy` (bulk memory): destination, source, length in bytes. */
export const MEMORY_COPY = [0xfc, 10, 0, 0]

// 128-bit SIMD (WebAssembly 2.0), as the scans use them: two doubles or
// two 64-bit integers per vector.
export const V128 = 0x7b
export const I32_AND = 0x71
export const I32_OR = 0x72
export const I32_LT_S = 0x48
export const SELECT = 0x1b
export const I32_WRAP_I64 = 0xa7
export const I64_FROM_I32 = 0xac
const simd = (op: number): number[] => [0xfd, ...uleb(op)]
/** A vector constant of two 64-bit integer lanes (each a 32-bit integer, sign-extended). */
export const v128I64 = (a: number, b: number): number[] => {
  const lane = (x: number): number[] => {
    const out: number[] = []
    for (let k = 0; k < 8; k++) out.push(k < 4 ? (x >>> (8 * k)) & 0xff : x < 0 ? 0xff : 0)
    return out
  }
  return [...simd(0x0c), ...lane(a), ...lane(b)]
}
export const v128Load = (offset = 0): number[] => [...simd(0x00), 4, ...uleb(offset)]
export const v128Store = (offset = 0): number[] => [...simd(0x0b), 4, ...uleb(offset)]
export const v128Load32Zero = (offset = 0): number[] => [...simd(0x5c), 2, ...uleb(offset)]
export const v128Load64Zero = (offset = 0): number[] => [...simd(0x5d), 3, ...uleb(offset)]
export const v128Load32Lane = (lane: number, offset = 0): number[] => [
  ...simd(0x56),
  2,
  ...uleb(offset),
  lane,
]
export const v128Load64Lane = (lane: number, offset = 0): number[] => [
  ...simd(0x57),
  3,
  ...uleb(offset),
  lane,
]
export const v128Store64Lane = (lane: number, offset = 0): number[] => [
  ...simd(0x5b),
  3,
  ...uleb(offset),
  lane,
]
/** `i8x16.shuffle` of two vectors by byte (0–15 the first, 16–31 the second). */
export const shuffle = (bytes: readonly number[]): number[] => [...simd(0x0d), ...bytes]
export const f64x2Lane = (lane: number): number[] => [...simd(0x21), lane]
export const i64x2Lane = (lane: number): number[] => [...simd(0x1d), lane]
export const I32X4_SPLAT = simd(0x11)
export const I64X2_SPLAT = simd(0x12)
export const F64X2_SPLAT = simd(0x14)
export const F64X2_EQ = simd(0x47)
export const F64X2_LT = simd(0x49)
export const F64X2_LE = simd(0x4b)
export const V128_OR = simd(0x50)
export const V128_BITSELECT = simd(0x52)
export const V128_ANY_TRUE = simd(0x53)
export const I64X2_BITMASK = simd(0xc4)
export const I64X2_ADD = simd(0xce)
export const I64X2_SUB = simd(0xd1)
export const F64X2_ADD = simd(0xf0)
export const F64X2_SUB = simd(0xf1)
/** `pmin(a, b)` = `b < a ? b : a`, lane by lane. */
export const F64X2_PMIN = simd(0xf6)
/** `pmax(a, b)` = `a < b ? b : a`, lane by lane. */
export const F64X2_PMAX = simd(0xf7)
export const F64X2_FROM_I32X4_LOW = simd(0xfe)
