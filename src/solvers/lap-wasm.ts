/**
 * The row scan of `lap-search.ts` as a WebAssembly function, for long
 * searches. V8 compiles the JavaScript scan to about four times the
 * instructions per column that a C++ compiler emits for scipy's (each
 * typed-array access re-checks the array's map, base and length inside the
 * loop); compiled from WebAssembly, whose memory accesses need no such
 * checks, the same loop costs about 1.6 ns per column instead of 4 (Machol–
 * Wien, n = 800). The module is a few hundred bytes, assembled here from
 * its instructions (no build step, no binary blob); it computes exactly
 * what the JavaScript scan does, in the same order, with the same IEEE
 * double arithmetic, so the two give the same assignment.
 * Internal: not part of the public API.
 *
 * @module
 * @internal
 */

// --- a minimal assembler ----------------------------------------------------

/** Unsigned LEB128. */
const uleb = (x: number): number[] => {
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
const sleb = (x: number): number[] => {
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

const vec = (items: readonly (readonly number[])[]): number[] => [...uleb(items.length), ...items.flat()]
const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))]
const section = (id: number, body: readonly number[]): number[] => [id, ...uleb(body.length), ...body]

const I32 = 0x7f
const F64 = 0x7c
const EMPTY = 0x40

// Instructions (WebAssembly core specification, §5.4).
const get = (k: number): number[] => [0x20, ...uleb(k)]
const set = (k: number): number[] => [0x21, ...uleb(k)]
const i32 = (x: number): number[] => [0x41, ...sleb(x)]
const f64Inf = [0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0x7f]
/** Loads and stores with their alignment (log2) and a constant offset. */
const i32Load = (offset = 0): number[] => [0x28, 2, ...uleb(offset)]
const f64Load = (offset = 0): number[] => [0x2b, 3, ...uleb(offset)]
const i32Store = (offset = 0): number[] => [0x36, 2, ...uleb(offset)]
const f64Store = (offset = 0): number[] => [0x39, 3, ...uleb(offset)]
const BLOCK = [0x02, EMPTY]
const LOOP = [0x03, EMPTY]
const IF = [0x04, EMPTY]
const ELSE = 0x05
const END = 0x0b
const br = (depth: number): number[] => [0x0c, ...uleb(depth)]
const brIf = (depth: number): number[] => [0x0d, ...uleb(depth)]
const RETURN = 0x0f
const I32_EQ = 0x46
const I32_GE_S = 0x4e
const I32_ADD = 0x6a
const I32_SHL = 0x74
const F64_EQ = 0x61
const F64_LT = 0x63
const F64_LE = 0x65
const F64_ADD = 0xa0
const F64_SUB = 0xa1
const F64_FROM_I32 = 0xb7

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
// Locals.
const K = 12
const J = 13
const W = 14
const COUNT = 15
const POS = 16
const AT = 17 // VD + 16j
const R = 18
const D = 19
const LOW = 20

/**
 * `j = rest[k]`, `at = vd + 16j`, `r = minVal + row[j] − ui − v[j]`, `d` =
 * the distance of `j`; `row[j]` a double, or a 32-bit integer (`int`), made
 * a double exactly.
 */
const readColumn = (int: boolean): number[] => [
  ...get(REST), ...get(K), ...i32(2), I32_SHL, I32_ADD, ...i32Load(), ...set(J),
  ...get(VD), ...get(J), ...i32(4), I32_SHL, I32_ADD, ...set(AT),
  ...get(MIN_VAL),
  ...(int
    ? [...get(ROW), ...get(J), ...i32(2), I32_SHL, I32_ADD, ...i32Load(), F64_FROM_I32]
    : [...get(ROW), ...get(J), ...i32(3), I32_SHL, I32_ADD, ...f64Load()]),
  F64_ADD,
  ...get(UI), F64_SUB, ...get(AT), ...f64Load(), F64_SUB, ...set(R),
  ...get(AT), ...f64Load(8), ...set(D),
] // prettier-ignore

/** `if (r < d) { path[j] = i; dist[j] = r; d = r; …then }`. */
const relax = (then: readonly number[]): number[] => [
  ...get(R), ...get(D), F64_LT, ...IF,
  ...get(PATH), ...get(J), ...i32(2), I32_SHL, I32_ADD, ...get(I), ...i32Store(),
  ...get(AT), ...get(R), ...f64Store(8),
  ...get(R), ...set(D),
  ...then,
  END,
] // prettier-ignore

/** `if (d <= low) { if (d < low) { low = d; count = 1 } else count++; pos = (local at) }`. */
const track = (at: number): number[] => [
  ...get(D), ...get(LOW), F64_LE, ...IF,
  ...get(D), ...get(LOW), F64_LT, ...IF,
  ...get(D), ...set(LOW), ...i32(1), ...set(COUNT),
  ELSE,
  ...get(COUNT), ...i32(1), I32_ADD, ...set(COUNT),
  END,
  ...get(at), ...set(POS),
  END,
] // prettier-ignore

