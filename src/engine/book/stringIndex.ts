/**
 * Strings to dense codes (0, 1, 2, ... in insertion order), for the book's ids, accounts, venues
 * and symbols. A million-entry Map<string, number> costs about 0.4 s to fill; open addressing over
 * an Int32Array with FNV-1a hashes fills in a fraction of that and holds no per-entry objects.
 */
export class StringIndex {
  readonly names: string[] = []
  private slots = new Int32Array(64)
  private mask = 63
  /** Each name's hash, by code: a grow re-slots without re-hashing a million strings. */
  private hashes = new Int32Array(32)

  get size(): number {
    return this.names.length
  }

  /**
   * The name looked up last and its code: books come in runs (an account's rows together, one
   * venue string for all its rows), and a repeat then costs one comparison, not a hash.
   */
  private lastName: string | null = null
  private lastCode = -1

  /** The code of `name`, or undefined. */
  get(name: string): number | undefined {
    if (name === this.lastName) return this.lastCode
    const code = this.slots[this.find(name, hash(name))] - 1
    if (code < 0) return undefined
    this.remember(name, code)
    return code
  }

  private remember(name: string, code: number): void {
    this.lastName = name
    this.lastCode = code
  }

  has(name: string): boolean {
    return this.slots[this.find(name, hash(name))] !== 0
  }

  /** The code of `name`, adding it when new. */
  intern(name: string): number {
    const added = this.tryAdd(name)
    return added >= 0 ? added : -1 - added
  }

  /**
   * Adds `name` and returns its new code, or returns -1 - its code when it is already in: one
   * probe for what `has` then `intern` would do in two.
   */
  tryAdd(name: string): number {
    if (name === this.lastName) return -1 - this.lastCode
    const h = hash(name)
    const slot = this.find(name, h)
    const known = this.slots[slot] - 1
    if (known >= 0) {
      this.remember(name, known)
      return -1 - known
    }
    const code = this.names.length
    this.names.push(name)
    if (code === this.hashes.length) {
      const hashes = new Int32Array(code * 2)
      hashes.set(this.hashes)
      this.hashes = hashes
    }
    this.hashes[code] = h
    this.slots[slot] = code + 1
    this.remember(name, code)
    if (this.names.length * 2 > this.slots.length) this.grow()
    return code
  }

  /**
   * Forgets the name added last (an id taken for a row the book then refused). Clearing its
   * slot breaks no probe sequence: every other name was placed before that slot was taken, so
   * none of them probed past it.
   */
  removeLast(): void {
    const code = this.names.length - 1
    if (code < 0) return
    const name = this.names[code]
    this.slots[this.find(name, this.hashes[code])] = 0
    this.names.pop()
    if (this.lastCode === code) this.lastName = null
  }

  private find(name: string, h: number): number {
    let slot = h & this.mask
    for (;;) {
      const code = this.slots[slot] - 1
      if (code < 0 || (this.hashes[code] === h && this.names[code] === name)) return slot
      slot = (slot + 1) & this.mask
    }
  }

  private grow(): void {
    // Quadrupling halves the rehashing a million-entry index does on its way up.
    const slots = new Int32Array(this.slots.length * 4)
    const mask = slots.length - 1
    for (let code = 0; code < this.names.length; code++) {
      let slot = this.hashes[code] & mask
      while (slots[slot] !== 0) slot = (slot + 1) & mask
      slots[slot] = code + 1
    }
    this.slots = slots
    this.mask = mask
  }
}

function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h | 0
}
