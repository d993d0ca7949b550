/** Summaries of a running Monte Carlo at most this often. */
const INTERVAL_MS = 1000
/** ...and never taking more than this share of the time, since the paths wait while main summarises. */
const MAX_SHARE = 0.1

/**
 * When to summarise a running Monte Carlo for the renderer: about once a second, less often
 * when a summary is costly (a fan chart over many steps and paths), so the workers are not kept
 * waiting for main.
 */
export class PartialSummaries {
  private last = performance.now()
  private gap = INTERVAL_MS

  due(): boolean {
    return performance.now() - this.last >= this.gap
  }

  timed(summarise: () => void): void {
    const started = performance.now()
    summarise()
    const cost = performance.now() - started
    this.last = performance.now()
    this.gap = Math.max(INTERVAL_MS, cost / MAX_SHARE)
  }
}
