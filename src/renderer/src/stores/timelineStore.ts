import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { ScenarioRun } from '../../../shared/scenarioRunTypes'
import type { ScenarioInput } from '../../../shared/scenarioSchema'
import {
  runFromSnapshot,
  runSize,
  runToSnapshot,
  type ScenarioSnapshot
} from '../../../shared/scenarioSnapshot'
import { api, userMessage } from '../api'

/** Runs compared on one set of charts, at most. */
export const MAX_COMPARED = 4
/** A snapshot keeps runs up to this many numbers each; bigger ones are re-run from their scenario. */
export const SNAPSHOT_RUN_LIMIT = 300_000
/** Scrubber frames per second while playing. */
const FRAMES_PER_SECOND = 12

/** The point with the most liquidated notional on a market: where the story is. */
export function busiestPoint(run: ScenarioRun, market: number): number {
  const { longNotional, shortNotional } = run.markets[market].series
  let best = 0
  for (let p = 1; p < run.points; p++)
    if (longNotional[p] + shortNotional[p] > longNotional[best] + shortNotional[best]) best = p
  return best
}

/**
 * The detailed path of a scenario on the current book (run in main, as a task), the scrubber
 * that moves through it, and up to four runs pinned to compare on one set of charts.
 */
export const useTimelineStore = defineStore('timeline', () => {
  const result = shallowRef<ScenarioRun | null>(null)
  const compare = shallowRef<ScenarioRun[]>([])
  const running = ref(false)
  const error = ref<string | null>(null)
  const market = ref(0)
  const point = ref(0)
  const playing = ref(false)
  /** Points per frame while playing. */
  const speed = ref(1)
  let player: ReturnType<typeof setInterval> | null = null

  const pinned = computed(
    () => result.value !== null && compare.value.some((run) => run.runId === result.value?.runId)
  )

  async function run(draft: ScenarioInput): Promise<boolean> {
    running.value = true
    error.value = null
    pause()
    try {
      const outcome = await api.runScenario({ scenario: draft as Record<string, unknown> })
      if (outcome.status === 'done') {
        show(outcome.result)
        return true
      }
      if (outcome.status === 'failed') error.value = outcome.message
      if (outcome.status === 'invalid')
        error.value = `the scenario has ${outcome.problems.length} problem${outcome.problems.length === 1 ? '' : 's'}: fix them in the editor`
      return false
    } catch (cause) {
      error.value = userMessage(cause)
      return false
    } finally {
      running.value = false
    }
  }

  function show(next: ScenarioRun): void {
    const keep = result.value?.markets[market.value]?.underlying
    const same = next.markets.findIndex((m) => m.underlying === keep)
    result.value = next
    market.value = same >= 0 ? same : 0
    point.value = busiestPoint(next, market.value)
  }

  function setMarket(index: number): void {
    if (!result.value || index < 0 || index >= result.value.markets.length) return
    market.value = index
  }

  function setPoint(value: number): void {
    const last = (result.value?.points ?? 1) - 1
    point.value = Math.max(0, Math.min(last, Math.round(value)))
  }

  /** Moves the scrubber to the point that holds `step`. */
  function setStep(step: number): void {
    if (result.value) setPoint(Math.floor(step / result.value.stride))
  }

  function play(): void {
    if (!result.value || playing.value) return
    if (point.value >= result.value.points - 1) point.value = 0
    playing.value = true
    player = setInterval(() => {
      const last = (result.value?.points ?? 1) - 1
      setPoint(point.value + speed.value)
      if (point.value >= last) pause()
    }, 1000 / FRAMES_PER_SECOND)
  }

  function pause(): void {
    playing.value = false
    if (player) clearInterval(player)
    player = null
  }

  /** Pins the shown run for comparison; says why not when the list is full. */
  function pin(): string | null {
    const current = result.value
    if (!current || pinned.value) return null
    if (compare.value.length >= MAX_COMPARED)
      return `up to ${MAX_COMPARED} runs can be compared: unpin one first`
    compare.value = [...compare.value, current]
    return null
  }

  function unpin(runId: number): void {
    compare.value = compare.value.filter((run) => run.runId !== runId)
  }

  /** Runs small enough to keep in a workspace, as JSON (see scenarioSnapshot.ts). */
  function snapshotRuns(): Pick<ScenarioSnapshot, 'current' | 'compare'> {
    const small = (run: ScenarioRun): boolean => runSize(run) <= SNAPSHOT_RUN_LIMIT
    return {
      current: result.value && small(result.value) ? runToSnapshot(result.value) : null,
      compare: compare.value.filter(small).map(runToSnapshot)
    } as Pick<ScenarioSnapshot, 'current' | 'compare'>
  }

  function restoreRuns(saved: Pick<ScenarioSnapshot, 'current' | 'compare'>): void {
    pause()
    compare.value = saved.compare.map(runFromSnapshot)
    result.value = null
    if (saved.current) show(runFromSnapshot(saved.current))
  }

  watch(result, () => pause())

  return {
    result,
    compare,
    running,
    error,
    market,
    point,
    playing,
    speed,
    pinned,
    run,
    setMarket,
    setPoint,
    setStep,
    play,
    pause,
    pin,
    unpin,
    snapshotRuns,
    restoreRuns
  }
})
