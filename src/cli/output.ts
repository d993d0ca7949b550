import type { Writable } from 'node:stream'

const CHUNK = 1 << 20

/** Buffered text output that respects backpressure, so a million-line answer streams out. */
export class Output {
  private buffer: string[] = []
  private size = 0

  constructor(private readonly stream: Writable) {}

  async line(text = ''): Promise<void> {
    this.buffer.push(text, '\n')
    this.size += text.length + 1
    if (this.size >= CHUNK) await this.flush()
  }

  async flush(): Promise<void> {
    if (this.size === 0) return
    const chunk = this.buffer.join('')
    this.buffer = []
    this.size = 0
    if (!this.stream.write(chunk))
      await new Promise<void>((resolve) => this.stream.once('drain', resolve))
  }
}

export interface CliIo {
  stdout: Writable
  stderr: Writable
}
