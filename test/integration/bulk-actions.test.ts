// Bulk decisions (`POST /api/dossiers/bulk-actions`) against the real system: the city's unit head approves a list
// of appraised housing-support-2025@3 dossiers at once; a batch with one dossier that cannot take the action is
// refused whole; a retry with the same Idempotency-Key never decides twice.
import fs from 'node:fs';
import path from 'node:path';
import type { ProcessDefinition } from '../../domain/process/process-definition';
import { proposalIn } from './support/form-examples';
import { postReformDossierAt } from './support/post-reform-dossier-at';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const HEAD = 'lanhdao.hanoi';
const BULK = '/api/dossiers/bulk-actions';

const bulk = (user: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  ctx.api.call('POST', BULK, { as: user, body, headers });
const dossier = async (id: string) => (await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'tp.hanoi' })).body;

const dossierAt = (step: 'province-appraisal' | 'province-approval', processKey?: string) =>
  postReformDossierAt(ctx.api, step, processKey);

async function inboxIds(user: string): Promise<string[]> {
  const res = await ctx.api.call('GET', '/api/inbox?limit=200', { as: user });
  return res.body.items.map((i: { id: string }) => i.id);
}

const approvals = (d: { history: { action: string }[] }) => d.history.filter((h) => h.action === 'approve').length;

