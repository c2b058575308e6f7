import fs from 'node:fs';
import path from 'node:path';
import { getState } from '../../workflows/messages';
import type { ProcessDefinition } from '../../domain/process/process-definition';
import { example, proposalIn } from './support/form-examples';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();

const act = (user: string, id: string, body: Record<string, unknown>) =>
  ctx.api.call('POST', `/api/dossiers/${id}/actions`, { as: user, body });
async function create(user: string, processKey: string, unitCode: string, processVersion?: number): Promise<string> {
  const res = await ctx.api.call('POST', '/api/dossiers', {
    as: user,
    body: { processKey, ...(processVersion ? { processVersion } : {}), data: proposalIn(unitCode) },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('definition versions', () => {
  it('keeps a running dossier on version 4 after version 90 is published, while new dossiers start on version 90', async () => {
    // Version 4, the last with a list approval and one recorded disbursement.
    const oldId = await create('xa2025.kienhung', 'housing-support-2025', 'HN-KIENHUNG', 4);
    await act('xa2025.kienhung', oldId, { action: 'submit' });

    const file = path.join(__dirname, '..', '..', 'domain', 'process', 'definitions', 'housing-support-2025@4.json');
    const next = JSON.parse(fs.readFileSync(file, 'utf8')) as ProcessDefinition;
    // Test versions are numbered from 90, so the shipped versions can take the next numbers.
    next.version = 90;
    const appraisal = next.steps.find((s) => s.id === 'province-appraisal');
    if (!appraisal) throw new Error('definition changed: no province-appraisal step');
    appraisal.timeLimit = { amount: 20, unit: 'working_days' };
    appraisal.title = { vi: 'Thẩm định của Sở (phiên bản 90)', en: 'Department appraisal (version 90)' };
    expect(await ctx.system.processes.publish(next, 'test')).toEqual({ ref: 'housing-support-2025@90', created: true });
    // Immutable: publishing different content under an existing version is refused.
    await expect(
      ctx.system.processes.publish({ ...next, title: { vi: 'khác', en: 'other' } }, 'test'),
    ).rejects.toMatchObject({ status: 409 });

    const newId = await create('xa2025.kienhung', 'housing-support-2025', 'HN-KIENHUNG');
    const created = await ctx.api.call('GET', `/api/dossiers/${newId}`, { as: 'xa2025.kienhung' });
    expect(created.body.processVersion).toBe(90);

    const old = await ctx.api.call('GET', `/api/dossiers/${oldId}`, { as: 'tp.hanoi' });
    expect(old.body).toMatchObject({
      processVersion: 4,
      currentStep: { id: 'province-appraisal', title: { en: 'Department appraisal' } },
    });
    await act('tp.hanoi', oldId, { action: 'approve', data: example('housing-review@1') });
    // The list approval (since version 3) takes no form: a single decision works as well as a bulk one.
    expect((await act('lanhdao.hanoi', oldId, { action: 'approve' })).body).toMatchObject({
      currentStep: 'disbursement',
    });
    const done = await act('khobac.hanoi', oldId, { action: 'approve', data: example('housing-disbursement@1') });
    expect(done.body).toMatchObject({ status: 'completed' });
    const state = await ctx.system.temporal.workflow.getHandle(ctx.system.workflowIdOf(oldId)).query(getState);
    expect(state.processVersion).toBe(4);
  });
});

describe('worker restarts', () => {
  it('loses nothing when the worker stops in the middle of a chain and an officer acts meanwhile', async () => {
    const id = await create('xa.hacau', 'housing-support-2024', 'HN-HD-HC', 3);
    await act('xa.hacau', id, { action: 'submit' });
    await ctx.system.stopWorker();
    // The decision is sent while no worker runs: Temporal holds it until a worker is back.
    const pending = act('quan.hadong', id, { action: 'approve', data: example('housing-review@1') });
    await new Promise((r) => setTimeout(r, 1500));
    await ctx.system.startWorker();
    const res = await pending;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ currentStep: 'province-approval' });
    await act('tp.hanoi', id, { action: 'approve', data: example('housing-decision@1') });
    const paid = await act('quy.hadong', id, { action: 'approve', data: example('housing-disbursement@1') });
    expect(paid.body).toMatchObject({ status: 'completed' });
    const view = await ctx.system.models.DossierView.findById(id).lean();
    expect(view).toMatchObject({ status: 'completed', seq: 5 });
    expect(await ctx.system.models.AuditEntry.countDocuments({ dossierId: id })).toBe(5);
  });
});

describe('Temporal visibility', () => {
  it('finds dossiers by the custom search attributes, which hold codes only', async () => {
    const id = await create('xa.phuluong', 'housing-support-2024', 'HN-HD-PL');
    await act('xa.phuluong', id, { action: 'submit' });
    const query = `HosoUnit = 'HN-HD' AND HosoStatus = 'in_progress' AND HosoStep = 'district-review' AND WorkflowId = '${ctx.system.workflowIdOf(id)}'`;
    let found: string[] = [];
    for (let attempt = 0; attempt < 50 && found.length === 0; attempt++) {
      found = [];
      for await (const wf of ctx.system.temporal.workflow.list({ query })) found.push(wf.workflowId);
      if (found.length === 0) await new Promise((r) => setTimeout(r, 200));
    }
    expect(found).toEqual([ctx.system.workflowIdOf(id)]);
    const description = await ctx.system.temporal.workflow.getHandle(ctx.system.workflowIdOf(id)).describe();
    const attributes = JSON.stringify(description.searchAttributes);
    expect(attributes).not.toContain('Nguyễn');
    expect(attributes).not.toContain(example('housing-proposal@1').household.citizenId);
  });
});

describe('the inbox', () => {
  it('lists what waits for the caller soonest due first, page by page without gaps or repeats', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await create('xa.dongmai', 'housing-support-2024', 'HN-HD-DM'));
    const seen: string[] = [];
    const dues: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await ctx.api.call('GET', `/api/inbox${query}`, { as: 'xa.dongmai' });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      for (const item of page.body.items) {
        seen.push(item.id);
        dues.push(item.dueAt);
        expect(item).toMatchObject({ currentRole: 'commune_officer', processingUnit: 'HN-HD-DM' });
      }
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(ids));
    expect([...dues].sort()).toEqual(dues);
    const limit = await ctx.api.call('GET', '/api/inbox?limit=0', { as: 'xa.dongmai' });
    expect(limit.status).toBe(422);
    expect(limit.body.error).toMatchObject({
      code: 'validation_failed',
      fields: [expect.objectContaining({ path: '/query/limit' })],
    });
    const badCursor = await ctx.api.call('GET', '/api/inbox?cursor=garbage', { as: 'xa.dongmai' });
    expect(badCursor.status).toBe(422);
    expect(badCursor.body.error).toMatchObject({
      code: 'validation_failed',
      fields: [expect.objectContaining({ path: '/query/cursor' })],
    });
  });
});

