// A string-keyed index for finding the same person twice in a file: tens of thousands of keys
// (số lý lịch, số thẻ, CCCD, họ tên + ngày sinh) are looked up and added once per row. V8's Map
// did this at about 0.15 s per 50,000 rows, most of it in growing its tables and in the garbage
// collector walking them across a heap that also holds the whole sheet; here the table is a
// typed array (not walked by the collector) over one plain array of keys and one of values.

const EMPTY = -1

/** FNV-1a over the UTF-16 code units: cheap, and good enough for open addressing. */
function hashOf(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h | 0
}

export class KeyIndex<V> {
  private keys: string[] = []
  private values: V[] = []
  /** The hash of each key, by position (kept to grow without hashing again). */
  private hashes = new Int32Array(512)
  /** Open addressing with linear probing, at most half full: the position in keys/values, or EMPTY. */
  private slots = new Int32Array(1024).fill(EMPTY)

  get size(): number {
    return this.keys.length
  }

  get(key: string): V | undefined {
    const i = this.find(key, hashOf(key))
    return i === EMPTY ? undefined : this.values[i]
  }

  /** Adds the key, or replaces its value. */
  set(key: string, value: V): void {
    const h = hashOf(key)
    const i = this.find(key, h)
    if (i !== EMPTY) {
      this.values[i] = value
      return
    }
    const at = this.keys.length
    if (at === this.hashes.length) this.grow()
    this.keys.push(key)
    this.values.push(value)
    this.hashes[at] = h
    this.place(h, at)
  }

  private find(key: string, h: number): number {
    const mask = this.slots.length - 1
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const i = this.slots[s]
      if (i === EMPTY) return EMPTY
      if (this.hashes[i] === h && this.keys[i] === key) return i
    }
  }

  private place(h: number, at: number): void {
    const mask = this.slots.length - 1
    let s = h & mask
    while (this.slots[s] !== EMPTY) s = (s + 1) & mask
    this.slots[s] = at
  }

  private grow(): void {
    const hashes = new Int32Array(this.hashes.length * 2)
    hashes.set(this.hashes)
    this.hashes = hashes
    this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY)
    for (let i = 0; i < this.keys.length; i++) this.place(hashes[i], i)
  }
}
