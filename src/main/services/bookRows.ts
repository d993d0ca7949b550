import { NUMBER_COLUMNS, type BookRow, type NumberColumn } from '../../shared/bookRow'
import { numberReader, textReader, type NumberReader } from './bookColumns'
import type { LiveBook } from './liveBook'

const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value)

/** Reads rows for one page: the column readers are built once, then used per row. */
export function bookRowReader(live: LiveBook): (i: number) => BookRow {
  const number = Object.fromEntries(
    NUMBER_COLUMNS.map((column) => [column, numberReader(live, column)])
  ) as Record<NumberColumn, NumberReader>
  const issues = new Map(live.table.issues.map((issue) => [issue.index, issue.reason]))
  const id = textReader(live, 'id')
  const account = textReader(live, 'account')
  const venue = textReader(live, 'venue')
  const symbol = textReader(live, 'symbol')
  const contract = textReader(live, 'contract') as (i: number) => BookRow['contract']
  const side = textReader(live, 'side') as (i: number) => BookRow['side']
  const marginMode = textReader(live, 'marginMode') as (i: number) => BookRow['marginMode']
  return (i) => ({
    id: id(i),
    account: account(i),
    venue: venue(i),
    symbol: symbol(i),
    contract: contract(i),
    side: side(i),
    size: number.size(i),
    entryPrice: number.entryPrice(i),
    marginMode: marginMode(i),
    margin: orNull(number.margin(i)),
    leverage: orNull(number.leverage(i)),
    mmr: orNull(number.mmr(i)),
    maintenanceAmount: orNull(number.maintenanceAmount(i)),
    walletBalance: orNull(number.walletBalance(i)),
    markPrice: orNull(number.markPrice(i)),
    notional: orNull(number.notional(i)),
    liquidationPrice: orNull(number.liquidationPrice(i)),
    bankruptcyPrice: orNull(number.bankruptcyPrice(i)),
    distance: orNull(number.distance(i)),
    marginRatio: orNull(number.marginRatio(i)),
    issue: issues.get(i) ?? null
  })
}
