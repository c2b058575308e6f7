import { randomUUID } from 'node:crypto';
import type { ActorRef, DecideInput } from '../../workflows/messages';
import type { ProcessDefinition } from '../../domain/process/process-definition';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { NotFoundError, ValidationError } from '../errors';
import { createUnitValidity } from '../units/create-unit-validity';
import { actingGrants } from '../units/acting-grants';
import { DECIDING_FIELDS, type DecidingState } from './deciding-state';
import { checkDecision } from './check-decision';
import { checkClockAction } from './check-clock-action';
import { vietnamDate } from '../../domain/time/vietnam-date';
import { vietnamInstant } from '../../domain/time/vietnam-instant';
import { fundingOf } from '../../domain/process/funding-of';
import { allChecks } from './step-data-check';
import { createAmendmentCheck } from './create-amendment-check';
import { createAmountLimitCheck } from './create-amount-limit-check';
import { createFundingCheck } from './create-funding-check';
import { createStepFigures } from './create-step-figures';
import type { DossierService, DossierServiceDeps } from './dossier-service';
import { createStepDataStore } from './create-step-data-store';
import { createDecisionSender } from './create-decision-sender';
import { createDossierCreator } from './create-dossier-creator';
import { requestScopedId } from './request-scoped-id';

export type {
  ActionCheck,
  ActionCommand,
  ActionOutcome,
  ClockCommand,
  CreateDossierCommand,
  DossierService,
  DossierServiceDeps,
} from './dossier-service';

/** Dossier ids are codes: unit code, year, number. Anything else cannot name a dossier. */
const DOSSIER_ID = /^[A-Z0-9]+(?:-[A-Z0-9]+){1,8}$/;

/**
 * Creates dossiers and takes decisions. Form data is validated against the step's pinned form, stored in MongoDB
 * as a pending submission, and only its id reaches Temporal; a refused decision discards the submission, so
 * nothing is half-done. Temporal stays the source of truth for where a dossier is. The creation path is
 * createDossierCreator's, the form data's createStepDataStore's, the messages to the workflow createDecisionSender's.
 */
