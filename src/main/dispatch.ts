import { z } from 'zod'
import { invokeRequestSchemas, type InvokeChannel } from '../shared/contract'
import type { HandlerTable } from './handlers'

export const isInvokeChannel = (name: string): name is InvokeChannel =>
  Object.hasOwn(invokeRequestSchemas, name)

/**
 * Validates a request against its channel's schema and runs the handler: the one entry point
 * for ipcMain and the test harness alike, so both refuse exactly the same payloads.
 */
export async function dispatch(
  handlers: HandlerTable,
  channel: InvokeChannel,
  payload: unknown
): Promise<unknown> {
  const parsed = invokeRequestSchemas[channel].safeParse(payload)
  if (!parsed.success)
    throw new Error(`${channel}: invalid request: ${z.prettifyError(parsed.error)}`)
  const handler = handlers[channel] as (request: unknown) => Promise<unknown>
  return handler(parsed.data)
}
