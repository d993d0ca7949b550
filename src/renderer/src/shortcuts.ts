import { onBeforeUnmount, onMounted } from 'vue'

export interface Shortcut {
  /** "Mod+Enter", "Mod+Shift+Z", "Alt+ArrowDown", "?": Mod is Ctrl, or Cmd on a Mac. */
  keys: string
  description: string
  run: () => void
  /** Also while typing in a field (for chords that mean nothing to a text input). */
  inFields?: boolean
}

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform)

function chordOf(event: KeyboardEvent): string {
  const parts: string[] = []
  if (isMac ? event.metaKey : event.ctrlKey) parts.push('Mod')
  if (event.altKey) parts.push('Alt')
  // Shift is part of "?" itself; it only counts as a modifier in chords with Mod or Alt.
  if (event.shiftKey && parts.length > 0) parts.push('Shift')
  const key = event.key.length === 1 ? event.key.toUpperCase() : event.key
  parts.push(event.key === '?' ? '?' : key)
  return parts.join('+')
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('.ag-cell-editor, .ag-popup-editor, .ag-filter') !== null
  )
}

/** Window-wide keyboard shortcuts for the life of the calling component. */
export function useShortcuts(shortcuts: () => Shortcut[]): void {
  const onKey = (event: KeyboardEvent): void => {
    const chord = chordOf(event)
    const shortcut = shortcuts().find(
      (candidate) => candidate.keys.toUpperCase() === chord.toUpperCase()
    )
    if (!shortcut) return
    if (isTyping(event.target) && !shortcut.inFields) return
    event.preventDefault()
    shortcut.run()
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}

/** How a chord is written for the user on this platform. */
export const keyLabel = (keys: string): string =>
  keys
    .replace('Mod', isMac ? '⌘' : 'Ctrl')
    .replace('ArrowDown', '↓')
    .replace('ArrowUp', '↑')
    .replace('Enter', '⏎')
    .replace('Escape', 'Esc')
    .split('+')
    .join(' ')
