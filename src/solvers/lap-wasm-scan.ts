/**
 * The row scan of `lap-search.ts` in WebAssembly, as instructions: the
 * body of `scan` line for line, the scan in place, and the module that
 * exports them with the warm start's loops of `lap-wasm-mins.ts` (see
 * `lap-wasm.ts`, which runs it).
 * Internal: not part of the public API.
 *
 * @module
 * @internal
 */

import {
  at,
  uleb,
  vec,
  name,
  section,
  I32,
  F64,
  get,
  set,
  i32,
  f64Inf,
  f64NaN,
  i32Load,
  f64Load,
  i32Store,
  f64Store,
  BLOCK,
  LOOP,
  IF,
  ELSE,
  END,
  br,
  brIf,
  RETURN,
  I32_EQ,
  I32_GE_S,
  I32_ADD,
  I32_SHL,
  F64_EQ,
  F64_LT,
  F64_LE,
  F64_ADD,
  F64_SUB,
  F64_FROM_I32,
  I32_SUB,
  MEMORY_COPY,
  V128,
  I32_AND,
  I32_LT_S,
  SELECT,
  I32_WRAP_I64,
  v128I64,
  v128Load,
  v128Load32Zero,
  v128Load64Zero,
  v128Load32Lane,
  v128Load64Lane,
  v128Store64Lane,
  shuffle,
  f64x2Lane,
  i64x2Lane,
  F64X2_SPLAT,
  F64X2_EQ,
  F64X2_LT,
  F64X2_LE,
  V128_BITSELECT,
  V128_ANY_TRUE,
  I64X2_BITMASK,
  I64X2_ADD,
  I64X2_SUB,
  F64X2_ADD,
  F64X2_SUB,
  F64X2_FROM_I32X4_LOW,
  F64X2_PMIN,
  F64X2_PMAX,
  I32X4_SPLAT,
  V128_OR,
  I64X2_SPLAT,
  I64_FROM_I32,
  v128Store,
} from './lap-wasm-asm.js'
import { columnMinsBody, keepRowMinsBody } from './lap-wasm-mins.js'

// --- the scan ---------------------------------------------------------------

// Parameters (byte addresses into the memory, except i, minVal, level, ui, left and hi).
const ROW = 0 // the cost row, s · c[i][·] (f64)
const I = 1
const MIN_VAL = 2
const LEVEL = 3
const UI = 4
const LEFT = 5
const HI = 6
const VD = 7 // v[j] at VD + 16j, the distance of j at VD + 16j + 8
const PATH = 8 // i32 per column
const REST = 9 // i32
const LVL = 10 // i32
const R4C = 11 // i32
const CUT = 12 // a position of `rest` to remove first (as `rest.copyWithin(cut, cut + 1)`), or -1
// Locals.
const K = 13
const J = 14
const W = 15
const COUNT = 16
const POS = 17
const AT = 18 // VD + 16j
const R = 19
const D = 20
const LOW = 21
// Locals of the two-lane loop (see pairs).
const J1 = 22
const AT1 = 23
const BITS = 24
const LOW1 = 25
const MIN_VAL2 = 26
const UI2 = 27
const LEVEL2 = 28
const LOW2 = 29
const COUNT2 = 30
const POS2 = 31
const R2 = 32
const D2 = 33
const VD0 = 34
const VD1 = 35
const LE2 = 36
const LT2 = 37

/** `row[j]` as a double: a double, or a 32-bit integer (`int`) made a double exactly. */
const cost = (int: boolean): number[] =>
  int ? [...at(ROW, J, 2), ...i32Load(), F64_FROM_I32] : [...at(ROW, J, 3), ...f64Load()]

/**
 * `j = rest[k]`, `at = vd + 16j`, `r = minVal + row[j] − ui − v[j]`, `d` =
 * the distance of `j`; `row[j]` a double, or a 32-bit integer (`int`), made
 * a double exactly.
 */
