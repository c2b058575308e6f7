import { Router, type RequestHandler, type Response } from 'express';
import type { Models } from '../../storage/create-models';
import { authenticatedUser } from '../auth/authenticated-user';
import { controlSlipOf } from '../dossiers/control-slip-of';
import type { DossierService } from '../dossiers/create-dossier-service';
import { recordSecurityEvent } from '../security/record-security-event';
import { ConflictError } from '../errors';
import { findStep } from '../../domain/process/find-step';
import type { DossierState } from '../../workflows/messages';
import type { ProcessDefinition } from '../../domain/process/process-definition';
import type { LedgerEntryDoc } from '../../storage/ledger-entry-schema';
import { renderApprovalDecisionPdf } from './render-approval-decision-pdf';
import { renderControlSlipPdf } from './render-control-slip-pdf';
import { formatVietnamTime } from './vietnam-clock';
import { renderExtensionLetterPdf } from './render-extension-letter-pdf';
import { documentHeadingOf } from './document-heading-of';
import { namesOfPeople } from '../people/names-of-people';
import { earlierDefinitionsOf } from '../dossiers/earlier-definitions-of';
import { recordDefinitionLookup } from '../../domain/process/recorded-definitions';
import type { ProcessRegistry } from '../registry/create-process-registry';

function sendPdf(res: Response, fileName: string, pdf: Buffer): void {
  res.set({
    'Content-Type': 'application/pdf',
    'Content-Disposition': `inline; filename="${fileName}"`,
    // The documents name the applicant: never kept by a shared cache.
    'Cache-Control': 'private, no-store',
  });
  res.send(pdf);
}

/**
 * The dossier's documents as PDF (A4, Vietnamese), for anyone who may read the dossier:
 * - `GET /api/dossiers/:id/control-slip.pdf`: the processing-control slip, one row per hand-off;
 * - `GET /api/dossiers/:id/extension-letter.pdf`: the apology and extension letter (form 04), once issued (409 before);
 * - `GET /api/dossiers/:id/approval-decision.pdf`: the approved support and its split across funds (commitments minus
 *   releases of the dossier on each fund's ledger), once something is committed (409 no_commitment before).
 */
