import { Router, type Request, type RequestHandler } from 'express';
import type { LoanEntry, LoanLedgerResponse } from '../../api-contract';
import { INTEREST_SUPPORTED_PURPOSES, type LoanEntryKind, type LoanMove } from '../../domain/loans/loan-balance';
import type { LoanRecord } from '../../domain/loans/loan-report-rows';
import { supportLabel } from '../../domain/reports/support-labels';
import type { Models } from '../../storage/create-models';
import type { DossierViewDoc } from '../../storage/dossier-view-schema';
import type { LoanEntryDoc } from '../../storage/loan-entry-schema';
import type { UnitDoc } from '../../storage/unit-schema';
import { recordAdminEvent } from '../admin/record-admin-event';
import { authenticatedUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { idempotencyIdOf } from '../idempotency/create-idempotency';
import type { LoanLedger } from './create-loan-ledger';
import { loanRecordsOf } from './load-loan-records';
import { notifyLoanOverdue } from './notify-loan-overdue';
import { actingGrants } from '../units/acting-grants';
import type { UnitValidity } from '../units/create-unit-validity';
import { recordSecurityEvent } from '../security/record-security-event';

/** The body of `POST /api/loans/:id/entries` as the route table has checked it (LoanEntryRequest). */
interface LoanEntryBody {
  kind: LoanEntryKind;
  date: string;
  principal?: number;
  interest?: number;
  interestSupport?: number;
  amount?: number;
  note?: string;
}

const WRITER_ROLE = 'bank_officer';

const field = (path: string, vi: string, en: string) => ({ path, keyword: 'loan', message: { vi, en } });

/** The move a body asks for: each kind takes its own amounts only (422 at any other, and at a missing amount). */
function moveOf(body: LoanEntryBody): LoanMove {
  const given = (['principal', 'interest', 'interestSupport', 'amount'] as const).filter((f) => body[f] !== undefined);
  const allowed: Record<LoanEntryKind, readonly string[]> = {
    collection: ['principal', 'interest', 'interestSupport'],
    overdue: ['amount'],
    settlement: [],
  };
  const problems = given
    .filter((f) => !allowed[body.kind].includes(f))
    .map((f) => field(`/${f}`, 'Không dùng cho loại bút toán này', `not used by a ${body.kind} entry`));
  if (body.kind === 'overdue' && body.amount === undefined) {
    problems.push(field('/amount', 'Cần số gốc quá hạn', 'the overdue principal is required'));
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return {
    kind: body.kind,
    date: body.date,
    principal: body.principal ?? 0,
    interest: body.interest ?? 0,
    interestSupport: body.interestSupport ?? 0,
    overdue: body.amount ?? 0,
  };
}

/** Budget interest support is given on the loan's purpose (seed 004: housing loans). */
const interestSupported = (loan: LoanRecord) => INTEREST_SUPPORTED_PURPOSES.includes(loan.purpose ?? '');

const presentEntry = (e: LoanEntryDoc): LoanEntry => ({
  seq: e.seq,
  kind: e.kind,
  date: e.date,
  principal: e.principal,
  interest: e.interest,
  interestSupport: e.interestSupport,
  overdue: e.overdue,
  note: e.note,
  at: e.at.toISOString(),
  balanceAfter: e.balanceAfter,
});

/**
 * A disbursed loan of the Bank for Social Policies (a credit-access dossier completed at its disbursement) as a
 * long-lived record ([processes-and-forms.md](../../docs/processes-and-forms.md#loans-after-disbursement)):
 * - `GET /api/loans/:id`: the loan (purpose, commune, disbursement), its position and its entries, for anyone holding
 *   a role at a unit of the dossier's chain;
 * - `POST /api/loans/:id/entries` (Idempotency-Key, which is also the entry's reference): a collection, an instalment
 *   overdue or the settlement, by the bank's officer (`bank_officer`) of a unit of the chain, with a grant that
 *   authorises acting today (actingGrants: not at a retired unit, started); audited (admin event `loan.entry`,
 *   amounts only). The key is required (422 at `/headers/idempotency-key` without it): a retry after a lost answer
 *   must never book the money twice. Amounts beyond what is outstanding are 422 at the field. An instalment overdue
 *   is notified to the loan's commune (`loan_overdue`, notify-loan-overdue.ts).
 * A dossier that is not a disbursed loan, or not under any of the caller's units, is 404 (as a dossier is: the routes
 * say nothing of dossiers outside the caller's reach). Reading a loan (a household's debt) records a personal-data
 * read, as reading a dossier does.
 */
export function createLoanRouter(deps: {
  models: Models;
  ledger: LoanLedger;
  validateBody: <T>(schema: 'LoanEntryRequest', body: unknown) => T;
  authenticate: RequestHandler;
  idempotency: RequestHandler;
  unitValidity: UnitValidity;
}): Router {
  const router = Router();
  const { models, ledger } = deps;

  async function loanOf(req: Request, caller: AuthenticatedUser, role?: string) {
    const view = await models.DossierView.findById(String(req.params.id)).lean<DossierViewDoc>();
    const [loan] = view ? await loanRecordsOf(models, [view]) : [];
    if (!view || !loan) throw new NotFoundError('loan');
    if (!caller.grants.some((g) => view.unitChain.includes(g.unitCode))) throw new NotFoundError('loan');
    if (role) {
      const acting = await actingGrants(deps.unitValidity, caller, view.unitChain);
      acting.check((user) => {
        if (!user.grants.some((g) => view.unitChain.includes(g.unitCode) && g.role === role)) {
          throw new ForbiddenError({
            vi: 'Chỉ cán bộ tín dụng Ngân hàng Chính sách xã hội ghi thu nợ',
            en: "Only the bank's credit officer records collections",
          });
        }
      });
    }
    return { view, loan };
  }

  async function present(loan: LoanRecord): Promise<LoanLedgerResponse> {
    const [{ entries, balance }, commune] = await Promise.all([
      ledger.entries(loan),
      models.Unit.findById(loan.commune).lean<UnitDoc>(),
    ]);
    return {
      dossierId: loan.dossierId,
      purpose: loan.purpose,
      purposeLabel: supportLabel(loan.purpose ?? 'credit_access'),
      commune: { code: loan.commune, name: commune?.name ?? loan.commune },
      disbursedOn: loan.disbursedOn,
      disbursed: loan.disbursed,
      interestSupported: interestSupported(loan),
      balance,
      entries: entries.map(presentEntry),
    };
  }

  router.get('/api/loans/:id', deps.authenticate, async (req, res) => {
    const { loan } = await loanOf(req, authenticatedUser(req));
    await recordSecurityEvent(models, { kind: 'personal_data_read', req, dossierId: loan.dossierId });
    res.json(await present(loan));
  });

  router.post('/api/loans/:id/entries', deps.authenticate, deps.idempotency, async (req, res) => {
    const caller = authenticatedUser(req);
    const reference = idempotencyIdOf(req);
    if (!reference) {
      throw new ValidationError([
        field(
          '/headers/idempotency-key',
          'Cần Idempotency-Key: gửi lại khi mất kết quả không được ghi thu hai lần',
          'an Idempotency-Key is required, so that a retry never records the money twice',
        ),
      ]);
    }
    const body = deps.validateBody<LoanEntryBody>('LoanEntryRequest', req.body);
    const move = moveOf(body);
    const { view, loan } = await loanOf(req, caller, WRITER_ROLE);
    const entry = await ledger.append(
      loan,
      { interestSupported: interestSupported(loan) },
      { ...move, reference, by: caller.id, note: body.note ?? null },
    );
    // After the entry (a retry of this write answers the same entry and writes what is missing).
    await notifyLoanOverdue(models, { ...loan, processKey: view.processKey }, entry);
    await recordAdminEvent(models, {
      by: caller.id,
      kind: 'loan.entry',
      target: view._id,
      scope: loan.commune,
      details: { seq: entry.seq, ...move },
    });
    res.status(201).json(presentEntry(entry));
  });

  return router;
}