const readColumn = (int: boolean): number[] => [
  ...at(REST, K, 2), ...i32Load(), ...set(J),
  ...at(VD, J, 4), ...set(AT),
  ...get(MIN_VAL), ...cost(int), F64_ADD,
  ...get(UI), F64_SUB, ...get(AT), ...f64Load(), F64_SUB, ...set(R),
  ...get(AT), ...f64Load(8), ...set(D),
] // prettier-ignore

/**
 * `if (r < d) { path[j] = i; dist[j] = r; d = r; …then }`, the distance of
 * `j` at `at + dist` (8: after `v[j]` in `vd`; 0: in an array of its own).
 */
const relax = (then: readonly number[], dist = 8): number[] => [
  ...get(R), ...get(D), F64_LT, ...IF,
  ...at(PATH, J, 2), ...get(I), ...i32Store(),
  ...get(AT), ...get(R), ...f64Store(dist),
  ...get(R), ...set(D),
  ...then,
  END,
] // prettier-ignore

/** `if (d <= low) { if (d < low) { low = d; count = 1 } else count++; pos = (local k) }`. */
const track = (k: number): number[] => [
  ...get(D), ...get(LOW), F64_LE, ...IF,
  ...get(D), ...get(LOW), F64_LT, ...IF,
  ...get(D), ...set(LOW), ...i32(1), ...set(COUNT),
  ELSE,
  ...get(COUNT), ...i32(1), I32_ADD, ...set(COUNT),
  END,
  ...get(k), ...set(POS),
  END,
] // prettier-ignore

/** `if (row4col[j] === -1) return j; lvl[hi++] = j`. */
const joinLevel = [
  ...at(R4C, J, 2), ...i32Load(), ...i32(-1), I32_EQ, ...IF,
  ...get(J), RETURN,
  END,
  ...at(LVL, HI, 2), ...get(J), ...i32Store(),
  ...get(HI), ...i32(1), I32_ADD, ...set(HI),
] // prettier-ignore

/** `if (bits & bit) path[j] = i` for the column in local `j`. */
const pathIf = (j: number, bit: number): number[] => [
  ...get(BITS), ...i32(bit), I32_AND, ...IF,
  ...at(PATH, j, 2), ...get(I), ...i32Store(),
  END,
] // prettier-ignore

/**
 * Merges a least distance `low` (local), its count and last position into
 * `LOW`, `COUNT` and `POS`: the lesser; on a tie, both counts and the later
 * position.
 */
const merge = (low: number, count: number[], pos: number[]): number[] => [
  ...get(low), ...get(LOW), F64_LT, ...IF,
  ...get(low), ...set(LOW),
  ...count, ...set(COUNT),
  ...pos, ...set(POS),
  ELSE,
  ...get(low), ...get(LOW), F64_EQ, ...IF,
  ...get(COUNT), ...count, I32_ADD, ...set(COUNT),
  ...pos, ...set(J1),
  ...get(J1), ...get(POS), ...get(POS), ...get(J1), I32_LT_S, SELECT, ...set(POS),
  END,
  END,
] // prettier-ignore

/** {@link merge} of lane `lane` of `LOW2`, `COUNT2` and `POS2` (each lane's least distance, count and last position). */
const mergeLane = (lane: number): number[] => [
  ...get(LOW2), ...f64x2Lane(lane), ...set(LOW1),
  ...merge(LOW1, [...get(COUNT2), ...i64x2Lane(lane), I32_WRAP_I64], [...get(POS2), ...i64x2Lane(lane), I32_WRAP_I64]),
] // prettier-ignore

