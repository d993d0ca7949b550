export function positionId(number: number): string {
  return `P${String(number).padStart(7, '0')}`
}

export function accountId(number: number): string {
  return `A${String(number).padStart(5, '0')}`
}

export function lendingAccountId(number: number): string {
  return `L${String(number).padStart(5, '0')}`
}
