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
import { renderControlSlipPdf } from './render-control-slip-pdf';
import { renderExtensionLetterPdf } from './render-extension-letter-pdf';

/** `Thành phố Hà Nội` → `Hà Nội`: the place name a document is dated at. */
const placeOf = (provinceName: string) => provinceName.replace(/^(Thành phố|Tỉnh)\s+/u, '');

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
 * - `GET /api/dossiers/:id/extension-letter.pdf`: the apology and extension letter (form 04), once issued (409 before).
 */
export function createDocumentRouter(deps: {
  service: DossierService;
  models: Models;
  authenticate: RequestHandler;
  now?: () => Date;
}): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());

  /** Unit names, the dated place, and the applicant's name from the read model. */
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
    const province = state.units.province ? unitName(state.units.province) : undefined;
    const head = view?.applicant?.['headName'];
    return {
      unitName,
      province,
      place: province ? placeOf(province) : unitName(state.receivingUnit),
      applicant: typeof head === 'string' ? head : undefined,
    };
  };
  const stepTitle = (definition: ProcessDefinition, stepId: string | null) =>
    stepId ? (findStep(definition, stepId)?.title.vi ?? stepId) : undefined;

  router.get('/api/dossiers/:id/control-slip.pdf', deps.authenticate, async (req, res) => {
    const { state, definition } = await deps.service.state(authenticatedUser(req), String(req.params.id));
    await recordSecurityEvent(deps.models, { kind: 'personal_data_read', req, dossierId: state.dossierId });
    const { unitName, province, place, applicant } = await context(state);
    const party = (unitCode: string, step: string | null, userId?: string) =>
      [unitName(unitCode), stepTitle(definition, step)].filter(Boolean).join(' — ') + (userId ? ` (${userId})` : '');
    const pdf = await renderControlSlipPdf({
      dossierId: state.dossierId,
      procedure: definition.title.vi,
      receivingUnit: unitName(state.receivingUnit),
      ...(province && state.units.province !== state.receivingUnit ? { superior: province } : {}),
      place,
      ...(applicant ? { applicant } : {}),
      receivedAt: state.openedAt,
      dueAt: state.clock?.overallDueAt ?? null,
      rows: controlSlipOf(state, definition).map((row) => ({
        at: row.at,
        from: party(row.from.unitCode, row.from.step, row.from.userId),
        to: row.to ? party(row.to.unitCode, row.to.step) : null,
        result: row.result.vi,
        timeliness: row.timeliness.text.vi,
        note: row.note,
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
    const { unitName, province, place, applicant } = await context(state);
    const pdf = await renderExtensionLetterPdf({
      dossierId: state.dossierId,
      procedure: definition.title.vi,
      unit: unitName(extension.by.unitCode),
      ...(province && state.units.province !== extension.by.unitCode ? { superior: province } : {}),
      place,
      ...(applicant ? { applicant } : {}),
      receivingUnit: unitName(state.receivingUnit),
      receivedAt: state.openedAt,
      previousDueAt: extension.previousDueAt,
      newDueAt: extension.newDueAt,
      reason: extension.reason,
      issuedBy: extension.by.userId,
      issuedAt: extension.at,
    });
    sendPdf(res, `phieu-xin-loi-${state.dossierId}.pdf`, pdf);
  });

  return router;
}
