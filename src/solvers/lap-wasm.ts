/**
 * The row scan of `lap-search.ts` as a WebAssembly function, for long
 * searches. V8 compiles the JavaScript scan to about four times the
 * instructions per column that a C++ compiler emits for scipy's (each
 * typed-array access re-checks the array's map, base and length inside the
 * loop); compiled from WebAssembly, whose memory accesses need no such
 * checks, the same loop costs about 1.6 ns per column instead of 4 (Machol–
 * Wien, n = 800), and 15–18 % less again with two columns at a time in
 * SIMD lanes (n = 1,000). The module is a few hundred bytes, assembled at load time from
 * its instructions (`lap-wasm-scan.ts` and `lap-wasm-mins.ts`, with the assembler of
 * `lap-wasm-asm.ts`: no build step, no binary blob); it computes exactly
 * what the JavaScript scan does, with the same IEEE double arithmetic, so
 * the two give the same assignment. This file sets up its memory and
 * copies a search into it.
 * Internal: not part of the public API.
 *
 * @module
 * @internal
 */

import type { RowMins } from './lap-warm.js'
import { moduleBytes } from './lap-wasm-scan.js'

/**
 * The scan compiled to WebAssembly, over one memory. Arguments as those of
 * `scan` in `lap-search.ts`, with byte addresses for the arrays (see
 * {@link WasmSearch}), and `cut`: a position of `rest` to remove first,
 * moving the rest down (`left` already counts it out), or -1.
 * @internal
 */
export type WasmScan = (
  row: number,
  i: number,
  minVal: number,
  level: number,
  ui: number,
  left: number,
  hi: number,
  vd: number,
  path: number,
  rest: number,
  lvl: number,
  row4col: number,
  cut: number,
) => number

/**
 * The arrays of a search in one WebAssembly memory: the outputs of the scan
 * (`out`, 5 doubles at byte 0), `vd`, `path`, `rest`, `lvl`, `row4col` and
 * the matrix `s · c` (as 32-bit integers when every entry is one: half the
 * bytes to read per column, which is what bounds a long search once the
 * matrix no longer fits in the cache; a -0 becomes 0, which changes no
 * comparison and no sum other than a zero's sign), with their byte
 * addresses.
 * @internal
 */
export interface WasmSearch {
  readonly scan: WasmScan
  /**
   * The scan in place (`inPlaceBody` in `lap-wasm-scan.ts`): the same
   * arguments, `left` the number of columns, `rest` and `cut` not used;
   * every column of the row is read in order, those of the level list
   * masked by a NaN distance. `null` without SIMD.
   */
  readonly scanInPlace: WasmScan | null
  /** For the scan in place: `v` (kept equal to `vd[2j]` by the caller) and the distances, one double per column each. */
  readonly v: Float64Array
  readonly dist: Float64Array
  readonly out: Float64Array
  readonly vd: Float64Array
  readonly path: Int32Array
  readonly rest: Int32Array
  readonly lvl: Int32Array
  readonly row4col: Int32Array
  readonly at: {
    readonly vd: number
    readonly path: number
    readonly rest: number
    readonly lvl: number
    readonly row4col: number
    readonly v: number
    readonly dist: number
    readonly c: number
    /** Bytes per row of the matrix. */
    readonly row: number
  }
}

/**
 * Whether the scans run two columns at a time in 128-bit SIMD lanes where
 * WebAssembly has them (Node 16.4 and later). Writable for the tests and
 * the benchmarks only, which compare the two: the answer is the same.
 * @internal
 */
export const wasmSettings = { simd: true }

/** The compiled modules, without and with SIMD; `null` where they cannot be compiled. */
const compiled: (WebAssembly.Module | null | undefined)[] = [undefined, undefined]

/**
 * The compiled module (without SIMD where WebAssembly lacks it), or `null`
 * where WebAssembly is unavailable (the search then stays in JavaScript).
 */
const module = (): WebAssembly.Module | null => {
  const simd = wasmSettings.simd ? 1 : 0
  if (compiled[simd] === undefined) {
    try {
      compiled[simd] = new WebAssembly.Module(moduleBytes(simd === 1))
    } catch {
      compiled[simd] = simd === 1 ? module0() : null
    }
  }
  return compiled[simd]!
}

/** The module without SIMD. */
const module0 = (): WebAssembly.Module | null => {
  if (compiled[0] === undefined) {
    try {
      compiled[0] = new WebAssembly.Module(moduleBytes(false))
    } catch {
      compiled[0] = null
    }
  }
  return compiled[0]
}

