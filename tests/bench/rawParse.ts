import { streamCsvRecords } from '../../src/main/import/streamCsvRecords'

/** The baseline for the import: the importer's CSV stream alone, records counted, nothing mapped. */
export async function rawParse(path: string): Promise<number> {
  let records = 0
  await streamCsvRecords(path, { delimiter: ',' }, () => {
    records++
  })
  return records - 1
}
