import { placeOf } from '../documents/place-of';
import { Router, type RequestHandler, type Response } from 'express';
import { civilDate } from '../../domain/time/civil-date';
import { fundPeriod, netByDossier, type DossierAmount } from '../../domain/funds/fund-period';
import { postingDayOf } from '../../domain/funds/posting-day';
import type { Models } from '../../storage/create-models';
import type { FundDoc } from '../../storage/fund-schema';
import type { LedgerEntryDoc } from '../../storage/ledger-entry-schema';
import { authenticatedUser } from '../auth/authenticated-user';
import type { HouseholdAmountRow } from '../documents/draw-household-amount-table';
import { renderFundListPdf } from '../documents/render-fund-list-pdf';
import { recordSecurityEvent } from '../security/record-security-event';
import { resolveUnitChain } from '../units/resolve-unit-chain';
import { checkedParameters } from '../validation/checked-parameters';
import { readableFund } from './readable-fund';
import { accountsFor } from './fund-account-access';
import { fundAccountLines } from '../../domain/funds/fund-accounts';
import { summaryPeriod } from './summary-period';
import { renderLedgerXlsx, type LedgerSheetEntry } from './render-ledger-xlsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** `Thành phố Hà Nội` → `Hà Nội`: the place name a document is dated at. */

function sendFile(res: Response, type: string, fileName: string, bytes: Buffer): void {
  res.set({
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${fileName}"`,
    // The lists name households: never kept by a shared cache.
    'Cache-Control': 'private, no-store',
  });
  res.send(bytes);
}

/**
 * A fund's documents for a period `from`..`to` (YYYY-MM-DD, both required, inclusive; `to` before `from` is 422 at
 * /query/to), for anyone who may read the fund's ledger (a role at its unit or above; 404 unknown fund, 403 else):
 * - `GET /api/funds/:id/payments.pdf`: the payment list (danh sách chi trả), payments minus payment reversals per
 *   dossier;
 * - `GET /api/funds/:id/commitments.pdf`: the approval list (danh sách phê duyệt), commitments minus releases per
 *   dossier;
 * - `GET /api/funds/:id/ledger.xlsx`: the ledger of the period in Excel.
 * An entry belongs to the day the money moved: its value date, else the Việt Nam day it was recorded. Every total is
 * a sum of the underlying ledger entries ([funds.md](../../docs/funds.md#documents)).
 */
export function createFundDocumentRouter(deps: {
  models: Models;
  authenticate: RequestHandler;
  now?: () => Date;
}): Router {
  const router = Router();
  const { models } = deps;
  const now = deps.now ?? (() => new Date());

  async function periodOf(fund: FundDoc, req: Parameters<RequestHandler>[0]) {
    const query = checkedParameters<{ from: string; to: string }>(req).query as { from: string; to: string };
    const { from, to } = summaryPeriod(query.from, query.to);
    const entries = await models.LedgerEntry.find({ fundId: fund._id }).sort({ seq: 1 }).lean<LedgerEntryDoc[]>();
    const dated: LedgerSheetEntry[] = entries.map((e) => ({
      seq: e.seq,
      kind: e.kind,
      amount: e.amount,
      day: postingDayOf(e),
      dossierId: e.dossierId,
      reference: e.reference,
      note: e.note,
    }));
    return { from, to, period: fundPeriod(dated, from, to) };
  }

  /** The fund's unit (the issuing body), the one above it, and the place the document is dated at. */
  async function headingOf(fund: FundDoc) {
    const { units } = await resolveUnitChain(models, fund.unitCode);
    const province = units.find((u) => u.level === 'province');
    return {
      unit: units[0]?.name ?? fund.unitCode,
      ...(units[1] ? { superior: units[1].name } : {}),
      place: placeOf(province?.name ?? units[0]?.name ?? fund.unitCode),
    };
  }

  /** Household head (from the read model) and receiving unit by name, per dossier of the list. */
  async function householdRows(amounts: DossierAmount[]): Promise<HouseholdAmountRow[]> {
    const views = await models.DossierView.find(
      { _id: { $in: amounts.map((a) => a.dossierId) } },
      { applicant: 1, receivingUnit: 1 },
    ).lean();
    const byId = new Map(views.map((v) => [v._id, v]));
    const units = await models.Unit.find(
      { _id: { $in: [...new Set(views.map((v) => v.receivingUnit))] } },
      { name: 1 },
    ).lean();
    const unitName = new Map(units.map((u) => [u._id, u.name]));
    return amounts.map((a) => {
      const view = byId.get(a.dossierId);
      const head = view?.applicant?.['headName'];
      return {
        dossierId: a.dossierId,
        household: typeof head === 'string' ? head : '',
        unit: view ? (unitName.get(view.receivingUnit) ?? view.receivingUnit) : '',
        date: civilDate(a.day),
        amount: a.amount,
      };
    });
  }

  const list = (
    path: string,
    kinds: ['payment', 'payment_reversal'] | ['commitment', 'release'],
    texts: {
      title: string;
      dateHeader: string;
      file: string;
    },
  ) =>
    router.get(path, deps.authenticate, async (req, res) => {
      const caller = authenticatedUser(req);
      const fund = await readableFund(models, caller, String(req.params.id));
      const { from, to, period } = await periodOf(fund, req);
      const rows = await householdRows(netByDossier(period.rows, kinds[0], kinds[1]));
      // The list names households: one read of personal data per dossier listed, as the dossier's own documents.
      for (const row of rows) {
        await recordSecurityEvent(models, { kind: 'personal_data_read', req, dossierId: row.dossierId });
      }
      const pdf = await renderFundListPdf({
        title: texts.title,
        dateHeader: texts.dateHeader,
        fund: fund.name,
        accounts: fundAccountLines(await accountsFor(models, caller, fund)),
        ...(await headingOf(fund)),
        from: civilDate(from),
        to: civilDate(to),
        rows,
        printedAt: now(),
        printedBy: caller.displayName,
      });
      sendFile(res, 'application/pdf', `${texts.file}-${from}-${to}.pdf`, pdf);
    });

  list('/api/funds/:id/payments.pdf', ['payment', 'payment_reversal'], {
    title: 'DANH SÁCH CHI TRẢ TIỀN HỖ TRỢ',
    dateHeader: 'Ngày chi',
    file: 'danh-sach-chi-tra',
  });
  list('/api/funds/:id/commitments.pdf', ['commitment', 'release'], {
    title: 'DANH SÁCH HỘ ĐƯỢC PHÊ DUYỆT HỖ TRỢ',
    dateHeader: 'Ngày duyệt',
    file: 'danh-sach-phe-duyet',
  });

  router.get('/api/funds/:id/ledger.xlsx', deps.authenticate, async (req, res) => {
    const fund = await readableFund(models, authenticatedUser(req), String(req.params.id));
    const { from, to, period } = await periodOf(fund, req);
    const { unit } = await headingOf(fund);
    const xlsx = await renderLedgerXlsx({
      fund: fund.name,
      unit: `${unit} (${fund.unitCode})`,
      from: civilDate(from),
      to: civilDate(to),
      period,
    });
    sendFile(res, XLSX, `so-quy-${from}-${to}.xlsx`, xlsx);
  });

  return router;
}
