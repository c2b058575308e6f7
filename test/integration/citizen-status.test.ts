import { LOOKUPS_PER_MINUTE } from '../../api/embed/create-embed-router';
import { hashLookupSecret } from '../../api/embed/lookup-secret';
import { createEmbedToken, TEST_PORTAL as PORTAL } from './support/create-embed-token';
import { eventually } from './support/eventually';
import { proposalIn } from './support/form-examples';
import { useTestSystem } from './support/use-test-system';

/**
 * A citizen who started a dossier through a portal looks it up with the dossier code and the lookup code of the
 * receipt: the stage follows the dossier, a wrong code or lookup code is the same 404, nothing personal is answered,
 * the secret is stored only as a hash, and lookups are rate limited per client address.
 */
const ctx = useTestSystem();
let clientNo = 0;
/** A fresh client address per test, so one test's lookups never spend another's budget. */
const nextClient = () => `198.51.100.${++clientNo + 20}`;

const submit = async (token: string, client: string, key?: string) => {
  const res = await ctx.api.call('POST', `/api/embed/${token}/submissions`, {
    headers: { origin: PORTAL, 'x-forwarded-for': client, ...(key ? { 'idempotency-key': key } : {}) },
    body: { data: proposalIn('HN-HD-HC') },
  });
  expect(res.status).toBe(201);
  return res;
};

const lookup = (token: string, client: string, body: unknown, headers: Record<string, string> = {}) =>
  ctx.api.call('POST', `/api/embed/${token}/status`, {
    headers: { origin: PORTAL, 'x-forwarded-for': client, ...headers },
    body,
  });

/** The status once the read model shows the dossier at `step` (the projection follows the workflow). */
const statusAt = (token: string, client: string, body: unknown, stageVi: string) =>
  eventually(`the lookup to show "${stageVi}"`, async () => {
    const res = await lookup(token, client, body);
    return res.status === 200 && res.body.stage.vi === stageVi ? res : undefined;
  });

