import type { EventChannel } from '../../src/shared/channels'
import type { EventPayloads } from '../../src/shared/contract'
import { createHandlers, type HandlerTable } from '../../src/main/handlers'
import { createServices, type Services } from '../../src/main/services/services'

export interface Booted {
  services: Services
  handlers: HandlerTable
  events: { event: EventChannel; payload: EventPayloads[EventChannel] }[]
}

/** The main process without Electron: services on the sample workspace, their handler table. */
export async function bootMain(): Promise<Booted> {
  const events: Booted['events'] = []
  const services = await createServices({
    emit: (event, payload) => events.push({ event, payload })
  })
  return { services, handlers: createHandlers(services, '9.9.9'), events }
}