export function createDocumentRouter(deps: {
  service: DossierService;
  processes: Pick<ProcessRegistry, 'get'>;
  models: Models;
  authenticate: RequestHandler;
  now?: () => Date;
}): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());

  /** Unit names and the applicant's name from the read model. */
  const context = async (state: DossierState) => {
    const codes = [
      ...new Set([
        state.receivingUnit,
        ...Object.values(state.units).filter((c): c is string => typeof c === 'string'),
      ]),
    ];
    const [units, view] = await Promise.all([
      deps.models.Unit.find({ _id: { $in: codes } }, { name: 1 }).lean(),
      deps.models.DossierView.findById(state.dossierId, { applicant: 1 }).lean(),
    ]);
    const names = new Map(units.map((u) => [u._id, u.name]));
    const unitName = (code: string) => names.get(code) ?? code;
    const head = view?.applicant?.['headName'];
    return { unitName, applicant: typeof head === 'string' ? head : undefined };
  };
  const stepTitle = (definition: ProcessDefinition, stepId: string | null) =>
    stepId ? (findStep(definition, stepId)?.title.vi ?? stepId) : undefined;

  router.get('/api/dossiers/:id/control-slip.pdf', deps.authenticate, async (req, res) => {
    const { state, definition } = await deps.service.state(authenticatedUser(req), String(req.params.id));
    await recordSecurityEvent(deps.models, { kind: 'personal_data_read', req, dossierId: state.dossierId });
    const { unitName, applicant } = await context(state);
    const people = await namesOfPeople(
      deps.models,
      state.history.map((h) => h.actor.userId),
    );
    const earlier = await earlierDefinitionsOf(deps.processes, state);
    const rows = controlSlipOf(state, definition, people, earlier);
    // Each row's steps by the titles of the definition they were decided under (a transition plan changes it).
    const definitionOf = recordDefinitionLookup(state.history, definition, earlier);
    const party = (seq: number, side: 'from' | 'to', unitCode: string, step: string | null, name?: string) =>
      [unitName(unitCode), stepTitle(definitionOf(seq, side), step)].filter(Boolean).join(' — ') +
      (name ? ` (${name})` : '');
    const heading = await documentHeadingOf(deps.models, state.receivingUnit);
    const pdf = await renderControlSlipPdf({
      dossierId: state.dossierId,
      procedure: definition.title.vi,
      receivingUnit: heading.body,
      ...(heading.superior ? { superior: heading.superior } : {}),
      place: heading.place,
      ...(applicant ? { applicant } : {}),
      receivedAt: state.openedAt,
      dueAt: state.clock?.overallDueAt ?? null,
      rows: rows.map((row) => ({
        at: row.at,
        from: party(row.seq, 'from', row.from.unitCode, row.from.step, row.from.name),
        to: row.to ? party(row.seq, 'to', row.to.unitCode, row.to.step) : null,
        result: row.result.vi,
        timeliness: row.timeliness.text.vi,
        note:
          [
            row.note,
            row.enteredAt ? `Tiếp nhận hồ sơ giấy, nhập vào hệ thống lúc ${formatVietnamTime(row.enteredAt)}` : null,
          ]
            .filter(Boolean)
            .join('. ') || null,
      })),
      printedAt: now(),
    });
    sendPdf(res, `phieu-kiem-soat-${state.dossierId}.pdf`, pdf);
  });

  router.get('/api/dossiers/:id/extension-letter.pdf', deps.authenticate, async (req, res) => {
    const { state, definition } = await deps.service.state(authenticatedUser(req), String(req.params.id));
    const extension = state.clock?.extension;
    if (!extension) {
      throw new ConflictError(
        {
          vi: 'Hồ sơ chưa có phiếu xin lỗi và hẹn lại ngày trả kết quả',
          en: 'no apology and extension has been issued for this dossier',
        },
        { code: 'no_extension' },
      );
    }
    await recordSecurityEvent(deps.models, { kind: 'personal_data_read', req, dossierId: state.dossierId });
    const { unitName, applicant } = await context(state);
    const heading = await documentHeadingOf(deps.models, extension.by.unitCode);
    const people = await namesOfPeople(deps.models, [extension.by.userId]);
    const pdf = await renderExtensionLetterPdf({
      dossierId: state.dossierId,
      procedure: definition.title.vi,
      unit: heading.body,
      ...(heading.superior ? { superior: heading.superior } : {}),
      place: heading.place,
      ...(applicant ? { applicant } : {}),
      receivingUnit: unitName(state.receivingUnit),
      receivedAt: state.openedAt,
      previousDueAt: extension.previousDueAt,
      newDueAt: extension.newDueAt,
      reason: extension.reason,
      issuedBy: people.get(extension.by.userId) ?? extension.by.userId,
      issuedAt: extension.at,
    });
    sendPdf(res, `phieu-xin-loi-${state.dossierId}.pdf`, pdf);
  });

  router.get('/api/dossiers/:id/approval-decision.pdf', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const { state, definition } = await deps.service.state(caller, String(req.params.id));
    const entries = await deps.models.LedgerEntry.find({
      dossierId: state.dossierId,
      kind: { $in: ['commitment', 'release'] },
    }).lean<LedgerEntryDoc[]>();
    const byFund = new Map<string, number>();
    for (const e of entries)
      byFund.set(e.fundId, (byFund.get(e.fundId) ?? 0) + (e.kind === 'commitment' ? e.amount : -e.amount));
    const committed = [...byFund].filter(([, amount]) => amount > 0);
    if (committed.length === 0) {
      throw new ConflictError(
        { vi: 'Hồ sơ chưa được cam kết kinh phí từ nguồn nào', en: 'no support has been committed for this dossier' },
        { code: 'no_commitment' },
      );
    }
    const funds = await deps.models.Fund.find({ _id: { $in: committed.map(([id]) => id) } }).lean();
    const fundUnits = await deps.models.Unit.find({ _id: { $in: funds.map((f) => f.unitCode) } }, { name: 1 }).lean();
    const fundUnitName = new Map(fundUnits.map((u) => [u._id, u.name]));
    const fundById = new Map(funds.map((f) => [f._id, f]));
    await recordSecurityEvent(deps.models, { kind: 'personal_data_read', req, dossierId: state.dossierId });
    const { unitName, applicant } = await context(state);
    const issuer = state.units.district ?? state.receivingUnit;
    const heading = await documentHeadingOf(deps.models, issuer);
    const pdf = await renderApprovalDecisionPdf({
      dossierId: state.dossierId,
      procedure: definition.title.vi,
      unit: heading.body,
      ...(heading.superior ? { superior: heading.superior } : {}),
      place: heading.place,
      ...(applicant ? { household: applicant } : {}),
      receivingUnit: unitName(state.receivingUnit),
      split: committed.map(([fundId, amount]) => {
        const fund = fundById.get(fundId);
        return {
          fund: fund?.name ?? fundId,
          fundUnit: fund ? (fundUnitName.get(fund.unitCode) ?? fund.unitCode) : '',
          amount,
        };
      }),
      printedAt: now(),
      printedBy: caller.displayName,
    });
    sendPdf(res, `phe-duyet-kinh-phi-${state.dossierId}.pdf`, pdf);
  });

  return router;
}
