import { randomUUID } from 'node:crypto';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type Client,
} from '@temporalio/client';
import type { Models } from '../../storage/create-models';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import type { RoleGrant } from '../../storage/user-schema';
import { factsOf } from '../../domain/process/facts-of';
import {
  decide,
  getState,
  opened,
  type ActorRef,
  type DecideResult,
  type DossierState,
  type DossierWorkflowInput,
  type SubmissionRef,
} from '../../workflows/messages';
import {
  type Action,
  type FactValue,
  type Level,
  LEVELS,
  type ProcessDefinition,
  type StepDefinition,
  type Transition,
} from '../../domain/process/process-definition';
import type { ClockAction, DecideInput } from '../../workflows/messages';
import { findStep } from '../../domain/process/find-step';
import { collectFileRefs } from '../../forms/collect-file-refs';
import { citizenErrors, isWithinFields, officerFields } from '../../forms/field-audience';
import { DOSSIER_PROCESS, DOSSIER_STATUS, DOSSIER_UNIT } from '../../workflows/search-attributes';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  mapWorkflowFailure,
} from '../errors';
import type { FormRegistry } from '../registry/create-form-registry';
import type { ProcessRegistry } from '../registry/create-process-registry';
import { resolveUnitChain } from '../units/resolve-unit-chain';
import { createUnitCodeCheck } from '../validation/create-unit-code-check';
import { createUnitValidity, type UnitValidity } from '../units/create-unit-validity';
import { actingGrants } from '../units/acting-grants';
import { withinTime } from './within-time';
import { workflowIdOf } from './workflow-id-of';
import { DECIDING_FIELDS, type DecidingState } from './deciding-state';
import { checkDecision } from './check-decision';
import { checkClockAction } from './check-clock-action';
import { nextDossierId } from './next-dossier-id';
import { vietnamDate } from '../../domain/time/vietnam-date';
import { vietnamInstant } from '../../domain/time/vietnam-instant';
import { isDuplicateKeyError } from '../../storage/is-duplicate-key-error';
import { fundingOf } from '../../domain/process/funding-of';
import { bothChecks, type StepDataCheck } from './step-data-check';
import { createAmendmentCheck } from './create-amendment-check';
import { createAmountLimitCheck } from './create-amount-limit-check';
import { createFundingCheck } from './create-funding-check';
import type { OverlapChecker } from '../overlap/create-overlap-checker';
import { OverlapFoundError, overlapFieldProblems } from '../overlap/overlap-found-error';
import { overlappingFieldsOf } from '../overlap/overlapping-fields-of';
import { LEVEL_NAMES, startProblem } from '../../domain/process/start-problem';
import { roleName } from '../../domain/roles';

export interface DossierServiceDeps {
  /** Put before every workflow id (see workflowIdOf); test systems sharing one Temporal server use their own. */
  workflowIdPrefix?: string;
  models: Models;
  temporal: Client;
  taskQueue: string;
  processes: ProcessRegistry;
  forms: FormRegistry;
  now?: () => Date;
  /** The working calendar: an extension's promised date ends at the close of that day's office hours. */
  calendar: WorkingCalendar;
  /** How long an action waits for the workflow to finish applying it before answering 202 (ms). */
  decisionWaitMs?: number;
  /** The overlap check and index (docs/overlap-checks.md). */
  overlaps: OverlapChecker;
  /** Whether units are in force today (creation, acting); enforced from `models` and `now` when absent. */
  unitValidity?: UnitValidity;
}

export interface CreateDossierCommand {
  processKey: string;
  processVersion?: number;
  unitCode?: string;
  data: Record<string, unknown>;
  /** The creator's reason to create the dossier although it overlaps others (409 `OverlapFound` without it). */
  overlapOverride?: { reason: string };
}

export interface ActionCommand {
  action: Action;
  data?: Record<string, unknown>;
  comment?: string;
}

/** A clock action (see ClockAction): the apology and extension, or an explicit recompute of the step's deadline. */
export interface ClockCommand {
  action: ClockAction;
  /** The reason, required for both. */
  reason: string;
  /** `extend`: the new promised date (Vietnam local date, YYYY-MM-DD); due at the close of office hours that day. */
  newDueDate?: string;
}

export type ActionOutcome = { completed: true; result: DecideResult } | { completed: false; updateId: string };

