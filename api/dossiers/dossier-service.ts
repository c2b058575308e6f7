import type { Client } from '@temporalio/client';
import type { Models } from '../../storage/create-models';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import type { RoleGrant } from '../../storage/user-schema';
import type { ActorRef, ClockAction, DecideResult, DossierState } from '../../workflows/messages';
import type { Action, ProcessDefinition, StepDefinition, Transition } from '../../domain/process/process-definition';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { FormRegistry } from '../registry/create-form-registry';
import type { ProcessRegistry } from '../registry/create-process-registry';
import type { UnitValidity } from '../units/create-unit-validity';
import type { OverlapChecker } from '../overlap/create-overlap-checker';
import type { DecidingState } from './deciding-state';

// The dossier service's contract (types only): what createDossierService (create-dossier-service.ts) takes and gives.

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
  /** A paper dossier's receipt time (ISO instant), if before now: its clock starts there (checkReceivedAt). */
  receivedAt?: string;
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
