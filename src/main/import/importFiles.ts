/**
 * The import service's public surface, shared by the IPC handlers and the CLI: streaming
 * importers for positions and lending legs, their options and results, and the errors they throw.
 */
export { ImportFileError } from '../../engine/import/importFileError'
export type { RowError } from '../../engine/import/rowError'
export { ImportCancelledError } from './importCancelledError'
export {
  importLendingFile,
  type LendingImport,
  type LendingImportOptions
} from './importLendingFile'
export type { ImportOptions, ImportProgress } from './importOptions'
export {
  importPositionsFile,
  type PositionImport,
  type PositionImportOptions
} from './importPositionsFile'
export type { ImportSummary, MappingReport } from './importSummary'
export {
  importPositionFiles,
  type PositionFilesImport,
  type PositionFilesOptions
} from './importPositionFiles'
export type { MappingOptions } from './mappingOptions'
