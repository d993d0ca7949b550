import { fastCsvRecords } from '../../src/main/import/fastCsvRecords'
import { streamCsvRecords } from '../../src/main/import/streamCsvRecords'

/**
 * The baselines for the import: the importer's CSV stream alone, records counted, nothing mapped.
 * `fast` is PapaParse, which reads every clean file; `strict` is the csv-parse fallback.
 */
export async function rawParse(path: string, parser: 'fast' | 'strict'): Promise<number> {
  let records = 0
  const stream = parser === 'fast' ? fastCsvRecords : streamCsvRecords
  await stream(path, { delimiter: ',' }, () => {
    records++
  })
  return records - 1
}
