import { getState } from '../../workflows/messages';
import { DOSSIER_ATTENTION } from '../../workflows/search-attributes';
import { proposalIn } from './support/form-examples';
import { eventually } from './support/eventually';
import { closeCalendar } from './support/close-calendar';
import { createFlaggedDossier } from './support/create-flagged-dossier';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();

describe('a dossier whose first step cannot be set up', () => {
  it('keeps running, flagged for an operator, and is listed to the administrators of its unit only', async () => {
    const reopen = await closeCalendar(ctx.system, 'HN', Date.now());
    try {
      const { id, flagged } = await createFlaggedDossier(ctx);
      expect(flagged.status.name).toBe('RUNNING');
      // Codes only: no personal data goes into a search attribute.
      expect(flagged.typedSearchAttributes.get(DOSSIER_ATTENTION)).toBe('computeDueAt/InvalidInput');

      const listed = await eventually('the attention list', async () => {
        const res = await ctx.api.call('GET', '/api/admin/attention', { as: 'admin.hanoi' });
        expect(res.status).toBe(200);
        const items = res.body.items as { dossierId: string }[];
        return items.some((item) => item.dossierId === id) ? items : undefined;
      });
      expect(listed.find((item) => item.dossierId === id)).toEqual({
        dossierId: id,
        activity: 'computeDueAt',
        reason: 'InvalidInput',
        since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        unitCode: 'HN-HD-HC',
      });

      // An officer is no administrator; the administrator of another unit does not see this ward's dossiers.
      expect((await ctx.api.call('GET', '/api/admin/attention', { as: 'xa.hacau' })).status).toBe(403);
      const otherAdmin = await ctx.api.call('POST', '/api/admin/users', {
        as: 'admin.hanoi',
        body: {
          username: 'qt.hadong2025',
          displayName: 'Quản trị phường Hà Đông',
          password: 'mat-khau-qt-2025',
          grants: [{ role: 'admin', unitCode: 'HN-HADONG' }],
        },
      });
      expect(otherAdmin.status).toBe(201);
      ctx.api.usePassword('qt.hadong2025', 'mat-khau-qt-2025');
      const other = await ctx.api.call('GET', '/api/admin/attention', { as: 'qt.hadong2025' });
      expect(other.status).toBe(200);
      expect(other.body.items).toEqual([]);
    } finally {
      await reopen();
    }
  });
});

describe('a decision whose activity cannot succeed', () => {
  it('is refused at once (422, nothing changed) instead of retried for ever, and the next decision goes through', async () => {
    const created = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa.hacau',
      body: { processKey: 'housing-support-2024', data: proposalIn('HN-HD-HC') },
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const handle = ctx.system.temporal.workflow.getHandle(ctx.system.workflowIdOf(id));
    const before = await handle.query(getState);

    // The district step's due time cannot be placed, on every attempt alike.
    const reopen = await closeCalendar(ctx.system, 'HN', Date.now());
    try {
      const refused = await ctx.api.call('POST', `/api/dossiers/${id}/actions`, {
        as: 'xa.hacau',
        body: { action: 'submit' },
        headers: { 'accept-language': 'en' },
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({
        code: 'validation_failed',
        message: expect.stringContaining('no working day'),
        fields: [{ path: '', keyword: 'invalid', message: expect.stringContaining('no working day') }],
      });
      const after = await handle.query(getState);
      expect(after).toMatchObject({ seq: before.seq, currentStep: 'proposal', status: 'received' });
      expect(after.history).toHaveLength(before.history.length);
    } finally {
      await reopen();
    }

    // The decision lock was released: the same decision now goes through.
    const submitted = await ctx.api.call('POST', `/api/dossiers/${id}/actions`, {
      as: 'xa.hacau',
      body: { action: 'submit' },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'in_progress', currentStep: 'district-review' });
  });
});