/** What `check` found: the earlier outcome of a retried request, or everything `act` needs to go on. */
export type ActionCheck =
  | { decided: ActionOutcome }
  | {
      state: DecidingState;
      definition: ProcessDefinition;
      step: StepDefinition;
      transition: Transition;
      grant: RoleGrant;
    };

export interface DossierService {
  /** Starts a dossier; `state` is absent when the workflow could not be queried in time (it exists all the same). */
  create(
    user: AuthenticatedUser,
    command: CreateDossierCommand,
    idempotencyId?: string,
  ): Promise<{ dossierId: string; state: DossierState | undefined }>;
  /**
   * The same for an actor that is not a user's role grant (an embedded form on a portal): the dossier is received
   * by `actor.unitCode`, which must be at the first step's level. Callers authorise the actor themselves.
   * `options.admit` runs once the data is known to be valid and before anything is stored or numbered: the embed
   * router spends a portal's rate budget there, so refused data never does; what it throws is thrown as it is.
   * A dossier that overlaps others (overlap rules) is refused with 409 `OverlapFound` unless the command carries
   * `overlapOverride`, before anything is admitted; its items name the other dossiers' codes only where one of
   * `options.viewerUnits` may read them. With `options.audience: 'citizen'` (a portal's submission) the data may
   * carry only the fields a citizen fills (`citizenErrors`: an officer field is refused 422) and may leave out the
   * officer fields, which the first step's officer adds before the dossier goes forward.
   */
  createAs(
    actor: ActorRef,
    command: Omit<CreateDossierCommand, 'unitCode'>,
    idempotencyId?: string,
    options?: { admit?: () => Promise<void>; viewerUnits?: readonly string[]; audience?: 'citizen' },
  ): Promise<{ dossierId: string; state: DossierState | undefined }>;
  /**
   * The checks `act` makes before it touches anything, without acting: the dossier is visible to the caller (404),
   * open and at a step that allows the action (409), and the caller holds the acting role in the acting unit (403).
   * A retried request (same idempotency id) whose decision Temporal already holds answers with that outcome.
   * The workflow's validator checks again when the decision arrives (the state may have moved meanwhile).
   */
  check(
    user: AuthenticatedUser,
    dossierId: string,
    command: Pick<ActionCommand, 'action' | 'data'>,
    idempotencyId?: string,
  ): Promise<ActionCheck>;
  act(
    user: AuthenticatedUser,
    dossierId: string,
    command: ActionCommand,
    idempotencyId?: string,
  ): Promise<ActionOutcome>;
  /**
   * An extension or a deadline recompute. The caller needs, for `extend`, the step's role or the escalation role
   * in the processing unit; for `recompute_deadline`, the admin or escalation role in one of the dossier's units
   * (403 otherwise). The workflow refuses a second extension (409), one after the dossier is late (409), and a
   * date not after the current due time (422).
   */
  clockAction(
    user: AuthenticatedUser,
    dossierId: string,
    command: ClockCommand,
    idempotencyId?: string,
  ): Promise<ActionOutcome>;
  /** The workflow's state, if the caller may see the dossier (a grant in one of its units); 404 otherwise. */
  state(user: AuthenticatedUser, dossierId: string): Promise<{ state: DossierState; definition: ProcessDefinition }>;
}

/** Dossier ids are codes: unit code, year, number. Anything else cannot name a dossier. */
const DOSSIER_ID = /^[A-Z0-9]+(?:-[A-Z0-9]+){1,8}$/;
const requestScopedId = (prefix: string, idempotencyId: string) => `${prefix}-${idempotencyId.slice(0, 48)}`;

/**
 * Creates dossiers and takes decisions. Form data is validated against the step's pinned form, stored in MongoDB
 * as a pending submission, and only its id reaches Temporal; a refused decision discards the submission, so
 * nothing is half-done. Temporal stays the source of truth for where a dossier is.
 */
