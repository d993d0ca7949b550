#!/usr/bin/env node
// The `cascade` command: runs the TypeScript CLI through tsx, so no build step stands between a
// fresh clone and the tool.
import { register } from 'tsx/esm/api'

register()
const { runCli, exitQuietlyOnClosedPipe } = await import('../src/cli/main.ts')
exitQuietlyOnClosedPipe()
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr
})
