/**
 * A binary heap of bucket indices ordered by a key, the one liquidated first on top: the highest
 * liquidation price among longs (a fall reaches it first), the lowest among shorts.
 */
export class BucketHeap {
  private items: number[] = []

  constructor(
    private readonly keys: readonly number[],
    /** +1: largest key on top; -1: smallest. */
    private readonly order: 1 | -1
  ) {}

  get size(): number {
    return this.items.length
  }

  peek(): number {
    return this.items[0]
  }

  push(bucket: number): void {
    const items = this.items
    items.push(bucket)
    let i = items.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.before(items[i], items[parent])) break
      ;[items[i], items[parent]] = [items[parent], items[i]]
      i = parent
    }
  }

  pop(): number {
    const items = this.items
    const top = items[0]
    const last = items.pop()!
    if (items.length === 0) return top
    items[0] = last
    let i = 0
    for (;;) {
      const left = 2 * i + 1
      const right = left + 1
      let first = i
      if (left < items.length && this.before(items[left], items[first])) first = left
      if (right < items.length && this.before(items[right], items[first])) first = right
      if (first === i) return top
      ;[items[i], items[first]] = [items[first], items[i]]
      i = first
    }
  }

  clear(): void {
    this.items = []
  }

  private before(a: number, b: number): boolean {
    return this.order * (this.keys[a] - this.keys[b]) > 0
  }
}
