import type { OptionSpec, ParsedArgs } from './args'
import type { CliIo } from './output'

export interface Command {
  name: string
  summary: string
  usage: string
  options: OptionSpec
  /** Resolves to the exit code. */
  run(args: ParsedArgs, io: CliIo): Promise<number>
}
