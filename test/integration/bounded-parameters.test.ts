import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();

/**
 * Issue 12: `GET /api/sla/summary?to=275760-09-13` once looped forever on a `NaN-NaN` month and took the API down.
 * Every date in a query is now checked against its documented range before any work, and the month loop is bounded.
 */
describe('bounded query inputs', () => {
  it.each([
    ['to=275760-09-13', '/query/to'],
    ['to=9999-12-31', '/query/to'],
    ['from=0001-01-01', '/query/from'],
    ['from=0000-01-01', '/query/from'],
    ['from=2026-02-30', '/query/from'],
    ['to=2026-13-01T00:00:00Z', '/query/to'],
  ])('answers GET /api/sla/summary?%s with 422 at %s', async (query, path) => {
    const res = await ctx.api.call('GET', `/api/sla/summary?${query}`, {
      as: 'lanhdao.hanoi',
      headers: { 'accept-language': 'en' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', fields: [expect.objectContaining({ path })] });
  });

  it('keeps answering /healthz while the requests that used to hang the server arrive together', async () => {
    const bad = ['to=275760-09-13', 'to=9999-12-31', 'from=0001-01-01', 'from=0000-01-01'].flatMap((q) =>
      Array.from({ length: 5 }, () => ctx.api.call('GET', `/api/sla/summary?${q}`, { as: 'lanhdao.hanoi' })),
    );
    const health = Array.from({ length: 5 }, () => ctx.api.call('GET', '/healthz'));
    const answers = await Promise.all([...bad, ...health]);
    expect(answers.slice(0, bad.length).map((r) => r.status)).toEqual(bad.map(() => 422));
    expect(answers.slice(bad.length).map((r) => r.status)).toEqual(health.map(() => 200));
    // And the server still does real work afterwards.
    expect((await ctx.api.call('GET', '/api/sla/summary', { as: 'lanhdao.hanoi' })).status).toBe(200);
  });

  it('refuses a reversed period and one over ten years, with the field, in both languages', async () => {
    const reversed = await ctx.api.call('GET', '/api/sla/summary?from=2026-03-01&to=2026-01-01', {
      as: 'lanhdao.hanoi',
    });
    expect(reversed.status).toBe(422);
    expect(reversed.body.error.fields).toEqual([
      { path: '/query/from', keyword: 'formatMaximum', message: 'Ngày bắt đầu phải trước ngày kết thúc (to)' },
    ]);
    const long = await ctx.api.call('GET', '/api/sla/summary?from=2000-01-01&to=2026-01-01', {
      as: 'lanhdao.hanoi',
      headers: { 'accept-language': 'en' },
    });
    expect(long.status).toBe(422);
    expect(long.body.error.fields).toEqual([
      { path: '/query/from', keyword: 'maxPeriod', message: 'the period is at most 10 years' },
    ]);
    const tenYears = await ctx.api.call('GET', '/api/sla/summary?from=2016-01-01&to=2026-01-01', {
      as: 'lanhdao.hanoi',
    });
    expect(tenYears.status).toBe(200);
    expect(tenYears.body.finished.from).toBe('2015-12-31T17:00:00.000Z');
    expect(tenYears.body.finished.to).toBe('2025-12-31T17:00:00.000Z');
  });
});
