/**
 * The key a header name is matched by: lower case, letters and digits only. `entryPrice`,
 * `Entry Price`, `entry_price` and `position.entryPx`'s `entryPx` part compare as written by
 * different exporters of the same column.
 */
export const headerKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '')
