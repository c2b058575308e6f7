import { namesOfPeople } from '../people/names-of-people';
import { maskCitizenIds, needsFullCitizenId } from '../../domain/privacy/citizen-id-access';
import { Router, type RequestHandler } from 'express';
import type { Models } from '../../storage/create-models';
import type { DossierViewDoc } from '../../storage/dossier-view-schema';
import { applicantSummary } from '../../read-model/project-dossier-state';
import type { DossierState } from '../../workflows/messages';
import type { ProcessDefinition } from '../../domain/process/process-definition';
import { findStep } from '../../domain/process/find-step';
import { timelinessOf } from '../../domain/sla/timeliness';
import { authenticatedUser } from '../auth/authenticated-user';
import { NotFoundError, pickLanguage } from '../errors';
import { idempotencyIdOf } from '../idempotency/create-idempotency';
import type { RequestValidator } from '../validation/create-request-validator';
import type { ProcessRegistry } from '../registry/create-process-registry';
import type { ActionCommand, ClockCommand, CreateDossierCommand, DossierService } from './create-dossier-service';
import { controlSlipOf } from './control-slip-of';
import { earlierDefinitionsOf } from './earlier-definitions-of';
import { presentSignOff } from './present-sign-off';
import { recordSecurityEvent } from '../security/record-security-event';
import type { BulkActionCommand, BulkActionService, BulkItemResult } from './create-bulk-action-service';
import type {
  BulkActionResult,
  ControlSlip,
  DecisionAccepted,
  DecisionResult,
  Dossier,
  DossierAccepted,
  OverlapItem,
  StoredSubmission,
} from '../../api-contract';
import type { OverlapChecker } from '../overlap/create-overlap-checker';

export interface DossierRouterDeps {
  service: DossierService;
  bulk: BulkActionService;
  processes: ProcessRegistry;
  models: Models;
  validateBody: RequestValidator;
  authenticate: RequestHandler;
  idempotency: RequestHandler;
  overlaps: OverlapChecker;
  /** The clock timeliness is judged by (tests inject one); the real clock otherwise. */
  now?: () => Date;
}

/** The dossier as the API shows it: workflow state plus step titles, allowed actions and the applicant summary. */
export function presentDossier(
  state: DossierState,
  definition: ProcessDefinition,
  applicant: Dossier['applicant'] = {},
  now: number = Date.now(),
  overlaps: OverlapItem[] = [],
): Dossier {
  const override = state.history[0]?.overlapOverride;
  const step = state.currentStep ? findStep(definition, state.currentStep) : undefined;
  return {
    id: state.dossierId,
    processKey: state.processKey,
    processVersion: state.processVersion,
    processTitle: definition.title,
    status: state.status,
    outcome: state.outcome,
    timeliness: timelinessOf(
      {
        startedAt: state.stepStartedAt,
        dueAt: state.dueAt,
        closedAt: state.closedAt,
        closedDueAt: state.clock?.overallDueAt ?? state.history[state.history.length - 1]?.stepDueAt ?? null,
        nearDueAt: state.clock?.reminderAt ?? null,
      },
      now,
    ),
    receivingUnit: state.receivingUnit,
    units: state.units,
    openedAt: state.openedAt,
    closedAt: state.closedAt,
    currentStep: step
      ? {
          id: step.id,
          title: step.title,
          level: step.level,
          role: step.role,
          form: step.form ?? null,
          processingUnit: state.processingUnit,
          startedAt: state.stepStartedAt,
          dueAt: state.dueAt,
          actions: [...new Set(step.transitions.map((t) => t.action))],
        }
      : null,
    returnedFrom: state.returnedFrom,
    // The SLA clock (absent for a dossier whose run predates it): overall due time, stopped clock, extension.
    clock: state.clock
      ? {
          overallDueAt: state.clock.overallDueAt,
          reminderAt: state.clock.reminderAt,
          remindedAt: state.clock.remindedAt,
          escalatedAt: state.clock.escalatedAt,
          stoppedAt: state.clock.paused?.at ?? null,
          supplementReturns: state.clock.supplementReturns,
          extension: state.clock.extension
            ? {
                at: state.clock.extension.at,
                reason: state.clock.extension.reason,
                previousDueAt: state.clock.extension.previousDueAt,
                newDueAt: state.clock.extension.newDueAt,
                by: state.clock.extension.by,
              }
            : null,
        }
      : null,
    facts: state.facts,
    submissions: state.submissions,
    applicant,
    history: state.history,
    seq: state.seq,
    ...(state.money ? { money: state.money } : {}),
    overlap: {
      overlaps,
      override:
        override && state.history[0]
          ? { reason: override.reason, at: state.history[0].at, by: state.history[0].actor }
          : null,
    },
    // Names need the database: the router fills them in (namesOfPeople).
    people: [],
  };
}

