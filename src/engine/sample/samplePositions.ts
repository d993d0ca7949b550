import type { PositionRow } from '../book/positionRow'
import { createRandom } from '../math/random'
import { drawAccount } from './drawAccount'
import { accountId, positionId } from './sampleIds'
import { sampleVenueGroups } from './venueGroups'

/**
 * A synthetic book over the sample markets, account by account, so a million rows stream through
 * without being held at once. The same options give the same rows, bit for bit.
 */
export function* samplePositions(options: { rows: number; seed: number }): Generator<PositionRow> {
  const { rows, seed } = options
  if (!Number.isInteger(rows) || rows < 0) {
    throw new RangeError(`rows must be a non-negative integer, got ${rows}`)
  }
  const random = createRandom(seed)
  const groups = sampleVenueGroups()
  let emitted = 0
  for (let account = 1; emitted < rows; account++) {
    for (const row of drawAccount(random, groups, accountId(account), rows - emitted)) {
      emitted++
      yield { id: positionId(emitted), ...row }
    }
  }
}
