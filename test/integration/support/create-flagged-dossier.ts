import type { WorkflowExecutionDescription } from '@temporalio/client';
import { DOSSIER_ATTENTION } from '../../../workflows/search-attributes';
import type { apiClient } from './api-client';
import { eventually } from './eventually';
import { proposalIn } from './form-examples';
import type { TestSystem } from './start-system';

/**
 * Creates a housing dossier in Hà Cầu ward while Hà Nội's calendar is closed (see closeCalendar): the workflow
 * starts but cannot set its first step up, so the API answers 202. Resolves once the workflow has flagged itself
 * for an operator, with its id and the description that shows the flag.
 */
export async function createFlaggedDossier(ctx: {
  system: TestSystem;
  api: ReturnType<typeof apiClient>;
}): Promise<{ id: string; flagged: WorkflowExecutionDescription }> {
  const created = await ctx.api.call('POST', '/api/dossiers', {
    as: 'xa.hacau',
    body: { processKey: 'housing-support-2024', data: proposalIn('HN-HD-HC') },
  });
  // The dossier exists, but its first step has no due time yet: the creation is still being processed.
  if (created.status !== 202) throw new Error(`expected 202, got ${created.status} ${JSON.stringify(created.body)}`);
  const id: string = created.body.id;
  const handle = ctx.system.temporal.workflow.getHandle(ctx.system.workflowIdOf(id));
  const flagged = await eventually('the flag', async () => {
    const d = await handle.describe();
    return d.typedSearchAttributes.get(DOSSIER_ATTENTION) ? d : undefined;
  });
  return { id, flagged };
}
