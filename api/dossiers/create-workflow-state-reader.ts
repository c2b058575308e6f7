import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { getState, type DossierState } from '../../workflows/messages';
import { workflowIdOf } from './workflow-id-of';

/**
 * Reads a dossier's state from its workflow (the `getState` query), without any authorisation: for callers that
 * have authorised the reader themselves (the citizens' status lookup, after its secret matched). Undefined when
 * Temporal has no workflow of that id; any other failure (no worker answering the query, Temporal unreachable) is
 * thrown as it is and becomes a 5xx the caller may retry.
 */
export function createWorkflowStateReader(
  temporal: Client,
  workflowIdPrefix?: string,
): (dossierId: string) => Promise<DossierState | undefined> {
  return async (dossierId) => {
    try {
      return await temporal.workflow.getHandle(workflowIdOf(dossierId, workflowIdPrefix)).query(getState);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  };
}
