import { StringIndex } from '../book/stringIndex'

/** Shorter first, then by text: `p9` before `p10`, `P0000001` before `P0000002`. */
const comesAfter = (id: string, last: string): boolean =>
  id.length > last.length || (id.length === last.length && id > last)

/**
 * The ids a book has taken, checked for repeats. Most files list their ids in order (P0000001,
 * P0000002, ... or p9, p10), and an id after every id before it cannot repeat one: while ids come
 * in that order nothing is hashed. The first id out of order builds the index of every id taken so
 * far, and each id after it is looked up there. Codes are the order ids were taken in, as in a
 * StringIndex, so `taken` (the book's ids, appended as they are taken) is the only copy of them.
 */
export class IdRegister {
  private index: StringIndex | null = null
  /** The greatest id taken, while all came in order, and the one before it for a give-back. */
  private last: string | null = null
  private beforeLast: string | null = null

  constructor(private readonly taken: readonly string[]) {}

  /** Takes `id`: returns its new code, or -1 - the code of the same id taken before. */
  take(id: string): number {
    if (this.index === null) {
      if (this.last === null || comesAfter(id, this.last)) {
        this.beforeLast = this.last
        this.last = id
        return this.taken.length
      }
      this.index = new StringIndex()
      for (const name of this.taken) this.index.tryAdd(name)
    }
    return this.index.tryAdd(id)
  }

  /** Gives back the id taken last, which its row did not keep. */
  giveBack(): void {
    if (this.index !== null) this.index.removeLast()
    else this.last = this.beforeLast
  }
}