/** A memory and the instance of the module on it. */
interface Space {
  readonly module: WebAssembly.Module
  readonly memory: WebAssembly.Memory
  readonly scan: WasmScan
  readonly scanInt: WasmScan
  readonly scanInPlace?: WasmScan
  readonly scanInPlaceInt?: WasmScan
  readonly columnMins: (c: number, n: number, v: number, arg: number) => void
  readonly keepRowMins: (row: number, n: number, v: number, row4col: number, out: number) => void
}

/**
 * The last memory used, held weakly: calls in a row reuse it (grown when
 * needed) instead of each mapping fresh pages, which on the benchmark
 * machine cost ~8 ms per megabyte touched, and it is freed once the
 * program stops solving and the garbage collector runs.
 */
let last: WeakRef<Space> | undefined

/** A memory of at least `bytes` bytes with its instance, or `null`. */
const space = (mod: WebAssembly.Module, bytes: number): Space | null => {
  const pages = Math.ceil(bytes / 65536)
  try {
    const old = last?.deref()
    if (old !== undefined && old.module === mod) {
      const have = old.memory.buffer.byteLength / 65536
      if (have < pages) old.memory.grow(pages - have)
      return old
    }
    const memory = new WebAssembly.Memory({ initial: pages })
    const instance = new WebAssembly.Instance(mod, { m: { mem: memory } })
    const made = { module: mod, memory, ...(instance.exports as Omit<Space, 'module' | 'memory'>) }
    last = new WeakRef(made)
    return made
  } catch {
    return null
  }
}

/**
 * Whether the last memory is still there and large enough for an `nr × nc`
 * matrix of integers: moving a search to WebAssembly then costs a copy,
 * not also fresh pages (on the benchmark machine ~8 ms per megabyte
 * touched, 20 times the copy).
 * @internal
 */
export const wasmReady = (nr: number, nc: number): boolean => {
  const old = last?.deref()
  return old !== undefined && old.memory.buffer.byteLength >= matrixAt(nc) + 4 * nr * nc
}

/** Most bytes of memory asked for: byte addresses are passed as signed 32-bit integers. */
const MAX_BYTES = 2 ** 31 - 65536

/** Where the matrix starts in the memory of a search with `nc` columns (see {@link wasmSearch}). */
const matrixAt = (nc: number): number => 16 * Math.ceil((96 + 48 * nc) / 16)

/**
 * The matrix that {@link wasmWarm} copied, as doubles, for the solve
 * under way, and into which memory: a search of the same solve then finds
 * it there and copies nothing. Cleared by {@link wasmForget} when the solve
 * ends, as the caller may change its matrix afterwards.
 */
let loaded: {
  readonly c: Float64Array
  readonly s: number
  readonly n: number
  readonly space: Space
} | null = null

/** Ends the solve under way: the next search copies its matrix. @internal */
export const wasmForget = (): void => {
  loaded = null
}

/**
 * The warm start of a square problem with its matrix in WebAssembly (see
 * {@link wasmWarm}): `v` and `row4col` live in the memory, after the
 * matrix, for the whole solve (the search's arrays are elsewhere).
 * @internal
 */
export interface WasmWarm {
  readonly v: Float64Array
  readonly row4col: Int32Array
  /** The first loop of `reduceColumns` (`lap-warm.ts`): the least entry of each column to `v` (set to `Infinity` first), its row to `argBest`. */
  readonly columnMins: (argBest: Int32Array) => void
  /** `keepRowMins` (`lap-warm.ts`) of row `i`, with `v` and `row4col` as they are. */
  readonly keepRowMins: (i: number, low: Float64Array, at: Int32Array, o: number, out: RowMins) => void
}

/**
 * Copies the square `n × n` problem `s · c` as doubles into the memory of a
 * search (where the searches of this solve find it, until
 * {@link wasmForget}), with room for the warm start's arrays after it, or
 * returns `null` where WebAssembly is unavailable. The memory must not grow
 * until the solve ends, as `v` and `row4col` are views of it: the search of
 * the same solve asks for less.
 * @internal
 */
