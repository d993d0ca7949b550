import { describe, expect, it } from 'vitest'
import { createHandlers } from '../../src/main/handlers'
import { invokeRequestSchemas } from '../../src/shared/contract'

describe('main-process handler table', () => {
  it('answers app:info with the app and engine versions', async () => {
    const handlers = createHandlers('9.9.9')
    const info = await handlers['app:info'](undefined)
    expect(info).toEqual({
      name: 'Cascade Cockpit',
      version: '9.9.9',
      engineVersion: expect.any(String)
    })
  })

  it('has a request schema for every handler and rejects a payload where none is expected', () => {
    expect(Object.keys(createHandlers('1')).sort()).toEqual(
      Object.keys(invokeRequestSchemas).sort()
    )
    expect(invokeRequestSchemas['app:info'].safeParse({ sneaky: true }).success).toBe(false)
  })
})
