import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { factsOf } from '../../domain/process/facts-of';
import { getState, opened, type DossierWorkflowInput } from '../../workflows/messages';
import { type Level, LEVELS } from '../../domain/process/process-definition';
import { findStep } from '../../domain/process/find-step';
import { DOSSIER_PROCESS, DOSSIER_STATUS, DOSSIER_UNIT } from '../../workflows/search-attributes';
import { ConflictError, ForbiddenError, ValidationError } from '../errors';
import { resolveUnitChain } from '../units/resolve-unit-chain';
import type { UnitValidity } from '../units/create-unit-validity';
import { withinTime } from './within-time';
import { workflowIdOf } from './workflow-id-of';
import { nextDossierId } from './next-dossier-id';
import { vietnamDate } from '../../domain/time/vietnam-date';
import { createStepFigures } from './create-step-figures';
import { OverlapFoundError, overlapFieldProblems } from '../overlap/overlap-found-error';
import { overlappingFieldsOf } from '../overlap/overlapping-fields-of';
import { LEVEL_NAMES, startProblem } from '../../domain/process/start-problem';
import { notOfferedMessage } from './not-offered-message';
import { roleName } from '../../domain/roles';
import type { DossierService, DossierServiceDeps } from './dossier-service';
import { requestScopedId } from './request-scoped-id';
import type { StepDataStore } from './create-step-data-store';
import { createReceiptCheck } from './create-receipt-check';

/**
 * The creation path of the dossier service (create, createAs): the first step's data is validated before a number
 * is taken, overlaps are checked, the submission is stored and the workflow started with the pinned definition.
 */