/**
 * The loop before a column joins the level, two columns of `rest` at a
 * time in the two lanes of 128-bit vectors (`int`: 32-bit integer costs):
 * the same sums and comparisons, lane by lane; the distances are stored
 * for both lanes, `path` where a lane relaxed, and the least distance is
 * tracked only when a lane reaches it (rare: 0.4 % of the columns of
 * Machol–Wien, where 99 % relax). Each lane keeps its own least distance, count and last position
 * (lane 0 the even positions of `rest`, lane 1 the odd ones), merged into
 * `low`, `count` and `pos` at the end, as the one-column loop would have
 * found them. A pair where a column would join the level is left, untouched,
 * to the one-column loops that follow, as are the last odd column and
 * everything after a join.
 */
const pairs = (int: boolean): number[] => [
  ...get(MIN_VAL), ...F64X2_SPLAT, ...set(MIN_VAL2),
  ...get(UI), ...F64X2_SPLAT, ...set(UI2),
  ...get(LEVEL), ...F64X2_SPLAT, ...set(LEVEL2),
  ...f64Inf, ...F64X2_SPLAT, ...set(LOW2),
  ...v128I64(-1, -1), ...set(POS2),
  ...BLOCK,
  ...LOOP,
  ...get(K), ...i32(1), I32_ADD, ...get(LEFT), I32_GE_S, ...brIf(1),
  ...at(REST, K, 2), ...i32Load(), ...set(J),
  ...at(REST, K, 2), ...i32Load(4), ...set(J1),
  ...at(VD, J, 4), ...set(AT),
  ...at(VD, J1, 4), ...set(AT1),
  ...get(AT), ...v128Load(), ...set(VD0),
  ...get(AT1), ...v128Load(), ...set(VD1),
  // r = minVal + row[j] − ui − v[j], both lanes
  ...get(MIN_VAL2),
  ...(int
    ? [
        ...at(ROW, J1, 2),
        ...at(ROW, J, 2), ...v128Load32Zero(),
        ...v128Load32Lane(1), ...F64X2_FROM_I32X4_LOW,
      ]
    : [
        ...at(ROW, J1, 3),
        ...at(ROW, J, 3), ...v128Load64Zero(),
        ...v128Load64Lane(1),
      ]),
  ...F64X2_ADD,
  ...get(UI2), ...F64X2_SUB,
  ...get(VD0), ...get(VD1), ...shuffle([0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23]), ...F64X2_SUB,
  ...set(R2),
  ...get(VD0), ...get(VD1), ...shuffle([8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31]), ...set(D2),
  // relax: d = r < d ? r : d (pmin); a column brought down to the level leaves the pair to the loops below
  ...get(R2), ...get(D2), ...F64X2_LT, ...I64X2_BITMASK, ...set(BITS),
  ...get(D2), ...get(R2), ...F64X2_PMIN, ...set(D2),
  // One test for the two rare cases: a lane at the level, or at or below the least so far.
  ...get(D2), ...get(LOW2), ...F64X2_LE, ...set(LE2),
  ...get(D2), ...get(LEVEL2), ...F64X2_EQ, ...get(LE2), ...V128_OR, ...V128_ANY_TRUE, ...IF,
  ...get(D2), ...get(LEVEL2), ...F64X2_EQ, ...V128_ANY_TRUE, ...brIf(2),
  // track, lane by lane: d < low: low = d, count = 1; d = low: count + 1; either: pos = k
  ...get(D2), ...get(LOW2), ...F64X2_LT, ...set(LT2),
  ...v128I64(1, 1), ...get(COUNT2), ...get(LE2), ...I64X2_SUB, ...get(LT2), ...V128_BITSELECT, ...set(COUNT2),
  ...get(D2), ...get(LOW2), ...get(LT2), ...V128_BITSELECT, ...set(LOW2),
  ...get(K), I64_FROM_I32, ...I64X2_SPLAT, ...v128I64(0, 1), ...I64X2_ADD,
  ...get(POS2), ...get(LE2), ...V128_BITSELECT, ...set(POS2),
  END,
  ...get(AT), ...get(D2), ...v128Store64Lane(0, 8),
  ...get(AT1), ...get(D2), ...v128Store64Lane(1, 8),
  ...pathIf(J, 1),
  ...pathIf(J1, 2),
  ...get(K), ...i32(2), I32_ADD, ...set(K),
  ...br(0),
  END, // loop
  END, // block
  // lane 0 as the least so far, lane 1 merged into it
  ...get(LOW2), ...f64x2Lane(0), ...set(LOW),
  ...get(COUNT2), ...i64x2Lane(0), I32_WRAP_I64, ...set(COUNT),
  ...get(POS2), ...i64x2Lane(0), I32_WRAP_I64, ...set(POS),
  ...mergeLane(1),
] // prettier-ignore

