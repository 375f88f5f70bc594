/**
 * The row scan of `lap-search.ts` in WebAssembly, as instructions: the
 * body of `scan` line for line, and the module that exports it (see
 * `lap-wasm.ts`, which runs it).
 * Internal: not part of the public API.
 *
 * @module
 * @internal
 */

import {
  at,
  countTo,
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
  I32_MUL,
  I32_OR,
  v128Store,
} from './lap-wasm-asm.js'

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
  // merge the lanes: the lesser low; on a tie, both counts and the later position
  ...get(LOW2), ...f64x2Lane(0), ...set(LOW),
  ...get(LOW2), ...f64x2Lane(1), ...set(LOW1),
  ...get(COUNT2), ...i64x2Lane(0), I32_WRAP_I64, ...set(COUNT),
  ...get(POS2), ...i64x2Lane(0), I32_WRAP_I64, ...set(POS),
  ...get(POS2), ...i64x2Lane(1), I32_WRAP_I64, ...set(J1),
  ...get(LOW1), ...get(LOW), F64_LT, ...IF,
  ...get(LOW1), ...set(LOW),
  ...get(COUNT2), ...i64x2Lane(1), I32_WRAP_I64, ...set(COUNT),
  ...get(J1), ...set(POS),
  ELSE,
  ...get(LOW1), ...get(LOW), F64_EQ, ...IF,
  ...get(COUNT), ...get(COUNT2), ...i64x2Lane(1), I32_WRAP_I64, I32_ADD, ...set(COUNT),
  ...get(J1), ...get(POS), ...get(POS), ...get(J1), I32_LT_S, SELECT, ...set(POS),
  END,
  END,
] // prettier-ignore

// --- the scan in place ------------------------------------------------------

// The scan in place takes the parameters of the scan, two of them for other
// arrays: `v` (f64 per column) where the scan has `vd`, the distances (f64
// per column) where it has `rest`; `left` is the number of columns. Its
// own locals after those of the scan (see inPlaceLocals).
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
  ...get(LOW2), ...f64x2Lane(0), ...set(LOW1),
  ...merge(LOW1, [...get(COUNT2), ...i64x2Lane(0), I32_WRAP_I64], [...get(POS2), ...i64x2Lane(0), I32_WRAP_I64]),
  ...get(LOW2), ...f64x2Lane(1), ...set(LOW1),
  ...merge(LOW1, [...get(COUNT2), ...i64x2Lane(1), I32_WRAP_I64], [...get(POS2), ...i64x2Lane(1), I32_WRAP_I64]),
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

// --- the column minima of the warm start ------------------------------------

// Parameters (byte addresses, except n) and locals of columnMins.
const CM_C = 0 // the n × n matrix s · c (f64, row-major)
const CM_N = 1
const CM_V = 2 // v[j] at CM_V + 8j (f64)
const CM_ARG = 3 // the row of v[j] at CM_ARG + 8j (its low 32 bits; i32)
const CM_I = 4
const CM_J = 5
const CM_ROW = 6
const CM_X = 7 // f64
const CM_ISPLAT = 8 // v128
const CM_M = 9 // v128

/**
 * The first loop of `reduceColumns` in `lap-warm.ts`, row by row: `x < v[j]`
 * (strictly: the lowest row on ties) sets `v[j] = x` and the row of `j` to
 * `i`; `v` and the rows set beforehand. The same comparisons in the same
 * order, so the same `v` and rows; `simd`: two columns at a time in the
 * lanes of 128-bit vectors (the row then stored as a 64-bit lane, its low
 * 32 bits read), the last odd column alone.
 */
const columnMinsBody = (simd: boolean): number[] => [
  ...i32(0), ...set(CM_I),
  ...countTo(CM_I, CM_N, [
    ...get(CM_C), ...get(CM_I), ...get(CM_N), I32_MUL, ...i32(3), I32_SHL, I32_ADD, ...set(CM_ROW),
    ...i32(0), ...set(CM_J),
    ...(simd
      ? [
          ...get(CM_I), I64_FROM_I32, ...I64X2_SPLAT, ...set(CM_ISPLAT),
          ...BLOCK,
          ...LOOP,
          ...get(CM_J), ...i32(1), I32_ADD, ...get(CM_N), I32_GE_S, ...brIf(1),
          ...at(CM_ROW, CM_J, 3), ...v128Load(),
          ...at(CM_V, CM_J, 3), ...v128Load(),
          ...F64X2_LT, ...set(CM_M),
          // v = m ? x : v
          ...at(CM_V, CM_J, 3),
          ...at(CM_ROW, CM_J, 3), ...v128Load(),
          ...at(CM_V, CM_J, 3), ...v128Load(),
          ...get(CM_M), ...V128_BITSELECT, ...v128Store(),
          // arg = m ? i : arg
          ...at(CM_ARG, CM_J, 3),
          ...get(CM_ISPLAT),
          ...at(CM_ARG, CM_J, 3), ...v128Load(),
          ...get(CM_M), ...V128_BITSELECT, ...v128Store(),
          ...get(CM_J), ...i32(2), I32_ADD, ...set(CM_J),
          ...br(0),
          END, // loop
          END, // block
        ]
      : []),
    ...countTo(CM_J, CM_N, [
      ...at(CM_ROW, CM_J, 3), ...f64Load(), ...set(CM_X),
      ...get(CM_X), ...at(CM_V, CM_J, 3), ...f64Load(), F64_LT, ...IF,
      ...at(CM_V, CM_J, 3), ...get(CM_X), ...f64Store(),
      ...at(CM_ARG, CM_J, 3), ...get(CM_I), ...i32Store(),
      END,
    ]),
  ]),
  END,
] // prettier-ignore

