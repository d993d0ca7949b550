/**
 * The plain reader met what only a quote-aware parser reads right: a quote, a carriage return
 * that ends no line, or a record longer than any sane one. The import starts over with PapaParse.
 */
export class NotPlainCsv extends Error {
  override name = 'NotPlainCsv'
}
