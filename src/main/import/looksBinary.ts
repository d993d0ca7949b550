/** Line breaks, tabs and form feeds belong in text; other C0 controls do not. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d])
const REPLACEMENT_CHARACTER = 0xfffd
const DELETE = 0x7f
/**
 * Text, even in a legacy 8-bit encoding, stays far below this share of suspicious characters;
 * compressed or executable data (an .xlsx workbook, a zip) lands far above it.
 */
const BINARY_SHARE = 0.1

/** Whether bytes from the start of a file are binary data rather than UTF-8 text. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return true
  const text = new TextDecoder().decode(bytes)
  let suspicious = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const control = (code < 0x20 && !TEXT_CONTROLS.has(code)) || code === DELETE
    if (control || code === REPLACEMENT_CHARACTER) suspicious++
  }
  return suspicious > text.length * BINARY_SHARE
}
