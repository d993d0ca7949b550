import { describe, expect, it } from 'vitest'
import {
  decodeWorkspaceFile,
  encodeWorkspaceFile,
  sha256
} from '../../src/renderer/src/workspaces/exportFile'
import { sampleBook, sampleSnapshot } from './workspaceSamples'

const content = () => ({
  name: 'Desk book',
  snapshot: sampleSnapshot(sampleBook(2_000)),
  parts: {
    runResults: { version: 1, value: { shock: -0.08, gains: [NaN, Infinity, -0, 1.5] } },
    view: { version: 1, value: { view: 'book', bins: Uint32Array.of(1, 2, 3) } }
  }
})

const headerOf = (bytes: Uint8Array) => {
  const text = new TextDecoder().decode(bytes.subarray(0, 600))
  return JSON.parse(text.slice(text.indexOf('{'), text.indexOf('}') + 1)) as Record<string, unknown>
}

describe('workspace files', () => {
  it('round-trip exactly, and the same content always hashes the same', async () => {
    const original = content()
    const first = await encodeWorkspaceFile(original, new Date('2026-01-01T00:00:00Z'))
    const decoded = await decodeWorkspaceFile(first.bytes)
    expect(decoded.name).toBe('Desk book')
    expect(decoded.snapshot).toEqual(original.snapshot)
    expect(decoded.parts).toEqual(original.parts)
    const gains = (decoded.parts.runResults.value as { gains: number[] }).gains
    expect(Object.is(gains[2], -0)).toBe(true)
    expect(decoded.contentHash).toBe(first.contentHash)
    expect(headerOf(first.bytes)).toMatchObject({
      formatVersion: 1,
      name: 'Desk book',
      positions: 2_000,
      contentHash: first.contentHash
    })

    // Exported again later, under another name: other header, same content, same hash.
    const again = await encodeWorkspaceFile(
      { ...decoded, name: 'Desk book (2)' },
      new Date('2026-06-01T00:00:00Z')
    )
    expect(again.contentHash).toBe(first.contentHash)
    const bodyStart = (bytes: Uint8Array) => bytes.length - Number(headerOf(bytes).bodyBytes)
    expect(again.bytes.subarray(bodyStart(again.bytes))).toEqual(
      first.bytes.subarray(bodyStart(first.bytes))
    )
    expect(await sha256(first.bytes.subarray(bodyStart(first.bytes)))).toBe(first.contentHash)
  })

  it('refuses a foreign, damaged, truncated or newer file, saying which', async () => {
    const { bytes } = await encodeWorkspaceFile(content())
    const csv = new TextEncoder().encode('id,symbol,side,size\nP1,BTCUSDT,long,1\n')
    await expect(decodeWorkspaceFile(csv)).rejects.toThrow(
      'this is not a Cascade Cockpit workspace file'
    )

    const flipped = bytes.slice()
    flipped[flipped.length - 500] ^= 0x01
    await expect(decodeWorkspaceFile(flipped)).rejects.toThrow(
      'the file is damaged: its content does not match the checksum it was written with'
    )

    await expect(decodeWorkspaceFile(bytes.subarray(0, bytes.length - 10))).rejects.toThrow(
      /the file is damaged: it holds [\d,]+ bytes of content where [\d,]+ were written/
    )

    const text = new TextDecoder('latin1').decode(bytes)
    const newer = new Uint8Array(bytes)
    const at = text.indexOf('"formatVersion":1')
    newer.set(new TextEncoder().encode('"formatVersion":9'), at)
    await expect(decodeWorkspaceFile(newer)).rejects.toThrow(
      'the file was written by a newer version of Cascade Cockpit (format 9)'
    )
  })

  it('refuses a file whose content is intact but is no valid workspace', async () => {
    const broken = content()
    ;(broken.snapshot as { format: number }).format = 7
    const { bytes } = await encodeWorkspaceFile(broken)
    await expect(decodeWorkspaceFile(bytes)).rejects.toThrow(
      /^the file does not hold a valid workspace: format: /
    )
    const repeated = content()
    repeated.snapshot.book.ids[5] = repeated.snapshot.book.ids[4]
    await expect(decodeWorkspaceFile((await encodeWorkspaceFile(repeated)).bytes)).rejects.toThrow(
      `position id "${repeated.snapshot.book.ids[4]}" appears twice`
    )
  })
})
