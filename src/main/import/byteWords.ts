/** Distinct spellings kept; past this, cells are read as text each time. */
const MAX_WORDS = 4096
const SLOT_BITS = 13
/** Twice MAX_WORDS, so probes stay short. */
const SLOTS = 1 << SLOT_BITS

/**
 * What the short cells of a column stand for (a side, a venue, a symbol), remembered by their
 * bytes: a million rows repeat a handful of spellings, and looking the bytes up costs less than
 * making a string of them each time. `read` works out a spelling's value from its text once.
 */
export class ByteWords<T> {
  private readonly words: Uint8Array[] = []
  private readonly values: T[] = []
  private readonly slots = new Int32Array(SLOTS)

  constructor(private readonly read: (text: string) => T) {}

  /** The value of the ASCII cell `bytes[start, end)`. */
  valueAt(bytes: Buffer, start: number, end: number): T {
    // Length and three bytes tell a column's few spellings apart; the comparison settles the rest.
    const length = end - start
    const key =
      length === 0
        ? 0
        : (length << 24) ^
          (bytes[start] << 16) ^
          (bytes[start + (length >> 1)] << 8) ^
          bytes[end - 1]
    // The top bits of a multiplicative hash, kept a small integer (no unsigned arithmetic).
    let slot = Math.imul(key, 0x9e3779b1) >>> (32 - SLOT_BITS)
    for (;;) {
      const code = this.slots[slot] - 1
      if (code < 0) break
      if (sameBytes(this.words[code], bytes, start, end)) return this.values[code]
      slot = (slot + 1) & (SLOTS - 1)
    }
    const value = this.read(bytes.toString('latin1', start, end))
    if (this.words.length < MAX_WORDS) {
      // A copy: Buffer.slice would share the read buffer, which the next chunk overwrites.
      this.words.push(new Uint8Array(bytes.subarray(start, end)))
      this.values.push(value)
      this.slots[slot] = this.words.length
    }
    return value
  }
}

function sameBytes(word: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  if (word.length !== end - start) return false
  for (let i = 0; i < word.length; i++) if (word[i] !== bytes[start + i]) return false
  return true
}
