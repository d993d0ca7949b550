/** Lets IPC, progress events and a cancel request through between chunks of long work. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
