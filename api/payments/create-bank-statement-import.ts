import { createHash } from 'node:crypto';
import { trancheOfKey } from '../../domain/funds/tranche-instance';
import type { Models } from '../../storage/create-models';
import type { PaymentOrderDoc } from '../../storage/payment-order-schema';
import type { BankLineOutcome } from '../../storage/bank-statement-line-schema';
import { isDuplicateKeyError } from '../../storage/is-duplicate-key-error';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DomainError, ForbiddenError, ValidationError, type Bilingual } from '../errors';
import type { ActionOutcome, DossierService } from '../dossiers/create-dossier-service';
import { parseBankStatement, type BadBankLine, type BankLine } from './parse-bank-statement';

/** The role that confirms payment orders at the confirmation steps (and so may import the bank's statements). */
export const TREASURY_ROLE = 'treasurer';
/** The most transactions one statement may hold: each is a decision, taken one after the other. */
export const MAX_STATEMENT_LINES = 500;

export type BankLineStatus =
  | 'settled'
  | 'payment_failed'
  | 'processing'
  | 'already_settled'
  | 'already_imported'
  | 'unknown_reference'
  | 'amount_mismatch'
  | 'not_awaiting_confirmation'
  | 'refused'
  | 'bad_line';

/** What became of one line of the statement; every line gets one. */
export interface BankLineReport {
  line: number;
  status: BankLineStatus;
  transactionId?: string;
  reference?: string;
  dossierId?: string;
  /** The dossier's decision sequence number (settled, payment_failed). */
  seq?: number;
  /** Still being applied: import the same statement again to learn the outcome. */
  updateId?: string;
  /** already_imported: what the earlier import of this transaction decided. */
  earlier?: BankLineOutcome;
  /** amount_mismatch: the order's amount. */
  expectedAmount?: number;
  /** bad_line: each field that is wrong. */
  problems?: BadBankLine['problems'];
  /** refused: why the dossier service refused the decision. */
  error?: { status: number; code: string; message: Bilingual };
}

/** A statement read and checked (who imports it, how many lines), ready to be decided line by line. */
export interface PreparedStatement {
  fileName: string;
  lines: BankLine[];
  bad: BadBankLine[];
  /** Every transaction line, good or bad. */
  total: number;
}

export interface BankStatementImport {
  /**
   * Imports a bank statement: each OK transaction settles the payment order whose reference its description
   * carries, each FAILED one marks it failed, through `DossierService.act` (the path of an officer's decision at
   * the confirmation step, actor = the importing officer, so the role and unit checks are the same). Lines are
   * taken one after another; a bad or refused line does not stop the others, and every line is reported.
   *
   * Each transaction is decided at most once: its decision's idempotency id is derived from the bank transaction
   * id alone, so a re-import (or a concurrent import of an overlapping file, or a retry after a crash) sends the
   * same Temporal update and the workflow applies it once; `bank_statement_lines` (keyed by the transaction id)
   * records what was decided, and a line already recorded is answered `already_imported`. Of the imports that
   * learn the result of one update, only the one that records it first in `bank_line_decisions` reports `settled`
   * (or `payment_failed`); the others report `already_settled` (`already_imported` for a failure). A second
   * transaction for an order already paid is `already_settled`. The ledgers' references (`pay:<orderId>:<fundId>`)
   * keep a payment single even so.
   *
   * Throws 403 when the user holds no treasury role, 422 (at /content) when the statement has no transaction
   * line or more than `maxLines` (default MAX_STATEMENT_LINES).
   */
  run(user: AuthenticatedUser, command: { fileName: string; content: string }): Promise<BankLineReport[]>;
  /** The checks of `run` (403, 422) and the parsing, without deciding anything. */
  prepare(
    user: AuthenticatedUser,
    command: { fileName: string; content: string },
    maxLines?: number,
  ): PreparedStatement;
  /** Decides the lines of a prepared statement; `progress` is awaited after each line with how many are done. */
  decideAll(
    user: AuthenticatedUser,
    statement: PreparedStatement,
    progress?: (done: number) => Promise<void>,
  ): Promise<BankLineReport[]>;
}

