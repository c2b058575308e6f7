import { ApplicationFailure, log } from '@temporalio/activity';
import { createLedger } from '../api/funds/create-ledger';
import { DomainError, FundInsufficientError } from '../api/errors';
import type { FundLine } from '../domain/funds/dossier-money';
import { FailureType } from '../domain/process/failure-types';
import type { Models } from '../storage/create-models';
import { isDuplicateKeyError } from '../storage/is-duplicate-key-error';
import type { FundRefusalDetails } from '../workflows/refusal-failure';
import { failFastOnBadInput } from './bad-input-failure';
import { paymentReference } from '../domain/funds/tranche-instance';

/** What every money activity is told: the dossier, the decision's own reference (a workflow uuid4) and who acts. */
interface MoneyCall {
  dossierId: string;
  reference: string;
  by: string;
}

/**
 * The side effects of a decision's money effects ([funds.md](../docs/funds.md)). The workflow runs them as scheduled
 * (never local) activities, once the decision's update is in the history. Each is idempotent: ledger entries carry
 * references derived from the decision's reference or the order id (`commit:`, `release:`, `pay:`), and a retry of
 * a write already made is a no-op; payment orders are keyed by id and unique per dossier and tranche. A database
 * outage fails an attempt and Temporal retries it; a refusal that no retry can change (a fund short of money,
 * unknown or inactive) fails it for good and the decision is refused.
 */
export interface MoneyActivities {
  /**
   * Commits each line on its fund's ledger, all or none: when a fund refuses, the lines already committed by this
   * call are released and the activity fails with FundInsufficient (details: FundRefusalDetails). A retry after such
   * a refusal (the release recorded) refuses again rather than commit anew.
   */
  commitFunding(input: MoneyCall & { lines: FundLine[] }): Promise<void>;
  /** Gives each line back to its fund's `available`. */
  releaseFunding(input: MoneyCall & { lines: FundLine[] }): Promise<void>;
  /**
   * Creates the tranche's payment order (attempt 1) or reissues a failed one in place (attempt n). `trancheId` is
   * the order's money-state key: `schoolYear#2` for instance 2 of a repeated tranche, so each instance has its own
   * order, unique per dossier and key.
   */
  orderPayment(input: {
    dossierId: string;
    trancheId: string;
    orderId: string;
    amount: number;
    attempt: number;
    fundSplit: FundLine[];
    by: string;
  }): Promise<void>;
  /** Records the order's payments on the funds' ledgers (`pay:<orderId>:<fundId>`) and marks it paid. */
  settlePayment(input: { dossierId: string; orderId: string; fundSplit: FundLine[]; by: string }): Promise<void>;
  /** Marks an outstanding order failed: nothing is paid, and it may be ordered again. */
  failPayment(input: { orderId: string; by: string }): Promise<void>;
}

const commitRef = (reference: string, fundId: string) => `commit:${reference}:${fundId}`;
const releaseRef = (reference: string, fundId: string) => `release:${reference}:${fundId}`;

