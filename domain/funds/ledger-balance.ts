/**
 * The kinds of ledger entry. A receipt brings money in; a commitment reserves it for a dossier; a release gives a
 * commitment back; a payment pays out of a commitment; a payment reversal undoes a failed payment (back to committed).
 */
export const LEDGER_ENTRY_KINDS = ['receipt', 'commitment', 'release', 'payment', 'payment_reversal'] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

/**
 * A fund's balance after an entry, derived from the entries before it (never edited in place). `received` is every
 * receipt; `committed` what is reserved and not yet paid or released; `paid` what went out;
 * `available = received − committed − paid`.
 */
export interface LedgerBalance {
  received: number;
  committed: number;
  paid: number;
  available: number;
}

export const EMPTY_BALANCE: LedgerBalance = Object.freeze({ received: 0, committed: 0, paid: 0, available: 0 });

/**
 * Why an entry cannot follow a balance: the fund lacks the money, there is not that much committed (or paid), or the
 * total received would pass the largest whole number a double holds exactly.
 */
export type LedgerRefusal = {
  refused: 'insufficient_available' | 'insufficient_committed' | 'insufficient_paid' | 'beyond_safe_total';
  balance: LedgerBalance;
};

/** True for an amount a ledger entry may carry: a whole, positive number of đồng within the safe integer range. */
export function isLedgerAmount(amount: unknown): amount is number {
  return typeof amount === 'number' && Number.isSafeInteger(amount) && amount > 0;
}

/**
 * The balance after one more entry of `kind` and `amount`, or the refusal: a commitment beyond `available`, or a
 * release or payment beyond `committed`. The one rule of the ledger's arithmetic.
 */
export function nextBalance(
  before: LedgerBalance,
  kind: LedgerEntryKind,
  amount: number,
): LedgerBalance | LedgerRefusal {
  if (!isLedgerAmount(amount)) throw new RangeError('a ledger amount is a positive whole number of đồng');
  const { received, committed, paid } = before;
  let next: Omit<LedgerBalance, 'available'>;
  switch (kind) {
    case 'receipt':
      if (received + amount > Number.MAX_SAFE_INTEGER) return { refused: 'beyond_safe_total', balance: before };
      next = { received: received + amount, committed, paid };
      break;
    case 'commitment':
      if (amount > before.available) return { refused: 'insufficient_available', balance: before };
      next = { received, committed: committed + amount, paid };
      break;
    case 'release':
      if (amount > committed) return { refused: 'insufficient_committed', balance: before };
      next = { received, committed: committed - amount, paid };
      break;
    case 'payment':
      if (amount > committed) return { refused: 'insufficient_committed', balance: before };
      next = { received, committed: committed - amount, paid: paid + amount };
      break;
    case 'payment_reversal':
      if (amount > paid) return { refused: 'insufficient_paid', balance: before };
      next = { received, committed: committed + amount, paid: paid - amount };
      break;
  }
  return { ...next, available: next.received - next.committed - next.paid };
}

/** True when {@link nextBalance} refused. */
export function isRefusal(result: LedgerBalance | LedgerRefusal): result is LedgerRefusal {
  return 'refused' in result;
}

/** The balance of a whole sequence of entries, in order; throws on an entry that could not follow. */
export function balanceOf(entries: readonly { kind: LedgerEntryKind; amount: number }[]): LedgerBalance {
  let balance = EMPTY_BALANCE;
  for (const entry of entries) {
    const next = nextBalance(balance, entry.kind, entry.amount);
    if (isRefusal(next)) throw new RangeError(`entry refused by the balance before it (${next.refused})`);
    balance = next;
  }
  return balance;
}
