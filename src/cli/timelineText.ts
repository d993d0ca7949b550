import type { Book } from '../engine/book/columns'
import type { LiquidationTable } from '../engine/margin/liquidationTable'
import type { TimelineBook } from '../engine/timeline/timelineBook'
import type { TimelineRun } from '../engine/timeline/timelineRun'
import { timelineTotals } from '../engine/timeline/timelineTotals'
import { unitOwner } from '../engine/timeline/unitOwner'
import { count, money, percent, price, table } from './format'
import type { Output } from './output'

const DELEVERAGINGS_SHOWN = 10

/** Elapsed time of a step's end as h:mm:ss (or m:ss under an hour). */
export function clock(seconds: number): string {
  const whole = Math.round(seconds)
  const h = Math.floor(whole / 3600)
  const m = Math.floor((whole % 3600) / 60)
  const s = String(whole % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

const amount = (value: number): string => count(Math.round(value * 1000) / 1000)

/**
 * The timeline table of one market, a row per `every` steps: levels (price, queue, open interest,
 * funds, bad debt so far) at the row's last step, flows (liquidations, ADL) summed over its steps.
 */
export async function printTimelineTable(
  out: Output,
  run: TimelineRun,
  m: number,
  every: number
): Promise<void> {
  const market = run.markets[m]
  const venues = run.venues.length
  const rows: string[][] = []
  let perpBadDebt = 0
  for (let from = 0; from < run.steps; from += every) {
    const to = Math.min(run.steps, from + every)
    const last = to - 1
    const flow = (series: Float64Array): number => {
      let total = 0
      for (let t = from; t < to; t++) total += series[t]
      return total
    }
    let fund = 0
    for (let v = 0; v < venues; v++) fund += run.insuranceFund[last * venues + v]
    perpBadDebt += flow(market.perpBadDebt)
    rows.push([
      String(last),
      clock(to * run.stepSeconds),
      price(market.price[last]),
      price(market.fundamental[last]),
      percent(market.dislocation[last]),
      money(flow(market.longNotional)),
      money(flow(market.shortNotional)),
      money(market.queueLong[last] + market.queueShort[last]),
      amount(market.openInterest[last]),
      money(fund),
      money(flow(market.deleveragedNotional)),
      money(perpBadDebt + market.lendingBadDebt[last])
    ])
  }
  const header = [
    'step',
    'time',
    'price',
    'fundamental',
    'disloc.',
    'liq. long',
    'liq. short',
    'queue',
    'OI left',
    'ins. fund',
    'ADL',
    'bad debt'
  ]
  for (const text of table(header, rows)) await out.line(text)
}

/** Totals over the run: liquidations, venues, funds, ADL (who), bad debt, the open-interest check. */
export async function printTimelineTotals(
  out: Output,
  run: TimelineRun,
  owners: { book: Book; table: LiquidationTable; timelineBook: TimelineBook }
): Promise<void> {
  const totals = timelineTotals(run)
  for (const market of totals.markets) {
    const a = market.accounting
    await out.line(
      `${market.underlying.padEnd(6)} liquidated ${count(market.longCount)} long ${money(market.longNotional)}, ${count(market.shortCount)} short ${money(market.shortNotional)} (lending ${count(market.lendingCount)} ${money(market.lendingNotional)}); price ${price(market.minPrice)} to ${price(market.maxPrice)}, deepest ${percent(-market.maxEndogenousDrawdown)} below fundamental`
    )
    await out.line(
      `       open interest ${amount(a.openInterest)} = liquidated ${amount(a.liquidated)} + ADL ${amount(a.deleveraged)} + remaining ${amount(a.remaining)}`
    )
  }
  await out.line()
  // Lending protocols have no insurance fund: their losses are bad debt.
  const venueRows = totals.venues.map((v, i) => [
    v.venue,
    count(v.count),
    money(v.notional),
    i < run.perpVenues ? money(v.fundStart) : '-',
    i < run.perpVenues ? money(v.fundEnd) : '-'
  ])
  for (const text of table(
    ['venue', 'liquidated', 'notional', 'fund start', 'fund end'],
    venueRows
  ))
    await out.line(text)
  await out.line()
  await out.line(
    `Insurance funds paid ${money(totals.insurancePaid)}; ADL closed ${money(totals.deleveragedNotional)}; bad debt ${money(totals.badDebt)}`
  )
  if (run.deleveragings.length === 0) return
  await out.line()
  await out.line(
    `Deleveraged by ADL (largest ${Math.min(DELEVERAGINGS_SHOWN, run.deleveragings.length)} of ${count(run.deleveragings.length)}):`
  )
  const rows = run.deleveragings.slice(0, DELEVERAGINGS_SHOWN).map((d) => {
    const market = owners.timelineBook.markets[d.market]
    const owner = unitOwner(owners.book, owners.table, market.units, d.unit)
    return [
      owner.account,
      owner.venue,
      market.underlying,
      owner.positions.join(' '),
      amount(d.quantity),
      money(d.notional),
      `${d.firstStep}-${d.lastStep}`
    ]
  })
  for (const text of table(
    ['account', 'venue', 'market', 'positions', 'quantity', 'notional', 'steps'],
    rows
  ))
    await out.line(text)
}
