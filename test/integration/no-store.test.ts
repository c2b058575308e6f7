import { proposalIn } from './support/form-examples';
import { useTestSystem } from './support/use-test-system';

/** Answers under /api/ carry personal data: none may be kept by a cache, success or error, JSON or PDF. */
const ctx = useTestSystem();

describe('API answers', () => {
  it('all say Cache-Control: no-store (or private, no-store)', async () => {
    const created = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa.hacau',
      body: { processKey: 'housing-support-2024', data: proposalIn('HN-HD-HC') },
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const answers = [
      created,
      await ctx.api.call('POST', '/api/auth/login', { body: { username: 'nobody', password: 'x' } }),
      await ctx.api.call('GET', '/api/me', { as: 'xa.hacau' }),
      await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'xa.hacau' }),
      await ctx.api.call('GET', '/api/inbox', { as: 'xa.hacau' }),
      await ctx.api.call('GET', '/api/inbox'),
      await ctx.api.call('GET', '/api/forms/housing-proposal/1', { as: 'xa.hacau' }),
      await ctx.api.call('GET', '/api/dossiers/nope', { as: 'xa.hacau' }),
    ];
    expect(answers.map((a) => a.status)).toEqual([201, 401, 200, 200, 200, 401, 200, expect.any(Number)]);
    expect(answers[7]!.status).toBeGreaterThanOrEqual(400);
    for (const answer of answers) expect(answer.headers.get('cache-control')).toBe('no-store');
    const pdf = await fetch(`${ctx.system.baseUrl}/api/dossiers/${id}/control-slip.pdf`, {
      headers: { authorization: `Bearer ${await ctx.api.token('xa.hacau')}` },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('cache-control')).toMatch(/(^|, )no-store$/);
  });
});