/** `if (row4col[j] === -1) return j; lvl[hi++] = j`. */
const joinLevel = [
  ...get(R4C), ...get(J), ...i32(2), I32_SHL, I32_ADD, ...i32Load(), ...i32(-1), I32_EQ, ...IF,
  ...get(J), RETURN,
  END,
  ...get(LVL), ...get(HI), ...i32(2), I32_SHL, I32_ADD, ...get(J), ...i32Store(),
  ...get(HI), ...i32(1), I32_ADD, ...set(HI),
] // prettier-ignore

/**
 * The body of `scan` in `lap-search.ts`, line for line (`int`: the costs
 * are 32-bit integers, see {@link readColumn}): returns the free
 * column reached at the level, or -1 after writing `hi`, `left`, `low`,
 * `lowCount` and `lowPos` as doubles to bytes 0..40 of the memory.
 */
const scanBody = (int: boolean): number[] => [
  ...f64Inf, ...set(LOW), ...i32(-1), ...set(POS),
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
  ...get(REST), ...get(K), ...i32(2), I32_SHL, I32_ADD, ...i32Load(), ...set(J),
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
  ...get(REST), ...get(W), ...i32(2), I32_SHL, I32_ADD, ...get(J), ...i32Store(),
  ...get(W), ...i32(1), I32_ADD, ...set(W),
  ...br(0),
  END, // loop
  END, // block
  END, // $done
  ...i32(0), ...get(HI), F64_FROM_I32, ...f64Store(0),
  ...i32(0), ...get(W), F64_FROM_I32, ...f64Store(8),
  ...i32(0), ...get(LOW), ...f64Store(16),
  ...i32(0), ...get(COUNT), F64_FROM_I32, ...f64Store(24),
  ...i32(0), ...get(POS), F64_FROM_I32, ...f64Store(32),
  ...i32(-1),
  END,
] // prettier-ignore

/** The module: imports its memory as `m.mem`, exports `scan` (double costs) and `scanInt` (32-bit integer costs). */
const moduleBytes = (): Uint8Array<ArrayBuffer> => {
  const params = [I32, I32, F64, F64, F64, I32, I32, I32, I32, I32, I32, I32]
  const type = [0x60, ...vec(params.map((t) => [t])), ...vec([[I32]])]
  const locals = vec([
    [...uleb(6), I32],
    [...uleb(3), F64],
  ])
  const code = (int: boolean): number[] => {
    const body = [...locals, ...scanBody(int)]
    return [...uleb(body.length), ...body]
  }
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec([type])),
    ...section(2, vec([[...name('m'), ...name('mem'), 0x02, 0x00, 0x01]])),
    ...section(3, vec([[0], [0]])),
    ...section(
      7,
      vec([
        [...name('scan'), 0x00, 0],
        [...name('scanInt'), 0x00, 1],
      ]),
    ),
    ...section(10, vec([code(false), code(true)])),
  ])
}

// --- use ----------------------------------------------------------------------

/**
 * The scan compiled to WebAssembly, over one memory. Arguments as those of
 * `scan` in `lap-search.ts`, with byte addresses for the arrays (see
 * {@link WasmSearch}).
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
    readonly c: number
    /** Bytes per row of the matrix. */
    readonly row: number
  }
}

let compiled: WebAssembly.Module | null | undefined

/** The compiled module, or `null` where WebAssembly is unavailable (the search then stays in JavaScript). */
const module = (): WebAssembly.Module | null => {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(moduleBytes())
    } catch {
      compiled = null
    }
  }
  return compiled
}

/** A memory and the instance of the module on it. */
interface Space {
  readonly memory: WebAssembly.Memory
  readonly scan: WasmScan
  readonly scanInt: WasmScan
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
    if (old !== undefined) {
      const have = old.memory.buffer.byteLength / 65536
      if (have < pages) old.memory.grow(pages - have)
      return old
    }
    const memory = new WebAssembly.Memory({ initial: pages })
    const instance = new WebAssembly.Instance(mod, { m: { mem: memory } })
    const { scan, scanInt } = instance.exports as { scan: WasmScan; scanInt: WasmScan }
    const made: Space = { memory, scan, scanInt }
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
  return old !== undefined && old.memory.buffer.byteLength >= 64 + 32 * nc + 4 * nr * nc
}

/** Most bytes of memory asked for: byte addresses are passed as signed 32-bit integers. */
const MAX_BYTES = 2 ** 31 - 65536

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
  const cAt = 8 * Math.ceil((r4cAt + 4 * nc) / 8)
  const size = nr * nc
  if (mod === null || cAt + 8 * size > MAX_BYTES) return null
  // Unless told otherwise, as 32-bit integers while every entry is one
  // (checked as it is copied); otherwise, at the first that is not, as doubles.
  let int = !doubles
  let sp = space(mod, cAt + (int ? 4 : 8) * size)
  if (sp === null) return null
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
  if (!int) {
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
    out: new Float64Array(buffer, 0, 5),
    vd: new Float64Array(buffer, vdAt, 2 * nc),
    path: new Int32Array(buffer, pathAt, nc),
    rest: new Int32Array(buffer, restAt, nc),
    lvl: new Int32Array(buffer, lvlAt, nc),
    row4col: r4c,
    at: { vd: vdAt, path: pathAt, rest: restAt, lvl: lvlAt, row4col: r4cAt, c: cAt, row: (int ? 4 : 8) * nc },
  }
}