/** Whether `user` sees full citizen ids in a dossier's own pages (see needsFullCitizenId). */
const fullCitizenIds = (user: { grants: readonly { role: string }[] }) =>
  needsFullCitizenId(
    user.grants.map((g) => g.role),
    'detail',
  );

export function createDossierRouter(deps: DossierRouterDeps): Router {
  const router = Router();
  const { service, models, processes } = deps;
  const clockMs = () => (deps.now?.() ?? new Date()).getTime();

  /**
   * The applicant summary the read model keeps (computed once per change by the projection), unless the read model
   * is behind this state (a decision in flight): then it is read from the submissions, as the projection would.
   */
  async function applicantOf(state: DossierState, definition: ProcessDefinition): Promise<DossierViewDoc['applicant']> {
    const view = await models.DossierView.findById(state.dossierId, { applicant: 1, seq: 1 }).lean();
    if (view && view.seq >= state.seq && view.applicant) return view.applicant;
    return applicantSummary(models, definition, state);
  }

  /**
   * The dossier as `user` sees it: the read-time overlaps (earlier and later dossiers of the same household or
   * person), and the override's overlaps without the codes of dossiers the user may not read.
   */
  async function present(
    user: { grants: readonly { unitCode: string }[] },
    state: DossierState,
    applicant: Dossier['applicant'],
  ) {
    const definition = await processes.get(state.processKey, state.processVersion);
    const viewerUnits = user.grants.map((g) => g.unitCode);
    const found = await deps.overlaps.flagOf(state.dossierId);
    const dossier = presentDossier(
      state,
      definition,
      applicant,
      clockMs(),
      await deps.overlaps.present(found, viewerUnits),
    );
    const signOff = await presentSignOff(models, definition, state);
    if (signOff) dossier.signOff = signOff;
    const overridden = dossier.history.flatMap(
      (h) => h.overlapOverride?.overlaps.flatMap((o) => (o.dossierId ? [o.dossierId] : [])) ?? [],
    );
    const readable = new Set(
      overridden.length === 0
        ? []
        : (
            await models.DossierView.find(
              { _id: { $in: overridden }, unitChain: { $in: viewerUnits } },
              { _id: 1 },
            ).lean()
          ).map((v) => v._id),
    );
    dossier.people = [
      ...(await namesOfPeople(
        models,
        dossier.history.map((h) => h.actor.userId),
      )),
    ].map(([userId, name]) => ({ userId, name }));
    dossier.history = dossier.history.map((h) =>
      h.overlapOverride
        ? {
            ...h,
            overlapOverride: {
              ...h.overlapOverride,
              overlaps: h.overlapOverride.overlaps.map(({ dossierId, ...o }) =>
                dossierId && readable.has(dossierId) ? { ...o, dossierId } : o,
              ),
            },
          }
        : h,
    );
    return dossier;
  }

  router.post('/api/dossiers', deps.authenticate, deps.idempotency, async (req, res) => {
    const command = deps.validateBody<CreateDossierCommand>('CreateDossierRequest', req.body);
    const user = authenticatedUser(req);
    const { dossierId, state } = await service.create(user, command, idempotencyIdOf(req));
    const fullIds = fullCitizenIds(user);
    res.location(`/api/dossiers/${encodeURIComponent(dossierId)}`);
    if (!state) {
      res.status(202).json({ id: dossierId, status: 'processing' } satisfies DossierAccepted);
      return;
    }
    const definition = await processes.get(state.processKey, state.processVersion);
    res.status(201).json(await present(user, state, maskCitizenIds(await applicantOf(state, definition), fullIds)));
  });

  router.get('/api/dossiers/:id', deps.authenticate, async (req, res) => {
    const user = authenticatedUser(req);
    const { state, definition } = await service.state(user, String(req.params.id));
    await recordSecurityEvent(models, { kind: 'personal_data_read', req, dossierId: state.dossierId });
    const applicant = maskCitizenIds(await applicantOf(state, definition), fullCitizenIds(user));
    res.json(await present(user, state, applicant));
  });

  router.get('/api/dossiers/:id/submissions/:submissionId', deps.authenticate, async (req, res) => {
    const user = authenticatedUser(req);
    const { state } = await service.state(user, String(req.params.id));
    const submission = await models.Submission.findOne({
      _id: String(req.params.submissionId),
      dossierId: state.dossierId,
      state: { $ne: 'discarded' },
    }).lean();
    if (!submission) throw new NotFoundError(`submission ${String(req.params.submissionId)}`);
    await recordSecurityEvent(models, { kind: 'personal_data_read', req, dossierId: state.dossierId });
    res.json({
      id: submission._id,
      stepId: submission.stepId,
      form: submission.form,
      data: maskCitizenIds(submission.data, fullCitizenIds(user)),
      createdBy: submission.createdBy,
      createdAt: submission.createdAt.toISOString(),
    } satisfies StoredSubmission);
  });

  router.post('/api/dossiers/:id/actions', deps.authenticate, deps.idempotency, async (req, res) => {
    const command = deps.validateBody<ActionCommand>('ActionRequest', req.body);
    const dossierId = String(req.params.id);
    const outcome = await service.act(authenticatedUser(req), dossierId, command, idempotencyIdOf(req));
    if (outcome.completed) res.json({ dossierId, ...outcome.result } satisfies DecisionResult);
    else
      res
        .status(202)
        .json({ dossierId, seq: null, status: 'processing', updateId: outcome.updateId } satisfies DecisionAccepted);
  });

  router.post('/api/dossiers/bulk-actions', deps.authenticate, deps.idempotency, async (req, res) => {
    const command = deps.validateBody<BulkActionCommand>('BulkActionRequest', req.body);
    const items = await deps.bulk.run(authenticatedUser(req), command, idempotencyIdOf(req));
    const lang = pickLanguage(req.get('accept-language'));
    const count = (outcome: BulkItemResult['outcome']) => items.filter((i) => i.outcome === outcome).length;
    // 202 while any dossier is still being applied or could not be reached: the same request with the same
    // Idempotency-Key finishes it (the idempotency layer keeps only final answers).
    const unfinished = items.some(
      (i) => i.outcome === 'processing' || (i.outcome === 'failed' && i.error.status >= 500),
    );
    res.status(unfinished ? 202 : 200).json({
      action: command.action,
      dryRun: command.dryRun === true,
      total: items.length,
      decided: count('decided'),
      processing: count('processing'),
      failed: count('failed'),
      items: items.map((i) =>
        i.outcome === 'failed' ? { ...i, error: { ...i.error, message: i.error.message[lang] } } : i,
      ),
    } satisfies BulkActionResult);
  });

  const sendClock =
    (action: ClockCommand['action'], schema: 'ExtensionRequest' | 'RecomputeDeadlineRequest'): RequestHandler =>
    async (req, res) => {
      const body = deps.validateBody<Omit<ClockCommand, 'action'>>(schema, req.body);
      const dossierId = String(req.params.id);
      const outcome = await service.clockAction(
        authenticatedUser(req),
        dossierId,
        { ...body, action },
        idempotencyIdOf(req),
      );
      if (outcome.completed) res.json({ dossierId, ...outcome.result } satisfies DecisionResult);
      else
        res
          .status(202)
          .json({ dossierId, seq: null, status: 'processing', updateId: outcome.updateId } satisfies DecisionAccepted);
    };
  router.post(
    '/api/dossiers/:id/extension',
    deps.authenticate,
    deps.idempotency,
    sendClock('extend', 'ExtensionRequest'),
  );
  router.post(
    '/api/dossiers/:id/deadline/recompute',
    deps.authenticate,
    deps.idempotency,
    sendClock('recompute_deadline', 'RecomputeDeadlineRequest'),
  );

  router.get('/api/dossiers/:id/control-slip', deps.authenticate, async (req, res) => {
    const { state, definition } = await service.state(authenticatedUser(req), String(req.params.id));
    await recordSecurityEvent(models, { kind: 'personal_data_read', req, dossierId: state.dossierId });
    res.json({
      dossierId: state.dossierId,
      processKey: state.processKey,
      processVersion: state.processVersion,
      rows: controlSlipOf(
        state,
        definition,
        await namesOfPeople(
          models,
          state.history.map((h) => h.actor.userId),
        ),
        await earlierDefinitionsOf(processes, state),
      ),
    } satisfies ControlSlip);
  });

  return router;
}
