import { parseArgs, type ParseArgsConfig } from 'node:util'
import { CliError } from './cliError'

export type OptionSpec = NonNullable<ParseArgsConfig['options']>

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>
  positionals: string[]
}

/**
 * Parses a command's arguments. `--shock -8%` is the natural way to write a fall, but Node's
 * parser reads a value starting with a dash as a missing value, so a value-taking option is joined
 * with its next argument first (`--shock=-8%`).
 */
export function parseCommandArgs(
  command: string,
  argv: readonly string[],
  options: OptionSpec
): ParsedArgs {
  const joined: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : null
    if (name !== null && options[name]?.type === 'string' && i + 1 < argv.length) {
      joined.push(`${arg}=${argv[++i]}`)
    } else joined.push(arg)
  }
  try {
    const { values, positionals } = parseArgs({
      args: joined,
      options,
      allowPositionals: true,
      strict: true
    })
    return { values: values as ParsedArgs['values'], positionals }
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new CliError(`${command}: ${message} (see cascade ${command} --help)`)
  }
}

export const stringOption = (args: ParsedArgs, name: string): string | undefined => {
  const value = args.values[name]
  return typeof value === 'string' ? value : undefined
}

export const listOption = (args: ParsedArgs, name: string): string[] => {
  const value = args.values[name]
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : []
}

export const flag = (args: ParsedArgs, name: string): boolean => args.values[name] === true
