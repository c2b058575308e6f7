import { getState } from '../../workflows/messages';
import { DOSSIER_ATTENTION, DOSSIER_ATTENTION_AT } from '../../workflows/search-attributes';
import { RETRY_LATER } from '../../workflows/create-attention';
import { eventually } from './support/eventually';
import { closeCalendar } from './support/close-calendar';
import { recordHistory } from './support/record-history';
import { createFlaggedDossier } from './support/create-flagged-dossier';
import { useTimeSkippingSystem } from './support/use-time-skipping-system';

/**
 * A dossier flagged for an operator comes back by itself once the cause is repaired, on Temporal's time-skipping
 * test server: the flagged work is retried after RETRY_LATER, which the test skips instead of waiting for.
 */
const ctx = useTimeSkippingSystem();

describe('a dossier flagged for an operator', () => {
  it('retries the flagged work after RETRY_LATER, goes on once the cause is repaired, and drops the flag', async () => {
    expect(RETRY_LATER).toBe('15 minutes');
    const reopen = await closeCalendar(ctx.system, 'HN', await ctx.now());

    const { id, flagged } = await createFlaggedDossier(ctx);
    const handle = ctx.system.temporal.workflow.getHandle(ctx.system.workflowIdOf(id));
    expect(flagged.typedSearchAttributes.get(DOSSIER_ATTENTION)).toBe('computeDueAt/InvalidInput');
    expect(flagged.typedSearchAttributes.get(DOSSIER_ATTENTION_AT)).toBeInstanceOf(Date);
    expect((await handle.query(getState)).currentStep).toBeNull();
    expect(await ctx.system.models.DossierView.findById(id).lean()).toBeNull();

    // Still broken at the first retry: the flag stays, nothing moves.
    await ctx.skip(16 * 60_000);
    expect((await handle.query(getState)).currentStep).toBeNull();
    expect((await handle.describe()).typedSearchAttributes.get(DOSSIER_ATTENTION)).toBe('computeDueAt/InvalidInput');

    // The operator repairs the calendar; the next retry sets the first step up and the flag goes.
    await reopen();
    await ctx.skip(16 * 60_000);
    const state = await eventually('the first step', async () => {
      const s = await handle.query(getState);
      return s.currentStep ? s : undefined;
    });
    expect(state).toMatchObject({ currentStep: 'proposal', status: 'received', seq: 1 });
    expect(state.dueAt).not.toBeNull();
    const view = await eventually(
      'the read model',
      async () => (await ctx.system.models.DossierView.findById(id).lean()) ?? undefined,
    );
    expect(view).toMatchObject({ currentStep: 'proposal', seq: 1 });
    const after = await handle.describe();
    expect(after.typedSearchAttributes.get(DOSSIER_ATTENTION)).toBeUndefined();
    expect(after.typedSearchAttributes.get(DOSSIER_ATTENTION_AT)).toBeUndefined();

    // And it is an ordinary dossier again.
    const submitted = await ctx.api.call('POST', `/api/dossiers/${id}/actions`, {
      as: 'xa.hacau',
      body: { action: 'submit' },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ currentStep: 'district-review' });
    // The flag, the retry timer and the repaired set-up, for the replay test (npm run replay:record).
    await recordHistory(ctx.system.temporal, 'flagged-then-repaired', ctx.system.workflowIdOf(id));
  });
});
