import { placeOf } from '../documents/place-of';
import { Router, type RequestHandler, type Response } from 'express';
import type { CampaignFiguresResponse, LoanReportResponse, SupportReportResponse } from '../../api-contract';
import { reportPeriodTitle } from '../../domain/reports/report-period';
import type { Models } from '../../storage/create-models';
import { authenticatedUser } from '../auth/authenticated-user';
import { chainWithRole } from '../funds/readable-fund';
import { checkedParameters } from '../validation/checked-parameters';
import { createCampaignFigures } from './create-campaign-figures';
import { createLoadReportTargets } from './create-load-report-targets';
import { createLoadSupportResults } from './create-load-support-results';
import { createLoanReport } from './create-loan-report';
import { createSupportReport } from './create-support-report';
import type { ReportPrinting } from './draw-report-opening';
import { reportPeriodOf, type ReportPeriodQuery } from './report-period-query';
import { renderSupportReportPdf } from './render-support-report-pdf';
import { renderSupportReportXlsx } from './render-support-report-xlsx';
import { renderLoanReportPdf } from './render-loan-report-pdf';
import { renderLoanReportXlsx } from './render-loan-report-xlsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendFile(res: Response, type: string, fileName: string, bytes: Buffer): void {
  res.set({
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${fileName}"`,
    'Content-Length': String(bytes.length),
    'Cache-Control': 'private, no-store',
  });
  res.send(bytes);
}

/**
 * The periodic support report of a unit ([reports.md](../../docs/reports.md)), for a named `period` (2025-Q1,
 * 2025-H1, 2025) or a `from`/`to` range of Việt Nam days:
 * - `GET /api/reports/support`: JSON, the totals and the breakdowns by programme, support type, source and lower unit,
 *   and the result rows they add up;
 * - `GET /api/reports/support.xlsx`: the same as an Excel workbook, a sheet per breakdown;
 * - `GET /api/reports/support.pdf`: the same as a PDF in the administrative format of Decree 30/2020/NĐ-CP;
 * - `GET /api/reports/campaign-figures`: the figures a result report (campaign-result-report) is prefilled with,
 *   each with its source (the ledger entries or dossiers it adds up), loans and allocations named apart;
 * - `GET /api/reports/loans`: the Bank for Social Policies' loans disbursed and collected ("cho vay – thu nợ"), due
 *   5 January and 5 July for the halves, `GET /api/reports/loans.xlsx` the same as an Excel workbook and
 *   `GET /api/reports/loans.pdf` as a PDF in the Decree 30 layout.
 * Each also carries the targets of the unit's plans whose period overlaps the report's, against their results.
 * Readable by anyone holding a role at the unit or above it (as the fund summary): an unknown unit is 404, a unit
 * outside the caller's 403, a bad period 422 at `/query/period`, `/query/from` or `/query/to`. Reports count no
 * person: they name no household, so reading one records no personal-data read.
 */
export function createReportRouter(deps: { models: Models; authenticate: RequestHandler; now?: () => Date }): Router {
  const router = Router();
  const { models } = deps;
  const now = deps.now ?? (() => new Date());
  const supportReport = createSupportReport({ models });
  const reportTargets = createLoadReportTargets({ models, loadSupportResults: createLoadSupportResults({ models }) });
  const campaignFigures = createCampaignFigures({ models });
  const loanReport = createLoanReport({ models });

  async function scopeOf(req: Parameters<RequestHandler>[0]) {
    const query = checkedParameters<ReportPeriodQuery & { unit: string }>(req).query as ReportPeriodQuery & {
      unit: string;
    };
    const period = reportPeriodOf(query);
    await chainWithRole(models, authenticatedUser(req), query.unit);
    return { period, scope: { unitCode: query.unit, from: period.from, to: period.to } };
  }

  async function reportOf(req: Parameters<RequestHandler>[0]) {
    const { period, scope } = await scopeOf(req);
    const report = await supportReport(scope);
    return { period, report, plans: await reportTargets(scope) };
  }

  /** What a report's PDF prints besides its figures: the heading's bodies, the period, when and by whom. */
  const printing = (
    req: Parameters<RequestHandler>[0],
    period: ReturnType<typeof reportPeriodOf>,
    report: { unit: { name: string }; superior: { name: string } | null },
  ): ReportPrinting => ({
    superior: report.superior?.name ?? null,
    place: placeOf(report.unit.name),
    periodTitle: reportPeriodTitle(period, 'vi'),
    printedAt: now(),
    printedBy: authenticatedUser(req).displayName,
  });

  router.get('/api/reports/support', deps.authenticate, async (req, res) => {
    const { period, report, plans } = await reportOf(req);
    const body: SupportReportResponse = {
      ...report,
      plans,
      period: {
        kind: period.kind,
        title: { vi: reportPeriodTitle(period, 'vi'), en: reportPeriodTitle(period, 'en') },
      },
    };
    res.json(body);
  });

  router.get('/api/reports/campaign-figures', deps.authenticate, async (req, res) => {
    const { period, scope } = await scopeOf(req);
    const body: CampaignFiguresResponse = {
      ...(await campaignFigures(scope)),
      plans: await reportTargets(scope),
      period: {
        kind: period.kind,
        title: { vi: reportPeriodTitle(period, 'vi'), en: reportPeriodTitle(period, 'en') },
      },
    };
    res.json(body);
  });

  router.get('/api/reports/loans', deps.authenticate, async (req, res) => {
    const { period, scope } = await scopeOf(req);
    const body: LoanReportResponse = {
      ...(await loanReport(scope)),
      period: {
        kind: period.kind,
        title: { vi: reportPeriodTitle(period, 'vi'), en: reportPeriodTitle(period, 'en') },
      },
    };
    res.json(body);
  });

  router.get('/api/reports/loans.xlsx', deps.authenticate, async (req, res) => {
    const { scope } = await scopeOf(req);
    const report = await loanReport(scope);
    sendFile(
      res,
      XLSX,
      `bao-cao-cho-vay-thu-no-${report.unit.code}-${report.from}-${report.to}.xlsx`,
      await renderLoanReportXlsx(report),
    );
  });

  router.get('/api/reports/loans.pdf', deps.authenticate, async (req, res) => {
    const { period, scope } = await scopeOf(req);
    const report = await loanReport(scope);
    const pdf = await renderLoanReportPdf({ report, ...printing(req, period, report) });
    sendFile(res, 'application/pdf', `bao-cao-cho-vay-thu-no-${report.unit.code}-${report.from}-${report.to}.pdf`, pdf);
  });

  router.get('/api/reports/support.xlsx', deps.authenticate, async (req, res) => {
    const { report, plans } = await reportOf(req);
    sendFile(
      res,
      XLSX,
      `bao-cao-ho-tro-${report.unit.code}-${report.from}-${report.to}.xlsx`,
      await renderSupportReportXlsx(report, plans),
    );
  });

  router.get('/api/reports/support.pdf', deps.authenticate, async (req, res) => {
    const { period, report, plans } = await reportOf(req);
    const pdf = await renderSupportReportPdf({ report, plans, ...printing(req, period, report) });
    sendFile(res, 'application/pdf', `bao-cao-ho-tro-${report.unit.code}-${report.from}-${report.to}.pdf`, pdf);
  });

  return router;
}