export function createMoneyActivities(deps: { models: Models }): MoneyActivities {
  const { models } = deps;
  const ledger = createLedger({ models });

  /** A DomainError of the ledger that no retry changes, as a non-retryable failure; `fund_busy` is retried. */
  function fatal(error: unknown): unknown {
    if (error instanceof DomainError && error.code !== 'fund_busy') {
      return ApplicationFailure.create({ type: FailureType.InvalidInput, message: error.message, nonRetryable: true });
    }
    return error;
  }

  return {
    commitFunding: ({ dossierId, reference, lines, by }) =>
      failFastOnBadInput(async () => {
        const released = await models.LedgerEntry.exists({
          reference: { $in: lines.map((l) => releaseRef(reference, l.fundId)) },
        });
        if (released) {
          throw ApplicationFailure.create({
            type: FailureType.FundInsufficient,
            message: 'this funding split was refused by a fund',
            nonRetryable: true,
          });
        }
        for (const [index, line] of lines.entries()) {
          try {
            await ledger.commit(line.fundId, {
              amount: line.amount,
              reference: commitRef(reference, line.fundId),
              by,
              dossierId,
            });
          } catch (error) {
            if (!(error instanceof DomainError) || error.code === 'fund_busy') throw error;
            for (const done of lines.slice(0, index)) {
              await ledger.release(done.fundId, {
                amount: done.amount,
                reference: releaseRef(reference, done.fundId),
                by,
                dossierId,
              });
            }
            log.info('funding split refused', { dossierId, fundId: line.fundId, code: error.code });
            throw refusalOf(error, line, await fundName(line.fundId));
          }
        }
      }),
    releaseFunding: ({ dossierId, reference, lines, by }) =>
      failFastOnBadInput(async () => {
        try {
          for (const line of lines) {
            await ledger.release(line.fundId, {
              amount: line.amount,
              reference: releaseRef(reference, line.fundId),
              by,
              dossierId,
            });
          }
        } catch (error) {
          throw fatal(error);
        }
      }),
    orderPayment: ({ dossierId, trancheId, orderId, amount, attempt, fundSplit, by }) =>
      failFastOnBadInput(async () => {
        if (attempt === 1) {
          try {
            await models.PaymentOrder.create({
              _id: orderId,
              dossierId,
              trancheId,
              amount,
              status: 'ordered',
              attempt,
              reference: paymentReference(dossierId, trancheId),
              fundSplit,
              createdAt: new Date(),
              settledAt: null,
              by,
              settledBy: null,
            });
            return;
          } catch (error) {
            if (!isDuplicateKeyError(error)) throw error;
          }
        } else {
          await models.PaymentOrder.updateOne(
            { _id: orderId, attempt: attempt - 1, status: 'failed' },
            { $set: { attempt, status: 'ordered', amount, fundSplit, by, settledBy: null } },
          );
        }
        // A retry of this very call finds its own order; anything else is a second order for the tranche.
        const order = await models.PaymentOrder.findOne({ dossierId, trancheId }).lean();
        if (order?._id !== orderId || order.attempt !== attempt) {
          throw ApplicationFailure.create({
            type: FailureType.InvalidInput,
            message: `tranche '${trancheId}' already has another payment order`,
            nonRetryable: true,
          });
        }
      }),
    settlePayment: ({ dossierId, orderId, fundSplit, by }) =>
      failFastOnBadInput(async () => {
        try {
          for (const line of fundSplit) {
            await ledger.pay(line.fundId, {
              amount: line.amount,
              reference: `pay:${orderId}:${line.fundId}`,
              by,
              dossierId,
            });
          }
        } catch (error) {
          throw fatal(error);
        }
        await models.PaymentOrder.updateOne(
          { _id: orderId },
          { $set: { status: 'paid', settledAt: new Date(), settledBy: by } },
        );
      }),
    failPayment: ({ orderId, by }) =>
      failFastOnBadInput(async () => {
        await models.PaymentOrder.updateOne(
          { _id: orderId, status: 'ordered' },
          { $set: { status: 'failed', settledBy: by } },
        );
      }),
  };

  async function fundName(fundId: string): Promise<string> {
    const fund = await models.Fund.findById(fundId, { name: 1 }).lean();
    return fund?.name ?? fundId;
  }
}

/** A fund's refusal of a line as the failure the workflow passes on (FundInsufficient, 409; or InvalidInput, 422). */
function refusalOf(error: DomainError, line: FundLine, name: string): ApplicationFailure {
  if (error instanceof FundInsufficientError) {
    const details: FundRefusalDetails = {
      fundId: line.fundId,
      fundName: name,
      amount: line.amount,
      available: error.available,
    };
    return ApplicationFailure.create({
      type: FailureType.FundInsufficient,
      message: error.message,
      nonRetryable: true,
      details: [details],
    });
  }
  return ApplicationFailure.create({
    type: FailureType.InvalidInput,
    message: `fund ${line.fundId} cannot commit: ${error.code}`,
    nonRetryable: true,
  });
}
