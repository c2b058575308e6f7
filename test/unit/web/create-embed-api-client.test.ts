// The embed's API client with a fake `fetch`: which answers keep the Idempotency-Key for a retry of the same data.
import { createEmbedApiClient } from '../../../web/embed/api/create-embed-api-client';

type Answer = { status: number; body: unknown } | 'network';

function fakeFetch(answers: Answer[]) {
  const keys: string[] = [];
  const fetchFn = jest.fn(async (_url: string, init?: RequestInit) => {
    keys.push(String((init?.headers as Record<string, string>)['idempotency-key']));
    const answer = answers.shift();
    if (!answer || answer === 'network') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  });
  return { fetchFn, keys };
}

const error = (code: string) => ({ error: { code, message: code, fields: [] } });
const receipt = { dossierId: 'd1', number: 'HS-1', appointmentDate: '2026-12-01' };

describe('createEmbedApiClient submit', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  function clientWith(answers: Answer[]) {
    const fake = fakeFetch(answers);
    global.fetch = fake.fetchFn as unknown as typeof fetch;
    return { client: createEmbedApiClient('https://hoso.example', 'tok', 'vi'), keys: fake.keys };
  }

  it.each<[string, Answer]>([
    ['a network failure', 'network'],
    ['a 503', { status: 503, body: error('unavailable') }],
    ['a 429', { status: 429, body: error('rate_limited') }],
    ['a 409 idempotency_in_progress', { status: 409, body: error('idempotency_in_progress') }],
  ])('retries the same data with the same key after %s', async (_name, first) => {
    const { client, keys } = clientWith([first, { status: 201, body: receipt }]);
    const firstResult = await client.submit({ a: 1 });
    expect(firstResult.kind).toBe('failed');
    const second = await client.submit({ a: 1 });
    expect(second).toEqual({ kind: 'receipt', receipt });
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it.each<[string, Answer]>([
    ['a 201', { status: 201, body: receipt }],
    ['a 422', { status: 422, body: error('validation_failed') }],
    ['another 409', { status: 409, body: error('conflict') }],
  ])('uses a new key after %s', async (_name, first) => {
    const { client, keys } = clientWith([first, { status: 201, body: receipt }]);
    await client.submit({ a: 1 });
    await client.submit({ a: 1 });
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('uses a new key when the data changed, even after a failure', async () => {
    const { client, keys } = clientWith(['network', { status: 201, body: receipt }]);
    await client.submit({ a: 1 });
    await client.submit({ a: 2 });
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('returns field errors of a 422', async () => {
    const fields = [{ path: '/a', message: 'bắt buộc' }];
    const { client } = clientWith([
      { status: 422, body: { error: { code: 'validation_failed', message: 'Dữ liệu không hợp lệ', fields } } },
    ]);
    expect(await client.submit({})).toEqual({ kind: 'invalid', message: 'Dữ liệu không hợp lệ', fields });
  });
});
