import { randomUUID } from 'node:crypto';
import {
  EMPTY_BALANCE,
  isLedgerAmount,
  isRefusal,
  nextBalance,
  type LedgerBalance,
  type LedgerEntryKind,
} from '../../domain/funds/ledger-balance';
import type { Donor } from '../../domain/funds/donor-kinds';
import type { Models } from '../../storage/create-models';
import { isDuplicateKeyError } from '../../storage/is-duplicate-key-error';
import type { FundDoc } from '../../storage/fund-schema';
import type { LedgerEntryDoc } from '../../storage/ledger-entry-schema';
import { ConflictError, FundInsufficientError, NotFoundError, ValidationError } from '../errors';

/** What a writer asks the ledger to append; `reference` makes a retry of the same write a no-op. */
export interface LedgerWrite {
  amount: number;
  reference: string;
  by: string;
  dossierId?: string | null;
  note?: string | null;
  at?: Date;
  valueDate?: string | null;
  /** A receipt's donor. */
  donor?: Donor | null;
}

export interface LedgerPage {
  entries: LedgerEntryDoc[];
  balance: LedgerBalance;
  /** The `seq` to pass as `after` for the next page, or null at the end. */
  next: number | null;
}

export type Ledger = ReturnType<typeof createLedger>;

/**
 * The one home of the ledger rule ([funds.md](../../docs/funds.md)): entries are only appended, the balance is derived
 * from them, and a commitment never takes `available` below zero, also under concurrent writers. It relies on one
 * storage guarantee only — a unique index admits one of concurrent inserts — by appending optimistically: read the
 * head entry, compute the next balance, insert `seq + 1` under the unique index `{fundId, seq}`; a duplicate key means
 * another writer appended first, so it re-reads and retries (bounded, with jitter). A write whose `reference` is
 * already in the fund's ledger is a no-op that answers the first entry.
 */
export function createLedger(deps: {
  models: Models;
  /** Attempts of one append before answering 409 fund_busy. */
  maxAttempts?: number;
  /** The pause before a retry; injected so unit tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}) {
  const { models } = deps;
  const maxAttempts = deps.maxAttempts ?? 200;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = deps.random ?? Math.random;

  async function fundOf(fundId: string): Promise<FundDoc> {
    const fund = await models.Fund.findById(fundId).lean<FundDoc>();
    if (!fund) throw new NotFoundError('fund');
    return fund;
  }

  async function head(fundId: string): Promise<LedgerEntryDoc | null> {
    return models.LedgerEntry.findOne({ fundId }).sort({ seq: -1 }).lean<LedgerEntryDoc>();
  }

  async function byReference(fundId: string, reference: string): Promise<LedgerEntryDoc | null> {
    return models.LedgerEntry.findOne({ fundId, reference }).lean<LedgerEntryDoc>();
  }

  async function append(fundId: string, kind: LedgerEntryKind, write: LedgerWrite): Promise<LedgerEntryDoc> {
    checkWrite(write);
    const fund = await fundOf(fundId);
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const first = await byReference(fundId, write.reference);
      if (first) return sameWrite(first, kind, write);
      if (!fund.active && (kind === 'receipt' || kind === 'commitment')) throw inactive(fund);
      const last = await head(fundId);
      const balance = nextBalance(last?.balanceAfter ?? EMPTY_BALANCE, kind, write.amount);
      if (isRefusal(balance)) throw refusal(fund, kind, write.amount, balance.balance);
      const entry: LedgerEntryDoc = {
        _id: randomUUID(),
        fundId,
        seq: (last?.seq ?? 0) + 1,
        kind,
        amount: write.amount,
        dossierId: write.dossierId ?? null,
        reference: write.reference,
        by: write.by,
        at: write.at ?? new Date(),
        valueDate: write.valueDate ?? null,
        note: write.note ?? null,
        ...(write.donor ? { donor: write.donor } : {}),
        balanceAfter: balance,
      };
      try {
        await models.LedgerEntry.create(entry);
        return entry;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      await sleep(random() * Math.min(2 ** attempt, 50));
    }
    throw new ConflictError(
      { vi: 'Quỹ đang được ghi đồng thời, vui lòng thử lại', en: 'The fund is busy with other writes, please retry' },
      { code: 'fund_busy' },
    );
  }

  return {
    /** Money received into the fund. */
    receive: (fundId: string, write: LedgerWrite) => append(fundId, 'receipt', write),
    /** Reserves money for a dossier; refused with 409 fund_insufficient beyond `available`. */
    commit: (fundId: string, write: LedgerWrite) => append(fundId, 'commitment', write),
    /** Gives a commitment (or part of it) back to `available`. */
    release: (fundId: string, write: LedgerWrite) => append(fundId, 'release', write),
    /** Pays out of what is committed. */
    pay: (fundId: string, write: LedgerWrite) => append(fundId, 'payment', write),
    /** Undoes a failed payment: the amount is committed again. */
    reversePayment: (fundId: string, write: LedgerWrite) => append(fundId, 'payment_reversal', write),

    /** The fund's balance, derived from its last entry (the empty balance before any). */
    async balance(fundId: string): Promise<LedgerBalance> {
      await fundOf(fundId);
      return (await head(fundId))?.balanceAfter ?? { ...EMPTY_BALANCE };
    },

    /** The entries with `seq` above `after`, oldest first, at most `limit`, with the current balance. */
    async entries(fundId: string, page: { after?: number; limit: number }): Promise<LedgerPage> {
      await fundOf(fundId);
      const [rows, last] = await Promise.all([
        models.LedgerEntry.find({ fundId, seq: { $gt: page.after ?? 0 } })
          .sort({ seq: 1 })
          .limit(page.limit + 1)
          .lean<LedgerEntryDoc[]>(),
        head(fundId),
      ]);
      const entries = rows.slice(0, page.limit);
      return {
        entries,
        balance: last?.balanceAfter ?? { ...EMPTY_BALANCE },
        next: rows.length > page.limit ? (entries.at(-1)?.seq ?? null) : null,
      };
    },
  };
}

