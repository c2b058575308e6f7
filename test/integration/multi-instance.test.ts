import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS } from '../../scripts/demo-accounts';
import { getState } from '../../workflows/messages';
import { apiClient, type ApiResponse } from './support/api-client';
import { example, proposalIn, withNewHousehold } from './support/form-examples';
import { startLoadSystem, type LoadSystem } from './support/load/start-load-system';

/**
 * Two API processes and two workers — `scripts/run-api.ts` and `scripts/run-worker.ts`, started as production starts
 * them — against one Temporal server and one database, as behind a load balancer (docs/scaling.md). Every request
 * goes to one API and is sent again with the same Idempotency-Key to the other, which must answer the same without
 * acting twice; halfway through, one worker is killed and the other carries on; the embed rate limit is one count
 * across both APIs.
 */
const PORTAL = 'https://cong-thong-tin.hanoi.example.vn';

const accountOf = (role: string, unitCode: string): string => {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role && a.unitCode === unitCode);
  if (!account) throw new Error(`no demo account ${role} in ${unitCode}`);
  return account.username;
};
const COMMUNES = DEMO_ACCOUNTS.filter((a) => a.role === 'commune_officer' && a.unitCode.startsWith('HN-HD-'));
const DISTRICT = accountOf('district_officer', 'HN-HD');
const PROVINCE = accountOf('province_officer', 'HN');
const TREASURY = accountOf('treasurer', 'HN-HD');

let system: LoadSystem;
let apis: ReturnType<typeof apiClient>[] = [];

beforeAll(async () => {
  // Both APIs get the same embed signing keys from the environment (HOSO_EMBED_SIGNING_KEYS), as in production.
  system = await startLoadSystem({ workers: 2, apis: 2 });
  await Promise.all([...system.workers.map((w) => w.start()), ...system.apis.map((a) => a.child.start())]);
  apis = system.apis.map((a) => apiClient(a.baseUrl));
}, 300_000);

afterAll(async () => {
  await system?.close();
});

/**
 * Sends one POST with a fresh Idempotency-Key to API `first`, then the same request to the other API, which must
 * replay the first answer (same status and body, `Idempotent-Replayed: true`). Returns the first answer.
 */
async function onBothApis(first: number, path: string, as: string, body: unknown): Promise<ApiResponse> {
  const headers = { 'idempotency-key': randomUUID() };
  const answer = await apis[first]!.call('POST', path, { as, body, headers });
  const again = await apis[1 - first]!.call('POST', path, { as, body, headers });
  expect({ status: again.status, body: again.body }).toEqual({ status: answer.status, body: answer.body });
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  return answer;
}

/** One dossier of the seed-era chain through its five human actions, alternating the APIs. */
async function takeThrough(n: number): Promise<string> {
  const commune = COMMUNES[n % COMMUNES.length]!;
  const created = await onBothApis(n % 2, '/api/dossiers', commune.username, {
    processKey: 'housing-support-2024',
    // Version 3: one recorded disbursement (version 4 commits funds and pays in tranches).
    processVersion: 3,
    data: withNewHousehold(proposalIn(commune.unitCode)),
  });
  expect(created.status).toBe(201);
  const id: string = created.body.id;
  const steps: [string, Record<string, unknown>][] = [
    [commune.username, { action: 'submit' }],
    [DISTRICT, { action: 'approve', data: example('housing-review@1'), comment: 'Đủ điều kiện' }],
    [PROVINCE, { action: 'approve', data: example('housing-decision@1') }],
    [TREASURY, { action: 'approve', data: example('housing-disbursement@1') }],
  ];
  for (const [i, [as, body]] of steps.entries()) {
    const res = await onBothApis((n + i + 1) % 2, `/api/dossiers/${id}/actions`, as, body);
    expect(res.status).toBe(200);
  }
  return id;
}

describe('two API processes and two workers on one pair of servers', () => {
  it('take dossiers through the chain, each decision once, and go on when a worker dies', async () => {
    const ids = await Promise.all([0, 1, 2].map(takeThrough));
    // One worker gone for good (no supervisor here): the other one takes every task from now on.
    await system.workers[0]!.kill();
    ids.push(...(await Promise.all([3, 4, 5].map(takeThrough))));

    for (const id of ids) {
      const state = await system.temporal.workflow.getHandle(system.workflowIdOf(id)).query(getState);
      expect(state).toMatchObject({ status: 'completed', seq: 5 });
      expect(state.history.map((h) => h.action)).toEqual(['create', 'submit', 'approve', 'approve', 'approve']);
      const audit = await system.models.AuditEntry.find({ dossierId: id }).lean();
      expect(audit.map((a) => a.seq).sort()).toEqual([1, 2, 3, 4, 5]);
      const view = await system.models.DossierView.findById(id).lean();
      expect(view).toMatchObject({ seq: 5, status: 'completed' });
    }
    // The replays stored nothing: one submission per form sent (proposal, review, decision, disbursement).
    expect(await system.models.Submission.countDocuments({})).toBe(ids.length * 4);
    expect(await system.models.Submission.countDocuments({ state: 'attached' })).toBe(ids.length * 4);
  }, 300_000);

  it('count the embed rate limit once for both APIs', async () => {
    const token = await apis[0]!.call('POST', '/api/admin/embed-tokens', {
      as: 'admin.hanoi',
      body: {
        label: 'Cổng thông tin phường Hà Cầu',
        processKey: 'housing-support-2024',
        unitCode: 'HN-HD-HC',
        origins: [PORTAL],
        expiresAt: new Date(Date.now() + 7 * 86400_000).toISOString(),
        rateLimitPerMinute: 2,
      },
    });
    expect(token.status).toBe(201);
    // The limit counts per wall-clock minute: start early in one, so the four posts share it.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 40_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 100));
    const statuses: number[] = [];
    for (const i of [0, 1, 2, 3]) {
      const res = await apis[i % 2]!.call('POST', `/api/embed/${token.body.token}/submissions`, {
        headers: { origin: PORTAL },
        body: { data: withNewHousehold(proposalIn('HN-HD-HC')) },
      });
      statuses.push(res.status);
    }
    // Each API alone would have let two through.
    expect(statuses).toEqual([201, 201, 429, 429]);
  }, 120_000);
});
