import { randomUUID } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import type { Fund, FundBalance, FundChoiceList, FundLedger, FundList, LedgerEntry } from '../../api-contract';
import type { FundKind } from '../../domain/funds/fund-kinds';
import type { Donor } from '../../domain/funds/donor-kinds';
import type { Models } from '../../storage/create-models';
import type { FundDoc } from '../../storage/fund-schema';
import type { LedgerEntryDoc } from '../../storage/ledger-entry-schema';
import { administeredSubtree } from '../admin/administered-subtree';
import { assertAdminOf } from '../admin/assert-admin-of';
import { recordAdminEvent } from '../admin/record-admin-event';
import { authenticatedUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { NotFoundError, ValidationError } from '../errors';
import { idempotencyIdOf } from '../idempotency/create-idempotency';
import { afterCreatedCursor, decodeCreatedCursor, encodeCreatedCursor } from '../paging/created-cursor';
import { checkedParameters } from '../validation/checked-parameters';
import type { RequestValidator } from '../validation/create-request-validator';
import type { Ledger } from './create-ledger';
import { fundBalances } from './fund-balances';
import { updatedFund, type UpdateFundRequest } from './update-fund';
import { chainWithRole, readableFund } from './readable-fund';
import { accountsFor, accountsOf } from './fund-account-access';
import { fundAccountProblems, normalizedFundAccounts, type FundAccounts } from '../../domain/funds/fund-accounts';

interface CreateFundRequest extends Partial<FundAccounts> {
  unitCode: string;
  kind: FundKind;
  name: string;
  campaignFrom?: string;
  campaignTo?: string;
}

const field = (path: string, vi: string, en: string) =>
  new ValidationError([{ path, keyword: 'fund', message: { vi, en } }]);

/** The fund as answered, with its accounts as the caller may see them (see accountsFor). */
const presentFund = (fund: FundDoc, accounts: FundAccounts): Fund => ({
  ...fund,
  ...accounts,
  createdAt: fund.createdAt.toISOString(),
});
/** The audit details of an account change: what was set, whole (the audit log is the protected record). */
const accountDetails = (change: Partial<FundAccounts>) => ({
  ...(change.bankAccount !== undefined ? { bankAccount: change.bankAccount } : {}),
  ...(change.treasuryAccount !== undefined ? { treasuryAccount: change.treasuryAccount } : {}),
});
const presentEntry = (entry: LedgerEntryDoc): LedgerEntry => ({
  ...entry,
  at: entry.at.toISOString(),
  donor: entry.donor ?? null,
});

/**
 * Funds and their ledgers over HTTP ([funds.md](../../docs/funds.md)). Administrators of a fund's unit or above
 * create funds and record receipts (both audited); officers of the fund's unit or above read its ledger and balance.
 * Commitments, releases and payments are not routes: the workflow makes them through the ledger service.
 */
export function createFundRouter(deps: {
  models: Models;
  ledger: Ledger;
  validateBody: RequestValidator;
  authenticate: RequestHandler;
  idempotency: RequestHandler;
}): Router {
  const router = Router();
  const { models, ledger } = deps;

  const readable = (caller: AuthenticatedUser, id: string) => readableFund(models, caller, id);

  /** The fund, when the caller administers its unit or a unit above it; an unknown fund is 404, another unit's 403. */
  async function administeredFund(caller: AuthenticatedUser, id: string): Promise<FundDoc> {
    const fund = await models.Fund.findById(id).lean<FundDoc>();
    if (!fund) throw new NotFoundError('fund');
    await assertAdminOf(models, caller, fund.unitCode);
    return fund;
  }

  router.get('/api/admin/funds', deps.authenticate, async (req, res) => {
    const subtree = await administeredSubtree(models, authenticatedUser(req));
    const query = checkedParameters<{ unit?: string; cursor?: string; limit: number }>(req).query;
    const units = query.unit ? (subtree.has(query.unit) ? [query.unit] : []) : [...subtree];
    const limit = query.limit ?? 50;
    const cursor = decodeCreatedCursor(query.cursor);
    const rows = await models.Fund.find({ unitCode: { $in: units }, ...(cursor ? afterCreatedCursor(cursor) : {}) })
      .sort({ createdAt: 1, _id: 1 })
      .limit(limit + 1)
      .lean<FundDoc[]>();
    const funds = rows.slice(0, limit);
    const balances = await fundBalances(
      models,
      funds.map((f) => f._id),
    );
    res.json({
      // Administrators of the funds' units: their accounts whole.
      items: funds.map((f) => ({ ...presentFund(f, accountsOf(f)), balance: balances.get(f._id)! })),
      nextCursor: rows.length > limit ? encodeCreatedCursor(funds.at(-1)!) : null,
    } satisfies FundList);
  });

  router.patch('/api/admin/funds/:id', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const change = deps.validateBody<UpdateFundRequest>('UpdateFundRequest', req.body);
    const fund = await administeredFund(caller, String(req.params.id));
    const accountProblems = fundAccountProblems(fund.kind, change);
    const next = await updatedFund(models, fund, change, accountProblems);
    const accounts = normalizedFundAccounts(change);
    const set = { ...change, ...accounts };
    // Only the fields asked for: two administrators changing different fields at once both keep their change.
    await models.Fund.updateOne({ _id: fund._id }, { $set: set });
    await recordAdminEvent(models, {
      by: caller.id,
      kind: 'fund.update',
      target: fund._id,
      scope: fund.unitCode,
      details: { ...change, ...accountDetails(accounts) },
    });
    const saved: FundDoc = { ...next, ...accounts };
    res.json(presentFund(saved, accountsOf(saved)));
  });

  router.get('/api/funds', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const query = checkedParameters<{ unit: string; active: boolean }>(req).query;
    const unit = query.unit!; // required by the route's declaration
    const chain = await chainWithRole(models, caller, unit);
    const funds = await models.Fund.find({
      unitCode: { $in: chain },
      ...(query.active !== false ? { active: true } : {}),
    })
      .limit(500)
      .lean<FundDoc[]>();
    // The dossier's own unit first, then each unit above it; by name within a unit.
    funds.sort((a, b) => chain.indexOf(a.unitCode) - chain.indexOf(b.unitCode) || a.name.localeCompare(b.name, 'vi'));
    const balances = await fundBalances(
      models,
      funds.map((f) => f._id),
    );
    res.json({
      items: funds.map((f) => ({
        _id: f._id,
        name: f.name,
        kind: f.kind,
        unitCode: f.unitCode,
        level: f.level,
        active: f.active,
        balance: balances.get(f._id)!,
      })),
    } satisfies FundChoiceList);
  });

  router.post('/api/admin/funds', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const body = deps.validateBody<CreateFundRequest>('CreateFundRequest', req.body);
    const unit = await models.Unit.findById(body.unitCode).lean();
    if (!unit) throw field('/unitCode', `Không có đơn vị ${body.unitCode}`, `no unit ${body.unitCode}`);
    await assertAdminOf(models, caller, unit._id);
    const problems = fundAccountProblems(body.kind, body).map((p) => ({ ...p, keyword: 'fund' }));
    if (body.campaignFrom && body.campaignTo && body.campaignTo < body.campaignFrom) {
      problems.unshift({
        path: '/campaignTo',
        keyword: 'fund',
        message: {
          vi: 'Ngày kết thúc đợt vận động phải sau ngày bắt đầu',
          en: 'the campaign must end after it starts',
        },
      });
    }
    if (problems.length) throw new ValidationError(problems);
    const accounts = normalizedFundAccounts(body);
    const fund: FundDoc = {
      _id: randomUUID(),
      unitCode: unit._id,
      level: unit.level,
      kind: body.kind,
      name: body.name,
      campaignFrom: body.campaignFrom ?? null,
      campaignTo: body.campaignTo ?? null,
      active: true,
      bankAccount: accounts.bankAccount ?? null,
      treasuryAccount: accounts.treasuryAccount ?? null,
      createdAt: new Date(),
      createdBy: caller.id,
    };
    await models.Fund.create(fund);
    await recordAdminEvent(models, {
      by: caller.id,
      kind: 'fund.create',
      target: fund._id,
      scope: fund.unitCode,
      details: {
        name: fund.name,
        kind: fund.kind,
        campaignFrom: fund.campaignFrom,
        campaignTo: fund.campaignTo,
        ...accountDetails(accounts),
      },
    });
    res.status(201).json(presentFund(fund, accountsOf(fund)));
  });

  router.post('/api/admin/funds/:id/receipts', deps.authenticate, deps.idempotency, async (req, res) => {
    const caller = authenticatedUser(req);
    const body = deps.validateBody<{ amount: number; date: string; note?: string; donor?: Donor }>(
      'FundReceiptRequest',
      req.body,
    );
    const fund = await administeredFund(caller, String(req.params.id));
    if ((fund.campaignFrom && body.date < fund.campaignFrom) || (fund.campaignTo && body.date > fund.campaignTo)) {
      throw field(
        '/date',
        `Ngày nhận nằm ngoài đợt vận động ${fund.campaignFrom ?? '…'}–${fund.campaignTo ?? '…'}`,
        `the date is outside the campaign ${fund.campaignFrom ?? '…'}–${fund.campaignTo ?? '…'}`,
      );
    }
    const entry = await ledger.receive(fund._id, {
      amount: body.amount,
      reference: idempotencyIdOf(req) ?? randomUUID(),
      by: caller.id,
      valueDate: body.date,
      note: body.note ?? null,
      donor: body.donor ? { kind: body.donor.kind, name: body.donor.name.trim() } : null,
    });
    await recordAdminEvent(models, {
      by: caller.id,
      kind: 'fund.receipt',
      target: fund._id,
      scope: fund.unitCode,
      // The donor's kind only: a donor may be a person, whose name stays in the ledger.
      details: { seq: entry.seq, amount: entry.amount, date: body.date, donorKind: body.donor?.kind ?? null },
    });
    res.status(201).json(presentEntry(entry));
  });

  router.get('/api/funds/:id/ledger', deps.authenticate, async (req, res) => {
    const { query } = checkedParameters<{ after?: number; limit?: number }>(req);
    const caller = authenticatedUser(req);
    const fund = await readable(caller, String(req.params.id));
    const page = await ledger.entries(fund._id, { after: query.after ?? 0, limit: query.limit ?? 50 });
    res.json({
      fund: presentFund(fund, await accountsFor(models, caller, fund)),
      balance: page.balance,
      entries: page.entries.map(presentEntry),
      next: page.next,
    } satisfies FundLedger);
  });

  router.get('/api/funds/:id/balance', deps.authenticate, async (req, res) => {
    const fund = await readable(authenticatedUser(req), String(req.params.id));
    res.json({ fundId: fund._id, balance: await ledger.balance(fund._id) } satisfies FundBalance);
  });

  return router;
}