export function createDossierService(deps: DossierServiceDeps): DossierService {
  const now = deps.now ?? (() => new Date());
  const waitMs = deps.decisionWaitMs ?? 15_000;
  const { models } = deps;
  const checkUnitCodes = createUnitCodeCheck({ models });

  /**
   * Field problems of `data` against the step's pinned form (422 with each field under `/data`): the schema, and the
   * units it names, which must exist and be in force (see createUnitCodeCheck), judged for `receivingUnit`.
   */
  async function validateStepData(
    step: StepDefinition,
    data: Record<string, unknown>,
    receivingUnit: string,
    limits: StepDataCheck = async () => [],
    audience?: 'citizen',
  ): Promise<string> {
    if (!step.form) {
      throw new ValidationError([
        {
          path: '/data',
          keyword: 'additionalProperties',
          message: { vi: 'Bước này không có biểu mẫu', en: 'This step has no form' },
        },
      ]);
    }
    const form = await deps.forms.get(step.form);
    const officer = audience === 'citizen' ? officerFields(form) : [];
    // A citizen's data: no officer field, and those missing are not errors (see field-audience.ts).
    const problems = [
      ...(audience === 'citizen' ? citizenErrors(form, data) : []),
      ...(await deps.forms.validate(step.form, data)).filter((p) => !isWithinFields(officer, p.path)),
    ];
    // The units the data names must exist and be in force today; a field the schema already refused is not looked up.
    const context = { today: vnToday(), receivingUnit };
    const unitProblems = (await checkUnitCodes(form, data, context)).filter(
      (u) => !problems.some((p) => p.path === u.path),
    );
    // Amounts that exceed what earlier steps brought (approved > requested, payments > approved), same rule.
    const amountProblems = (await limits(data)).filter((a) => !problems.some((p) => p.path === a.path));
    const all = [...problems, ...unitProblems, ...amountProblems];
    if (all.length > 0) {
      throw new ValidationError(all.map((p) => ({ ...p, path: `/data${p.path}` })));
    }
    return step.form;
  }

  /**
   * A step sent forward on the data it already holds (no `data` in the decision) needs that data complete: a
   * citizen's submission through a portal leaves out the fields only the officer fills (field-audience.ts), and the
   * officer must add them first. Only forms with such fields are read again; 422 with the missing fields otherwise.
   */
  async function checkHeldSubmission(dossierId: string, step: StepDefinition): Promise<void> {
    if (!step.form || officerFields(await deps.forms.get(step.form)).length === 0) return;
    const held = await models.Submission.findOne(
      { dossierId, stepId: step.id, state: { $ne: 'discarded' } },
      { data: 1 },
    )
      .sort({ createdAt: -1 })
      .lean();
    if (!held) return;
    const problems = await deps.forms.validate(step.form, held.data);
    if (problems.length === 0) return;
    throw new ValidationError(
      problems.map((p) => ({ ...p, path: `/data${p.path}` })),
      {
        vi: 'Hồ sơ còn thiếu thông tin do UBND xã nhập: hãy bổ sung trước khi gửi đi',
        en: 'The dossier lacks information the commune fills in: add it before sending the dossier on',
      },
    );
  }

  /** Every attachment the data references must exist and be visible to the actor's unit (uploaded there or below). */
  async function checkFileRefs(formRef: string, data: Record<string, unknown>, actor: ActorRef): Promise<string[]> {
    const refs = collectFileRefs((await deps.forms.get(formRef)).uiSchema, data);
    if (refs.length === 0) return [];
    const files = await models.StoredFile.find(
      { _id: { $in: [...new Set(refs.map((r) => r.fileId))] }, state: { $ne: 'sweeping' } },
      { unitChain: 1 },
    ).lean();
    const visible = new Set(files.filter((f) => f.unitChain.includes(actor.unitCode)).map((f) => f._id));
    const missing = refs.filter((r) => !visible.has(r.fileId));
    if (missing.length > 0) {
      throw new ValidationError(
        missing.map((r) => ({
          path: `/data${r.path}`,
          keyword: 'fileRef',
          message: {
            vi: 'Tệp đính kèm không tồn tại hoặc không thuộc đơn vị của bạn',
            en: 'attachment not found or not from your unit',
          },
        })),
      );
    }
    return [...new Set(refs.map((r) => r.fileId))];
  }

  /**
   * Stores validated data as a pending submission. With `id` (derived from an Idempotency-Key), a retry finds the
   * submission its first attempt stored and reuses it instead of leaving an orphan.
   */
  async function storeSubmission(
    dossierId: string,
    step: StepDefinition,
    data: Record<string, unknown>,
    actor: ActorRef,
    dossierUnits: string[],
    id: string = randomUUID(),
    limits?: StepDataCheck,
    audience?: 'citizen',
  ): Promise<{ ref: SubmissionRef; facts: Record<string, FactValue> }> {
    const form = await validateStepData(step, data, actor.unitCode, limits, audience);
    const fileIds = await checkFileRefs(form, data, actor);
    // Whoever may read the dossier may read its attachments: its units join each file's readers. The files are
    // attached for good, so the sweep of unattached uploads never removes them; one the sweep claimed since the
    // check above (state `sweeping`) does not match, and the data is refused as naming a missing file.
    if (fileIds.length > 0) {
      const attached = await models.StoredFile.updateMany(
        { _id: { $in: fileIds }, state: { $ne: 'sweeping' } },
        { $set: { state: 'attached' }, $addToSet: { unitChain: { $each: dossierUnits } } },
      );
      if (attached.matchedCount < fileIds.length) await checkFileRefs(form, data, actor);
    }
    try {
      await models.Submission.create({
        _id: id,
        dossierId,
        stepId: step.id,
        form,
        data,
        createdBy: actor,
        createdAt: now(),
        state: 'pending',
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    return { ref: { id, form }, facts: factsOf(step, data) };
  }

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

  /**
   * For a retried action (same Idempotency-Key): the outcome of the update its first attempt sent, if Temporal
   * knows it — `undefined` when no such update exists (the retry then runs normally), `'pending'` while it runs.
   */
  async function earlierOutcome(dossierId: string, updateId: string): Promise<DecideResult | 'pending' | undefined> {
    const handle = deps.temporal.workflow
      .getHandle(workflowIdOf(dossierId, deps.workflowIdPrefix))
      .getUpdateHandle<DecideResult>(updateId);
    try {
      return (await withinTime(deps.temporal, 2000, () => handle.result())) ?? 'pending';
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) throw mapWorkflowFailure(error, dossierId) ?? error;
      return undefined; // not found: the first attempt never reached Temporal
    }
  }

  /**
   * Sends a decision as the `decide` update and waits up to `waitMs` for its result (202 after that: Temporal holds
   * it, and a retry with the same updateId finds it). A refused decision discards the submission it carried.
   */
  async function sendDecision(
    dossierId: string,
    input: DecideInput,
    updateId: string,
    submissionId?: string,
  ): Promise<ActionOutcome> {
    const handle = deps.temporal.workflow.getHandle(workflowIdOf(dossierId, deps.workflowIdPrefix));
    // One call: Temporal answers when the update has completed (or been refused), without a second poll for it.
    try {
      // Waiting for acceptance is inside the time limit too: with no worker running, the decision is held by
      // Temporal (same updateId on retry) and the caller gets 202 instead of a hanging request.
      const result = await withinTime(deps.temporal, waitMs, () =>
        handle.executeUpdate(decide, { args: [input], updateId }),
      );
      if (result) return { completed: true, result };
      return { completed: false, updateId };
    } catch (error) {
      if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return { completed: false, updateId };
      const refused = error instanceof WorkflowUpdateFailedError || error instanceof WorkflowNotFoundError;
      if (submissionId && refused)
        await models.Submission.updateOne({ _id: submissionId, state: 'pending' }, { $set: { state: 'discarded' } });
      if (error instanceof WorkflowNotFoundError && (await workflowExists(dossierId))) {
        // Temporal refuses an update to a run that has finished as "not found"; the dossier exists, it is closed.
        throw new ConflictError({ vi: 'Hồ sơ đã kết thúc', en: 'dossier is closed' }, { code: 'action_not_allowed' });
      }
      throw mapWorkflowFailure(error, dossierId) ?? error;
    }
  }

  /** Whether Temporal has (or had) the dossier's workflow; for telling a closed dossier from an unknown one. */
  async function workflowExists(dossierId: string): Promise<boolean> {
    try {
      await deps.temporal.workflow.getHandle(workflowIdOf(dossierId, deps.workflowIdPrefix)).describe();
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  /** Today's date in Vietnam (UTC+7): registers and effective dates follow local days, not UTC ones. */
  const vnToday = (): string => vietnamDate(now());
  const unitValidity = deps.unitValidity ?? createUnitValidity({ models, enforce: true, now });

  async function loadState(dossierId: string): Promise<DossierState> {
    try {
      return await deps.temporal.workflow.getHandle(workflowIdOf(dossierId, deps.workflowIdPrefix)).query(getState);
    } catch (error) {
      throw mapWorkflowFailure(error, dossierId) ?? error;
    }
  }

  /**
   * Runs a check; when it refuses (403, 409, 422) a request that carries an Idempotency-Key, the refusal may be the
   * work of the request's own first attempt (applied since, or still running after a 202): its outcome then answers.
   * A 422 counts too: the step the dossier moved on to may be the same role's with another form (a treasurer's
   * payment order, then the same treasurer's confirmation), so the retried data fails that form. A first attempt
   * that is accepted thus costs no lookup; a refused one costs one.
   */
  async function orEarlierOutcome<T>(
    dossierId: string,
    idempotencyId: string | undefined,
    run: () => T | Promise<T>,
  ): Promise<T | { decided: ActionOutcome }> {
    try {
      return await run();
    } catch (error) {
      if (!idempotencyId || !(error instanceof DomainError) || ![403, 409, 422].includes(error.status)) throw error;
      const earlier = await earlierOutcome(dossierId, idempotencyId);
      if (earlier === 'pending') return { decided: { completed: false, updateId: idempotencyId } };
      if (earlier) return { decided: { completed: true, result: earlier } };
      throw error;
    }
  }

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
      };
      return service.createAs({ userId: user.id, role: grant.role, unitCode: grant.unitCode }, pinned, idempotencyId, {
        viewerUnits: user.grants.map((g) => g.unitCode),
      });
    },

    async createAs(actor, command, idempotencyId, options) {
      const definition = await deps.processes.get(command.processKey, command.processVersion);
      const today = vnToday();
      // With every level present, only the definition's effective dates can stand in the way.
      if (startProblem(definition, LEVELS, today)) {
        throw new ConflictError(
          {
            vi: `Quy trình “${definition.title.vi}” không còn nhận hồ sơ mới`,
            en: `“${definition.title.en}” takes no new dossiers`,
          },
          { code: 'process_not_in_effect' },
        );
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
      const problem = startProblem(definition, Object.keys(chain.byLevel) as Level[], today);
      if (problem?.kind === 'missing_level') {
        throw new ConflictError(
          {
            vi: `${unit.name} không thuộc ${LEVEL_NAMES[problem.level].vi} nào, mà quy trình “${definition.title.vi}” cần ở bước “${problem.step.title.vi}”: hãy chọn quy trình dành cho đơn vị của bạn`,
            en: `${unit.nameEn ?? unit.name} belongs to no ${LEVEL_NAMES[problem.level].en}, which “${definition.title.en}” needs at its step “${problem.step.title.en}”: choose a process for your unit`,
          },
          { code: 'process_not_applicable' },
        );
      }
      // Validate (fields and attachments) before taking a number, so refused data leaves no gap in the register.
      const formRef = await validateStepData(first, command.data, actor.unitCode, undefined, options?.audience);
      await checkFileRefs(formRef, command.data, actor);
      // A retry of the same request (same Idempotency-Key) reuses the number its first attempt took.
      const earlier = idempotencyId
        ? await models.IdempotencyRecord.findById(idempotencyId, { dossierId: 1 }).lean()
        : null;
      // Overlaps with dossiers already indexed; a retry's own dossier is not one. Two creations for the same person
      // at once may both pass: each is indexed, so the detail of both shows the other (the read-time flag).
      const keys = deps.overlaps.keysOf(await deps.forms.get(formRef), command.data);
      const supportType = factsOf(first, command.data).supportType;
      const overlapCandidate = {
        programme: definition.programme,
        supportType: typeof supportType === 'string' ? supportType : null,
        openedAt: now().toISOString(),
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
          command.data,
          actor,
          chain.units.map((u) => u._id),
          submissionId,
          undefined,
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
        const limits = bothChecks(
          bothChecks(
            createAmountLimitCheck({ models, loadState }, dossierId, checked.definition, step),
            createFundingCheck(models, step, transition, dossierUnits),
          ),
          createAmendmentCheck({ loadState }, dossierId, checked.definition, step, transition),
        );
        return {
          stored: command.data
            ? await storeSubmission(dossierId, step, command.data, actor, dossierUnits, submissionId, limits)
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
