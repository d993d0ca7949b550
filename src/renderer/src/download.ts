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

export function saveText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  saveUrl(url, fileName)
  // The click has handed the blob to the download; release it once that has started.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export function saveDataUrl(dataUrl: string, fileName: string): void {
  saveUrl(dataUrl, fileName)
}
