/** Shorter first, then by text: `p9` before `p10`, `A00001` before `A00002`. */
const comesAfter = (name: string, last: string): boolean =>
  name.length > last.length || (name.length === last.length && name > last)

/**
 * Strings to dense codes (0, 1, 2, ... in insertion order), for the book's ids, accounts, venues
 * and symbols. A million-entry Map<string, number> costs about 0.4 s to fill; open addressing over
 * an Int32Array with FNV-1a hashes fills in a fraction of that and holds no per-entry objects.
 *
 * Most books list ids and accounts in order (P0000001, P0000002, ...), and a name after every name
 * so far cannot be in the index: while names come in that order (shorter first, then by text) no
 * table is kept at all. The first lookup of a name out of order builds it from the names so far.
 */
export class StringIndex {
  readonly names: string[] = []
  /** Null while every name came in order: the table is built when one does not. */
  private slots: Int32Array | null = null
  private mask = 0
  /** Each name's hash, by code: a grow re-slots without re-hashing a million strings. */
  private hashes = new Int32Array(32)
  /**
   * The name looked up last and its code: books come in runs (an account's rows together, one
   * venue string for all its rows), and a repeat then costs one comparison, not a hash.
   */
  private lastName: string | null = null
  private lastCode = -1

  get size(): number {
    return this.names.length
  }

  /** The code of `name`, or undefined. */
  get(name: string): number | undefined {
    if (name === this.lastName) return this.lastCode
    if (this.slots === null && this.isNew(name)) return undefined
    const slots = this.table()
    const code = slots[this.find(slots, name, hash(name))] - 1
    if (code < 0) return undefined
    this.remember(name, code)
    return code
  }

  has(name: string): boolean {
    return this.get(name) !== undefined
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
    if (this.slots === null && this.isNew(name)) return this.append(name)
    const slots = this.table()
    const h = hash(name)
    const slot = this.find(slots, name, h)
    const known = slots[slot] - 1
    if (known >= 0) {
      this.remember(name, known)
      return -1 - known
    }
    const code = this.append(name)
    this.hashes[code] = h
    slots[slot] = code + 1
    if (this.names.length * 2 > slots.length) this.grow()
    return code
  }

  /**
   * Forgets the name added last (an id taken for a row the book then refused). Clearing its
   * slot breaks no probe sequence: every other name was placed before that slot was taken, so
   * none of them probed past it. While names are in order, the one before it is the greatest.
   */
  removeLast(): void {
    const code = this.names.length - 1
    if (code < 0) return
    const name = this.names[code]
    if (this.slots !== null) this.slots[this.find(this.slots, name, this.hashes[code])] = 0
    this.names.pop()
    if (this.lastCode === code) this.lastName = null
  }

  /**
   * Builds the hash table now, if names have come in order so far: a book about to be edited
   * looks names up out of order, and the first lookup should not pay for a million names.
   */
  prepareLookups(): void {
    this.table()
  }

  /** While names are in order: whether `name` comes after all of them, so it is not one. */
  private isNew(name: string): boolean {
    const count = this.names.length
    return count === 0 || comesAfter(name, this.names[count - 1])
  }

  private append(name: string): number {
    const code = this.names.length
    this.names.push(name)
    if (code === this.hashes.length) {
      const hashes = new Int32Array(code * 2)
      hashes.set(this.hashes)
      this.hashes = hashes
    }
    this.remember(name, code)
    return code
  }

  private remember(name: string, code: number): void {
    this.lastName = name
    this.lastCode = code
  }

  /** The hash table, built from the names so far the first time it is needed. */
  private table(): Int32Array {
    if (this.slots !== null) return this.slots
    for (let code = 0; code < this.names.length; code++) this.hashes[code] = hash(this.names[code])
    this.slots = new Int32Array(64)
    this.mask = 63
    this.grow()
    return this.slots
  }

  private find(slots: Int32Array, name: string, h: number): number {
    let slot = h & this.mask
    for (;;) {
      const code = slots[slot] - 1
      if (code < 0 || (this.hashes[code] === h && this.names[code] === name)) return slot
      slot = (slot + 1) & this.mask
    }
  }

  /** Re-slots every name in a table at least four times their number. */
  private grow(): void {
    let size = this.slots!.length
    // Quadrupling halves the rehashing a million-entry index does on its way up.
    do size *= 4
    while (this.names.length * 2 > size)
    const slots = new Int32Array(size)
    const mask = size - 1
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