export function createDossierService(deps: DossierServiceDeps): DossierService {
  const now = deps.now ?? (() => new Date());
  const waitMs = deps.decisionWaitMs ?? 15_000;
  const { models } = deps;
  const withFigures = createStepFigures({ models, now });
  const store = createStepDataStore({ models, forms: deps.forms, now });
  const { checkHeldSubmission, storeSubmission } = store;
  const { sendDecision, loadState, orEarlierOutcome } = createDecisionSender({
    models,
    temporal: deps.temporal,
    workflowIdPrefix: deps.workflowIdPrefix,
    waitMs,
  });

  /** Today's date in Vietnam (UTC+7): registers and effective dates follow local days, not UTC ones. */
  const vnToday = (): string => vietnamDate(now());
  const unitValidity = deps.unitValidity ?? createUnitValidity({ models, enforce: true, now });

  /**
   * What deciding needs to know of a dossier (its units, step, facts, status): from the read model, which every
   * completed decision has brought up to date before it answered, so no Temporal round trip; from the workflow
   * for a document projected before it kept `units`. A view a concurrent decision has just made stale can only
   * let through what the workflow's validator then refuses, or refuse what a retry then allows. The caller must
   * hold a grant in one of the dossier's units (404 otherwise, as for reading it).
   */
  async function actingState(
    user: AuthenticatedUser,
    dossierId: string,
  ): Promise<{ state: DecidingState; definition: ProcessDefinition }> {
    if (!DOSSIER_ID.test(dossierId)) throw new NotFoundError(`dossier ${dossierId.slice(0, 40)}`);
    const view = await models.DossierView.findById(dossierId, DECIDING_FIELDS).lean();
    const state: DecidingState = view?.units
      ? {
          dossierId,
          processKey: view.processKey,
          processVersion: view.processVersion,
          status: view.status,
          outcome: view.outcome,
          currentStep: view.currentStep,
          currentRole: view.currentRole,
          processingUnit: view.processingUnit,
          receivingUnit: view.receivingUnit,
          units: view.units,
          facts: view.facts ?? {},
          signOff: view.signOff ?? null,
        }
      : await loadState(dossierId);
    const visible = Object.values(state.units);
    if (!user.grants.some((g) => visible.includes(g.unitCode))) throw new NotFoundError(`dossier ${dossierId}`);
    return { state, definition: await deps.processes.get(state.processKey, state.processVersion) };
  }

  const service: DossierService = {
    ...createDossierCreator(deps, { store, unitValidity, now, waitMs }),
    async check(user, dossierId, command, idempotencyId) {
      const { state, definition } = await actingState(user, dossierId);
      const units = await models.Unit.find({ _id: { $in: Object.values(state.units) } }, { name: 1, nameEn: 1 }).lean();
      const unitNames = new Map(units.map((u) => [u._id, u]));
      const acting = await actingGrants(unitValidity, user, Object.values(state.units));
      return orEarlierOutcome(dossierId, idempotencyId, () => ({
        state,
        definition,
        ...acting.check((active) => checkDecision(active, state, definition, command, unitNames)),
      }));
    },

    async act(user, dossierId, command, idempotencyId) {
      const checked = await service.check(user, dossierId, command, idempotencyId);
      if ('decided' in checked) return checked.decided;
      const { state, step, transition, grant } = checked;
      const actor: ActorRef = { userId: user.id, role: grant.role, unitCode: grant.unitCode };
      // The data is checked against the step the read model shows, which a retry's own first attempt may have left.
      const prepared = await orEarlierOutcome(dossierId, idempotencyId, async () => {
        if (command.data && (!transition.requires?.includes('form') || transition.actor === 'applicant')) {
          throw new ValidationError([
            {
              path: '/data',
              keyword: 'additionalProperties',
              message: {
                vi: `Thao tác '${command.action}' không kèm dữ liệu biểu mẫu`,
                en: `action '${command.action}' takes no form data`,
              },
            },
          ]);
        }
        if (!command.data && transition.requires?.includes('form')) await checkHeldSubmission(dossierId, step);
        const submissionId = idempotencyId ? requestScopedId('act', idempotencyId) : randomUUID();
        const dossierUnits = Object.values(state.units).filter((u): u is string => typeof u === 'string');
        const figures = command.data ? await withFigures(step, command.data, state.receivingUnit) : undefined;
        const limits = allChecks(
          createAmountLimitCheck({ models, loadState }, dossierId, checked.definition, step),
          createFundingCheck(models, step, transition, dossierUnits),
          createAmendmentCheck({ loadState }, dossierId, checked.definition, step, transition),
          figures?.check,
        );
        return {
          stored: figures
            ? await storeSubmission(dossierId, step, figures.data, actor, dossierUnits, submissionId, limits)
            : undefined,
        };
      });
      if ('decided' in prepared) return prepared.decided;
      const { stored } = prepared;
      const input: DecideInput = {
        action: command.action,
        actor,
        ...(command.comment ? { comment: command.comment } : {}),
        ...(stored ? { submission: stored.ref, facts: stored.facts } : {}),
        ...(command.data && step.funding ? { funding: fundingOf(step, command.data) } : {}),
      };
      return sendDecision(dossierId, input, idempotencyId ?? randomUUID(), stored?.ref.id);
    },

    async clockAction(user, dossierId, command, idempotencyId) {
      const { state, definition } = await actingState(user, dossierId);
      const acting = await actingGrants(unitValidity, user, Object.values(state.units));
      const checked = await orEarlierOutcome(dossierId, idempotencyId, () =>
        acting.check((active) => checkClockAction(active, state, definition, command)),
      );
      if ('decided' in checked) return checked.decided;
      const { grant } = checked;
      let newDueAt: string | undefined;
      if (command.action === 'extend') {
        const date = command.newDueDate ?? '';
        // A promised date after today and within a year: the calendar's arithmetic (and a later resumption of a
        // stopped clock) stays within the years it knows.
        const today = vnToday();
        const latest = vietnamDate(now().getTime() + 366 * 86_400_000);
        if (!(date > today && date <= latest)) {
          throw new ValidationError([
            {
              path: '/newDueDate',
              keyword: 'range',
              message: {
                vi: `Ngày hẹn mới phải sau hôm nay và không quá ${latest}`,
                en: `the new date must be after today and no later than ${latest}`,
              },
            },
          ]);
        }
        const day = await deps.calendar.day(date, state.processingUnit ?? state.receivingUnit);
        if (!day.working) {
          throw new ValidationError([
            {
              path: '/newDueDate',
              keyword: 'workingDay',
              message: {
                vi: `Ngày ${date} không phải ngày làm việc`,
                en: `${date} is not a working day`,
              },
            },
          ]);
        }
        const close = day.officeHours[day.officeHours.length - 1]?.end ?? '17:00';
        newDueAt = new Date(vietnamInstant(date, close)).toISOString();
      }
      const actor: ActorRef = { userId: user.id, role: grant.role, unitCode: grant.unitCode };
      const input: DecideInput = {
        action: command.action,
        actor,
        comment: command.reason,
        ...(newDueAt ? { newDueAt } : {}),
      };
      return sendDecision(dossierId, input, idempotencyId ?? randomUUID());
    },

    async state(user, dossierId) {
      if (!DOSSIER_ID.test(dossierId)) throw new NotFoundError(`dossier ${dossierId.slice(0, 40)}`);
      const state = await loadState(dossierId);
      const visible = Object.values(state.units);
      if (!user.grants.some((g) => visible.includes(g.unitCode))) throw new NotFoundError(`dossier ${dossierId}`);
      const definition = await deps.processes.get(state.processKey, state.processVersion);
      return { state, definition };
    },
  };
  return service;
}
