/**
 * `npm run harness`: the app in any browser on this machine, backed by the real main-process
 * code. Build first (`npm run build`); the printed URL carries this run's token.
 */
import { startHarness } from './harnessServer'

const harness = await startHarness()
console.log(`Cascade Cockpit harness: open ${harness.url}`)
console.log('Ctrl+C to stop.')
const stop = (): void => {
  void harness.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