describe('the HTTP surface', () => {
  it('reports healthy when Temporal, the database and the worker answer', async () => {
    const res = await ctx.api.call('GET', '/healthz');
    expect(res).toMatchObject({
      status: 200,
      body: { status: 'ok', serving: true, temporal: 'ok', database: 'ok', worker: 'ok' },
    });
  });

  it('lists both housing processes and serves their forms', async () => {
    const processes = await ctx.api.call('GET', '/api/processes', { as: 'xa.hacau' });
    expect(processes.body.items.map((p: { key: string }) => p.key)).toEqual(
      expect.arrayContaining(['housing-support-2024', 'housing-support-2025']),
    );
    const form = await ctx.api.call('GET', '/api/forms/housing-proposal/1', { as: 'xa.hacau' });
    expect(form.body).toMatchObject({
      key: 'housing-proposal',
      version: 1,
      schema: { $schema: 'https://json-schema.org/draft/2020-12/schema' },
    });
    const missing = await ctx.api.call('GET', '/api/forms/housing-proposal/99', { as: 'xa.hacau' });
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'not_found', fields: [] } } });
    const notANumber = await ctx.api.call('GET', '/api/forms/housing-proposal/abc', { as: 'xa.hacau' });
    expect(notANumber.status).toBe(422);
    expect(notANumber.body.error.code).toBe('validation_failed');
  });

  it('answers a body that is not JSON with 400 in the one error shape', async () => {
    const res = await ctx.api.call('POST', '/api/auth/login', { body: '{not json' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'bad_request', message: expect.any(String), fields: [] } });
  });

  it('refuses a wrong password and an invalid login body', async () => {
    const wrong = await ctx.api.call('POST', '/api/auth/login', { body: { username: 'xa.hacau', password: 'wrong' } });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'unauthorized', fields: [] } } });
    expect(wrong.body.token).toBeUndefined();
    const invalid = await ctx.api.call('POST', '/api/auth/login', { body: { username: '' } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['/username', '/password']),
    );
  });
});
