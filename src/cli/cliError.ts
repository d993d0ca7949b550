/** A user mistake: printed as one line on stderr, exit code 1, never a stack trace. */
export class CliError extends Error {
  override name = 'CliError'
}
