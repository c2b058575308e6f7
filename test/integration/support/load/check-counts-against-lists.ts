import { DEMO_ACCOUNTS } from '../../../../scripts/demo-accounts';
import type { DossierState } from '../../../../workflows/messages';
import { OPEN_TIMELINESS } from '../../../../domain/sla/timeliness';
import { apiClient } from '../api-client';
import { createSessionTokens } from '../../../../api/auth/create-session-tokens';
import type { Models } from '../../../../storage/create-models';

type Api = ReturnType<typeof apiClient>;

/** Every id of a keyset-paged list (`items`, `nextCursor`), following the cursor to the end. */
async function listIds(api: Api, as: string, path: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: { status: number; body: any } = await api.call(
      'GET',
      `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { as },
    );
    if (res.status !== 200) throw new Error(`GET ${path} as ${as}: ${res.status} ${JSON.stringify(res.body)}`);
    ids.push(...res.body.items.map((i: { id: string }) => i.id));
    cursor = res.body.nextCursor;
  } while (cursor);
  return ids;
}

const sorted = (ids: string[]) => [...ids].sort();
const PARALLEL_ACCOUNTS = 4;

/**
 * The API's counts against its lists and against Temporal's states, for every demo account:
 * - the inbox's counts (from the SLA counters) equal the length of the inbox list, in all and per timeliness, and
 *   the list holds exactly the dossiers whose workflow waits for one of the user's grants;
 * - the SLA summary's open totals (per processing unit and per timeliness) equal the pending lists, which hold the
 *   open dossiers of the user's units; its finished counts equal the closed dossiers of those units.
 * Uses jest's expect, so a difference fails the test with the user and the list concerned.
 */
export async function checkCountsAgainstLists(
  baseUrl: string,
  models: Models,
  states: DossierState[],
): Promise<{ users: number; lists: number }> {
  const api = apiClient(baseUrl);
  // Sessions opened in the database rather than by signing in: 54 scrypt verifications (128 MiB each) took most of
  // this check's two minutes on two cores, and signing in is not what it checks.
  const sessions = createSessionTokens({ models, settings: { accessTokenSeconds: 3600, sessionHours: 1 } });
  for (const account of DEMO_ACCOUNTS) api.useToken(account.username, (await sessions.open(account.username)).token);
  let lists = 0;
  const queue = [...DEMO_ACCOUNTS];
  const checkAccount = async (account: (typeof DEMO_ACCOUNTS)[number]): Promise<void> => {
    const first = await api.call('GET', '/api/inbox?limit=1', { as: account.username });
    expect(first.status).toBe(200);
    const counts = first.body.counts as Record<string, number> | undefined;
    const ids = await listIds(api, account.username, '/api/inbox');
    lists += 1;
    const waiting = states.filter(
      (s) => s.currentStep !== null && s.processingUnit === account.unitCode && s.currentRole === account.role,
    );
    expect({ user: account.username, inbox: sorted(ids) }).toEqual({
      user: account.username,
      inbox: sorted(waiting.map((s) => s.dossierId)),
    });
    expect({ user: account.username, total: counts?.total ?? 0 }).toEqual({
      user: account.username,
      total: ids.length,
    });
    for (const t of OPEN_TIMELINESS) {
      // A list filtered by timeliness is part of the inbox: when the inbox is empty, so is it (no request needed).
      const byTimeliness = ids.length === 0 ? [] : await listIds(api, account.username, `/api/inbox?timeliness=${t}`);
      if (ids.length > 0) lists += 1;
      expect({ user: account.username, timeliness: t, count: counts?.[t] ?? 0 }).toEqual({
        user: account.username,
        timeliness: t,
        count: byTimeliness.length,
      });
    }
  };
  // A few accounts at a time: each check is a handful of small requests.
  await Promise.all(
    Array.from({ length: PARALLEL_ACCOUNTS }, async () => {
      for (let account = queue.shift(); account; account = queue.shift()) await checkAccount(account);
    }),
  );

  for (const as of ['tp.hanoi', 'quan.hadong']) {
    const unit = DEMO_ACCOUNTS.find((a) => a.username === as)!.unitCode;
    const inScope = states.filter((s) => Object.values(s.units).includes(unit));
    const summary = await api.call('GET', '/api/sla/summary', { as });
    expect(summary.status).toBe(200);
    const pending = await listIds(api, as, '/api/sla/pending');
    lists += 1;
    expect({ user: as, pending: sorted(pending) }).toEqual({
      user: as,
      pending: sorted(inScope.filter((s) => s.currentStep !== null).map((s) => s.dossierId)),
    });
    expect({ user: as, total: summary.body.totals.total }).toEqual({ user: as, total: pending.length });
    for (const t of OPEN_TIMELINESS) {
      const list = await listIds(api, as, `/api/sla/pending?timeliness=${t}`);
      lists += 1;
      expect({ user: as, timeliness: t, count: summary.body.totals[t] }).toEqual({
        user: as,
        timeliness: t,
        count: list.length,
      });
    }
    const perUnit = new Map<string, number>();
    for (const row of summary.body.pending as { unit: string; total: number }[])
      perUnit.set(row.unit, (perUnit.get(row.unit) ?? 0) + row.total);
    for (const [processingUnit, total] of perUnit) {
      const list = await listIds(api, as, `/api/sla/pending?processingUnit=${processingUnit}`);
      lists += 1;
      expect({ user: as, processingUnit, count: total }).toEqual({ user: as, processingUnit, count: list.length });
    }
    const finished = (summary.body.finished.items as { onTime: number; late: number }[]).reduce(
      (n, i) => n + i.onTime + i.late,
      0,
    );
    expect({ user: as, finished }).toEqual({
      user: as,
      finished: inScope.filter((s) => s.currentStep === null).length,
    });
  }
  return { users: DEMO_ACCOUNTS.length, lists };
}