// --- the scan in place ------------------------------------------------------

// The scan in place takes the parameters of the scan, two of them for other
// arrays: `v` (f64 per column) where the scan has `vd`, the distances (f64
// per column) where it has `rest`; `left` is the number of columns. Its
// own locals after those of the scan (declared by `inPlace` in moduleBytes).
const V = VD
const DIST = REST
const R3 = 38
const D3 = 39
const BOUND2 = 40
const I4 = 41
const MASK = 42

/**
 * One column `k` of the scan in place (`int`: 32-bit integer costs): `j =
 * k`, `r = minVal + row[j] − ui − v[j]`, the relaxation, and the column
 * joins the level (its distance then set to NaN, which masks it from the
 * later scans: no comparison with NaN holds) or is tracked, with its
 * column for the position.
 */
const inPlaceColumn = (int: boolean): number[] => [
  ...get(K), ...set(J),
  ...get(MIN_VAL), ...cost(int), F64_ADD,
  ...get(UI), F64_SUB, ...at(V, J, 3), ...f64Load(), F64_SUB, ...set(R),
  ...at(DIST, J, 3), ...set(AT),
  ...get(AT), ...f64Load(), ...set(D),
  ...relax([], 0),
  ...get(D), ...get(LEVEL), F64_EQ, ...IF,
  ...joinLevel,
  ...get(AT), ...f64NaN, ...f64Store(),
  ELSE,
  ...track(J),
  END,
  ...get(K), ...i32(1), I32_ADD, ...set(K),
] // prettier-ignore

/**
 * The end of a scan that met no free column: `out` = [`hi`, the columns
 * left (`left`, an i32 on the stack), `low`, `count`, `pos`], and -1.
 */
const noSink = (left: readonly number[]): number[] => [
  ...i32(0), ...get(HI), F64_FROM_I32, ...f64Store(0),
  ...i32(0), ...left, F64_FROM_I32, ...f64Store(8),
  ...i32(0), ...get(LOW), ...f64Store(16),
  ...i32(0), ...get(COUNT), F64_FROM_I32, ...f64Store(24),
  ...i32(0), ...get(POS), F64_FROM_I32, ...f64Store(32),
  ...i32(-1),
] // prettier-ignore

/**
 * Tracks the two lanes of the vector `d` (columns `k + first` and `k + first
 * + 1`), each in its own least distance, count and last position, as
 * `track` does one column; then the bound of the loop's test again.
 */
const trackLanes = (d: number, first: number): number[] => [
  ...get(d), ...get(LOW2), ...F64X2_LE, ...set(LE2),
  ...get(d), ...get(LOW2), ...F64X2_LT, ...set(LT2),
  ...v128I64(1, 1), ...get(COUNT2), ...get(LE2), ...I64X2_SUB, ...get(LT2), ...V128_BITSELECT, ...set(COUNT2),
  ...get(d), ...get(LOW2), ...get(LT2), ...V128_BITSELECT, ...set(LOW2),
  ...get(K), I64_FROM_I32, ...I64X2_SPLAT, ...v128I64(first, first + 1), ...I64X2_ADD,
  ...get(POS2), ...get(LE2), ...V128_BITSELECT, ...set(POS2),
  ...get(LOW2), ...get(LEVEL2), ...F64X2_PMAX, ...set(BOUND2),
] // prettier-ignore

