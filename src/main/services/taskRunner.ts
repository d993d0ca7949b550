import type { TaskKind, TaskOutcome, TaskState } from '../../shared/taskTypes'
import { CancelledError } from './cancelledError'

export interface TaskContext {
  signal: AbortSignal
  /** `progress` is 0..1, or null while the amount of work is unknown. */
  report(progress: number | null, detail: string): void
}

export type TaskResult<T> = { status: 'done'; value: T } | Exclude<TaskOutcome, { status: 'done' }>

/** Progress events at most this often: a bar moving 10 times a second looks continuous. */
const REPORT_INTERVAL_MS = 100

/**
 * Runs long jobs one at a time (each replaces the book, so two at once would race), tells the
 * renderer how each is doing, and cancels on request through the job's AbortSignal.
 */
export class TaskRunner {
  private active: { state: TaskState; controller: AbortController } | null = null
  private nextId = 1

  constructor(private readonly publish: (state: TaskState) => void) {}

  async run<T>(
    kind: TaskKind,
    label: string,
    work: (context: TaskContext) => Promise<T>
  ): Promise<TaskResult<T>> {
    if (this.active) {
      const message = `"${this.active.state.label}" is still running: wait for it or cancel it`
      return { status: 'failed', message }
    }
    const controller = new AbortController()
    const started = performance.now()
    const state: TaskState = {
      id: `task-${this.nextId++}`,
      kind,
      label,
      state: 'running',
      progress: null,
      detail: 'starting',
      elapsedMs: 0,
      message: null
    }
    this.active = { state, controller }
    let lastReport = 0
    const send = (): void => {
      state.elapsedMs = performance.now() - started
      this.publish({ ...state })
    }
    send()
    const report = (progress: number | null, detail: string): void => {
      state.progress = progress === null ? null : Math.min(1, Math.max(0, progress))
      state.detail = detail
      const now = performance.now()
      if (now - lastReport < REPORT_INTERVAL_MS) return
      lastReport = now
      send()
    }
    try {
      const value = await work({ signal: controller.signal, report })
      Object.assign(state, { state: 'done', progress: 1, detail: 'done' })
      return { status: 'done', value }
    } catch (error) {
      // Each job throws its own kind of cancellation error; the aborted signal is what they share.
      if (controller.signal.aborted || error instanceof CancelledError) {
        Object.assign(state, { state: 'cancelled', detail: 'cancelled' })
        return { status: 'cancelled' }
      }
      const message = error instanceof Error ? error.message : String(error)
      Object.assign(state, { state: 'failed', detail: 'failed', message })
      return { status: 'failed', message }
    } finally {
      this.active = null
      send()
    }
  }

  cancel(taskId: string): boolean {
    if (!this.active || this.active.state.id !== taskId) return false
    this.active.controller.abort()
    return true
  }

  cancelAll(): void {
    this.active?.controller.abort()
  }
}
