import { createAppApiClient } from '../../../web/app/api/create-app-api-client';
import { runBulkAction } from '../../../web/app/dossier/run-bulk-action';

type Answer = { status: number; body?: unknown } | 'network';
type Sent = {
  body: { dossierIds: string[]; action: string; comment?: string; dryRun?: boolean };
  key: string | undefined;
};

/** The real API client on a scripted fetch: answers from `answer`, every request recorded with its key. */
function scriptedApi(answer: (body: Sent['body'], n: number) => Answer) {
  const sent: Sent[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as Sent['body'];
    sent.push({ body, key: (init.headers as Record<string, string>)['idempotency-key'] });
    const a = answer(body, sent.length);
    if (a === 'network') throw new TypeError('Failed to fetch');
    return new Response(a.body === undefined ? null : JSON.stringify(a.body), {
      status: a.status,
      headers: { 'content-type': 'application/json' },
    });
  }) as unknown as typeof globalThis.fetch;
  let n = 0;
  const api = createAppApiClient({
    token: () => 'tok',
    lang: () => 'vi',
    onUnauthorized: () => undefined,
    fetch,
    randomKey: () => `key-${++n}-abcdefgh`,
  });
  return { api, sent };
}

const text = { networkError: 'mất kết nối', unavailable: 'máy chủ bận', stillProcessing: 'vẫn đang xử lý' };
const decidedAll = (body: Sent['body']) => ({
  status: 200,
  body: { items: body.dossierIds.map((dossierId) => ({ dossierId, outcome: body.dryRun ? 'ready' : 'decided' })) },
});
const refusal = (fields: { path: string; message: string }[]) => ({
  status: 422,
  body: {
    error: {
      code: 'validation_failed',
      message: 'Không xử lý hàng loạt được',
      fields: fields.map((f) => ({ ...f, keyword: 'x' })),
    },
  },
});
const ids = (n: number) => Array.from({ length: n }, (_, i) => `HN-X-2026-${String(i + 1).padStart(5, '0')}`);
const noWait = async () => undefined;

describe('running a bulk action from the inbox', () => {
  it('checks every dossier first, then decides a few per request and reports the progress after each', async () => {
    const { api, sent } = scriptedApi((body) => decidedAll(body));
    const progress: string[] = [];
    const outcome = await runBulkAction(
      api,
      { dossierIds: ids(7), action: 'approve', comment: '  QĐ 12/QĐ-UBND ' },
      { text, chunkSize: 3, wait: noWait, onProgress: (d, t) => progress.push(`${d}/${t}`) },
    );
    expect(outcome).toEqual({ kind: 'finished', decided: ids(7), failed: [] });
    expect(progress).toEqual(['0/7', '3/7', '6/7', '7/7']);
    expect(sent.map((s) => [s.body.dossierIds.length, s.body.dryRun === true, s.key !== undefined])).toEqual([
      [7, true, false],
      [3, false, true],
      [3, false, true],
      [1, false, true],
    ]);
    expect(sent.every((s) => s.body.comment === 'QĐ 12/QĐ-UBND')).toBe(true);
  });

  it('decides nothing when the check refuses a dossier, and names it with the reason', async () => {
    const { api, sent } = scriptedApi(() =>
      refusal([{ path: '/dossierIds/1', message: 'Thao tác không được xử lý hàng loạt' }]),
    );
    const outcome = await runBulkAction(api, { dossierIds: ids(3), action: 'approve' }, { text, wait: noWait });
    expect(outcome).toEqual({
      kind: 'refused',
      problems: [{ dossierId: ids(3)[1], message: 'Thao tác không được xử lý hàng loạt' }],
    });
    expect(sent).toHaveLength(1);
  });

  it('sends a request that got no final answer again with the same Idempotency-Key', async () => {
    const { api, sent } = scriptedApi((body, n) =>
      body.dryRun ? decidedAll(body) : n === 2 ? 'network' : n === 3 ? { status: 503 } : decidedAll(body),
    );
    const outcome = await runBulkAction(api, { dossierIds: ids(2), action: 'approve' }, { text, wait: noWait });
    expect(outcome).toEqual({ kind: 'finished', decided: ids(2), failed: [] });
    const keys = sent.slice(1).map((s) => s.key);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
  });

  it('reports the dossiers refused by a later request and sends the rest again on their own', async () => {
    const [a, b, c] = ids(3) as [string, string, string];
    const { api, sent } = scriptedApi((body) =>
      body.dryRun || !body.dossierIds.includes(b)
        ? decidedAll(body)
        : refusal([{ path: '/dossierIds/1', message: 'Hồ sơ đã kết thúc' }]),
    );
    const outcome = await runBulkAction(
      api,
      { dossierIds: [a, b, c], action: 'approve' },
      { text, chunkSize: 3, wait: noWait },
    );
    expect(outcome).toEqual({
      kind: 'finished',
      decided: [a, c],
      failed: [{ dossierId: b, message: 'Hồ sơ đã kết thúc' }],
    });
    expect(sent.map((s) => s.body.dossierIds)).toEqual([
      [a, b, c],
      [a, b, c],
      [a, c],
    ]);
  });

  it('gives up on a request that never answers, in the app language, and goes on with the next', async () => {
    const [a, b] = ids(2) as [string, string];
    const { api } = scriptedApi((body) => (body.dryRun || body.dossierIds[0] === b ? decidedAll(body) : 'network'));
    const outcome = await runBulkAction(
      api,
      { dossierIds: [a, b], action: 'approve' },
      { text, chunkSize: 1, maxAttempts: 2, wait: noWait },
    );
    expect(outcome).toEqual({ kind: 'finished', decided: [b], failed: [{ dossierId: a, message: 'mất kết nối' }] });
  });
});
