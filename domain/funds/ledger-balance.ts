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
 * The balance after one entry, without the ledger's refusals: the arithmetic of every entry kind, in one place. A
 * receipt adds to `received`; a commitment moves money from `available` to `committed`; a release gives a commitment
 * back; a payment moves `committed` to `paid`; a payment reversal moves it back. Reports that re-add accepted entries
 * use it as it is; the ledger appends through {@link nextBalance}, which refuses first.
 */
export function addEntry(balance: LedgerBalance, kind: LedgerEntryKind, amount: number): LedgerBalance {
  const [dReceived, dCommitted, dPaid] = {
    receipt: [amount, 0, 0],
    commitment: [0, amount, 0],
    release: [0, -amount, 0],
    payment: [0, -amount, amount],
    payment_reversal: [0, amount, -amount],
  }[kind] as [number, number, number];
  const received = balance.received + dReceived;
  const committed = balance.committed + dCommitted;
  const paid = balance.paid + dPaid;
  return { received, committed, paid, available: received - committed - paid };
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
  const refused = {
    receipt: before.received + amount > Number.MAX_SAFE_INTEGER ? 'beyond_safe_total' : null,
    commitment: amount > before.available ? 'insufficient_available' : null,
    release: amount > before.committed ? 'insufficient_committed' : null,
    payment: amount > before.committed ? 'insufficient_committed' : null,
    payment_reversal: amount > before.paid ? 'insufficient_paid' : null,
  }[kind] as LedgerRefusal['refused'] | null;
  return refused ? { refused, balance: before } : addEntry(before, kind, amount);
}

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
