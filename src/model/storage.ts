/**
 * The storage of a model being built: growable typed arrays on shared memory
 * (where `SharedArrayBuffer` exists), whose built arrays are views of it, and
 * the room past a built model's entries that a solver may lease to append
 * rows (the priced core's cuts) without copying every entry.
 *
 * @module
 */
/** Where `SharedArrayBuffer` exists (Node; isolated browser pages). @internal */
export const SHARED = typeof SharedArrayBuffer === 'function'

/**
 * A growable typed array: `data[0 … length − 1]` in use. Its storage is
 * shared memory where `SharedArrayBuffer` exists, so that the built array is
 * a view of it, not a copy: a HiGHS worker reads the model's arrays without a
 * copy of its own (at 5,000 cadres ≈ 115 MB less), and building leaves no
 * second copy of a large model behind for the garbage collector (10,000
 * cadres: ≈ 450 MB less at the solve's peak). Room reserved beyond what is
 * used costs address space only where the system commits the pages of a
 * large zeroed allocation when first written (Linux and macOS; Windows
 * charges it to the commit limit, though not to the working set). Once
 * {@link done}, the next write copies first, so a built model never changes.
 * @internal
 */
export class Grow<T extends Float64Array | Int32Array | Uint8Array> {
  length = 0
  /** `data` backs a built array: copy before writing. */
  private built = false
  data: T

  constructor(
    private readonly Ctor: {
      new (buffer: ArrayBufferLike, offset?: number, length?: number): T
      new (n: number): T
      readonly BYTES_PER_ELEMENT: number
    },
    size: number,
  ) {
    this.data = this.alloc(size)
  }

  private alloc(size: number): T {
    return SHARED
      ? new this.Ctor(new SharedArrayBuffer(size * this.Ctor.BYTES_PER_ELEMENT))
      : new this.Ctor(size)
  }

  push(v: number): void {
    if (this.length === this.data.length || this.built) this.reserve(1)
    this.data[this.length++] = v
  }

  /** Room for `more` entries, and `data` writable (0: only writable). */
  reserve(more: number): void {
    const need = this.length + more
    if (need <= this.data.length && !this.built) return
    const next = this.alloc(
      need <= this.data.length ? this.data.length : Math.max(need, this.data.length * 2, 16),
    )
    next.set(this.data.subarray(0, this.length))
    this.data = next
    this.built = false
  }

  /** The array in use: a view of the storage (shared memory), else a copy of its final length. */
  done(): T {
    if (!SHARED) return this.data.slice(0, this.length) as T
    this.built = true
    return this.data.subarray(0, this.length) as T
  }
}

/**
 * The room past the entries of the models a `MilpBuilder` built on
 * shared memory, by their `rowIndex`: its `rowValue` (the pair must match)
 * and a lease word on shared memory, one per storage. Nothing but the holder
 * of the lease ever writes past a built model's entries (the builder copies
 * before its next write), so a solver holding it may append rows there — the
 * priced core's rounds of cuts — instead of copying every entry.
 */
const entryRoom = new WeakMap<Int32Array, { readonly value: Float64Array; readonly lease: Int32Array }>()

/**
 * The lease word of the room past `m`'s entries (0: free; a holder sets it
 * to 1 with `Atomics.compareExchange` and back to 0 when done), or `null`
 * when `m`'s entries are not a builder's own on shared memory. @internal
 */
export function entryLease(m: {
  readonly rowIndex: Int32Array
  readonly rowValue: Float64Array
}): Int32Array | null {
  const room = entryRoom.get(m.rowIndex)
  return room !== undefined && room.value === m.rowValue ? room.lease : null
}

/**
 * Offers the room past `rowIndex`'s and `rowValue`'s entries (views of a
 * builder's shared storage) under the lease word `lease`. @internal
 */
export function offerRoom(rowIndex: Int32Array, rowValue: Float64Array, lease: Int32Array): void {
  entryRoom.set(rowIndex, { value: rowValue, lease })
}
