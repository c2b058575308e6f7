import { createEmbedTokenCodec } from '../../api/embed/create-embed-token-codec';
import { createEmbedToken, TEST_PORTAL as PORTAL } from './support/create-embed-token';
import { proposalIn } from './support/form-examples';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const OTHER = 'https://evil.example.com';
const inAWeek = () => new Date(Date.now() + 7 * 86400_000).toISOString();

const createToken = (overrides: Record<string, unknown> = {}) => createEmbedToken(ctx.api, overrides);

describe('embed tokens', () => {
  it('are created by an administrator with copy-paste snippets, and refused to others', async () => {
    const token = await createToken();
    expect(token.snippets.iframe).toContain(`/embed/form/${token.token}`);
    expect(token.snippets.script).toContain(`<ho-so-form token="${token.token}">`);
    const stored = () => ctx.system.models.EmbedToken.countDocuments({});
    const before = await stored();
    const notAdmin = await ctx.api.call('POST', '/api/admin/embed-tokens', {
      as: 'xa.hacau',
      body: {
        label: 'x',
        processKey: 'housing-support-2024',
        unitCode: 'HN-HD-HC',
        origins: [PORTAL],
        expiresAt: inAWeek(),
      },
    });
    expect(notAdmin).toMatchObject({ status: 403, body: { error: { code: 'forbidden', fields: [] } } });
    const badOrigin = await ctx.api.call('POST', '/api/admin/embed-tokens', {
      as: 'admin.hanoi',
      body: {
        label: 'x',
        processKey: 'housing-support-2024',
        unitCode: 'HN-HD-HC',
        origins: ['not a url'],
        expiresAt: inAWeek(),
      },
    });
    expect(badOrigin.status).toBe(422);
    expect(badOrigin.body.error).toMatchObject({
      code: 'validation_failed',
      fields: [expect.objectContaining({ path: '/origins/0' })],
    });
    // An expiry a second ago: already past, whatever the date the test runs on.
    const past = await ctx.api.call('POST', '/api/admin/embed-tokens', {
      as: 'admin.hanoi',
      body: {
        label: 'x',
        processKey: 'housing-support-2024',
        unitCode: 'HN-HD-HC',
        origins: [PORTAL],
        expiresAt: new Date(Date.now() - 1000).toISOString(),
      },
    });
    expect(past.status).toBe(422);
    expect(past.body.error.fields).toEqual([expect.objectContaining({ path: '/expiresAt', keyword: 'minimum' })]);
    expect(await stored()).toBe(before);
    const listed = await ctx.api.call('GET', '/api/admin/embed-tokens', { as: 'admin.hanoi' });
    expect(listed.body.items.map((t: { id: string }) => t.id)).toContain(token.id);
  });

  it("serve the start form with CORS for the token's origins only", async () => {
    const { token } = await createToken();
    const allowed = await ctx.api.call('GET', `/api/embed/${token}/form`, { headers: { origin: PORTAL } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(allowed.body).toMatchObject({
      unit: { code: 'HN-HD-HC', name: 'Phường Hà Cầu' },
      form: { key: 'housing-proposal', version: 2 },
    });

    const refused = await ctx.api.call('GET', `/api/embed/${token}/form`, { headers: { origin: OTHER } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: 'forbidden',
      message: 'Trang này không được phép nhúng biểu mẫu',
    });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();

    const preflight = await fetch(`${ctx.system.baseUrl}/api/embed/${token}/submissions`, {
      method: 'OPTIONS',
      headers: {
        origin: PORTAL,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(PORTAL);
    const badPreflight = await fetch(`${ctx.system.baseUrl}/api/embed/${token}/submissions`, {
      method: 'OPTIONS',
      headers: { origin: OTHER, 'access-control-request-method': 'POST' },
    });
    expect(badPreflight.status).toBe(403);
    expect(badPreflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("start a dossier in the token's unit and return a receipt; the commune officer sees it", async () => {
    const { token } = await createToken();
    const res = await ctx.api.call('POST', `/api/embed/${token}/submissions`, {
      headers: { origin: PORTAL },
      body: { data: proposalIn('HN-HD-HC') },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      dossierId: expect.stringMatching(/^HN-HD-HC-\d{4}-\d{5}$/),
      unit: { code: 'HN-HD-HC' },
      process: { key: 'housing-support-2024' },
    });
    expect(Date.parse(res.body.appointmentDate)).toBeGreaterThan(Date.parse(res.body.receivedAt) + 20 * 86400_000);
    const inbox = await ctx.api.call('GET', '/api/inbox', { as: 'xa.hacau' });
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toContain(res.body.dossierId);
    const dossier = await ctx.api.call('GET', `/api/dossiers/${res.body.dossierId}`, { as: 'xa.hacau' });
    expect(dossier.body.history[0]).toMatchObject({
      action: 'create',
      actor: { role: 'portal', unitCode: 'HN-HD-HC' },
    });

    // A dossier's proposal is stored before its workflow starts: a refused submission stores none.
    const proposals = () => ctx.system.models.Submission.countDocuments({});
    const received = await proposals();
    const invalid = proposalIn('HN-HD-HC');
    invalid.household.citizenId = 'abc';
    const bad = await ctx.api.call('POST', `/api/embed/${token}/submissions`, {
      headers: { origin: PORTAL, 'accept-language': 'en' },
      body: { data: invalid },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(bad.body.error.fields).toEqual([
      expect.objectContaining({ path: '/data/household/citizenId', message: expect.stringContaining('12 digits') }),
    ]);

    const foreign = await ctx.api.call('POST', `/api/embed/${token}/submissions`, {
      headers: { origin: OTHER },
      body: { data: proposalIn('HN-HD-HC') },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('forbidden');
    // Neither refusal stored a proposal or started a dossier.
    expect(await proposals()).toBe(received);
  });

  it('serve a citizen only the fields a citizen fills; the commune adds its review before sending the dossier on', async () => {
    const { token } = await createToken({
      processKey: 'housing-support-2025',
      processVersion: 6,
      unitCode: 'HN-KIENHUNG',
    });
    const form = await ctx.api.call('GET', `/api/embed/${token}/form`, { headers: { origin: PORTAL } });
    expect(form.status).toBe(200);
    expect(Object.keys(form.body.form.schema.properties)).toEqual(['household', 'housing', 'support']);
    expect(form.body.officerFields).toEqual(['/commune']);

    const full = proposalIn('HN-KIENHUNG');
    const { commune, ...citizen } = full;
    const submit = (data: Record<string, unknown>, lang = 'vi') =>
      ctx.api.call('POST', `/api/embed/${token}/submissions`, {
        headers: { origin: PORTAL, 'accept-language': lang },
        body: { data },
      });
    const refused = await submit(full);
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields).toEqual([
      { path: '/data/commune', keyword: 'audience', message: 'Trường này do UBND xã nhập' },
    ]);
    const refusedEn = await submit(full, 'en');
    expect(refusedEn.body.error.fields).toEqual([
      expect.objectContaining({
        path: '/data/commune',
        message: expect.stringContaining("commune People's Committee"),
      }),
    ]);

    const received = await submit(citizen);
    expect(received.status).toBe(201);
    expect(received.body.process).toMatchObject({ key: 'housing-support-2025', version: 6 });
    const id = received.body.dossierId as string;
    const detail = await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'xa2025.kienhung' });
    expect(detail.body).toMatchObject({ currentStep: { id: 'proposal', form: 'housing-proposal@3' } });

    // Sent on as it came, the proposal lacks the commune's review: refused, and the dossier stays at the commune.
    const act = (body: Record<string, unknown>) =>
      ctx.api.call('POST', `/api/dossiers/${id}/actions`, { as: 'xa2025.kienhung', body });
    const incomplete = await act({ action: 'submit' });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['/data/commune']);
    const partial = await act({ action: 'submit', data: { ...citizen, commune: { note: 'Đã họp' } } });
    expect(partial.status).toBe(422);
    expect(partial.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      '/data/commune/agreementPercent',
      '/data/commune/villageMeetingDate',
    ]);
    const sent = await act({ action: 'submit', data: { ...citizen, commune } });
    expect([sent.status, sent.body.currentStep]).toEqual([200, 'province-appraisal']);
  });

  it('refuse a tampered, an expired and a revoked token', async () => {
    const { id, token } = await createToken();
    const tampered = token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA');
    const t1 = await ctx.api.call('GET', `/api/embed/${tampered}/form`);
    expect(t1).toMatchObject({ status: 401, body: { error: { code: 'embed_token_invalid' } } });

    const expired = createEmbedTokenCodec(ctx.system.embedSigningKeys).encode({
      id,
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    const t2 = await ctx.api.call('GET', `/api/embed/${expired}/form`);
    expect(t2).toMatchObject({ status: 401, body: { error: { code: 'embed_token_expired' } } });

    expect((await ctx.api.call('POST', `/api/admin/embed-tokens/${id}/revoke`, { as: 'admin.hanoi' })).status).toBe(
      200,
    );
    const t3 = await ctx.api.call('GET', `/api/embed/${token}/form`);
    expect(t3).toMatchObject({ status: 401, body: { error: { code: 'embed_token_revoked' } } });
  });

  it('limit submissions per minute per token and client address', async () => {
    const { token } = await createToken({ rateLimitPerMinute: 2 });
    const send = () =>
      ctx.api.call('POST', `/api/embed/${token}/submissions`, {
        headers: { origin: PORTAL },
        body: { data: proposalIn('HN-HD-HC') },
      });
    expect((await send()).status).toBe(201);
    expect((await send()).status).toBe(201);
    // A dossier's proposal is stored before its workflow starts: a refused submission stores none.
    const proposals = () => ctx.system.models.Submission.countDocuments({});
    const received = await proposals();
    const third = await send();
    expect(third.status).toBe(429);
    expect(third.body.error).toMatchObject({
      code: 'rate_limited',
      message: 'Gửi quá nhiều lần, vui lòng thử lại sau',
    });
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await proposals()).toBe(received);
  });
});