describe('bulk decisions', () => {
  it('approves a list of appraised dossiers in one request, each recorded as its own decision', async () => {
    const ids = [
      await dossierAt('province-approval'),
      await dossierAt('province-approval'),
      await dossierAt('province-approval'),
    ];
    expect(await inboxIds(HEAD)).toEqual(expect.arrayContaining(ids));

    const res = await bulk(HEAD, {
      dossierIds: ids,
      action: 'approve',
      comment: 'Quyết định 45/QĐ-UBND phê duyệt danh sách',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      action: 'approve',
      dryRun: false,
      total: 3,
      decided: 3,
      failed: 0,
      processing: 0,
    });
    expect(res.body.items.map((i: { dossierId: string }) => i.dossierId)).toEqual(ids);
    for (const item of res.body.items)
      expect(item).toMatchObject({ outcome: 'decided', result: { currentStep: 'disbursement', processingUnit: 'HN' } });

    for (const id of ids) {
      const d = await dossier(id);
      expect(d).toMatchObject({ processVersion: 4, currentStep: { id: 'disbursement' } });
      expect(d.history.at(-1)).toMatchObject({
        action: 'approve',
        fromStep: 'province-approval',
        toStep: 'disbursement',
        comment: 'Quyết định 45/QĐ-UBND phê duyệt danh sách',
        actor: { userId: HEAD, role: 'unit_head', unitCode: 'HN' },
      });
      // The read model moved with it (the decision returns once it is projected).
      expect(await ctx.system.models.DossierView.findById(id).lean()).toMatchObject({
        currentStep: 'disbursement',
        currentRole: 'treasurer',
        seq: d.seq,
      });
      expect(await ctx.system.models.AuditEntry.countDocuments({ dossierId: id })).toBe(d.history.length);
    }
    expect(await inboxIds('khobac.hanoi')).toEqual(expect.arrayContaining(ids));
    expect(await inboxIds(HEAD)).not.toContain(ids[0]);
  });

  it('refuses a whole batch when one dossier cannot take the action, naming each, and decides none', async () => {
    const ready = await dossierAt('province-approval');
    const notYet = await dossierAt('province-appraisal');
    const seedEra = (
      await ctx.api.call('POST', '/api/dossiers', {
        as: 'xa.hacau',
        body: { processKey: 'housing-support-2024', data: proposalIn('HN-HD-HC') },
      })
    ).body.id as string;
    const before = await dossier(ready);

    const refused = await bulk(
      HEAD,
      { dossierIds: [ready, notYet, 'HN-NOWHERE-2026-00009', seedEra], action: 'approve' },
      { 'accept-language': 'en' },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('validation_failed');
    expect(refused.body.error.message).toMatch(/none was decided/);
    expect(refused.body.error.fields).toEqual([
      {
        path: '/dossierIds/1',
        keyword: 'forbidden',
        message: 'the step “Department appraisal” is for the Provincial department of Hanoi',
      },
      { path: '/dossierIds/2', keyword: 'not_found', message: 'dossier HN-NOWHERE-2026-00009 not found' },
      {
        path: '/dossierIds/3',
        keyword: 'action_not_allowed',
        message: "action 'approve' is not allowed in step 'proposal' (allowed: submit, withdraw)",
      },
    ]);
    // The department may act on the appraisal, but not in bulk: it needs each dossier's appraisal form.
    const notBulk = await bulk('tp.hanoi', { dossierIds: [notYet], action: 'approve' });
    expect(notBulk.status).toBe(422);
    expect(notBulk.body.error.fields).toEqual([
      {
        path: '/dossierIds/0',
        keyword: 'bulk_not_allowed',
        message: "Thao tác 'approve' ở bước 'province-appraisal' không được xử lý hàng loạt",
      },
    ]);
    // A dossier of another unit is not visible at all, and a dossier may be listed once only.
    const foreign = await bulk('lanhdao.hadong', { dossierIds: [ready], action: 'approve' });
    expect(foreign.body.error.fields).toEqual([
      expect.objectContaining({ path: '/dossierIds/0', keyword: 'not_found' }),
    ]);
    const twice = await bulk(HEAD, { dossierIds: [ready, ready], action: 'approve' });
    expect(twice.body.error.fields).toEqual([
      expect.objectContaining({ path: '/dossierIds/1', keyword: 'uniqueItems' }),
    ]);
    const tooMany = await bulk(HEAD, {
      dossierIds: Array.from({ length: 101 }, (_, i) => `HN-X-2026-${i}`),
      action: 'approve',
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.fields).toEqual([expect.objectContaining({ path: '/dossierIds', keyword: 'maxItems' })]);

    const after = await dossier(ready);
    expect(after).toMatchObject({ seq: before.seq, currentStep: { id: 'province-approval' } });
    expect(after.history).toHaveLength(before.history.length);
    expect((await dossier(notYet)).currentStep.id).toBe('province-appraisal');
    // A dry run of the good ones alone passes, and still decides nothing.
    const dry = await bulk(HEAD, { dossierIds: [ready], action: 'approve', dryRun: true });
    expect(dry.body).toMatchObject({ dryRun: true, decided: 0, items: [{ dossierId: ready, outcome: 'ready' }] });
    expect((await dossier(ready)).seq).toBe(before.seq);
  });

  it('never decides twice when a request is repeated with the same Idempotency-Key, even after its answer was lost', async () => {
    const ids = [await dossierAt('province-approval'), await dossierAt('province-approval')];
    const headers = { 'idempotency-key': `bulk-${ids.join('-')}` };
    const body = { dossierIds: ids, action: 'approve' };
    const first = await bulk(HEAD, body, headers);
    expect(first.body).toMatchObject({ decided: 2, failed: 0 });

    const replay = await bulk(HEAD, body, headers);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);

    // As if the first answer never arrived (a 5xx, a dropped connection): the stored answer is not final, so the
    // retry runs again. Each dossier's decision has its own key derived from the request's, and Temporal still
    // holds it: the retry answers with those outcomes instead of approving the dossiers again at their next step.
    await ctx.system.models.IdempotencyRecord.updateMany({}, { $set: { state: 'failed' } });
    const retry = await bulk(HEAD, body, headers);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.body).toMatchObject({ decided: 2, failed: 0 });
    expect(retry.body.items.map((i: { result: { seq: number } }) => i.result.seq)).toEqual(
      first.body.items.map((i: { result: { seq: number } }) => i.result.seq),
    );
    for (const id of ids) {
      const d = await dossier(id);
      expect(d.currentStep.id).toBe('disbursement');
      expect(approvals(d)).toBe(2); // the appraisal and the one list approval
    }

    // The same key with another body is refused, as for a single decision, and decides nothing.
    const decided = await Promise.all(ids.map(dossier));
    const reused = await bulk(HEAD, { ...body, comment: 'khác' }, headers);
    expect(reused.status).toBe(422);
    expect(reused.body.error).toMatchObject({
      code: 'validation_failed',
      fields: [expect.objectContaining({ path: '/headers/idempotency-key', keyword: 'idempotency' })],
    });
    expect(await Promise.all(ids.map(dossier))).toEqual(decided);
  });

  it('requires one shared reason where the action needs one, and records it on every dossier', async () => {
    // A test-only version of the chain whose list step may also reject in bulk (with a reason).
    const file = path.join(__dirname, '..', '..', 'domain', 'process', 'definitions', 'housing-support-2025@3.json');
    const definition = JSON.parse(fs.readFileSync(file, 'utf8')) as ProcessDefinition;
    definition.key = 'bulk-reason-test';
    definition.version = 1;
    const reject = definition.steps
      .find((s) => s.id === 'province-approval')
      ?.transitions.find((t) => t.action === 'reject');
    if (!reject) throw new Error('definition changed: no reject at province-approval');
    reject.bulk = true;
    expect(await ctx.system.processes.publish(definition, 'test')).toMatchObject({ ref: 'bulk-reason-test@1' });
    const ids = [
      await dossierAt('province-approval', 'bulk-reason-test'),
      await dossierAt('province-approval', 'bulk-reason-test'),
    ];

    const atApproval = await Promise.all(ids.map(dossier));
    const noReason = await bulk(HEAD, { dossierIds: ids, action: 'reject', comment: '  ' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.code).toBe('validation_failed');
    expect(noReason.body.error.fields).toEqual([expect.objectContaining({ path: '/comment', keyword: 'required' })]);
    // Neither dossier was decided: both as they were, still at the list approval.
    expect(atApproval.map((d) => [d.status, d.currentStep.id])).toEqual([
      ['in_progress', 'province-approval'],
      ['in_progress', 'province-approval'],
    ]);
    expect(await Promise.all(ids.map(dossier))).toEqual(atApproval);

    const rejected = await bulk(HEAD, { dossierIds: ids, action: 'reject', comment: 'Vượt chỉ tiêu năm 2026' });
    expect(rejected.body).toMatchObject({
      decided: 2,
      items: [{ result: { status: 'rejected' } }, { result: { status: 'rejected' } }],
    });
    for (const id of ids)
      expect((await dossier(id)).history.at(-1)).toMatchObject({ action: 'reject', comment: 'Vượt chỉ tiêu năm 2026' });
  });
});
