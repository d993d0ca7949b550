import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef } from 'vue'
import type { BookChange } from '../../../shared/contract'
import type { ImpactChoice, ImpactDefaults, ImpactKind } from '../../../shared/impactChoice'
import type { CascadeResult, GainResult, SweepResult } from '../../../shared/simulationTypes'
import type { MarketInfo } from '../../../shared/workspaceInfo'
import { api, userMessage } from '../api'

/** The amplification curve spans shocks up to 30%, in half-percent steps. */
const SWEEP_REACH = 0.3
const SWEEP_STEP = 0.005
/** Gain is profiled far enough each way to shade any heatmap range the user picks. */
const GAIN_SPAN = 0.6
const GAIN_STEP = 0.005

/**
 * The what-if: a shock on one market, a liquidity model with its parameters, and what the run
 * gave back (rounds, headline numbers, amplification curve, runaway zones). A result always
 * matches the book it was run on: when the book changes, the last run is run again.
 */
export const useCascadeStore = defineStore('cascade', () => {
  const underlying = ref('')
  const shock = ref(-0.08)
  const kind = ref<ImpactKind>('linear')
  const params = reactive({
    linear: { depthPerPercent: 10e6 },
    sqrt: { dailyVolume: 1e9, dailyVolatility: 0.03, coefficient: 0.7 },
    amm: { baseReserve: 1_000 }
  })
  const defaults = shallowRef<ImpactDefaults | null>(null)
  /** The curve's critical shock: the first whose cascade adds this much move on its own. */
  const criticalMove = ref(0.01)
  const result = shallowRef<CascadeResult | null>(null)
  const sweep = shallowRef<SweepResult | null>(null)
  const gain = shallowRef<GainResult | null>(null)
  const running = ref(false)
  const error = ref<string | null>(null)
  const lastInputs = ref<string | null>(null)
  let rerunWanted = false

  const choice = computed<ImpactChoice>(() => {
    if (kind.value === 'linear') return { kind: 'linear', ...params.linear }
    if (kind.value === 'sqrt') return { kind: 'sqrt', ...params.sqrt }
    if (kind.value === 'amm') return { kind: 'amm', ...params.amm }
    return { kind: 'book' }
  })
  const inputs = computed(() =>
    JSON.stringify([underlying.value, shock.value, choice.value, criticalMove.value])
  )
  /** The controls no longer match what the shown result was run with. */
  const stale = computed(() => result.value !== null && lastInputs.value !== inputs.value)

  /** Switches to a market and its default liquidity model. */
  function useMarket(market: MarketInfo): void {
    underlying.value = market.underlying
    defaults.value = market.impact
    kind.value = market.impact.kind
    Object.assign(params.linear, market.impact.linear)
    Object.assign(params.sqrt, market.impact.sqrt)
    Object.assign(params.amm, market.impact.amm)
  }

  function setShock(value: number): void {
    shock.value = Math.min(0.5, Math.max(-0.5, Math.round(value * 10_000) / 10_000))
  }

  async function run(): Promise<void> {
    if (!underlying.value) return
    if (running.value) {
      rerunWanted = true
      return
    }
    running.value = true
    error.value = null
    const ran = inputs.value
    const market = underlying.value
    const impact = choice.value
    try {
      // The run first, so its numbers and the heatmap's final price show without waiting for
      // the curve, which is many runs.
      result.value = await api.runCascade({ underlying: market, shock: shock.value, impact })
      lastInputs.value = ran
      const [curve, profile] = await Promise.all([
        api.sweepShocks({
          underlying: market,
          impact,
          direction: shock.value > 0 ? 'rise' : 'fall',
          reach: SWEEP_REACH,
          step: SWEEP_STEP,
          threshold: { kind: 'endogenous-move', value: criticalMove.value }
        }),
        api.gainProfile({ underlying: market, impact, span: GAIN_SPAN, step: GAIN_STEP })
      ])
      sweep.value = curve
      gain.value = profile
    } catch (cause) {
      error.value = userMessage(cause)
    } finally {
      running.value = false
    }
    if (rerunWanted) {
      rerunWanted = false
      await run()
    }
  }

  /** An edited book is run again; a new one (opened or imported) may not even have this
   * market, so the shell picks one then. */
  function follow(change: BookChange): void {
    if (result.value && change.reason !== 'open' && change.reason !== 'import') void run()
  }

  return {
    underlying,
    shock,
    kind,
    params,
    defaults,
    criticalMove,
    result,
    sweep,
    gain,
    running,
    error,
    choice,
    stale,
    useMarket,
    setShock,
    run,
    follow
  }
})
