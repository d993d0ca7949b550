/**
 * The import service's public surface, shared by the IPC handlers and the CLI: streaming
 * importers for positions and lending legs, their options and results, and the errors they throw.
 */
export { ImportFileError } from '../../engine/import/importFileError'
export type { RowError } from '../../engine/import/rowError'
export { ImportCancelledError } from './importCancelledError'
export { importLendingFile, type LendingImport } from './importLendingFile'
export type { ImportOptions, ImportProgress } from './importOptions'
export {
  importPositionsFile,
  type PositionImport,
  type PositionImportOptions
} from './importPositionsFile'
export type { ImportSummary } from './importSummary'
