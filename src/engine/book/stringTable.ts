import type { StringTable } from './columns'

export function createStringTable(): StringTable {
  return { names: [], codes: new Map() }
}

export function intern(table: StringTable, name: string): number {
  const known = table.codes.get(name)
  if (known !== undefined) return known
  const code = table.names.length
  table.names.push(name)
  table.codes.set(name, code)
  return code
}