/**
 * The scan in place: the same relaxations as `scan` (the same sums and
 * comparisons, column by column, in increasing order), but over every
 * column `0..n)` of the row (`n` in the parameter `left`) instead of the
 * columns listed in `rest`, those of the level list (scanned, or at the
 * level) masked by a NaN distance; `v` and the distances are arrays of
 * their own. So the cost row, `v`, the distances and `path` are read and
 * written front to back, four columns at a time in two-lane vectors, with
 * no index to load. A column brought down to the level joins it where it
 * is (there is no `rest`; nothing moves), and its distance becomes NaN;
 * the position written with the least distance is the column's. The
 * caller keeps the distance of each column of the level list (the level
 * when it joined). Four columns go through the vectors while none reaches
 * the level (four where one does go column by column, then vectors again),
 * each lane keeping its own least distance, count and last position,
 * merged at the end with the one-column loop's.
 */
const inPlaceBody = (int: boolean): number[] => [
  ...f64Inf, ...set(LOW), ...i32(-1), ...set(POS),
  ...get(MIN_VAL), ...F64X2_SPLAT, ...set(MIN_VAL2),
  ...get(UI), ...F64X2_SPLAT, ...set(UI2),
  ...get(LEVEL), ...F64X2_SPLAT, ...set(LEVEL2),
  ...f64Inf, ...F64X2_SPLAT, ...set(LOW2),
  ...get(LOW2), ...get(LEVEL2), ...F64X2_PMAX, ...set(BOUND2),
  ...v128I64(-1, -1), ...set(POS2),
  ...get(I), ...I32X4_SPLAT, ...set(I4),
  ...BLOCK, // $exit
  ...LOOP, // $outer
  ...BLOCK, // $slow
  ...LOOP, // $quads
  ...get(K), ...i32(3), I32_ADD, ...get(LEFT), I32_GE_S, ...brIf(3),
  // the costs of columns k..k+3, as two vectors of two doubles
  ...(int
    ? [
        ...at(ROW, K, 2), ...v128Load(), ...set(VD1),
        ...get(VD1), ...F64X2_FROM_I32X4_LOW, ...set(VD0),
        ...get(VD1), ...get(VD1), ...shuffle([8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7]),
        ...F64X2_FROM_I32X4_LOW, ...set(VD1),
      ]
    : [
        ...at(ROW, K, 3), ...set(AT1),
        ...get(AT1), ...v128Load(), ...set(VD0),
        ...get(AT1), ...v128Load(16), ...set(VD1),
      ]),
  ...at(V, K, 3), ...set(AT1),
  ...get(MIN_VAL2), ...get(VD0), ...F64X2_ADD, ...get(UI2), ...F64X2_SUB, ...get(AT1), ...v128Load(), ...F64X2_SUB, ...set(R2),
  ...get(MIN_VAL2), ...get(VD1), ...F64X2_ADD, ...get(UI2), ...F64X2_SUB, ...get(AT1), ...v128Load(16), ...F64X2_SUB, ...set(R3),
  ...at(DIST, K, 3), ...set(AT),
  ...get(AT), ...v128Load(), ...set(D2),
  ...get(AT), ...v128Load(16), ...set(D3),
  // relax: d = r < d ? r : d (pmin), path where r < d
  ...get(R2), ...get(D2), ...F64X2_LT,
  ...get(R3), ...get(D3), ...F64X2_LT,
  ...shuffle([0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27]), ...set(MASK),
  ...get(D2), ...get(R2), ...F64X2_PMIN, ...set(D2),
  ...get(D3), ...get(R3), ...F64X2_PMIN, ...set(D3),
  // One test for the rare cases, a lane at the level or at or below its least so far (with at or
  // below the greater of the two, which holds in both: a test too many is harmless).
  ...get(D2), ...get(BOUND2), ...F64X2_LE,
  ...get(D3), ...get(BOUND2), ...F64X2_LE,
  ...V128_OR, ...V128_ANY_TRUE, ...IF,
  ...get(D2), ...get(LEVEL2), ...F64X2_EQ,
  ...get(D3), ...get(LEVEL2), ...F64X2_EQ,
  ...V128_OR, ...V128_ANY_TRUE, ...brIf(2),
  ...trackLanes(D2, 0),
  ...trackLanes(D3, 2),
  END,
  ...get(AT), ...get(D2), ...v128Store(),
  ...get(AT), ...get(D3), ...v128Store(16),
  ...at(PATH, K, 2), ...set(AT1),
  ...get(AT1), ...get(I4), ...get(AT1), ...v128Load(), ...get(MASK), ...V128_BITSELECT, ...v128Store(),
  ...get(K), ...i32(4), I32_ADD, ...set(K),
  ...br(0),
  END, // $quads
  END, // $slow: a lane reaches the level; the four columns one by one
  ...inPlaceColumn(int),
  ...inPlaceColumn(int),
  ...inPlaceColumn(int),
  ...inPlaceColumn(int),
  ...br(0),
  END, // $outer
  END, // $exit
  ...BLOCK,
  ...LOOP,
  ...get(K), ...get(LEFT), I32_GE_S, ...brIf(1),
  ...inPlaceColumn(int),
  ...br(0),
  END,
  END,
  ...mergeLane(0),
  ...mergeLane(1),
  ...noSink([...get(LEFT), ...get(HI), I32_SUB]),
  END,
] // prettier-ignore

