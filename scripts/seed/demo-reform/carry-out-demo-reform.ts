import type { DossierStatus } from '../../../domain/process/dossier-state';
import { inForceOn, successorsOf } from '../../../domain/units';
import type { Models } from '../../../storage/create-models';
import type { UnitDoc } from '../../../storage/unit-schema';
import type { apiClient } from '../../lib/api-client';
import { describeRefusal } from '../demo-driver/drive-dossier';
import type { DemoReform } from './demo-reforms';
import { openAtRetiredUnits } from './open-at-retired-units';

export interface DemoReformReport {
  /** Open dossiers whose current step is at a unit retired before the reform date, within the reform's scope. */
  atRetiredUnits: number;
  /** Sent to the plan's execution (0 when there was nothing to move: a second run). */
  planned: number;
  moved: number;
  failed: number;
  /** Still open at a retired unit afterwards (read again from the read model). */
  left: number;
}

/** A dossier returned for supplement waits for its applicant: the plan reports it and moves it later. */
const MOVABLE: DossierStatus[] = ['received', 'in_progress'];

/**
 * Carries out `reform` for the seed era's dossiers that the demo loaders left open, as an administrator would, through
 * the admin API: `POST /api/admin/transition-plans` (every open dossier of the scope with a retired unit is the plan's
 * concern; those at a retired unit's step are finished on their definition by that unit's only successor in force
 * at the same level, the others keep their unit at the current level), then `…/execute`, which records the move in
 * each dossier's history. Idempotent: once nothing is open at a retired unit, it prepares no plan. Throws on a refused
 * request (status and error code, never data); a dossier the workflow refuses is counted `failed`, and `left` says
 * how many remain at a retired unit, for the caller to report.
 */
export async function carryOutDemoReform(deps: {
  api: ReturnType<typeof apiClient>;
  models: Models;
  reform: DemoReform;
}): Promise<DemoReformReport> {
  const { api, models, reform } = deps;
  const units = new Map((await models.Unit.find({}).lean<UnitDoc[]>()).map((u) => [u._id, u]));
  const retired = [...units.values()].filter((u) => u.effectiveTo !== null && u.effectiveTo < reform.reformDate);
  const atRetired = () => openAtRetiredUnits(models, { day: reform.reformDate, scope: reform.scope });
  const concerned = await models.DossierView.find(
    { status: { $in: MOVABLE }, unitChain: reform.scope },
    { _id: 1, processingUnit: 1, unitChain: 1 },
  ).lean();
  const finishOnOld = concerned.flatMap((dossier) => {
    if (!dossier.unitChain.some((code) => retired.some((u) => u._id === code))) return [];
    const unit = units.get(dossier.processingUnit ?? '');
    if (!unit) return [];
    if (inForceOn(unit, reform.reformDate)) return [{ dossierId: dossier._id, unitCode: unit._id }];
    const next = successorsOf(unit).map((s) => units.get(s.code));
    const successor = next.length === 1 ? next[0] : undefined;
    return successor && successor.level === unit.level && inForceOn(successor, reform.reformDate)
      ? [{ dossierId: dossier._id, unitCode: successor._id }]
      : [];
  });
  const before = await atRetired();
  const report: DemoReformReport = { atRetiredUnits: before, planned: 0, moved: 0, failed: 0, left: before };
  if (before === 0) return report;

  const created = await api.call('POST', '/api/admin/transition-plans', {
    as: reform.admin,
    body: {
      name: reform.name,
      legalBasis: reform.legalBasis,
      reformDate: reform.reformDate,
      unitMapping: reform.unitMapping,
      definitionMapping: reform.definitionMapping,
      finishOnOld,
      // The seed era's people keep their grants in the demo, so that they can still read their units' history (a
      // grant at a retired unit authorises no decision); a real plan lists the grants that end (by default, all).
      grantsEnd: [],
    },
  });
  if (created.status !== 201)
    throw new Error(`transition plan: creation answered ${describeRefusal(created.status, created.body)}`);
  const executed = await api.call('POST', `/api/admin/transition-plans/${String(created.body.id)}/execute`, {
    as: reform.admin,
  });
  if (executed.status !== 200)
    throw new Error(`transition plan: execution answered ${describeRefusal(executed.status, executed.body)}`);
  const entries = executed.body.entries as { result?: string }[];
  report.planned = finishOnOld.length;
  report.moved = entries.filter((e) => e.result === 'moved').length;
  report.failed = entries.filter((e) => e.result === 'failed').length;
  report.left = await atRetired();
  return report;
}
