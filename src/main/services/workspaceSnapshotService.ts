import type { TierRegistry } from '../../engine/margin/tierRegistry'
import type {
  BookColumns,
  WorkspaceChanges,
  WorkspaceLoadRequest,
  WorkspaceSnapshot
} from '../../shared/workspaceSnapshot'
import type { BookService } from './bookService'
import { WorkspaceChangeTracker } from './workspaceChanges'
import { restoreWorkspace, workspaceProblem } from './workspaceRestore'
import { takeSnapshot } from './workspaceSnapshot'

/** Independent copies of the columns: the loaded book's own arrays change with every edit. */
function copyColumns(columns: BookColumns): BookColumns {
  return {
    ...columns,
    ids: columns.ids.slice(),
    account: columns.account.slice(),
    venue: columns.venue.slice(),
    symbol: columns.symbol.slice(),
    side: columns.side.slice(),
    contract: columns.contract.slice(),
    marginMode: columns.marginMode.slice(),
    size: columns.size.slice(),
    entryPrice: columns.entryPrice.slice(),
    margin: columns.margin.slice(),
    leverage: columns.leverage.slice(),
    mmr: columns.mmr.slice(),
    maintenanceAmount: columns.maintenanceAmount.slice(),
    markPrice: columns.markPrice.slice(),
    accounts: columns.accounts.slice(),
    venues: columns.venues.slice(),
    symbols: columns.symbols.slice(),
    walletBalance: columns.walletBalance.slice()
  }
}

/**
 * The main-process half of workspaces (the renderer stores them, in IndexedDB): hands out the
 * workspace as a snapshot, opens a stored one, and reports edits since the last save for the
 * renderer's delta log.
 */
export class WorkspaceSnapshotService {
  private readonly tracker = new WorkspaceChangeTracker()

  constructor(
    private readonly books: BookService,
    private readonly registry: TierRegistry
  ) {}

  snapshot(): WorkspaceSnapshot {
    const snapshot = takeSnapshot(this.books.current, this.books.currentVersion)
    this.tracker.taken(snapshot.version, snapshot.book, this.books.current.live)
    return snapshot
  }

  /** Opens a stored workspace with its unsaved edits, announced as an `open`. */
  async load({ snapshot, deltas }: WorkspaceLoadRequest): Promise<{ version: number }> {
    const saved = copyColumns(snapshot.book)
    const workspace = await restoreWorkspace(snapshot, deltas, this.registry)
    // Counted from the live book's first revision: edits replayed from the log differ from it.
    this.tracker.reset(saved, workspace.live, 0)
    this.books.replace(workspace, 'open')
    return { version: this.books.currentVersion }
  }

  /** Whether a stored workspace would open, without opening it: the book stays as it is. */
  check(snapshot: WorkspaceSnapshot): { problem: string | null } {
    return { problem: workspaceProblem(snapshot, this.registry) }
  }

  markSaved(version: number): { saved: boolean } {
    return { saved: this.tracker.saved(version) }
  }

  changes(): WorkspaceChanges {
    const current = this.books.current
    return { version: this.books.currentVersion, delta: this.tracker.changes(current.live) }
  }
}
