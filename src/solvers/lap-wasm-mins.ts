/**
 * The warm start's two loops of `lap-warm.ts` in WebAssembly, as
 * instructions: the column minima of `reduceColumns` and a row read whole
 * by the augmenting row reduction (`keepRowMins`), line for line; the
 * module that exports them with the scans is built in `lap-wasm-scan.ts`.
 * Internal: not part of the public API.
 *
 * @module
 * @internal
 */

import {
  at,
  countTo,
  get,
  set,
  i32,
  f64Inf,
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
  I32_GE_S,
  I32_ADD,
  I32_SHL,
  F64_EQ,
  F64_LT,
  F64_LE,
  F64_SUB,
  I32_AND,
  I32_LT_S,
  v128Load,
  F64X2_SPLAT,
  F64X2_LT,
  F64X2_LE,
  V128_BITSELECT,
  V128_ANY_TRUE,
  F64X2_SUB,
  I64X2_SPLAT,
  I64_FROM_I32,
  I32_MUL,
  I32_OR,
  v128Store,
} from './lap-wasm-asm.js'

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
export const columnMinsBody = (simd: boolean): number[] => [
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
export const keepRowMinsBody = (simd: boolean): number[] => [
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