// --- a row read whole by the augmenting row reduction -----------------------

// Parameters (byte addresses, except n) and locals of keepRowMins.
const KR_ROW = 0 // the row s · c[i][·] (f64)
const KR_N = 1
const KR_V = 2 // v (f64)
const KR_R4C = 3 // row4col (i32)
const KR_OUT = 4 // l0..l3, umin, usub (f64), then a0..a3, j1, j2 (i32)
const KR_J = 5
const KR_J1 = 6
const KR_J2 = 7
const KR_A0 = 8
const KR_A1 = 9
const KR_A2 = 10
const KR_A3 = 11
const KR_X = 12 // f64
const KR_UMIN = 13
const KR_USUB = 14
const KR_L0 = 15
const KR_L1 = 16
const KR_L2 = 17
const KR_L3 = 18
const KR_L3V = 19 // v128

/** `x = row[j] − v[j]`, with `j` the local `k`. */
const krX = (k: number): number[] => [
  ...at(KR_ROW, k, 3), ...f64Load(),
  ...at(KR_V, k, 3), ...f64Load(),
  F64_SUB, ...set(KR_X),
] // prettier-ignore

/** `row4col[j] (op) −1 … ` helpers: the address of row4col[local]. */
const krR4c = (k: number): number[] => [...at(KR_R4C, k, 2), ...i32Load()]

/**
 * One column of `keepRowMins` in `lap-warm.ts`, line for line, `j` in the
 * local `k` and `x` computed: the least two with the tie rule, and the
 * four least; `simd`: `l3` splat again when it changes.
 */
const krEntry = (k: number, simd: boolean): number[] => [
  ...get(KR_X), ...get(KR_USUB), F64_LE, ...IF,
  // x < umin || (x === umin && j1 >= 0 && row4col[j1] >= 0 && row4col[j] < 0), without short cuts
  // (row4col[-1] is read, inside the memory, and not used).
  ...get(KR_X), ...get(KR_UMIN), F64_LT,
  ...get(KR_X), ...get(KR_UMIN), F64_EQ,
  ...get(KR_J1), ...i32(0), I32_GE_S, I32_AND,
  ...krR4c(KR_J1), ...i32(0), I32_GE_S, I32_AND,
  ...krR4c(k), ...i32(0), I32_LT_S, I32_AND,
  I32_OR, ...IF,
  ...get(KR_UMIN), ...set(KR_USUB), ...get(KR_J1), ...set(KR_J2),
  ...get(KR_X), ...set(KR_UMIN), ...get(k), ...set(KR_J1),
  ELSE,
  ...get(KR_X), ...get(KR_USUB), F64_LT, ...IF,
  ...get(KR_X), ...set(KR_USUB), ...get(k), ...set(KR_J2),
  END,
  END,
  END,
  ...get(KR_X), ...get(KR_L3), F64_LT, ...IF,
  ...get(KR_X), ...get(KR_L2), F64_LT, ...IF,
  ...get(KR_L2), ...set(KR_L3), ...get(KR_A2), ...set(KR_A3),
  ...get(KR_X), ...get(KR_L1), F64_LT, ...IF,
  ...get(KR_L1), ...set(KR_L2), ...get(KR_A1), ...set(KR_A2),
  ...get(KR_X), ...get(KR_L0), F64_LT, ...IF,
  ...get(KR_L0), ...set(KR_L1), ...get(KR_A0), ...set(KR_A1),
  ...get(KR_X), ...set(KR_L0), ...get(k), ...set(KR_A0),
  ELSE,
  ...get(KR_X), ...set(KR_L1), ...get(k), ...set(KR_A1),
  END,
  ELSE,
  ...get(KR_X), ...set(KR_L2), ...get(k), ...set(KR_A2),
  END,
  ELSE,
  ...get(KR_X), ...set(KR_L3), ...get(k), ...set(KR_A3),
  END,
  ...(simd ? [...get(KR_L3), ...F64X2_SPLAT, ...set(KR_L3V)] : []),
  END,
] // prettier-ignore

