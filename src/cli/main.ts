import { CliError } from './cliError'
import type { Command } from './command'
import { estimateCommand } from './commands/estimate'
import { liqCommand } from './commands/liq'
import { runCommand } from './commands/run'
import { sampleCommand } from './commands/sample'
import { shockCommand } from './commands/shock'
import { sweepCommand } from './commands/sweep'
import { parseCommandArgs } from './args'
import type { CliIo } from './output'

const COMMANDS: readonly Command[] = [
  sampleCommand,
  liqCommand,
  shockCommand,
  sweepCommand,
  runCommand,
  estimateCommand
]

/** Errors that describe the user's input, not a bug: shown as one line, exit code 1. */
const USER_ERRORS = new Set([
  'CliError',
  'ImportFileError',
  'TierTableError',
  'DepthSnapshotError',
  'ImpactModelError',
  'CascadeInputError',
  'LendingError',
  'HeatmapError',
  'BookError',
  'ZodError'
])
const FILE_ERRORS = new Set(['ENOENT', 'EACCES', 'EISDIR', 'ENOTDIR', 'EPERM'])

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return `cascade: leverage-liquidation cascades from the command line

usage: cascade <command> [options]    (npm run cli -- <command> [options])

${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Every command that reads a book takes FILE or --sample; cascade <command> --help lists its options.
Example: cascade shock --sample --shock -8%`
}

function userMessage(error: unknown): string | null {
  if (!(error instanceof Error)) return null
  if (USER_ERRORS.has(error.name)) return error.message.split('\n')[0]
  const code = (error as NodeJS.ErrnoException).code
  if (code && FILE_ERRORS.has(code)) {
    const path = (error as NodeJS.ErrnoException).path ?? ''
    const what = {
      ENOENT: 'no such file',
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      EISDIR: 'is a folder, not a file',
      ENOTDIR: 'not a folder'
    }[code]
    return `cannot read ${path}: ${what}`
  }
  return null
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${overview()}\n`)
    return name === undefined ? 1 : 0
  }
  const command = COMMANDS.find((c) => c.name === name)
  try {
    if (!command)
      throw new CliError(
        `unknown command "${name}"; the commands are ${COMMANDS.map((c) => c.name).join(', ')}`
      )
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(`${command.summary}\n\nusage: ${command.usage}\n`)
      return 0
    }
    return await command.run(parseCommandArgs(command.name, rest, command.options), io)
  } catch (error) {
    const message = userMessage(error)
    if (message === null) throw error
    io.stderr.write(
      `cascade ${command?.name ?? ''}: ${message}\n`.replace('cascade : ', 'cascade: ')
    )
    return 1
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href
/** `cascade liq big.csv | head` closes the pipe early: that is the reader's choice, not an error. */
export function exitQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(0)
  })
}

if (invokedDirectly) {
  exitQuietlyOnClosedPipe()
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(
        `cascade: internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
      )
      process.exitCode = 2
    }
  )
}
