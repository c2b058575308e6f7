import { createAuditSealer, type AuditSealer } from '../../storage/audit-chain/create-audit-sealer';
import { eventually } from './support/eventually';
import { proposalIn } from './support/form-examples';
import { started, useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const quiet = { info: () => undefined, warn: () => undefined };
let sealer: AuditSealer | undefined;
let dossierId = '';

/** Records of the three audited collections. */
async function recordCount(): Promise<number> {
  const { models } = ctx.system;
  const counts = await Promise.all([
    models.AuditEntry.countDocuments({}),
    models.AdminEvent.countDocuments({}),
    models.SecurityEvent.countDocuments({}),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}

/** Runs the sealer until every record is chained (it leaves records younger than its lag for the next run). */
async function sealEverything(): Promise<number> {
  return eventually('every audit record chained', async () => {
    const report = await started(sealer).run();
    if (report === 'busy') throw new Error('the test sealer lost its lease');
    const links = await ctx.system.models.AuditLink.countDocuments({});
    return links === (await recordCount()) ? links : undefined;
  });
}

const verify = async () => {
  const res = await ctx.api.call('GET', '/api/admin/audit/verify', { as: 'admin.hanoi' });
  expect(res.status).toBe(200);
  return res.body;
};

beforeAll(() => {
  // Anchors every run with new links, so that a deleted tail is always behind an anchor.
  sealer = createAuditSealer({
    models: ctx.system.models,
    anchors: ctx.system.auditAnchors,
    logger: quiet,
    lagMs: 200,
    anchorEveryLinks: 1,
  });
});

describe('the tamper-evident audit trail', () => {
  it('records sign-ins, failed sign-ins, a refusal and a read of personal data as security events', async () => {
    const login = (username: string, password: string) =>
      ctx.api.call('POST', '/api/auth/login', { body: { username, password } });
    expect((await login('quan.hadong', 'sai-mat-khau')).status).toBe(401);
    expect((await login('khong.ton.tai', 'sai-mat-khau')).status).toBe(401);
    const created = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa.hacau',
      body: { processKey: 'housing-support-2024', data: proposalIn('HN-HD-HC') },
    });
    expect(created.status).toBe(201);
    dossierId = created.body.id as string;
    expect(
      (await ctx.api.call('POST', `/api/dossiers/${dossierId}/actions`, { as: 'xa.hacau', body: { action: 'submit' } }))
        .status,
    ).toBe(200);
    expect((await ctx.api.call('GET', `/api/dossiers/${dossierId}`, { as: 'quan.hadong' })).status).toBe(200);
    expect((await ctx.api.call('GET', '/api/admin/attention', { as: 'xa.hacau' })).status).toBe(403);

    const { SecurityEvent } = ctx.system.models;
    // Refusals are recorded without holding the answer back: wait for it.
    const refused = await eventually(
      'the refusal recorded',
      async () => (await SecurityEvent.findOne({ kind: 'refused', status: 403 }).lean()) ?? undefined,
    );
    expect(refused).toMatchObject({
      userId: 'xa.hacau',
      method: 'GET',
      route: '/api/admin/attention',
      code: 'forbidden',
      clientAddress: expect.any(String),
    });
    expect(await SecurityEvent.find({ kind: 'login' }).distinct('userId')).toEqual(
      expect.arrayContaining(['xa.hacau', 'quan.hadong']),
    );
    const failed = await SecurityEvent.find({ kind: 'login_failed' }, { _id: 0, userId: 1, unknownAccount: 1 }).lean();
    expect(failed).toEqual(expect.arrayContaining([{ userId: 'quan.hadong' }, { userId: null, unknownAccount: true }]));
    // What was typed as an unknown username is stored nowhere.
    const all = JSON.stringify(await SecurityEvent.find({}).lean());
    expect(all).not.toContain('khong.ton.tai');
    expect(await SecurityEvent.findOne({ kind: 'personal_data_read' }).lean()).toMatchObject({
      userId: 'quan.hadong',
      dossierId,
      route: '/api/dossiers/:id',
    });
  });

  it('chains decisions, admin changes and security events, and verifies them as intact', async () => {
    const user = await ctx.api.call('POST', '/api/admin/users', {
      as: 'admin.hanoi',
      body: {
        username: 'nv.kiemtoan',
        displayName: 'Nhân viên kiểm toán',
        password: 'matkhau-12345',
        grants: [{ role: 'commune_officer', unitCode: 'HN-HD-HC' }],
      },
    });
    expect(user.status).toBe(201);
    const token = await ctx.api.call('POST', '/api/admin/embed-tokens', {
      as: 'admin.hanoi',
      body: {
        label: 'Cổng thông tin phường Hà Cầu',
        processKey: 'housing-support-2024',
        unitCode: 'HN-HD-HC',
        origins: ['https://portal.example'],
        expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    });
    expect(token.status).toBe(201);
    await eventually('both decisions in the audit log', async () =>
      (await ctx.system.models.AuditEntry.countDocuments({ dossierId })) === 2 ? true : undefined,
    );
    const links = await sealEverything();
    const kinds = await ctx.system.models.AuditLink.distinct('source');
    expect(kinds.sort()).toEqual(['admin_events', 'audit_log', 'security_events']);
    expect(await verify()).toEqual({ ok: true, checked: links, firstBroken: null });
    expect((await ctx.api.call('GET', '/api/admin/audit/verify', { as: 'quan.hadong' })).status).toBe(403);
  });

  it('lets one process seal at a time', async () => {
    const other = createAuditSealer({ models: ctx.system.models, anchors: ctx.system.auditAnchors, logger: quiet });
    expect(await other.run()).toBe('busy');
    expect(await started(sealer).run()).toMatchObject({ raced: false });
  });

  it('names an audit entry edited in the database', async () => {
    const { AuditEntry, AuditLink } = ctx.system.models;
    const id = `${dossierId}#2`;
    const original = await AuditEntry.collection.findOne({ _id: id } as never);
    await AuditEntry.collection.updateOne({ _id: id } as never, { $set: { comment: 'đã sửa' } });
    const link = await AuditLink.findOne({ source: 'audit_log', sourceId: id }).lean();
    expect((await verify()).firstBroken).toEqual({
      seq: link!._id,
      collection: 'audit_log',
      id,
      problem: 'source_edited',
    });
    await AuditEntry.collection.replaceOne({ _id: id } as never, original!);
    expect((await verify()).ok).toBe(true);
  });

  it('names an admin event deleted in the database', async () => {
    const { AdminEvent, AuditLink } = ctx.system.models;
    const original = await AdminEvent.collection.findOne({ kind: 'user.create', target: 'nv.kiemtoan' });
    const id = String(original!._id);
    await AdminEvent.collection.deleteOne({ _id: original!._id });
    const link = await AuditLink.findOne({ source: 'admin_events', sourceId: id }).lean();
    expect((await verify()).firstBroken).toEqual({
      seq: link!._id,
      collection: 'admin_events',
      id,
      problem: 'source_missing',
    });
    await AdminEvent.collection.insertOne(original!);
    expect((await verify()).ok).toBe(true);
  });

  it('names a chain link deleted in the middle', async () => {
    const { AuditLink } = ctx.system.models;
    const original = await AuditLink.collection.findOne({ _id: 3 } as never);
    await AuditLink.collection.deleteOne({ _id: 3 } as never);
    expect((await verify()).firstBroken).toEqual({ seq: 3, collection: null, id: null, problem: 'link_missing' });
    await AuditLink.collection.insertOne(original!);
    expect((await verify()).ok).toBe(true);
  });

  it('detects the last links deleted through the anchor outside the database', async () => {
    const { AuditLink } = ctx.system.models;
    const anchors = await ctx.system.auditAnchors.readAll();
    const head = await AuditLink.countDocuments({});
    expect(anchors.at(-1)?.seq).toBe(head);
    const tail = await AuditLink.collection.find({ _id: { $gt: head - 2 } } as never).toArray();
    await AuditLink.collection.deleteMany({ _id: { $gt: head - 2 } } as never);
    expect((await verify()).firstBroken).toEqual({ seq: head - 1, collection: null, id: null, problem: 'truncated' });
    await AuditLink.collection.insertMany(tail);
    expect((await verify()).ok).toBe(true);
  });

  it('names a record inserted by hand that the sealer never chained', async () => {
    const { AdminEvent } = ctx.system.models;
    await AdminEvent.collection.insertOne({
      _id: 'chen-tay',
      at: new Date(Date.now() - 3600_000),
      by: 'admin.hanoi',
      kind: 'user.grant',
      target: 'nv.kiemtoan',
      scope: null,
      details: {},
    } as never);
    // The sealer looks back a little before its newest link only, so an old date is never chained.
    await started(sealer).run();
    expect((await verify()).firstBroken).toEqual({
      seq: null,
      collection: 'admin_events',
      id: 'chen-tay',
      problem: 'unchained',
    });
  });
});