/**
 * `keepRowMins` of `lap-warm.ts` (with `s · c` in the memory): the same
 * comparisons on the same differences in the same order, so the same
 * output. `simd`: two columns at a time are first compared with `l3` (the
 * fourth least so far, at least the second: `usub`); a pair with neither
 * at or below it changes nothing and is passed over, which is most of a
 * row once its first columns are read; the others go column by column.
 */
const keepRowMinsBody = (simd: boolean): number[] => [
  ...f64Inf, ...set(KR_UMIN), ...f64Inf, ...set(KR_USUB),
  ...f64Inf, ...set(KR_L0), ...f64Inf, ...set(KR_L1), ...f64Inf, ...set(KR_L2), ...f64Inf, ...set(KR_L3),
  ...i32(-1), ...set(KR_J1), ...i32(-1), ...set(KR_J2),
  ...i32(-1), ...set(KR_A0), ...i32(-1), ...set(KR_A1), ...i32(-1), ...set(KR_A2), ...i32(-1), ...set(KR_A3),
  ...i32(0), ...set(KR_J),
  ...(simd
    ? [
        ...f64Inf, ...F64X2_SPLAT, ...set(KR_L3V),
        ...BLOCK,
        ...LOOP,
        ...get(KR_J), ...i32(1), I32_ADD, ...get(KR_N), I32_GE_S, ...brIf(1),
        ...at(KR_ROW, KR_J, 3), ...v128Load(),
        ...at(KR_V, KR_J, 3), ...v128Load(),
        ...F64X2_SUB, ...get(KR_L3V), ...F64X2_LE, ...V128_ANY_TRUE, ...IF,
        ...krX(KR_J), ...krEntry(KR_J, true),
        ...get(KR_J), ...i32(1), I32_ADD, ...set(KR_J),
        ...krX(KR_J), ...krEntry(KR_J, true),
        ...get(KR_J), ...i32(1), I32_ADD, ...set(KR_J),
        ELSE,
        ...get(KR_J), ...i32(2), I32_ADD, ...set(KR_J),
        END,
        ...br(0),
        END, // loop
        END, // block
      ]
    : []),
  ...countTo(KR_J, KR_N, [...krX(KR_J), ...krEntry(KR_J, simd)]),
  ...get(KR_OUT), ...get(KR_L0), ...f64Store(0),
  ...get(KR_OUT), ...get(KR_L1), ...f64Store(8),
  ...get(KR_OUT), ...get(KR_L2), ...f64Store(16),
  ...get(KR_OUT), ...get(KR_L3), ...f64Store(24),
  ...get(KR_OUT), ...get(KR_UMIN), ...f64Store(32),
  ...get(KR_OUT), ...get(KR_USUB), ...f64Store(40),
  ...get(KR_OUT), ...get(KR_A0), ...i32Store(48),
  ...get(KR_OUT), ...get(KR_A1), ...i32Store(52),
  ...get(KR_OUT), ...get(KR_A2), ...i32Store(56),
  ...get(KR_OUT), ...get(KR_A3), ...i32Store(60),
  ...get(KR_OUT), ...get(KR_J1), ...i32Store(64),
  ...get(KR_OUT), ...get(KR_J2), ...i32Store(68),
  END,
] // prettier-ignore

/**
 * The module: imports its memory as `m.mem`, exports `scan` (double costs)
 * and `scanInt` (32-bit integer costs), and `columnMins` (see
 * {@link columnMinsBody}) and `keepRowMins` (see {@link keepRowMinsBody}); `simd`: with the two-lane loops ({@link pairs}),
 * which need WebAssembly's 128-bit SIMD.
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
  const code = (int: boolean): number[] => {
    const body = [...locals, ...scanBody(int, simd)]
    return [...uleb(body.length), ...body]
  }
  const inPlace = (int: boolean): number[] => {
    const body = [
      ...vec([
        [...uleb(6), I32],
        [...uleb(3), F64],
        [...uleb(3), I32],
        [...uleb(1), F64],
        [...uleb(17), V128],
      ]),
      ...inPlaceBody(int),
    ]
    return [...uleb(body.length), ...body]
  }
  const mins = (): number[] => {
    const body = [
      ...vec([[...uleb(3), I32], [...uleb(1), F64], ...(simd ? [[...uleb(2), V128]] : [])]),
      ...columnMinsBody(simd),
    ]
    return [...uleb(body.length), ...body]
  }
  const keep = (): number[] => {
    const body = [
      ...vec([[...uleb(7), I32], [...uleb(7), F64], ...(simd ? [[...uleb(1), V128]] : [])]),
      ...keepRowMinsBody(simd),
    ]
    return [...uleb(body.length), ...body]
  }
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
