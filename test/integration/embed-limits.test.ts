import { INVALID_PER_MINUTE } from '../../api/embed/create-embed-router';
import { EMBED_TOKEN_MAX_LIFETIME_DAYS } from '../../api/embed/create-embed-admin-router';
import { createEmbedToken, TEST_PORTAL as PORTAL } from './support/create-embed-token';
import { proposalIn } from './support/form-examples';
import { useTestSystem } from './support/use-test-system';

/**
 * The embed limits cannot be turned against a portal: a submission needs an Origin, only valid submissions spend a
 * token's budget, and that budget is per client address (the API trusts X-Forwarded-For from the loopback proxy, so
 * the tests speak for several addresses), while junk from one address meets a limit of its own.
 */
const ctx = useTestSystem();
const STRANGER = '203.0.113.66';
const CITIZEN = '198.51.100.7';
const DAY = 86_400_000;

const createToken = async (rateLimitPerMinute: number) =>
  (await createEmbedToken(ctx.api, { rateLimitPerMinute })).token;

const submit = (token: string, from: string, data: unknown, headers: Record<string, string> = { origin: PORTAL }) =>
  ctx.api.call('POST', `/api/embed/${token}/submissions`, {
    headers: { 'x-forwarded-for': from, ...headers },
    body: { data },
  });

const invalidProposal = () => {
  const data = proposalIn('HN-HD-HC');
  data.household.citizenId = 'abc';
  return data;
};

const proposals = () => ctx.system.models.Submission.countDocuments({});

/**
 * The limits count per wall-clock minute: a test that needs its hits in one window starts it with at least 20 s
 * left, waiting for the next minute otherwise, so a window turning over halfway cannot change what it sees.
 */
async function withinOneWindow(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 20_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

describe('embed limits', () => {
  it('refuse a submission without an Origin, in Vietnamese and English, storing nothing', async () => {
    const token = await createToken(30);
    const before = await proposals();
    const vi = await submit(token, CITIZEN, proposalIn('HN-HD-HC'), {});
    expect(vi.status).toBe(403);
    expect(vi.body.error).toMatchObject({ code: 'embed_origin_required', message: expect.stringContaining('Origin') });
    const en = await submit(token, CITIZEN, proposalIn('HN-HD-HC'), { 'accept-language': 'en' });
    expect(en.status).toBe(403);
    expect(en.body.error.message).toContain('no Origin header');
    expect(en.body.error.message).not.toBe(vi.body.error.message);
    expect(await proposals()).toBe(before);
  });

  it("do not let a stranger's junk or submissions spend a citizen's budget", async () => {
    await withinOneWindow();
    const token = await createToken(2);
    // Junk from the stranger's address is refused field by field and costs the token nothing …
    for (let i = 0; i < 3; i++) expect((await submit(token, STRANGER, invalidProposal())).status).toBe(422);
    // … and without an Origin, nothing is even looked at.
    for (let i = 0; i < 3; i++) expect((await submit(token, STRANGER, proposalIn('HN-HD-HC'), {})).status).toBe(403);
    // The stranger's own valid submissions spend only the stranger's share.
    expect((await submit(token, STRANGER, proposalIn('HN-HD-HC'))).status).toBe(201);
    expect((await submit(token, STRANGER, proposalIn('HN-HD-HC'))).status).toBe(201);
    const blocked = await submit(token, STRANGER, proposalIn('HN-HD-HC'));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // A citizen on the portal still gets through, twice, as the token allows per address.
    expect((await submit(token, CITIZEN, proposalIn('HN-HD-HC'))).status).toBe(201);
    expect((await submit(token, CITIZEN, proposalIn('HN-HD-HC'))).status).toBe(201);
    expect((await submit(token, CITIZEN, proposalIn('HN-HD-HC'))).status).toBe(429);
  });

  it('answer a flood of invalid submissions from one address with 429, and only that address', async () => {
    await withinOneWindow();
    const token = await createToken(30);
    const flooder = '192.0.2.99';
    const before = await proposals();
    for (let i = 0; i < INVALID_PER_MINUTE; i++)
      expect((await submit(token, flooder, invalidProposal())).status).toBe(422);
    const flooded = await submit(token, flooder, invalidProposal());
    expect(flooded.status).toBe(429);
    expect(flooded.body.error.code).toBe('rate_limited');
    expect(Number(flooded.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await proposals()).toBe(before);
    // Another address's invalid submission is still answered field by field, and a valid one is received.
    const other = await submit(token, '192.0.2.100', invalidProposal());
    expect(other.status).toBe(422);
    expect(other.body.error.fields).toEqual([expect.objectContaining({ path: '/data/household/citizenId' })]);
    expect((await submit(token, '192.0.2.100', proposalIn('HN-HD-HC'))).status).toBe(201);
  });

  it.each([
    ['a plain http origin', ['http://cong-thong-tin.hanoi.example.vn'], '/origins/0', 'https'],
    ['a wildcard origin', ['https://*.hanoi.example.vn'], '/origins/0', 'pattern'],
    ['an origin with a path', ['https://cong-thong-tin.hanoi.example.vn/nop'], '/origins/0', 'pattern'],
    ['more than 20 origins', Array.from({ length: 21 }, (_, i) => `https://p${i}.example.vn`), '/origins', 'maxItems'],
  ])('refuse a token with %s', async (_what, origins, path, keyword) => {
    const res = await ctx.api.call('POST', '/api/admin/embed-tokens', {
      as: 'admin.hanoi',
      body: {
        label: 'x',
        processKey: 'housing-support-2024',
        unitCode: 'HN-HD-HC',
        origins,
        expiresAt: new Date(Date.now() + 7 * DAY).toISOString(),
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ path, keyword })]);
  });

  it('accept http for the loopback host and refuse a lifetime past the cap', async () => {
    const body = (origins: string[], days: number) => ({
      label: 'x',
      processKey: 'housing-support-2024',
      unitCode: 'HN-HD-HC',
      origins,
      expiresAt: new Date(Date.now() + days * DAY).toISOString(),
    });
    const local = await ctx.api.call('POST', '/api/admin/embed-tokens', {
      as: 'admin.hanoi',
      body: body(['http://localhost:8080', 'http://127.0.0.1:5173'], EMBED_TOKEN_MAX_LIFETIME_DAYS - 1),
    });
    expect(local.status).toBe(201);
    const long = await ctx.api.call('POST', '/api/admin/embed-tokens', {
      as: 'admin.hanoi',
      body: body([PORTAL], EMBED_TOKEN_MAX_LIFETIME_DAYS + 1),
    });
    expect(long.status).toBe(422);
    expect(long.body.error.fields).toEqual([expect.objectContaining({ path: '/expiresAt', keyword: 'maximum' })]);
  });
});
