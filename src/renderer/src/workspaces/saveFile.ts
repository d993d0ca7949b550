/** Hands bytes the renderer made (an exported workspace) to the browser's download. */
export function saveBytes(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(
    new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' })
  )
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // The click has handed the blob to the download; release it once that has started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
