/** Saves what the renderer made (a chart image, a CSV) through the browser's download. */
function saveUrl(url: string, fileName: string): void {
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  saveUrl(url, fileName)
  // The click has handed the blob to the download; release it once that has started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

export function saveText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  saveBlob(new Blob([text], { type }), fileName)
}

/** Bytes the renderer made, such as an exported workspace. */
export function saveBytes(bytes: Uint8Array, fileName: string): void {
  saveBlob(
    new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
    fileName
  )
}

export function saveDataUrl(dataUrl: string, fileName: string): void {
  saveUrl(dataUrl, fileName)
}
