import { INVERSE, type Book } from '../book/columns'
import { UNIT_CROSS, UNIT_ISOLATED } from '../cascade/liquidationLadder'
import { isolatedMargin, type LiquidationTable } from '../margin/liquidationTable'
import { underlyingOf } from '../market/underlyingOf'
import { adlScore } from './adlScore'
import type { PerpUnits } from './timelineBook'

/** A market's perp units, with what settling and ranking them needs. */
export interface PerpUnitTable {
  units: PerpUnits
  bankruptcy: Float64Array
  lossQuantity: Float64Array
  adlScore: Float64Array
  /** Unit of an isolated position (by position index) and of a cross group (by group index), -1 if none. */
  positionUnit: Int32Array
  groupUnit: Int32Array
}

/** Profit or loss of a position at P, in quote. */
function pnlInQuote(book: Book, i: number, price: number): number {
  const signed = book.side[i] * book.size[i]
  if (book.contract[i] === INVERSE) return signed * (1 / book.entryPrice[i] - 1 / price) * price
  return signed * (price - book.entryPrice[i])
}

interface Draft {
  kind: number
  ref: number
  side: number
  venue: number
  /** Size in contract units, signed by side: base for linear, quote for inverse. */
  signedSize: number
  inverse: boolean
  liquidation: number
  bankruptcy: number
  /** In quote at the start price. */
  margin: number
  pnl: number
}

/**
 * Every isolated position on the market and every cross account's net position on it. A cross
 * account whose positions on the market net to zero forces no flow and holds no net interest.
 */
export function perpUnits(
  book: Book,
  table: LiquidationTable,
  underlying: string,
  startPrice: number
): PerpUnitTable {
  const drafts: Draft[] = []
  const onMarket = book.symbols.names.map((symbol) => underlyingOf(symbol) === underlying)
  for (let i = 0; i < book.length; i++) {
    if (!onMarket[book.symbol[i]] || table.crossGroup[i] >= 0) continue
    const inverse = book.contract[i] === INVERSE
    const margin = isolatedMargin(book, i)
    if (!(margin >= 0)) continue
    drafts.push({
      kind: UNIT_ISOLATED,
      ref: i,
      side: book.side[i],
      venue: book.venue[i],
      signedSize: book.side[i] * book.size[i],
      inverse,
      liquidation: table.liquidationPrice[i],
      bankruptcy: table.bankruptcyPrice[i],
      margin: inverse ? margin * startPrice : margin,
      pnl: pnlInQuote(book, i, startPrice)
    })
  }
  table.crossGroups.forEach((group, g) => {
    if (group.underlying !== underlying) return
    let signedSize = 0
    let pnl = 0
    for (const i of group.members) {
      signedSize += book.side[i] * book.size[i]
      pnl += pnlInQuote(book, i, startPrice)
    }
    if (signedSize === 0) return
    const side = signedSize > 0 ? 1 : -1
    const inverse = book.contract[group.members[0]] === INVERSE
    drafts.push({
      kind: UNIT_CROSS,
      ref: g,
      side,
      venue: book.venue[group.members[0]],
      signedSize,
      inverse,
      liquidation: side > 0 ? group.downPrice : group.upPrice,
      bankruptcy: side > 0 ? group.downBankruptcy : group.upBankruptcy,
      margin: inverse ? group.heldBalance * startPrice : group.heldBalance,
      pnl
    })
  })
  return unitTable(drafts, book, table, startPrice)
}

function unitTable(
  drafts: readonly Draft[],
  book: Book,
  table: LiquidationTable,
  startPrice: number
): PerpUnitTable {
  const count = drafts.length
  const result: PerpUnitTable = {
    units: {
      count,
      quantity: new Float64Array(count),
      side: new Int8Array(count),
      venue: new Uint16Array(count),
      slot: new Int32Array(count).fill(-1),
      adlRank: new Uint32Array(count),
      kind: new Uint8Array(count),
      ref: new Uint32Array(count)
    },
    bankruptcy: new Float64Array(count),
    lossQuantity: new Float64Array(count),
    adlScore: new Float64Array(count),
    positionUnit: new Int32Array(book.length).fill(-1),
    groupUnit: new Int32Array(table.crossGroups.length).fill(-1)
  }
  drafts.forEach((draft, u) => {
    const size = Math.abs(draft.signedSize)
    const quantityPrice = draft.liquidation > 0 ? draft.liquidation : startPrice
    const quantity = draft.inverse ? size / quantityPrice : size
    const { units } = result
    units.quantity[u] = quantity
    units.side[u] = draft.side
    units.venue[u] = draft.venue
    units.kind[u] = draft.kind
    units.ref[u] = draft.ref
    if (draft.bankruptcy > 0) {
      result.bankruptcy[u] = draft.bankruptcy
      result.lossQuantity[u] = draft.inverse ? size / draft.bankruptcy : size
    } else {
      // Never bankrupt on its adverse side (a long whose margin covers a fall to zero): its
      // equity stays positive at every price, which a bankruptcy price at the far end gives.
      result.bankruptcy[u] = draft.side > 0 ? 0 : Number.MAX_VALUE
      result.lossQuantity[u] = quantity
    }
    result.adlScore[u] = adlScore(draft.pnl, draft.margin, quantity * startPrice)
    if (draft.kind === UNIT_ISOLATED) result.positionUnit[draft.ref] = u
    else result.groupUnit[draft.ref] = u
  })
  return result
}
