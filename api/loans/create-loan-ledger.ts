import { randomUUID } from 'node:crypto';
import {
  isLoanRefusal,
  nextLoanBalance,
  openingBalance,
  type LoanBalance,
  type LoanMove,
} from '../../domain/loans/loan-balance';
import type { LoanRecord } from '../../domain/loans/loan-report-rows';
import { vietnamDate } from '../../domain/time/vietnam-date';
import type { Models } from '../../storage/create-models';
import { isDuplicateKeyError } from '../../storage/is-duplicate-key-error';
import type { LoanEntryDoc } from '../../storage/loan-entry-schema';
import { ConflictError, ValidationError } from '../errors';

/** What the bank's officer asks to record; `reference` (the Idempotency-Key) makes a retry a no-op. */
export interface LoanWrite extends LoanMove {
  reference: string;
  by: string;
  note: string | null;
}

export type LoanLedger = ReturnType<typeof createLoanLedger>;

/**
 * The ledger of a disbursed loan, kept as the funds' ledger is ([funds.md](../../docs/funds.md)): entries are only
 * appended, the position is derived from them, and the one storage guarantee relied on is that a unique index admits
 * one of concurrent inserts (FerretDB v1 loses read-modify-write updates). An append reads the head entry, computes
 * the next balance with `nextLoanBalance` (field-level 422 when it refuses: more principal than outstanding, …) and
 * inserts `seq + 1` under `{dossierId, seq}`; a duplicate key means another writer appended first, so it re-reads
 * and retries (bounded, with jitter; then 409 loan_busy). A write whose reference the loan already holds answers
 * that entry (409 ledger_reference_reused when it asked for something else).
 */
export function createLoanLedger(deps: {
  models: Models;
  now?: () => Date;
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
}) {
  const { models } = deps;
  const now = deps.now ?? (() => new Date());
  const maxAttempts = deps.maxAttempts ?? 200;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  const head = (dossierId: string) => models.LoanEntry.findOne({ dossierId }).sort({ seq: -1 }).lean<LoanEntryDoc>();

  async function append(loan: LoanRecord, rules: { interestSupported: boolean }, write: LoanWrite) {
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const first = await models.LoanEntry.findOne({
        dossierId: loan.dossierId,
        reference: write.reference,
      }).lean<LoanEntryDoc>();
      if (first) return sameWrite(first, write);
      const last = await head(loan.dossierId);
      const balance = nextLoanBalance(last?.balanceAfter ?? openingBalance(loan.disbursed), write, {
        disbursedOn: loan.disbursedOn,
        interestSupported: rules.interestSupported,
        today: vietnamDate(now()),
        lastDate: last?.date ?? null,
      });
      if (isLoanRefusal(balance)) {
        if (balance.some((p) => p.path === '/kind' && last?.balanceAfter.settled)) {
          throw new ConflictError(balance[0]!.message, { code: 'loan_settled' });
        }
        throw new ValidationError(balance);
      }
      const entry: LoanEntryDoc = {
        _id: randomUUID(),
        dossierId: loan.dossierId,
        seq: (last?.seq ?? 0) + 1,
        kind: write.kind,
        date: write.date,
        principal: write.principal,
        interest: write.interest,
        interestSupport: write.interestSupport,
        overdue: write.overdue,
        reference: write.reference,
        by: write.by,
        at: now(),
        note: write.note,
        balanceAfter: balance,
      };
      try {
        await models.LoanEntry.create(entry);
        return entry;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      await sleep(Math.random() * Math.min(2 ** attempt, 50));
    }
    throw new ConflictError(
      {
        vi: 'Khoản vay đang được ghi đồng thời, vui lòng thử lại',
        en: 'The loan is busy with other writes, please retry',
      },
      { code: 'loan_busy' },
    );
  }

  return {
    append,
    /** The loan's entries, oldest first, and its position (the opening one before any entry). */
    async entries(loan: LoanRecord): Promise<{ entries: LoanEntryDoc[]; balance: LoanBalance }> {
      const entries = await models.LoanEntry.find({ dossierId: loan.dossierId })
        .sort({ seq: 1 })
        .lean<LoanEntryDoc[]>();
      return { entries, balance: entries.at(-1)?.balanceAfter ?? openingBalance(loan.disbursed) };
    },
  };
}

function sameWrite(first: LoanEntryDoc, write: LoanWrite): LoanEntryDoc {
  const same = (['kind', 'date', 'principal', 'interest', 'interestSupport', 'overdue'] as const).every(
    (f) => first[f] === write[f],
  );
  if (same) return first;
  throw new ConflictError(
    {
      vi: 'Mã tham chiếu này đã được dùng cho một bút toán khác của khoản vay',
      en: "This reference is already used by a different entry of the loan's ledger",
    },
    { code: 'ledger_reference_reused' },
  );
}
