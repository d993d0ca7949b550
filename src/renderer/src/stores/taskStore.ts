import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { TaskState } from '../../../shared/taskTypes'
import { api, userMessage } from '../api'

/** Long jobs in main as the status bar shows them: the running one, and how the last one ended. */
export const useTaskStore = defineStore('tasks', () => {
  const latest = ref<TaskState | null>(null)
  const error = ref<string | null>(null)
  const running = computed(() => (latest.value?.state === 'running' ? latest.value : null))

  async function cancel(): Promise<boolean> {
    const task = running.value
    if (!task) return false
    try {
      return (await api.cancelTask({ taskId: task.id })).cancelled
    } catch (cause) {
      error.value = userMessage(cause)
      return false
    }
  }

  async function openSample(rows: number): Promise<void> {
    const outcome = await api.openSample({ rows })
    error.value = outcome.status === 'failed' ? outcome.message : null
  }

  api.on('app:task', (state) => {
    latest.value = state
  })

  return { latest, running, error, cancel, openSample }
})