/**
 * The body of `scan` in `lap-search.ts`, line for line (`int`: the costs
 * are 32-bit integers, see {@link readColumn}): returns the free
 * column reached at the level, or -1 after writing `hi`, `left`, `low`,
 * `lowCount` and `lowPos` as doubles to bytes 0..40 of the memory.
 */
const scanBody = (int: boolean, simd: boolean): number[] => [
  // The column taken out of rest by the caller, if any: `left` already counts it out.
  ...get(CUT), ...i32(0), I32_GE_S, ...IF,
  ...at(REST, CUT, 2),
  ...at(REST, CUT, 2), ...i32(4), I32_ADD,
  ...get(LEFT), ...get(CUT), I32_SUB, ...i32(2), I32_SHL,
  ...MEMORY_COPY,
  END,
  ...f64Inf, ...set(LOW), ...i32(-1), ...set(POS),
  ...(simd ? pairs(int) : []),
  ...BLOCK, // $done
  ...BLOCK, // $joined
  // Until a column joins the level, nothing moves. Two columns at a time, then one.
  ...BLOCK,
  ...LOOP,
  ...get(K), ...i32(1), I32_ADD, ...get(LEFT), I32_GE_S, ...brIf(1),
  ...readColumn(int),
  ...relax([...get(R), ...get(LEVEL), F64_EQ, ...brIf(3)]),
  ...track(K),
  ...get(K), ...i32(1), I32_ADD, ...set(K),
  ...readColumn(int),
  ...relax([...get(R), ...get(LEVEL), F64_EQ, ...brIf(3)]),
  ...track(K),
  ...get(K), ...i32(1), I32_ADD, ...set(K),
  ...br(0),
  END, // loop
  END, // block
  ...LOOP,
  ...get(K), ...get(LEFT), I32_GE_S, ...IF, ...get(K), ...set(W), ...br(3), END,
  ...readColumn(int),
  ...relax([...get(R), ...get(LEVEL), F64_EQ, ...brIf(2)]),
  ...track(K),
  ...get(K), ...i32(1), I32_ADD, ...set(K),
  ...br(0),
  END, // loop
  END, // $joined: rest[k] has joined the level; the columns after it move down.
  ...get(K), ...set(W),
  ...at(REST, K, 2), ...i32Load(), ...set(J),
  ...get(K), ...i32(1), I32_ADD, ...set(K),
  ...joinLevel,
  ...BLOCK,
  ...LOOP,
  ...get(K), ...get(LEFT), I32_GE_S, ...brIf(1),
  ...readColumn(int),
  ...get(K), ...i32(1), I32_ADD, ...set(K),
  ...relax([]),
  ...get(D), ...get(LEVEL), F64_EQ, ...IF, ...joinLevel, ...br(1), END,
  ...track(W),
  ...at(REST, W, 2), ...get(J), ...i32Store(),
  ...get(W), ...i32(1), I32_ADD, ...set(W),
  ...br(0),
  END, // loop
  END, // block
  END, // $done
  ...noSink(get(W)),
  END,
] // prettier-ignore