export const wasmWarm = (n: number, c: Float64Array, s: number): WasmWarm | null => {
  const mod = module()
  const cAt = matrixAt(n)
  const size = n * n
  const vAt = cAt + 8 * size
  const argAt = vAt + 8 * n
  const r4cAt = argAt + 8 * n
  const outAt = 8 * Math.ceil((r4cAt + 4 * n) / 8)
  if (mod === null || outAt + 72 > MAX_BYTES) return null
  const sp = space(mod, outAt + 72)
  if (sp === null) return null
  const buffer = sp.memory.buffer
  const m64 = new Float64Array(buffer, cAt, size)
  if (s === 1) m64.set(c)
  else for (let k = 0; k < size; k++) m64[k] = s * c[k]!
  loaded = { c, s, n, space: sp }
  const v = new Float64Array(buffer, vAt, n)
  const arg = new Int32Array(buffer, argAt, 2 * n)
  const outF = new Float64Array(buffer, outAt, 6)
  const outI = new Int32Array(buffer, outAt + 48, 6)
  return {
    v,
    row4col: new Int32Array(buffer, r4cAt, n),
    columnMins: (argBest) => {
      v.fill(Infinity)
      sp.columnMins(cAt, n, vAt, argAt)
      for (let j = 0; j < n; j++) argBest[j] = arg[2 * j]!
    },
    keepRowMins: (i, low, at, o, out) => {
      sp.keepRowMins(cAt + 8 * n * i, n, vAt, r4cAt, outAt)
      for (let t = 0; t < 4; t++) {
        low[o + t] = outF[t]!
        at[o + t] = outI[t]!
      }
      out.low[0] = outF[4]!
      out.low[1] = outF[5]!
      out.at[0] = outI[4]!
      out.at[1] = outI[5]!
    },
  }
}

/**
 * Sets up a search of the `nr × nc` problem `s · c` in a fresh WebAssembly
 * memory, copying `s · c` and `row4col` into it, or returns `null` when
 * that cannot be done (no WebAssembly, or too large a matrix). `doubles`:
 * copy the matrix as doubles without looking for 32-bit integers (one
 * `set` when `s` = 1, much cheaper than the check, and as fast to scan
 * while the matrix stays in the cache).
 * @internal
 */
export const wasmSearch = (
  nr: number,
  nc: number,
  c: Float64Array,
  s: number,
  row4col: Int32Array,
  doubles: boolean,
): WasmSearch | null => {
  const mod = module()
  const vdAt = 64
  const pathAt = vdAt + 16 * nc
  const restAt = pathAt + 4 * nc
  const lvlAt = restAt + 4 * nc
  const r4cAt = lvlAt + 4 * nc
  const vAt = 16 * Math.ceil((r4cAt + 4 * nc) / 16)
  const distAt = 16 * Math.ceil((vAt + 8 * nc) / 16)
  const cAt = matrixAt(nc)
  const size = nr * nc
  if (mod === null || cAt + 8 * size > MAX_BYTES) return null
  // Unless told otherwise, as 32-bit integers while every entry is one
  // (checked as it is copied); otherwise, at the first that is not, as doubles.
  let int = !doubles
  let sp = space(mod, cAt + (int ? 4 : 8) * size)
  if (sp === null) return null
  // Copied already, as doubles, by wasmWarm for this solve?
  const there = loaded
  const copied =
    !int &&
    there !== null &&
    there.c === c &&
    there.s === s &&
    there.n === nr &&
    nr === nc &&
    there.space === sp
  if (int) {
    const m32 = new Int32Array(sp.memory.buffer, cAt, size)
    for (let k = 0; k < size; k++) {
      const x = s * c[k]!
      const y = x | 0
      if (y !== x) {
        int = false
        break
      }
      m32[k] = y
    }
  }
  if (!int && !copied) {
    sp = space(mod, cAt + 8 * size)
    if (sp === null) return null
    const m64 = new Float64Array(sp.memory.buffer, cAt, size)
    if (s === 1) m64.set(c)
    else for (let k = 0; k < size; k++) m64[k] = s * c[k]!
  }
  const buffer = sp.memory.buffer
  const r4c = new Int32Array(buffer, r4cAt, nc)
  r4c.set(row4col)
  return {
    scan: int ? sp.scanInt : sp.scan,
    scanInPlace: (int ? sp.scanInPlaceInt : sp.scanInPlace) ?? null,
    out: new Float64Array(buffer, 0, 5),
    vd: new Float64Array(buffer, vdAt, 2 * nc),
    path: new Int32Array(buffer, pathAt, nc),
    rest: new Int32Array(buffer, restAt, nc),
    lvl: new Int32Array(buffer, lvlAt, nc),
    row4col: r4c,
    v: new Float64Array(buffer, vAt, nc),
    dist: new Float64Array(buffer, distAt, nc),
    at: {
      vd: vdAt,
      path: pathAt,
      rest: restAt,
      lvl: lvlAt,
      row4col: r4cAt,
      v: vAt,
      dist: distAt,
      c: cAt,
      row: (int ? 4 : 8) * nc,
    },
  }
}