export function createDossierCreator(
  deps: DossierServiceDeps,
  parts: { store: StepDataStore; unitValidity: UnitValidity; now: () => Date; waitMs: number },
): Pick<DossierService, 'create' | 'createAs'> {
  const { models } = deps;
  const { store, unitValidity, now, waitMs } = parts;
  const { validateStepData, checkFileRefs, storeSubmission } = store;
  const checkReceivedAt = createReceiptCheck(unitValidity);
  const withFigures = createStepFigures({ models, now });
  /** Today's date in Vietnam (UTC+7): registers and effective dates follow local days, not UTC ones. */
  const vnToday = (): string => vietnamDate(now());

  async function startedByThisRequest(dossierId: string, submissionId: string): Promise<boolean> {
    try {
      const state = await deps.temporal.workflow
        .getHandle(workflowIdOf(dossierId, deps.workflowIdPrefix))
        .query(getState);
      return state.history[0]?.submission?.id === submissionId;
    } catch {
      // Unknown (e.g. no worker to answer the query): the number came from this request's own record, so it is
      // almost surely ours — and guessing "not ours" would delete a submission a running workflow references.
      return true;
    }
  }

  const creator: Pick<DossierService, 'create' | 'createAs'> = {
    async create(user, command, idempotencyId) {
      const definition = await deps.processes.get(command.processKey, command.processVersion);
      const first = findStep(definition, definition.initialStep);
      if (!first) throw new Error(`definition ${definition.key} has no initial step`);
      const grants = user.grants.filter(
        (g) => g.role === first.role && (!command.unitCode || g.unitCode === command.unitCode),
      );
      const grant = grants[0];
      if (!grant) {
        throw new ForbiddenError({
          vi: `Chỉ ${roleName(first.role, 'vi')} mới được lập hồ sơ cho quy trình này`,
          en: `only the ${roleName(first.role, 'en')} may create dossiers of this process`,
        });
      }
      if (grants.length > 1) {
        throw new ValidationError([
          {
            path: '/unitCode',
            keyword: 'required',
            message: { vi: 'Hãy chọn đơn vị tiếp nhận', en: 'Choose the receiving unit' },
          },
        ]);
      }
      // The version resolved here is the one used, even if another is published in between.
      const pinned = {
        processKey: definition.key,
        processVersion: definition.version,
        data: command.data,
        ...(command.overlapOverride ? { overlapOverride: command.overlapOverride } : {}),
        ...(command.receivedAt ? { receivedAt: command.receivedAt } : {}),
      };
      return creator.createAs({ userId: user.id, role: grant.role, unitCode: grant.unitCode }, pinned, idempotencyId, {
        viewerUnits: user.grants.map((g) => g.unitCode),
      });
    },

    async createAs(actor, command, idempotencyId, options) {
      const definition = await deps.processes.get(command.processKey, command.processVersion);
      const today = vnToday();
      // With every level present, only the offered dates (the definition's own, narrowed by a transition plan) can
      // stand in the way.
      const offered = await deps.processes.offered(definition.key, definition.version);
      if (startProblem({ ...definition, ...offered }, LEVELS, today)) {
        throw new ConflictError(notOfferedMessage(definition, offered, today), { code: 'process_not_in_effect' });
      }
      const first = findStep(definition, definition.initialStep);
      if (!first) throw new Error(`definition ${definition.key} has no initial step`);
      const grant = { unitCode: actor.unitCode };
      const chain = await resolveUnitChain(models, grant.unitCode);
      const unit = chain.units[0];
      if (unit?.level !== first.level) {
        throw new ForbiddenError({
          vi: `${unit?.name ?? grant.unitCode} không phải cấp ${LEVEL_NAMES[first.level].vi}, nơi lập hồ sơ của quy trình “${definition.title.vi}”`,
          en: `${unit?.nameEn ?? unit?.name ?? grant.unitCode} is not a ${LEVEL_NAMES[first.level].en}, where dossiers of “${definition.title.en}” start`,
        });
      }
      // The creating unit and every unit above it must be in force today: a ward retired by the 2025 reform, or the
      // abolished district above a ward, opens no dossier (422 at /unitCode, naming the unit).
      const retired = unitValidity.firstRetired(chain.units);
      if (retired) {
        const why = unitValidity.describe(retired);
        throw new ValidationError([
          {
            path: '/unitCode',
            keyword: 'unitInForce',
            message: { vi: `${why.vi}: không thể lập hồ sơ mới`, en: `${why.en}: it cannot open new dossiers` },
          },
        ]);
      }
      // A paper dossier's receipt: in the window, after the process took effect, its units in force on that day.
      const receivedAt = command.receivedAt
        ? checkReceivedAt(command.receivedAt, now(), definition, chain.units)
        : null;
      const problem = startProblem({ ...definition, ...offered }, Object.keys(chain.byLevel) as Level[], today);
      if (problem?.kind === 'missing_level') {
        throw new ConflictError(
          {
            vi: `${unit.name} không thuộc ${LEVEL_NAMES[problem.level].vi} nào, mà quy trình “${definition.title.vi}” cần ở bước “${problem.step.title.vi}”: hãy chọn quy trình dành cho đơn vị của bạn`,
            en: `${unit.nameEn ?? unit.name} belongs to no ${LEVEL_NAMES[problem.level].en}, which “${definition.title.en}” needs at its step “${problem.step.title.en}”: choose a process for your unit`,
          },
          { code: 'process_not_applicable' },
        );
      }
      // A result report's data keeps the figures computed now beside the entered ones (createStepFigures).
      const figures = await withFigures(first, command.data, grant.unitCode);
      const data = figures.data;
      // Validate (fields and attachments) before taking a number, so refused data leaves no gap in the register.
      const formRef = await validateStepData(first, data, actor.unitCode, figures.check, options?.audience);
      await checkFileRefs(formRef, data, actor);
      // A retry of the same request (same Idempotency-Key) reuses the number its first attempt took.
      const earlier = idempotencyId
        ? await models.IdempotencyRecord.findById(idempotencyId, { dossierId: 1 }).lean()
        : null;
      // Overlaps with dossiers already indexed; a retry's own dossier is not one. Two creations for the same person
      // at once may both pass: each is indexed, so the detail of both shows the other (the read-time flag).
      const keys = deps.overlaps.keysOf(await deps.forms.get(formRef), data);
      const supportType = factsOf(first, data).supportType;
      const overlapCandidate = {
        programme: definition.programme,
        supportType: typeof supportType === 'string' ? supportType : null,
        openedAt: receivedAt ?? now().toISOString(),
        keys,
      };
      const found = await deps.overlaps.check(overlapCandidate, earlier?.dossierId);
      if (found.length > 0 && !command.overlapOverride) {
        const items = await deps.overlaps.present(found, options?.viewerUnits ?? []);
        throw new OverlapFoundError(items, overlapFieldProblems(overlappingFieldsOf(keys, found, items)));
      }
      const overlapOverride =
        found.length > 0 && command.overlapOverride
          ? deps.overlaps.overrideOf(command.overlapOverride.reason.trim(), found)
          : undefined;
      await options?.admit?.();
      let reused = earlier?.dossierId;
      let dossierId: string;
      for (let attempt = 0; ; attempt++) {
        dossierId = reused ?? (await nextDossierId(models, grant.unitCode, Number(vnToday().slice(0, 4))));
        if (idempotencyId && !reused)
          await models.IdempotencyRecord.updateOne({ _id: idempotencyId }, { $set: { dossierId } });
        const submissionId = idempotencyId ? requestScopedId('create', idempotencyId) : randomUUID();
        const { ref, facts } = await storeSubmission(
          dossierId,
          first,
          data,
          actor,
          chain.units.map((u) => u._id),
          submissionId,
          figures.check,
          options?.audience,
        );
        const input: DossierWorkflowInput = {
          dossierId,
          definition,
          receivingUnit: grant.unitCode,
          units: chain.byLevel,
          createdBy: actor,
          initialSubmission: ref,
          initialFacts: facts,
          ...(overlapOverride ? { overlapOverride } : {}),
          ...(receivedAt ? { receivedAt } : {}),
        };
        try {
          await deps.temporal.workflow.start('dossierWorkflow', {
            workflowId: workflowIdOf(dossierId, deps.workflowIdPrefix),
            taskQueue: deps.taskQueue,
            args: [input],
            typedSearchAttributes: [
              { key: DOSSIER_STATUS, value: 'received' },
              { key: DOSSIER_UNIT, value: grant.unitCode },
              { key: DOSSIER_PROCESS, value: `${definition.key}@${definition.version}` },
            ],
          });
          break;
        } catch (error) {
          // The workflow may exist: keep the submission.
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
          // Our own earlier attempt started it if the workflow's first submission is the one this request stored.
          if (reused && (await startedByThisRequest(dossierId, ref.id))) break;
          // A number already used in Temporal (e.g. a database restored against a live cluster) is skipped.
          await models.Submission.deleteOne({ _id: ref.id });
          if (attempt >= 20) throw error;
        }
        reused = undefined;
      }
      // Indexed once started (a failed start leaves no entry); a lost write is added by `npm run overlap:reindex`.
      await deps.overlaps.record(
        {
          dossierId,
          programme: overlapCandidate.programme,
          supportType: overlapCandidate.supportType,
          unit: grant.unitCode,
          units: chain.units.map((u) => u._id),
          openedAt: new Date(overlapCandidate.openedAt),
        },
        keys,
      );
      // The first step's set-up (due time, read model) runs right after start: the `opened` update answers once it
      // is done and the read model shows the dossier, so it is in the officer's inbox when the answer arrives. If
      // that takes too long (no worker), the dossier exists anyway: the caller gets its id only.
      const handle = deps.temporal.workflow.getHandle(workflowIdOf(dossierId, deps.workflowIdPrefix));
      try {
        const state = await withinTime(deps.temporal, waitMs, () => handle.executeUpdate(opened, { args: [] }));
        if (!state || state.currentStep === null) return { dossierId, state: undefined };
        return { dossierId, state };
      } catch {
        return { dossierId, state: undefined };
      }
    },
  };
  return creator;
}