/**
 * The module: imports its memory as `m.mem`, exports `scan` (double costs)
 * and `scanInt` (32-bit integer costs), and `columnMins` (see
 * {@link columnMinsBody}) and `keepRowMins` (see {@link keepRowMinsBody});
 * `simd`: with the two-lane loops ({@link pairs}), which need WebAssembly's
 * 128-bit SIMD, and the scans in place `scanInPlace` and `scanInPlaceInt`
 * (see {@link inPlaceBody}).
 */
export const moduleBytes = (simd: boolean): Uint8Array<ArrayBuffer> => {
  const params = [I32, I32, F64, F64, F64, I32, I32, I32, I32, I32, I32, I32, I32]
  const type = [0x60, ...vec(params.map((t) => [t])), ...vec([[I32]])]
  const type1 = [0x60, ...vec([[I32], [I32], [I32], [I32]]), ...vec([])]
  const type2 = [0x60, ...vec([[I32], [I32], [I32], [I32], [I32]]), ...vec([])]
  const locals = vec([
    [...uleb(6), I32],
    [...uleb(3), F64],
    ...(simd
      ? [
          [...uleb(3), I32],
          [...uleb(1), F64],
          [...uleb(12), V128],
        ]
      : []),
  ])
  // A function's code: its size, its locals (declared before the instructions), its instructions.
  const fn = (locals: readonly number[], instructions: readonly number[]): number[] => {
    const body = [...locals, ...instructions]
    return [...uleb(body.length), ...body]
  }
  const code = (int: boolean): number[] => fn(locals, scanBody(int, simd))
  const inPlace = (int: boolean): number[] =>
    fn(
      vec([
        [...uleb(6), I32],
        [...uleb(3), F64],
        [...uleb(3), I32],
        [...uleb(1), F64],
        [...uleb(17), V128],
      ]),
      inPlaceBody(int),
    )
  const mins = (): number[] =>
    fn(
      vec([[...uleb(3), I32], [...uleb(1), F64], ...(simd ? [[...uleb(2), V128]] : [])]),
      columnMinsBody(simd),
    )
  const keep = (): number[] =>
    fn(
      vec([[...uleb(7), I32], [...uleb(7), F64], ...(simd ? [[...uleb(1), V128]] : [])]),
      keepRowMinsBody(simd),
    )
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec([type, type1, type2])),
    ...section(2, vec([[...name('m'), ...name('mem'), 0x02, 0x00, 0x01]])),
    ...section(3, vec([[0], [0], [1], [2], ...(simd ? [[0], [0]] : [])])),
    ...section(
      7,
      vec([
        [...name('scan'), 0x00, 0],
        [...name('scanInt'), 0x00, 1],
        [...name('columnMins'), 0x00, 2],
        [...name('keepRowMins'), 0x00, 3],
        ...(simd
          ? [
              [...name('scanInPlace'), 0x00, 4],
              [...name('scanInPlaceInt'), 0x00, 5],
            ]
          : []),
      ]),
    ),
    ...section(
      10,
      vec([code(false), code(true), mins(), keep(), ...(simd ? [inPlace(false), inPlace(true)] : [])]),
    ),
  ])
}