function checkWrite(write: LedgerWrite): void {
  const fields = [];
  if (!isLedgerAmount(write.amount)) {
    fields.push({
      path: '/amount',
      keyword: 'type',
      message: {
        vi: 'Số tiền phải là số nguyên dương (đồng)',
        en: 'The amount must be a positive whole number of đồng',
      },
    });
  }
  if (typeof write.reference !== 'string' || write.reference.length === 0) {
    fields.push({
      path: '/reference',
      keyword: 'required',
      message: { vi: 'Thiếu mã tham chiếu', en: 'A reference is required' },
    });
  }
  if (fields.length > 0) throw new ValidationError(fields);
}

/** The first entry of a reference, when the retry asks for the same thing; a different write under it is a conflict. */
function sameWrite(first: LedgerEntryDoc, kind: LedgerEntryKind, write: LedgerWrite): LedgerEntryDoc {
  if (first.kind === kind && first.amount === write.amount && first.dossierId === (write.dossierId ?? null))
    return first;
  throw new ConflictError(
    {
      vi: 'Mã tham chiếu này đã được dùng cho một bút toán khác của quỹ',
      en: "This reference is already used by a different entry of the fund's ledger",
    },
    { code: 'ledger_reference_reused' },
  );
}

function inactive(fund: FundDoc): ConflictError {
  return new ConflictError(
    { vi: `Nguồn kinh phí "${fund.name}" đã ngừng hoạt động`, en: `The fund "${fund.name}" is no longer active` },
    { code: 'fund_inactive' },
  );
}

function refusal(fund: FundDoc, kind: LedgerEntryKind, amount: number, balance: LedgerBalance): ConflictError {
  if (kind === 'commitment') return new FundInsufficientError(fund.name, amount, balance.available);
  if (kind === 'receipt') {
    return new ConflictError(
      {
        vi: `Tổng số đã nhận của nguồn kinh phí "${fund.name}" vượt quá giới hạn tính toán`,
        en: `The total received by the fund "${fund.name}" would exceed what the ledger can count exactly`,
      },
      { code: 'fund_total_limit' },
    );
  }
  return new ConflictError(
    {
      vi: `Nguồn kinh phí "${fund.name}" không có đủ khoản đã cam kết/đã chi để ghi bút toán này`,
      en: `The fund "${fund.name}" has not enough committed or paid to record this entry`,
    },
    { code: 'ledger_exceeds_commitment' },
  );
}
