import { vi, type Mock } from 'vitest'
import { API_METHODS, type ApiMethod, type EventChannel } from '../../src/shared/channels'
import type { EventPayloads } from '../../src/shared/contract'

export type FakeApi = { [M in ApiMethod]: Mock } & {
  on: Mock
  /** Delivers an event from "main" to every subscribed listener. */
  emit<E extends EventChannel>(event: E, payload: EventPayloads[E]): void
  /** Forgets every subscription, as a fresh renderer would start. */
  forgetListeners(): void
}

/** A stand-in for `window.cockpit`: every call a mock, events delivered by hand. */
export function createFakeApi(): FakeApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const api = Object.fromEntries(
    (Object.keys(API_METHODS) as ApiMethod[]).map((method) => [method, vi.fn()])
  ) as unknown as FakeApi
  api.on = vi.fn((event: string, listener: (payload: unknown) => void) => {
    let set = listeners.get(event)
    if (!set) listeners.set(event, (set = new Set()))
    set.add(listener)
    return () => set.delete(listener)
  })
  api.emit = (event, payload) => {
    for (const listener of listeners.get(event) ?? []) listener(payload)
  }
  api.forgetListeners = () => listeners.clear()
  return api
}
