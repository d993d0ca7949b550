/**
 * What a workspace holds besides its book: scenarios, run results, UI state. Each is a part
 * owned by the store that knows it, stored as versioned JSON-like data (typed arrays allowed).
 * A store plugs in by registering a part; the workspace store never reaches into its state.
 */
export interface PartRecord {
  version: number
  value: unknown
}

export type StoredParts = Record<string, PartRecord>

export interface WorkspacePart {
  key: string
  version: number
  /** The part's current state, as plain data (no reactive proxies). */
  capture(): unknown
  /**
   * Puts a stored value back, of this or an older version (the part reads its own history).
   * Returns why it could not, or null.
   */
  restore(value: unknown, version: number): string | null
  /** Read inside a watcher: changes when the part does, so autosave notices. */
  track(): unknown
  /**
   * Shows the saved state at once, while main is still loading the book it belongs to (a
   * million positions take seconds to move). Only called when the book opens as it was saved.
   */
  preview?(value: unknown): void
}

export class WorkspaceParts {
  private readonly parts = new Map<string, WorkspacePart>()

  register(part: WorkspacePart): void {
    if (this.parts.has(part.key)) throw new Error(`workspace part ${part.key} registered twice`)
    this.parts.set(part.key, part)
  }

  get all(): WorkspacePart[] {
    return [...this.parts.values()]
  }

  capture(): StoredParts {
    return Object.fromEntries(
      this.all.map((part) => [part.key, { version: part.version, value: part.capture() }])
    )
  }

  preview(stored: StoredParts): void {
    for (const part of this.all) {
      const record = stored[part.key]
      if (record && record.version === part.version) part.preview?.(record.value)
    }
  }

  /** Restores every stored part this app knows; returns one message per part it could not. */
  restore(stored: StoredParts): string[] {
    const problems: string[] = []
    for (const part of this.all) {
      const record = stored[part.key]
      if (!record) continue
      if (record.version > part.version) {
        problems.push(`${part.key}: saved by a newer version of the app (${record.version})`)
        continue
      }
      const problem = part.restore(record.value, record.version)
      if (problem) problems.push(`${part.key}: ${problem}`)
    }
    return problems
  }
}