describe('citizen status lookup', () => {
  it('shows the stage of a dossier started through the embed as it moves, with nothing personal', async () => {
    const { token } = await createEmbedToken(ctx.api);
    const client = nextClient();
    const receipt = (await submit(token, client)).body;
    expect(receipt.lookupSecret).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const code = receipt.dossierId as string;

    // Stored only as a hash, never as typed.
    const stored = await ctx.system.models.CitizenLookup.findById(code).lean();
    expect(stored?.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(receipt.lookupSecret);

    // Received at the commune: its first step, within its time; case and dashes as the citizen types them.
    const typed = { code: code.toLowerCase(), secret: receipt.lookupSecret.replace(/-/g, ' ').toLowerCase() };
    const first = await statusAt(token, client, typed, 'Đề xuất của xã/phường');
    expect(first.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(first.body).toMatchObject({
      code,
      stage: { vi: 'Đề xuất của xã/phường', en: 'Commune proposal' },
      processingUnit: 'Phường Hà Cầu',
      receivedAt: receipt.receivedAt,
      timeliness: 'not_due',
      timelinessText: { vi: 'Trong hạn', en: 'Within the time limit' },
      outcome: null,
      closedAt: null,
    });
    expect(Date.parse(first.body.dueAt)).toBeGreaterThan(Date.parse(receipt.receivedAt));
    const text = JSON.stringify(first.body);
    const household = proposalIn('HN-HD-HC').household;
    for (const personal of [household.headName, household.citizenId, 'xa.hacau', 'embed:'])
      expect(text).not.toContain(personal);

    // The commune forwards it: the district's review.
    expect(
      (await ctx.api.call('POST', `/api/dossiers/${code}/actions`, { as: 'xa.hacau', body: { action: 'submit' } }))
        .status,
    ).toBe(200);
    const review = await statusAt(token, client, typed, 'Thẩm định của huyện');
    expect(review.body).toMatchObject({ stage: { en: 'District review' }, processingUnit: 'Quận Hà Đông' });

    // Returned for supplement: the clock is stopped, the citizen reads "Tạm dừng".
    const returned = await ctx.api.call('POST', `/api/dossiers/${code}/actions`, {
      as: 'quan.hadong',
      body: { action: 'return', comment: 'Bổ sung giấy chứng nhận hộ nghèo' },
    });
    expect(returned.status).toBe(200);
    const paused = await statusAt(token, client, typed, 'Trả lại để bổ sung giấy tờ, thông tin');
    expect(paused.body).toMatchObject({ timeliness: 'paused', timelinessText: { vi: 'Tạm dừng' } });
  });

  it('answers a wrong lookup code and an unknown dossier code with the same 404, in Vietnamese and English', async () => {
    const { token } = await createEmbedToken(ctx.api);
    const client = nextClient();
    const receipt = (await submit(token, client)).body;
    const wrongSecret = await lookup(token, client, { code: receipt.dossierId, secret: 'AAAA-BBBB-CCCC' });
    const wrongCode = await lookup(token, client, { code: 'HS-0000-000000', secret: receipt.lookupSecret });
    expect(wrongSecret.status).toBe(404);
    expect(wrongCode.status).toBe(404);
    expect(wrongSecret.body).toEqual(wrongCode.body);
    expect(wrongSecret.body.error).toMatchObject({ code: 'dossier_lookup_not_found' });
    expect(wrongSecret.body.error.message).toContain('Không tìm thấy hồ sơ');
    const en = await lookup(token, client, { code: receipt.dossierId, secret: 'x' }, { 'accept-language': 'en' });
    expect(en.status).toBe(404);
    expect(en.body.error.message).toContain('No dossier matches');
  });

  it('refuses a malformed lookup field by field and a portal that is not allowed', async () => {
    const { token } = await createEmbedToken(ctx.api);
    const client = nextClient();
    const bad = await lookup(token, client, { code: '', secret: 'x'.repeat(41) });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['/code', '/secret']);
    const stranger = await lookup(token, client, { code: 'HS-1', secret: 'x' }, { origin: 'https://la.example.vn' });
    expect(stranger.status).toBe(403);
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('limits lookups per client address, then answers 429 with Retry-After, whether or not they match', async () => {
    const { token } = await createEmbedToken(ctx.api);
    const citizen = nextClient();
    const guesser = nextClient();
    const receipt = (await submit(token, citizen)).body;
    const right = { code: receipt.dossierId, secret: receipt.lookupSecret };
    // Wait for a minute with room for every hit in one window.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 20_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
    for (let i = 0; i < LOOKUPS_PER_MINUTE; i++)
      expect((await lookup(token, guesser, { code: right.code, secret: `GUES-S${i}` })).status).toBe(404);
    const limited = await lookup(token, guesser, right);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // The citizen's own address still gets the answer.
    expect((await lookup(token, citizen, right)).status).toBe(200);
  });

  it('answers a lookup made right after the receipt, before the read model has the dossier, never with 404', async () => {
    const { token } = await createEmbedToken(ctx.api);
    const client = nextClient();
    for (let i = 0; i < 4; i++) {
      const receipt = (await submit(token, client)).body;
      const res = await lookup(token, client, { code: receipt.dossierId, secret: receipt.lookupSecret });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ code: receipt.dossierId, stage: { vi: 'Đề xuất của xã/phường' } });
    }
  });

  it('gives from the workflow the same answer as from the read model when the document is not there', async () => {
    const { token } = await createEmbedToken(ctx.api);
    const client = nextClient();
    const receipt = (await submit(token, client)).body;
    const body = { code: receipt.dossierId, secret: receipt.lookupSecret };
    await eventually('the projection to write the dossier', () =>
      ctx.system.models.DossierView.findById(receipt.dossierId)
        .lean()
        .then((v) => v ?? undefined),
    );
    const fromView = await lookup(token, client, body);
    // The document as it is before the projection writes it: absent.
    await ctx.system.models.DossierView.deleteOne({ _id: receipt.dossierId });
    const fromWorkflow = await lookup(token, client, body);
    expect(fromView.status).toBe(200);
    expect(fromWorkflow.status).toBe(200);
    expect(fromWorkflow.body).toEqual(fromView.body);
    // A matching secret of a dossier whose workflow is unknown is still the same 404.
    await ctx.system.models.CitizenLookup.create({
      _id: 'HN-HD-HC-1999-999999',
      secretHash: hashLookupSecret('AAAA-BBBB-CCCC'),
      tokenId: 'emb_test',
      createdAt: new Date(),
    });
    const unknown = await lookup(token, client, { code: 'HN-HD-HC-1999-999999', secret: 'AAAA-BBBB-CCCC' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('dossier_lookup_not_found');
  });

  it('gives a replayed receipt the same lookup code, derived again, never stored with the idempotency record', async () => {
    const { token } = await createEmbedToken(ctx.api);
    const client = nextClient();
    const first = await submit(token, client, 'citizen-status-replay-1');
    const again = await submit(token, client, 'citizen-status-replay-1');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.body.lookupSecret).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(again.body).toEqual(first.body);
    const records = await ctx.system.models.IdempotencyRecord.find({}).lean();
    expect(JSON.stringify(records)).not.toContain(first.body.lookupSecret);
    const stored = await ctx.system.models.CitizenLookup.findById(first.body.dossierId).lean();
    expect(JSON.stringify(stored)).not.toContain(first.body.lookupSecret);
    // The replayed code opens the dossier; another dossier's code is another secret.
    const res = await lookup(token, client, { code: again.body.dossierId, secret: again.body.lookupSecret });
    expect(res.status).toBe(200);
    const other = (await submit(token, client, 'citizen-status-replay-2')).body;
    expect(other.lookupSecret).not.toBe(first.body.lookupSecret);
  });
});
