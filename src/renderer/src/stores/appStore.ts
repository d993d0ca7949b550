import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { AppInfo } from '../../../shared/contract'
import type { WorkspaceInfo } from '../../../shared/workspaceInfo'
import { api, userMessage } from '../api'

export type ViewName =
  | 'cockpit'
  | 'book'
  | 'heatmap'
  | 'cascade'
  | 'import'
  | 'scenario'
  | 'timeline'
  | 'montecarlo'
  | 'workspaces'
export type Theme = 'dark' | 'light'

export const VIEWS: { name: ViewName; label: string }[] = [
  { name: 'cockpit', label: 'Cockpit' },
  { name: 'book', label: 'Book' },
  { name: 'heatmap', label: 'Heatmap' },
  { name: 'cascade', label: 'Cascade' },
  { name: 'import', label: 'Import' },
  { name: 'scenario', label: 'Scenario' },
  { name: 'timeline', label: 'Timeline' },
  { name: 'montecarlo', label: 'Monte Carlo' },
  { name: 'workspaces', label: 'Workspaces' }
]

const THEME_KEY = 'cascade-cockpit.theme'

/** The shell's state: which app and workspace, which view, which theme. */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)
  const workspace = ref<WorkspaceInfo | null>(null)
  const error = ref<string | null>(null)
  const view = ref<ViewName>('cockpit')
  const theme = ref<Theme>(localStorage.getItem(THEME_KEY) === 'light' ? 'light' : 'dark')
  const shortcutsOpen = ref(false)

  const markets = computed(() => workspace.value?.markets ?? [])

  async function load(): Promise<void> {
    try {
      ;[info.value, workspace.value] = await Promise.all([api.appInfo(), api.workspace()])
      error.value = null
    } catch (cause) {
      error.value = userMessage(cause)
    }
  }

  async function refreshWorkspace(): Promise<void> {
    try {
      workspace.value = await api.workspace()
    } catch (cause) {
      error.value = userMessage(cause)
    }
  }

  function toggleTheme(): void {
    theme.value = theme.value === 'dark' ? 'light' : 'dark'
  }

  watch(
    theme,
    (value) => {
      document.documentElement.dataset.theme = value
      localStorage.setItem(THEME_KEY, value)
    },
    { immediate: true }
  )

  return {
    info,
    workspace,
    error,
    view,
    theme,
    shortcutsOpen,
    markets,
    load,
    refreshWorkspace,
    toggleTheme
  }
})
