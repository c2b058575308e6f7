import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type Client,
} from '@temporalio/client';
import type { Models } from '../../storage/create-models';
import { decide, getState, type DecideInput, type DecideResult, type DossierState } from '../../workflows/messages';
import { ConflictError, DomainError, mapWorkflowFailure } from '../errors';
import { withinTime } from './within-time';
import { workflowIdOf } from './workflow-id-of';
import type { ActionOutcome } from './dossier-service';

/**
 * How the dossier service reaches a dossier's workflow once it runs (part of the dossier service): its state, the
 * `decide` update with its wait and 202, and the outcome of a retried request's first attempt.
 */
export function createDecisionSender(deps: {
  models: Models;
  temporal: Client;
  workflowIdPrefix?: string;
  /** How long an action waits for the workflow to finish applying it before answering 202 (ms). */
  waitMs: number;
}) {
  const { models, waitMs } = deps;

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

  return { sendDecision, loadState, orEarlierOutcome };
}

export type DecisionSender = ReturnType<typeof createDecisionSender>;