/** Whether `insert` inserted its record: false when one with its unique key was there first. */
async function insertedFirst(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/** The idempotency id of the decision taken for one bank transaction. */
export function bankTransactionKey(transactionId: string): string {
  return createHash('sha256').update(`bank-statement\n${transactionId}`).digest('hex');
}

const REFERENCE = /HS-[A-Za-z0-9-]+/g;

export function createBankStatementImport(deps: {
  models: Models;
  service: DossierService;
  now?: () => Date;
}): BankStatementImport {
  const { models, service } = deps;
  const now = deps.now ?? (() => new Date());

  /**
   * The order whose reference the description holds, compared without case (banks often upper-case descriptions):
   * the orders of every dossier id the reference may start with are read, and their references compared.
   */
  async function orderOf(description: string): Promise<PaymentOrderDoc | null> {
    const references = new Set((description.match(REFERENCE) ?? []).map((r) => r.toUpperCase()));
    const dossierIds = new Set<string>();
    for (const reference of references) {
      const parts = reference.split('-').slice(1);
      for (let n = 1; n < parts.length; n++) dossierIds.add(parts.slice(0, n).join('-'));
    }
    if (dossierIds.size === 0) return null;
    const orders = await models.PaymentOrder.find({ dossierId: { $in: [...dossierIds] } }).lean<PaymentOrderDoc[]>();
    return orders.find((o) => references.has(o.reference.toUpperCase())) ?? null;
  }

  async function decide(user: AuthenticatedUser, fileName: string, line: BankLine, order: PaymentOrderDoc) {
    const base = { line: line.line, transactionId: line.transactionId, reference: order.reference };
    const dossierId = order.dossierId;
    const ok = line.status === 'OK';
    const earlier = await models.BankStatementLine.findById(line.transactionId).lean();
    if (earlier && earlier.outcome !== 'pending')
      return { ...base, dossierId, status: 'already_imported', earlier: earlier.outcome } as const;
    if (order.status === 'paid' && ok) return { ...base, dossierId, status: 'already_settled' } as const;
    if (order.status !== 'ordered') return { ...base, dossierId, status: 'not_awaiting_confirmation' } as const;

    const comment = `Sao kê ngân hàng ${fileName}, giao dịch ${line.transactionId}`;
    const command = ok
      ? { action: 'approve' as const, data: { paidOn: line.valueDate, receiptNumber: line.transactionId }, comment }
      : { action: 'reject' as const, comment };
    const key = bankTransactionKey(line.transactionId);
    let outcome: ActionOutcome;
    try {
      const checked = await service.check(user, dossierId, command, key);
      if (!('decided' in checked)) {
        const wanted = ok ? 'settle_payment' : 'fail_payment';
        const confirms = (checked.transition.effects ?? []).some(
          (e) => e.kind === wanted && 'tranche' in e && e.tranche === trancheOfKey(order.trancheId),
        );
        if (!confirms) return { ...base, dossierId, status: 'not_awaiting_confirmation' } as const;
        await claim(user, fileName, line, order);
      }
      outcome = 'decided' in checked ? checked.decided : await service.act(user, dossierId, command, key);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 500) throw error;
      // Someone (an officer, another import) confirmed the order meanwhile: the step has moved on.
      const now = await models.PaymentOrder.findById(order._id).lean();
      if (now?.status === 'paid' && ok) return { ...base, dossierId, status: 'already_settled' } as const;
      if (error.status === 409 || error.status === 403) {
        if (now?.status !== 'ordered') return { ...base, dossierId, status: 'not_awaiting_confirmation' } as const;
      }
      const { status, code, localized: message } = error;
      return { ...base, dossierId, status: 'refused', error: { status, code, message } } as const;
    }
    if (!outcome.completed) return { ...base, dossierId, status: 'processing', updateId: outcome.updateId } as const;
    const decided = ok ? ('settled' as const) : ('payment_failed' as const);
    const mine = await report(user, line, order, decided);
    await models.BankStatementLine.updateOne({ _id: line.transactionId }, { $set: { outcome: decided } });
    if (!mine)
      return ok
        ? ({ ...base, dossierId, status: 'already_settled' } as const)
        : ({ ...base, dossierId, status: 'already_imported', earlier: decided } as const);
    return { ...base, dossierId, status: decided, seq: outcome.result.seq } as const;
  }

  /**
   * Whether this import is the one that reports the transaction's decision. Concurrent imports of one transaction
   * send the same update and all receive its one result; without this each would report it as its own `settled`.
   * The unique `_id` admits one insert: that import reports the decision, the others that it was already decided.
   */
  async function report(
    user: AuthenticatedUser,
    line: BankLine,
    order: PaymentOrderDoc,
    outcome: 'settled' | 'payment_failed',
  ): Promise<boolean> {
    return insertedFirst(() =>
      models.BankLineDecision.create({
        _id: line.transactionId,
        outcome,
        orderId: order._id,
        reportedBy: user.id,
        reportedAt: now(),
      }),
    );
  }

  /** Records the transaction as being decided; a concurrent import that recorded it first goes on the same way. */
  async function claim(user: AuthenticatedUser, fileName: string, line: BankLine, order: PaymentOrderDoc) {
    await insertedFirst(() =>
      models.BankStatementLine.create({
        _id: line.transactionId,
        fileName,
        orderId: order._id,
        dossierId: order.dossierId,
        amount: line.amount,
        bankStatus: line.status,
        outcome: 'pending',
        importedBy: user.id,
        importedAt: now(),
      }),
    );
  }

  function prepare(
    user: AuthenticatedUser,
    { fileName, content }: { fileName: string; content: string },
    maxLines = MAX_STATEMENT_LINES,
  ): PreparedStatement {
    if (!user.grants.some((g) => g.role === TREASURY_ROLE))
      throw new ForbiddenError({
        vi: 'Chỉ cán bộ kho bạc xác nhận chi trả mới được nhập sao kê ngân hàng',
        en: 'only a treasury officer who confirms payments may import bank statements',
      });
    const { lines, bad } = parseBankStatement(content);
    const total = lines.length + bad.length;
    if (total === 0 || total > maxLines)
      throw new ValidationError([
        {
          path: '/content',
          keyword: total === 0 ? 'minItems' : 'maxItems',
          message: {
            vi: `Sao kê phải có từ 1 đến ${maxLines} dòng giao dịch sau dòng tiêu đề`,
            en: `the statement must have 1 to ${maxLines} transaction lines after its header`,
          },
        },
      ]);
    return { fileName, lines, bad, total };
  }

  async function decideAll(
    user: AuthenticatedUser,
    { fileName, lines, bad }: PreparedStatement,
    progress: (done: number) => Promise<void> = async () => undefined,
  ): Promise<BankLineReport[]> {
    const reports: BankLineReport[] = bad.map((b) => ({ line: b.line, status: 'bad_line', problems: b.problems }));
    await progress(reports.length);
    const seen = new Map<string, number>();
    for (const line of lines) {
      reports.push(await decideLine(user, fileName, line, seen));
      await progress(reports.length);
    }
    reports.sort((a, b) => a.line - b.line);
    return reports;
  }

  async function decideLine(
    user: AuthenticatedUser,
    fileName: string,
    line: BankLine,
    seen: Map<string, number>,
  ): Promise<BankLineReport> {
    const first = seen.get(line.transactionId);
    if (first !== undefined)
      return {
        line: line.line,
        status: 'bad_line',
        transactionId: line.transactionId,
        problems: [
          {
            field: 'transactionId',
            message: { vi: `Giao dịch đã có ở dòng ${first}`, en: `the transaction is already on line ${first}` },
          },
        ],
      };
    seen.set(line.transactionId, line.line);
    const order = await orderOf(line.description);
    const base = { line: line.line, transactionId: line.transactionId };
    if (!order) return { ...base, status: 'unknown_reference' };
    if (order.amount !== line.amount)
      return {
        ...base,
        status: 'amount_mismatch',
        reference: order.reference,
        dossierId: order.dossierId,
        expectedAmount: order.amount,
      };
    return decide(user, fileName, line, order);
  }

  return {
    prepare,
    decideAll,
    async run(user, command) {
      return decideAll(user, prepare(user, command));
    },
  };
}
